/// The values of a route's `{name}` segments for one request, percent-decoded.
package struct PathParameters: Sendable, Sequence {
    private var pairs: [(name: String, value: String)]

    /// No parameters.
    package init() {
        pairs = []
    }

    init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// The value of the parameter called `name`, or nil when the route has no such parameter.
    package subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The number of parameters.
    package var count: Int { pairs.count }

    /// The parameters as name and value, in the order of the pattern.
    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }
}
