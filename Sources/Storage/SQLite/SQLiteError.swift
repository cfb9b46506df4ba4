/// An error reported by SQLite, or by this layer in SQLite's terms (a misuse, a type mismatch).
///
/// It carries the result codes, SQLite's message, the SQL text and the database path, and never
/// the values bound to a statement: bookings hold names, phone numbers and tokens, and errors end
/// up in logs (Documentation/Architecture.md, "Errors and logs"; GRDB's DatabaseError prints
/// arguments only on opt-in). Write SQL with `?` placeholders and bind values, so that the SQL
/// text itself carries no personal data.
/// `description` is one line, ready for stderr or a log.
package struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The primary result code (the low 8 bits of the extended code), e.g. `.busy`.
    package var code: Code
    /// The extended result code, e.g. `.constraintUnique` (sqlite.org/rescode.html#extrc); equal
    /// to `code` when SQLite gave no more detail.
    package var extendedCode: Code
    /// SQLite's message (sqlite3_errmsg) or ours; it names tables and columns, never bound values.
    package var message: String
    /// The SQL text as the program wrote it (with its `?` placeholders), when a statement failed.
    package var sql: String?
    /// The database file, when known.
    package var path: String?

    /// An error with `code` (primary or extended), a message and the failing SQL.
    package init(code: Code, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code.primary
        self.extendedCode = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// One line: what went wrong in words an operator understands, the file, SQLite's code and
    /// message, and the SQL (shortened). Never a bound value.
    package var description: String {
        var text = summary
        if let path, !path.isEmpty, Self.fileLevelCodes.contains(code) {
            text += ": " + path
        }
        text += " (\(extendedCode.name): \(Self.oneLine(message, limit: 300)))"
        if let sql {
            text += " [SQL: \(Self.oneLine(sql, limit: 200))]"
        }
        return text
    }

    /// The codes that are about the file rather than one statement; their description names it.
    private static let fileLevelCodes: Set<Code> = [
        .notADatabase, .corrupt, .busy, .locked, .full, .readOnly, .cantOpen, .ioError, .permission, .protocol,
    ]

    private var summary: String {
        switch code {
        case .notADatabase, .corrupt: "database file is not a database or is corrupt"
        case .busy, .locked: "database is busy: another connection holds its lock"
        case .full: "database or disk is full"
        case .readOnly: "database is read-only"
        case .cantOpen: "cannot open database file"
        case .ioError: "disk I/O error on database"
        case .permission: "no permission to access database"
        case .protocol: "database locking protocol error"
        case .constraint: "constraint failed"
        case .mismatch: "data type mismatch"
        case .misuse: "SQLite used wrongly"
        case .range: "parameter or column index out of range"
        default: "SQLite error"
        }
    }

    /// `text` on one line (newlines and runs of blanks become one space), cut at `limit` characters.
    private static func oneLine(_ text: String, limit: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let joined = words.joined(separator: " ")
        guard joined.count > limit else { return joined }
        return String(joined.prefix(limit)) + "…"
    }
}
