/// One day's facts with their texts (groups, services, counters) numbered: what a `DayDigest`
/// holds, in the form a report adds up without hashing a `String` per visit.
struct PackedDay {
    var day: LocalDate
    var openedSeconds: Int
    var bookableSeconds: Int
    /// The day's distinct texts, in order of first use.
    var texts: [String] = []
    var visits: [PackedVisit] = []
    var bookings: [PackedBooking] = []

    init(day: LocalDate, openedSeconds: Int, bookableSeconds: Int) {
        self.day = day
        self.openedSeconds = openedSeconds
        self.bookableSeconds = bookableSeconds
    }

    /// The facts of `day` (those of other days in `facts` are left out).
    init(day: LocalDate, facts: StatisticsFacts) {
        self.init(
            day: day, openedSeconds: facts.days.reduce(0) { $0 + ($1.day == day ? $1.openedSeconds : 0) },
            bookableSeconds: facts.days.reduce(0) { $0 + ($1.day == day ? $1.bookableSeconds : 0) })
        var numbers: [String: Int] = [:]
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            texts.append(text)
            numbers[text] = texts.count - 1
            return texts.count - 1
        }
        for visit in facts.visits where visit.day == day {
            visits.append(
                PackedVisit(
                    hour: visit.hour, kind: visit.kind, outcome: visit.outcome, channel: visit.channel,
                    group: number(visit.group), services: number(visit.services), counter: visit.counter.map(number),
                    persons: visit.persons, plannedSeconds: visit.plannedSeconds, waitSeconds: visit.waitSeconds,
                    toCounterSeconds: visit.toCounterSeconds, serviceSeconds: visit.serviceSeconds))
        }
        for booking in facts.bookings where booking.day == day {
            bookings.append(
                PackedBooking(
                    hour: booking.hour, channel: booking.channel, cancelledBy: booking.cancelledBy,
                    attended: booking.attended, services: number(booking.services), persons: booking.persons,
                    bookedSeconds: booking.bookedSeconds, leadSeconds: booking.leadSeconds,
                    cancelNoticeSeconds: booking.cancelNoticeSeconds, moves: booking.moves))
        }
    }

    /// Each day of `facts` that has a day, visit or booking, in order of days.
    static func days(of facts: StatisticsFacts) -> [PackedDay] {
        var byDay: [Int: StatisticsFacts] = [:]
        for day in facts.days { byDay[day.day.dayNumber, default: StatisticsFacts()].days.append(day) }
        for visit in facts.visits { byDay[visit.day.dayNumber, default: StatisticsFacts()].visits.append(visit) }
        for booking in facts.bookings {
            byDay[booking.day.dayNumber, default: StatisticsFacts()].bookings.append(booking)
        }
        return byDay.keys.sorted().compactMap { number in
            byDay[number].map { PackedDay(day: LocalDate(dayNumber: number), facts: $0) }
        }
    }

    /// The facts, with their texts.
    var facts: StatisticsFacts {
        StatisticsFacts(
            visits: visits.map { visit in
                VisitFact(
                    day: day, hour: visit.hour, kind: visit.kind, channel: visit.channel, group: texts[visit.group],
                    services: texts[visit.services], persons: visit.persons, counter: visit.counter.map { texts[$0] },
                    plannedSeconds: visit.plannedSeconds, waitSeconds: visit.waitSeconds,
                    toCounterSeconds: visit.toCounterSeconds, serviceSeconds: visit.serviceSeconds,
                    outcome: visit.outcome)
            },
            bookings: bookings.map { booking in
                BookingFact(
                    day: day, hour: booking.hour, channel: booking.channel, services: texts[booking.services],
                    persons: booking.persons, bookedSeconds: booking.bookedSeconds, leadSeconds: booking.leadSeconds,
                    cancelledBy: booking.cancelledBy, cancelNoticeSeconds: booking.cancelNoticeSeconds,
                    moves: booking.moves, attended: booking.attended)
            },
            days: [DayFact(day: day, openedSeconds: openedSeconds, bookableSeconds: bookableSeconds)])
    }

    /// The bytes (`DayDigest` describes them).
    var digest: DayDigest {
        var writer = DigestWriter()
        writer.bytes.reserveCapacity(64 + 16 * visits.count + 12 * bookings.count)
        writer.bytes.append(DayDigest.version)
        writer.signed(day.dayNumber)
        writer.signed(openedSeconds)
        writer.signed(bookableSeconds)
        writer.unsigned(texts.count)
        for text in texts {
            writer.unsigned(text.utf8.count)
            writer.bytes += text.utf8
        }
        writer.unsigned(visits.count)
        for visit in visits {
            writer.signed(visit.hour)
            writer.bytes.append(
                UInt8(DayDigest.code(visit.kind)) | UInt8(DayDigest.code(visit.outcome)) << 2
                    | UInt8(DayDigest.code(visit.channel)) << 4)
            writer.unsigned(visit.group)
            writer.unsigned(visit.services)
            writer.unsigned(visit.counter.map { $0 + 1 } ?? 0)
            writer.signed(visit.persons)
            writer.signed(visit.plannedSeconds)
            writer.optional(visit.waitSeconds)
            writer.optional(visit.toCounterSeconds)
            writer.optional(visit.serviceSeconds)
        }
        writer.unsigned(bookings.count)
        for booking in bookings {
            writer.signed(booking.hour)
            writer.bytes.append(
                UInt8(DayDigest.code(booking.channel)) | UInt8(DayDigest.code(booking.cancelledBy)) << 3
                    | (booking.attended ? 0x80 : 0))
            writer.unsigned(booking.services)
            writer.signed(booking.persons)
            writer.signed(booking.bookedSeconds)
            writer.signed(booking.leadSeconds)
            writer.optional(booking.cancelNoticeSeconds)
            writer.unsigned(booking.moves.count)
            for move in booking.moves { writer.bytes.append(UInt8(DayDigest.code(move))) }
        }
        return DayDigest(bytes: writer.bytes)
    }
}

/// A `VisitFact` of a `PackedDay`: texts as numbers into the day's texts.
struct PackedVisit {
    var hour: Int
    var kind: VisitKind
    var outcome: VisitOutcome
    var channel: Channel?
    var group: Int
    var services: Int
    var counter: Int?
    var persons: Int
    var plannedSeconds: Int
    var waitSeconds: Int?
    var toCounterSeconds: Int?
    var serviceSeconds: Int?
}

/// A `BookingFact` of a `PackedDay`, its services as a number into the day's texts.
struct PackedBooking {
    var hour: Int
    var channel: Channel
    var cancelledBy: Channel?
    var attended: Bool
    var services: Int
    var persons: Int
    var bookedSeconds: Int
    var leadSeconds: Int
    var cancelNoticeSeconds: Int?
    var moves: [Channel]
}
