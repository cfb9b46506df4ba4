/// The reference line for the storage benchmark (issue 3, item 9): a plain loop of one-row insert
/// transactions with the connection's pragmas, on the same disk as the booking writer, so that the
/// writer's figures can be read as a ratio to what SQLite itself does there
/// (Documentation/Performance.md, "Reading the figures": compare against a reference in the same
/// run).
package enum ReferenceInsertLoop {
    /// Inserts `count` rows into the table `reference_insert` of the database at `path` (created
    /// if needed), each in its own BEGIN IMMEDIATE … COMMIT, and returns the number of rows
    /// committed. Each row is about the size of a booking (a reference, a start, ~100 bytes of
    /// text). Time it from outside.
    package static func run(
        path: String,
        count: Int,
        configuration: SQLiteConnection.Configuration = .init()
    ) throws -> Int {
        let connection = try SQLiteConnection(path: path, configuration: configuration)
        try connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS reference_insert (
                id INTEGER PRIMARY KEY,
                reference TEXT NOT NULL,
                start INTEGER NOT NULL,
                payload TEXT NOT NULL
            ) STRICT;
            """
        )
        let payload = String(repeating: "x", count: 100)
        var committed = 0
        for index in 0..<max(0, count) {
            try connection.transaction(.immediate) {
                try connection.execute(
                    "INSERT INTO reference_insert (reference, start, payload) VALUES (?, ?, ?)",
                    ["R\(index)", Int64(index) * 600, payload]
                )
            }
            committed += 1
        }
        try connection.close()
        return committed
    }
}
