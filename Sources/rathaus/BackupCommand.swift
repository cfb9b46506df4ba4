import RathausCommandLine
internal import Storage

/// `rathaus backup FILE [--db PATH] [--force]`: a consistent copy of the database, also while the
/// server runs.
enum BackupCommand: Subcommand {
    static let name = "backup"
    static let summary = "copy the database to a file, consistently, also while the server runs"
    static let usage = """
        usage: rathaus backup FILE [--db PATH] [--force]

        Copies the database (--db, else $RATHAUS_DB, else ./rathaus.sqlite) to FILE with SQLite's
        online backup API: one consistent snapshot, taken while the server keeps writing. The copy
        passes an integrity check before it is given the name FILE. Refuses to overwrite an
        existing FILE unless --force is given. Prints the path and size of the backup.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let database = try databasePath(&arguments)
        let force = try arguments.flag("force")
        guard let file = try arguments.positional() else {
            throw UsageError("missing FILE: where to write the backup")
        }
        try arguments.finish()
        let backup = try DatabaseBackup.create(from: database, to: file, overwrite: force)
        print("\(backup.path): \(backup.bytes) bytes, schema version \(backup.schemaVersion), from \(database)")
        return 0
    }

    /// The database named by `--db`, else by the shared default rule (`DatabaseLocation`).
    static func databasePath(_ arguments: inout CommandArguments) throws(UsageError) -> String {
        let explicit = try arguments.option("db")
        if explicit == "" {
            throw UsageError("--db needs a path")
        }
        return DatabaseLocation.path(explicit: explicit)
    }
}
