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

    package var count: Int { pairs.count }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }
}
