/// The values of a route's `{name}` segments for one request, percent-decoded.
package struct PathParameters: Sendable, Sequence {
    /// The route's parameter names, shared by every match of the route.
    private var names: [String]
    /// The first value apart, so that a route of one parameter allocates no array per request.
    private var first: String
    private var others: [String]

    /// No parameters.
    package init() {
        names = []
        first = ""
        others = []
    }

    /// One value per name, in the order of the pattern: the first and the others.
    init(names: [String], first: String, others: [String]) {
        self.names = names
        self.first = first
        self.others = others
    }

    /// The value of the parameter called `name`, or nil when the route has no such parameter.
    package subscript(name: String) -> String? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return value(at: index)
    }

    /// The number of parameters.
    package var count: Int { names.count }

    private func value(at index: Int) -> String {
        index == 0 ? first : others[index - 1]
    }

    /// The parameters as name and value, in the order of the pattern.
    package func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
        names.indices.lazy.map { (name: names[$0], value: value(at: $0)) }.makeIterator()
    }
}
