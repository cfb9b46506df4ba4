/// A freed time held for one wish (Angebot) until it is booked, declined or runs out
/// (Documentation/Wishes.md). The time is a hold of its office, so it is never publicly bookable
/// while offered.
package struct WishOffer: Hashable, Sendable {
    /// Where an offer stands.
    package enum Status: String, Hashable, Sendable, CaseIterable {
        /// Held for the wish, waiting for its answer.
        case open
        /// Booked by the citizen: the wish ended with its booking.
        case booked
        /// Declined by the citizen: the time went on to the next wish that fits.
        case declined
        /// Not answered in time.
        case expired
        /// Closed because the wish was withdrawn or ended.
        case withdrawn

        /// Whether the citizen let it go (it is not offered to the same wish again).
        package var refused: Bool { self == .declined || self == .expired }
    }

    /// Its id: the office's id, a dot and a sortable random part.
    package var id: String
    package var wish: WishID
    package var office: OfficeID
    /// The hold that keeps the time.
    package var hold: HoldID
    package var counter: CounterID
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var end: Instant
    /// The channel of the wish (and of its hold).
    package var channel: Channel
    package var createdAt: Instant
    /// Until when the citizen may book it (the hold lasts a little longer, see `WishPolicy`).
    package var expiresAt: Instant
    package var status: Status
    package var booking: BookingID?

    package init(
        id: String, wish: WishID, office: OfficeID, hold: HoldID, counter: CounterID, services: [ServiceID],
        persons: Int, start: Instant, end: Instant, channel: Channel, createdAt: Instant, expiresAt: Instant,
        status: Status = .open, booking: BookingID? = nil
    ) {
        self.id = id
        self.wish = wish
        self.office = office
        self.hold = hold
        self.counter = counter
        self.services = services
        self.persons = persons
        self.start = start
        self.end = end
        self.channel = channel
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.status = status
        self.booking = booking
    }

    /// Its time, as a wish's refusals name it.
    package var time: OfferedTime { OfferedTime(office: office, start: start) }
}

/// A start at an office, as offered: a wish that declined it (or let it run out) is not offered
/// it again.
package struct OfferedTime: Hashable, Sendable {
    package var office: OfficeID
    package var start: Instant

    package init(office: OfficeID, start: Instant) {
        self.office = office
        self.start = start
    }
}
