/// What a route runs: it is given the request and a responder, and answers through the
/// responder, at once on the event loop or later from any thread. Runs on an event-loop thread:
/// do no blocking work in it.
package typealias Handler = @Sendable (HTTPRequest, Responder) -> Void

/// Routes requests by method and path pattern. Patterns are paths whose segments are literals or
/// `{name}` parameters (`/v1/offices/{office}/availability`); a parameter matches one non-empty
/// segment. Literal segments win over parameters. A path that matches a pattern under another
/// method is a 405 with `Allow`; one that matches none is a 404. `HEAD` runs the `GET` handler
/// when no `HEAD` route exists (the server leaves out the body).
///
/// Build it before starting the server; the server keeps its own copy.
package struct Router: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: String
        let parameterNames: [String]
        let handler: Handler
    }

    struct Literal: Sendable {
        let segment: [UInt8]
        var node: Node
    }

    struct Node: Sendable {
        var literals: [Literal] = []
        /// Zero or one child for a parameter segment (an array for indirection).
        var parameter: [Node] = []
        var routes: [Route] = []
    }

    private var root = Node()
    private var patterns: [(method: HTTPMethod, pattern: String)] = []

    /// What answers a path that no pattern matches (under any method); nil: the server's 404
    /// problem. The request reaches it with no route and no parameters, through the middleware.
    package var unmatched: Handler?

    /// An empty router: every request is a 404.
    package init() {}

    /// Every registered method and pattern, in registration order.
    package var routes: [(method: HTTPMethod, pattern: String)] { patterns }

    /// Registers `handler` for `method` on `pattern`. A malformed pattern or a pattern already
    /// registered for the method is a programming error and stops the program.
    package mutating func on(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with '/': \(pattern)")
        var names: [String] = []
        var segments: [Segment] = []
        for part in pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                let name = String(part.dropFirst().dropLast())
                precondition(!names.contains(name), "parameter '\(name)' appears twice in \(pattern)")
                precondition(!name.contains("{") && !name.contains("}"), "malformed parameter in \(pattern)")
                names.append(name)
                segments.append(.parameter)
            } else {
                precondition(!part.contains("{") && !part.contains("}"), "malformed parameter in \(pattern)")
                segments.append(.literal(Array(part.utf8)))
            }
        }
        let route = Route(method: method, pattern: pattern, parameterNames: names, handler: handler)
        Self.insert(route, segments[...], into: &root)
        patterns.append((method, pattern))
    }

    /// Registers a `GET` route (which also answers `HEAD`).
    package mutating func get(_ pattern: String, _ handler: @escaping Handler) {
        on(.get, pattern, handler)
    }

    /// Registers a `POST` route.
    package mutating func post(_ pattern: String, _ handler: @escaping Handler) {
        on(.post, pattern, handler)
    }

    /// Registers a `PUT` route.
    package mutating func put(_ pattern: String, _ handler: @escaping Handler) {
        on(.put, pattern, handler)
    }

    /// Registers a `PATCH` route.
    package mutating func patch(_ pattern: String, _ handler: @escaping Handler) {
        on(.patch, pattern, handler)
    }

    /// Registers a `DELETE` route.
    package mutating func delete(_ pattern: String, _ handler: @escaping Handler) {
        on(.delete, pattern, handler)
    }

    private enum Segment {
        case literal([UInt8])
        case parameter
    }

    private static func insert(_ route: Route, _ segments: ArraySlice<Segment>, into node: inout Node) {
        guard let first = segments.first else {
            precondition(
                !node.routes.contains { $0.method == route.method },
                "route \(route.method) \(route.pattern) is registered twice")
            node.routes.append(route)
            return
        }
        switch first {
        case .literal(let bytes):
            if let index = node.literals.firstIndex(where: { $0.segment == bytes }) {
                insert(route, segments.dropFirst(), into: &node.literals[index].node)
            } else {
                var child = Node()
                insert(route, segments.dropFirst(), into: &child)
                node.literals.append(Literal(segment: bytes, node: child))
            }
        case .parameter:
            if node.parameter.isEmpty {
                node.parameter.append(Node())
            }
            insert(route, segments.dropFirst(), into: &node.parameter[0])
        }
    }

    // MARK: - Matching

    /// The outcome of looking up a method and path.
    package enum Match: Sendable {
        /// A route: its pattern, handler and the decoded parameters.
        case found(pattern: String, handler: Handler, parameters: PathParameters)
        /// The path exists under other methods, listed for `Allow`.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No pattern matches the path.
        case notFound
    }

    /// Looks up the route for `method` and `path` (still percent-encoded).
    package func match(method: HTTPMethod, path: String) -> Match {
        var path = path
        return path.withUTF8 { bytes -> Match in
            guard bytes.first == UInt8(ascii: "/") else { return .notFound }
            var captures: [Range<Int>] = []
            var allowed: [HTTPMethod] = []
            var found: (Route, [Range<Int>])?
            Self.walk(root, bytes, 1, &captures) { node, captures in
                if let route = Self.route(in: node, for: method) {
                    found = (route, captures)
                    return true
                }
                for route in node.routes where !allowed.contains(route.method) {
                    allowed.append(route.method)
                    if route.method == .get && !allowed.contains(.head) { allowed.append(.head) }
                }
                return false
            }
            if let (route, captures) = found {
                var pairs: [(name: String, value: String)] = []
                if !captures.isEmpty {
                    pairs.reserveCapacity(captures.count)
                    for (name, range) in zip(route.parameterNames, captures) {
                        pairs.append(
                            (
                                name,
                                PercentDecoding.decode(UnsafeBufferPointer(rebasing: bytes[range]), plusAsSpace: false)
                            ))
                    }
                }
                return .found(pattern: route.pattern, handler: route.handler, parameters: PathParameters(pairs))
            }
            return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
        }
    }

    private static func route(in node: Node, for method: HTTPMethod) -> Route? {
        if let route = node.routes.first(where: { $0.method == method }) { return route }
        if method == .head { return node.routes.first { $0.method == .get } }
        return nil
    }

    /// Visits the nodes matching the path from `start` on, literals before parameters, until
    /// `visit` returns true.
    @discardableResult
    private static func walk(
        _ node: Node, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ captures: inout [Range<Int>],
        _ visit: (Node, [Range<Int>]) -> Bool
    ) -> Bool {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "/") {
            end += 1
        }
        let isLast = end == bytes.count
        let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for literal in node.literals where literal.segment.elementsEqual(segment) {
            if isLast ? visit(literal.node, captures) : walk(literal.node, bytes, end + 1, &captures, visit) {
                return true
            }
        }
        if let parameter = node.parameter.first, end > start {
            captures.append(start..<end)
            if isLast ? visit(parameter, captures) : walk(parameter, bytes, end + 1, &captures, visit) {
                return true
            }
            captures.removeLast()
        }
        return false
    }
}
