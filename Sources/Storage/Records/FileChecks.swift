package import Scheduling

/// Reading a whole database file, for the tools that check what a run left in it (the crash
/// test, the load generator's audit of overbooking).
extension SQLiteConnection {
    /// How many bookings the file holds, cancelled ones included.
    package func bookingCount() throws -> Int {
        try scalar("SELECT count(*) FROM booking", as: Int.self) ?? 0
    }

    /// One booked (not cancelled) booking's place in time, as a scan sees it.
    package struct BookedInterval: Sendable {
        package var office: String
        package var counter: String
        package var start: Int64
        package var end: Int64
        package var id: String
        package var services: [ServiceID]
    }

    /// Calls `body` with every booked booking, ordered by office and counter.
    package func forEachBookedInterval(_ body: (BookedInterval) throws -> Void) throws {
        try forEachRow(
            "SELECT office, counter, starts_at, ends_at, id, services FROM booking WHERE status = 'booked' ORDER BY office, counter"
        ) { row in
            try body(
                BookedInterval(
                    office: try row.value(at: 0), counter: try row.value(at: 1), start: try row.value(at: 2),
                    end: try row.value(at: 3), id: try row.value(at: 4), services: Self.split(try row.value(at: 5))))
        }
    }

    /// Copies the write-ahead log into the file and empties it (PRAGMA wal_checkpoint(TRUNCATE));
    /// true when it could, false when a reader kept it from finishing (sqlite.org/pragma.html#pragma_wal_checkpoint).
    @discardableResult
    package func checkpointTruncating() throws -> Bool {
        (try scalar("PRAGMA wal_checkpoint(TRUNCATE)", as: Int.self, cached: false) ?? 0) == 0
    }
}
