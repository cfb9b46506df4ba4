import RathausCommandLine
internal import Storage

/// `rathaus restore FILE [--db PATH]`: replaces the database by a backup.
enum RestoreCommand: Subcommand {
    static let name = "restore"
    static let summary = "replace the database by a backup (stop the server first)"
    static let usage = """
        usage: rathaus restore FILE [--db PATH]

        Replaces the database (--db, else $RATHAUS_DB, else ./rathaus.sqlite) by the backup FILE.
        FILE must pass an integrity check and have a schema version this rathaus knows. Stop the
        server first: restore refuses while it sees the database open. The replaced database is
        kept as PATH.before-restore (PATH.before-restore-2, -3, … when that name is taken). FILE's
        content is not changed; a FILE-wal beside it is folded into FILE, as SQLite does when
        the last connection to a database closes.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let database = try BackupCommand.databasePath(&arguments)
        guard let file = try arguments.positional() else {
            throw UsageError("missing FILE: the backup to restore")
        }
        try arguments.finish()
        let restored = try DatabaseBackup.restore(from: file, to: database)
        print(
            "\(restored.path): restored from \(file) (\(restored.bytes) bytes, schema version \(restored.schemaVersion))"
        )
        if let previous = restored.previous {
            print("the replaced database is kept as \(previous)")
        }
        return 0
    }
}
