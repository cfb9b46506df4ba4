internal import Dispatch

/// A connection confined to its own serial dispatch queue, so that threads and tasks can share it,
/// as GRDB's SerializedDatabase does. SQLite calls block; here they run on that queue, never on
/// Swift's cooperative thread pool (Documentation/Architecture.md, "Threads").
///
/// Invariant that makes `@unchecked Sendable` sound: `connection` is touched only by blocks
/// running on `queue`, one at a time. `sync`, `async` and `run` are the only ways in, and the
/// closures they take must not keep the connection beyond their own run. A `sync` call from the
/// queue itself would deadlock; it is caught by a precondition (a programming error, never
/// caused by input).
package final class SerialConnection: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let queue: DispatchQueue
    private let queueKey = DispatchSpecificKey<Bool>()

    /// Opens the database at `path` with `configuration` and confines the connection to a new
    /// serial queue named `label`.
    package init(
        path: String,
        configuration: SQLiteConnection.Configuration = .init(),
        label: String = "rathaus.sqlite"
    ) throws(SQLiteError) {
        self.connection = try SQLiteConnection(path: path, configuration: configuration)
        self.queue = DispatchQueue(label: label)
        queue.setSpecific(key: queueKey, value: true)
    }

    /// The path of the database.
    package var path: String { connection.path }

    /// Runs `body` on the queue with the connection and waits for its result. Must not be called
    /// from inside another `sync`, `async` or `run` block of this connection.
    package func sync<T>(_ body: (SQLiteConnection) throws -> T) rethrows -> T {
        BlockingCheck.assertMayBlock("SerialConnection.sync")
        precondition(
            DispatchQueue.getSpecific(key: queueKey) == nil,
            "SerialConnection.sync called from its own queue would deadlock"
        )
        return try queue.sync {
            try body(connection)
        }
    }

    /// Runs `body` on the queue with the connection, later; returns at once. Blocks run in the
    /// order they were submitted.
    package func async(_ body: @escaping @Sendable (SQLiteConnection) -> Void) {
        queue.async {
            body(self.connection)
        }
    }

    /// Runs `body` on the queue with the connection and suspends the calling task (without
    /// blocking a thread of the cooperative pool) until it has run.
    package func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection) })
            }
        }
    }
}
