import Dispatch
import RathausTesting
import Storage
import Testing

@Suite struct SerialConnectionTests {
    @Test func manyTasksShareOneConnectionWithoutLosingAWrite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SerialConnection(path: directory.file("shared.sqlite"))
        try await database.run { db in
            try db.execute("CREATE TABLE ticket (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)")
        }
        try await withThrowingTaskGroup(of: Int64.self) { group in
            for number in 1...200 {
                group.addTask {
                    try await database.run { db in
                        try db.transaction {
                            try db.execute("INSERT INTO ticket (code) VALUES (?)", ["A\(number)"])
                            return db.lastInsertRowID
                        }
                    }
                }
            }
            var ids: Set<Int64> = []
            for try await id in group {
                ids.insert(id)
            }
            #expect(ids.count == 200)
        }
        let count = try await database.run { db in try db.scalar("SELECT count(*) FROM ticket", as: Int.self) }
        #expect(count == 200)
    }

    @Test func blocksRunInTheOrderTheyWereSubmitted() throws {
        let database = try SerialConnection(path: ":memory:")
        try database.sync { db in try db.execute("CREATE TABLE call (n INTEGER NOT NULL)") }
        for n in 1...50 {
            database.async { db in
                try? db.execute("INSERT INTO call (n) VALUES (?)", [n])
            }
        }
        let order = try database.sync { db in
            try db.query("SELECT n FROM call ORDER BY rowid").map { try $0.value(at: 0, as: Int.self) }
        }
        #expect(order == Array(1...50))
    }

    @Test func threadsCallingSyncAtOnceAreSerialised() throws {
        let database = try SerialConnection(path: ":memory:")
        try database.sync { db in try db.execute("CREATE TABLE counter (n INTEGER NOT NULL)") }
        try database.sync { db in try db.execute("INSERT INTO counter (n) VALUES (0)") }
        DispatchQueue.concurrentPerform(iterations: 100) { _ in
            // A read-modify-write without a transaction: correct only if no two run at once.
            database.sync { db in
                let n = (try? db.scalar("SELECT n FROM counter", as: Int.self)) ?? nil
                try? db.execute("UPDATE counter SET n = ?", [(n ?? 0) + 1])
            }
        }
        #expect(try database.sync { db in try db.scalar("SELECT n FROM counter", as: Int.self) } == 100)
    }

    @Test func errorsComeBackToTheCaller() async throws {
        let database = try SerialConnection(path: ":memory:")
        await #expect(throws: SQLiteError.self) {
            try await database.run { db in try db.execute("SELECT * FROM missing_table") }
        }
        #expect(throws: SQLiteError.self) {
            try database.sync { db in try db.execute("SELECT * FROM missing_table") }
        }
    }
}
