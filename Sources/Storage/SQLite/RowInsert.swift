/// An INSERT of several rows in one statement (`INSERT INTO t (a, b) VALUES (?, ?), (?, ?)`):
/// one statement run instead of one per row. The texts for 1 … `maxRowsPerStatement` rows are
/// made once, so each is one cached statement of the connection.
struct RowInsert: Sendable {
    /// The texts by row count less one.
    private let texts: [String]
    /// Values in one row.
    let columns: Int

    /// `head` is the statement up to `VALUES` (`INSERT INTO t (a, b)`), `row` one row's
    /// placeholders (`(?, ?)`, constants allowed) with `columns` question marks.
    init(_ head: String, row: String, columns: Int, maxRowsPerStatement: Int) {
        self.columns = columns
        texts = (1...max(1, maxRowsPerStatement)).map { rows in
            head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
        }
    }

    /// Inserts `count` rows whose values `values(row, &bindings)` appends, in order, in as few
    /// statements as the texts allow.
    func run(
        on connection: SQLiteConnection, rows count: Int,
        _ values: (Int, inout [any SQLiteValueConvertible]) -> Void
    ) throws(SQLiteError) {
        var start = 0
        var bindings: [any SQLiteValueConvertible] = []
        while start < count {
            let end = min(start + texts.count, count)
            bindings.removeAll(keepingCapacity: true)
            bindings.reserveCapacity((end - start) * columns)
            for row in start..<end { values(row, &bindings) }
            try connection.execute(texts[end - start - 1], bindings)
            start = end
        }
    }
}
