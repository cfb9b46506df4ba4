/// One item of a document checklist (Unterlage) as the ticket and the counter page show it.
package struct SlipDocument: Equatable, Sendable {
    /// What to bring ("Ein aktuelles biometrisches Lichtbild").
    package var name: String
    /// A hint ("auch wenn er abgelaufen ist").
    package var note: String?
    /// When it is needed ("nur bei Personen unter 16 Jahren"); nil: always.
    package var condition: String?
    /// The names of the services it is for, when a checklist of several services has items only
    /// some of them ask for; empty: all of them.
    package var services: [String]

    /// A checklist item.
    package init(name: String, note: String? = nil, condition: String? = nil, services: [String] = []) {
        self.name = name
        self.note = note
        self.condition = condition
        self.services = services
    }
}
