/// Keys the server keeps across restarts (the admission tokens' signing key, the forms' key):
/// random bytes made on first use and stored in `server_secret`.
extension SQLiteConnection {
    /// The secret named `name` of `length` random bytes, made and stored if there is none (or a
    /// stored one has another length). Runs its own transaction.
    package func serverSecret(named name: String, length: Int = 32) throws -> [UInt8] {
        try transaction(.immediate) {
            if let stored = try scalar("SELECT value FROM server_secret WHERE name = ?", [name], as: [UInt8].self),
                stored.count == length
            {
                return stored
            }
            let fresh = Secrets.bytes(length)
            try execute("INSERT OR REPLACE INTO server_secret (name, value) VALUES (?, ?)", [name, fresh])
            return fresh
        }
    }
}

extension SQLiteConnection {
    /// Whether the database answers a trivial query (`/healthz`).
    package var isAnswering: Bool {
        (try? scalar("SELECT 1", as: Int.self)) == 1
    }
}
