internal import CSQLite

extension SQLiteConnection {
    /// Copies this database into the file at `destination` with SQLite's online backup API
    /// (sqlite.org/backup.html), `pagesPerStep` pages at a time; `afterStep` sees the pages still
    /// to copy and the total after each step. The file at `destination` is overwritten; the copy
    /// is in rollback-journal mode, a single file with no `-wal` beside it.
    ///
    /// The copy is one consistent snapshot, taken while other connections keep writing: the
    /// backup runs inside a read transaction of this connection, so every step reads the same
    /// snapshot, and in WAL mode a reader never blocks the writer (sqlite.org/wal.html#concurrency).
    /// Without that read transaction each step would take a new snapshot, and the backup would
    /// restart from the first page whenever another connection committed in between. Must be
    /// called outside a transaction.
    package func backup(
        to destination: String,
        pagesPerStep: Int32 = 256,
        afterStep: (_ remaining: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(SQLiteError) {
        let source = try connectionHandle()
        guard !isInTransaction else {
            throw SQLiteError(code: .misuse, message: "backup must run outside a transaction", path: path)
        }
        var target = Configuration()
        target.journalMode = nil
        target.defensive = false
        target.foreignKeys = false
        target.statementCacheCapacity = 0
        let copy = try SQLiteConnection(path: destination, configuration: target)
        let copyHandle = try copy.connectionHandle()

        try execute("BEGIN DEFERRED TRANSACTION")
        defer { try? execute("COMMIT TRANSACTION") }
        // The snapshot starts with the first read (sqlite.org/isolation.html).
        _ = try scalar("SELECT count(*) FROM sqlite_schema", as: Int.self)

        guard let backup = sqlite3_backup_init(copyHandle, "main", source, "main") else {
            throw SQLiteError(
                connection: copyHandle, resultCode: sqlite3_errcode(copyHandle), sql: nil, path: destination)
        }
        var stepResult = SQLITE_OK
        while stepResult == SQLITE_OK {
            stepResult = sqlite3_backup_step(backup, max(1, pagesPerStep))
            if stepResult == SQLITE_OK || stepResult == SQLITE_DONE {
                afterStep(Int(sqlite3_backup_remaining(backup)), Int(sqlite3_backup_pagecount(backup)))
            }
        }
        // finish releases everything and reports the first error of the backup, if any
        // (sqlite.org/c3ref/backup_finish.html#sqlite3backupfinish).
        let finishResult = sqlite3_backup_finish(backup)
        guard stepResult == SQLITE_DONE, finishResult == SQLITE_OK else {
            let code = stepResult == SQLITE_DONE ? finishResult : stepResult
            throw SQLiteError(connection: copyHandle, resultCode: code, sql: nil, path: destination)
        }
        // The pages carry the source's WAL flag (sqlite.org/fileformat2.html#file_format_version_numbers).
        // Switching the copy to a rollback journal makes it one self-contained file that opens
        // read-only without creating -wal and -shm files beside it; a writer that opens it with
        // the default configuration switches it back to WAL.
        _ = try copy.scalar("PRAGMA journal_mode = DELETE", as: String.self)
        try copy.close()
    }

    /// Checks the whole database file (PRAGMA integrity_check, or the faster quick_check that
    /// skips index contents; sqlite.org/pragma.html#pragma_integrity_check) and returns SQLite's
    /// findings, at most `maximumProblems`; empty when the file is sound. Reads every page.
    package func integrityCheck(quick: Bool = false, maximumProblems: Int = 100) throws(SQLiteError) -> [String] {
        let pragma = quick ? "quick_check" : "integrity_check"
        let rows = try query("PRAGMA \(pragma)(\(max(1, maximumProblems)))")
        var problems: [String] = []
        for row in rows {
            let text = try row.value(at: 0, as: String.self)
            if text != "ok" {
                problems.append(text)
            }
        }
        return problems
    }
}
