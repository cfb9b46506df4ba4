package import Scheduling

/// A draw entry as stored: who registered (until retention erases the contact), in which priority
/// group, and how the draw ended for them.
package struct DrawEntry: Sendable, Equatable {
    /// How a draw ended for an entry.
    package enum Status: String, Sendable, CaseIterable {
        case registered
        case won
        case waitlisted
        case withdrawn
    }

    package var id: String
    package var tokenHash: [UInt8]
    package var priority: String
    package var persons: Int
    package var contact: Contact
    package var status: Status
    /// Its place in the draw's order while on the waiting list.
    package var position: Int?
    /// The booking it won.
    package var booking: BookingID?

    package init(
        id: String, tokenHash: [UInt8], priority: String, persons: Int, contact: Contact, status: Status,
        position: Int? = nil, booking: BookingID? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.priority = priority
        self.persons = persons
        self.contact = contact
        self.status = status
        self.position = position
        self.booking = booking
    }
}

/// Which draw an entry belongs to: the service, the office that hands out its times, and when
/// registration closes (a service can be drawn again with a later deadline).
package struct DrawKey: Sendable, Hashable {
    package var service: ServiceID
    package var office: OfficeID
    package var closesAt: Instant

    package init(service: ServiceID, office: OfficeID, closesAt: Instant) {
        self.service = service
        self.office = office
        self.closesAt = closesAt
    }
}

/// Why a draw registration was not stored.
package enum DrawRegistrationError: Error, Sendable {
    /// This contact already has an entry in the draw.
    case alreadyRegistered
}

/// The rush's records: waiting-room entrants (only the hash of their secret) and draw entries.
extension SQLiteConnection {
    // MARK: Waiting rooms

    /// The entrants of the room of `service` for the release at `releaseAt`, in the order they
    /// joined.
    package func waitingRoomEntrants(service: ServiceID, releaseAt: Instant) throws -> [WaitingRoom.StoredEntrant] {
        try query(
            """
            SELECT entry_hash, place, joined_at FROM waiting_room_entry WHERE service = ? AND release_at = ?
            ORDER BY sequence, rowid
            """,
            [service.rawValue, releaseAt.secondsSinceEpoch]
        ).map {
            WaitingRoom.StoredEntrant(
                key: try $0.value(at: 0, as: String.self), place: try $0.value(at: 1, as: Int?.self),
                joinedAt: Instant(secondsSinceEpoch: try $0.value(at: 2, as: Int64.self)))
        }
    }

    /// Stores one entrant: the hash of its secret, when it joined, its order and its place if
    /// already drawn.
    package func insertWaitingRoomEntrant(
        service: ServiceID, releaseAt: Instant, key: String, joinedAt: Instant, sequence: Int, place: Int?
    ) throws {
        try execute(
            """
            INSERT INTO waiting_room_entry (service, release_at, entry_hash, joined_at, sequence, place)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [service.rawValue, releaseAt.secondsSinceEpoch, key, joinedAt.secondsSinceEpoch, sequence, place])
    }

    /// Stores the places drawn at a release (entrant key → place).
    package func updateWaitingRoomPlaces(service: ServiceID, releaseAt: Instant, _ places: [String: Int]) throws {
        for (key, place) in places.sorted(by: { $0.value < $1.value }) {
            try execute(
                "UPDATE waiting_room_entry SET place = ? WHERE service = ? AND release_at = ? AND entry_hash = ?",
                [place, service.rawValue, releaseAt.secondsSinceEpoch, key])
        }
    }

    // MARK: Draws

    private static let drawEntryColumns =
        "id, token_hash, priority, persons, contact_name, contact_email, contact_phone, status, position, booking"

    /// Stores a registration; a second one by the same contact is refused.
    package func insertDrawEntry(
        _ entry: DrawEntry, draw: DrawKey, contactKey: String, registeredAt: Instant
    ) throws {
        do {
            try execute(
                """
                INSERT INTO draw_entry (id, token_hash, service, office, closes_at, priority, persons, contact_name,
                    contact_email, contact_phone, contact_key, registered_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    entry.id, entry.tokenHash, draw.service.rawValue, draw.office.rawValue,
                    draw.closesAt.secondsSinceEpoch, entry.priority, entry.persons, entry.contact.name,
                    entry.contact.email, entry.contact.phone, contactKey, registeredAt.secondsSinceEpoch,
                    entry.status.rawValue,
                ])
        } catch  where error.extendedCode == .constraintUnique {
            throw DrawRegistrationError.alreadyRegistered
        }
    }

    /// The entry `id` of `service`'s draw.
    package func drawEntry(id: String, service: ServiceID) throws -> DrawEntry? {
        try queryFirst(
            "SELECT \(Self.drawEntryColumns) FROM draw_entry WHERE id = ? AND service = ?", [id, service.rawValue]
        ).map(Self.drawEntry)
    }

    /// The entries still waiting for the draw `draw`, in the order they registered.
    package func registeredDrawEntries(_ draw: DrawKey) throws -> [DrawEntry] {
        try query(
            """
            SELECT \(Self.drawEntryColumns) FROM draw_entry
            WHERE service = ? AND office = ? AND closes_at = ? AND status = 'registered' ORDER BY registered_at, id
            """, [draw.service.rawValue, draw.office.rawValue, draw.closesAt.secondsSinceEpoch]
        ).map(Self.drawEntry)
    }

    /// The next entry on the waiting list of `service` at `office`.
    package func firstWaitlistedDrawEntry(service: ServiceID, office: OfficeID) throws -> DrawEntry? {
        try queryFirst(
            """
            SELECT \(Self.drawEntryColumns) FROM draw_entry
            WHERE service = ? AND office = ? AND status = 'waitlisted' ORDER BY position LIMIT 1
            """, [service.rawValue, office.rawValue]
        ).map(Self.drawEntry)
    }

    /// The highest waiting-list position given so far for `service` at `office` (nil: none yet).
    package func lastDrawPosition(service: ServiceID, office: OfficeID) throws -> Int? {
        try scalar(
            "SELECT max(position) FROM draw_entry WHERE service = ? AND office = ?",
            [service.rawValue, office.rawValue], as: Int?.self) ?? nil
    }

    /// How many wait on the list ahead of `position`.
    package func waitlistedAhead(service: ServiceID, office: OfficeID, position: Int) throws -> Int {
        try scalar(
            """
            SELECT count(*) FROM draw_entry
            WHERE service = ? AND office = ? AND status = 'waitlisted' AND position < ?
            """, [service.rawValue, office.rawValue, position], as: Int.self) ?? 0
    }

    /// The number of entries of `service`'s draw at `office` by status.
    package func drawEntryCounts(service: ServiceID, office: OfficeID) throws -> [(status: String, count: Int)] {
        try query(
            "SELECT status, count(*) FROM draw_entry WHERE service = ? AND office = ? GROUP BY status ORDER BY status",
            [service.rawValue, office.rawValue]
        ).map { (try $0.value(at: 0, as: String.self), try $0.value(at: 1, as: Int.self)) }
    }

    /// Records how the draw ended for an entry: won with `booking`, or on the waiting list at
    /// `position`.
    package func updateDrawEntry(id: String, status: DrawEntry.Status, position: Int?, booking: BookingID?) throws {
        try execute(
            "UPDATE draw_entry SET status = ?, position = ?, booking = ? WHERE id = ?",
            [status.rawValue, position, booking?.rawValue, id])
    }

    /// Withdraws an entry and erases its contact at once.
    package func withdrawDrawEntry(id: String) throws {
        try execute(
            """
            UPDATE draw_entry SET status = 'withdrawn', position = NULL, contact_name = NULL, contact_email = NULL,
                contact_phone = NULL
            WHERE id = ?
            """, [id])
    }

    private static func drawEntry(_ row: Row) throws -> DrawEntry {
        let status: String = try row.value(at: 7)
        guard let known = DrawEntry.Status(rawValue: status) else { throw StorageConflict.unknownRecord(status) }
        return DrawEntry(
            id: try row.value(at: 0), tokenHash: try row.value(at: 1), priority: try row.value(at: 2),
            persons: try row.value(at: 3),
            contact: Contact(
                name: try row.value(at: 4, as: String?.self) ?? "", email: try row.value(at: 5),
                phone: try row.value(at: 6)),
            status: known, position: try row.value(at: 8),
            booking: try row.value(at: 9, as: String?.self).map { BookingID($0) })
    }
}
