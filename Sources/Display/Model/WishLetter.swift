/// What a message about a wish says, as plain values (Documentation/Wishes.md, "The messages"):
/// the wishes' composer fills it from the wish and its offer, `WishLetterText` words it as a
/// subject and a plain-text body in German or English.
package struct WishLetter: Equatable, Sendable {
    /// What the message is about.
    package enum Kind: String, Equatable, Sendable, CaseIterable {
        /// Double opt-in: follow the link to make the wish count.
        case confirmationRequest = "wish-confirmation-request"
        /// The hotline registered the wish for a caller.
        case registered = "wish-registered"
        /// A time was freed for the wish.
        case offer = "wish-offer"
        /// The wish ended without a booking.
        case ended = "wish-ended"
    }

    /// A day and a clock time (`09:30`).
    package struct Moment: Equatable, Sendable {
        package var date: CalendarDate
        package var time: String

        package init(date: CalendarDate, time: String) {
            self.date = date
            self.time = time
        }
    }

    /// The offered time.
    package struct Offer: Equatable, Sendable {
        package var office: OfficeSummary
        package var start: Moment
        /// When it ends (`08:40`).
        package var end: String
        /// Until when it may be booked.
        package var expires: Moment

        package init(office: OfficeSummary, start: Moment, end: String, expires: Moment) {
            self.office = office
            self.start = start
            self.end = end
            self.expires = expires
        }
    }

    package var kind: Kind
    package var language: PageLanguage
    package var town: String
    /// The citizen's name, for the greeting.
    package var name: String
    package var services: [ServiceChoice]
    package var persons: Int
    /// The offices' names.
    package var offices: [String]
    /// 1 (Monday) … 7.
    package var weekdays: [Int]
    /// `morning`, `afternoon` or `08:00–10:00`; empty: the whole day.
    package var times: [String]
    package var earliest: CalendarDate
    package var latest: CalendarDate
    package var offer: Offer?
    /// Until when the link to confirm works.
    package var confirmBy: Moment?
    /// The wish's page (with the link to confirm it, for a request to confirm), the offer's page,
    /// and the start of the booking pages.
    package var wishLink: String?
    package var offerLink: String?
    package var bookAgain: String
    /// For an ended wish: whether its offers ran out unanswered (else its latest date passed).
    package var endedUnanswered: Bool

    package init(
        kind: Kind, language: PageLanguage, town: String, name: String, services: [ServiceChoice], persons: Int,
        offices: [String], weekdays: [Int], times: [String], earliest: CalendarDate, latest: CalendarDate,
        offer: Offer? = nil, confirmBy: Moment? = nil, wishLink: String? = nil, offerLink: String? = nil,
        bookAgain: String, endedUnanswered: Bool = false
    ) {
        self.kind = kind
        self.language = language
        self.town = town
        self.name = name
        self.services = services
        self.persons = persons
        self.offices = offices
        self.weekdays = weekdays
        self.times = times
        self.earliest = earliest
        self.latest = latest
        self.offer = offer
        self.confirmBy = confirmBy
        self.wishLink = wishLink
        self.offerLink = offerLink
        self.bookAgain = bookAgain
        self.endedUnanswered = endedUnanswered
    }
}
