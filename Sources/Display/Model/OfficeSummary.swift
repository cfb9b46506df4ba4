/// An office as the citizen pages show it, with its earliest free time when known, and where
/// asked for its way there and its opening hours.
package struct OfficeSummary: Equatable, Sendable {
    package var id: String
    package var name: String
    package var address: [String]
    /// The earliest free start for the chosen services, if one was looked up and found.
    package var earliest: DatedTime?
    /// A map showing the way there (an `https` URL from the configuration).
    package var mapURL: String?
    /// The opening hours of the coming week, Monday first; empty where the page does not show them.
    package var hours: [OfficeHours]
    /// Whole days closed soon (holidays, local closures), for the offices page.
    package var closures: [ClosedDay]

    package init(
        id: String, name: String, address: [String] = [], earliest: DatedTime? = nil, mapURL: String? = nil,
        hours: [OfficeHours] = [], closures: [ClosedDay] = []
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.earliest = earliest
        self.mapURL = mapURL
        self.hours = hours
        self.closures = closures
    }
}

/// The opening hours of one weekday: the times it is open, breaks left out.
package struct OfficeHours: Equatable, Sendable {
    /// 1 for Monday … 7 for Sunday.
    package var weekday: Int
    /// Open spans as wall-clock times (`08:00`, `12:30`); empty: closed.
    package var spans: [(from: String, to: String)]

    package init(weekday: Int, spans: [(from: String, to: String)]) {
        self.weekday = weekday
        self.spans = spans
    }

    package static func == (lhs: OfficeHours, rhs: OfficeHours) -> Bool {
        lhs.weekday == rhs.weekday && lhs.spans.map(\.from) == rhs.spans.map(\.from)
            && lhs.spans.map(\.to) == rhs.spans.map(\.to)
    }
}

/// A whole day an office is closed, with the reason its closure gives.
package struct ClosedDay: Equatable, Sendable {
    package var date: CalendarDate
    package var reason: String

    package init(date: CalendarDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}
