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
    /// What mail the booking gets.
    package var mail: Mail
    /// While it waits for its confirmation by e-mail (double opt-in): until when (`10:15`).
    package var confirmBy: String?
    /// Whether it was released because it was not confirmed in time.
    package var released: Bool

    /// What mail a booking gets.
    package enum Mail: Equatable, Sendable {
        /// Messages go to its e-mail address.
        case toAddress
        /// It has no e-mail address.
        case noAddress
        /// Mail is switched off.
        case off
    }

    package init(
        id: String, reference: String, token: String, cancelled: Bool, changeable: Bool, office: OfficeSummary,
        date: CalendarDate, start: TimeOption, end: String, services: [ServiceChoice], persons: Int,
        documents: [SlipDocument], contact: ContactEntry, mail: Mail = .off, confirmBy: String? = nil,
        released: Bool = false
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
        self.mail = mail
        self.confirmBy = confirmBy
        self.released = released
    }
}
