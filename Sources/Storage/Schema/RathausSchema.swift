/// The schema of the Rathaus database: the application id that marks the file and the numbered
/// migration steps that build its tables.
package enum RathausSchema {
    /// PRAGMA application_id of every Rathaus database: "RTHS" in ASCII, so that `file(1)` and
    /// this program can tell the file from other SQLite databases
    /// (sqlite.org/fileformat2.html#application_id).
    package static let applicationID: Int32 = 0x5254_4853

    /// Every step, in order, append-only once released (see `Migration`). Issue 3: the domain
    /// tables (bookings, holds, tickets, …) are added here as steps 1, 2, …
    package static let migrations: [Migration] = []

    /// The migrator for this schema.
    package static var migrator: Migrator {
        Migrator(applicationID: applicationID, migrations: migrations)
    }
}
