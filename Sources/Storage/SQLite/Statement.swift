internal import CSQLite

/// One prepared statement (sqlite.org/c3ref/stmt.html), owned by one `SQLiteConnection` and used
/// on its thread. The connection finalizes it; it has no `deinit` so that finalizing always
/// happens before the connection closes.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    /// The column names, read once (they do not change while the schema does not).
    let columnNames: [String]
    /// Set while a caller steps through it, so that a nested use of the same SQL (e.g. from
    /// `forEachRow`'s body) prepares a fresh statement instead of resetting this one.
    var isInUse = false
    /// Set while the connection's `StatementCache` keeps it, so that returning it after use needs
    /// no second lookup by its SQL text.
    var isCached = false

    /// Prepares exactly one statement. `persistent` tells SQLite the statement will be reused many
    /// times (SQLITE_PREPARE_PERSISTENT, sqlite.org/c3ref/c_prepare_normalize.html).
    init(connection: OpaquePointer, sql: String, persistent: Bool, path: String?) throws(SQLiteError) {
        var statement: OpaquePointer?
        var resultCode: Int32 = SQLITE_OK
        var trailingStatement = false
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            resultCode = sqlite3_prepare_v3(connection, text, -1, flags, &statement, &tail)
            // Text after the first statement must be blanks or comments: preparing it must
            // yield no statement. Otherwise the rest would be silently ignored.
            guard resultCode == SQLITE_OK, let tail, tail.pointee != 0 else { return }
            var extra: OpaquePointer?
            let extraCode = sqlite3_prepare_v2(connection, tail, -1, &extra, nil)
            if extra != nil || extraCode != SQLITE_OK {
                trailingStatement = true
            }
            sqlite3_finalize(extra)
        }
        guard resultCode == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw SQLiteError(connection: connection, resultCode: resultCode, sql: sql, path: path)
        }
        guard let statement else {
            throw SQLiteError(code: .misuse, message: "no SQL statement in the text", sql: sql, path: path)
        }
        guard !trailingStatement else {
            sqlite3_finalize(statement)
            throw SQLiteError(
                code: .misuse,
                message: "more than one SQL statement; use executeScript for scripts",
                sql: sql,
                path: path
            )
        }
        self.handle = statement
        self.sql = sql
        let count = sqlite3_column_count(statement)
        self.columnNames = (0..<count).map { column in
            sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
    }

    func finalize() {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the `?` parameters in order. The count must match.
    func bind(_ values: [any SQLiteValueConvertible]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                code: .range,
                message: "the statement has \(expected) parameters, \(values.count) values were given",
                sql: sql
            )
        }
        for (offset, value) in values.enumerated() {
            let resultCode = bind(value.sqliteValue, at: Int32(offset + 1))
            guard resultCode == SQLITE_OK else {
                throw SQLiteError(
                    connection: sqlite3_db_handle(handle),
                    resultCode: resultCode,
                    sql: sql,
                    path: nil
                )
            }
        }
    }

    /// Text and blobs are bound with SQLITE_TRANSIENT, so SQLite copies them before the call
    /// returns, and with their byte length, so that non-ASCII text and NUL bytes survive
    /// (sqlite.org/c3ref/bind_blob.html). A nil pointer would bind NULL, hence the explicit
    /// empty cases.
    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let integer):
            return sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            return sqlite3_bind_double(handle, index, real)
        case .text(let text):
            var text = text
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, rathaus_sqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                    sqlite3_bind_text64(
                        handle,
                        index,
                        characters,
                        UInt64(bytes.count),
                        rathaus_sqlite_transient(),
                        UInt8(SQLITE_UTF8)
                    )
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), rathaus_sqlite_transient())
            }
        }
    }

    /// Advances to the next row: true when there is one, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let resultCode = sqlite3_step(handle)
        switch resultCode {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let connection = sqlite3_db_handle(handle)
            let path = connection.flatMap { sqlite3_db_filename($0, "main") }.map { String(cString: $0) }
            throw SQLiteError(connection: connection, resultCode: resultCode, sql: sql, path: path)
        }
    }

    /// Makes the statement ready for the next use and drops the bound values, so that no
    /// personal data stays referenced by a cached statement (sqlite.org/c3ref/reset.html).
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The current row, copied.
    func row() -> Row {
        let values = (0..<Int32(columnNames.count)).map { value(at: $0) }
        return Row(columnNames: columnNames, values: values, sql: sql)
    }

    /// Column `column` of the current row. Text is read before its length, as
    /// sqlite.org/c3ref/column_blob.html advises.
    func value(at column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }
}
