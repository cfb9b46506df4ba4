import RathausTesting
import Storage
import Testing

@Suite struct ReferenceInsertLoopTests {
    @Test func theLoopCommitsEveryRowInItsOwnTransaction() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("reference.sqlite")
            #expect(try ReferenceInsertLoop.run(path: path, count: 40) == 40)
            #expect(try ReferenceInsertLoop.run(path: path, count: 10) == 10)
            let db = try SQLiteConnection(path: path)
            #expect(try db.scalar("SELECT count(*) FROM reference_insert", as: Int.self) == 50)
            #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        }
    }

    @Test func zeroRowsIsNothing() throws {
        try withTemporaryDirectory { directory in
            let committed = try ReferenceInsertLoop.run(path: directory.file("reference.sqlite"), count: 0)
            #expect(committed == 0)
        }
    }
}
