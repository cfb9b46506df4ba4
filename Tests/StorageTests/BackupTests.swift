import Dispatch
import Foundation
import RathausTesting
import Storage
import Synchronization
import Testing

private let schema = Migrator(
    applicationID: RathausSchema.applicationID,
    migrations: [
        Migration(
            version: 1,
            name: "create entry",
            sql: "CREATE TABLE entry (n INTEGER PRIMARY KEY, padding BLOB NOT NULL) STRICT;"
        )
    ]
)

/// A migrated database with `rows` entries of about 1 KiB each.
private func makeDatabase(at path: String, rows: Int) throws -> SQLiteConnection {
    let db = try SQLiteConnection(path: path)
    try schema.migrate(db)
    try db.transaction {
        for n in stride(from: 1, through: rows, by: 1) {
            try db.execute("INSERT INTO entry (n, padding) VALUES (?, zeroblob(1000))", [n])
        }
    }
    return db
}

/// The entry numbers in the database at `path`, read without changing its journal mode; the
/// connection is closed before returning, so that no -wal or -shm file stays behind.
private func entryNumbers(at path: String) throws -> [Int] {
    var configuration = SQLiteConnection.Configuration()
    configuration.journalMode = nil
    configuration.createIfMissing = false
    let db = try SQLiteConnection(path: path, configuration: configuration)
    let numbers = try db.query("SELECT n FROM entry ORDER BY n").map { try $0.value(at: 0, as: Int.self) }
    try db.close()
    return numbers
}

/// What the writer thread has done, shared with the test.
private final class WriterProgress: Sendable {
    struct State {
        var committed = 0
        var stop = false
        var failure: String?
    }
    let state = Mutex(State())
    /// Signalled after every commit (and on failure).
    let committed = DispatchSemaphore(value: 0)
    /// Signalled once when the writer has stopped.
    let finished = DispatchSemaphore(value: 0)

    /// Waits until the writer has committed more than `count` rows in all; false if it failed.
    func waitForCommits(beyond count: Int) -> Bool {
        while true {
            let (done, failed) = state.withLock { ($0.committed > count, $0.failure != nil) }
            if done { return true }
            if failed { return false }
            committed.wait()
        }
    }
}

@Suite struct BackupTests {
    @Test func aBackupCopiesEveryRowInSteps() throws {
        try withTemporaryDirectory { directory in
            let db = try makeDatabase(at: directory.file("live.sqlite"), rows: 300)
            var steps: [(remaining: Int, total: Int)] = []
            try db.backup(to: directory.file("copy.sqlite"), pagesPerStep: 10) { steps.append(($0, $1)) }
            #expect(steps.count > 5)
            #expect(steps.last?.remaining == 0)
            #expect(try entryNumbers(at: directory.file("copy.sqlite")) == Array(1...300))
            let copy = try SQLiteConnection(path: directory.file("copy.sqlite"))
            #expect(try copy.integrityCheck() == [])
            #expect(try schema.state(of: copy) == .version(1))
        }
    }

    @Test func aBackupIsOneFileThatOpensReadOnlyWithoutSideFiles() throws {
        try withTemporaryDirectory { directory in
            let db = try makeDatabase(at: directory.file("live.sqlite"), rows: 3)
            try db.backup(to: directory.file("copy.sqlite"))
            let reader = try SQLiteConnection(path: directory.file("copy.sqlite"), configuration: .reader)
            #expect(try reader.scalar("PRAGMA journal_mode", as: String.self) == "delete")
            #expect(try reader.scalar("SELECT count(*) FROM entry", as: Int.self) == 3)
            try reader.close()
            let names = try directory.fileNames()
            #expect(names.filter { $0.hasPrefix("copy") } == ["copy.sqlite"])
        }
    }

    @Test func aBackupWhileAnotherConnectionWritesIsAConsistentPrefix() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("live.sqlite")
            try makeDatabase(at: path, rows: 500).close()
            let progress = WriterProgress()
            Thread.detachNewThread {
                do {
                    let writer = try SQLiteConnection(path: path)
                    var n = 501
                    while !progress.state.withLock({ $0.stop }) {
                        try writer.transaction {
                            try writer.execute("INSERT INTO entry (n, padding) VALUES (?, zeroblob(1000))", [n])
                        }
                        progress.state.withLock { $0.committed = n }
                        progress.committed.signal()
                        n += 1
                    }
                } catch {
                    progress.state.withLock { $0.failure = "\(error)" }
                    progress.committed.signal()
                }
                progress.finished.signal()
            }
            #expect(progress.waitForCommits(beyond: 500))

            let reader = try SQLiteConnection(path: path, configuration: .reader)
            var steps = 0
            var committedDuringBackup = 0
            try reader.backup(to: directory.file("copy.sqlite"), pagesPerStep: 4) { _, _ in
                steps += 1
                if steps == 1 {
                    // Let the writer commit twice more while the backup is under way.
                    let seen = progress.state.withLock { $0.committed }
                    _ = progress.waitForCommits(beyond: seen + 1)
                    committedDuringBackup = progress.state.withLock { $0.committed }
                }
            }
            progress.state.withLock { $0.stop = true }
            progress.finished.wait()
            #expect(progress.state.withLock { $0.failure } == nil)

            let copied = try entryNumbers(at: directory.file("copy.sqlite"))
            let copy = try SQLiteConnection(path: directory.file("copy.sqlite"))
            #expect(try copy.integrityCheck() == [])
            #expect(steps > 1)
            // A prefix with no gap: rows 1…k, nothing committed after the snapshot.
            #expect(copied == Array(1...(copied.last ?? 0)))
            #expect(copied.count > 500)
            #expect(copied.count < committedDuringBackup)
        }
    }

    @Test func anIntegrityCheckReportsAnIndexThatDoesNotMatchItsTable() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("broken.sqlite")
            var unsafe = SQLiteConnection.Configuration()
            unsafe.defensive = false
            let db = try SQLiteConnection(path: path, configuration: unsafe)
            try db.executeScript(
                """
                CREATE TABLE booking (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
                CREATE INDEX booking_a ON booking (a);
                INSERT INTO booking (a, b) VALUES ('x', 'y'), ('p', 'q');
                """
            )
            #expect(try db.integrityCheck() == [])
            // Point the index's definition at another column: its content no longer matches.
            try db.execute("PRAGMA writable_schema = ON")
            try db.execute(
                "UPDATE sqlite_schema SET sql = 'CREATE INDEX booking_a ON booking (b)' WHERE name = 'booking_a'")
            try db.close()
            let reopened = try SQLiteConnection(path: path)
            let problems = try reopened.integrityCheck()
            #expect(!problems.isEmpty)
            #expect(try reopened.integrityCheck(quick: true) == [])
        }
    }

    @Test func backupWritesAVerifiedCopyAndReportsIt() throws {
        try withTemporaryDirectory { directory in
            let live = try makeDatabase(at: directory.file("live.sqlite"), rows: 20)
            let summary = try DatabaseBackup.create(
                from: live.path, to: directory.file("backup.sqlite"), migrator: schema)
            #expect(summary.path == directory.file("backup.sqlite"))
            #expect(summary.schemaVersion == 1)
            let size = try FileManager.default.attributesOfItem(atPath: summary.path)[.size] as? Int
            #expect(summary.bytes == Int64(size ?? -1))
            #expect(try entryNumbers(at: summary.path) == Array(1...20))
            // The live connection stays open (a running server); only the finished backup is new.
            let names = try directory.fileNames()
            #expect(names.filter { !$0.hasPrefix("live.sqlite") } == ["backup.sqlite"])
            #expect(!live.isClosed)
        }
    }

    @Test func backupOfAStoppedServersDatabaseLeavesNoSideFiles() throws {
        try withTemporaryDirectory { directory in
            try makeDatabase(at: directory.file("live.sqlite"), rows: 5).close()
            try DatabaseBackup.create(
                from: directory.file("live.sqlite"), to: directory.file("backup.sqlite"), migrator: schema)
            #expect(try directory.fileNames() == ["backup.sqlite", "live.sqlite"])
            #expect(try entryNumbers(at: directory.file("backup.sqlite")) == [1, 2, 3, 4, 5])
        }
    }

    @Test func backupRefusesToOverwriteUnlessAsked() throws {
        try withTemporaryDirectory { directory in
            let live = try makeDatabase(at: directory.file("live.sqlite"), rows: 3)
            let target = directory.file("backup.sqlite")
            try Data("an older file".utf8).write(to: URL(fileURLWithPath: target))
            let refused = thrownError(as: BackupError.self) {
                try DatabaseBackup.create(from: live.path, to: target, migrator: schema)
            }
            #expect(refused == .destinationExists(path: target))
            #expect(refused?.description == "\(target) exists already; use --force to overwrite it")
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("an older file".utf8))

            try DatabaseBackup.create(from: live.path, to: target, overwrite: true, migrator: schema)
            #expect(try entryNumbers(at: target) == [1, 2, 3])
        }
    }

    @Test func backupOfAMissingDatabaseCreatesNothing() throws {
        try withTemporaryDirectory { directory in
            let missing = directory.file("missing.sqlite")
            let error = thrownError(as: BackupError.self) {
                try DatabaseBackup.create(from: missing, to: directory.file("backup.sqlite"), migrator: schema)
            }
            #expect(error == .databaseMissing(path: missing))
            let names = try directory.fileNames()
            #expect(names.isEmpty)
        }
    }

    @Test func backupRefusesAFileThatIsNotARathausDatabase() throws {
        try withTemporaryDirectory { directory in
            let other = try makeConnection(in: directory.path, name: "other.sqlite")
            try other.execute("CREATE TABLE contacts (name TEXT)")
            let error = thrownError(as: MigrationError.self) {
                try DatabaseBackup.create(from: other.path, to: directory.file("backup.sqlite"), migrator: schema)
            }
            #expect(error == .notARathausDatabase(path: other.path))
            #expect(try directory.fileNames().allSatisfy { $0.hasPrefix("other.sqlite") })
        }
    }

    @Test func backupCopiesADatabaseOfANewerSchema() throws {
        try withTemporaryDirectory { directory in
            let newer = Migrator(
                applicationID: RathausSchema.applicationID,
                migrations: schema.migrations + [Migration(version: 2, name: "later", sql: "CREATE TABLE later (x);")]
            )
            let live = try SQLiteConnection(path: directory.file("live.sqlite"))
            try newer.migrate(live)
            let summary = try DatabaseBackup.create(
                from: live.path, to: directory.file("backup.sqlite"), migrator: schema)
            #expect(summary.schemaVersion == 2)
        }
    }

    @Test func backupRefusesToCopyAFileOntoItself() throws {
        try withTemporaryDirectory { directory in
            let live = try makeDatabase(at: directory.file("live.sqlite"), rows: 1)
            let error = thrownError(as: BackupError.self) {
                try DatabaseBackup.create(from: live.path, to: live.path, overwrite: true, migrator: schema)
            }
            #expect(error == .sameFile(path: live.path))
        }
    }

    @Test func restoreReplacesTheDatabaseAndKeepsThePreviousOne() throws {
        try withTemporaryDirectory { directory in
            let livePath = directory.file("live.sqlite")
            let live = try makeDatabase(at: livePath, rows: 5)
            try DatabaseBackup.create(from: livePath, to: directory.file("backup.sqlite"), migrator: schema)
            try live.execute("DELETE FROM entry WHERE n > ?", [2])
            try live.close()

            let summary = try DatabaseBackup.restore(
                from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            #expect(summary.path == livePath)
            #expect(summary.schemaVersion == 1)
            #expect(summary.previous == livePath + ".before-restore")
            #expect(try entryNumbers(at: livePath) == [1, 2, 3, 4, 5])
            #expect(try entryNumbers(at: livePath + ".before-restore") == [1, 2])
            #expect(try directory.fileNames() == ["backup.sqlite", "live.sqlite", "live.sqlite.before-restore"])
            let restored = try SQLiteConnection(path: livePath)
            #expect(try restored.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        }
    }

    @Test func aSecondRestoreKeepsWhatTheFirstOneKept() throws {
        try withTemporaryDirectory { directory in
            let livePath = directory.file("live.sqlite")
            try makeDatabase(at: livePath, rows: 3).close()
            try makeDatabase(at: directory.file("first.sqlite"), rows: 1).close()
            try makeDatabase(at: directory.file("second.sqlite"), rows: 2).close()

            let first = try DatabaseBackup.restore(from: directory.file("first.sqlite"), to: livePath, migrator: schema)
            let second = try DatabaseBackup.restore(
                from: directory.file("second.sqlite"), to: livePath, migrator: schema)
            #expect(first.previous == livePath + ".before-restore")
            #expect(second.previous == livePath + ".before-restore-2")
            #expect(try entryNumbers(at: livePath + ".before-restore") == [1, 2, 3])
            #expect(try entryNumbers(at: livePath + ".before-restore-2") == [1])
            #expect(try entryNumbers(at: livePath) == [1, 2])
        }
    }

    @Test func restoreCreatesTheDatabaseWhenThereIsNone() throws {
        try withTemporaryDirectory { directory in
            try makeDatabase(at: directory.file("old.sqlite"), rows: 4).close()
            let target = directory.file("new.sqlite")
            let summary = try DatabaseBackup.restore(from: directory.file("old.sqlite"), to: target, migrator: schema)
            #expect(summary.previous == nil)
            #expect(try entryNumbers(at: target) == [1, 2, 3, 4])
        }
    }

    @Test func restoreAcceptsABackupOfAnOlderSchema() throws {
        try withTemporaryDirectory { directory in
            try makeDatabase(at: directory.file("backup.sqlite"), rows: 2).close()
            let newer = Migrator(
                applicationID: RathausSchema.applicationID,
                migrations: schema.migrations + [Migration(version: 2, name: "later", sql: "CREATE TABLE later (x);")]
            )
            let summary = try DatabaseBackup.restore(
                from: directory.file("backup.sqlite"),
                to: directory.file("live.sqlite"),
                migrator: newer
            )
            #expect(summary.schemaVersion == 1)
            let restored = try SQLiteConnection(path: directory.file("live.sqlite"))
            #expect(try newer.migrate(restored) == [2])
        }
    }

    @Test func restoreRemovesStaleLogFilesOfTheReplacedDatabase() throws {
        try withTemporaryDirectory { directory in
            let livePath = directory.file("live.sqlite")
            try makeDatabase(at: livePath, rows: 2).close()
            try makeDatabase(at: directory.file("backup.sqlite"), rows: 3).close()
            try Data(repeating: 0, count: 100).write(to: URL(fileURLWithPath: livePath + "-shm"))
            try DatabaseBackup.restore(from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            #expect(!FileManager.default.fileExists(atPath: livePath + "-shm"))
            #expect(!FileManager.default.fileExists(atPath: livePath + "-wal"))
            #expect(try entryNumbers(at: livePath) == [1, 2, 3])
        }
    }

    @Test func restoreRefusesWhileTheDatabaseIsOpen() throws {
        try withTemporaryDirectory { directory in
            let livePath = directory.file("live.sqlite")
            let server = try makeDatabase(at: livePath, rows: 2)
            try makeDatabase(at: directory.file("backup.sqlite"), rows: 3).close()
            let error = thrownError(as: BackupError.self) {
                try DatabaseBackup.restore(from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            }
            #expect(error == .databaseInUse(path: livePath))
            #expect(error?.description == "\(livePath) is in use by another process; stop the server first")
            #expect(try server.scalar("SELECT count(*) FROM entry", as: Int.self) == 2)
            try server.close()
            try DatabaseBackup.restore(from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            #expect(try entryNumbers(at: livePath) == [1, 2, 3])
        }
    }

    @Test func restoreRefusesABackupOfANewerSchema() throws {
        try withTemporaryDirectory { directory in
            let newer = Migrator(
                applicationID: RathausSchema.applicationID,
                migrations: schema.migrations + [Migration(version: 2, name: "later", sql: "CREATE TABLE later (x);")]
            )
            let backup = try SQLiteConnection(path: directory.file("backup.sqlite"))
            try newer.migrate(backup)
            try backup.close()
            let livePath = directory.file("live.sqlite")
            try makeDatabase(at: livePath, rows: 2).close()
            let error = thrownError(as: MigrationError.self) {
                try DatabaseBackup.restore(from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            }
            #expect(error == .databaseTooNew(path: directory.file("backup.sqlite"), found: 2, known: 1))
            #expect(try entryNumbers(at: livePath) == [1, 2])
            #expect(try directory.fileNames() == ["backup.sqlite", "live.sqlite"])
        }
    }

    @Test func restoreRefusesABackupThatFailsTheIntegrityCheck() throws {
        try withTemporaryDirectory { directory in
            let backupPath = directory.file("backup.sqlite")
            var unsafe = SQLiteConnection.Configuration()
            unsafe.defensive = false
            let backup = try SQLiteConnection(path: backupPath, configuration: unsafe)
            try schema.migrate(backup)
            try backup.executeScript(
                """
                CREATE TABLE booking (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
                CREATE INDEX booking_a ON booking (a);
                INSERT INTO booking (a, b) VALUES ('x', 'y');
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX booking_a ON booking (b)' WHERE name = 'booking_a';
                """
            )
            try backup.close()
            let livePath = directory.file("live.sqlite")
            try makeDatabase(at: livePath, rows: 2).close()
            let error = thrownError(as: BackupError.self) {
                try DatabaseBackup.restore(from: backupPath, to: livePath, migrator: schema)
            }
            guard case .integrityCheckFailed(_, let problems, _) = error else {
                Issue.record("expected integrityCheckFailed, got \(String(describing: error))")
                return
            }
            #expect(problems > 0)
            #expect(try entryNumbers(at: livePath) == [1, 2])
            #expect(try directory.fileNames() == ["backup.sqlite", "live.sqlite"])
        }
    }

    @Test func restoreRefusesAGarbageBackupWithOneLine() throws {
        try withTemporaryDirectory { directory in
            let backupPath = directory.file("backup.sqlite")
            try Data(repeating: 0x42, count: 5000).write(to: URL(fileURLWithPath: backupPath))
            let livePath = directory.file("live.sqlite")
            try makeDatabase(at: livePath, rows: 2).close()
            let error = thrownError(as: SQLiteError.self) {
                try DatabaseBackup.restore(from: backupPath, to: livePath, migrator: schema)
            }
            #expect(
                error?.description.hasPrefix("database file is not a database or is corrupt: \(backupPath)") == true)
            #expect(try entryNumbers(at: livePath) == [1, 2])
        }
    }

    @Test func restoreReplacesADatabaseThatIsCorrupt() throws {
        try withTemporaryDirectory { directory in
            try makeDatabase(at: directory.file("backup.sqlite"), rows: 3).close()
            let livePath = directory.file("live.sqlite")
            try Data(repeating: 0x17, count: 8192).write(to: URL(fileURLWithPath: livePath))
            let summary = try DatabaseBackup.restore(
                from: directory.file("backup.sqlite"), to: livePath, migrator: schema)
            #expect(try entryNumbers(at: livePath) == [1, 2, 3])
            #expect(summary.previous == livePath + ".before-restore")
        }
    }
}
