import RathausTesting
import Synchronization
import Testing

@testable import Storage

/// The group commit: write sets of one transaction each get their own outcome, and a failed one
/// leaves nothing behind while the others are stored.
@Suite struct CommitterTests {
    struct Refused: Error {}

    /// How often each writer's write set ran.
    final class Runs: Sendable {
        let counts = Mutex<[Int: Int]>([:])
        var all: [Int: Int] { counts.withLock { $0 } }
    }

    func committer(in directory: TemporaryDirectory) throws -> (Committer, SQLiteConnection) {
        let connection = try makeConnection(in: directory.path)
        try connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL) STRICT")
        return (Committer(connection: connection), try makeConnection(in: directory.path) { $0 = .reader })
    }

    /// A write set that stores `rows` rows of `writer`, then fails if `fails`.
    func write(_ writer: Int, rows: Int, fails: Bool, runs: Runs) -> Committer.WriteSet {
        { connection in
            runs.counts.withLock { $0[writer, default: 0] += 1 }
            for row in 0..<rows {
                try connection.execute(
                    "INSERT INTO item (id, writer) VALUES (?, ?)", [Int64(writer * 100 + row), Int64(writer)])
            }
            if fails { throw Refused() }
        }
    }

    @Test func aFailedWriteSetIsLeftOutAndTheOthersAreStoredOnce() throws {
        try withTemporaryDirectory { directory in
            let (committer, reader) = try committer(in: directory)
            let runs = Runs()
            let results = committer.submitAndWait([
                write(1, rows: 2, fails: false, runs: runs), write(2, rows: 3, fails: true, runs: runs),
                write(3, rows: 1, fails: false, runs: runs),
            ])
            #expect(results.map { if case .success = $0 { true } else { false } } == [true, false, true])
            let stored = try reader.query("SELECT writer, count(*) FROM item GROUP BY writer ORDER BY writer").map {
                [try $0.value(at: 0, as: Int.self), try $0.value(at: 1, as: Int.self)]
            }
            #expect(stored == [[1, 2], [3, 1]])
            // Each in its own savepoint, once.
            #expect(runs.all == [1: 1, 2: 1, 3: 1])
            #expect(committer.counts.transactions == 1 && committer.counts.failedWriteSets == 1)
        }
    }

    @Test func withoutAFailureEveryWriteSetRunsOnce() throws {
        try withTemporaryDirectory { directory in
            let (committer, reader) = try committer(in: directory)
            let runs = Runs()
            let results = committer.submitAndWait((1...5).map { write($0, rows: 2, fails: false, runs: runs) })
            #expect(results.allSatisfy { if case .success = $0 { true } else { false } })
            #expect(try reader.scalar("SELECT count(*) FROM item", as: Int.self) == 10)
            #expect(runs.all == [1: 1, 2: 1, 3: 1, 4: 1, 5: 1])
        }
    }

    /// Seeded: random transactions of write sets that store some rows and may fail; what is stored
    /// is exactly the rows of the write sets answered with success, each once.
    @Test(arguments: 1...20) func storedRowsAreExactlyThoseOfTheSucceededWriteSets(seed: UInt64) throws {
        try withTemporaryDirectory { directory in
            let (committer, reader) = try committer(in: directory)
            var random = SeededGenerator(seed: seed)
            let runs = Runs()
            var expected: [Int: Int] = [:]
            var writer = 0
            for _ in 0..<4 {
                var writes: [Committer.WriteSet] = []
                var plan: [(writer: Int, rows: Int, fails: Bool)] = []
                for _ in 0..<Int.random(in: 1...12, using: &random) {
                    writer += 1
                    let item = (
                        writer, Int.random(in: 0...4, using: &random), Int.random(in: 0..<4, using: &random) == 0
                    )
                    plan.append(item)
                    writes.append(write(item.0, rows: item.1, fails: item.2, runs: runs))
                }
                let results = committer.submitAndWait(writes)
                for (item, result) in zip(plan, results) {
                    if case .success = result {
                        #expect(!item.fails)
                        if item.rows > 0 { expected[item.writer] = item.rows }
                    } else {
                        #expect(item.fails)
                    }
                }
            }
            let stored = Dictionary(
                uniqueKeysWithValues: try reader.query("SELECT writer, count(*) FROM item GROUP BY writer").map {
                    (try $0.value(at: 0, as: Int.self), try $0.value(at: 1, as: Int.self))
                })
            #expect(stored == expected, "seed \(seed)")
            #expect(try reader.integrityCheck() == [])
        }
    }
}
