/// Why a database cannot be brought to (or used at) the program's schema version.
package enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database was written by a newer program: its schema version is beyond the newest step
    /// this program knows. It is left untouched.
    case databaseTooNew(path: String, found: Int, known: Int)
    /// The file is an SQLite database of another application (or with tables but no Rathaus
    /// application id).
    case notARathausDatabase(path: String)
    /// The database is older than this program and must be migrated by a connection that may
    /// write (a read-only check found it behind).
    case databaseBehind(path: String, found: Int, needed: Int)
    /// The program's steps are not numbered 1, 2, 3, … in order (a programming error).
    case invalidSteps(versions: [Int])
    /// A step failed; its transaction was rolled back, and the database stays at `version - 1`.
    case stepFailed(version: Int, name: String, error: SQLiteError)
    /// A step left rows that break a foreign key (PRAGMA foreign_key_check); it was rolled back.
    case foreignKeyViolation(version: Int, name: String, table: String)

    /// One line for the operator.
    package var description: String {
        switch self {
        case .databaseTooNew(let path, let found, let known):
            "\(path): database schema version \(found) is newer than this rathaus (knows up to \(known)); "
                + "use a newer rathaus"
        case .notARathausDatabase(let path):
            "\(path): an SQLite database, but not a Rathaus database"
        case .databaseBehind(let path, let found, let needed):
            "\(path): database schema version \(found) is older than this rathaus (needs \(needed)); "
                + "open it once with a writing rathaus to migrate it"
        case .invalidSteps(let versions):
            "migration steps must be numbered 1, 2, 3, … in order; found "
                + versions.map(String.init).joined(separator: ", ")
        case .stepFailed(let version, let name, let error):
            "migration \(version) (\(name)) failed and was rolled back: \(error)"
        case .foreignKeyViolation(let version, let name, let table):
            "migration \(version) (\(name)) leaves rows in '\(table)' that break a foreign key; rolled back"
        }
    }
}
