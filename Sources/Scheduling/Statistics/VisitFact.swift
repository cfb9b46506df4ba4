/// One visit (one ticket) of a past day as the statistics keep it: how it came, what it was for,
/// where and how long, and nothing that leads back to a person (no ticket id or number, no
/// booking, reference, token or contact). See Documentation/Statistics.md.
package struct VisitFact: Hashable, Sendable {
    package var day: LocalDate
    /// The local hour (0–23) of the ticket's issue.
    package var hour: Int
    package var kind: VisitKind
    /// The channel the appointment was booked on; nil for walk-ins.
    package var channel: Channel?
    /// The service group letter it queued in first.
    package var group: String
    /// The services it came for, ids joined with `+` in the order given.
    package var services: String
    /// Persons of the appointment (1 for a walk-in).
    package var persons: Int
    /// The counter it was last called to (where it was served); nil when never called.
    package var counter: String?
    /// The counter time planned for it: the services' durations times the persons, in seconds.
    package var plannedSeconds: Int
    /// From the issue (an appointment: the later of check-in and its start) to the first call;
    /// nil when it was never called.
    package var waitSeconds: Int?
    /// From the call that brought it to the counter to the start of service.
    package var toCounterSeconds: Int?
    /// Time being served, summed over its periods at a counter.
    package var serviceSeconds: Int?
    package var outcome: VisitOutcome

    package init(
        day: LocalDate, hour: Int, kind: VisitKind, channel: Channel?, group: String, services: String, persons: Int,
        counter: String?, plannedSeconds: Int, waitSeconds: Int?, toCounterSeconds: Int?, serviceSeconds: Int?,
        outcome: VisitOutcome
    ) {
        self.day = day
        self.hour = hour
        self.kind = kind
        self.channel = channel
        self.group = group
        self.services = services
        self.persons = persons
        self.counter = counter
        self.plannedSeconds = plannedSeconds
        self.waitSeconds = waitSeconds
        self.toCounterSeconds = toCounterSeconds
        self.serviceSeconds = serviceSeconds
        self.outcome = outcome
    }
}

/// How a ticket came to be.
package enum VisitKind: String, CaseIterable, Hashable, Sendable {
    /// A walk-in ticket issued by staff.
    case walkIn = "walk-in"
    /// A walk-in ticket drawn at the kiosk.
    case kiosk
    /// A checked-in booking.
    case appointment
}

/// How a visit ended.
package enum VisitOutcome: String, CaseIterable, Hashable, Sendable {
    case served
    /// Called, but did not come to the counter.
    case noShow = "no-show"
    /// Still waiting, called or parked when the day ended.
    case unfinished
}

/// One booking of a past day (the day of its appointment) as the statistics keep it, without
/// reference, token or contact.
package struct BookingFact: Hashable, Sendable {
    package var day: LocalDate
    /// The local hour of its start.
    package var hour: Int
    package var channel: Channel
    package var services: String
    package var persons: Int
    /// Its length on the counter, in seconds.
    package var bookedSeconds: Int
    /// From the moment it was booked to its (last) start.
    package var leadSeconds: Int
    /// The channel that cancelled it; nil when it was kept.
    package var cancelledBy: Channel?
    /// From the cancellation to the start it had.
    package var cancelNoticeSeconds: Int?
    /// The channel of each move, in order.
    package var moves: [Channel]
    /// Whether its ticket was served (false for a cancelled booking).
    package var attended: Bool

    package init(
        day: LocalDate, hour: Int, channel: Channel, services: String, persons: Int, bookedSeconds: Int,
        leadSeconds: Int, cancelledBy: Channel?, cancelNoticeSeconds: Int?, moves: [Channel], attended: Bool
    ) {
        self.day = day
        self.hour = hour
        self.channel = channel
        self.services = services
        self.persons = persons
        self.bookedSeconds = bookedSeconds
        self.leadSeconds = leadSeconds
        self.cancelledBy = cancelledBy
        self.cancelNoticeSeconds = cancelNoticeSeconds
        self.moves = moves
        self.attended = attended
    }

    /// A kept booking whose holder was not served: never checked in, or called and not there.
    package var isNoShow: Bool { cancelledBy == nil && !attended }
}

/// One office day's capacity as the statistics keep it.
package struct DayFact: Hashable, Sendable {
    package var day: LocalDate
    /// Counter time attended (opening hours less breaks and closures, walk-in time included).
    package var openedSeconds: Int
    /// The part of it open to bookings (any contingent).
    package var bookableSeconds: Int

    package init(day: LocalDate, openedSeconds: Int, bookableSeconds: Int) {
        self.day = day
        self.openedSeconds = openedSeconds
        self.bookableSeconds = bookableSeconds
    }
}

/// Everything the statistics know of a range of one office's days.
package struct StatisticsFacts: Sendable, Equatable {
    package var visits: [VisitFact] = []
    package var bookings: [BookingFact] = []
    package var days: [DayFact] = []

    package init(visits: [VisitFact] = [], bookings: [BookingFact] = [], days: [DayFact] = []) {
        self.visits = visits
        self.bookings = bookings
        self.days = days
    }

    package mutating func append(_ other: StatisticsFacts) {
        visits += other.visits
        bookings += other.bookings
        days += other.days
    }
}
