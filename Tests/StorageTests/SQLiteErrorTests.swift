import Foundation
import RathausTesting
import Storage
import Testing

@Suite struct SQLiteErrorTests {
    @Test func anErrorShowsTheSQLButNeverABoundValue() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (reference TEXT NOT NULL, token TEXT NOT NULL UNIQUE)")
        try db.execute("INSERT INTO booking (reference, token) VALUES (?, ?)", ["K-2026-1", "secret-token-123"])
        let error = try #require(
            thrownError(as: SQLiteError.self) {
                try db.execute("INSERT INTO booking (reference, token) VALUES (?, ?)", ["Müller", "secret-token-123"])
            }
        )
        #expect(error.code == .constraint)
        #expect(error.extendedCode == .constraintUnique)
        #expect(error.sql == "INSERT INTO booking (reference, token) VALUES (?, ?)")
        #expect(error.message == "UNIQUE constraint failed: booking.token")
        for text in [error.description, "\(error)", String(reflecting: error), error.localizedDescription] {
            #expect(text.contains("secret-token-123") == false)
            #expect(text.contains("Müller") == false)
        }
        #expect(
            error.description
                == "constraint failed (SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: booking.token) "
                + "[SQL: INSERT INTO booking (reference, token) VALUES (?, ?)]"
        )
    }

    @Test func theDescriptionIsOneLineAndShortensLongSQL() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let sql = """
            SELECT
                missing_column
            FROM sqlite_schema
            WHERE name = ?
            """ + String(repeating: " AND 1 = 1", count: 50)
        let error = try #require(thrownError(as: SQLiteError.self) { try db.query(sql, ["Straße"]) })
        #expect(error.message == "no such column: missing_column")
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("[SQL: SELECT missing_column FROM sqlite_schema WHERE name = ?"))
        #expect(error.description.hasSuffix("…]"))
        #expect(error.description.count < 400)
    }

    @Test func extendedCodesHaveNamesAndPrimaries() {
        let unique = SQLiteError.Code(rawValue: 2067)
        #expect(unique == .constraintUnique)
        #expect(unique.primary == .constraint)
        #expect(unique.name == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(SQLiteError.Code(rawValue: 5 | (1 << 8)).name == "SQLITE_BUSY (261)")
        #expect(SQLiteError.Code.notADatabase.name == "SQLITE_NOTADB")
        #expect(SQLiteError.Code(rawValue: 4242).name.contains("4242"))
    }

    @Test func anErrorKeepsThePrimaryAndTheExtendedCode() {
        let error = SQLiteError(code: .busySnapshot, message: "database is locked", sql: "COMMIT")
        #expect(error.code == .busy)
        #expect(error.extendedCode == .busySnapshot)
        #expect(error == SQLiteError(code: .busySnapshot, message: "database is locked", sql: "COMMIT"))
    }

    @Test(arguments: [
        (SQLiteError.Code.full, "database or disk is full: /srv/rathaus.sqlite ("),
        (.busy, "database is busy: another connection holds its lock: /srv/rathaus.sqlite ("),
        (.readOnly, "database is read-only: /srv/rathaus.sqlite ("),
        (.corrupt, "database file is not a database or is corrupt: /srv/rathaus.sqlite ("),
        (.ioError, "disk I/O error on database: /srv/rathaus.sqlite ("),
    ])
    func fileLevelErrorsNameTheFile(code: SQLiteError.Code, prefix: String) {
        let error = SQLiteError(code: code, message: "m", path: "/srv/rathaus.sqlite")
        #expect(error.description.hasPrefix(prefix))
    }

    @Test func valuesAndRowsDoNotPrintTheirContent() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let row = try #require(
            try db.queryFirst(
                "SELECT ? AS name, ? AS photo, 3 AS persons", ["Müller", [UInt8](repeating: 1, count: 4)]))
        #expect(row.description == "Row(name: text(7 bytes), photo: blob(4 bytes), persons: integer)")
        #expect("\(SQLiteValue.text("secret-token-123"))" == "text(16 bytes)")
        #expect(String(reflecting: SQLiteValue.text("secret-token-123")) == "text(16 bytes)")
        #expect(!String(reflecting: row).contains("Müller"))
    }
}
