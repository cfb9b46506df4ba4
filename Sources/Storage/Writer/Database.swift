package import Scheduling

/// Rathaus's database opened for serving: the migrated file, the committer that owns the only
/// write connection, a reading connection, and one writer per office.
package final class Database: Sendable {
    package let path: String
    package let committer: Committer
    /// A connection for reads of committed data (bookings by id, tokens, idempotency keys).
    package let reader: SerialConnection
    /// A reading connection for long reports (statistics), so that they keep no lookup waiting.
    package let reports: SerialConnection
    package let writers: [OfficeID: OfficeWriter]
    /// The key that seals the tokens kept for the links in messages (`LinkSecret`).
    package let messageLinkKey: [UInt8]

    private init(
        path: String, committer: Committer, reader: SerialConnection, reports: SerialConnection,
        writers: [OfficeID: OfficeWriter], messageLinkKey: [UInt8]
    ) {
        self.path = path
        self.committer = committer
        self.reader = reader
        self.reports = reports
        self.writers = writers
        self.messageLinkKey = messageLinkKey
    }

    /// Closes the file's connections (the committer's, the reader and the reports' reader), each
    /// on its own queue after the work already queued there; later reads and writes fail with
    /// SQLITE_MISUSE. For tests and tools that open many databases in one process: the server's
    /// parts hold their database until the process ends, and its files stay open until then.
    package func close() {
        committer.withConnection { try? $0.close() }
        reader.sync { try? $0.close() }
        reports.sync { try? $0.close() }
    }

    /// Opens (creating and migrating) the database at `path` and loads every office of
    /// `municipality` from it, or only those in `offices` (an instance serving some of the
    /// town's offices: the others get no writer and nothing of theirs is stored here); the
    /// writers store the messages `messages` says each change causes.
    package static func open(
        path: String, municipality: Municipality, clock: @escaping @Sendable () -> Instant,
        configuration: SQLiteConnection.Configuration = .init(), maxBatch: Int = 256, offices: Set<OfficeID>? = nil,
        messages: MessagePolicy = MessagePolicy()
    ) throws -> Database {
        try RathausSchema.migrator.checkFile(at: path)
        let connection = try SQLiteConnection(path: path, configuration: configuration)
        try RathausSchema.migrator.migrate(connection)
        var readerConfiguration = configuration
        readerConfiguration.readOnly = true
        readerConfiguration.createIfMissing = false
        let reader = try SerialConnection(path: path, configuration: readerConfiguration, label: "rathaus.reader")
        let references = ReferenceRegistry(
            // Arrival codes of tickets from home share the references' letters and set, so the
            // kiosk can never take one for the other.
            references: try connection.query(
                "SELECT reference FROM booking UNION ALL SELECT arrival_code FROM ticket WHERE arrival_code IS NOT NULL"
            ).map {
                try $0.value(at: 0, as: String.self)
            })
        let linkKey = try connection.serverSecret(named: LinkSecret.keyName)
        let committer = Committer(connection: connection)
        var writers: [OfficeID: OfficeWriter] = [:]
        for office in municipality.offices where offices?.contains(office.id) ?? true {
            writers[office.id] = try OfficeWriter(
                office: office, services: municipality.services, groups: municipality.groups, committer: committer,
                references: references, reader: reader, clock: clock, maxBatch: maxBatch,
                messages: OutboxSettings(policy: messages, linkKey: linkKey))
        }
        let reports = try SerialConnection(path: path, configuration: readerConfiguration, label: "rathaus.reports")
        return Database(
            path: path, committer: committer, reader: reader, reports: reports, writers: writers,
            messageLinkKey: linkKey)
    }

    /// Copies everything the write-ahead log holds into the database file and empties the log
    /// (PRAGMA wal_checkpoint(TRUNCATE)), between commits: after a clean stop the file alone
    /// holds every answered change. Fails with SQLITE_BUSY while a reader is in the middle of a
    /// read.
    package func checkpoint() throws {
        try committer.withConnection { connection in
            if try !connection.checkpointTruncating() {
                throw SQLiteError(code: .busy, message: "a reader kept the log from being copied", path: path)
            }
        }
    }

    /// The erasure of the bookings that ended before the cutoff (?2), with the token kept for
    /// their links. A booking is made before its time, so one that ended before the cutoff was
    /// made before it too: the scan reads only the bookings not erased that were made before the
    /// cutoff (`booking_unerased`); one made after its own end would wait until it was made
    /// that long ago.
    static let eraseBookingContactsSQL = """
        UPDATE booking INDEXED BY booking_unerased
        SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, link_secret = NULL, erased_at = ?1
        WHERE erased_at IS NULL AND created_at < ?2 AND ends_at < ?2
        """

    /// Erases name, e-mail and phone of bookings that ended, of draw entries whose draw closed, and
    /// of wishes that ended, more than `days` days before `now`, leaving the anonymous records for
    /// statistics, and what the outbox keeps of those bookings (recipients, bodies, relays'
    /// replies); the tokens kept for messages' links go as soon as a booking is over. Returns how
    /// many bookings, draw entries and wishes were erased.
    @discardableResult
    package func erasePersonalData(olderThanDays days: Int, now: Instant) throws -> Int {
        let cutoff = now.adding(seconds: -days * 86_400)
        return try committer.withConnection { connection in
            try connection.transaction(.immediate) {
                try connection.execute(Self.eraseBookingContactsSQL, [now.secondsSinceEpoch, cutoff.secondsSinceEpoch])
                let erased = connection.changes
                // Draw entries carry a contact too: erased the same number of days after the draw.
                try connection.execute(
                    """
                    UPDATE draw_entry SET contact_name = NULL, contact_email = NULL, contact_phone = NULL
                    WHERE closes_at < ? AND (contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL)
                    """, [cutoff.secondsSinceEpoch])
                let draws = connection.changes
                try connection.eraseLinkSecrets(endedBefore: now)
                _ = try connection.eraseMessagesOfErasedBookings(at: now)
                // Wishes too: erased the same number of days after they ended.
                return erased + draws + (try connection.eraseWishContacts(endedBefore: cutoff))
            }
        }
    }
}
