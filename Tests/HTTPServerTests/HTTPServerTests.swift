import Dispatch
import Foundation
import HTTPServer
import Synchronization
import Testing

/// Live tests on port 0 with raw sockets: what a client sees on the wire.
@Suite struct HTTPServerTests {
    @Test(arguments: ["127.0.0.1", "::1"])
    func servesOnIPv4AndIPv6Loopback(host: String) async throws {
        let configuration = testConfiguration { $0.host = host }
        try await withServer(configuration, router: basicRouter()) { server in
            #expect(server.port > 0)
            let client = try RawClient(host: host, port: server.port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
            #expect(response.header("Content-Length") == "5")
        }
    }

    @Test(arguments: ["127.0.0.1", "::1"])
    func handlersSeeThePeerAddress(host: String) async throws {
        var router = Router()
        router.get("/peer") { request, responder in responder.respond(.text(request.remoteHost)) }
        try await withServer(testConfiguration { $0.host = host }, router: router) { server in
            let client = try RawClient(host: host, port: server.port)
            try client.send("GET /peer HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == host)
        }
    }

    @Test func aKeptAliveConnectionServesRequestAfterRequest() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            for index in 0..<5 {
                try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n\(index)")
                let response = try client.readResponse()
                #expect(response.text == "\(index)")
                #expect(response.header("Connection") == nil)
            }
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try client.readResponse().header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            let requests = (0..<20).map { "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n\($0 + 10)" }
            try client.send(requests.joined() + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            for index in 0..<20 {
                #expect(try client.readResponse().text == "\(index + 10)")
            }
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func largeBodiesArriveWholeAndInOrderBetweenSmallOnesWhenTheClientReadsSlowly() async throws {
        // Bodies from 1 KiB on go out from their own storage beside the heads (one sendmsg);
        // a client with a small receive buffer makes the socket take part of them only.
        @Sendable func body(_ size: Int, _ seed: UInt8) -> [UInt8] {
            (0..<size).map { UInt8(truncatingIfNeeded: $0) &+ seed }
        }
        let sizes = [10, 1_023, 1_024, 300_000, 5, 70_000, 2_000]
        var router = Router()
        router.get("/body/{index}") { request, responder in
            let index = Int(request.parameters["index"] ?? "") ?? 0
            responder.respond(HTTPResponse(status: .ok, body: body(sizes[index], UInt8(index))))
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            try client.send(sizes.indices.map { "GET /body/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for (index, size) in sizes.enumerated() {
                let response = try client.readResponse()
                #expect(response.header("Content-Length") == String(size))
                #expect(response.body == body(size, UInt8(index)), "answer \(index)")
            }
            try client.send("HEAD /body/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            #expect(head.header("Content-Length") == "300000" && head.body.isEmpty)
        }
    }

    @Test func pipelinedRequestsWaitForAnEarlierAnswerThatComesLater() async throws {
        let held = Mutex<[Responder]>([])
        let arrived = Signal<Void>()
        var router = basicRouter()
        router.get("/slow") { _, responder in
            held.withLock { $0.append(responder) }
            arrived.fire(())
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await arrived.wait() != nil)
            // Another connection is served while the first waits.
            let other = try RawClient(port: server.port)
            try other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try other.readResponse().status == 200)
            let responder = try #require(held.withLock { $0.first })
            DispatchQueue.global().async {
                responder.respond(.text("late"))
            }
            #expect(try client.readResponse().text == "late")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func unknownPathsAndMethodsGetProblems() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
            let notFound = try client.readResponse()
            #expect(notFound.status == 404)
            #expect(notFound.header("Content-Type") == "application/problem+json")
            #expect(notFound.problem?["status"] as? Int == 404)
            #expect(notFound.problem?["title"] as? String == "Not Found")
            #expect(notFound.problem?["type"] as? String == "about:blank")
            #expect(notFound.problem?["detail"] is String)
            try client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let notAllowed = try client.readResponse()
            #expect(notAllowed.status == 405)
            #expect(notAllowed.header("Allow") == "GET, HEAD")
            #expect(notAllowed.header("Connection") == nil)
        }
    }

    @Test func theUnmatchedHandlerAnswersPathsNoRouteMatchesButNotOtherMethods() async throws {
        var router = basicRouter()
        router.unmatched = { request, responder in
            responder.respond(
                HTTPResponse(
                    status: .notFound, headers: ["Content-Type": "text/html; charset=utf-8"],
                    body: Array("<p>nothing at \(request.path)</p>".utf8)))
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n")
            let page = try client.readResponse()
            #expect(page.status == 404)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.text == "<p>nothing at /nothing/here</p>")
            try client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 405)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func http10ConnectionsCloseUnlessKeptAlive() async throws {
        try await withServer(router: basicRouter()) { server in
            let kept = try RawClient(port: server.port)
            try kept.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().header("Connection") == "keep-alive")
            try kept.send("GET /hello HTTP/1.0\r\n\r\n")
            let last = try kept.readResponse()
            #expect(last.header("Connection") == "close")
            #expect(try kept.isClosedByServer())
        }
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "v", count: 300) + "\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X: v\r\n", count: 10) + "\r\n", 431),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: x\r\nBad Field: v\r\n\r\n", 400),
        ("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ])
    func malformedOrOversizedRequestsGetAProblemAndAClose(request: String, status: Int) async throws {
        let configuration = testConfiguration {
            $0.maxRequestLineBytes = 256
            $0.maxHeaderBytes = 256
            $0.maxHeaderCount = 8
            $0.maxBodyBytes = 100
        }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send(request + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.problem?["status"] as? Int == status)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func limitsOverTheWireAreInclusive() async throws {
        let configuration = testConfiguration {
            $0.maxRequestLineBytes = 64
            $0.maxBodyBytes = 10
        }
        try await withServer(configuration, router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            let line = "POST /echo HTTP/1.1"
            let target = "/echo?" + String(repeating: "q", count: 64 - line.count - 1)
            try client.send("POST \(target) HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789")
            #expect(try client.readResponse().text == "0123456789")
            try client.send("POST \(target)q HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 414)
        }
    }

    @Test func chunkedUploadsArriveWhole() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            var expected = ""
            for index in 0..<50 {
                let piece = String(repeating: Character(UnicodeScalar(UInt8(65 + index % 26))), count: index + 1)
                expected += piece
                try client.send(String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n")
            }
            try client.send("0\r\nX-Checksum: none\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == expected)
        }
    }

    @Test func aClientExpectingContinueGetsItBeforeSendingTheBody() async throws {
        try await withServer(router: basicRouter()) { server in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("body")
            #expect(try client.readResponse().text == "body")
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n")
            let refused = try client.readResponse()
            #expect(refused.status == 413)
        }
    }

    @Test func handlersCanAnswerFromAnotherThread() async throws {
        var router = Router()
        router.post("/v1/bookings") { request, responder in
            DispatchQueue.global().async {
                responder.respond(.json(Array(#"{"reference":"\#(request.body.count)"}"#.utf8), status: .created))
            }
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port)
            for _ in 0..<20 {
                try client.send("POST /v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
                let response = try client.readResponse()
                #expect(response.status == 201)
                #expect(response.text == #"{"reference":"3"}"#)
            }
        }
    }

    @Test func onlyTheFirstAnswerCounts() async throws {
        var router = Router()
        router.get("/twice") { _, responder in
            responder.respond(.text("first"))
            responder.respond(.text("second"))
            DispatchQueue.global().async { responder.respond(.text("third")) }
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /twice HTTP/1.1\r\nHost: x\r\n\r\nGET /twice HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "first")
            #expect(try client.readResponse().text == "first")
        }
    }

    @Test func aHandlerThatMissesItsDeadlineGets503AndItsLateAnswerIsDropped() async throws {
        let held = Mutex<Responder?>(nil)
        var router = basicRouter()
        router.get("/stuck") { _, responder in
            held.withLock { $0 = responder }
        }
        let configuration = testConfiguration { $0.handlerTimeout = .milliseconds(200) }
        try await withServer(configuration, router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 503)
            #expect(response.problem?["status"] as? Int == 503)
            held.withLock { $0?.respond(.text("too late")) }
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func queryParametersAndPathParametersReachTheHandler() async throws {
        var router = Router()
        router.get("/v1/offices/{office}/availability") { request, responder in
            let services = request.query.values(for: "service").joined(separator: "+")
            responder.respond(.text("\(request.parameters["office"] ?? "-") \(services) \(request.route ?? "-")"))
        }
        try await withServer(router: router) { server in
            let client = try RawClient(port: server.port)
            try client.send(
                "GET /v1/offices/rathaus%20mitte/availability?service=pass&service=id HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "rathaus mitte pass+id /v1/offices/{office}/availability")
        }
    }

    @Test func everyAnswerIsReportedWithItsRouteAndStatus() async throws {
        let records = Mutex<[String]>([])
        let reported = Signal<Void>()
        var router = basicRouter()
        router.get("/items/{id}") { _, responder in responder.respond(.text("item")) }
        let observer: @Sendable (ResponseRecord) -> Void = { record in
            let line = "\(record.method?.rawValue ?? "-") \(record.route ?? "-") \(record.status?.code ?? 0)"
            let count = records.withLock {
                $0.append(line)
                return $0.count
            }
            if count == 4 { reported.fire(()) }
        }
        try await withServer(router: router, onResponse: observer) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /items/7 HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            try client.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            try client.send("PUT /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            try client.send("GET / HTTP/1.1\r\n\r\n")
            _ = try client.readResponse()
            #expect(await reported.wait() != nil)
            #expect(records.withLock { $0 } == ["GET /items/{id} 200", "GET - 404", "PUT - 405", "- - 400"])
        }
    }
}
