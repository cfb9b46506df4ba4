import Glibc

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
        /// The route's place in registration order.
        let number: Int
    }

    /// One node of the tree of path segments; children are named by their index in `nodes`, so
    /// matching walks indices and copies no node.
    struct Node: Sendable {
        var literals: [(segment: [UInt8], child: Int)] = []
        /// The child for a parameter segment, if any.
        var parameter: Int?
        var routes: [Route] = []
    }

    /// The nodes; the root is the first.
    private var nodes = [Node()]
    /// The same tree in plain numbers for matching, made again after each registration.
    package private(set) var table = Table(nodes: [Node()])

    /// The tree of a router in plain numbers, for matching without reference counting: per node
    /// its literal edges (a range of `edges`), its parameter child and its routes (a range of
    /// `routes`); per edge its segment (a range of `segments`) and its child. Immutable, so that
    /// the server's loops share one without copying it.
    package final class Table: Sendable {
        let nodes: [FlatNode]
        let edges: [Edge]
        let segments: [UInt8]
        /// Every route, grouped by node in the order of the nodes.
        let routes: [Route]
        /// The most parameters a pattern has, to size the captures of a match once.
        let maxParameters: Int

        init(nodes tree: [Node]) {
            var nodes: [FlatNode] = []
            var edges: [Edge] = []
            var segments: [UInt8] = []
            var routes: [Route] = []
            for node in tree {
                nodes.append(
                    FlatNode(
                        firstEdge: Int32(edges.count), edgeCount: Int32(node.literals.count),
                        parameter: Int32(node.parameter ?? -1), firstRoute: Int32(routes.count),
                        routeCount: Int32(node.routes.count)))
                for (segment, child) in node.literals {
                    edges.append(
                        Edge(
                            segmentStart: Int32(segments.count), segmentCount: Int32(segment.count),
                            child: Int32(child)))
                    segments.append(contentsOf: segment)
                }
                routes.append(contentsOf: node.routes)
            }
            self.nodes = nodes
            self.edges = edges
            self.segments = segments
            self.routes = routes
            self.maxParameters = routes.map(\.parameterNames.count).max() ?? 0
        }
    }

    struct FlatNode: Sendable {
        var firstEdge: Int32
        var edgeCount: Int32
        /// The parameter child, or -1.
        var parameter: Int32
        var firstRoute: Int32
        var routeCount: Int32
    }

    struct Edge: Sendable {
        var segmentStart: Int32
        var segmentCount: Int32
        var child: Int32
    }
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
        var current = 0
        for part in pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                let name = String(part.dropFirst().dropLast())
                precondition(!names.contains(name), "parameter '\(name)' appears twice in \(pattern)")
                precondition(!name.contains("{") && !name.contains("}"), "malformed parameter in \(pattern)")
                names.append(name)
                if let child = nodes[current].parameter {
                    current = child
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = nodes.count - 1
                    current = nodes.count - 1
                }
            } else {
                precondition(!part.contains("{") && !part.contains("}"), "malformed parameter in \(pattern)")
                let bytes = Array(part.utf8)
                if let index = nodes[current].literals.firstIndex(where: { $0.segment == bytes }) {
                    current = nodes[current].literals[index].child
                } else {
                    nodes.append(Node())
                    nodes[current].literals.append((bytes, nodes.count - 1))
                    current = nodes.count - 1
                }
            }
        }
        precondition(
            !nodes[current].routes.contains { $0.method == method }, "route \(method) \(pattern) is registered twice")
        nodes[current].routes.append(
            Route(method: method, pattern: pattern, parameterNames: names, handler: handler, number: patterns.count))
        patterns.append((method, pattern))
        table = Table(nodes: nodes)
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

    // MARK: - Matching

    /// The outcome of looking up a method and path.
    package enum Match: Sendable {
        /// A route: its pattern, handler and the decoded parameters, and its number (its place in
        /// registration order, for counting per route without hashing the pattern).
        case found(pattern: String, handler: Handler, parameters: PathParameters, number: Int)
        /// The path exists under other methods, listed for `Allow`.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No pattern matches the path.
        case notFound
    }

    /// Looks up the route for `method` and `path` (still percent-encoded).
    package func match(method: HTTPMethod, path: String) -> Match {
        table.match(method: method, path: path)
    }

    /// One path matched against the flat tree: a depth-first walk, literals before parameters,
    /// that stops at the first node with a route for the method and otherwise gathers the
    /// methods of the nodes it passed for `Allow`. It holds only pointers, so it counts no
    /// references and allocates nothing on the way to a route.
    struct Walk {
        let nodes: UnsafeBufferPointer<FlatNode>
        let edges: UnsafeBufferPointer<Edge>
        let segments: UnsafeBufferPointer<UInt8>
        let routes: UnsafeBufferPointer<Route>
        let path: UnsafeBufferPointer<UInt8>
        let method: HTTPMethod
        /// The ranges of the parameter segments on the way to the current node.
        let captures: UnsafeMutableBufferPointer<Range<Int>>
        var allowed: [HTTPMethod] = []

        mutating func match() -> Match {
            var captured = 0
            guard let index = walk(0, 1, &captured) else {
                return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
            }
            let route = routes[index]
            guard captured > 0 else {
                return .found(
                    pattern: route.pattern, handler: route.handler, parameters: PathParameters(), number: route.number)
            }
            let parameters = PathParameters(
                names: route.parameterNames, first: value(0), others: (1..<captured).map(value))
            return .found(pattern: route.pattern, handler: route.handler, parameters: parameters, number: route.number)
        }

        /// The captured segment `index`, percent-decoded.
        private func value(_ index: Int) -> String {
            PercentDecoding.decode(UnsafeBufferPointer(rebasing: path[captures[index]]), plusAsSpace: false)
        }

        /// The route found from `node` on for the path's segment at `start`, or nil.
        private mutating func walk(_ node: Int, _ start: Int, _ captured: inout Int) -> Int? {
            var end = start
            while end < path.count && path[end] != UInt8(ascii: "/") {
                end += 1
            }
            let isLast = end == path.count
            let flat = nodes[node]
            for index in Int(flat.firstEdge)..<Int(flat.firstEdge + flat.edgeCount) {
                let edge = edges[index]
                guard Int(edge.segmentCount) == end - start, equal(edge, start) else { continue }
                if let found = isLast ? arrive(at: Int(edge.child)) : walk(Int(edge.child), end + 1, &captured) {
                    return found
                }
            }
            if flat.parameter >= 0, end > start, captured < captures.count {
                captures[captured] = start..<end
                captured += 1
                let child = Int(flat.parameter)
                if let found = isLast ? arrive(at: child) : walk(child, end + 1, &captured) {
                    return found
                }
                captured -= 1
            }
            return nil
        }

        /// At the path's last segment: the node's route for the method (`GET`'s for `HEAD`
        /// without its own), or nil after noting the node's methods.
        private mutating func arrive(at node: Int) -> Int? {
            let flat = nodes[node]
            let range = Int(flat.firstRoute)..<Int(flat.firstRoute + flat.routeCount)
            if let index = range.first(where: { routes[$0].method == method }) { return index }
            if method == .head, let index = range.first(where: { routes[$0].method == .get }) { return index }
            for index in range where !allowed.contains(routes[index].method) {
                allowed.append(routes[index].method)
                if routes[index].method == .get && !allowed.contains(.head) { allowed.append(.head) }
            }
            return nil
        }

        private func equal(_ edge: Edge, _ start: Int) -> Bool {
            let count = Int(edge.segmentCount)
            guard count > 0 else { return true }
            guard let left = segments.baseAddress, let right = path.baseAddress else { return false }
            return memcmp(left + Int(edge.segmentStart), right + start, count) == 0
        }
    }
}

extension Router.Table {
    /// Looks up the route for `method` and `path` (still percent-encoded).
    package func match(method: HTTPMethod, path: String) -> Router.Match {
        var path = path
        return path.withUTF8 { bytes -> Router.Match in
            guard bytes.first == UInt8(ascii: "/") else { return .notFound }
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: maxParameters + 1) { captures in
                nodes.withUnsafeBufferPointer { nodes in
                    edges.withUnsafeBufferPointer { edges in
                        segments.withUnsafeBufferPointer { segments in
                            routes.withUnsafeBufferPointer { routes in
                                var walk = Router.Walk(
                                    nodes: nodes, edges: edges, segments: segments, routes: routes, path: bytes,
                                    method: method, captures: captures)
                                return walk.match()
                            }
                        }
                    }
                }
            }
        }
    }
}
