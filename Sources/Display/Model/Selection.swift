/// What the citizen has chosen so far: services, persons and (from the times on) the office. It
/// travels in query strings and hidden fields; none of it is personal.
package struct Selection: Equatable, Sendable {
    package var services: [ServiceChoice]
    package var persons: Int
    package var office: OfficeSummary?
    /// The merged checklist of the services (an item two services ask for appears once).
    package var documents: [SlipDocument]
    /// Counter time the appointment takes, in minutes.
    package var minutes: Int {
        services.reduce(0) { $0 + $1.minutesPerPerson } * persons
    }

    package init(
        services: [ServiceChoice], persons: Int, office: OfficeSummary? = nil, documents: [SlipDocument] = []
    ) {
        self.services = services
        self.persons = persons
        self.office = office
        self.documents = documents
    }

    /// `service=a&service=b&persons=2[&office=o]`, for links.
    package var query: String {
        var parts = services.map { "service=" + HTML.pathSegment($0.id) }
        parts.append("persons=\(persons)")
        if let office { parts.append("office=" + HTML.pathSegment(office.id)) }
        return parts.joined(separator: "&")
    }
}
