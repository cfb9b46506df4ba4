/// The id of a wish: its first office's id, a dot and a sortable random part, like a hold's.
package typealias WishID = Identifier<Wish>

/// A citizen's standing request for a time that fits (Terminwunsch, Documentation/Wishes.md):
/// services and persons, one or several offices, the weekdays and times of day that suit, the
/// earliest and latest date. It counts once its e-mail address is confirmed, and a freed time that
/// fits is offered to the wish that has waited longest.
package struct Wish: Hashable, Sendable {
    /// Where a wish stands.
    package enum Status: String, Hashable, Sendable, CaseIterable {
        /// Left, but its e-mail address is not confirmed yet: it does not count.
        case unconfirmed
        /// Confirmed: it waits for a time (and may have an open offer).
        case waiting
        /// It got its booking.
        case booked
        /// Withdrawn by its link.
        case withdrawn
        /// Over without a booking: its latest date passed, it was never confirmed, or its offers ran
        /// out unanswered too often.
        case ended

        /// Whether the wish is over.
        package var isFinal: Bool { self != .unconfirmed && self != .waiting }
    }

    package var id: WishID
    package var services: [ServiceID]
    package var persons: Int
    /// The offices that suit, in the citizen's order (the first wins a tie).
    package var offices: [OfficeID]
    /// The weekdays that suit.
    package var weekdays: Set<Weekday>
    /// The times of day a start may fall in.
    package var times: [DayTimeRange]
    /// The first and last day that suit.
    package var earliest: LocalDate
    package var latest: LocalDate
    /// Who left it: a citizen online, or the hotline for a caller. Its offers use that channel's
    /// counter time.
    package var channel: Channel
    /// How to reach the citizen: the name and e-mail address.
    package var contact: Contact
    /// The language of its messages and pages.
    package var language: Language
    package var createdAt: Instant
    /// When its address was confirmed: its place in line.
    package var confirmedAt: Instant?
    package var status: Status
    /// Offers that ran out unanswered since the last one answered.
    package var unanswered: Int
    /// The booking it ended with.
    package var booking: BookingID?

    package init(
        id: WishID, services: [ServiceID], persons: Int, offices: [OfficeID], weekdays: Set<Weekday>,
        times: [DayTimeRange], earliest: LocalDate, latest: LocalDate, channel: Channel, contact: Contact,
        language: Language, createdAt: Instant, confirmedAt: Instant? = nil, status: Status = .unconfirmed,
        unanswered: Int = 0, booking: BookingID? = nil
    ) {
        self.id = id
        self.services = services
        self.persons = persons
        self.offices = offices
        self.weekdays = weekdays
        self.times = times
        self.earliest = earliest
        self.latest = latest
        self.channel = channel
        self.contact = contact
        self.language = language
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.status = status
        self.unanswered = unanswered
        self.booking = booking
    }

    /// Whether it counts: confirmed and not over.
    package var isWaiting: Bool { status == .waiting && confirmedAt != nil }

    /// Whether a start at `office` on `date` at wall-clock `minute` suits it: one of its offices,
    /// within its dates, on one of its weekdays, in one of its times of day.
    package func suits(office: OfficeID, date: LocalDate, minute: Int) -> Bool {
        offices.contains(office) && earliest <= date && date <= latest && weekdays.contains(date.weekday)
            && times.contains { $0.contains(minute: minute) }
    }
}

/// A part of the day, from `from` (inclusive) to `to` (exclusive), in which a start may fall.
package struct DayTimeRange: Hashable, Sendable {
    package var from: LocalTime
    package var to: LocalTime

    package init(from: LocalTime, to: LocalTime) {
        self.from = from
        self.to = to
    }

    /// Whether a start at wall-clock `minute` falls in it.
    package func contains(minute: Int) -> Bool {
        from.minutes <= minute && minute < to.minutes
    }

    /// The morning: starts before noon.
    package static let morning = DayTimeRange(from: .midnight, to: LocalTime(clamping: 720))
    /// The afternoon: starts from noon.
    package static let afternoon = DayTimeRange(from: LocalTime(clamping: 720), to: .endOfDay)
    /// Any time of day.
    package static let wholeDay = DayTimeRange(from: .midnight, to: .endOfDay)

    /// `09:00-12:00`, as stored and in the API.
    package var text: String { from.hhmm + "-" + to.hhmm }

    /// Reads `09:00-12:00` (24:00 allowed as the end); nil when malformed or not forward.
    package init?(text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = LocalTime(hhmm: parts[0]), let to = LocalTime(hhmm: parts[1]), from < to
        else { return nil }
        self.init(from: from, to: to)
    }
}
