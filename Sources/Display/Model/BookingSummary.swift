/// A booking as its own page shows it to the citizen who holds its token.
package struct BookingSummary: Equatable, Sendable {
    package var id: String
    package var reference: String
    package var token: String
    package var cancelled: Bool
    /// Whether it can still be moved or cancelled (it has not begun).
    package var changeable: Bool
    package var office: OfficeSummary
    package var date: CalendarDate
    package var start: TimeOption
    package var end: String
    package var services: [ServiceChoice]
    package var persons: Int
    package var documents: [SlipDocument]
    package var contact: ContactEntry

    package init(
        id: String, reference: String, token: String, cancelled: Bool, changeable: Bool, office: OfficeSummary,
        date: CalendarDate, start: TimeOption, end: String, services: [ServiceChoice], persons: Int,
        documents: [SlipDocument], contact: ContactEntry
    ) {
        self.id = id
        self.reference = reference
        self.token = token
        self.cancelled = cancelled
        self.changeable = changeable
        self.office = office
        self.date = date
        self.start = start
        self.end = end
        self.services = services
        self.persons = persons
        self.documents = documents
        self.contact = contact
    }
}
