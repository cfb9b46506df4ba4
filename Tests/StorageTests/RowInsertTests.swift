import Testing

@testable import Storage

@Suite struct RowInsertTests {
    /// Every row arrives once, in the order given (rising rowids), whatever the count against
    /// the most rows a statement takes; one cached text per chunk size, none prepared twice.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 7, 8, 9, 13])
    func rowsArriveInOrderInChunks(count: Int) throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE item (position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL)")
        let insert = RowInsert(
            "INSERT INTO item (position, name, kind)", row: "(?, ?, 'x')", columns: 2, maxRowsPerStatement: 4)
        let before = db.cachedStatementCount
        try insert.run(on: db, rows: count) { row, bindings in bindings += [row, "item \(row)"] }
        let rows = try db.query("SELECT position, name, kind FROM item ORDER BY rowid")
        #expect(try rows.map { try $0.value(at: 0, as: Int.self) } == Array(0..<count))
        #expect(try rows.map { try $0.value(at: 1, as: String.self) } == (0..<count).map { "item \($0)" })
        #expect(try rows.allSatisfy { try $0.value(at: 2, as: String.self) == "x" })
        // Full chunks of four share one text; a rest of one to three rows adds another.
        let texts = (count >= 4 ? 1 : 0) + (count % 4 == 0 ? 0 : 1)
        #expect(db.cachedStatementCount - before == texts + 1, "the texts and the SELECT")
    }

    /// A row that breaks a constraint fails its whole statement: nothing of that chunk is stored.
    @Test func aFailingRowTakesItsStatementAlong() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE item (position INTEGER PRIMARY KEY)")
        let insert = RowInsert("INSERT INTO item (position)", row: "(?)", columns: 1, maxRowsPerStatement: 4)
        #expect(throws: SQLiteError.self) {
            try insert.run(on: db, rows: 6) { row, bindings in bindings += [row == 5 ? 4 : row] }
        }
        #expect(try db.scalar("SELECT count(*) FROM item", as: Int.self) == 4, "the first chunk only")
    }
}
