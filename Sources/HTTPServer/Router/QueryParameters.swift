/// The parameters of a query string (`a=1&b=x%20y&a=2`), decoded as HTML forms do (`+` is a
/// space), repeated keys kept in order.
package struct QueryParameters: Sendable, Sequence {
    private var pairs: [(name: String, value: String)] = []

    /// Parses a raw query (without `?`). A member without `=` has the empty value; empty
    /// members are skipped.
    package init(_ rawQuery: String) {
        guard !rawQuery.isEmpty else { return }
        var raw = rawQuery
        pairs = raw.withUTF8 { bytes in
            var pairs: [(name: String, value: String)] = []
            var start = 0
            while start < bytes.count {
                let member = UnsafeBufferPointer(rebasing: bytes[start...].prefix { $0 != UInt8(ascii: "&") })
                start += member.count + 1
                guard !member.isEmpty else { continue }
                if let equals = member.firstIndex(of: UInt8(ascii: "=")) {
                    pairs.append(
                        (
                            PercentDecoding.decode(UnsafeBufferPointer(rebasing: member[..<equals]), plusAsSpace: true),
                            PercentDecoding.decode(
                                UnsafeBufferPointer(rebasing: member[(equals + 1)...]), plusAsSpace: true)
                        ))
                } else {
                    pairs.append((PercentDecoding.decode(member, plusAsSpace: true), ""))
                }
            }
            return pairs
        }
    }

    /// The first value for `name`, or nil.
    package subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    package func values(for name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The names of members that are not in `known` (the first `limit` of them: a request line
    /// of thousands of made-up names must not cost a square of them, nor an answer that long),
    /// and of members of `known` given more than once that are not in `repeatable`, each name
    /// once, in order of appearance. Both are empty, and nothing is allocated, when the query
    /// keeps to the names.
    package func misfits(known: [String], repeatable: [String] = [], limit: Int = 10) -> (
        unknown: [String], repeated: [String]
    ) {
        var unknown: [String] = []
        var repeated: [String] = []
        for index in pairs.indices {
            let name = pairs[index].name
            if !known.contains(name) {
                if unknown.count < limit, !unknown.contains(name) { unknown.append(name) }
            } else if !repeatable.contains(name), !repeated.contains(name),
                pairs[..<index].contains(where: { $0.name == name })
            {
                repeated.append(name)
            }
        }
        return (unknown, repeated)
    }

    /// The number of members, repeated keys counted.
    package var count: Int { pairs.count }

    /// Whether the query has no members.
    package var isEmpty: Bool { pairs.isEmpty }

    /// The members as name and value, in order.
    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }
}
