import Testing

@testable import HTTPServer

@Suite struct RouterTests {
    let noop: Handler = { _, _ in }

    func matched(_ router: Router, _ method: HTTPMethod, _ path: String) -> String {
        switch router.match(method: method, path: path) {
        case .found(let pattern, _, let parameters):
            let values = parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            return values.isEmpty ? pattern : "\(pattern) \(values)"
        case .methodNotAllowed(let allowed):
            return "405 " + allowed.map(\.rawValue).joined(separator: ",")
        case .notFound:
            return "404"
        }
    }

    @Test func parametersMatchOneSegmentAndArePercentDecoded() {
        var router = Router()
        router.get("/v1/offices/{office}/availability", noop)
        #expect(
            matched(router, .get, "/v1/offices/berlin%20mitte/availability")
                == "/v1/offices/{office}/availability office=berlin mitte")
        #expect(matched(router, .get, "/v1/offices//availability") == "404")
        #expect(matched(router, .get, "/v1/offices/a/b/availability") == "404")
        #expect(matched(router, .get, "/v1/offices/a/availability/") == "404")
    }

    @Test func literalsWinOverParametersAndTheRouterBacktracks() {
        var router = Router()
        router.get("/offices/{office}", noop)
        router.get("/offices/search", noop)
        router.get("/offices/{office}/counters", noop)
        router.get("/offices/search/recent", noop)
        #expect(matched(router, .get, "/offices/search") == "/offices/search")
        #expect(matched(router, .get, "/offices/mitte") == "/offices/{office} office=mitte")
        #expect(matched(router, .get, "/offices/search/counters") == "/offices/{office}/counters office=search")
        #expect(matched(router, .get, "/offices/search/recent") == "/offices/search/recent")
    }

    @Test func aKnownPathWithAnotherMethodIs405WithTheAllowedMethods() {
        var router = Router()
        router.get("/v1/bookings/{reference}", noop)
        router.delete("/v1/bookings/{reference}", noop)
        router.post("/v1/bookings", noop)
        #expect(matched(router, .put, "/v1/bookings/ABC") == "405 GET,HEAD,DELETE")
        #expect(matched(router, .get, "/v1/bookings") == "405 POST")
        #expect(matched(router, .get, "/v1/holds") == "404")
        #expect(matched(router, .get, "relative") == "404")
    }

    @Test func headUsesTheGetRouteUnlessItHasItsOwn() {
        var router = Router()
        router.get("/a", noop)
        router.get("/b", noop)
        router.on(.head, "/b", noop)
        #expect(matched(router, .head, "/a") == "/a")
        #expect(matched(router, .head, "/b") == "/b")
        #expect(router.routes.map { "\($0.method) \($0.pattern)" } == ["GET /a", "GET /b", "HEAD /b"])
    }

    @Test func theRootPathIsARouteOfItsOwn() {
        var router = Router()
        router.get("/", noop)
        #expect(matched(router, .get, "/") == "/")
        #expect(matched(router, .get, "/x") == "404")
    }
}
