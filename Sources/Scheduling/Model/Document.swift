/// One item of a service's checklist (Unterlage, Nachweis).
package struct Document: Hashable, Sendable {
    /// What to bring ("Aktuelles biometrisches Passfoto").
    package var name: String
    /// A hint on the item ("nicht älter als 6 Monate").
    package var note: String?
    /// When it is needed; nil: always ("nur bei Minderjährigen").
    package var condition: String?

    package init(name: String, note: String? = nil, condition: String? = nil) {
        self.name = name
        self.note = note
        self.condition = condition
    }
}

/// The checklist for a booking of several services: every document once, in the order of first
/// mention, keeping conditions apart.
package enum DocumentChecklist {
    /// Merges the services' documents. An item asked for unconditionally by one service and
    /// conditionally by another is needed unconditionally; two different conditions are both
    /// kept ("nur bei Minderjährigen; nur bei Namensänderung"). Notes are joined likewise.
    package static func merge(_ services: [Service]) -> [Document] {
        mergeNamingServices(services).map(\.document)
    }

    /// The merged checklist (as `merge`), each item with the services that ask for it, in the
    /// order given, so that a checklist of several services can say which one an item is for.
    package static func mergeNamingServices(_ services: [Service]) -> [(document: Document, services: [ServiceID])] {
        if services.count == 1, let service = services.first {
            // One service whose items all have different names: the merge keeps them as they are.
            let keys = service.documents.map { $0.name.lowercased() }
            if Set(keys).count == keys.count { return service.documents.map { ($0, [service.id]) } }
        }
        var order: [String] = []
        var merged:
            [String: (
                document: Document, unconditional: Bool, conditions: [String], notes: [String], services: [ServiceID]
            )] = [:]
        for (service, document) in services.flatMap({ service in service.documents.map { (service.id, $0) } }) {
            let key = document.name.lowercased()
            var entry =
                merged[key] ?? (document: document, unconditional: false, conditions: [], notes: [], services: [])
            if merged[key] == nil { order.append(key) }
            if !entry.services.contains(service) { entry.services.append(service) }
            if let condition = document.condition {
                if !entry.conditions.contains(condition) { entry.conditions.append(condition) }
            } else {
                entry.unconditional = true
            }
            if let note = document.note, !entry.notes.contains(note) { entry.notes.append(note) }
            merged[key] = entry
        }
        return order.compactMap { key in
            guard let entry = merged[key] else { return nil }
            let document = Document(
                name: entry.document.name,
                note: entry.notes.isEmpty ? nil : entry.notes.joined(separator: "; "),
                condition: entry.unconditional || entry.conditions.isEmpty
                    ? nil : entry.conditions.joined(separator: "; "))
            return (document, entry.services)
        }
    }
}
