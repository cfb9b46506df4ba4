/// The history page's content: the versions of the configuration with who made them, when and
/// what they changed, and the staff's actions from the audit log.
package struct HistoryView: Equatable, Sendable {
    /// One version.
    package struct Version: Equatable, Sendable {
        package var number: Int
        /// "07.12.2026, 09:41 Uhr".
        package var when: String
        package var who: String
        /// "Konsole" or "Datei".
        package var source: String
        /// What changed, one line each.
        package var changes: [String]

        package init(number: Int, when: String, who: String, source: String, changes: [String]) {
            self.number = number
            self.when = when
            self.who = who
            self.source = source
            self.changes = changes
        }
    }

    /// One staff action.
    package struct Action: Equatable, Sendable {
        package var when: String
        package var who: String
        /// "Termin abgesagt".
        package var action: String
        package var office: String
        /// The record: a booking's reference, a ticket, a token's id.
        package var target: String
        package var detail: String

        package init(when: String, who: String, action: String, office: String, target: String, detail: String) {
            self.when = when
            self.who = who
            self.action = action
            self.office = office
            self.target = target
            self.detail = detail
        }
    }

    package var versions: [Version]
    package var actions: [Action]
    /// How many days the history keeps.
    package var keptDays: Int

    package init(versions: [Version], actions: [Action], keptDays: Int) {
        self.versions = versions
        self.actions = actions
        self.keptDays = keptDays
    }
}
