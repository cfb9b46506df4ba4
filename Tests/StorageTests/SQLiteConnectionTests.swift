import Foundation
import Glibc
import RathausTesting
import Storage
import Testing

@Suite struct SQLiteConnectionTests {
    @Test func everyStorageClassRoundTripsThroughBindingAndReading() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try db.execute("CREATE TABLE sample (i INTEGER, r REAL, t TEXT, b BLOB, n ANY) STRICT")
            let bytes = [UInt8](0...255)
            try db.execute(
                "INSERT INTO sample (i, r, t, b, n) VALUES (?, ?, ?, ?, ?)",
                [Int64(42), 2.5, "Müller", bytes, SQLiteValue.null]
            )
            let row = try #require(try db.queryFirst("SELECT i, r, t, b, n FROM sample"))
            #expect(try row.value(at: 0, as: Int64.self) == 42)
            #expect(try row.value(at: 0, as: Int.self) == 42)
            #expect(try row.value(at: 1, as: Double.self) == 2.5)
            #expect(try row.value(at: 2, as: String.self) == "Müller")
            #expect(try row.value(at: 3, as: [UInt8].self) == bytes)
            #expect(try row.value(at: 4, as: String?.self) == nil)
            #expect(try row.value(at: 4, as: SQLiteValue.self) == .null)
            #expect(row.values == [.integer(42), .real(2.5), .text("Müller"), .blob(bytes), .null])
        }
    }

    @Test(arguments: ["Müller", "Straße", "Grüße aus Köln", "ÄÖÜäöüß€", "", "a\u{0}b", "日本語", "🏛️ Rathaus"])
    func textKeepsEveryCharacter(text: String) throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE person (name TEXT NOT NULL)")
        try db.execute("INSERT INTO person (name) VALUES (?)", [text])
        #expect(try db.scalar("SELECT name FROM person", as: String.self) == text)
        // SQLite counts characters up to the first NUL; bytes must match exactly.
        #expect(try db.scalar("SELECT length(CAST(name AS BLOB)) FROM person", as: Int.self) == text.utf8.count)
        #expect(try db.scalar("SELECT count(*) FROM person WHERE name = ?", [text], as: Int.self) == 1)
    }

    @Test func umlautsCompareEqualToSQLLiterals() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE street (name TEXT NOT NULL)")
        try db.execute("INSERT INTO street (name) VALUES (?)", ["Straße"])
        #expect(try db.scalar("SELECT count(*) FROM street WHERE name = 'Straße'", as: Int.self) == 1)
        #expect(try db.scalar("SELECT length(name) FROM street", as: Int.self) == 6)
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -1, 0, 1, Int64(Int32.max) + 1, Int64.max])
    func sixtyFourBitIntegersRoundTrip(value: Int64) throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(try db.scalar("SELECT ?", [value], as: Int64.self) == value)
        #expect(try db.scalar("SELECT ?", [Int(value)], as: Int.self) == Int(value))
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(try db.scalar("SELECT typeof(?)", [""], as: String.self) == "text")
        #expect(try db.scalar("SELECT typeof(?)", [[UInt8]()], as: String.self) == "blob")
        #expect(try db.scalar("SELECT ?", [""], as: String.self) == "")
        #expect(try db.scalar("SELECT ?", [[UInt8]()], as: [UInt8].self) == [])
    }

    @Test func optionalsBindAsNullAndReadBackAsNil() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let phone: String? = nil
        let email: String? = "a@example.org"
        let row = try #require(try db.queryFirst("SELECT ?, ?, typeof(?)", [phone, email, phone]))
        #expect(try row.value(at: 0, as: String?.self) == nil)
        #expect(try row.value(at: 1, as: String?.self) == "a@example.org")
        #expect(try row.value(at: 2, as: String.self) == "null")
    }

    @Test func booleansAreStoredAsZeroAndOne() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(try db.scalar("SELECT ?", [true], as: Int.self) == 1)
        #expect(try db.scalar("SELECT ?", [false], as: Int.self) == 0)
        #expect(try db.scalar("SELECT 1 = 1", as: Bool.self) == true)
        #expect(try db.scalar("SELECT 7", as: Bool.self) == true)
    }

    @Test func columnsAreReadByName() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let row = try #require(try db.queryFirst("SELECT 7 AS counter, 'Kiel' AS office"))
        #expect(row.columnNames == ["counter", "office"])
        #expect(try row.value(named: "office", as: String.self) == "Kiel")
        #expect(try row.value(named: "COUNTER", as: Int.self) == 7)
        let error = thrownError(as: SQLiteError.self) { try row.value(named: "missing", as: Int.self) }
        #expect(error?.code == .range)
    }

    @Test func readingTheWrongTypeIsAMismatchThatDoesNotShowTheValue() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let row = try #require(try db.queryFirst("SELECT ? AS name, NULL AS phone", ["Müller"]))
        let wrongType = thrownError(as: SQLiteError.self) { try row.value(at: 0, as: Int.self) }
        #expect(wrongType?.code == .mismatch)
        #expect(wrongType?.description.contains("name") == true)
        #expect(wrongType?.description.contains("Müller") == false)
        let null = thrownError(as: SQLiteError.self) { try row.value(named: "phone", as: String.self) }
        #expect(null?.code == .mismatch)
        let outOfRange = thrownError(as: SQLiteError.self) { try row.value(at: 2, as: String.self) }
        #expect(outOfRange?.code == .range)
    }

    @Test func preparedStatementsAreCachedBySQLText() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE hold (id INTEGER PRIMARY KEY, office TEXT NOT NULL)")
        let before = db.cachedStatementCount
        for office in ["Kiel", "Lübeck", "Flensburg"] {
            try db.execute("INSERT INTO hold (office) VALUES (?)", [office])
        }
        #expect(db.cachedStatementCount == before + 1)
        _ = try db.query("SELECT office FROM hold WHERE id = ?", [1])
        _ = try db.query("SELECT office FROM hold WHERE id = ?", [2])
        #expect(db.cachedStatementCount == before + 2)
        #expect(
            try db.query("SELECT office FROM hold ORDER BY id").map { try $0.value(at: 0, as: String.self) }
                == ["Kiel", "Lübeck", "Flensburg"])
    }

    @Test func statementCacheStaysWithinItsCapacity() throws {
        let db = try SQLiteConnection(path: ":memory:", configuration: configuration { $0.statementCacheCapacity = 3 })
        for number in 0..<10 {
            #expect(try db.scalar("SELECT \(number)", as: Int.self) == number)
            #expect(db.cachedStatementCount <= 3)
        }
        let uncached = try SQLiteConnection(
            path: ":memory:", configuration: configuration { $0.statementCacheCapacity = 0 })
        #expect(try uncached.scalar("SELECT 1", as: Int.self) == 1)
        #expect(uncached.cachedStatementCount == 0)
    }

    @Test func aStatementIsResetAfterUseSoItHoldsNoLock() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try db.execute("CREATE TABLE slot (n INTEGER)")
            for n in 1...3 {
                try db.execute("INSERT INTO slot (n) VALUES (?)", [n])
            }
            // queryFirst stops after one of three rows; an unreset statement would keep reading
            // the table, and DROP TABLE would fail with SQLITE_LOCKED.
            _ = try db.queryFirst("SELECT n FROM slot")
            #expect(!db.isInTransaction)
            try db.execute("DROP TABLE slot")
        }
    }

    @Test func theSameSQLCanRunInsideForEachRowOfItself() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE counter (n INTEGER)")
        for n in 1...3 {
            try db.execute("INSERT INTO counter (n) VALUES (?)", [n])
        }
        var pairs: [Int] = []
        try db.forEachRow("SELECT n FROM counter WHERE n >= ? ORDER BY n", [1]) { outer in
            let n = try outer.value(at: 0, as: Int.self)
            pairs.append(try db.query("SELECT n FROM counter WHERE n >= ? ORDER BY n", [n]).count)
        }
        #expect(pairs == [3, 2, 1])
    }

    @Test func executeTakesExactlyOneStatement() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let two = thrownError(as: SQLiteError.self) { try db.execute("CREATE TABLE a (x); CREATE TABLE b (y)") }
        #expect(two?.code == .misuse)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0)
        try db.execute("CREATE TABLE a (x); -- a comment after the statement is fine")
        try db.executeScript("CREATE TABLE b (y); CREATE TABLE c (z);")
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 3)
        let none = thrownError(as: SQLiteError.self) { try db.execute("  ") }
        #expect(none?.code == .misuse)
    }

    @Test func theNumberOfBindingsMustMatchTheParameters() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let tooFew = thrownError(as: SQLiteError.self) { try db.execute("SELECT ?, ?", ["one"]) }
        #expect(tooFew?.code == .range)
        let tooMany = thrownError(as: SQLiteError.self) { try db.execute("SELECT 1", ["one"]) }
        #expect(tooMany?.code == .range)
    }

    @Test func lastInsertRowIDAndChangesDescribeTheLatestWrite() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE ticket (id INTEGER PRIMARY KEY, state TEXT NOT NULL)")
        try db.execute("INSERT INTO ticket (id, state) VALUES (?, ?)", [17, "waiting"])
        #expect(db.lastInsertRowID == 17)
        try db.execute("INSERT INTO ticket (state) VALUES (?)", ["waiting"])
        #expect(db.lastInsertRowID == 18)
        try db.execute("UPDATE ticket SET state = ? WHERE state = ?", ["called", "waiting"])
        #expect(db.changes == 2)
    }

    @Test func theConfiguredPragmasAreInEffect() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(try db.scalar("PRAGMA synchronous", as: Int.self) == 2)
            #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
            #expect(try db.scalar("PRAGMA busy_timeout", as: Int.self) == 5000)
            #expect(try db.scalar("PRAGMA cache_size", as: Int.self) == -8192)
            #expect(try db.scalar("PRAGMA wal_autocheckpoint", as: Int.self) == 40000)
            #expect(try db.scalar("PRAGMA trusted_schema", as: Int.self) == 0)

            let tuned = try makeConnection(in: directory.path, name: "tuned.sqlite") {
                $0.synchronous = .normal
                $0.busyTimeout = .milliseconds(250)
                $0.foreignKeys = false
                $0.cacheSizeKiB = 1024
                $0.walAutocheckpointPages = 500
            }
            #expect(try tuned.scalar("PRAGMA synchronous", as: Int.self) == 1)
            #expect(try tuned.scalar("PRAGMA busy_timeout", as: Int.self) == 250)
            #expect(try tuned.scalar("PRAGMA foreign_keys", as: Int.self) == 0)
            #expect(try tuned.scalar("PRAGMA cache_size", as: Int.self) == -1024)
            #expect(try tuned.scalar("PRAGMA wal_autocheckpoint", as: Int.self) == 500)
        }
    }

    @Test func aPathThatIsNotARegularFileIsRefusedAtOnce() throws {
        try withTemporaryDirectory { directory in
            let fifo = directory.file("fifo.sqlite")
            #expect(mkfifo(fifo, 0o600) == 0)
            // Opening the FIFO would block until a writer came; it must fail instead.
            let error = thrownError(as: SQLiteError.self) { try SQLiteConnection(path: fifo) }
            #expect(error?.code == .cantOpen)
            #expect(thrownError(as: SQLiteError.self) { try SQLiteConnection(path: directory.path) }?.code == .cantOpen)
        }
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.executeScript(
            """
            CREATE TABLE office (id INTEGER PRIMARY KEY);
            CREATE TABLE counter (id INTEGER PRIMARY KEY, office INTEGER NOT NULL REFERENCES office (id));
            """
        )
        let error = thrownError(as: SQLiteError.self) { try db.execute("INSERT INTO counter (office) VALUES (?)", [9]) }
        #expect(error?.extendedCode == .constraintForeignKey)
    }

    @Test func defensiveModeKeepsSQLFromEditingTheSchemaTable() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE booking (id INTEGER)")
        try db.execute("PRAGMA writable_schema = ON")
        let error = thrownError(as: SQLiteError.self) {
            try db.execute("UPDATE sqlite_schema SET sql = 'CREATE TABLE booking (x)' WHERE name = 'booking'")
        }
        #expect(error != nil)
    }

    @Test func doubleQuotesNameColumnsAndAreNeverStrings() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let error = thrownError(as: SQLiteError.self) { try db.scalar("SELECT \"Kiel\"", as: String.self) }
        #expect(error?.code == .error)
        #expect(error?.message.contains("no such column") == true)
    }

    @Test func aReadOnlyConnectionReadsButCannotWrite() throws {
        try withTemporaryDirectory { directory in
            let writer = try makeConnection(in: directory.path)
            try writer.execute("CREATE TABLE office (name TEXT)")
            try writer.execute("INSERT INTO office (name) VALUES (?)", ["Kiel"])
            let reader = try SQLiteConnection(path: writer.path, configuration: .reader)
            #expect(try reader.scalar("SELECT name FROM office", as: String.self) == "Kiel")
            let error = thrownError(as: SQLiteError.self) {
                try reader.execute("INSERT INTO office (name) VALUES (?)", ["Lübeck"])
            }
            #expect(error?.code == .readOnly)
            #expect(error?.description.hasPrefix("database is read-only: \(writer.path)") == true)
        }
    }

    @Test func aReadOnlyConnectionNeverCreatesTheFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("missing.sqlite")
            let error = thrownError(as: SQLiteError.self) {
                try SQLiteConnection(path: path, configuration: .reader)
            }
            #expect(error?.code == .cantOpen)
            let names = try directory.fileNames()
            #expect(names.isEmpty)
        }
    }

    @Test func aMissingDirectoryIsAOneLineCannotOpenError() throws {
        let path = "/nonexistent-rathaus-directory/db.sqlite"
        let error = thrownError(as: SQLiteError.self) { try SQLiteConnection(path: path) }
        #expect(error?.code == .cantOpen)
        #expect(error?.description.hasPrefix("cannot open database file: \(path)") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test(arguments: [
        Array("Bürgerbüro Musterstadt, Öffnungszeiten\n".utf8),
        [UInt8](repeating: 0xA5, count: 8192),
        Array("SQLite format 3".utf8),
    ])
    func aFileThatIsNotADatabaseIsAOneLineError(content: [UInt8]) throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("not-a-database.sqlite")
            try Data(content).write(to: URL(fileURLWithPath: path))
            let error = try #require(thrownError(as: SQLiteError.self) { try SQLiteConnection(path: path) })
            #expect(error.code == .notADatabase || error.code == .corrupt)
            #expect(error.description.hasPrefix("database file is not a database or is corrupt: \(path) ("))
            #expect(!error.description.contains("\n"))
            // The file is left as it was.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(content))
        }
    }

    @Test(arguments: [50, 100, 4096, 12_000])
    func aTruncatedDatabaseIsAOneLineError(keptBytes: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("truncated.sqlite")
            let db = try SQLiteConnection(path: path)
            try db.executeScript(
                """
                CREATE TABLE booking (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE INDEX booking_name ON booking (name);
                CREATE TABLE ticket (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
                """
            )
            try db.transaction {
                for id in 1...300 {
                    try db.execute("INSERT INTO booking (id, name) VALUES (?, ?)", [id, "Müller \(id)"])
                }
            }
            try db.close()
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(keptBytes))
            try handle.close()

            let error = try #require(thrownError(as: SQLiteError.self) { try SQLiteConnection(path: path) })
            #expect(error.code == .corrupt || error.code == .notADatabase)
            #expect(error.description.hasPrefix("database file is not a database or is corrupt: \(path)"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func anEmptyFileIsANewDatabase() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("empty.sqlite")
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            let db = try SQLiteConnection(path: path)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0)
        }
    }

    @Test func aClosedConnectionRefusesWork() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE a (x)")
        try db.close()
        try db.close()
        #expect(db.isClosed)
        let error = thrownError(as: SQLiteError.self) { try db.execute("SELECT 1") }
        #expect(error?.code == .misuse)
    }

    @Test func closingInsideARunningQueryIsRefused() throws {
        let db = try SQLiteConnection(path: ":memory:")
        var error: SQLiteError?
        try db.forEachRow("SELECT 1") { _ in
            error = thrownError(as: SQLiteError.self) { try db.close() }
        }
        #expect(error?.code == .misuse)
        #expect(!db.isClosed)
    }

    /// Bytes this thread has handed to write(2) and its kin so far (`wchar` of
    /// /proc/thread-self/io), nil where the kernel does not tell.
    func bytesWrittenByThisThread() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("wchar:") }
            .flatMap { Int($0.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test func savepointJournalsStayInMemoryUntilTheCommit() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT")
            try db.execute(
                """
                WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 100)
                INSERT INTO page (id, data) SELECT id, randomblob(3000) FROM n
                """)
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let before = try #require(bytesWrittenByThisThread(), "this kernel does not count a thread's writes")
            // Like the committer: one transaction, each change in its own savepoint, each change
            // rewriting rows (one per page) that were in the file when its savepoint began: 20
            // pages, 80 KB of copies in the savepoint's journal.
            try db.execute("BEGIN IMMEDIATE")
            for change in 0..<5 {
                try db.execute("SAVEPOINT change")
                for id in 1...20 {
                    try db.execute("UPDATE page SET data = randomblob(3000) WHERE id = ?", [Int64(change * 20 + id)])
                }
                try db.execute("RELEASE change")
            }
            let written = try #require(bytesWrittenByThisThread()) - before
            try db.execute("COMMIT")
            #expect(SQLiteConnection.statementJournalSpillSet)
            // Nothing reaches a file before the commit: no spilled journal (SQLite's default would
            // have written every page's copy past the first 64 KiB to a temporary file).
            #expect(written < 16 * 1024, "wrote \(written) bytes before the commit")
            #expect(try db.scalar("SELECT count(*) FROM page", as: Int.self) == 100)
        }
    }

    /// A savepoint's journal larger than the threshold goes to a temporary file in chunks of the
    /// threshold's size, each in one write call: the unix VFS writes at most 2^17 - 1 bytes at
    /// once, and a threshold of 256 KiB made this spill fail with SQLITE_FULL.
    @Test func aSavepointJournalPastTheThresholdSpillsAndCommits() throws {
        try withTemporaryDirectory { directory in
            #expect(SQLiteConnection.statementJournalSpillBytes < 1 << 17)
            let db = try makeConnection(in: directory.path)
            try db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT")
            try db.execute(
                """
                WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 200)
                INSERT INTO page (id, data) SELECT id, zeroblob(3000) FROM n
                """)
            // 200 pages changed in one savepoint: about 800 KB of journal, six chunks.
            try db.transaction {
                try db.savepoint { try db.execute("UPDATE page SET data = randomblob(3000)") }
            }
            #expect(try db.scalar("SELECT count(*) FROM page WHERE data = zeroblob(3000)", as: Int.self) == 0)
            #expect(try db.integrityCheck() == [])
        }
    }
}

private func configuration(_ adjust: (inout SQLiteConnection.Configuration) -> Void) -> SQLiteConnection.Configuration {
    var configuration = SQLiteConnection.Configuration()
    adjust(&configuration)
    return configuration

}
