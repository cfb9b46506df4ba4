import Foundation
import RathausTesting
import Storage
import Testing

/// Three steps of a small schema, for the migrator's tests.
private let steps = [
    Migration(
        version: 1,
        name: "create office",
        sql: "CREATE TABLE office (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;"
    ),
    Migration(
        version: 2,
        name: "create counter",
        sql: """
            CREATE TABLE counter (
                id INTEGER PRIMARY KEY,
                office INTEGER NOT NULL REFERENCES office (id),
                label TEXT NOT NULL
            ) STRICT;
            """
    ),
    Migration(version: 3, name: "add office display name") { db in
        try db.execute("ALTER TABLE office ADD COLUMN display_name TEXT")
        try db.execute("UPDATE office SET display_name = 'Standort ' || name")
    },
]

private func migrator(_ count: Int = steps.count) -> Migrator {
    Migrator(applicationID: RathausSchema.applicationID, migrations: Array(steps.prefix(count)))
}

@Suite struct MigratorTests {
    @Test func aNewFileGetsEveryStepRecorded() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            #expect(try migrator().migrate(db) == [1, 2, 3])
            #expect(try db.scalar("PRAGMA user_version", as: Int.self) == 3)
            #expect(try db.scalar("PRAGMA application_id", as: Int32.self) == RathausSchema.applicationID)
            let history = try db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
            #expect(try history.map { try $0.value(at: 0, as: Int.self) } == [1, 2, 3])
            #expect(try history.map { try $0.value(at: 1, as: String.self) } == steps.map(\.name))
            let appliedAt = try history[0].value(at: 2, as: String.self)
            #expect(appliedAt.count == 20 && appliedAt.hasSuffix("Z"))
            #expect(try migrator().state(of: db) == .version(3))
        }
    }

    @Test func anOlderDatabaseGetsOnlyTheMissingSteps() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            #expect(try migrator(1).migrate(db) == [1])
            try db.execute("INSERT INTO office (name) VALUES (?)", ["Bürgerbüro Mitte"])
            #expect(try migrator(2).migrate(db) == [2])
            #expect(try migrator(3).migrate(db) == [3])
            #expect(try migrator(3).migrate(db) == [])
            #expect(try db.scalar("SELECT display_name FROM office", as: String.self) == "Standort Bürgerbüro Mitte")
        }
    }

    @Test func aDatabaseOfANewerProgramIsRefusedAndLeftAlone() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try migrator(3).migrate(db)
            let error = thrownError(as: MigrationError.self) { try migrator(2).migrate(db) }
            #expect(error == .databaseTooNew(path: db.path, found: 3, known: 2))
            #expect(
                error?.description
                    == "\(db.path): database schema version 3 is newer than this rathaus (knows up to 2); "
                    + "use a newer rathaus"
            )
            #expect(try db.scalar("PRAGMA user_version", as: Int.self) == 3)
            #expect(try db.scalar("SELECT count(*) FROM schema_migrations", as: Int.self) == 3)
        }
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        try withTemporaryDirectory { directory in
            let plain = try makeConnection(in: directory.path, name: "plain.sqlite")
            try plain.execute("CREATE TABLE contacts (name TEXT)")
            let error = thrownError(as: MigrationError.self) { try migrator().migrate(plain) }
            #expect(error == .notARathausDatabase(path: plain.path))
            #expect(error?.description == "\(plain.path): an SQLite database, but not a Rathaus database")

            let foreign = try makeConnection(in: directory.path, name: "foreign.sqlite")
            try foreign.execute("PRAGMA application_id = 1234")
            #expect(
                thrownError(as: MigrationError.self) { try migrator().migrate(foreign) }
                    == .notARathausDatabase(path: foreign.path))
            #expect(try foreign.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0)
        }
    }

    @Test func checkingAFileRefusesWhatIsNotOursWithoutChangingAByte() throws {
        try withTemporaryDirectory { directory in
            var journal = SQLiteConnection.Configuration()
            journal.journalMode = .delete
            let plain = try SQLiteConnection(path: directory.file("plain.sqlite"), configuration: journal)
            try plain.execute("CREATE TABLE contacts (name TEXT)")
            try plain.close()
            let newer = try SQLiteConnection(path: directory.file("newer.sqlite"), configuration: journal)
            try migrator(3).migrate(newer)
            try newer.close()
            let text = directory.file("text.sqlite")
            #expect(FileManager.default.createFile(atPath: text, contents: Data("not a database\n".utf8)))
            let files = ["plain.sqlite", "newer.sqlite", "text.sqlite"].map(directory.file)
            let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

            #expect(
                thrownError(as: MigrationError.self) { try migrator(2).checkFile(at: files[0]) }
                    == .notARathausDatabase(path: files[0]))
            #expect(
                thrownError(as: MigrationError.self) { try migrator(2).checkFile(at: files[1]) }
                    == .databaseTooNew(path: files[1], found: 3, known: 2))
            #expect(thrownError(as: SQLiteError.self) { try migrator(2).checkFile(at: files[2]) } != nil)
            #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
            #expect(try directory.fileNames() == ["newer.sqlite", "plain.sqlite", "text.sqlite"])

            try migrator(2).checkFile(at: directory.file("missing.sqlite"))
            #expect(!FileManager.default.fileExists(atPath: directory.file("missing.sqlite")))
        }
    }

    @Test func anEmptyFileGetsEveryStep() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("empty.sqlite")
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            let db = try SQLiteConnection(path: path)
            #expect(try migrator().migrate(db) == [1, 2, 3])
        }
    }

    @Test func aGarbageFileIsAOneLineErrorAndStaysUntouched() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("garbage.sqlite")
            let content = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
            try content.write(to: URL(fileURLWithPath: path))
            let error = try #require(
                thrownError(as: SQLiteError.self) {
                    let db = try SQLiteConnection(path: path)
                    return try migrator().migrate(db)
                }
            )
            #expect(error.description.hasPrefix("database file is not a database or is corrupt: \(path)"))
            #expect(!error.description.contains("\n"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        }
    }

    @Test func aTruncatedDatabaseIsAOneLineError() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("truncated.sqlite")
            let db = try SQLiteConnection(path: path)
            try migrator().migrate(db)
            try db.transaction {
                for number in 1...200 {
                    try db.execute("INSERT INTO office (name) VALUES (?)", ["Bürgerbüro \(number)"])
                }
            }
            try db.close()
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            let error = try #require(
                thrownError(as: SQLiteError.self) {
                    let db = try SQLiteConnection(path: path)
                    try migrator().migrate(db)
                    return try db.scalar("SELECT count(*) FROM office", as: Int.self)
                }
            )
            #expect(error.code == .corrupt || error.code == .notADatabase)
            #expect(error.description.hasPrefix("database file is not a database or is corrupt: \(path)"))
        }
    }

    @Test func aFailingStepIsRolledBackAndTheEarlierStepsStay() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            let broken = Migrator(
                applicationID: RathausSchema.applicationID,
                migrations: [
                    steps[0],
                    Migration(
                        version: 2,
                        name: "broken",
                        sql: "CREATE TABLE hold (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);"
                    ),
                ]
            )
            let error = thrownError(as: MigrationError.self) { try broken.migrate(db) }
            guard case .stepFailed(let version, let name, let cause) = error else {
                Issue.record("expected stepFailed, got \(String(describing: error))")
                return
            }
            #expect(version == 2 && name == "broken")
            #expect(cause.message == "no such table: nowhere")
            #expect(error?.description.hasPrefix("migration 2 (broken) failed and was rolled back: ") == true)
            #expect(try db.scalar("PRAGMA user_version", as: Int.self) == 1)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'hold'", as: Int.self) == 0)
            #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        }
    }

    @Test func aStepThatBreaksAForeignKeyIsRolledBack() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try migrator(2).migrate(db)
            let orphan = Migration(version: 3, name: "orphan counter") { db in
                try db.execute("INSERT INTO counter (office, label) VALUES (?, ?)", [99, "Schalter 1"])
            }
            let withOrphan = Migrator(
                applicationID: RathausSchema.applicationID, migrations: Array(steps.prefix(2)) + [orphan])
            let error = thrownError(as: MigrationError.self) { try withOrphan.migrate(db) }
            #expect(error == .foreignKeyViolation(version: 3, name: "orphan counter", table: "counter"))
            #expect(try db.scalar("SELECT count(*) FROM counter", as: Int.self) == 0)
            #expect(try db.scalar("PRAGMA user_version", as: Int.self) == 2)
        }
    }

    @Test(arguments: [[1, 3], [2], [1, 1], [0, 1]])
    func stepsMustBeNumberedFromOneWithoutGaps(versions: [Int]) throws {
        let db = try SQLiteConnection(path: ":memory:")
        let migrations = versions.map { Migration(version: $0, name: "step \($0)", sql: "SELECT 1;") }
        let error = thrownError(as: MigrationError.self) {
            try Migrator(applicationID: RathausSchema.applicationID, migrations: migrations).migrate(db)
        }
        #expect(error == .invalidSteps(versions: versions))
    }

    @Test func aSecondConnectionFindsTheSchemaAlreadyMigrated() throws {
        try withTemporaryDirectory { directory in
            let first = try makeConnection(in: directory.path)
            let second = try makeConnection(in: directory.path)
            #expect(try migrator().migrate(first) == [1, 2, 3])
            #expect(try migrator().migrate(second) == [])
        }
    }

    @Test func aReaderChecksThatTheDatabaseIsCurrent() throws {
        try withTemporaryDirectory { directory in
            let writer = try makeConnection(in: directory.path)
            try migrator(2).migrate(writer)
            let reader = try SQLiteConnection(path: writer.path, configuration: .reader)
            #expect(
                thrownError(as: MigrationError.self) { try migrator(3).verifyCurrent(reader) }
                    == .databaseBehind(path: writer.path, found: 2, needed: 3))
            #expect(try migrator(2).verifyCurrent(reader) == 2)
        }
    }

    @Test func aNewFileGetsTheWholeRathausSchema() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            #expect(try RathausSchema.migrator.migrate(db) == RathausSchema.migrations.map(\.version))
            #expect(try RathausSchema.migrator.state(of: db) == .version(RathausSchema.migrator.newestVersion))
            #expect(try db.scalar("PRAGMA application_id", as: Int32.self) == RathausSchema.applicationID)
            let tables = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map {
                try $0.value(at: 0, as: String.self)
            }
            for table in [
                "audit_log", "booking", "cancellation", "held_back", "hold", "idempotency_key", "occupancy",
                "queue_event", "staff_token", "ticket",
            ] {
                #expect(tables.contains(table), "table \(table) is missing")
            }
            #expect(try RathausSchema.migrator.migrate(db) == [], "a second run has nothing to do")
        }
    }
}
