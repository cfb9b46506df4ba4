import Glibc

/// Whole-file copies of the database, behind `rathaus backup` and `rathaus restore`.
///
/// A backup is taken with SQLite's online backup API from a connection that only reads: one consistent
/// snapshot, while the server keeps writing (`SQLiteConnection.backup`). Both directions write a
/// hidden temporary file in the destination's directory, check it, fsync it and only then move it
/// into place with one rename, so a crash half-way never leaves a half-written file under the
/// final name.
package enum DatabaseBackup {
    /// What a backup or restore produced.
    package struct Summary: Equatable, Sendable {
        /// The file written: the backup, or the restored database.
        package var path: String
        /// Its size in bytes.
        package var bytes: Int64
        /// Its schema version (PRAGMA user_version).
        package var schemaVersion: Int
        /// After a restore: where the replaced database was kept, if there was one.
        package var previous: String?
    }

    /// The suffix of the copy that `restore` keeps of the database it replaces.
    package static let previousSuffix = ".before-restore"

    /// Copies the database at `database` to `destination`, consistently even while a server
    /// writes to it. Refuses an existing `destination` unless `overwrite`; refuses a file that is
    /// not a Rathaus database, but copies one of a newer schema version (a backup needs no
    /// knowledge of the tables). The copy passes PRAGMA integrity_check before it gets its name.
    @discardableResult
    package static func create(
        from database: String,
        to destination: String,
        overwrite: Bool = false,
        migrator: Migrator = RathausSchema.migrator,
        pagesPerStep: Int32 = 256,
        afterStep: (_ remaining: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> Summary {
        guard FileOperations.exists(database) else {
            throw BackupError.databaseMissing(path: database)
        }
        guard !FileOperations.isSameFile(database, destination) else {
            throw BackupError.sameFile(path: destination)
        }
        if !overwrite, FileOperations.exists(destination) {
            throw BackupError.destinationExists(path: destination)
        }
        // Not a read-only connection: of a stopped server's WAL database, that would leave empty
        // -wal and -shm files behind, which only a connection that may write removes when it
        // closes last (sqlite.org/wal.html#the_wal_file). This one only reads, and leaves the
        // journal mode alone.
        let source = try SQLiteConnection(path: database, configuration: .existingFile)
        let version = try schemaVersion(of: source, migrator: migrator, allowNewer: true)

        let temporary = FileOperations.temporarySibling(of: destination, tag: "backup")
        try FileOperations.removeIfPresent(temporary)
        try FileOperations.removeSideFiles(of: temporary)
        do {
            try source.backup(to: temporary, pagesPerStep: pagesPerStep, afterStep: afterStep)
            try source.close()
            try check(temporary, migrator: migrator, allowNewer: true)
            try FileOperations.fsyncFile(temporary)
            try FileOperations.move(temporary, to: destination, overwrite: overwrite)
            try FileOperations.fsyncDirectory(containing: destination)
        } catch {
            try? FileOperations.removeIfPresent(temporary)
            try? FileOperations.removeSideFiles(of: temporary)
            throw error
        }
        return Summary(path: destination, bytes: try FileOperations.size(destination), schemaVersion: version)
    }

    /// Replaces the database at `database` by the backup at `backup`.
    ///
    /// The backup must pass PRAGMA integrity_check and carry a schema version this program knows
    /// (an older one is fine: the server migrates it when it starts). Restore refuses while
    /// another connection has the database open: it tries to take SQLite's exclusive lock with no
    /// busy timeout (sqlite.org/pragma.html#pragma_locking_mode), which fails while a WAL-mode
    /// connection, even an idle one, is open. A server started between that check and the rename
    /// is not seen, hence "stop the server first". The replaced database is kept as
    /// `<database>.before-restore` (or `-2`, `-3`, … when an earlier restore kept one); stale `-wal` and `-shm` files are removed, because SQLite
    /// would otherwise replay an old log into the restored file.
    @discardableResult
    package static func restore(
        from backup: String,
        to database: String,
        migrator: Migrator = RathausSchema.migrator
    ) throws -> Summary {
        guard FileOperations.exists(backup) else {
            throw BackupError.backupMissing(path: backup)
        }
        guard !FileOperations.isSameFile(backup, database) else {
            throw BackupError.sameFile(path: database)
        }
        let temporary = FileOperations.temporarySibling(of: database, tag: "restore")
        try FileOperations.removeIfPresent(temporary)
        try FileOperations.removeSideFiles(of: temporary)
        let version: Int
        var previous: String?
        do {
            // Copy with the backup API rather than byte by byte: it also takes in what a -wal
            // beside the backup file still holds. Opened for writing (SQLite falls back to
            // reading for a write-protected file) but without changing its journal mode: a backup
            // in WAL mode then gets no -wal and -shm files left beside it, as the last connection
            // to close removes them (sqlite.org/wal.html#the_wal_file).
            let source = try SQLiteConnection(path: backup, configuration: .existingFile)
            _ = try schemaVersion(of: source, migrator: migrator)
            try source.backup(to: temporary)
            try source.close()
            version = try check(temporary, migrator: migrator)
            try FileOperations.fsyncFile(temporary)

            if FileOperations.exists(database) {
                try ensureNotInUse(database)
                let kept = try freeName(for: database + previousSuffix)
                do {
                    try FileOperations.link(database, to: kept)
                } catch BackupError.fileSystem {
                    // No hard links on this file system: move the old file aside instead; the
                    // database name is then briefly missing, which a stopped server does not see.
                    try FileOperations.rename(database, to: kept)
                }
                previous = kept
            }
            try FileOperations.removeSideFiles(of: database)
            try FileOperations.rename(temporary, to: database)
            try FileOperations.fsyncDirectory(containing: database)
        } catch {
            try? FileOperations.removeIfPresent(temporary)
            try? FileOperations.removeSideFiles(of: temporary)
            throw error
        }
        return Summary(
            path: database,
            bytes: try FileOperations.size(database),
            schemaVersion: version,
            previous: previous
        )
    }

    /// `name`, or when it is taken the first free of `name-2`, `name-3`, …: a second restore
    /// keeps the database the first one kept.
    private static func freeName(for name: String) throws -> String {
        if !FileOperations.exists(name) { return name }
        for number in 2...9_999 where !FileOperations.exists("\(name)-\(number)") {
            return "\(name)-\(number)"
        }
        throw BackupError.fileSystem(operation: "find a free name beside", path: name, errno: EEXIST)
    }

    /// The schema version of a Rathaus database; an empty file or another application's
    /// database is refused, and so is a newer schema unless `allowNewer`.
    private static func schemaVersion(
        of connection: SQLiteConnection,
        migrator: Migrator,
        allowNewer: Bool = false
    ) throws -> Int {
        let state = allowNewer ? try migrator.recordedState(of: connection) : try migrator.state(of: connection)
        switch state {
        case .empty: throw MigrationError.notARathausDatabase(path: connection.path)
        case .version(let version): return version
        }
    }

    /// Runs PRAGMA integrity_check and the schema checks on a copy; returns its schema version.
    @discardableResult
    private static func check(_ path: String, migrator: Migrator, allowNewer: Bool = false) throws -> Int {
        let copy = try SQLiteConnection(path: path, configuration: .existingFile)
        let problems = try copy.integrityCheck()
        if let first = problems.first {
            throw BackupError.integrityCheckFailed(path: path, problems: problems.count, first: first)
        }
        let version = try schemaVersion(of: copy, migrator: migrator, allowNewer: allowNewer)
        try copy.close()
        return version
    }

    /// Fails with `databaseInUse` when another connection has the database open. A database that
    /// SQLite cannot read (the usual reason to restore) cannot be probed; it is replaced anyway,
    /// and kept as `.before-restore`.
    private static func ensureNotInUse(_ database: String) throws {
        var configuration = SQLiteConnection.Configuration.existingFile
        configuration.busyTimeout = .zero
        do {
            let probe = try SQLiteConnection(path: database, configuration: configuration)
            try probe.execute("PRAGMA locking_mode = EXCLUSIVE")
            try probe.transaction(.exclusive) {
                _ = try probe.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self)
            }
            try probe.close()
        } catch let error as SQLiteError {
            switch error.code {
            case .busy, .locked: throw BackupError.databaseInUse(path: database)
            case .notADatabase, .corrupt: return
            default: throw error
            }
        }
    }
}
