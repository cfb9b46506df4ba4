import Display
import HTTPServer
import Scheduling
import Storage

/// The statistics page for signed-in office managers (`/staff/statistics`) and the report it loads
/// with their session (`/staff/statistics/{office}/report`, access from `StatisticsQuery.access`),
/// with the town's wishes per service beneath it (Documentation/Wishes.md).
struct StatisticsPages: Sendable {
    let directory: OfficeDirectory
    let sessions: StaffSessions

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff/statistics", Contract(access: .staff([.officeManager], office: .any))) { context in
                page(context)
            },
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

    /// `GET /staff/statistics`: the form for the offices the caller manages, with last month of
    /// the first office as the range.
    private func page(_ context: RequestContext) -> Outcome {
        let municipality = directory.municipality
        let today = (municipality.offices.first?.timeZone.local(directory.clock()).date) ?? LocalDate(dayNumber: 0)
        let range = StatisticsQuery.lastMonth(before: today)
        return .reply(
            PageAnswers.staffPage(
                StatisticsPage.html(
                    town: municipality.name,
                    offices: municipality.offices.filter { context.caller.holds([.officeManager], office: $0.id) }
                        .map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    from: range.lowerBound.iso, through: range.upperBound.iso,
                    targetMinutes: StatisticsQuery.defaultTargetMinutes, person: context.person?.name,
                    formToken: context.person.map { sessions.formToken(for: $0) })))
    }
}
