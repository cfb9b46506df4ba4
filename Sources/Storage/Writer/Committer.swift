import Dispatch
import Synchronization

/// The one connection that writes, and its group commit: every write set handed in while a
/// commit is running goes into the next transaction together, each in its own savepoint, so a
/// thousand callers cost one fsync, not a thousand, and each still gets its own outcome.
///
/// Invariant that makes `@unchecked Sendable` sound: `connection` is used only by blocks running
/// on `queue`, one at a time; `pending` is behind a mutex.
package final class Committer: @unchecked Sendable {
    /// One caller's changes, run inside a savepoint.
    package typealias WriteSet = @Sendable (SQLiteConnection) throws -> Void

    private struct Submission {
        var writes: [WriteSet]
        var completion: @Sendable ([Result<Void, any Error>]) -> Void
    }

    private struct Pending {
        var submissions: [Submission] = []
        var draining = false
    }

    private let connection: SQLiteConnection
    private let queue = DispatchQueue(label: "rathaus.committer")
    private let pending = Mutex(Pending())
    private let statistics = Mutex(Statistics())

    /// The most write sets one transaction takes; more wait for the next one.
    package let maxWritesPerTransaction: Int

    /// Counts for benchmarks and `/metrics`.
    package struct Statistics: Sendable, Equatable {
        package var transactions = 0
        package var writeSets = 0
        package var failedWriteSets = 0
        package var failedTransactions = 0
    }

    package init(connection: SQLiteConnection, maxWritesPerTransaction: Int = 512) {
        self.connection = connection
        self.maxWritesPerTransaction = max(1, maxWritesPerTransaction)
    }

    package var counts: Statistics { statistics.withLock { $0 } }

    /// Commits `writes` durably (in the next transaction) and then calls `completion` with one
    /// result per write set, on the committer's queue. A failed write set is rolled back alone;
    /// a failed COMMIT fails them all.
    package func submit(_ writes: [WriteSet], completion: @escaping @Sendable ([Result<Void, any Error>]) -> Void) {
        let start = pending.withLock { state -> Bool in
            state.submissions.append(Submission(writes: writes, completion: completion))
            if state.draining { return false }
            state.draining = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Commits `writes` as `submit` does and waits for their results (one per write set), for the
    /// senders and desks that run on queues of their own, never on an event loop.
    package func submitAndWait(_ writes: [WriteSet]) -> [Result<Void, any Error>] {
        BlockingCheck.assertMayBlock("Committer.submitAndWait")
        guard !writes.isEmpty else { return [] }
        let results = Mutex<[Result<Void, any Error>]>([])
        let done = DispatchSemaphore(value: 0)
        submit(writes) { answers in
            results.withLock { $0 = answers }
            done.signal()
        }
        done.wait()
        return results.withLock { $0 }
    }

    /// Runs `body` with the connection on the committer's queue, between commits, and waits.
    package func withConnection<T>(_ body: (SQLiteConnection) throws -> T) rethrows -> T {
        BlockingCheck.assertMayBlock("Committer.withConnection")
        return try queue.sync { try body(connection) }
    }

    private func drain() {
        while true {
            let batch = pending.withLock { state -> [Submission] in
                var taken: [Submission] = []
                var count = 0
                while let first = state.submissions.first,
                    taken.isEmpty || count + first.writes.count <= maxWritesPerTransaction
                {
                    taken.append(state.submissions.removeFirst())
                    count += first.writes.count
                }
                if taken.isEmpty { state.draining = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [Submission]) {
        var results = batch.map { Array(repeating: Result<Void, any Error>.success(()), count: $0.writes.count) }
        var failedWrites = 0
        do {
            try connection.transaction(.immediate) {
                for (submission, item) in batch.enumerated() {
                    for (index, write) in item.writes.enumerated() {
                        do {
                            try connection.savepoint { try write(connection) }
                        } catch {
                            results[submission][index] = .failure(error)
                            failedWrites += 1
                        }
                    }
                }
            }
            statistics.withLock {
                $0.transactions += 1
                $0.writeSets += results.reduce(0) { $0 + $1.count }
                $0.failedWriteSets += failedWrites
            }
        } catch {
            results = batch.map { Array(repeating: .failure(error), count: $0.writes.count) }
            statistics.withLock { $0.failedTransactions += 1 }
        }
        for (submission, item) in batch.enumerated() {
            item.completion(results[submission])
        }
    }
}
