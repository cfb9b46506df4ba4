internal import Foundation

/// Where the Rathaus database file is: the one rule that `serve`, `backup` and `restore` share.
///
/// `--db PATH` wins; else the environment variable `RATHAUS_DB` when it is set and not empty;
/// else `rathaus.sqlite` in the working directory. Beside the file SQLite keeps `-wal` and `-shm`
/// files while it is open (sqlite.org/tempfiles.html#write_ahead_log_wal_files); all three belong
/// on a local disk, not a network share (sqlite.org/wal.html#noshm).
package enum DatabaseLocation {
    /// The environment variable that names the database file.
    package static let environmentVariable = "RATHAUS_DB"

    /// The file used when neither `--db` nor `RATHAUS_DB` names one, relative to the working
    /// directory.
    package static let defaultPath = "rathaus.sqlite"

    /// The database path: `explicit` (from `--db`) when given, else `RATHAUS_DB` when set and not
    /// empty, else `defaultPath`.
    package static func path(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let explicit, !explicit.isEmpty {
            return explicit
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultPath
    }
}
