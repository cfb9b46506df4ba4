import Glibc

/// Brings a database to the newest schema version a program knows, in numbered steps recorded in
/// the database itself.
///
/// The file records three things: PRAGMA application_id marks it as ours
/// (sqlite.org/fileformat2.html#application_id); PRAGMA user_version holds the schema version
/// (sqlite.org/pragma.html#pragma_user_version); the table `schema_migrations(version, name,
/// applied_at)` keeps the history. A new or empty file gets every step; a database at version n
/// gets the steps after n; a database of a newer program, or of another application, is refused
/// with a one-line error and left untouched.
package struct Migrator: Sendable {
    /// The PRAGMA application_id that marks a database as ours.
    package let applicationID: Int32
    /// The steps, numbered 1, 2, 3, … in order.
    package let migrations: [Migration]

    /// A migrator for the schema made by `migrations`.
    package init(applicationID: Int32, migrations: [Migration]) {
        self.applicationID = applicationID
        self.migrations = migrations
    }

    /// The newest schema version: the last step's, or 0 without steps.
    package var newestVersion: Int { migrations.last?.version ?? 0 }

    /// What a database holds, seen from this program.
    package enum State: Equatable, Sendable {
        /// A new or empty file: no tables, no application id.
        case empty
        /// Ours, at this schema version (at most `newestVersion`, except from `recordedState`).
        case version(Int)
    }

    /// Reads the state of the database without changing it. Throws `notARathausDatabase` or
    /// `databaseTooNew`, and SQLiteError for a file that is not a database or is corrupt.
    package func state(of connection: SQLiteConnection) throws -> State {
        let state = try recordedState(of: connection)
        if case .version(let version) = state, version > newestVersion {
            throw MigrationError.databaseTooNew(path: connection.path, found: version, known: newestVersion)
        }
        return state
    }

    /// Checks the file at `path` the way `state(of:)` does, through a connection that changes
    /// nothing (no journal mode set, nothing created), so that a file that is not a database,
    /// another application's database or a newer Rathaus's is refused before a writing
    /// connection switches it to WAL. A missing or empty file passes (it becomes a new database).
    package func checkFile(at path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return }
        let connection = try SQLiteConnection(path: path, configuration: .existingFile)
        defer { try? connection.close() }
        _ = try state(of: connection)
    }

    /// Like `state(of:)`, but a version newer than `newestVersion` is returned, not refused: for
    /// tools that copy a database without using its tables, such as backup.
    package func recordedState(of connection: SQLiteConnection) throws -> State {
        let found = try connection.scalar("PRAGMA application_id", as: Int32.self) ?? 0
        if found != applicationID {
            let objects = try connection.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) ?? 0
            guard found == 0, objects == 0 else {
                throw MigrationError.notARathausDatabase(path: connection.path)
            }
            return .empty
        }
        return .version(try connection.scalar("PRAGMA user_version", as: Int.self) ?? 0)
    }

    /// Checks, without writing, that the database is ours and at the newest version; returns the
    /// version. For read-only connections and backups.
    @discardableResult
    package func verifyCurrent(_ connection: SQLiteConnection) throws -> Int {
        try validateSteps()
        switch try state(of: connection) {
        case .empty:
            throw MigrationError.databaseBehind(path: connection.path, found: 0, needed: newestVersion)
        case .version(let version) where version < newestVersion:
            throw MigrationError.databaseBehind(path: connection.path, found: version, needed: newestVersion)
        case .version(let version):
            return version
        }
    }

    /// Applies every step the database lacks, each in its own BEGIN IMMEDIATE transaction, and
    /// returns the versions applied (empty when it was current). A failing step is rolled back and
    /// reported as `stepFailed`; the steps before it stay applied.
    ///
    /// Foreign keys are switched off during a step and checked before its commit, the procedure
    /// sqlite.org/lang_altertable.html#otheralter gives for changes SQLite's ALTER TABLE cannot
    /// make (rebuilding a table). Several processes may migrate at once: each step re-reads the
    /// version after taking the write lock.
    @discardableResult
    package func migrate(_ connection: SQLiteConnection) throws -> [Int] {
        try validateSteps()
        let start: Int
        switch try state(of: connection) {
        case .empty:
            try connection.transaction(.immediate) {
                if try state(of: connection) == .empty {
                    try stamp(connection)
                }
            }
            start = 0
        case .version(let version):
            start = version
        }
        var applied: [Int] = []
        for step in migrations where step.version > start {
            if try apply(step, to: connection) {
                applied.append(step.version)
            }
        }
        return applied
    }

    private func validateSteps() throws(MigrationError) {
        let versions = migrations.map(\.version)
        guard versions.enumerated().allSatisfy({ $0.offset + 1 == $0.element }) else {
            throw MigrationError.invalidSteps(versions: versions)
        }
    }

    /// Marks a new file as ours and creates the history table.
    private func stamp(_ connection: SQLiteConnection) throws {
        // PRAGMAs take no bound parameters; these are integers of the program, not input.
        try connection.execute("PRAGMA application_id = \(applicationID)")
        try connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT;
            """
        )
    }

    /// Applies one step; false when another connection applied it first.
    private func apply(_ step: Migration, to connection: SQLiteConnection) throws -> Bool {
        let foreignKeys = connection.configuration.foreignKeys
        if foreignKeys {
            // A no-op inside a transaction (sqlite.org/foreignkeys.html#fk_enable): set before BEGIN.
            try connection.execute("PRAGMA foreign_keys = OFF")
        }
        defer {
            if foreignKeys {
                try? connection.execute("PRAGMA foreign_keys = ON")
            }
        }
        return try connection.transaction(.immediate) {
            guard case .version(let current) = try state(of: connection), current == step.version - 1 else {
                return false
            }
            do {
                try step.apply(connection)
            } catch let error as SQLiteError {
                throw MigrationError.stepFailed(version: step.version, name: step.name, error: error)
            }
            if let violation = try connection.queryFirst("PRAGMA foreign_key_check") {
                let table = (try? violation.value(at: 0, as: String.self)) ?? "?"
                throw MigrationError.foreignKeyViolation(version: step.version, name: step.name, table: table)
            }
            try connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                    + "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                [step.version, step.name]
            )
            try connection.execute("PRAGMA user_version = \(step.version)")
            return true
        }
    }
}
