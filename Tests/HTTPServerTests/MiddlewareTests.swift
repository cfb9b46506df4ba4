import Dispatch
import HTTPServer
import Synchronization
import Testing

@Suite struct MiddlewareTests {
    @Test func middlewareRunsInOrderSeesTheRouteAndMayAnswerItself() async throws {
        let order = ClosureMiddleware { request, responder, next in
            responder.transformResponse { $0.headers.add("X-Order", "first") }
            var request = request
            request.headers.add("X-Seen-Route", request.route ?? "none")
            next(request, responder)
        }
        let auth = ClosureMiddleware { request, responder, next in
            responder.transformResponse { $0.headers.add("X-Order", "second") }
            guard request.headers["Authorization"] == "Bearer staff" else {
                responder.respond(Problem(status: .unauthorized, detail: "A staff token is needed."))
                return
            }
            next(request, responder)
        }
        var router = Router()
        router.get("/staff/{office}") { request, responder in
            responder.respond(.text(request.headers["X-Seen-Route"] ?? "-"))
        }
        try await withServer(router: router, middleware: [order, auth]) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /staff/mitte HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try client.readResponse()
            #expect(refused.status == 401)
            #expect(refused.headers("X-Order") == ["first", "second"])
            try client.send("GET /staff/mitte HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer staff\r\n\r\n")
            let allowed = try client.readResponse()
            #expect(allowed.text == "/staff/{office}")
        }
    }

    @Test func theRequestLogWritesOneLinePerRequestWithoutThePath() async throws {
        let lines = Mutex<[String]>([])
        let logged = Signal<Void>()
        let log = RequestLogMiddleware { line in
            if lines.withLock({
                $0.append(line)
                return $0.count
            }) == 2 {
                logged.fire(())
            }
        }
        var router = Router()
        router.get("/v1/bookings/{reference}") { _, responder in responder.respond(.text("booking")) }
        try await withServer(router: router, middleware: [log]) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /v1/bookings/SECRET-REF-123?token=abc HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            let id = try #require(response.header("X-Request-Id"))
            #expect(id.count == 16)
            try client.send("GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            #expect(await logged.wait() != nil)
            let first = try #require(lines.withLock { $0.first })
            #expect(
                first.hasPrefix(
                    "level=info event=http.request id=\(id) method=GET route=/v1/bookings/{reference} status=200 duration_us="
                ))
            #expect(!first.contains("SECRET") && !first.contains("token"))
            #expect(lines.withLock { $0[1] }.contains("route=- status=404"))
        }
    }

    @Test func theInFlightLimitAnswers503BeyondItsMaximumAndCountsEveryEnd() async throws {
        let limit = InFlightLimitMiddleware(maximum: 2, retryAfterSeconds: 3)
        let held = Mutex<[Responder]>([])
        let arrivals = Mutex(0)
        let twoArrived = Signal<Void>()
        var router = Router()
        router.get("/hold") { _, responder in
            held.withLock { $0.append(responder) }
            if arrivals.withLock({
                $0 += 1
                return $0
            }) == 2 {
                twoArrived.fire(())
            }
        }
        try await withServer(router: router, middleware: [limit]) { server in
            let first = try RawClient(port: server.port)
            let second = try RawClient(port: server.port)
            try first.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            try second.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await twoArrived.wait() != nil)
            #expect(limit.current == 2)
            let third = try RawClient(port: server.port)
            try third.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "3")
            // One is answered, one client gives up: both count as finished.
            held.withLock { $0[0] }.respond(.text("done"))
            #expect(try first.readResponse().text == "done")
            second.close()
            #expect(await eventually { limit.current == 0 })
        }
    }
}
