/// One item of a document checklist (Unterlage) as the ticket and the counter page show it.
package struct SlipDocument: Equatable, Sendable {
    /// What to bring ("Ein aktuelles biometrisches Lichtbild").
    package var name: String
    /// A hint ("auch wenn er abgelaufen ist").
    package var note: String?
    /// When it is needed ("nur bei Personen unter 16 Jahren"); nil: always.
    package var condition: String?

    /// A checklist item.
    package init(name: String, note: String? = nil, condition: String? = nil) {
        self.name = name
        self.note = note
        self.condition = condition
    }
}
