package import Scheduling

/// One message of the outbox: what it is about (its intent), where it stands, and while it waits
/// the envelope recipient and the bytes composed for its first attempt.
package struct OutboxMessage: Sendable, Equatable {
    /// Where a message stands.
    package enum Status: String, Sendable, CaseIterable {
        /// To be sent (again) at `nextAttemptAt`.
        case waiting
        /// Taken by the relay, the program or the folder.
        case sent
        /// Refused for good (a 5xx): `result` says why.
        case failed
        /// No longer worth sending (a reminder of a booking that changed, too old): `result`
        /// says why.
        case dropped
    }

    /// The row's id: with `createdAt`, the Message-ID.
    package var id: Int64
    package var intent: MessageIntent
    package var createdAt: Instant
    package var status: Status
    /// Attempts made so far.
    package var attempts: Int
    package var nextAttemptAt: Instant
    package var lastAttemptAt: Instant?
    package var finishedAt: Instant?
    /// The last temporary failure, the permanent one, or why it was dropped. It may quote a
    /// relay's reply, which may name the address: for staff, never for a log.
    package var result: String?
    /// The envelope recipient, once composed and while waiting.
    package var recipient: String?
    /// The message as composed for its first attempt, while waiting.
    package var content: [UInt8]?

    package init(
        id: Int64, intent: MessageIntent, createdAt: Instant, status: Status = .waiting, attempts: Int = 0,
        nextAttemptAt: Instant, lastAttemptAt: Instant? = nil, finishedAt: Instant? = nil, result: String? = nil,
        recipient: String? = nil, content: [UInt8]? = nil
    ) {
        self.id = id
        self.intent = intent
        self.createdAt = createdAt
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.finishedAt = finishedAt
        self.result = result
        self.recipient = recipient
        self.content = content
    }
}

/// How many messages stand where, by kind (`rathaus mail status`, the staff page).
package struct OutboxCount: Sendable, Equatable {
    package var kind: MessageKind
    package var status: OutboxMessage.Status
    package var count: Int
}

/// The SQL of the outbox (Documentation/Mail.md, "The outbox"). The office writers insert
/// messages in the transaction of their change; the sender reads the due ones and records what
/// became of each.
extension SQLiteConnection {
    /// The key of the index `outbox_booking_made` for the booking id in `column`: the id without
    /// its office, i.e. its time-ordered part, so that the messages of one commit's bookings are
    /// indexed side by side (schema step 13). A query finds a booking's messages by comparing it
    /// and then the whole id, written `+booking` so that SQLite does not put the id in place of
    /// the column in this expression (constant propagation), which would hide the index from it.
    static func messageBookingKey(_ column: String) -> String {
        "substr(\(column), instr(\(column), '.') + 1)"
    }

    private static let outboxColumns = """
        id, booking, office, kind, sequence, language, created_at, not_before, cause, previous_starts_at, reason,
            reason_detail, status, attempts, next_attempt_at, last_attempt_at, finished_at, result, recipient, content
        """

    // MARK: Writing, in a change's transaction

    /// Inserts `intents` as waiting messages, due at their `notBefore`, in their order (rising
    /// ids). Up to four rows go in one statement: a booking's confirmation and reminder are one
    /// insert.
    package func insertMessages(_ intents: [MessageIntent], at now: Instant) throws {
        try Self.insertMessages.run(on: self, rows: intents.count) { row, bindings in
            let intent = intents[row]
            bindings += [
                intent.booking.rawValue, intent.office.rawValue, intent.kind.rawValue, intent.sequence,
                intent.language.rawValue, now.secondsSinceEpoch, intent.notBefore.secondsSinceEpoch,
                intent.cause?.rawValue, intent.previousStart?.secondsSinceEpoch, intent.reason?.code,
                intent.reason?.detail, intent.notBefore.secondsSinceEpoch,
            ]
        }
    }

    private static let insertMessages = RowInsert(
        """
        INSERT INTO outbox (booking, office, kind, sequence, language, created_at, not_before, cause,
            previous_starts_at, reason, reason_detail, status, next_attempt_at)
        """, row: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?)", columns: 12, maxRowsPerStatement: 4)

    /// Drops the waiting messages of `kinds` of `booking` (a move makes its reminder stale, a
    /// cancellation its reminder and its request to confirm), with `reason`.
    package func dropWaitingMessages(
        booking: BookingID, kinds: [MessageKind], reason: String, at now: Instant
    ) throws {
        guard !kinds.isEmpty else { return }
        try execute(
            Self.dropWaitingMessagesSQL(kinds: kinds.count),
            [reason, now.secondsSinceEpoch, booking.rawValue] + kinds.map(\.rawValue))
    }

    /// The drop of `dropWaitingMessages` for `kinds` kinds: the booking's messages found through
    /// `outbox_booking_made`.
    static func dropWaitingMessagesSQL(kinds: Int) -> String {
        """
        UPDATE outbox SET status = 'dropped', result = ?1, finished_at = ?2, recipient = NULL, content = NULL
        WHERE \(messageBookingKey("booking")) = \(messageBookingKey("?3")) AND +booking = ?3
            AND status = 'waiting' AND kind IN (\(Array(repeating: "?", count: kinds).joined(separator: ", ")))
        """
    }

    // MARK: The sender

    /// Up to `limit` waiting messages due at `now`, oldest first. A message waits while an earlier
    /// due message of the same booking still waits, so that a booking's messages arrive in the
    /// order of its changes even when one of them had to be tried again.
    package func dueMessages(at now: Instant, limit: Int) throws -> [OutboxMessage] {
        try query(Self.dueMessagesSQL, [now.secondsSinceEpoch, limit]).map(Self.outboxMessage)
    }

    /// The due messages read through `outbox_due` (only waiting ones, by due time) and sorted by
    /// id afterwards: walking the table in id order would read every message ever sent before
    /// the first one due.
    static let dueMessagesSQL = """
        SELECT \(outboxColumns) FROM outbox o INDEXED BY outbox_due
        WHERE o.status = 'waiting' AND o.next_attempt_at <= ?1
            AND NOT EXISTS (
                SELECT 1 FROM outbox e
                WHERE \(messageBookingKey("e.booking")) = \(messageBookingKey("o.booking"))
                    AND +e.booking = o.booking AND e.status = 'waiting' AND e.id < o.id AND e.not_before <= ?1)
        ORDER BY o.id LIMIT ?2
        """

    /// When the next waiting message is due; nil when none waits.
    package func nextMessageDue() throws -> Instant? {
        try scalar("SELECT min(next_attempt_at) FROM outbox WHERE status = 'waiting'", as: Int64?.self)
            .flatMap { $0 }.map(Instant.init(secondsSinceEpoch:))
    }

    /// Keeps the message composed for its first attempt, so that every retry sends these bytes.
    package func storeComposedMessage(_ id: Int64, recipient: String, content: [UInt8]) throws {
        try execute(
            "UPDATE outbox SET recipient = ?, content = ? WHERE id = ? AND status = 'waiting'",
            [recipient, content, id])
    }

    /// Records a delivery: sent, and the recipient and the body erased (privacy).
    package func recordMessageSent(_ id: Int64, at now: Instant) throws {
        try execute(
            """
            UPDATE outbox SET status = 'sent', attempts = attempts + 1, last_attempt_at = ?1, finished_at = ?1,
                result = NULL, recipient = NULL, content = NULL
            WHERE id = ?2 AND status = 'waiting'
            """, [now.secondsSinceEpoch, id])
    }

    /// Records a temporary failure: tried again at `next`.
    package func recordMessageDeferred(_ id: Int64, at now: Instant, next: Instant, result: String) throws {
        try execute(
            """
            UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, result = ?
            WHERE id = ? AND status = 'waiting'
            """, [now.secondsSinceEpoch, next.secondsSinceEpoch, result, id])
    }

    /// Records a permanent failure (shown to staff on the booking), the body erased.
    package func recordMessageFailed(_ id: Int64, at now: Instant, result: String) throws {
        try execute(
            """
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_attempt_at = ?1, finished_at = ?1,
                result = ?2, recipient = NULL, content = NULL
            WHERE id = ?3 AND status = 'waiting'
            """, [now.secondsSinceEpoch, result, id])
    }

    /// Records that a message is no longer worth sending, and why.
    package func recordMessageDropped(_ id: Int64, at now: Instant, reason: String) throws {
        try execute(
            """
            UPDATE outbox SET status = 'dropped', finished_at = ?, result = ?, recipient = NULL, content = NULL
            WHERE id = ? AND status = 'waiting'
            """, [now.secondsSinceEpoch, reason, id])
    }

    /// A booking's token kept for its messages' links, sealed (`LinkSecret`); nil once erased.
    package func linkSecret(booking: BookingID) throws -> [UInt8]? {
        try scalar("SELECT link_secret FROM booking WHERE id = ?", [booking.rawValue], as: [UInt8]?.self).flatMap { $0 }
    }

    // MARK: Reading for staff

    /// The messages of `booking`, oldest first.
    package func messages(booking: BookingID) throws -> [OutboxMessage] {
        try query(Self.bookingMessagesSQL, [booking.rawValue]).map(Self.outboxMessage)
    }

    static let bookingMessagesSQL = """
        SELECT \(outboxColumns) FROM outbox
        WHERE \(messageBookingKey("booking")) = \(messageBookingKey("?1")) AND +booking = ?1 ORDER BY id
        """

    /// The newest `limit` messages (of `status` when given), newest first.
    package func recentMessages(status: OutboxMessage.Status? = nil, limit: Int) throws -> [OutboxMessage] {
        if let status {
            return try query(
                "SELECT \(Self.outboxColumns) FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?",
                [status.rawValue, limit]
            ).map(Self.outboxMessage)
        }
        return try query("SELECT \(Self.outboxColumns) FROM outbox ORDER BY id DESC LIMIT ?", [limit]).map(
            Self.outboxMessage)
    }

    /// How many messages stand where, by kind.
    package func outboxCounts() throws -> [OutboxCount] {
        try query("SELECT kind, status, count(*) FROM outbox GROUP BY kind, status ORDER BY kind, status").compactMap {
            row in
            guard let kind = MessageKind(rawValue: try row.value(at: 0)),
                let status = OutboxMessage.Status(rawValue: try row.value(at: 1))
            else { return nil }
            return OutboxCount(kind: kind, status: status, count: try row.value(at: 2))
        }
    }

    // MARK: Retention

    /// Erases what the outbox keeps of bookings whose contact was erased: waiting messages are
    /// dropped, and no row keeps a recipient, a body or a relay's reply (which may quote the
    /// address); kind, times and status stay. Returns how many rows changed.
    package func eraseMessagesOfErasedBookings(at now: Instant) throws -> Int {
        try execute(
            """
            UPDATE outbox SET recipient = NULL, content = NULL, result = NULL
            WHERE status <> 'waiting' AND result IS NOT NULL
                AND booking IN (SELECT id FROM booking WHERE erased_at IS NOT NULL)
            """)
        let erased = changes
        try execute(
            """
            UPDATE outbox SET status = 'dropped', finished_at = ?, recipient = NULL, content = NULL,
                result = 'the contact was erased'
            WHERE status = 'waiting' AND booking IN (SELECT id FROM booking WHERE erased_at IS NOT NULL)
            """, [now.secondsSinceEpoch])
        return erased + changes
    }

    /// Erases the tokens kept for the links of bookings that are over at `now`. Only bookings not
    /// erased keep one (erasing a booking's contact erases its token too), so the scan reads
    /// those alone (`booking_unerased`).
    package func eraseLinkSecrets(endedBefore now: Instant) throws {
        try execute(Self.eraseLinkSecretsSQL, [now.secondsSinceEpoch])
    }

    static let eraseLinkSecretsSQL = """
        UPDATE booking INDEXED BY booking_unerased SET link_secret = NULL
        WHERE erased_at IS NULL AND link_secret IS NOT NULL AND ends_at < ?
        """

    private static func outboxMessage(_ row: Row) throws -> OutboxMessage {
        let reasonCode = try row.value(at: 10, as: String?.self)
        let intent = MessageIntent(
            kind: MessageKind(rawValue: try row.value(at: 3)) ?? .confirmation,
            booking: BookingID(try row.value(at: 1)), office: OfficeID(try row.value(at: 2)),
            sequence: try row.value(at: 4), language: Language(rawValue: try row.value(at: 5)) ?? .german,
            notBefore: Instant(secondsSinceEpoch: try row.value(at: 7)),
            cause: try row.value(at: 8, as: String?.self).flatMap(MessageCause.init(rawValue:)),
            previousStart: try row.value(at: 9, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)),
            reason: try reasonCode.flatMap { BookingMisfit(code: $0, detail: try row.value(at: 11, as: String?.self)) })
        return OutboxMessage(
            id: try row.value(at: 0), intent: intent, createdAt: Instant(secondsSinceEpoch: try row.value(at: 6)),
            status: OutboxMessage.Status(rawValue: try row.value(at: 12)) ?? .waiting, attempts: try row.value(at: 13),
            nextAttemptAt: Instant(secondsSinceEpoch: try row.value(at: 14)),
            lastAttemptAt: try row.value(at: 15, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)),
            finishedAt: try row.value(at: 16, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)),
            result: try row.value(at: 17), recipient: try row.value(at: 18), content: try row.value(at: 19))
    }
}
