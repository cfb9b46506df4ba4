import Scheduling

/// The JSON form of a statistics report (the `Statistics` schema): times in seconds, shares from
/// 0 to 1, the total, one array per dimension and the scarce releases.
enum StatisticsRepresentations {
    static func json(_ report: StatisticsReport, office: Office? = nil) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            if let office { json.string("office", office.id.rawValue) }
            json.string("from", report.from.iso)
            json.string("to", report.through.iso)
            json.int("targetSeconds", report.targetSeconds)
            json.object("total") { json in figures(&json, report.total) }
            json.object("breakdowns") { json in
                for dimension in StatisticsDimension.allCases {
                    json.array(dimension.rawValue) { json in
                        for row in report.rows(dimension) {
                            json.object { json in
                                json.string("key", row.key)
                                figures(&json, row.figures)
                            }
                        }
                    }
                }
            }
            json.array("releases") { json in
                for release in report.releases {
                    json.object { json in releaseFigures(&json, release, zone: office?.timeZone) }
                }
            }
        }
        return json.bytes
    }

    private static func releaseFigures(_ json: inout JSONWriter, _ release: ReleaseFigures, zone: OfficeTimeZone?) {
        json.string("service", release.service.rawValue)
        json.string("kind", release.kind.rawValue)
        json.string("at", RFC3339.format(release.at, offsetSeconds: zone?.offsetSeconds(at: release.at) ?? 0))
        json.string("firstDay", release.days.lowerBound.iso)
        json.string("lastDay", release.days.upperBound.iso)
        json.int("slots", release.slots)
        json.int("registrations", release.registrations)
        json.int("booked", release.booked)
        json.int("soldOutSeconds", ifPresent: release.soldOutSeconds)
    }

    private static func figures(_ json: inout JSONWriter, _ figures: Figures) {
        json.object("tickets") { json in
            json.int("walkIn", figures.walkInTickets)
            json.int("kiosk", figures.kioskTickets)
            json.int("appointment", figures.appointmentTickets)
            json.int("total", figures.tickets)
        }
        json.int("served", figures.served)
        json.int("walkInNoShows", figures.walkInNoShows)
        number(&json, "walkInNoShowRate", figures.walkInNoShowRate, places: 4)
        json.int("unfinished", figures.unfinished)
        durations(&json, "wait", figures.wait, target: true)
        durations(&json, "toCounter", figures.toCounter)
        durations(&json, "service", figures.service)
        durations(&json, "planned", figures.planned)
        json.int("bookings", figures.bookings)
        json.int("kept", figures.kept)
        json.int("cancelled", figures.cancelled)
        json.int("moves", figures.moves)
        json.int("appointmentNoShows", figures.appointmentNoShows)
        number(&json, "appointmentNoShowRate", figures.appointmentNoShowRate, places: 4)
        durations(&json, "leadTime", figures.leadTime)
        json.int("days", figures.days)
        json.int("openedSeconds", figures.openedSeconds)
        json.int("bookableSeconds", figures.bookableSeconds)
        json.int("bookedSeconds", figures.bookedSeconds)
        json.int("usedSeconds", figures.usedSeconds)
    }

    private static func durations(
        _ json: inout JSONWriter, _ name: String, _ summary: DurationSummary, target: Bool = false
    ) {
        json.object(name) { json in
            json.int("count", summary.count)
            number(&json, "mean", summary.mean, places: 1)
            number(&json, "median", summary.median, places: 1)
            number(&json, "p90", summary.p90, places: 1)
            json.int("max", ifPresent: summary.max)
            if target {
                json.int("overTarget", summary.overTarget)
                number(&json, "shareOverTarget", summary.shareOverTarget, places: 4)
            }
        }
    }

    private static func number(_ json: inout JSONWriter, _ name: String, _ value: Double?, places: Int) {
        guard let value else { return }
        json.raw(name, Array(StatisticsCSV.decimal(value, places: places).utf8))
    }
}
