package import Scheduling

/// What an office writer records with a change made under an `Idempotency-Key`, in the change's
/// own transaction: where the key belongs, the key and request hashes, and the key that encrypts
/// what is kept (derived from the client's key, which the server does not keep). With it a retry
/// can never make the change twice, even after a crash; the answer itself is stored by the caller
/// once it is rendered (`storeIdempotentAnswer`).
package struct IdempotencyMark: Sendable {
    /// The namespace of the key (`public`, or a staff token's id).
    package var scope: String
    /// The hash of the client's key, in hex.
    package var key: String
    /// The hash of the request (method, path and body).
    package var requestHash: [UInt8]
    /// The key stream's key for the stored secret and answer.
    package var streamKey: [UInt8]

    package init(scope: String, key: String, requestHash: [UInt8], streamKey: [UInt8]) {
        self.scope = scope
        self.key = key
        self.requestHash = requestHash
        self.streamKey = streamKey
    }
}

/// The record a change left under its idempotency key, named so that its answer can be given
/// again if it was never stored: `booking:ID`, `hold:ID`, `released:ID`, `ticket:ID`, `nobody`.
package enum IdempotentOutcome: Sendable, Equatable {
    case booking(BookingID)
    case hold(HoldID)
    case holdReleased(HoldID)
    case ticket(TicketID)
    case nobodyWaiting

    /// The outcome a writer's result leaves (none for a sweep).
    package init?(_ outcome: OfficeOutcome) {
        switch outcome {
        case .booking(let booking, _): self = .booking(booking.id)
        case .hold(let hold): self = .hold(hold.id)
        case .holdReleased(let hold): self = .holdReleased(hold.id)
        case .queue(_, let ticket, _): self = .ticket(ticket.id)
        case .nobodyWaiting: self = .nobodyWaiting
        case .swept, .passedOver, .reconfigured: return nil
        }
    }

    var text: String {
        switch self {
        case .booking(let id): "booking:" + id.rawValue
        case .hold(let id): "hold:" + id.rawValue
        case .holdReleased(let id): "released:" + id.rawValue
        case .ticket(let id): "ticket:" + id.rawValue
        case .nobodyWaiting: "nobody"
        }
    }

    init?(text: String) {
        if text == "nobody" {
            self = .nobodyWaiting
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let id = String(text[text.index(after: colon)...])
        switch text[..<colon] {
        case "booking": self = .booking(BookingID(id))
        case "hold": self = .hold(HoldID(id))
        case "released": self = .holdReleased(HoldID(id))
        case "ticket": self = .ticket(TicketID(id))
        default: return nil
        }
    }
}

/// What is stored under an idempotency key.
package struct IdempotencyEntry: Sendable {
    /// The hash of the first request: a retry must match it.
    package var requestHash: [UInt8]
    /// The first answer, its body still encrypted; nil while (or if) it was never stored.
    package var answer: StoredResponse?
    /// What the change made or touched (nil for a refusal, which changed nothing).
    package var outcome: IdempotentOutcome?
    /// A new booking's token, encrypted.
    package var secret: [UInt8]?
}

extension SQLiteConnection {
    /// Records `mark` with the change that made `outcome` (in its transaction); `secret` is a new
    /// booking's token, stored encrypted.
    package func insertIdempotencyMark(
        _ mark: IdempotencyMark, outcome: IdempotentOutcome, secret: String?, at now: Instant
    ) throws {
        try execute(
            """
            INSERT INTO idempotency_key (scope, key, request_hash, outcome, secret, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                mark.scope, mark.key, mark.requestHash, outcome.text,
                secret.map { Secrets.keyStream(Array($0.utf8), key: mark.streamKey) }, now.secondsSinceEpoch,
            ])
    }

    /// Stores the answer given under `mark` (its body already encrypted by the caller), on the row
    /// its change left, or as a row of its own for an answer that changed nothing (a refusal).
    package func storeIdempotentAnswer(_ mark: IdempotencyMark, _ answer: StoredResponse, at now: Instant) throws {
        let headers = answer.headers.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        try execute(
            """
            INSERT INTO idempotency_key (scope, key, request_hash, status, headers, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (scope, key) DO UPDATE SET status = excluded.status, headers = excluded.headers,
                body = excluded.body
            WHERE idempotency_key.request_hash = excluded.request_hash
            """,
            [mark.scope, mark.key, mark.requestHash, answer.status, headers, answer.body, now.secondsSinceEpoch])
    }

    /// What is stored under `key` in `scope`.
    package func idempotencyEntry(scope: String, key: String) throws -> IdempotencyEntry? {
        try queryFirst(
            "SELECT request_hash, status, headers, body, outcome, secret FROM idempotency_key WHERE scope = ? AND key = ?",
            [scope, key]
        ).map { row in
            var answer: StoredResponse?
            if let status = try row.value(at: 1, as: Int?.self) {
                let headers = (try row.value(at: 2, as: String?.self) ?? "").split(separator: "\n").compactMap {
                    line -> (String, String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingWhitespace)
                }
                answer = StoredResponse(
                    status: status, headers: headers, body: try row.value(at: 3, as: [UInt8]?.self) ?? [])
            }
            return IdempotencyEntry(
                requestHash: try row.value(at: 0), answer: answer,
                outcome: try row.value(at: 4, as: String?.self).flatMap { IdempotentOutcome(text: $0) },
                secret: try row.value(at: 5))
        }
    }

    /// Deletes idempotency records older than `before`; returns how many.
    @discardableResult
    package func deleteIdempotencyKeys(before: Instant) throws -> Int {
        try execute("DELETE FROM idempotency_key WHERE created_at < ?", [before.secondsSinceEpoch])
        return changes
    }

    /// The stored hold `id`, expired or not; nil when there is none (booked, released or swept).
    package func storedHold(id: HoldID) throws -> StoredHold? {
        try queryFirst(
            """
            SELECT office, counter, services, persons, starts_at, ends_at, channel, created_at, expires_at, extensions
            FROM hold WHERE id = ?
            """, [id.rawValue]
        ).map { row in
            StoredHold(
                id: id, office: OfficeID(try row.value(at: 0)), counter: CounterID(try row.value(at: 1)),
                services: Self.split(try row.value(at: 2)), persons: try row.value(at: 3),
                start: Instant(secondsSinceEpoch: try row.value(at: 4)),
                end: Instant(secondsSinceEpoch: try row.value(at: 5)),
                channel: Channel(rawValue: try row.value(at: 6)) ?? .online,
                createdAt: Instant(secondsSinceEpoch: try row.value(at: 7)),
                expiresAt: Instant(secondsSinceEpoch: try row.value(at: 8)), extensions: try row.value(at: 9))
        }
    }
}
