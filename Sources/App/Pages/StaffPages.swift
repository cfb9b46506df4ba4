import Display
import HTTPServer
import Scheduling

/// The staff's pages: the hotline console (its script asks for a hotline token).
struct StaffPages: Sendable {
    let directory: OfficeDirectory

    var endpoints: [Endpoint] {
        [Endpoint(.get, "/staff/hotline") { _ in hotlinePage() }]
    }

    /// `GET /staff/hotline`: the console.
    private func hotlinePage() -> Outcome {
        let municipality = directory.municipality
        let services = municipality.services.filter { service in
            municipality.offices.contains { $0.offeredServices.contains(service.id) }
        }
        return .reply(
            PageAnswers.page(
                HotlinePage.html(
                    town: municipality.name,
                    services: services.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    timeZone: municipality.offices.first?.timeZone.identifier,
                    serverTime: directory.clock().secondsSinceEpoch * 1000)))
    }
}
