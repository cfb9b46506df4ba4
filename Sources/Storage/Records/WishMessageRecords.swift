package import Scheduling

/// One message of the wishes' outbox: what it is about and where it stands.
package struct StoredWishMessage: Sendable, Equatable {
    /// Where a message stands (as the booking messages' outbox has it).
    package enum Status: String, Sendable, CaseIterable {
        case waiting
        case sent
        case failed
        case dropped
    }

    /// The row's id: with `createdAt`, the Message-ID.
    package var id: Int64
    package var message: WishMessage
    package var createdAt: Instant
    package var status: Status
    package var attempts: Int
    package var nextAttemptAt: Instant
    /// The last temporary failure, the permanent one, or why it was dropped (for staff, never a
    /// log: a relay's reply may name the address).
    package var result: String?
    /// The envelope recipient and the message as composed for its first attempt, while waiting.
    package var recipient: String?
    package var content: [UInt8]?
}

/// The SQL of the wishes' outbox: messages are inserted in the transaction of their cause; the
/// sender reads the due ones and records what became of each.
extension SQLiteConnection {
    private static let wishMessageColumns =
        "id, wish, offer, kind, language, created_at, not_before, status, attempts, next_attempt_at, result, recipient, content"

    /// Inserts `messages` as waiting, due at their `notBefore`.
    package func insertWishMessages(_ messages: [WishMessage], at now: Instant) throws {
        for message in messages {
            try execute(
                """
                INSERT INTO wish_message (wish, offer, kind, language, created_at, not_before, status, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?)
                """,
                [
                    message.wish.rawValue, message.offer, message.kind.rawValue, message.language.rawValue,
                    now.secondsSinceEpoch, message.notBefore.secondsSinceEpoch, message.notBefore.secondsSinceEpoch,
                ])
        }
    }

    /// Up to `limit` waiting messages due at `now`, oldest first.
    package func dueWishMessages(at now: Instant, limit: Int) throws -> [StoredWishMessage] {
        try query(
            """
            SELECT \(Self.wishMessageColumns) FROM wish_message
            WHERE status = 'waiting' AND next_attempt_at <= ? ORDER BY id LIMIT ?
            """, [now.secondsSinceEpoch, limit]
        ).map(Self.storedWishMessage)
    }

    /// The messages of `wish`, oldest first.
    package func wishMessages(wish: WishID) throws -> [StoredWishMessage] {
        try query("SELECT \(Self.wishMessageColumns) FROM wish_message WHERE wish = ? ORDER BY id", [wish.rawValue])
            .map(Self.storedWishMessage)
    }

    /// Keeps the message composed for its first attempt, so that every retry sends these bytes.
    package func storeComposedWishMessage(_ id: Int64, recipient: String, content: [UInt8]) throws {
        try execute(
            "UPDATE wish_message SET recipient = ?, content = ? WHERE id = ? AND status = 'waiting'",
            [recipient, content, id])
    }

    /// Records what became of a message: sent, tried again at `next` (a temporary failure),
    /// failed for good, or dropped (no longer worth sending); once finished, its recipient and
    /// bytes are erased.
    package func recordWishMessage(
        _ id: Int64, status: StoredWishMessage.Status, at now: Instant, next: Instant? = nil, result: String? = nil
    ) throws {
        if status == .waiting {
            try execute(
                """
                UPDATE wish_message SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, result = ?
                WHERE id = ? AND status = 'waiting'
                """, [now.secondsSinceEpoch, (next ?? now).secondsSinceEpoch, result, id])
            return
        }
        let attempted = status == .sent || status == .failed
        try execute(
            """
            UPDATE wish_message SET status = ?1, attempts = attempts + ?2, last_attempt_at = CASE WHEN ?2 = 1 THEN ?3
                ELSE last_attempt_at END, finished_at = ?3, result = ?4, recipient = NULL, content = NULL
            WHERE id = ?5 AND status = 'waiting'
            """, [status.rawValue, attempted ? 1 : 0, now.secondsSinceEpoch, result, id])
    }

    private static func storedWishMessage(_ row: Row) throws -> StoredWishMessage {
        let kind: String = try row.value(at: 3)
        guard let known = WishMessageKind(rawValue: kind) else { throw StorageConflict.unknownRecord(kind) }
        let message = WishMessage(
            kind: known, wish: WishID(try row.value(at: 1)), offer: try row.value(at: 2),
            language: Language(rawValue: try row.value(at: 4)) ?? .german,
            notBefore: Instant(secondsSinceEpoch: try row.value(at: 6)))
        return StoredWishMessage(
            id: try row.value(at: 0), message: message, createdAt: Instant(secondsSinceEpoch: try row.value(at: 5)),
            status: StoredWishMessage.Status(rawValue: try row.value(at: 7)) ?? .waiting,
            attempts: try row.value(at: 8),
            nextAttemptAt: Instant(secondsSinceEpoch: try row.value(at: 9)), result: try row.value(at: 10),
            recipient: try row.value(at: 11), content: try row.value(at: 12))
    }
}
