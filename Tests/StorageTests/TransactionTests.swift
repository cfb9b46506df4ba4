import RathausTesting
import Storage
import Testing

private struct Abandoned: Error, Equatable {}

@Suite struct TransactionTests {
    @Test func aTransactionCommitsWhatItsBodyWrote() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try db.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            let id = try db.transaction {
                try db.execute("INSERT INTO booking (name) VALUES (?)", ["Müller"])
                return db.lastInsertRowID
            }
            #expect(id == 1)
            #expect(!db.isInTransaction)
            let other = try makeConnection(in: directory.path)
            #expect(try other.scalar("SELECT name FROM booking WHERE id = ?", [id], as: String.self) == "Müller")
        }
    }

    @Test func aThrowingBodyRollsEverythingBackAndRethrows() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        #expect(throws: Abandoned()) {
            try db.transaction {
                try db.execute("INSERT INTO booking (name) VALUES (?)", ["Müller"])
                try db.execute("INSERT INTO booking (name) VALUES (?)", ["Schmidt"])
                throw Abandoned()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.scalar("SELECT count(*) FROM booking", as: Int.self) == 0)
    }

    @Test func aFailingStatementRollsBackTheEarlierOnes() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE)")
        try db.execute("INSERT INTO booking (reference) VALUES (?)", ["K-1"])
        let error = thrownError(as: SQLiteError.self) {
            try db.transaction {
                try db.execute("INSERT INTO booking (reference) VALUES (?)", ["K-2"])
                try db.execute("INSERT INTO booking (reference) VALUES (?)", ["K-1"])
            }
        }
        #expect(error?.extendedCode == .constraintUnique)
        #expect(try db.query("SELECT reference FROM booking").map { try $0.value(at: 0, as: String.self) } == ["K-1"])
    }

    @Test func transactionsDoNotNest() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY)")
        try db.transaction {
            try db.execute("INSERT INTO booking DEFAULT VALUES")
            let nested = thrownError(as: SQLiteError.self) {
                try db.transaction { try db.execute("INSERT INTO booking DEFAULT VALUES") }
            }
            #expect(nested?.code == .misuse)
            #expect(db.isInTransaction)
        }
        #expect(try db.scalar("SELECT count(*) FROM booking", as: Int.self) == 1)
    }

    @Test func aFailedSavepointUndoesOnlyItsOwnPart() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, reference TEXT NOT NULL)")
        try db.transaction {
            try db.execute("INSERT INTO booking (reference) VALUES (?)", ["kept"])
            #expect(throws: Abandoned()) {
                try db.savepoint {
                    try db.execute("INSERT INTO booking (reference) VALUES (?)", ["undone"])
                    throw Abandoned()
                }
            }
            try db.savepoint {
                try db.execute("INSERT INTO booking (reference) VALUES (?)", ["also kept"])
            }
        }
        #expect(
            try db.query("SELECT reference FROM booking ORDER BY id").map { try $0.value(at: 0, as: String.self) }
                == ["kept", "also kept"])
    }

    @Test func aSavepointNeedsAnOpenTransaction() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let error = thrownError(as: SQLiteError.self) { try db.savepoint {} }
        #expect(error?.code == .misuse)
    }

    @Test func aSecondWriterWaitsForTheBusyTimeoutThenFailsWithAClearError() throws {
        try withTemporaryDirectory { directory in
            let first = try makeConnection(in: directory.path)
            try first.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY)")
            let second = try makeConnection(in: directory.path) { $0.busyTimeout = .milliseconds(30) }
            try first.transaction(.immediate) {
                try first.execute("INSERT INTO booking DEFAULT VALUES")
                let error = thrownError(as: SQLiteError.self) {
                    try second.transaction(.immediate) { try second.execute("INSERT INTO booking DEFAULT VALUES") }
                }
                #expect(error?.code == .busy)
                #expect(
                    error?.description.hasPrefix(
                        "database is busy: another connection holds its lock: \(first.path) (SQLITE_BUSY") == true)
                #expect(!second.isInTransaction)
            }
            // Once the first has committed, the second gets the lock.
            try second.transaction(.immediate) { try second.execute("INSERT INTO booking DEFAULT VALUES") }
            #expect(try second.scalar("SELECT count(*) FROM booking", as: Int.self) == 2)
        }
    }

    @Test func aDeferredTransactionReadsOneSnapshotWhileAnotherConnectionWrites() throws {
        try withTemporaryDirectory { directory in
            let writer = try makeConnection(in: directory.path)
            try writer.execute("CREATE TABLE ticket (id INTEGER PRIMARY KEY)")
            try writer.execute("INSERT INTO ticket DEFAULT VALUES")
            let reader = try SQLiteConnection(path: writer.path, configuration: .reader)
            let (before, after) = try reader.transaction(.deferred) {
                let before = try reader.scalar("SELECT count(*) FROM ticket", as: Int.self)
                // In WAL mode the writer is not blocked by the open read transaction.
                try writer.transaction { try writer.execute("INSERT INTO ticket DEFAULT VALUES") }
                let after = try reader.scalar("SELECT count(*) FROM ticket", as: Int.self)
                return (before, after)
            }
            #expect(before == 1)
            #expect(after == 1)
            #expect(try reader.scalar("SELECT count(*) FROM ticket", as: Int.self) == 2)
        }
    }
}
