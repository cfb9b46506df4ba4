import Foundation
import RathausTesting
import Testing

@testable import Storage

/// The VFS that gathers a log's appends (`CSQLiteLog`), against SQLite's own reading of the log:
/// fewer write calls, and every frame where SQLite put it, also when a transaction writes a page
/// twice and reads pages back from the log before its commit.
@Suite struct LogGatheringTests {
    /// Write calls made by this thread since it started (`syscw` in /proc/thread-self/io), nil
    /// where the kernel does not tell.
    func writeCallsOfThisThread() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("syscw:") }
            .flatMap { Int($0.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The write calls of one commit of 200 rows of 3,000 bytes (one page each).
    func writeCallsOfACommit(gathering: Bool, in directory: TemporaryDirectory) throws -> (calls: Int, rows: Int) {
        let name = gathering ? "gathered.sqlite" : "plain.sqlite"
        let db = try makeConnection(in: directory.path, name: name) { $0.gatherLogWrites = gathering }
        try db.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT")
        let before = try #require(writeCallsOfThisThread(), "this kernel does not count a thread's writes")
        try db.transaction {
            try db.execute(
                """
                WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 200)
                INSERT INTO page (id, data) SELECT id, randomblob(3000) FROM n
                """)
        }
        let calls = try #require(writeCallsOfThisThread()) - before
        let reader = try makeConnection(in: directory.path, name: name) { $0 = .reader }
        return (calls, try reader.scalar("SELECT count(*) FROM page", as: Int.self) ?? 0)
    }

    @Test func aCommitsPagesReachTheLogInAFewWriteCalls() throws {
        try withTemporaryDirectory { directory in
            let plain = try writeCallsOfACommit(gathering: false, in: directory)
            let gathered = try writeCallsOfACommit(gathering: true, in: directory)
            #expect(plain.rows == 200 && gathered.rows == 200, "another connection reads every row")
            // SQLite writes each frame's header and its page apart: two calls a page without the VFS.
            #expect(plain.calls >= 400, "\(plain.calls)")
            // About 820 KB of frames in pieces of at most 128 KiB.
            #expect(gathered.calls <= 10, "\(gathered.calls)")
        }
    }

    @Test func aConnectionThatDoesNotSyncEveryCommitWritesAsSQLiteDoes() throws {
        var normal = SQLiteConnection.Configuration()
        normal.synchronous = .normal
        #expect(!normal.gathersLogWrites, "its commit does not write the gathered bytes before readers see it")
        #expect(!SQLiteConnection.Configuration.reader.gathersLogWrites)
        #expect(SQLiteConnection.Configuration().gathersLogWrites)
        #expect(SQLiteConnection.logGatheringVFS != nil, "registered")
    }

    /// A transaction that spilled pages to the log and rolled back leaves no gathered bytes behind
    /// to be written later over another connection's frames: they are written before the log's
    /// write lock goes.
    @Test func aRolledBackSpillNeverOverwritesAnotherConnectionsCommit() throws {
        try withTemporaryDirectory { directory in
            let first = try makeConnection(in: directory.path) { $0.cacheSizeKiB = 64 }
            try first.execute("CREATE TABLE line (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT")
            // An empty log: the rollback below then reads nothing back from it.
            try first.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try first.execute("BEGIN IMMEDIATE")
            try first.execute(
                """
                WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 40)
                INSERT INTO line (id, data) SELECT id, hex(zeroblob(10000)) FROM n
                """)
            // Its last pages spilled (overflow pages, never read back) are still gathered.
            try first.execute("ROLLBACK")
            let other = try makeConnection(in: directory.path) { $0.gatherLogWrites = false }
            try other.execute(
                """
                WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 60)
                INSERT INTO line (id, data) SELECT id, 'second' || hex(zeroblob(10000)) FROM n
                """)
            // The first connection uses the log again (reads of pages in it).
            let second = "SELECT count(*) FROM line WHERE data = 'second' || hex(zeroblob(10000))"
            #expect(try first.scalar(second, as: Int.self) == 60)
            let reader = try makeConnection(in: directory.path) { $0 = .reader }
            #expect(try reader.scalar(second, as: Int.self) == 60)
            #expect(try reader.integrityCheck() == [])
        }
    }

    /// A transaction larger than the page cache spills pages to the log before its commit, then
    /// changes them again (SQLite rewrites their frames in place) and reads them back from the
    /// log; another connection and the integrity check then find exactly the last values.
    @Test func pagesWrittenTwiceInOneTransactionAreReadBackRight() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path) { $0.cacheSizeKiB = 64 }
            let (writesBefore, _) = SQLiteConnection.logWriteCounts
            try db.execute("CREATE TABLE line (id INTEGER PRIMARY KEY, data TEXT NOT NULL) STRICT")
            try db.transaction {
                try db.execute(
                    """
                    WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 2000)
                    INSERT INTO line (id, data) SELECT id, replace(hex(zeroblob(400)), '00', char(65 + id % 26)) FROM n
                    """)
                try db.execute("UPDATE line SET data = replace(hex(zeroblob(400)), '00', char(97 + id % 26))")
                #expect(
                    try db.scalar(
                        "SELECT count(*) FROM line WHERE data = replace(hex(zeroblob(400)), '00', char(97 + id % 26))",
                        as: Int.self) == 2000)
            }
            #expect(SQLiteConnection.logWriteCounts.writes > writesBefore, "the writes went through the VFS")
            let reader = try makeConnection(in: directory.path) { $0 = .reader }
            let expected =
                "SELECT count(*) FROM line WHERE data = replace(hex(zeroblob(400)), '00', char(97 + id % 26))"
            #expect(try reader.scalar(expected, as: Int.self) == 2000)
            #expect(try reader.integrityCheck() == [])
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            #expect(try reader.scalar(expected, as: Int.self) == 2000)
            #expect(try db.integrityCheck() == [])
        }
    }
}
