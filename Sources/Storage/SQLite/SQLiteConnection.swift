internal import CSQLite
internal import CSQLiteLog
import Glibc

/// One connection to an SQLite database file (sqlite.org/c3ref/sqlite3.html): opened with the
/// pragmas of its `Configuration`, with prepared statements cached by SQL text and with typed
/// binding and reading.
///
/// Threading rule: one connection is used by one thread at a time. It is opened with
/// SQLITE_OPEN_NOMUTEX, SQLite's "multi-thread" mode, where SQLite takes no lock around each call
/// and leaves that rule to us (sqlite.org/threadsafe.html). The class is not `Sendable`, so the
/// compiler keeps it inside one isolation domain (one thread, task or queue); to share one
/// connection between threads or tasks, wrap it in a `SerialConnection`, which confines it to a
/// serial dispatch queue. Two connections to one file may be used from two threads at once:
/// SQLite's file locks (and WAL) coordinate them.
package final class SQLiteConnection {
    /// The path the connection was opened with, or ":memory:".
    package let path: String
    /// The configuration it was opened with.
    package let configuration: Configuration
    private var handle: OpaquePointer?
    private var cache: StatementCache
    /// Statements checked out and not yet reset: closing must wait for them.
    private var statementsInUse = 0

    /// Opens (and by default creates) the database at `path` (":memory:" for a private in-memory
    /// database) and applies `configuration`. Fails with a one-line `SQLiteError` for a missing
    /// directory, a file that is not a database, a corrupt header or a file system that cannot do
    /// WAL.
    package init(path: String, configuration: Configuration = Configuration()) throws(SQLiteError) {
        self.path = path
        self.configuration = configuration
        self.cache = StatementCache(capacity: configuration.statementCacheCapacity)
        guard sqlite3_threadsafe() != 0 else {
            // A single-thread build has no locks at all, not even between connections
            // (sqlite.org/threadsafe.html); Rathaus uses connections from several threads.
            throw SQLiteError(code: .misuse, message: "this SQLite is built single-threaded", path: path)
        }
        var flags = SQLITE_OPEN_NOMUTEX
        if configuration.readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if configuration.createIfMissing {
                flags |= SQLITE_OPEN_CREATE
            }
        }
        // A FIFO or a device would block or fail deep inside SQLite: refuse anything but a file.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw SQLiteError(code: .cantOpen, message: "not a regular file", path: path)
        }
        _ = Self.statementJournalSpillSet
        var connection: OpaquePointer?
        let resultCode = sqlite3_open_v2(
            path, &connection, flags, configuration.gathersLogWrites ? Self.logGatheringVFS : nil)
        guard resultCode == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, resultCode: resultCode, sql: nil, path: path)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        do {
            try configure(connection)
        } catch {
            try? close()
            throw error
        }
    }

    /// Set once, before the process's first connection initializes SQLite: the journal of a
    /// statement or a savepoint inside a transaction stays in memory up to 128 KiB less one byte
    /// instead of SQLite's default 64 KiB, past which it goes to a temporary file. The committer
    /// runs each write set in its own savepoint, and a booking's write set often passed 64 KiB,
    /// so that under group commit every booking wrote about 60 KB to a deleted file in /var/tmp
    /// besides its pages in the log. The journal holds copies of the pages one write set changed
    /// and is emptied when its savepoint is released; nothing needs it after a crash (the log does
    /// the recovery). SQLite keeps it in chunks of the threshold's size and, when it spills,
    /// writes each chunk in one call, which the unix VFS cuts to the length modulo 2^17: a
    /// threshold of 128 KiB or more makes every spill fail with SQLITE_FULL. -1 ("never spill")
    /// would use chunks of 1 KiB, about 40,000 more instructions per booking. True when set.
    package static let statementJournalSpillSet =
        rathaus_sqlite_set_statement_journal_spill(statementJournalSpillBytes) == SQLITE_OK

    /// The statement-journal spill threshold: the most the unix VFS writes in one call.
    package static let statementJournalSpillBytes = largestUnixWrite

    /// The most bytes the unix VFS writes in one call (it takes a length modulo 2^17).
    static let largestUnixWrite: Int32 = (128 << 10) - 1

    /// The VFS that writes a log's appends in few calls (`CSQLiteLog`, a buffer of 128 KiB less
    /// one byte, the most the unix VFS writes at once: 31 frames of 4 KiB pages), registered on
    /// first use; nil if SQLite refused it (the default VFS is used then).
    static var logGatheringVFS: UnsafePointer<CChar>? { logGatheringVFSRegistered ? RATHAUS_LOG_VFS_NAME : nil }
    private static let logGatheringVFSRegistered: Bool = {
        // Registering initializes SQLite, after which the spill threshold can no longer be set.
        _ = statementJournalSpillSet
        return rathaus_log_vfs_register(largestUnixWrite) == SQLITE_OK
    }()

    /// How many writes SQLite made to logs through that VFS since the process started, and how
    /// many write calls they became (tests, benchmarks).
    package static var logWriteCounts: (writes: Int, calls: Int) {
        var writes: Int64 = 0
        var calls: Int64 = 0
        rathaus_log_vfs_counts(&writes, &calls)
        return (Int(writes), Int(calls))
    }

    deinit {
        cache.removeAll()
        if let handle {
            sqlite3_close_v2(handle)
        }
    }

    private func configure(_ connection: OpaquePointer) throws(SQLiteError) {
        // Extended result codes tell a UNIQUE from a NOT NULL failure (sqlite.org/rescode.html).
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, configuration.busyTimeoutMilliseconds)
        // Hardening from sqlite.org/security.html: no schema functions with side effects, and
        // "x" is never a string literal (sqlite.org/quirks.html#dblquote). Both options exist
        // since 3.31; an older SQLite keeps its defaults.
        _ = rathaus_sqlite_set_trusted_schema(connection, 0)
        _ = rathaus_sqlite_set_double_quoted_strings(connection, 0)
        if configuration.defensive {
            let resultCode = rathaus_sqlite_set_defensive(connection, 1)
            guard resultCode == SQLITE_OK else {
                throw SQLiteError(code: .error, message: "SQLite cannot switch on defensive mode", path: path)
            }
        }
        // Reading the schema reads the file header and parses sqlite_schema: a file that is not a
        // database, or a truncated or corrupt one, fails here with one error rather than later.
        _ = try scalar("SELECT count(*) FROM sqlite_schema", as: Int.self, cached: false)
        try execute("PRAGMA foreign_keys = \(configuration.foreignKeys ? "ON" : "OFF")", cached: false)
        try execute("PRAGMA cache_size = -\(max(0, configuration.cacheSizeKiB))", cached: false)
        if let mode = configuration.journalMode, !configuration.readOnly {
            let sql = "PRAGMA journal_mode = \(mode.rawValue.uppercased())"
            let reported = try scalar(sql, as: String.self, cached: false)?.lowercased()
            // An in-memory database reports "memory"; anything else means the file system or
            // the file refused the mode (sqlite.org/wal.html#noshm).
            if reported != mode.rawValue, !isInMemory {
                throw SQLiteError(
                    code: .cantOpen,
                    message: "journal mode \(mode.rawValue) not available; the database stays in \(reported ?? "?")",
                    sql: sql,
                    path: path
                )
            }
        }
        try execute("PRAGMA synchronous = \(configuration.synchronous.rawValue)", cached: false)
        if !configuration.readOnly {
            let pages = max(0, configuration.walAutocheckpointPages)
            _ = try scalar("PRAGMA wal_autocheckpoint = \(pages)", as: Int.self, cached: false)
        }
    }

    private var isInMemory: Bool {
        path == ":memory:" || path.isEmpty
    }

    /// Finalizes the cached statements and closes the connection; later calls fail with
    /// SQLITE_MISUSE. In WAL mode the last connection to close checkpoints the log into the
    /// database file and removes it (sqlite.org/wal.html#the_wal_file). Closing twice is allowed.
    package func close() throws(SQLiteError) {
        guard let handle else { return }
        guard statementsInUse == 0 else {
            throw SQLiteError(code: .misuse, message: "cannot close while a statement is running", path: path)
        }
        cache.removeAll()
        let resultCode = sqlite3_close(handle)
        guard resultCode == SQLITE_OK else {
            let error = SQLiteError(connection: handle, resultCode: resultCode, sql: nil, path: path)
            // Unfinalized statements keep it open; close_v2 closes it once they are gone.
            sqlite3_close_v2(handle)
            self.handle = nil
            throw error
        }
        self.handle = nil
    }

    /// Whether `close()` has run.
    package var isClosed: Bool { handle == nil }

    func connectionHandle() throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: .misuse, message: "the connection is closed", path: path)
        }
        return handle
    }

    // MARK: Statements

    /// Runs one SQL statement with `bindings` for its `?` parameters, in order; rows it returns
    /// are stepped through and dropped. E.g. `try db.execute("DELETE FROM hold WHERE id = ?", [id])`.
    package func execute(_ sql: String, _ bindings: [any SQLiteValueConvertible] = []) throws(SQLiteError) {
        try execute(sql, bindings, cached: true)
    }

    func execute(_ sql: String, _ bindings: [any SQLiteValueConvertible] = [], cached: Bool) throws(SQLiteError) {
        try withStatement(sql, bindings, cached: cached) { statement throws(SQLiteError) in
            while try statement.step() {}
        }
    }

    /// Runs a script of several statements separated by `;`, without bindings and without
    /// caching, e.g. a migration step's `CREATE TABLE`s (sqlite.org/c3ref/exec.html).
    package func executeScript(_ sql: String) throws(SQLiteError) {
        let connection = try connectionHandle()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let resultCode = sqlite3_exec(connection, sql, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard resultCode == SQLITE_OK else {
            var error = SQLiteError(connection: connection, resultCode: resultCode, sql: sql, path: path)
            if let errorMessage {
                error.message = String(cString: errorMessage)
            }
            throw error
        }
    }

    /// All rows of a query, e.g.
    /// `try db.query("SELECT id, name FROM office WHERE state = ?", ["DE-SH"])`.
    package func query(_ sql: String, _ bindings: [any SQLiteValueConvertible] = []) throws(SQLiteError) -> [Row] {
        try withStatement(sql, bindings, cached: true) { statement throws(SQLiteError) in
            var rows: [Row] = []
            while try statement.step() {
                rows.append(statement.row())
            }
            return rows
        }
    }

    /// The first row of a query, or nil when it returns none.
    package func queryFirst(_ sql: String, _ bindings: [any SQLiteValueConvertible] = []) throws(SQLiteError) -> Row? {
        try withStatement(sql, bindings, cached: true) { statement throws(SQLiteError) in
            try statement.step() ? statement.row() : nil
        }
    }

    /// Calls `body` with each row in turn without collecting them, for long results. `body` may
    /// use the connection, even with the same SQL.
    package func forEachRow(
        _ sql: String,
        _ bindings: [any SQLiteValueConvertible] = [],
        _ body: (Row) throws -> Void
    ) throws {
        let statement = try checkOut(sql, cached: true)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        while try statement.step() {
            try body(statement.row())
        }
    }

    /// The first column of the first row as `T`, or nil when there is no row, e.g.
    /// `try db.scalar("SELECT count(*) FROM booking", as: Int.self)`. A NULL needs `T?`.
    package func scalar<T: SQLiteValueConvertible>(
        _ sql: String,
        _ bindings: [any SQLiteValueConvertible] = [],
        as type: T.Type = T.self
    ) throws(SQLiteError) -> T? {
        try scalar(sql, bindings, as: type, cached: true)
    }

    func scalar<T: SQLiteValueConvertible>(
        _ sql: String,
        _ bindings: [any SQLiteValueConvertible] = [],
        as type: T.Type = T.self,
        cached: Bool
    ) throws(SQLiteError) -> T? {
        try withStatement(sql, bindings, cached: cached) { statement throws(SQLiteError) in
            guard try statement.step() else { return nil }
            return try statement.row().value(at: 0, as: type)
        }
    }

    /// The rowid of the latest successful INSERT on this connection
    /// (sqlite.org/c3ref/last_insert_rowid.html); 0 before any.
    package var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// The rows changed by the latest INSERT, UPDATE or DELETE on this connection
    /// (sqlite.org/c3ref/changes.html).
    package var changes: Int {
        handle.map { Int(sqlite3_changes($0)) } ?? 0
    }

    /// The prepared statements currently cached (for tests and diagnostics).
    package var cachedStatementCount: Int { cache.count }

    /// The SQL of the cached statements, in no order (for tests that inspect the statements a
    /// writer ran, e.g. their `EXPLAIN`).
    var cachedStatementTexts: [String] { Array(cache.statements.keys) }

    /// Runs `body` with the prepared, bound statement for `sql`, then resets it and clears its
    /// bindings whatever happens.
    /// Runs `body` with the cached statement for `sql`, bound to `bindings`, for readers that step
    /// it themselves and read columns without making a `Row` (the statistics' long scans).
    func withBoundStatement<T>(
        _ sql: String, _ bindings: [any SQLiteValueConvertible], _ body: (Statement) throws -> T
    ) throws -> T {
        let statement = try checkOut(sql, cached: true)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        return try body(statement)
    }

    private func withStatement<T>(
        _ sql: String,
        _ bindings: [any SQLiteValueConvertible],
        cached: Bool,
        _ body: (Statement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement = try checkOut(sql, cached: cached)
        defer { checkIn(statement) }
        try statement.bind(bindings)
        return try body(statement)
    }

    /// The cached statement for `sql` when it is free, else a newly prepared one (cached when
    /// `cached` and the cache has none for this SQL yet).
    private func checkOut(_ sql: String, cached: Bool) throws(SQLiteError) -> Statement {
        let connection = try connectionHandle()
        if cached, let statement = cache.statement(for: sql), !statement.isInUse {
            statement.isInUse = true
            statementsInUse += 1
            return statement
        }
        let statement = try Statement(connection: connection, sql: sql, persistent: cached, path: path)
        statement.isInUse = true
        statementsInUse += 1
        if cached, cache.statement(for: sql) == nil {
            _ = cache.insert(statement)
        }
        return statement
    }

    /// Resets a statement after use; finalizes it unless the cache keeps it.
    private func checkIn(_ statement: Statement) {
        statement.reset()
        statement.isInUse = false
        statementsInUse -= 1
        if !statement.isCached {
            statement.finalize()
        }
    }
}
