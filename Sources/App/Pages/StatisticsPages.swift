import Display
import HTTPServer
import Scheduling
import Storage

/// The statistics page for office managers (`/staff/statistics`) and the report it loads with a
/// staff token (`/staff/statistics/{office}/report`, access from `StatisticsQuery.access`), with
/// the town's wishes per service beneath it (Documentation/Wishes.md).
struct StatisticsPages: Sendable {
    let directory: OfficeDirectory

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff/statistics") { _ in page() },
            Endpoint(
                .get, "/staff/statistics/{office}/report",
                Contract(query: StatisticsQuery.parameters, access: StatisticsQuery.access)
            ) { context in
                let query = try StatisticsQuery(context, directory: directory)
                let municipality = directory.municipality
                return .read { connection in
                    let report = try query.report(connection)
                    var view = StatisticsViewModel.view(report, office: query.office, municipality: municipality)
                    if let wishes = WishRepresentations.table(try connection.wishCounts(), municipality: municipality) {
                        view.tables.append(wishes)
                    }
                    var response = HTTPResponse(status: .ok, body: Array(StatisticsPage.report(view).utf8))
                    response.headers.set("Content-Type", "text/html; charset=utf-8")
                    response.headers.set("Cache-Control", "no-store")
                    return .response(response)
                }
            },
        ]
    }

    /// `GET /staff/statistics`: the form, with last month of the first office as the range.
    private func page() -> Outcome {
        let municipality = directory.municipality
        let today = (municipality.offices.first?.timeZone.local(directory.clock()).date) ?? LocalDate(dayNumber: 0)
        let range = StatisticsQuery.lastMonth(before: today)
        return .reply(
            PageAnswers.page(
                StatisticsPage.html(
                    town: municipality.name,
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    from: range.lowerBound.iso, through: range.upperBound.iso,
                    targetMinutes: StatisticsQuery.defaultTargetMinutes)))
    }
}
