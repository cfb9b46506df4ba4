internal import CSQLite

extension SQLiteConnection {
    /// How a transaction takes its locks (sqlite.org/lang_transaction.html).
    package enum TransactionKind: String, Sendable {
        /// Takes no lock until the first read (a snapshot, in WAL) or write. For consistent
        /// multi-query reads: every SELECT inside sees the same snapshot (sqlite.org/isolation.html).
        case deferred = "DEFERRED"
        /// Takes the write lock at BEGIN, waiting up to the busy timeout. For every write: it
        /// cannot fail half-way with SQLITE_BUSY_SNAPSHOT the way a deferred one that starts by
        /// reading can (sqlite.org/rescode.html#busy_snapshot).
        case immediate = "IMMEDIATE"
        /// Like immediate in WAL mode; in rollback mode it also keeps readers out.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` inside `BEGIN <kind>` … `COMMIT` and returns its result. When `body` throws,
    /// or COMMIT fails, the transaction is rolled back and the error rethrown, so nothing of it
    /// stays in the database.
    ///
    /// Transactions do not nest: calling this inside a transaction throws SQLITE_MISUSE. Use
    /// `savepoint` for a part of a transaction that may fail on its own.
    package func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError(
                code: .misuse,
                message: "a transaction is already open; transactions do not nest (use savepoint)",
                path: path
            )
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
        } catch {
            rollBackIfOpen()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            rollBackIfOpen()
            throw error
        }
        return result
    }

    /// Runs `body` inside a SAVEPOINT of the open transaction: when `body` throws, its changes
    /// are rolled back and the error rethrown, and the transaction stays open with everything
    /// before the savepoint (sqlite.org/lang_savepoint.html). Savepoints nest. Outside a
    /// transaction this throws SQLITE_MISUSE: open one with `transaction` first.
    package func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard isInTransaction else {
            throw SQLiteError(code: .misuse, message: "savepoint needs an open transaction", path: path)
        }
        try execute("SAVEPOINT rathaus_savepoint")
        let result: T
        do {
            result = try body()
        } catch {
            // ROLLBACK TO keeps the savepoint on the stack; RELEASE removes it. If SQLite has
            // already rolled back the whole transaction (e.g. SQLITE_FULL), there is nothing to do.
            if isInTransaction {
                try? execute("ROLLBACK TRANSACTION TO SAVEPOINT rathaus_savepoint")
                try? execute("RELEASE SAVEPOINT rathaus_savepoint")
            }
            throw error
        }
        try execute("RELEASE SAVEPOINT rathaus_savepoint")
        return result
    }

    /// Whether a transaction is open: SQLite is out of autocommit mode
    /// (sqlite.org/c3ref/get_autocommit.html).
    package var isInTransaction: Bool {
        guard let handle = try? connectionHandle() else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// Rolls back an open transaction. Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY,
    /// SQLITE_NOMEM) make SQLite roll back by itself (sqlite.org/lang_transaction.html#response_to_errors);
    /// then there is nothing left to roll back.
    private func rollBackIfOpen() {
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }
}
