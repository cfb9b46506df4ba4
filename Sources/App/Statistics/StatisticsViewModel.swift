import Display
import Scheduling

/// Turns a statistics report into what the page shows (German, as the staff pages are): the key
/// figures, four charts with their tables (waiting time by hour of day, load, no-shows and counter
/// time by weekday) and tables by service, channel, counter, group and day, and of the scarce
/// releases when there were any.
enum StatisticsViewModel {
    static func view(_ report: StatisticsReport, office: Office, municipality: Municipality) -> StatisticsView {
        let total = report.total
        let target = report.targetSeconds / 60
        let names = Dictionary(municipality.services.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        let counters = Dictionary(office.counters.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        let groups = Dictionary(municipality.groups.map { ($0.letter, $0.name) }, uniquingKeysWith: { a, _ in a })
        let used = total.openedSeconds == 0 ? nil : Double(total.usedSeconds) / Double(total.openedSeconds)
        let keyFigures: [(label: String, value: String)] = [
            ("Wartemarken", String(total.tickets)),
            ("Bedient", String(total.served)),
            ("Wartezeit, Median", minutes(total.wait.median)),
            ("Wartezeit, 90 % höchstens", minutes(total.wait.p90)),
            ("Länger als \(target) Min. gewartet", percent(total.wait.shareOverTarget)),
            ("Termine nicht erschienen", percent(total.appointmentNoShowRate)),
            ("Öffnungszeit am Schalter genutzt", percent(used)),
        ]
        let hours = report.rows(.hour)
        let weekdays = report.rows(.weekday)
        let weekdayNames = weekdays.map { Weekday(key: $0.key).map(weekdayName) ?? $0.key }
        func perDay(_ row: StatisticsRow, _ value: Int) -> Double? {
            row.figures.days == 0 ? nil : Double(value) / Double(row.figures.days)
        }
        let charts = [
            BarChart(
                id: "wait-by-hour", title: "Wartezeit nach Tageszeit",
                summary:
                    "Wartezeit vom Ziehen der Wartemarke (bei Terminen ab der Terminzeit) bis zum Aufruf, nach der Stunde der Ankunft.",
                unit: "Min.", categories: hours.map { "\($0.key) Uhr" },
                series: [
                    series("Median", hours.map { $0.figures.wait.median.map { $0 / 60 } }),
                    series("90 % höchstens", hours.map { $0.figures.wait.p90.map { $0 / 60 } }),
                ]),
            BarChart(
                id: "load-by-weekday", title: "Andrang nach Wochentag",
                summary: "Wartemarken je Öffnungstag im Durchschnitt, ohne und mit Termin.", unit: "je Tag",
                categories: weekdayNames,
                series: [
                    series(
                        "ohne Termin",
                        weekdays.map { perDay($0, $0.figures.walkInTickets + $0.figures.kioskTickets) }),
                    series("mit Termin", weekdays.map { perDay($0, $0.figures.appointmentTickets) }),
                ]),
            BarChart(
                id: "no-shows", title: "Nicht erschienen nach Wochentag",
                summary:
                    "Anteil der Termine, zu denen niemand bedient wurde, und der aufgerufenen Wartemarken ohne Termin, deren Inhaber nicht kam.",
                unit: "%", categories: weekdayNames,
                series: [
                    series("Termine", weekdays.map { $0.figures.appointmentNoShowRate.map { $0 * 100 } }),
                    series("Wartemarken", weekdays.map { $0.figures.walkInNoShowRate.map { $0 * 100 } }),
                ]),
            BarChart(
                id: "capacity", title: "Schalterzeit nach Wochentag",
                summary:
                    "Stunden Schalterzeit je Öffnungstag: geöffnet (alle Schalter), durch Termine gebucht, mit Bedienen verbracht.",
                unit: "Std.", categories: weekdayNames,
                series: [
                    series("geöffnet", weekdays.map { perDay($0, $0.figures.openedSeconds).map { $0 / 3600 } }),
                    series("gebucht", weekdays.map { perDay($0, $0.figures.bookedSeconds).map { $0 / 3600 } }),
                    series("genutzt", weekdays.map { perDay($0, $0.figures.usedSeconds).map { $0 / 3600 } }),
                ]),
        ]
        return StatisticsView(
            heading: "\(office.name), \(dateText(report.from)) bis \(dateText(report.through))",
            keyFigures: keyFigures, charts: charts,
            tables: [
                serviceTable(report, names: names), channelTable(report), counterTable(report, names: counters),
                groupTable(report, names: groups, target: target), dayTable(report, target: target),
            ] + (report.releases.isEmpty ? [] : [releaseTable(report, names: names, zone: office.timeZone)]))
    }

    private static func releaseTable(_ report: StatisticsReport, names: [String: String], zone: OfficeTimeZone)
        -> DataTable
    {
        DataTable(
            id: "releases", caption: "Knappe Termine: Freigaben und Verlosungen",
            columns: [
                "Dienstleistung", "Freigabe", "Tage", "Termine", "angemeldet", "gebucht", "ausgebucht nach (Min.)",
            ],
            rows: report.releases.map { release in
                let local = zone.local(release.at)
                func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
                let time = "\(twoDigits(local.secondOfDay / 3600)):\(twoDigits(local.secondOfDay % 3600 / 60))"
                let days =
                    release.days.lowerBound == release.days.upperBound
                    ? dateText(release.days.lowerBound)
                    : "\(dateText(release.days.lowerBound)) bis \(dateText(release.days.upperBound))"
                return [
                    names[release.service.rawValue] ?? release.service.rawValue,
                    "\(release.kind == .draw ? "Verlosung" : "Warteraum") \(dateText(local.date)) \(time) Uhr", days,
                    String(release.slots), String(release.registrations), String(release.booked),
                    number(release.soldOutSeconds.map { Double($0) / 60 }),
                ]
            })
    }

    private static func serviceTable(_ report: StatisticsReport, names: [String: String]) -> DataTable {
        var marked: [Int: String] = [:]
        let rows = report.rows(.service).filter { $0.figures.served > 0 || $0.figures.bookings > 0 }
        let cells = rows.enumerated().map { index, row -> [String] in
            let figures = row.figures
            if let median = figures.service.median, let planned = figures.planned.mean, figures.service.count >= 3,
                median > planned * 1.1
            {
                marked[index] = "länger als geplant"
            }
            return [
                row.key.split(separator: "+").map { names[String($0)] ?? String($0) }.joined(separator: " + "),
                String(figures.served), minutes(figures.service.median), minutes(figures.service.p90),
                minutes(figures.planned.mean), String(figures.bookings), percent(figures.appointmentNoShowRate),
            ]
        }
        return DataTable(
            id: "services", caption: "Bearbeitungszeit nach Dienstleistung",
            columns: [
                "Dienstleistung", "bedient", "Bearbeitung Median (Min.)", "90 % höchstens (Min.)", "geplant (Min.)",
                "Termine", "nicht erschienen",
            ], rows: cells, marked: marked)
    }

    private static func channelTable(_ report: StatisticsReport) -> DataTable {
        let labels = ["online": "online", "hotline": "Hotline", "counter": "am Schalter", "kiosk": "Kiosk"]
        return DataTable(
            id: "channels", caption: "Termine nach Kanal",
            columns: [
                "Kanal", "gebucht", "abgesagt (durch den Kanal)", "umgebucht (durch den Kanal)", "nicht erschienen",
                "Vorlauf Median (Tage)",
            ],
            rows: report.rows(.channel).map { row in
                [
                    labels[row.key] ?? row.key, String(row.figures.bookings), String(row.figures.cancelled),
                    String(row.figures.moves), percent(row.figures.appointmentNoShowRate),
                    number(row.figures.leadTime.median.map { $0 / 86_400 }),
                ]
            })
    }

    private static func counterTable(_ report: StatisticsReport, names: [String: String]) -> DataTable {
        DataTable(
            id: "counters", caption: "Schalter",
            columns: [
                "Schalter", "bedient", "Bearbeitung Median (Min.)", "Weg zum Schalter Median (Min.)", "bedient (Std.)",
            ],
            rows: report.rows(.counter).map { row in
                [
                    names[row.key] ?? row.key, String(row.figures.served), minutes(row.figures.service.median),
                    minutes(row.figures.toCounter.median), number(Double(row.figures.usedSeconds) / 3600),
                ]
            })
    }

    private static func groupTable(_ report: StatisticsReport, names: [String: String], target: Int) -> DataTable {
        DataTable(
            id: "groups", caption: "Wartezeit nach Servicegruppe",
            columns: [
                "Gruppe", "Wartemarken", "Median (Min.)", "90 % höchstens (Min.)", "längste (Min.)",
                "über \(target) Min.",
            ],
            rows: report.rows(.group).map { row in
                let wait = row.figures.wait
                return [
                    "\(row.key) \(names[row.key] ?? "")", String(row.figures.tickets), minutes(wait.median),
                    minutes(wait.p90), minutes(wait.max.map(Double.init)), percent(wait.shareOverTarget),
                ]
            })
    }

    private static func dayTable(_ report: StatisticsReport, target: Int) -> DataTable {
        DataTable(
            id: "days", caption: "Tage",
            columns: [
                "Tag", "Wartemarken", "Wartezeit Median (Min.)", "90 % höchstens (Min.)", "über \(target) Min.",
                "geöffnet (Std.)", "gebucht (Std.)", "genutzt (Std.)",
            ],
            rows: report.rows(.day).compactMap { row in
                guard let date = LocalDate(iso: row.key) else { return nil }
                let figures = row.figures
                guard figures.tickets > 0 || figures.openedSeconds > 0 || figures.bookings > 0 else { return nil }
                return [
                    "\(weekdayName(date.weekday)) \(dateText(date))", String(figures.tickets),
                    minutes(figures.wait.median), minutes(figures.wait.p90), percent(figures.wait.shareOverTarget),
                    number(Double(figures.openedSeconds) / 3600), number(Double(figures.bookedSeconds) / 3600),
                    number(Double(figures.usedSeconds) / 3600),
                ]
            })
    }

    private static func series(_ name: String, _ values: [Double?]) -> BarChart.Series {
        BarChart.Series(name: name, values: values, texts: values.map(number))
    }

    /// One decimal with a comma, `–` for nothing.
    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(StatisticsCSV.decimal(value, places: 1).map { $0 == "." ? "," : $0 })
    }

    static func minutes(_ seconds: Double?) -> String { number(seconds.map { $0 / 60 }) }

    static func percent(_ share: Double?) -> String {
        share.map { number($0 * 100) + " %" } ?? "–"
    }

    static func dateText(_ date: LocalDate) -> String {
        "\(date.day).\(date.month).\(date.year)"
    }

    static func weekdayName(_ weekday: Weekday) -> String {
        switch weekday {
        case .monday: "Mo"
        case .tuesday: "Di"
        case .wednesday: "Mi"
        case .thursday: "Do"
        case .friday: "Fr"
        case .saturday: "Sa"
        case .sunday: "So"
        }
    }
}
