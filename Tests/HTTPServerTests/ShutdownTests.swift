import Dispatch
import Glibc
import HTTPServer
import Synchronization
import Testing

@Suite struct ShutdownTests {
    /// A router whose `/hold` waits until the test answers through `held`.
    func holdingRouter(_ held: Signal<Responder>) -> Router {
        var router = basicRouter()
        router.get("/hold") { _, responder in held.fire(responder) }
        return router
    }

    func refusesConnections(_ port: Int) -> Bool {
        (try? RawClient(port: port)) == nil
    }

    @Test func shutdownFinishesRequestsInFlightClosesIdleOnesAndRefusesNewOnes() async throws {
        let held = Signal<Responder>()
        let server = try HTTPServer(configuration: testConfiguration(), router: holdingRouter(held))
        try server.start()
        let busy = try RawClient(port: server.port)
        let idle = try RawClient(port: server.port)
        try idle.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        try busy.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
        let responder = try #require(await held.wait())

        server.shutdown(gracePeriod: .seconds(120))
        #expect(try idle.isClosedByServer())
        #expect(await eventually { refusesConnections(server.port) })
        responder.respond(.text("finished"))
        let response = try busy.readResponse()
        #expect(response.text == "finished")
        #expect(response.header("Connection") == "close")
        #expect(try busy.isClosedByServer())
        await server.stopped()
        #expect(server.openConnections == 0)
    }

    @Test func theGracePeriodBoundsTheDrain() async throws {
        let held = Signal<Responder>()
        let server = try HTTPServer(configuration: testConfiguration(), router: holdingRouter(held))
        try server.start()
        let stuck = try RawClient(port: server.port)
        try stuck.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await held.wait() != nil)
        server.shutdown(gracePeriod: .milliseconds(200))
        await server.stopped()
        #expect(try stuck.readUntilClosed().isEmpty)
    }

    @Test func shutdownEndsEventStreams() async throws {
        var router = Router()
        router.get("/events") { _, responder in _ = responder.openEventStream() }
        let server = try HTTPServer(configuration: testConfiguration(), router: router)
        try server.start()
        let client = try RawClient(port: server.port)
        try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readHead().status == 200)
        server.shutdown(gracePeriod: .seconds(120))
        #expect(try client.readChunk() == nil)
        #expect(try client.isClosedByServer())
        await server.stopped()
    }

    @Test func aServerThatNeverStartedShutsDownAtOnce() async throws {
        let server = try HTTPServer(configuration: testConfiguration(), router: Router())
        server.shutdown()
        server.waitUntilStopped()
        #expect(refusesConnections(server.port))
        #expect(throws: HTTPServerError.notStartable) { try server.start() }
    }

    @Test func sigtermDrainsAndStops() async throws {
        let held = Signal<Responder>()
        let server = try HTTPServer(configuration: testConfiguration(), router: holdingRouter(held))
        try server.start()
        let signals = server.shutdownOnTerminationSignals(gracePeriod: .seconds(120))
        defer { signals.cancel() }
        let busy = try RawClient(port: server.port)
        try busy.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
        let responder = try #require(await held.wait())

        kill(getpid(), SIGTERM)
        #expect(await eventually { refusesConnections(server.port) })
        responder.respond(.text("drained"))
        let response = try busy.readResponse()
        #expect(response.text == "drained")
        #expect(response.header("Connection") == "close")
        await server.stopped()
    }

    @Test func answersAndEventsAfterTheServerStoppedAreDropped() async throws {
        let held = Signal<Responder>()
        let server = try HTTPServer(configuration: testConfiguration(), router: holdingRouter(held))
        try server.start()
        let client = try RawClient(port: server.port)
        try client.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
        let responder = try #require(await held.wait())
        server.shutdown(gracePeriod: .zero)
        await server.stopped()
        responder.respond(.text("nobody listens"))
        let stream = responder.openEventStream()
        stream.send(ServerSentEvent(data: "lost"))
        #expect(stream.isClosed)
        #expect(try client.readUntilClosed().isEmpty)
    }
}
