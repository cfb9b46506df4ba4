import Foundation
import RathausTesting
import Storage
import Testing

@testable import rathaus

/// A Rathaus database at `path` with `rows` rows in a table of its own.
func makeRathausDatabase(at path: String, rows: Int) throws {
    let db = try SQLiteConnection(path: path)
    try RathausSchema.migrator.migrate(db)
    try db.execute("CREATE TABLE IF NOT EXISTS note (n INTEGER PRIMARY KEY)")
    try db.execute("DELETE FROM note")
    for n in stride(from: 1, through: rows, by: 1) {
        try db.execute("INSERT INTO note (n) VALUES (?)", [n])
    }
    try db.close()
}

func noteCount(at path: String) throws -> Int? {
    var configuration = SQLiteConnection.Configuration()
    configuration.journalMode = nil
    configuration.createIfMissing = false
    let db = try SQLiteConnection(path: path, configuration: configuration)
    defer { try? db.close() }
    return try db.scalar("SELECT count(*) FROM note", as: Int.self)
}

@Suite struct BackupCommandTests {
    @Test func backupWritesTheFileAndRefusesToOverwriteItWithoutForce() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            let file = directory.file("backup.sqlite")
            try makeRathausDatabase(at: database, rows: 4)
            #expect(RathausCommand.run(["backup", file, "--db", database]) == 0)
            #expect(try noteCount(at: file) == 4)
            #expect(RathausCommand.run(["backup", file, "--db", database]) == 1)
            #expect(RathausCommand.run(["backup", "--force", file, "--db=\(database)"]) == 0)
        }
    }

    @Test(arguments: [
        ["backup"],
        ["backup", "a.sqlite", "b.sqlite"],
        ["backup", "a.sqlite", "--db"],
        ["backup", "a.sqlite", "--db="],
        ["backup", "a.sqlite", "--verbose"],
        ["restore"],
        ["restore", "a.sqlite", "--force"],
    ])
    func wrongArgumentsAreUsageErrors(arguments: [String]) {
        #expect(RathausCommand.run(arguments) == 64)
    }

    @Test func backupOfAMissingDatabaseFails() throws {
        try withTemporaryDirectory { directory in
            #expect(
                RathausCommand.run(["backup", directory.file("b.sqlite"), "--db", directory.file("none.sqlite")]) == 1)
            let names = try directory.fileNames()
            #expect(names.isEmpty)
        }
    }

    @Test func restoreBringsBackTheBackup() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            let file = directory.file("backup.sqlite")
            try makeRathausDatabase(at: database, rows: 4)
            #expect(RathausCommand.run(["backup", file, "--db", database]) == 0)
            try makeRathausDatabase(at: database, rows: 1)
            #expect(RathausCommand.run(["restore", file, "--db", database]) == 0)
            #expect(try noteCount(at: database) == 4)
            #expect(try noteCount(at: database + ".before-restore") == 1)
        }
    }

    @Test func restoreFailsWhileTheDatabaseIsOpen() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            let file = directory.file("backup.sqlite")
            try makeRathausDatabase(at: database, rows: 2)
            #expect(RathausCommand.run(["backup", file, "--db", database]) == 0)
            let server = try SQLiteConnection(path: database)
            #expect(RathausCommand.run(["restore", file, "--db", database]) == 1)
            try server.close()
            #expect(RathausCommand.run(["restore", file, "--db", database]) == 0)
        }
    }

    @Test func bothCommandsAreListedInTheHelp() {
        #expect(RathausCommand.help.contains("backup"))
        #expect(RathausCommand.help.contains("restore"))
    }
}
