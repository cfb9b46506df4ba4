/// One result row: its values, read by column index or name as typed Swift values.
///
/// A `Row` is a copy, independent of the statement that produced it. Its `description` shows
/// column names and storage classes, never the content.
package struct Row: Sendable, CustomStringConvertible {
    /// The column names of the result, in order (shared between the rows of one query).
    package let columnNames: [String]
    /// The values, in column order.
    package let values: [SQLiteValue]
    /// The statement's SQL, for error messages.
    let sql: String

    init(columnNames: [String], values: [SQLiteValue], sql: String) {
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    /// The number of columns.
    package var count: Int { values.count }

    /// The value of column `index` (0-based) as `T`: e.g. `let id: Int64 = try row.value(at: 0)`.
    /// Throws SQLITE_RANGE for a bad index and SQLITE_MISMATCH when the stored value is not a
    /// `T` (NULL needs `T?`).
    package func value<T: SQLiteValueConvertible>(at index: Int, as type: T.Type = T.self) throws(SQLiteError) -> T {
        guard values.indices.contains(index) else {
            throw SQLiteError(
                code: .range,
                message: "column index \(index) out of range; the row has \(values.count) columns",
                sql: sql
            )
        }
        let stored = values[index]
        guard let value = T(sqliteValue: stored) else {
            throw SQLiteError(
                code: .mismatch,
                message: "column \(index) '\(columnNames[index])' holds \(Self.storageClass(stored)), not \(T.self)",
                sql: sql
            )
        }
        return value
    }

    /// The value of the column named `name` as `T`. Names match exactly first, then ignoring
    /// ASCII case, as SQLite's own names do. Throws SQLITE_RANGE for an unknown name.
    package func value<T: SQLiteValueConvertible>(named name: String, as type: T.Type = T.self) throws(SQLiteError) -> T
    {
        guard let index = index(of: name) else {
            throw SQLiteError(code: .range, message: "no column named '\(name)' in the result", sql: sql)
        }
        return try value(at: index, as: type)
    }

    /// The index of the column named `name`, or nil.
    package func index(of name: String) -> Int? {
        if let index = columnNames.firstIndex(of: name) { return index }
        let lowered = name.lowercased()
        return columnNames.firstIndex(where: { $0.lowercased() == lowered })
    }

    /// Column names with storage classes: `Row(id: integer, name: text(6 bytes))`.
    package var description: String {
        let fields = zip(columnNames, values).map { "\($0): \($1)" }
        return "Row(" + fields.joined(separator: ", ") + ")"
    }

    private static func storageClass(_ value: SQLiteValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer: "an integer"
        case .real: "a real"
        case .text: "text"
        case .blob: "a blob"
        }
    }
}
