internal import CSystem

/// The rule that no event-loop thread ever waits for SQLite (Documentation/Architecture.md,
/// "Threads"): the HTTP server marks its loop threads, and in debug builds every blocking way
/// into the database (`SerialConnection.sync`, `Committer.withConnection`, `OfficeWriter.perform`)
/// stops the program when called on a marked thread, so that a test that takes such a path fails.
/// Release builds check nothing.
package enum BlockingCheck {
    /// Stops a debug build when the calling thread must not block.
    package static func assertMayBlock(_ what: StaticString, file: StaticString = #file, line: UInt = #line) {
        #if DEBUG
            if csystem_must_not_block() != 0 {
                preconditionFailure("\(what) would block an event-loop thread", file: file, line: line)
            }
        #endif
    }

    /// Runs `body` with the calling thread marked as one that must not block (in-process tests
    /// of handlers, which otherwise run on a test's thread), restoring the mark afterwards.
    package static func forbiddingBlocking<T>(_ body: () throws -> T) rethrows -> T {
        let previous = csystem_must_not_block()
        csystem_set_must_not_block(1)
        defer { csystem_set_must_not_block(previous) }
        return try body()
    }

    /// Whether the calling thread is marked.
    package static var isForbidden: Bool { csystem_must_not_block() != 0 }
}
