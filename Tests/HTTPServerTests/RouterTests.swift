import RathausTesting
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

    /// The router's rules stated plainly, pattern by pattern: the patterns whose segments match
    /// the path, in the order of a walk that tries literals before parameters (per segment, a
    /// literal sorts first); the first of them with a route for the method (or `GET`'s for
    /// `HEAD`) wins; otherwise the methods of all of them, in that order, make the 405.
    func expected(_ registered: [(HTTPMethod, String)], _ method: HTTPMethod, _ path: String) -> String {
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var shapes: [(key: [Int], pattern: String, values: [String])] = []
        for (_, pattern) in registered where !shapes.contains(where: { $0.pattern == pattern }) {
            let parts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { continue }
            var key: [Int] = []
            var values: [String] = []
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") {
                    guard !segment.isEmpty else { break }
                    key.append(1)
                    values.append("\(part.dropFirst().dropLast())=\(segment)")
                } else {
                    guard part == segment else { break }
                    key.append(0)
                }
            }
            if key.count == parts.count { shapes.append((key, pattern, values)) }
        }
        shapes.sort { $0.key.lexicographicallyPrecedes($1.key) }
        // Patterns of one shape end at one node: their methods in registration order.
        var allowed: [HTTPMethod] = []
        for shape in shapes {
            let methods = registered.filter { $0.1 == shape.pattern }.map(\.0)
            if methods.contains(method) || (method == .head && methods.contains(.get)) {
                return shape.values.isEmpty ? shape.pattern : "\(shape.pattern) \(shape.values.joined(separator: ","))"
            }
            for registeredMethod in methods where !allowed.contains(registeredMethod) {
                allowed.append(registeredMethod)
                if registeredMethod == .get && !allowed.contains(.head) { allowed.append(.head) }
            }
        }
        return allowed.isEmpty ? "404" : "405 " + allowed.map(\.rawValue).joined(separator: ",")
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
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
            guard !registered.contains(where: { $0 == (method, pattern) }) else { continue }
            router.on(method, pattern, noop)
            registered.append((method, pattern))
        }
        let segments = ["a", "b", "ab", "c", "", "a%20b"]
        for _ in 0..<60 {
            let path = (0..<Int.random(in: 1...5, using: &random))
                .map { _ in "/" + (segments.randomElement(using: &random) ?? "a") }.joined()
            let method = ([.put] + methods).randomElement(using: &random) ?? .get
            let want = expected(registered, method, path).replacing("%20", with: " ")
            #expect(matched(router, method, path) == want, "seed \(seed): \(method) \(path) over \(registered)")
        }
    }
}
