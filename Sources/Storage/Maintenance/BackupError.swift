internal import Glibc

/// Why `rathaus backup` or `rathaus restore` refused or failed. SQLite's own errors arrive as
/// `SQLiteError`, schema problems as `MigrationError`.
package enum BackupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database to back up does not exist (backup never creates one).
    case databaseMissing(path: String)
    /// The backup file to restore does not exist.
    case backupMissing(path: String)
    /// The backup file exists already and `--force` was not given.
    case destinationExists(path: String)
    /// Source and destination are the same file.
    case sameFile(path: String)
    /// The copy failed PRAGMA integrity_check: `problems` findings, the first one given.
    case integrityCheckFailed(path: String, problems: Int, first: String)
    /// Another connection (a running server) has the database open.
    case databaseInUse(path: String)
    /// A file operation failed with `errno`.
    case fileSystem(operation: String, path: String, errno: Int32)

    /// One line for the operator.
    package var description: String {
        switch self {
        case .databaseMissing(let path):
            "\(path): no such database file"
        case .backupMissing(let path):
            "\(path): no such backup file"
        case .destinationExists(let path):
            "\(path) exists already; use --force to overwrite it"
        case .sameFile(let path):
            "\(path): source and destination are the same file"
        case .integrityCheckFailed(let path, let problems, let first):
            "\(path): integrity check found \(problems) problem\(problems == 1 ? "" : "s"), first: \(first)"
        case .databaseInUse(let path):
            "\(path) is in use by another process; stop the server first"
        case .fileSystem(let operation, let path, let code):
            "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}
