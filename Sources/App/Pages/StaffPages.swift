import Display
import HTTPServer
import Scheduling

/// The staff's pages: the hotline console and an office's bookings of a day (their scripts ask
/// for a staff token).
struct StaffPages: Sendable {
    let directory: OfficeDirectory

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff/hotline") { _ in hotlinePage() },
            Endpoint(.get, "/staff/bookings") { context in dayList(context) },
        ]
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

    /// `GET /staff/bookings[?office=…][&date=YYYY-MM-DD]`: the day list (today at the first office
    /// unless the query names another).
    private func dayList(_ context: RequestContext) -> Outcome {
        let municipality = directory.municipality
        let office = directory.office(OfficeID(context.query["office"] ?? "")) ?? municipality.offices.first
        let today = office.map { $0.timeZone.local(directory.clock()).date }
        let date = context.query["date"].flatMap { LocalDate(iso: $0) } ?? today
        return .reply(
            PageAnswers.page(
                DayListPage.html(
                    town: municipality.name,
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    office: office?.id.rawValue ?? "", date: date?.iso ?? "",
                    timeZone: office?.timeZone.identifier)))
    }
}
