/// What a message to a citizen says about their booking, as plain values: the mail's composer
/// fills it from the booking, `LetterText` words it as a subject and a plain-text body in German or
/// English (Documentation/Mail.md, "The messages").
package struct Letter: Equatable, Sendable {
    /// What the message is about.
    package enum Kind: String, Equatable, Sendable, CaseIterable {
        case confirmation
        case confirmationRequest = "confirmation-request"
        case reminder
        case moved
        case cancelled
        case released
    }

    /// Who made the change a notice tells of.
    package enum Cause: String, Equatable, Sendable {
        case citizen
        case staff
        case configuration
    }

    /// Why a change of the office's configuration moved or cancelled the booking.
    package enum Reason: Equatable, Sendable {
        /// The office (or the counter) is closed that day; the closures' names.
        case closed([String])
        /// The hours or counters changed.
        case hours
        /// The service is no longer offered there.
        case service
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

    /// The absolute links the message gives; nil where there is none (a booking whose token is
    /// no longer kept has no manage links).
    package struct Links: Equatable, Sendable {
        /// The booking's page (`/termin/{id}?token=…`).
        package var manage: String?
        package var move: String?
        package var cancel: String?
        /// Confirming a booking that waits for it (double opt-in).
        package var confirm: String?
        /// The start of the booking pages.
        package var bookAgain: String

        package init(
            manage: String? = nil, move: String? = nil, cancel: String? = nil, confirm: String? = nil,
            bookAgain: String
        ) {
            self.manage = manage
            self.move = move
            self.cancel = cancel
            self.confirm = confirm
            self.bookAgain = bookAgain
        }
    }

    package var kind: Kind
    package var language: PageLanguage
    package var town: String
    /// The citizen's name, for the greeting.
    package var name: String
    package var reference: String
    package var office: OfficeSummary
    /// When the appointment is (after the change, for a move).
    package var start: Moment
    /// When it ends (`09:50`).
    package var end: String
    /// Where a moved appointment was.
    package var previous: Moment?
    package var services: [ServiceChoice]
    package var persons: Int
    package var documents: [SlipDocument]
    package var links: Links
    /// Until when a booking waiting for double opt-in must be confirmed.
    package var confirmBy: Moment?
    package var cause: Cause?
    package var reason: Reason?
    /// Whether the message carries the appointment for the calendar (an invitation or its
    /// cancellation).
    package var hasCalendar: Bool

    package init(
        kind: Kind, language: PageLanguage, town: String, name: String, reference: String, office: OfficeSummary,
        start: Moment, end: String, previous: Moment? = nil, services: [ServiceChoice], persons: Int,
        documents: [SlipDocument], links: Links, confirmBy: Moment? = nil, cause: Cause? = nil, reason: Reason? = nil,
        hasCalendar: Bool = false
    ) {
        self.kind = kind
        self.language = language
        self.town = town
        self.name = name
        self.reference = reference
        self.office = office
        self.start = start
        self.end = end
        self.previous = previous
        self.services = services
        self.persons = persons
        self.documents = documents
        self.links = links
        self.confirmBy = confirmBy
        self.cause = cause
        self.reason = reason
        self.hasCalendar = hasCalendar
    }
}
