import Foundation
import HTTPServer
import Testing

/// Live tests of timeouts and the connection cap: slow, idle, greedy and vanishing clients.
@Suite struct ConnectionLifecycleTests {
    @Test func aClientTricklingItsHeadIsCutOffAtTheHeaderTimeoutWhileOthersAreServed() async throws {
        let configuration = testConfiguration { $0.headerTimeout = .seconds(1) }
        try await withServer(configuration, router: basicRouter()) { server in
            let slow = try RawClient(port: server.port)
            let other = try RawClient(port: server.port)
            let request = Array(
                "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: \(String(repeating: "s", count: 200))\r\n\r\n".utf8)
            var sent = 0
            var servedMeanwhile = 0
            // One byte every 300 ms, as a slowloris client would, until the server answers.
            while sent < request.count && !slow.waitReadable(timeout: .milliseconds(300)) {
                try slow.send([request[sent]])
                sent += 1
                try other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                if try other.readResponse().status == 200 { servedMeanwhile += 1 }
            }
            let answer = try slow.readResponse()
            #expect(answer.status == 408)
            #expect(answer.header("Connection") == "close")
            #expect(try slow.isClosedByServer())
            #expect(sent < request.count)
            #expect(servedMeanwhile == sent)
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedSilentlyAtTheHeaderTimeout() async throws {
        let configuration = testConfiguration { $0.headerTimeout = .milliseconds(300) }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            #expect(try client.readUntilClosed().isEmpty)
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAtTheIdleTimeout() async throws {
        let configuration = testConfiguration { $0.idleTimeout = .milliseconds(300) }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func aBodyThatStopsArrivingGets408AtTheBodyTimeout() async throws {
        let configuration = testConfiguration { $0.bodyTimeout = .milliseconds(300) }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func aClientThatStopsReadingIsClosedAtTheWriteTimeout() async throws {
        var router = Router()
        let big = HTTPResponse(status: .ok, body: [UInt8](repeating: 120, count: 32 * 1024 * 1024))
        router.get("/big") { _, responder in responder.respond(big) }
        let configuration = testConfiguration { $0.writeTimeout = .milliseconds(300) }
        let answered = Signal<Void>()
        let observer: @Sendable (ResponseRecord) -> Void = { _ in answered.fire(()) }
        try await withServer(configuration, router: router, onResponse: observer) { server in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await answered.wait() != nil)
            #expect(await eventually { server.openConnections == 0 })
            let received = try client.readUntilClosed()
            #expect(received.count < big.body.count)
        }
    }

    @Test func afterAnErrorTheServerWaitsForTheClientOnlyUntilTheLingerTimeout() async throws {
        let configuration = testConfiguration { $0.lingerTimeout = .milliseconds(300) }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nBroken\r\n\r\n")
            #expect(try client.readResponse().status == 400)
            // The server has shut its sending side; the client, which never closes, is let go.
            #expect(try client.isClosedByServer())
            #expect(await eventually { server.openConnections == 0 })
        }
    }

    @Test func connectionsBeyondTheCapAreRefusedWithA503() async throws {
        let configuration = testConfiguration {
            $0.maxConnections = 3
            $0.retryAfterSeconds = 7
            // The idle clients must stay open however slow a loaded machine is, or the fourth is
            // not beyond the cap.
            $0.headerTimeout = .seconds(600)
        }
        try await withServer(configuration, router: basicRouter()) { server in
            var idle = try (0..<3).map { _ in try RawClient(port: server.port) }
            #expect(await eventually { server.openConnections == 3 })
            let refused = try RawClient(port: server.port)
            let answer = try refused.readResponse()
            #expect(answer.status == 503)
            #expect(answer.header("Retry-After") == "7")
            #expect(answer.header("Connection") == "close")
            #expect(answer.problem?["status"] as? Int == 503)
            #expect(try refused.isClosedByServer())
            idle.removeLast().close()
            #expect(await eventually { server.openConnections == 2 })
            let served = try RawClient(port: server.port)
            try served.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try served.readResponse().status == 200)
        }
    }

    @Test func tenThousandIdleConnectionsDoNotStopANewClient() async throws {
        let idleCount = 10_000
        // The idle clients live in another process (bash), so this one only needs a descriptor
        // per server-side connection. Where even that is not allowed, the server's cap is set
        // below the limit and the connections past it must be refused cleanly instead.
        let limit = HTTPServer.raiseOpenFileLimit(to: idleCount + 2_000)
        let cap = min(idleCount + 1, limit - 500)
        let configuration = testConfiguration {
            $0.maxConnections = cap
            $0.listenBacklog = 4096
            $0.headerTimeout = .seconds(120)
        }
        try await withServer(configuration, router: basicRouter()) { server in
            let holder = try IdleConnectionHolder(port: server.port, count: idleCount)
            defer { holder.release() }
            #expect(await eventually(timeout: .seconds(60)) { server.openConnections == min(idleCount, cap) })
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            if cap > idleCount {
                #expect(response.text == "hello")
            } else {
                #expect(response.status == 503)
            }
            client.close()
            holder.release()
            #expect(await eventually(timeout: .seconds(30)) { server.openConnections == 0 })
        }
    }

    @Test func aClientThatVanishesMidResponseDoesNotDisturbOthers() async throws {
        var router = basicRouter()
        let big = HTTPResponse(status: .ok, body: [UInt8](repeating: 121, count: 16 * 1024 * 1024))
        router.get("/big") { _, responder in responder.respond(big) }
        try await withServer(router: router) { server in
            let other = try RawClient(port: server.port)
            for _ in 0..<3 {
                let vanishing = try RawClient(port: server.port, receiveBuffer: 4096)
                try vanishing.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try vanishing.readHead().status == 200)
                vanishing.close(reset: true)
                try other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try other.readResponse().text == "hello")
            }
            #expect(await eventually { server.openConnections == 1 })
            try other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try other.readResponse().text == "hello")
        }
    }

    @Test func garbageFromManyClientsDoesNotStopTheServer() async throws {
        var random = SeededRandom(state: 42)
        try await withServer(router: basicRouter()) { server in
            for round in 0..<200 {
                let client = try RawClient(port: server.port)
                var bytes = (0..<Int.random(in: 1..<2_000, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
                if round % 2 == 0 { bytes = Array("GET /hello HTTP/1.1\r\n".utf8) + bytes }
                try client.send(bytes)
                if round % 3 == 0 { client.close(reset: true) }
            }
            let client = try RawClient(port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello")
        }
    }
}
