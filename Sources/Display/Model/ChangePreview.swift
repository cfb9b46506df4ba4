/// What saving a change in the console would do, as the manager reads it before saving: the
/// problems to fix (beside their fields), or the changes in words, the week as it would be, and
/// the bookings it affects with a choice for each.
package struct ChangePreview: Equatable, Sendable {
    /// A problem of one field.
    package struct Problem: Equatable, Sendable {
        /// The document path of the field (`offices[0].openingHours[1].to`).
        package var path: String
        /// Where it is, in words ("Öffnungszeiten, Regel 2, bis").
        package var place: String
        /// What is wrong and what to do, in words an office manager understands.
        package var text: String

        package init(path: String, place: String, text: String) {
            self.path = path
            self.place = place
            self.text = text
        }
    }

    /// A booking the change affects.
    package struct Affected: Equatable, Sendable {
        package var id: String
        package var reference: String
        /// "Di 08.12.2026, 09:00–09:20 Uhr".
        package var when: String
        package var office: String
        package var counter: String
        package var services: String
        package var name: String
        /// How the citizen would hear of a cancellation ("E-Mail", or the phone number).
        package var contact: String
        /// Whether a cancellation reaches them by e-mail.
        package var hasEmail: Bool
        /// Why the booking no longer fits.
        package var reason: String
        /// Where it would move ("Di 08.12.2026, 10:30 Uhr"); nil: no free time.
        package var moveTo: String?

        package init(
            id: String, reference: String, when: String, office: String, counter: String, services: String,
            name: String, contact: String, hasEmail: Bool, reason: String, moveTo: String?
        ) {
            self.id = id
            self.reference = reference
            self.when = when
            self.office = office
            self.counter = counter
            self.services = services
            self.name = name
            self.contact = contact
            self.hasEmail = hasEmail
            self.reason = reason
            self.moveTo = moveTo
        }
    }

    package var problems: [Problem]
    /// The changes, one line each, in words.
    package var changes: [String]
    package var week: WeekView?
    package var affected: [Affected]
    /// The choice preselected for every affected booking: `keep`, `move` or `cancel`.
    package var decision: String
    /// The version the change replaces (sent back as If-Match).
    package var version: Int

    package init(
        problems: [Problem] = [], changes: [String] = [], week: WeekView? = nil, affected: [Affected] = [],
        decision: String = "keep", version: Int = 0
    ) {
        self.problems = problems
        self.changes = changes
        self.week = week
        self.affected = affected
        self.decision = decision
        self.version = version
    }
}
