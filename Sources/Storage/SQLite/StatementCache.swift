/// The prepared statements of one connection, by SQL text.
///
/// Bounded by `capacity`: when it is full, every statement not in use is finalized and the cache
/// starts again. The SQL of a program is a fixed set of texts, so this only happens when SQL is
/// built at run time (e.g. `IN (?, ?, …)` lists of varying length).
struct StatementCache {
    private(set) var statements: [String: Statement] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    var count: Int { statements.count }

    func statement(for sql: String) -> Statement? {
        statements[sql]
    }

    /// Keeps `statement` for reuse; returns false when the cache holds none (capacity 0).
    mutating func insert(_ statement: Statement) -> Bool {
        guard capacity > 0 else { return false }
        if statements.count >= capacity {
            for (sql, cached) in statements where !cached.isInUse {
                cached.isCached = false
                cached.finalize()
                statements[sql] = nil
            }
        }
        statements[statement.sql] = statement
        statement.isCached = true
        return true
    }

    /// Finalizes every statement (before the connection closes).
    mutating func removeAll() {
        for statement in statements.values {
            statement.isCached = false
            statement.finalize()
        }
        statements = [:]
    }
}
