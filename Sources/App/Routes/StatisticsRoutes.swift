import HTTPServer
import Scheduling
import Storage

/// The statistics API (Documentation/Statistics.md): one office's figures over a range of days as
/// JSON and as CSV (RFC 4180, or the variant German Excel opens), for the callers of
/// `StatisticsQuery.access`.
struct StatisticsRoutes: Sendable {
    let directory: OfficeDirectory
    /// The reading connection for reports, apart from the API's lookups.
    let reports: SerialConnection

    var endpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/offices/{office}/statistics",
                Contract(query: StatisticsQuery.parameters, access: StatisticsQuery.access),
                operation: Operation(
                    "officeStatistics", tag: "Statistics", "An office's figures over a range of days",
                    description:
                        "Tickets, waiting, service and lead times (seconds), no-shows, bookings, cancellations and moves, hours opened, booked and used: in total and by day, weekday, hour, service group, services, channel and counter; and for each waiting-room release or draw of a scarce service in the range its slots, registrations, bookings and time to sell out. Anonymous: derived from the queue's events and the bookings, kept after personal data is erased.",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Statistics"), "The figures"))])
            ) { context in
                let query = try StatisticsQuery(context, directory: directory)
                return .read(on: reports) { connection in
                    .noStore(StatisticsRepresentations.json(try query.report(connection), office: query.office))
                }
            },
            Endpoint(
                .get, "/v1/offices/{office}/statistics.csv",
                Contract(
                    query: StatisticsQuery.parameters + [
                        QueryParameter(
                            "format", schema: #"{"type":"string","enum":["rfc4180","excel"],"default":"rfc4180"}"#,
                            description:
                                "rfc4180: commas, decimal points; excel: semicolons, decimal commas and a byte order mark, as German Excel opens it"
                        )
                    ], access: StatisticsQuery.access),
                operation: Operation(
                    "officeStatisticsCSV", tag: "Statistics", "The same figures as a CSV file",
                    description:
                        "One row per dimension value (the first the total), then one per scarce release (dimension release), one column per figure; times in minutes, hours of counter time, shares from 0 to 1.",
                    responses: [("200", OpenAPIText.text("text/csv", "The figures"))])
            ) { context in
                let query = try StatisticsQuery(context, directory: directory)
                let dialect: StatisticsCSV.Dialect
                switch context.query["format"] ?? "rfc4180" {
                case "rfc4180": dialect = .rfc4180
                case "excel": dialect = .excel
                default: throw APIProblem.validation([.init(field: "format", message: "must be rfc4180 or excel")])
                }
                return .read(on: reports) { connection in
                    let report = try query.report(connection)
                    let name = "statistik-\(query.office.id.rawValue)-\(report.from.iso)-\(report.through.iso).csv"
                    return .response(
                        HTTPResponse(
                            status: .ok,
                            headers: [
                                "Content-Type": "text/csv; charset=utf-8; header=present",
                                "Content-Disposition": "attachment; filename=\"\(name)\"",
                                "Cache-Control": "no-store",
                            ], body: StatisticsCSV.bytes(report, dialect: dialect, zone: query.office.timeZone)))
                }
            },
        ]
    }
}
