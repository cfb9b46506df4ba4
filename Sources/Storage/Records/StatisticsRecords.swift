internal import CSQLite
package import Scheduling

/// The SQL of the statistics (Documentation/Statistics.md): what a past day's records are, the
/// anonymous facts rolled up from them, and reading the facts of a range back.
extension SQLiteConnection {
    // MARK: What the bookings and the queue did not keep

    /// Records a move of a booking (run in the move's own transaction).
    package func insertBookingMove(_ booking: Booking, from start: Instant, channel: Channel, at now: Instant) throws {
        try execute(
            "INSERT INTO booking_move (booking, at, channel, from_starts_at, to_starts_at) VALUES (?, ?, ?, ?, ?)",
            [
                booking.id.rawValue, now.secondsSinceEpoch, channel.rawValue, start.secondsSinceEpoch,
                booking.start.secondsSinceEpoch,
            ])
    }

    // MARK: A day's records

    /// Everything the statistics read of one office day (`bookings` with their contact, which
    /// the derived facts drop).
    package func dayRecords(office: OfficeID, date: LocalDate) throws -> DayRecords {
        let events = try queueEvents(office: office, day: date)
        var issuedBy: [TicketID: Channel] = [:]
        for row in try query(
            "SELECT id, issued_by FROM ticket WHERE office = ? AND day = ? AND issued_by IS NOT NULL",
            [office.rawValue, date.dayNumber])
        {
            if let channel = Channel(rawValue: try row.value(at: 1, as: String.self)) {
                issuedBy[TicketID(try row.value(at: 0, as: String.self))] = channel
            }
        }
        var cancellations: [String: (at: Instant, channel: Channel?)] = [:]
        for row in try query(
            """
            SELECT c.booking, c.cancelled_at, c.channel FROM cancellation c JOIN booking b ON b.id = c.booking
            WHERE b.office = ? AND b.day = ?
            """, [office.rawValue, date.dayNumber])
        {
            cancellations[try row.value(at: 0)] = (
                Instant(secondsSinceEpoch: try row.value(at: 1)), Channel(rawValue: try row.value(at: 2))
            )
        }
        var moves: [String: [Channel]] = [:]
        for row in try query(
            """
            SELECT m.booking, m.channel FROM booking_move m JOIN booking b ON b.id = m.booking
            WHERE b.office = ? AND b.day = ? ORDER BY m.at, m.rowid
            """, [office.rawValue, date.dayNumber])
        {
            if let channel = Channel(rawValue: try row.value(at: 1)) {
                moves[try row.value(at: 0), default: []].append(channel)
            }
        }
        let bookings = try bookings(office: office, day: date).map { booking in
            let cancellation = cancellations[booking.id.rawValue]
            return BookingHistory(
                booking: booking, cancelledAt: cancellation?.at, cancelledBy: cancellation?.channel,
                moves: moves[booking.id.rawValue] ?? [])
        }
        return DayRecords(date: date, events: events, issuedBy: issuedBy, bookings: bookings)
    }

    /// The first day the office has a ticket or a booking on, if any.
    package func firstRecordedDay(office: OfficeID) throws -> LocalDate? {
        try scalar(
            """
            SELECT min(day) FROM (SELECT min(day) AS day FROM ticket WHERE office = ?1
                UNION ALL SELECT min(day) FROM booking WHERE office = ?1)
            """, [office.rawValue], as: Int?.self
        ).flatMap { $0 }.map(LocalDate.init(dayNumber:))
    }

    /// The last day of the office whose facts are stored, if any.
    package func lastRolledUpDay(office: OfficeID) throws -> LocalDate? {
        try scalar("SELECT max(day) FROM statistics_day WHERE office = ?", [office.rawValue], as: Int?.self)
            .flatMap { $0 }.map(LocalDate.init(dayNumber:))
    }

    // MARK: Scarce releases

    /// How many joined the waiting room of `service` for the release at `releaseAt`.
    package func waitingRoomEntrantCount(service: ServiceID, releaseAt: Instant) throws -> Int {
        try scalar(
            "SELECT count(*) FROM waiting_room_entry WHERE service = ? AND release_at = ?",
            [service.rawValue, releaseAt.secondsSinceEpoch], as: Int.self) ?? 0
    }

    /// How many registered for the draw (withdrawn entries included).
    package func drawEntryCount(_ draw: DrawKey) throws -> Int {
        try scalar(
            "SELECT count(*) FROM draw_entry WHERE service = ? AND office = ? AND closes_at = ?",
            [draw.service.rawValue, draw.office.rawValue, draw.closesAt.secondsSinceEpoch], as: Int.self) ?? 0
    }

    /// The bookings of `service` (alone or with others) at `office` on `days`, cancelled ones
    /// included: when each was made and cancelled, and its length. Nothing that leads to a person.
    package func releaseBookings(office: OfficeID, service: ServiceID, days: ClosedRange<LocalDate>) throws
        -> [ReleaseBooking]
    {
        try query(
            """
            SELECT b.services, b.created_at,
                CASE WHEN b.status = 'cancelled' THEN coalesce(c.cancelled_at, b.updated_at) END, b.ends_at - b.starts_at
            FROM booking b LEFT JOIN cancellation c ON c.booking = b.id
            WHERE b.office = ? AND b.day BETWEEN ? AND ?
            """, [office.rawValue, days.lowerBound.dayNumber, days.upperBound.dayNumber]
        ).compactMap { row in
            let services: String = try row.value(at: 0)
            guard services.split(separator: ",").contains(where: { $0 == service.rawValue }) else { return nil }
            return ReleaseBooking(
                createdAt: Instant(secondsSinceEpoch: try row.value(at: 1)),
                cancelledAt: try row.value(at: 2, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)),
                seconds: try row.value(at: 3))
        }
    }

    // MARK: Stored facts

    /// Stores the facts of one office day (in the caller's transaction): one row per visit and
    /// booking, and the day's row, which marks it as rolled up and holds all of them packed (its
    /// digest, what reports read).
    package func insertStatistics(_ facts: StatisticsFacts, office: OfficeID, at now: Instant) throws {
        for day in facts.days {
            try execute(
                """
                INSERT INTO statistics_day (office, day, opened_seconds, bookable_seconds, rolled_up_at, digest)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    office.rawValue, day.day.dayNumber, day.openedSeconds, day.bookableSeconds,
                    now.secondsSinceEpoch, DayDigest(day: day.day, facts: facts).bytes,
                ])
        }
        for (position, visit) in facts.visits.enumerated() {
            try execute(
                """
                INSERT INTO statistics_visit (office, day, position, hour, kind, channel, service_group, services, persons,
                    counter, planned_seconds, wait_seconds, to_counter_seconds, service_seconds, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    office.rawValue, visit.day.dayNumber, position, visit.hour, visit.kind.rawValue,
                    visit.channel?.rawValue, visit.group, visit.services, visit.persons, visit.counter,
                    visit.plannedSeconds, visit.waitSeconds, visit.toCounterSeconds, visit.serviceSeconds,
                    visit.outcome.rawValue,
                ])
        }
        for (position, booking) in facts.bookings.enumerated() {
            try execute(
                """
                INSERT INTO statistics_booking (office, day, position, hour, channel, services, persons, booked_seconds,
                    lead_seconds, cancelled_by, cancel_notice_seconds, moves, attended)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    office.rawValue, booking.day.dayNumber, position, booking.hour, booking.channel.rawValue,
                    booking.services, booking.persons, booking.bookedSeconds, booking.leadSeconds,
                    booking.cancelledBy?.rawValue, booking.cancelNoticeSeconds,
                    booking.moves.map(\.rawValue).joined(separator: ","), booking.attended ? 1 : 0,
                ])
        }
    }

    /// The stored facts of the office's days `from` through `through`, read in one scan per
    /// table without making a `Row` per line (a year of a busy office is some 200,000 visits).
    package func storedStatistics(office: OfficeID, from: LocalDate, through: LocalDate) throws -> StatisticsFacts {
        let bindings: [any SQLiteValueConvertible] = [office.rawValue, from.dayNumber, through.dayNumber]
        var facts = StatisticsFacts()
        var texts = TextInterner()
        try withBoundStatement(
            "SELECT day, opened_seconds, bookable_seconds FROM statistics_day WHERE office = ? AND day BETWEEN ? AND ?",
            bindings
        ) { statement in
            while try statement.step() {
                let handle = statement.handle
                facts.days.append(
                    DayFact(
                        day: LocalDate(dayNumber: Int(sqlite3_column_int64(handle, 0))),
                        openedSeconds: Int(sqlite3_column_int64(handle, 1)),
                        bookableSeconds: Int(sqlite3_column_int64(handle, 2))))
            }
        }
        try withBoundStatement(
            """
            SELECT day, hour, kind, channel, service_group, services, persons, counter, planned_seconds, wait_seconds,
                to_counter_seconds, service_seconds, outcome
            FROM statistics_visit WHERE office = ? AND day BETWEEN ? AND ?
            """, bindings
        ) { statement in
            let handle = statement.handle
            while try statement.step() {
                facts.visits.append(
                    VisitFact(
                        day: LocalDate(dayNumber: Int(sqlite3_column_int64(handle, 0))),
                        hour: Int(sqlite3_column_int64(handle, 1)),
                        kind: VisitKind(rawValue: texts.text(handle, 2) ?? "") ?? .walkIn,
                        channel: texts.text(handle, 3).flatMap(Channel.init(rawValue:)),
                        group: texts.text(handle, 4) ?? "", services: texts.text(handle, 5) ?? "",
                        persons: Int(sqlite3_column_int64(handle, 6)), counter: texts.text(handle, 7),
                        plannedSeconds: Int(sqlite3_column_int64(handle, 8)), waitSeconds: Self.integer(handle, 9),
                        toCounterSeconds: Self.integer(handle, 10), serviceSeconds: Self.integer(handle, 11),
                        outcome: VisitOutcome(rawValue: texts.text(handle, 12) ?? "") ?? .unfinished))
            }
        }
        try withBoundStatement(
            """
            SELECT day, hour, channel, services, persons, booked_seconds, lead_seconds, cancelled_by,
                cancel_notice_seconds, moves, attended
            FROM statistics_booking WHERE office = ? AND day BETWEEN ? AND ?
            """, bindings
        ) { statement in
            let handle = statement.handle
            while try statement.step() {
                let moves = texts.text(handle, 9) ?? ""
                facts.bookings.append(
                    BookingFact(
                        day: LocalDate(dayNumber: Int(sqlite3_column_int64(handle, 0))),
                        hour: Int(sqlite3_column_int64(handle, 1)),
                        channel: texts.text(handle, 2).flatMap(Channel.init(rawValue:)) ?? .online,
                        services: texts.text(handle, 3) ?? "", persons: Int(sqlite3_column_int64(handle, 4)),
                        bookedSeconds: Int(sqlite3_column_int64(handle, 5)),
                        leadSeconds: Int(sqlite3_column_int64(handle, 6)),
                        cancelledBy: texts.text(handle, 7).flatMap(Channel.init(rawValue:)),
                        cancelNoticeSeconds: Self.integer(handle, 8),
                        moves: moves.isEmpty
                            ? [] : moves.split(separator: ",").compactMap { Channel(rawValue: String($0)) },
                        attended: sqlite3_column_int64(handle, 10) != 0))
            }
        }
        return facts
    }

    private static func integer(_ handle: OpaquePointer, _ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }
}

/// Turns the few distinct texts of a long scan (kinds, channels, groups, services, counters) into
/// strings once each, by their bytes, instead of once per row.
private struct TextInterner {
    private var known: [[UInt8]: String] = [:]
    private var scratch: [UInt8] = []

    mutating func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        if let string = known[scratch] { return string }
        let string = String(decoding: scratch, as: UTF8.self)
        known[scratch] = string
        return string
    }
}

extension SQLiteConnection {
    /// The digests of the office's rolled-up days `from` through `through`, in order of days:
    /// one short read per day, whatever the number of visits.
    package func storedDigests(office: OfficeID, from: LocalDate, through: LocalDate) throws -> [DayDigest] {
        var digests: [DayDigest] = []
        var unpacked: [LocalDate] = []
        try withBoundStatement(
            "SELECT day, digest FROM statistics_day WHERE office = ? AND day BETWEEN ? AND ? ORDER BY day",
            [office.rawValue, from.dayNumber, through.dayNumber]
        ) { statement in
            let handle = statement.handle
            while try statement.step() {
                guard let blob = sqlite3_column_blob(handle, 1) else {
                    unpacked.append(LocalDate(dayNumber: Int(sqlite3_column_int64(handle, 0))))
                    continue
                }
                let count = Int(sqlite3_column_bytes(handle, 1))
                digests.append(DayDigest(bytes: Array(UnsafeRawBufferPointer(start: blob, count: count))))
            }
        }
        // A day rolled up without its digest (none is, after the migration that added them) is
        // packed from its rows.
        for day in unpacked {
            digests.append(DayDigest(day: day, facts: try storedStatistics(office: office, from: day, through: day)))
        }
        return digests
    }

    /// Packs the rows of every rolled-up day that has no digest yet into its digest (the
    /// migration that added digests runs it once).
    func packStatisticsDays() throws {
        let days = try query("SELECT office, day FROM statistics_day WHERE digest IS NULL").map {
            (OfficeID(try $0.value(at: 0, as: String.self)), LocalDate(dayNumber: try $0.value(at: 1, as: Int.self)))
        }
        for (office, day) in days {
            let digest = DayDigest(day: day, facts: try storedStatistics(office: office, from: day, through: day))
            try execute(
                "UPDATE statistics_day SET digest = ? WHERE office = ? AND day = ?",
                [digest.bytes, office.rawValue, day.dayNumber])
        }
    }

    /// The digests of `office`'s days `from` through `through`: the stored ones of rolled-up
    /// days, and for the days after (yesterday before its roll-up, today so far) digests of the
    /// facts derived from their records now, the same way.
    package func statistics(
        office: Office, services: [ServiceID: Service], from: LocalDate, through: LocalDate, today: LocalDate
    ) throws -> [DayDigest] {
        try transaction(.deferred) {
            let rolled = try lastRolledUpDay(office: office.id)
            var digests: [DayDigest] = []
            if let rolled, rolled >= from {
                digests = try storedDigests(office: office.id, from: from, through: min(rolled, through))
            }
            guard let first = try firstRecordedDay(office: office.id) else { return digests }
            var day = max(from, first, rolled.map { $0.adding(days: 1) } ?? first)
            while day <= min(through, today) {
                let facts = try dayRecords(office: office.id, date: day).facts(office: office, services: services)
                digests.append(DayDigest(day: day, facts: facts))
                day = day.adding(days: 1)
            }
            return digests
        }
    }
}
