/// A service's draw as its pages show it: what is drawn where, until when one can register, and
/// the priority groups in the order they are served.
package struct DrawSummary: Equatable, Sendable {
    /// A priority group: its id (the form's value) and its name.
    package struct Priority: Equatable, Sendable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    package var service: ServiceChoice
    package var office: OfficeSummary
    /// When registration closes (and the draw runs): day and clock time.
    package var closesDate: CalendarDate
    package var closesTime: String
    /// The days whose times are drawn.
    package var slotsFrom: CalendarDate
    package var slotsTo: CalendarDate
    package var priorities: [Priority]
    /// Whether registration is still open.
    package var isOpen: Bool

    package init(
        service: ServiceChoice, office: OfficeSummary, closesDate: CalendarDate, closesTime: String,
        slotsFrom: CalendarDate, slotsTo: CalendarDate, priorities: [Priority], isOpen: Bool
    ) {
        self.service = service
        self.office = office
        self.closesDate = closesDate
        self.closesTime = closesTime
        self.slotsFrom = slotsFrom
        self.slotsTo = slotsTo
        self.priorities = priorities
        self.isOpen = isOpen
    }
}

/// One registration for a draw as its own page shows it to the holder of its token.
package struct DrawEntrySummary: Equatable, Sendable {
    /// Where the entry stands.
    package enum Status: Equatable, Sendable {
        case registered
        /// Won this booking.
        case won(DrawnBooking)
        /// On the waiting list at this place (1 is next).
        case waitlisted(Int)
        case withdrawn
    }

    package var id: String
    package var token: String
    /// The name of its priority group.
    package var priority: String
    package var status: Status

    package init(id: String, token: String, priority: String, status: Status) {
        self.id = id
        self.token = token
        self.priority = priority
        self.status = status
    }
}

/// The booking a draw entry won.
package struct DrawnBooking: Equatable, Sendable {
    package var reference: String
    package var date: CalendarDate
    package var start: String
    package var end: String
    package var persons: Int
    package var documents: [SlipDocument]

    package init(
        reference: String, date: CalendarDate, start: String, end: String, persons: Int, documents: [SlipDocument]
    ) {
        self.reference = reference
        self.date = date
        self.start = start
        self.end = end
        self.persons = persons
        self.documents = documents
    }
}
