internal import CSQLite

extension SQLiteError {
    /// An SQLite result code, primary or extended (sqlite.org/rescode.html). An open set: SQLite
    /// adds extended codes over time, so this is a struct with constants for the ones we name.
    package struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The numeric code as SQLite returns it.
        package var rawValue: Int32

        /// The code with this number.
        package init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The primary code of an extended code (its low 8 bits, sqlite.org/rescode.html#pve).
        package var primary: Code {
            Code(rawValue: rawValue & 0xFF)
        }

        /// The C name, e.g. `SQLITE_CONSTRAINT_UNIQUE`, or `SQLITE_CONSTRAINT (2835)` for an
        /// extended code this program does not name.
        package var name: String {
            if let name = Self.names[self] { return name }
            if let primaryName = Self.names[primary] { return "\(primaryName) (\(rawValue))" }
            return "SQLite result code \(rawValue)"
        }

        /// Same as `name`.
        package var description: String { name }

        /// SQLITE_OK.
        package static let ok = Code(rawValue: SQLITE_OK)
        /// SQLITE_ERROR: a generic error, e.g. an SQL syntax error or a missing table.
        package static let error = Code(rawValue: SQLITE_ERROR)
        /// SQLITE_INTERNAL.
        package static let `internal` = Code(rawValue: SQLITE_INTERNAL)
        /// SQLITE_PERM: the file system denied access.
        package static let permission = Code(rawValue: SQLITE_PERM)
        /// SQLITE_ABORT: an operation was aborted, e.g. by a rollback.
        package static let abort = Code(rawValue: SQLITE_ABORT)
        /// SQLITE_BUSY: another connection holds a conflicting lock longer than the busy timeout.
        package static let busy = Code(rawValue: SQLITE_BUSY)
        /// SQLITE_LOCKED: a conflict inside this connection (or a shared cache).
        package static let locked = Code(rawValue: SQLITE_LOCKED)
        /// SQLITE_NOMEM.
        package static let noMemory = Code(rawValue: SQLITE_NOMEM)
        /// SQLITE_READONLY: a write on a read-only connection or file.
        package static let readOnly = Code(rawValue: SQLITE_READONLY)
        /// SQLITE_INTERRUPT.
        package static let interrupt = Code(rawValue: SQLITE_INTERRUPT)
        /// SQLITE_IOERR: the operating system reported an I/O error.
        package static let ioError = Code(rawValue: SQLITE_IOERR)
        /// SQLITE_CORRUPT: the database file is malformed.
        package static let corrupt = Code(rawValue: SQLITE_CORRUPT)
        /// SQLITE_FULL: the disk (or the database's size limit) is full.
        package static let full = Code(rawValue: SQLITE_FULL)
        /// SQLITE_CANTOPEN: the file cannot be opened (missing directory, permissions).
        package static let cantOpen = Code(rawValue: SQLITE_CANTOPEN)
        /// SQLITE_PROTOCOL: a WAL locking race SQLite could not resolve.
        package static let `protocol` = Code(rawValue: SQLITE_PROTOCOL)
        /// SQLITE_SCHEMA: the schema changed under a prepared statement.
        package static let schema = Code(rawValue: SQLITE_SCHEMA)
        /// SQLITE_TOOBIG: a string or blob beyond SQLite's length limit.
        package static let tooBig = Code(rawValue: SQLITE_TOOBIG)
        /// SQLITE_CONSTRAINT: a UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint failed.
        package static let constraint = Code(rawValue: SQLITE_CONSTRAINT)
        /// SQLITE_MISMATCH: a value of the wrong type (also used by `Row` for a column read as
        /// the wrong Swift type).
        package static let mismatch = Code(rawValue: SQLITE_MISMATCH)
        /// SQLITE_MISUSE: the API was used wrongly (also used by this layer, e.g. for a nested
        /// transaction or a closed connection).
        package static let misuse = Code(rawValue: SQLITE_MISUSE)
        /// SQLITE_AUTH.
        package static let authorization = Code(rawValue: SQLITE_AUTH)
        /// SQLITE_RANGE: a parameter or column index out of range.
        package static let range = Code(rawValue: SQLITE_RANGE)
        /// SQLITE_NOTADB: the file is not an SQLite database.
        package static let notADatabase = Code(rawValue: SQLITE_NOTADB)

        /// SQLITE_BUSY_SNAPSHOT: a read transaction cannot become a write transaction because
        /// another connection wrote since it started (sqlite.org/rescode.html#busy_snapshot).
        package static let busySnapshot = Code(rawValue: SQLITE_BUSY | (2 << 8))
        /// SQLITE_CONSTRAINT_CHECK.
        package static let constraintCheck = Code(rawValue: SQLITE_CONSTRAINT | (1 << 8))
        /// SQLITE_CONSTRAINT_FOREIGNKEY.
        package static let constraintForeignKey = Code(rawValue: SQLITE_CONSTRAINT | (3 << 8))
        /// SQLITE_CONSTRAINT_NOTNULL.
        package static let constraintNotNull = Code(rawValue: SQLITE_CONSTRAINT | (5 << 8))
        /// SQLITE_CONSTRAINT_PRIMARYKEY.
        package static let constraintPrimaryKey = Code(rawValue: SQLITE_CONSTRAINT | (6 << 8))
        /// SQLITE_CONSTRAINT_UNIQUE.
        package static let constraintUnique = Code(rawValue: SQLITE_CONSTRAINT | (8 << 8))
        /// SQLITE_READONLY_DBMOVED: the file was renamed or removed while open.
        package static let readOnlyDatabaseMoved = Code(rawValue: SQLITE_READONLY | (4 << 8))

        private static let names: [Code: String] = [
            .ok: "SQLITE_OK", .error: "SQLITE_ERROR", .internal: "SQLITE_INTERNAL", .permission: "SQLITE_PERM",
            .abort: "SQLITE_ABORT", .busy: "SQLITE_BUSY", .locked: "SQLITE_LOCKED", .noMemory: "SQLITE_NOMEM",
            .readOnly: "SQLITE_READONLY", .interrupt: "SQLITE_INTERRUPT", .ioError: "SQLITE_IOERR",
            .corrupt: "SQLITE_CORRUPT", .full: "SQLITE_FULL", .cantOpen: "SQLITE_CANTOPEN",
            .protocol: "SQLITE_PROTOCOL", .schema: "SQLITE_SCHEMA", .tooBig: "SQLITE_TOOBIG",
            .constraint: "SQLITE_CONSTRAINT", .mismatch: "SQLITE_MISMATCH", .misuse: "SQLITE_MISUSE",
            .authorization: "SQLITE_AUTH", .range: "SQLITE_RANGE", .notADatabase: "SQLITE_NOTADB",
            .busySnapshot: "SQLITE_BUSY_SNAPSHOT", .constraintCheck: "SQLITE_CONSTRAINT_CHECK",
            .constraintForeignKey: "SQLITE_CONSTRAINT_FOREIGNKEY", .constraintNotNull: "SQLITE_CONSTRAINT_NOTNULL",
            .constraintPrimaryKey: "SQLITE_CONSTRAINT_PRIMARYKEY", .constraintUnique: "SQLITE_CONSTRAINT_UNIQUE",
            .readOnlyDatabaseMoved: "SQLITE_READONLY_DBMOVED",
        ]
    }
}

extension SQLiteError {
    /// The error SQLite reports on `connection` for the call that returned `resultCode`.
    ///
    /// sqlite3_errmsg and sqlite3_extended_errcode describe the most recent failed call on the
    /// connection, so this must run on the connection's thread right after that call
    /// (sqlite.org/c3ref/errcode.html).
    init(connection: OpaquePointer?, resultCode: Int32, sql: String?, path: String?) {
        guard let connection else {
            let message = sqlite3_errstr(resultCode).map { String(cString: $0) } ?? "unknown error"
            self.init(code: Code(rawValue: resultCode), message: message, sql: sql, path: path)
            return
        }
        let extended = sqlite3_extended_errcode(connection)
        // The connection's latest error may belong to another call when `resultCode` did not
        // come from SQLite's last API call; keep the returned code in that case.
        let code = extended & 0xFF == resultCode & 0xFF ? extended : resultCode
        let message = sqlite3_errmsg(connection).map { String(cString: $0) } ?? "unknown error"
        self.init(code: Code(rawValue: code), message: message, sql: sql, path: path)
    }
}
