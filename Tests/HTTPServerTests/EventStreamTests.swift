import Dispatch
import HTTPServer
import Synchronization
import Testing

/// Live tests of Server-Sent Events: streams opened by handlers, pushed to from any thread.
@Suite struct EventStreamTests {
    /// A router whose `/events` opens a stream, hands it to `opened` and adds it to `group`.
    func streamRouter(
        group: EventStreamGroup = EventStreamGroup(),
        opened: @escaping @Sendable (EventStream, HTTPRequest) -> Void = { _, _ in }
    ) -> Router {
        var router = basicRouter()
        router.get("/events") { request, responder in
            let stream = responder.openEventStream(headers: ["X-Accel-Buffering": "no"])
            group.add(stream)
            opened(stream, request)
        }
        return router
    }

    /// A server whose streams send no keep-alive comment during a test, however slow the machine:
    /// the tests that read events expect the events alone.
    let quiet = testConfiguration { $0.eventStreamKeepAliveInterval = .seconds(3600) }

    func openStream(_ client: RawClient, lastEventID: String? = nil, version: String = "HTTP/1.1") throws -> RawResponse
    {
        let field = lastEventID.map { "Last-Event-ID: \($0)\r\n" } ?? ""
        try client.send("GET /events \(version)\r\nHost: x\r\nAccept: text/event-stream\r\n\(field)\r\n")
        return try client.readHead()
    }

    @Test func eventsPushedFromAnyThreadArriveInOrder() async throws {
        let streams = Mutex<[EventStream]>([])
        let router = streamRouter { stream, _ in streams.withLock { $0.append(stream) } }
        try await withServer(quiet, router: router) { server in
            let client = try RawClient(port: server.port)
            let head = try openStream(client)
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "text/event-stream")
            #expect(head.header("Cache-Control") == "no-cache")
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("X-Accel-Buffering") == "no")
            #expect(head.header("Content-Length") == nil)
            let stream = try #require(streams.withLock { $0.first })
            DispatchQueue.global().async {
                for number in 1...20 {
                    stream.send(ServerSentEvent(data: "A\(number)", event: "call", id: "\(number)"))
                }
            }
            for number in 1...20 {
                let chunk = try #require(try client.readChunk())
                #expect(String(decoding: chunk, as: UTF8.self) == "id: \(number)\nevent: call\ndata: A\(number)\n\n")
            }
        }
    }

    @Test func theLastEventIDReachesTheHandler() async throws {
        let router = streamRouter { stream, request in
            stream.send(ServerSentEvent(data: "resuming after \(request.lastEventID ?? "nothing")"))
        }
        try await withServer(quiet, router: router) { server in
            let client = try RawClient(port: server.port)
            _ = try openStream(client, lastEventID: "A041")
            let chunk = try #require(try client.readChunk())
            #expect(String(decoding: chunk, as: UTF8.self) == "data: resuming after A041\n\n")
        }
    }

    @Test func quietStreamsGetKeepAliveComments() async throws {
        let configuration = testConfiguration { $0.eventStreamKeepAliveInterval = .milliseconds(200) }
        try await withServer(configuration, router: streamRouter()) { server in
            let client = try RawClient(port: server.port)
            _ = try openStream(client)
            for _ in 0..<2 {
                let chunk = try #require(try client.readChunk())
                #expect(String(decoding: chunk, as: UTF8.self) == ": keep-alive\n\n")
            }
        }
    }

    @Test func aGroupReachesEveryStreamAndForgetsClosedOnes() async throws {
        let group = EventStreamGroup()
        try await withServer(quiet, router: streamRouter(group: group)) { server in
            var clients = try (0..<3).map { _ in try RawClient(port: server.port) }
            for client in clients { _ = try openStream(client) }
            #expect(group.count == 3)
            group.send(ServerSentEvent(data: "B004 → Schalter 2", event: "call"))
            for client in clients {
                let chunk = try #require(try client.readChunk())
                #expect(String(decoding: chunk, as: UTF8.self) == "event: call\ndata: B004 → Schalter 2\n\n")
            }
            clients.removeFirst().close()
            #expect(await eventually { group.count == 2 })
            group.send(ServerSentEvent(data: "next"))
            for client in clients {
                #expect(try client.readChunk().map { String(decoding: $0, as: UTF8.self) } == "data: next\n\n")
            }
        }
    }

    @Test func aThousandStreamsAllGetABroadcast() async throws {
        let group = EventStreamGroup()
        try await withServer(quiet, router: streamRouter(group: group)) { server in
            let clients = try (0..<1_000).map { _ in try RawClient(port: server.port) }
            for client in clients { _ = try openStream(client) }
            #expect(group.count == 1_000)
            group.send(ServerSentEvent(data: "all", id: "1"))
            for client in clients {
                #expect(try client.readChunk().map { String(decoding: $0, as: UTF8.self) } == "id: 1\ndata: all\n\n")
            }
        }
    }

    @Test func anApplicationCanEndAStream() async throws {
        let router = streamRouter { stream, _ in
            stream.send(ServerSentEvent(data: "bye"))
            stream.close()
        }
        try await withServer(quiet, router: router) { server in
            let client = try RawClient(port: server.port)
            _ = try openStream(client)
            #expect(try client.readChunk().map { String(decoding: $0, as: UTF8.self) } == "data: bye\n\n")
            #expect(try client.readChunk() == nil)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func aStreamWhoseClientStopsReadingIsClosedPastTheBufferLimit() async throws {
        let closed = Signal<Void>()
        let opened = Signal<EventStream>()
        let router = streamRouter { stream, _ in
            stream.onClose { closed.fire(()) }
            opened.fire(stream)
        }
        let configuration = testConfiguration { $0.maxEventStreamBufferBytes = 64 * 1024 }
        try await withServer(configuration, router: router) { server in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            _ = try openStream(client)
            let stream = try #require(await opened.wait())
            let payload = ServerSentEvent(data: String(repeating: "x", count: 64 * 1024)).encoded
            for _ in 0..<400 where !stream.isClosed {
                stream.sendEncoded(payload)
            }
            #expect(await closed.wait() != nil)
            #expect(stream.isClosed)
            #expect(await eventually { server.openConnections == 0 })
        }
    }

    @Test func http10ClientsGetAStreamThatEndsWithTheConnection() async throws {
        let router = streamRouter { stream, _ in
            stream.send(ServerSentEvent(data: "one"))
            stream.close()
        }
        try await withServer(quiet, router: router) { server in
            let client = try RawClient(port: server.port)
            let head = try openStream(client, version: "HTTP/1.0")
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(head.header("Connection") == "close")
            #expect(String(decoding: try client.readUntilClosed(), as: UTF8.self) == "data: one\n\n")
        }
    }

    @Test func headOfAStreamIsOnlyTheHead() async throws {
        let opened = Signal<EventStream>()
        let router = streamRouter { stream, _ in opened.fire(stream) }
        try await withServer(quiet, router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /events HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            #expect(head.header("Content-Type") == "text/event-stream")
            #expect(try client.readResponse().text == "hello")
            #expect(try #require(await opened.wait()).isClosed)
        }
    }
}
