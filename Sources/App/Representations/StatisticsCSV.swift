import Scheduling

/// A statistics report as CSV: one header line, then the total and one line per value of each
/// dimension, then one line per scarce release (dimension `release`, its figures in the last
/// columns), one column per figure (Documentation/Statistics.md, "CSV"). Times are minutes,
/// counter time hours, shares from 0 to 1; an empty field is a figure with nothing to count.
///
/// `rfc4180`: commas, decimal points, CRLF line ends, fields quoted when they hold a comma, quote
/// or line break (RFC 4180 §2), UTF-8 without a byte order mark. `excel`: the same with
/// semicolons and decimal commas after a UTF-8 byte order mark, which German Excel opens with a
/// double click as columns and numbers (its list separator is the semicolon, and without the mark
/// it reads the file as Windows-1252).
enum StatisticsCSV {
    enum Dialect: Sendable {
        case rfc4180
        case excel

        var separator: String { self == .excel ? ";" : "," }
    }

    static let columns = [
        "dimension", "key", "days", "tickets", "walk_in_tickets", "kiosk_tickets", "appointment_tickets", "served",
        "walk_in_no_shows", "walk_in_no_show_rate", "unfinished", "waited", "wait_mean_min", "wait_median_min",
        "wait_p90_min", "wait_max_min", "wait_over_target_share", "to_counter_median_min", "service_mean_min",
        "service_median_min", "service_p90_min", "planned_mean_min", "bookings", "kept", "cancelled", "moves",
        "appointment_no_shows", "appointment_no_show_rate", "lead_time_median_days", "opened_hours",
        "bookable_hours", "booked_hours", "used_hours", "release_kind", "release_at", "released_from",
        "released_through", "release_slots", "release_registrations", "release_booked", "release_sold_out_min",
    ]

    /// The columns of a release, the last of `columns`.
    static let releaseColumns = 8

    /// The report as CSV; `zone` is the office's, for the moments of releases.
    static func bytes(_ report: StatisticsReport, dialect: Dialect, zone: OfficeTimeZone? = nil) -> [UInt8] {
        var text = ""
        func line(_ fields: [String]) {
            text += fields.map { quoted($0, dialect) }.joined(separator: dialect.separator) + "\r\n"
        }
        line(columns)
        let noRelease = Array(repeating: "", count: releaseColumns)
        line(["total", ""] + values(report.total, dialect) + noRelease)
        for row in report.rows {
            line([row.dimension.rawValue, row.key] + values(row.figures, dialect) + noRelease)
        }
        let noFigures = Array(repeating: "", count: columns.count - 2 - releaseColumns)
        for release in report.releases {
            let at = RFC3339.format(release.at, offsetSeconds: zone?.offsetSeconds(at: release.at) ?? 0)
            let soldOut = release.soldOutSeconds.map { Double($0) / 60 }
            line(
                ["release", "\(release.service.rawValue) \(at)"] + noFigures + [
                    release.kind.rawValue, at, release.days.lowerBound.iso, release.days.upperBound.iso,
                    String(release.slots), String(release.registrations), String(release.booked),
                    soldOut.map { number($0, 1, dialect) } ?? "",
                ])
        }
        let body = Array(text.utf8)
        return dialect == .excel ? [0xEF, 0xBB, 0xBF] + body : body
    }

    /// `value` with `places` decimals at most, a decimal comma in the `excel` dialect.
    private static func number(_ value: Double, _ places: Int, _ dialect: Dialect) -> String {
        let text = decimal(value, places: places)
        return dialect == .excel ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    private static func values(_ figures: Figures, _ dialect: Dialect) -> [String] {
        func number(_ value: Double?, _ places: Int) -> String {
            value.map { Self.number($0, places, dialect) } ?? ""
        }
        func minutes(_ seconds: Double?) -> String { number(seconds.map { $0 / 60 }, 1) }
        func hours(_ seconds: Int) -> String { number(Double(seconds) / 3600, 2) }
        return [
            String(figures.days), String(figures.tickets), String(figures.walkInTickets), String(figures.kioskTickets),
            String(figures.appointmentTickets), String(figures.served), String(figures.walkInNoShows),
            number(figures.walkInNoShowRate, 4), String(figures.unfinished), String(figures.wait.count),
            minutes(figures.wait.mean), minutes(figures.wait.median), minutes(figures.wait.p90),
            minutes(figures.wait.max.map(Double.init)), number(figures.wait.shareOverTarget, 4),
            minutes(figures.toCounter.median), minutes(figures.service.mean), minutes(figures.service.median),
            minutes(figures.service.p90), minutes(figures.planned.mean), String(figures.bookings),
            String(figures.kept), String(figures.cancelled), String(figures.moves), String(figures.appointmentNoShows),
            number(figures.appointmentNoShowRate, 4), number(figures.leadTime.median.map { $0 / 86_400 }, 1),
            hours(figures.openedSeconds), hours(figures.bookableSeconds), hours(figures.bookedSeconds),
            hours(figures.usedSeconds),
        ]
    }

    /// A field quoted when it must be (RFC 4180 §2, rules 5 to 7).
    static func quoted(_ field: String, _ dialect: Dialect) -> String {
        let special = field.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || String($0) == dialect.separator }
        guard special else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `value` with `places` decimals at most, a point, no exponent, trailing zeros dropped
    /// (`12.5`, `0.0833`, `3`).
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
