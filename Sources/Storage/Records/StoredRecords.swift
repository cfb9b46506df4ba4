package import Scheduling

/// The SQL for Rathaus's records: writing decisions of the scheduling core and reading them back
/// at start-up. Every function runs inside a transaction the caller opened.
extension SQLiteConnection {
    // MARK: Bookings

    /// Inserts a new booking with its occupancy rows (one per grid unit) and the token's hash;
    /// `linkSecret` is the token encrypted for the links of its messages (`LinkSecret`), when it
    /// gets any.
    package func insertBooking(
        _ booking: Booking, tokenHash: [UInt8], unitStarts: [Instant], linkSecret: [UInt8]? = nil
    ) throws {
        try execute(
            """
            INSERT INTO booking (id, reference, token_hash, office, counter, services, persons, starts_at, ends_at, day,
                channel, contact_name, contact_email, contact_phone, status, created_at, updated_at, sequence, language,
                confirm_by, link_secret)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                booking.id.rawValue, booking.reference, tokenHash, booking.office.rawValue, booking.counter.rawValue,
                Self.join(booking.services), booking.persons, booking.start.secondsSinceEpoch,
                booking.end.secondsSinceEpoch, booking.placement.date.dayNumber, booking.channel.rawValue,
                booking.contact.name, booking.contact.email, booking.contact.phone, booking.status.rawValue,
                booking.createdAt.secondsSinceEpoch, booking.updatedAt.secondsSinceEpoch, booking.sequence,
                booking.contact.language.rawValue, booking.confirmationDeadline?.secondsSinceEpoch, linkSecret,
            ])
        try insertOccupancy(booking, unitStarts: unitStarts)
    }

    /// A booking's grid units, up to eight in one statement (a booking of an hour on a 5-minute
    /// grid is two).
    private func insertOccupancy(_ booking: Booking, unitStarts: [Instant]) throws {
        try Self.insertOccupancy.run(on: self, rows: unitStarts.count) { row, bindings in
            bindings += [
                booking.office.rawValue, booking.counter.rawValue, unitStarts[row].secondsSinceEpoch / 60,
                booking.id.rawValue,
            ]
        }
    }

    private static let insertOccupancy = RowInsert(
        "INSERT INTO occupancy (office, counter, minute, booking)", row: "(?, ?, ?, ?)", columns: 4,
        maxRowsPerStatement: 8)

    /// Deletes the occupancy of the stored booking `id` (before its row changes counter or times):
    /// its rows lie on its office's and counter's key between its start and end; an hour either
    /// side covers a unit that starts before the booking's start on a coarser grid. No index by
    /// booking is needed (schema step 12).
    private func deleteOccupancy(of id: BookingID) throws {
        try execute(Self.deleteOccupancySQL, [id.rawValue])
    }

    static let deleteOccupancySQL = """
        DELETE FROM occupancy
        WHERE office = (SELECT office FROM booking WHERE id = ?1)
            AND counter = (SELECT counter FROM booking WHERE id = ?1)
            AND minute >= (SELECT starts_at / 60 - 60 FROM booking WHERE id = ?1)
            AND minute < (SELECT ends_at / 60 + 60 FROM booking WHERE id = ?1)
            AND booking = ?1
        """

    /// Stores a moved booking: its new counter and times, and its new occupancy.
    package func updateMovedBooking(_ booking: Booking, unitStarts: [Instant]) throws {
        try deleteOccupancy(of: booking.id)
        try execute(
            """
            UPDATE booking SET counter = ?, starts_at = ?, ends_at = ?, day = ?, updated_at = ?, sequence = ?
            WHERE id = ? AND status = 'booked'
            """,
            [
                booking.counter.rawValue, booking.start.secondsSinceEpoch, booking.end.secondsSinceEpoch,
                booking.placement.date.dayNumber, booking.updatedAt.secondsSinceEpoch, booking.sequence,
                booking.id.rawValue,
            ])
        guard changes == 1 else { throw StorageConflict.recordChanged(booking.id.rawValue) }
        try insertOccupancy(booking, unitStarts: unitStarts)
    }

    /// Stores a cancellation (or the release of an unconfirmed booking, which keeps its deadline):
    /// the status, the freed occupancy and who cancelled. The token kept for messages' links goes.
    package func cancelBooking(_ booking: Booking, channel: Channel, actor: String?) throws {
        try execute(
            """
            UPDATE booking SET status = 'cancelled', updated_at = ?, sequence = ?, confirm_by = ?, link_secret = NULL
            WHERE id = ? AND status = 'booked'
            """,
            [
                booking.updatedAt.secondsSinceEpoch, booking.sequence, booking.confirmationDeadline?.secondsSinceEpoch,
                booking.id.rawValue,
            ])
        guard changes == 1 else { throw StorageConflict.recordChanged(booking.id.rawValue) }
        try deleteOccupancy(of: booking.id)
        try execute(
            "INSERT INTO cancellation (booking, cancelled_at, channel, actor) VALUES (?, ?, ?, ?)",
            [booking.id.rawValue, booking.updatedAt.secondsSinceEpoch, channel.rawValue, actor])
    }

    /// Stores the confirmation of an unconfirmed booking (double opt-in): no deadline, the next
    /// version.
    package func confirmBooking(_ booking: Booking) throws {
        try execute(
            """
            UPDATE booking SET confirm_by = NULL, updated_at = ?, sequence = ?
            WHERE id = ? AND status = 'booked' AND confirm_by IS NOT NULL
            """,
            [booking.updatedAt.secondsSinceEpoch, booking.sequence, booking.id.rawValue])
        guard changes == 1 else { throw StorageConflict.recordChanged(booking.id.rawValue) }
    }

    /// The office's bookings that end after `after` and are not cancelled, for start-up.
    package func activeBookings(office: OfficeID, endingAfter after: Instant) throws -> [StoredBooking] {
        try query(
            """
            SELECT id, reference, counter, services, persons, starts_at, ends_at, channel, contact_name, contact_email,
                contact_phone, created_at, updated_at, sequence, language, confirm_by
            FROM booking WHERE office = ? AND status = 'booked' AND ends_at > ? ORDER BY starts_at, id
            """, [office.rawValue, after.secondsSinceEpoch]
        ).map { row in
            StoredBooking(
                id: BookingID(try row.value(at: 0)), reference: try row.value(at: 1), office: office,
                counter: CounterID(try row.value(at: 2)), services: Self.split(try row.value(at: 3)),
                persons: try row.value(at: 4), start: Instant(secondsSinceEpoch: try row.value(at: 5)),
                end: Instant(secondsSinceEpoch: try row.value(at: 6)),
                channel: Channel(rawValue: try row.value(at: 7)) ?? .online,
                contact: Contact(
                    name: try row.value(at: 8, as: String?.self) ?? "", email: try row.value(at: 9),
                    phone: try row.value(at: 10), language: Language(rawValue: try row.value(at: 14)) ?? .german),
                createdAt: Instant(secondsSinceEpoch: try row.value(at: 11)),
                updatedAt: Instant(secondsSinceEpoch: try row.value(at: 12)), sequence: try row.value(at: 13),
                confirmationDeadline: try row.value(at: 15, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)))
        }
    }

    // MARK: Holds

    package func insertHold(_ hold: Hold) throws {
        try execute(
            """
            INSERT INTO hold (id, office, counter, services, persons, starts_at, ends_at, channel, created_at, expires_at,
                extensions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                hold.id.rawValue, hold.office.rawValue, hold.counter.rawValue, Self.join(hold.services), hold.persons,
                hold.start.secondsSinceEpoch, hold.end.secondsSinceEpoch, hold.channel.rawValue,
                hold.createdAt.secondsSinceEpoch, hold.expiresAt.secondsSinceEpoch, hold.extensions,
            ])
    }

    package func updateHold(_ hold: Hold) throws {
        try execute(
            "UPDATE hold SET expires_at = ?, extensions = ? WHERE id = ?",
            [hold.expiresAt.secondsSinceEpoch, hold.extensions, hold.id.rawValue])
    }

    package func deleteHold(_ id: HoldID) throws {
        try execute("DELETE FROM hold WHERE id = ?", [id.rawValue])
    }

    /// Deletes the office's holds that expired by `now`; returns how many.
    @discardableResult
    package func deleteExpiredHolds(office: OfficeID, at now: Instant) throws -> Int {
        try execute(
            "DELETE FROM hold WHERE office = ? AND expires_at <= ?", [office.rawValue, now.secondsSinceEpoch])
        return changes
    }

    package func liveHolds(office: OfficeID, at now: Instant) throws -> [StoredHold] {
        try query(
            """
            SELECT id, counter, services, persons, starts_at, ends_at, channel, created_at, expires_at, extensions
            FROM hold WHERE office = ? AND expires_at > ? ORDER BY id
            """, [office.rawValue, now.secondsSinceEpoch]
        ).map { row in
            StoredHold(
                id: HoldID(try row.value(at: 0)), office: office, counter: CounterID(try row.value(at: 1)),
                services: Self.split(try row.value(at: 2)), persons: try row.value(at: 3),
                start: Instant(secondsSinceEpoch: try row.value(at: 4)),
                end: Instant(secondsSinceEpoch: try row.value(at: 5)),
                channel: Channel(rawValue: try row.value(at: 6)) ?? .online,
                createdAt: Instant(secondsSinceEpoch: try row.value(at: 7)),
                expiresAt: Instant(secondsSinceEpoch: try row.value(at: 8)), extensions: try row.value(at: 9))
        }
    }

    // MARK: Held-back time

    /// Replaces the office's held-back time with `times`.
    package func replaceHeldBack(
        office: OfficeID, _ times: [(counter: CounterID, start: Instant, end: Instant, until: Instant)]
    ) throws {
        try execute("DELETE FROM held_back WHERE office = ?", [office.rawValue])
        for time in times {
            try execute(
                "INSERT INTO held_back (office, counter, starts_at, ends_at, until) VALUES (?, ?, ?, ?, ?)",
                [
                    office.rawValue, time.counter.rawValue, time.start.secondsSinceEpoch, time.end.secondsSinceEpoch,
                    time.until.secondsSinceEpoch,
                ])
        }
    }

    package func heldBack(office: OfficeID, at now: Instant) throws -> [(
        counter: CounterID, start: Instant, end: Instant, until: Instant
    )] {
        try query(
            "SELECT counter, starts_at, ends_at, until FROM held_back WHERE office = ? AND until > ? ORDER BY id",
            [office.rawValue, now.secondsSinceEpoch]
        ).map { row in
            (
                CounterID(try row.value(at: 0)), Instant(secondsSinceEpoch: try row.value(at: 1)),
                Instant(secondsSinceEpoch: try row.value(at: 2)), Instant(secondsSinceEpoch: try row.value(at: 3))
            )
        }
    }

    // MARK: Queue

    /// Appends one queue event at `position` (its index in the day's list), with the ticket row
    /// for an issue (and the hash of its page's key, when it has one, and who issued it: `kiosk`,
    /// `counter` or `online`, for the statistics).
    package func insertQueueEvent(
        _ event: QueueEvent, office: OfficeID, day: LocalDate, position: Int, pageHash: [UInt8]? = nil,
        issuedBy: Channel? = nil
    ) throws {
        var counter: String?
        var services: String?
        var letter: String?
        switch event {
        case .issued(let ticket):
            try execute(
                """
                INSERT INTO ticket (id, office, day, number, letter, sequence, services, booking, appointment_at, issued_at,
                    page_hash, arrival_code, arrive_by, issued_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    ticket.id.rawValue, office.rawValue, day.dayNumber, ticket.number, ticket.group, ticket.sequence,
                    Self.join(ticket.services), ticket.booking?.rawValue, ticket.appointmentStart?.secondsSinceEpoch,
                    ticket.issuedAt.secondsSinceEpoch, pageHash, ticket.remote?.code,
                    ticket.remote?.deadline.secondsSinceEpoch, issuedBy?.rawValue,
                ])
        case .called(_, let to, _):
            counter = to.rawValue
        case .transferred(_, let newServices, let group, let to, _):
            services = Self.join(newServices)
            letter = group
            counter = to?.rawValue
        default:
            break
        }
        try execute(
            """
            INSERT INTO queue_event (office, day, position, kind, ticket, counter, services, letter, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                office.rawValue, day.dayNumber, position, event.kind, event.ticket.rawValue, counter, services, letter,
                event.at.secondsSinceEpoch,
            ])
    }

    /// The office's queue events of `day`, in order, with the tickets they issued.
    package func queueEvents(office: OfficeID, day: LocalDate) throws -> [QueueEvent] {
        let rows = try query(
            """
            SELECT e.kind, e.ticket, e.counter, e.services, e.letter, e.at,
                t.number, t.letter, t.sequence, t.services, t.booking, t.appointment_at, t.issued_at,
                t.arrival_code, t.arrive_by
            FROM queue_event e JOIN ticket t ON t.id = e.ticket
            WHERE e.office = ? AND e.day = ? ORDER BY e.position
            """, [office.rawValue, day.dayNumber])
        return try rows.map { row throws -> QueueEvent in
            let kind: String = try row.value(at: 0)
            let id = TicketID(try row.value(at: 1))
            let at = Instant(secondsSinceEpoch: try row.value(at: 5))
            switch kind {
            case "issued":
                let code = try row.value(at: 13, as: String?.self)
                let deadline = try row.value(at: 14, as: Int64?.self).map(Instant.init(secondsSinceEpoch:))
                return .issued(
                    Ticket(
                        id: id, number: try row.value(at: 6), group: try row.value(at: 7),
                        sequence: try row.value(at: 8),
                        services: Self.split(try row.value(at: 9)),
                        booking: try row.value(at: 10, as: String?.self).map { BookingID($0) },
                        appointmentStart: try row.value(at: 11, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)),
                        issuedAt: Instant(secondsSinceEpoch: try row.value(at: 12)), state: .waiting, counter: nil,
                        targetCounter: nil, urgent: false, recalls: 0, calledAt: nil, servingSince: nil,
                        finishedAt: nil,
                        remote: code.flatMap { code in deadline.map { RemoteArrival(code: code, deadline: $0) } }))
            case "called":
                return .called(id, counter: CounterID(try row.value(at: 2, as: String?.self) ?? ""), at: at)
            case "recalled": return .recalled(id, at: at)
            case "started": return .started(id, at: at)
            case "finished": return .finished(id, at: at)
            case "noShow": return .noShow(id, at: at)
            case "parked": return .parked(id, at: at)
            case "resumed": return .resumed(id, at: at)
            case "markedUrgent": return .markedUrgent(id, at: at)
            case "arrived": return .arrived(id, at: at)
            case "passedOver": return .passedOver(id, at: at)
            case "transferred":
                return .transferred(
                    id, services: Self.split(try row.value(at: 3, as: String?.self) ?? ""),
                    group: try row.value(at: 4, as: String?.self) ?? "",
                    counter: try row.value(at: 2, as: String?.self).map { CounterID($0) },
                    at: at)
            default:
                throw StorageConflict.unknownRecord("queue event kind \(kind)")
            }
        }
    }

    /// The ticket whose page key has the hash `pageHash`: its id, office and day.
    package func ticket(pageHash: [UInt8]) throws -> (id: TicketID, office: OfficeID, day: LocalDate)? {
        try queryFirst("SELECT id, office, day FROM ticket WHERE page_hash = ?", [pageHash]).map { row in
            (
                TicketID(try row.value(at: 0)), OfficeID(try row.value(at: 1)),
                LocalDate(dayNumber: try row.value(at: 2))
            )
        }
    }

    // MARK: Lists

    static func join(_ services: [ServiceID]) -> String {
        services.map(\.rawValue).joined(separator: ",")
    }

    static func split(_ text: String) -> [ServiceID] {
        text.split(separator: ",").map { ServiceID(String($0)) }
    }
}

extension QueueEvent {
    /// The name stored in `queue_event.kind`.
    package var kind: String {
        switch self {
        case .issued: "issued"
        case .called: "called"
        case .recalled: "recalled"
        case .started: "started"
        case .finished: "finished"
        case .noShow: "noShow"
        case .parked: "parked"
        case .resumed: "resumed"
        case .transferred: "transferred"
        case .markedUrgent: "markedUrgent"
        case .arrived: "arrived"
        case .passedOver: "passedOver"
        }
    }
}

/// A booking as read from the database, before it is placed in the office's capacity.
package struct StoredBooking: Sendable {
    package var id: BookingID
    package var reference: String
    package var office: OfficeID
    package var counter: CounterID
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var end: Instant
    package var channel: Channel
    package var contact: Contact
    package var createdAt: Instant
    package var updatedAt: Instant
    package var sequence: Int
    /// Until when it must be confirmed (double opt-in); nil when it is confirmed.
    package var confirmationDeadline: Instant?

    /// The booking placed at `placement`.
    package func booking(at placement: Placement) -> Booking {
        Booking(
            id: id, reference: reference, office: office, counter: counter, services: services, persons: persons,
            start: start, end: end, channel: channel, contact: contact, status: .booked, createdAt: createdAt,
            updatedAt: updatedAt, sequence: sequence, placement: placement, confirmationDeadline: confirmationDeadline)
    }
}

/// A hold as read from the database.
package struct StoredHold: Sendable {
    package var id: HoldID
    package var office: OfficeID
    package var counter: CounterID
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var end: Instant
    package var channel: Channel
    package var createdAt: Instant
    package var expiresAt: Instant
    package var extensions: Int

    package init(
        id: HoldID, office: OfficeID, counter: CounterID, services: [ServiceID], persons: Int, start: Instant,
        end: Instant, channel: Channel, createdAt: Instant, expiresAt: Instant, extensions: Int
    ) {
        self.id = id
        self.office = office
        self.counter = counter
        self.services = services
        self.persons = persons
        self.start = start
        self.end = end
        self.channel = channel
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.extensions = extensions
    }

    package func hold(at placement: Placement) -> Hold {
        Hold(
            id: id, office: office, counter: counter, services: services, persons: persons, start: start, end: end,
            channel: channel, createdAt: createdAt, expiresAt: expiresAt, extensions: extensions, placement: placement)
    }
}

/// A write that found the database other than the writer's memory expected.
package enum StorageConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// The row was changed or removed by someone else.
    case recordChanged(String)
    /// A stored value this program does not know.
    case unknownRecord(String)

    package var description: String {
        switch self {
        case .recordChanged(let id): "record \(id) was changed by another writer"
        case .unknownRecord(let what): "unknown stored record: \(what)"
        }
    }
}

extension SQLiteConnection {
    /// Every office's bookings that are not cancelled and end after `after`.
    package func activeBookings(endingAfter after: Instant) throws -> [StoredBooking] {
        let offices = try query(
            "SELECT DISTINCT office FROM booking WHERE status = 'booked' AND ends_at > ?", [after.secondsSinceEpoch])
        return try offices.flatMap { row in
            try activeBookings(office: OfficeID(try row.value(at: 0, as: String.self)), endingAfter: after)
        }
    }
}

extension SQLiteConnection {
    private static let bookingColumns = """
        id, reference, office, counter, services, persons, starts_at, ends_at, channel, contact_name, contact_email,
            contact_phone, status, created_at, updated_at, sequence, day, token_hash, language, confirm_by
        """

    /// A booking by id with its token's hash, whatever its status or age.
    package func booking(id: BookingID) throws -> (booking: Booking, tokenHash: [UInt8])? {
        try queryFirst("SELECT \(Self.bookingColumns) FROM booking WHERE id = ?", [id.rawValue]).map(Self.bookingRecord)
    }

    /// A booking by its reference (any letter case, with or without the dash).
    package func booking(reference: String) throws -> (booking: Booking, tokenHash: [UInt8])? {
        var compact = reference.uppercased().filter { $0 != "-" && $0 != " " }
        if compact.count == 6 { compact.insert("-", at: compact.index(compact.startIndex, offsetBy: 3)) }
        return try queryFirst("SELECT \(Self.bookingColumns) FROM booking WHERE reference = ?", [compact]).map(
            Self.bookingRecord)
    }

    /// The office's bookings on a local day (cancelled ones too), by start.
    package func bookings(office: OfficeID, day: LocalDate) throws -> [Booking] {
        try query(
            "SELECT \(Self.bookingColumns) FROM booking WHERE office = ? AND day = ? ORDER BY starts_at, id",
            [office.rawValue, day.dayNumber]
        ).map { try Self.bookingRecord($0).booking }
    }

    /// A row of `bookingColumns` as a booking (its placement only names the day).
    private static func bookingRecord(_ row: Row) throws -> (booking: Booking, tokenHash: [UInt8]) {
        let day = LocalDate(dayNumber: try row.value(at: 16))
        let booking = Booking(
            id: BookingID(try row.value(at: 0)), reference: try row.value(at: 1),
            office: OfficeID(try row.value(at: 2)),
            counter: CounterID(try row.value(at: 3)), services: split(try row.value(at: 4)),
            persons: try row.value(at: 5),
            start: Instant(secondsSinceEpoch: try row.value(at: 6)),
            end: Instant(secondsSinceEpoch: try row.value(at: 7)),
            channel: Channel(rawValue: try row.value(at: 8)) ?? .online,
            contact: Contact(
                name: try row.value(at: 9, as: String?.self) ?? "", email: try row.value(at: 10),
                phone: try row.value(at: 11), language: Language(rawValue: try row.value(at: 18)) ?? .german),
            status: Booking.Status(rawValue: try row.value(at: 12)) ?? .cancelled,
            createdAt: Instant(secondsSinceEpoch: try row.value(at: 13)),
            updatedAt: Instant(secondsSinceEpoch: try row.value(at: 14)), sequence: try row.value(at: 15),
            placement: Placement(date: day, counterIndex: 0, units: 0..<0),
            confirmationDeadline: try row.value(at: 19, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)))
        return (booking, try row.value(at: 17))
    }
}
