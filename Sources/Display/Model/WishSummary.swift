/// A wish as its pages show it (Documentation/Wishes.md): what it asks for, where it stands, and
/// its open offer.
package struct WishSummary: Equatable, Sendable {
    package var id: String
    /// The token that opened the page, carried by its forms (never shown).
    package var token: String
    /// `unconfirmed`, `waiting`, `booked`, `withdrawn` or `ended`.
    package var status: String
    /// The services and persons (no office: a wish may name several).
    package var selection: Selection
    /// The names of the offices that suit, in the citizen's order.
    package var offices: [String]
    /// The weekdays that suit, 1 (Monday) to 7.
    package var weekdays: [Int]
    /// The times of day that suit: `morning`, `afternoon` or `08:00–10:00`; empty: the whole day.
    package var times: [String]
    package var earliest: CalendarDate
    package var latest: CalendarDate
    /// When it was confirmed (its place in line).
    package var confirmedAt: DatedTime?
    /// How many wishes for its services wait ahead of it.
    package var ahead: Int?
    package var offer: OfferSummary?

    package init(
        id: String, token: String, status: String, selection: Selection, offices: [String], weekdays: [Int],
        times: [String], earliest: CalendarDate, latest: CalendarDate, confirmedAt: DatedTime? = nil,
        ahead: Int? = nil, offer: OfferSummary? = nil
    ) {
        self.id = id
        self.token = token
        self.status = status
        self.selection = selection
        self.offices = offices
        self.weekdays = weekdays
        self.times = times
        self.earliest = earliest
        self.latest = latest
        self.confirmedAt = confirmedAt
        self.ahead = ahead
        self.offer = offer
    }
}

/// An open offer as the pages show it: the time held for the wish and until when.
package struct OfferSummary: Equatable, Sendable {
    package var id: String
    /// The token its forms carry (the offer's, or its wish's).
    package var token: String
    package var office: OfficeSummary
    package var date: CalendarDate
    /// `08:00`.
    package var start: String
    package var end: String
    package var expires: DatedTime

    package init(
        id: String, token: String, office: OfficeSummary, date: CalendarDate, start: String, end: String,
        expires: DatedTime
    ) {
        self.id = id
        self.token = token
        self.office = office
        self.date = date
        self.start = start
        self.end = end
        self.expires = expires
    }
}

/// What the wish form shows: the choices and what was typed or ticked.
package struct WishEntry: Equatable, Sendable {
    /// The offices that do the services, with whether each is ticked.
    package var offices: [(id: String, name: String, checked: Bool)]
    package var weekdays: Set<Int>
    package var morning: Bool
    package var afternoon: Bool
    package var earliest: String
    package var latest: String
    /// The last date a wish may name (`2027-06-01`), as the date fields' maximum.
    package var maxDate: String
    package var name: String
    package var email: String
    package var issues: [FieldIssue]

    package init(
        offices: [(id: String, name: String, checked: Bool)], weekdays: Set<Int>, morning: Bool, afternoon: Bool,
        earliest: String, latest: String, maxDate: String, name: String = "", email: String = "",
        issues: [FieldIssue] = []
    ) {
        self.offices = offices
        self.weekdays = weekdays
        self.morning = morning
        self.afternoon = afternoon
        self.earliest = earliest
        self.latest = latest
        self.maxDate = maxDate
        self.name = name
        self.email = email
        self.issues = issues
    }

    package static func == (lhs: WishEntry, rhs: WishEntry) -> Bool {
        lhs.offices.map(\.id) == rhs.offices.map(\.id) && lhs.offices.map(\.checked) == rhs.offices.map(\.checked)
            && lhs.weekdays == rhs.weekdays && lhs.morning == rhs.morning && lhs.afternoon == rhs.afternoon
            && lhs.earliest == rhs.earliest && lhs.latest == rhs.latest && lhs.maxDate == rhs.maxDate
            && lhs.name == rhs.name && lhs.email == rhs.email && lhs.issues == rhs.issues
    }

    func issue(_ field: String) -> FieldIssue? { issues.first { $0.field == field } }
}
