extension SQLiteConnection {
    /// How a connection is opened and which pragmas it sets. Every value has the default Rathaus
    /// runs with; the table in Documentation/Storage.md, "Storage configuration", lists them.
    package struct Configuration: Sendable, Equatable {
        /// How long a statement waits for another connection's lock before it fails with
        /// SQLITE_BUSY (sqlite.org/c3ref/busy_timeout.html). Default: 5 seconds.
        package var busyTimeout: Duration = .seconds(5)

        /// The journal mode to set on open; nil leaves the file's mode as it is. Default: WAL,
        /// where readers do not block the writer and a commit is one append and one fsync
        /// (sqlite.org/wal.html). Not set on read-only connections, which cannot change it.
        package var journalMode: JournalMode? = .wal

        /// When SQLite waits for the disk. Default: FULL, so that a committed transaction survives
        /// a power cut also in WAL mode (sqlite.org/pragma.html#pragma_synchronous).
        package var synchronous: Synchronous = .full

        /// Whether FOREIGN KEY constraints are enforced; SQLite's own default is off
        /// (sqlite.org/foreignkeys.html#fk_enable). Default: on.
        package var foreignKeys = true

        /// Opens the file read-only (SQLITE_OPEN_READONLY), e.g. for a second, reading connection
        /// or a backup source. A read-only connection never creates the file. Default: false.
        package var readOnly = false

        /// Creates the file when it is missing (SQLITE_OPEN_CREATE). Ignored when `readOnly`.
        /// Default: true.
        package var createIfMissing = true

        /// SQLITE_DBCONFIG_DEFENSIVE: SQL cannot corrupt the file on purpose (no writable_schema,
        /// no journal_mode=OFF, no writes to shadow tables; sqlite.org/c3ref/c_dbconfig_defensive.html).
        /// Default: on.
        package var defensive = true

        /// The page cache of this connection in KiB (PRAGMA cache_size = -N,
        /// sqlite.org/pragma.html#pragma_cache_size). Default: 8192 (8 MiB; SQLite's own is 2 MiB).
        package var cacheSizeKiB = 8192

        /// Pages the write-ahead log may hold before a commit copies them into the database file
        /// (PRAGMA wal_autocheckpoint, sqlite.org/pragma.html#pragma_wal_autocheckpoint). Default:
        /// 40000 (a log of about 160 MiB; SQLite's own is 1000). A booking touches the same few
        /// index pages as the bookings before it, so a longer log copies each page once for many
        /// commits: 10000 against 1000 gave about a quarter more durable bookings per second over
        /// HTTP at the 100-office town, 40000 against 10000 about a tenth more, with the same p99
        /// (Documentation/Performance.md). A restart after a crash reads the log once.
        package var walAutocheckpointPages = 40000

        /// Whether the log's appends are gathered and written in one call (`CSQLiteLog`): a commit
        /// of 30 bookings wrote about 560 pieces, a header of 24 bytes and a page for each page.
        /// Effective only for a writing connection in WAL mode that commits with synchronous
        /// FULL or EXTRA, whose commit syncs the log (and so writes the gathered bytes) before
        /// other connections can see it. Default: true.
        package var gatherLogWrites = true

        /// Whether this connection opens with the gathering VFS (see `gatherLogWrites`).
        var gathersLogWrites: Bool {
            gatherLogWrites && !readOnly && journalMode == .wal
                && synchronous.rawValue >= Synchronous.full.rawValue
        }

        /// How many prepared statements the connection keeps by SQL text. Default: 128.
        package var statementCacheCapacity = 128

        /// The defaults above.
        package init() {}

        /// The defaults for a file that must exist already and keep its journal mode: opening it
        /// creates nothing and changes nothing (checks, backup sources and copies).
        package static var existingFile: Configuration {
            var configuration = Configuration()
            configuration.journalMode = nil
            configuration.createIfMissing = false
            return configuration
        }

        /// The defaults, read-only: for a second connection that only reads, or a backup source.
        package static var reader: Configuration {
            var configuration = Configuration()
            configuration.readOnly = true
            return configuration
        }

        /// The busy timeout in whole milliseconds, as sqlite3_busy_timeout takes it.
        var busyTimeoutMilliseconds: Int32 {
            let (seconds, attoseconds) = busyTimeout.components
            let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            return Int32(clamping: max(0, milliseconds))
        }
    }

    /// A journal mode (sqlite.org/pragma.html#pragma_journal_mode). Rathaus runs in WAL; the
    /// rollback-journal mode is here for copies and tools.
    package enum JournalMode: String, Sendable {
        /// Write-ahead log.
        case wal
        /// Rollback journal, deleted after each transaction.
        case delete
    }

    /// PRAGMA synchronous levels (sqlite.org/pragma.html#pragma_synchronous).
    package enum Synchronous: Int, Sendable {
        /// No fsync at all: a crash of the machine can lose or corrupt data.
        case off = 0
        /// In WAL mode, fsync at checkpoints only: a power cut can lose the latest commits.
        case normal = 1
        /// fsync at every commit: a commit is durable when it returns.
        case full = 2
        /// Like FULL, and also fsyncs the directory after deleting a rollback journal.
        case extra = 3
    }
}
