import RathausTesting
import Testing

@testable import HTTPServer

@Suite struct RouterTests {
    let noop: Handler = { _, _ in }

    func matched(_ router: Router, _ method: HTTPMethod, _ path: String) -> String {
        switch router.match(method: method, path: path) {
        case .found(let pattern, _, let parameters, _):
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

    /// A pattern with its parameters' names left out (`/a/{}`): patterns of one shape end at
    /// one node of the router.
    func shape(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }

    /// The router's rules stated plainly, registration by registration: the shapes whose segments
    /// match the path, in the order of a walk that tries literals before parameters (per segment,
    /// a literal sorts first); in the first shape with a route for the method (or `GET`'s for
    /// `HEAD`), the first such registration wins, with its number (its place in registration
    /// order); otherwise the methods of all matching shapes, in that order and each shape's in
    /// registration order, make the 405.
    func expected(_ registered: [(HTTPMethod, String)], _ method: HTTPMethod, _ path: String) -> (String, Int?) {
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var shapes: [(key: [Int], shape: String)] = []
        for (_, pattern) in registered where !shapes.contains(where: { $0.shape == shape(pattern) }) {
            let parts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { continue }
            var key: [Int] = []
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") {
                    guard !segment.isEmpty else { break }
                    key.append(1)
                } else {
                    guard part == segment else { break }
                    key.append(0)
                }
            }
            if key.count == parts.count { shapes.append((key, shape(pattern))) }
        }
        shapes.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var allowed: [HTTPMethod] = []
        for candidate in shapes {
            let routes = registered.indices.filter { shape(registered[$0].1) == candidate.shape }
            let winner =
                routes.first { registered[$0].0 == method }
                ?? (method == .head ? routes.first { registered[$0].0 == .get } : nil)
            if let winner {
                let pattern = registered[winner].1
                let parts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
                let values = zip(parts, segments).filter { $0.0.hasPrefix("{") }
                    .map { "\($0.0.dropFirst().dropLast())=\($0.1.replacing("%20", with: " "))" }
                return (values.isEmpty ? pattern : "\(pattern) \(values.joined(separator: ","))", winner)
            }
            for index in routes where !allowed.contains(registered[index].0) {
                allowed.append(registered[index].0)
                if registered[index].0 == .get && !allowed.contains(.head) { allowed.append(.head) }
            }
        }
        return (allowed.isEmpty ? "404" : "405 " + allowed.map(\.rawValue).joined(separator: ","), nil)
    }

    /// The number of the route `method` and `path` reach, or nil.
    func number(_ router: Router, _ method: HTTPMethod, _ path: String) -> Int? {
        if case .found(_, _, _, let number) = router.match(method: method, path: path) { return number }
        return nil
    }

    @Test(arguments: 1...60 as ClosedRange<UInt64>)
    func randomRoutersAnswerAsTheRulesSay(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let methods: [HTTPMethod] = [.get, .post, .delete, .head]
        let parts = ["a", "b", "ab", "{x}", "{y}"]
        var router = Router()
        var registered: [(HTTPMethod, String)] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let depth = Int.random(in: 1...4, using: &random)
            var names: Set<String> = []
            var pattern = ""
            for _ in 0..<depth {
                var part = parts.randomElement(using: &random) ?? "a"
                if part.hasPrefix("{") {
                    // A parameter name appears once per pattern; a second one gets the depth.
                    if !names.insert(part).inserted { part = "{z\(names.count)}" }
                    names.insert(part)
                }
                pattern += "/" + part
            }
            let method = methods.randomElement(using: &random) ?? .get
            // One route per method and node: `/{x}` and `/{y}` are one node.
            guard !registered.contains(where: { $0.0 == method && shape($0.1) == shape(pattern) }) else { continue }
            router.on(method, pattern, noop)
            registered.append((method, pattern))
        }
        let segments = ["a", "b", "ab", "c", "", "a%20b"]
        for _ in 0..<60 {
            let path = (0..<Int.random(in: 1...5, using: &random))
                .map { _ in "/" + (segments.randomElement(using: &random) ?? "a") }.joined()
            let method = ([.put] + methods).randomElement(using: &random) ?? .get
            let (answer, route) = expected(registered, method, path)
            #expect(matched(router, method, path) == answer, "seed \(seed): \(method) \(path) over \(registered)")
            #expect(number(router, method, path) == route, "seed \(seed): \(method) \(path) over \(registered)")
        }
    }
}
