import Display
import Foundation
import Scheduling
import Storage

/// The console's views of the configuration desk's answers: a week, a preview, the history.
enum AdministrationViews {
    /// The week of `plan` for the week view; cells that differ from `before` (the week as the
    /// configuration now opens it) are marked as changed.
    static func week(_ plan: WeekPlan, office: Office, before: WeekPlan? = nil) -> WeekView {
        let title = before == nil ? office.name : "Nach der Änderung: \(office.name)"
        let first = plan.days.first?.date ?? LocalDate(dayNumber: 0)
        let last = plan.days.last?.date ?? first
        let names = office.counters.map { ($0.id, $0.name) }
        let rows = names.enumerated().map { index, counter in
            WeekView.Row(
                counter: counter.1,
                cells: plan.days.enumerated().map { dayIndex, day in
                    let cell = day.counters.first { $0.counter == counter.0 }
                    let old = before.flatMap { week in
                        week.days.indices.contains(dayIndex)
                            ? week.days[dayIndex].counters.first { $0.counter == counter.0 } : nil
                    }
                    return WeekView.Cell(
                        intervals: (cell?.intervals ?? []).map {
                            WeekView.Interval(time: "\($0.from.hhmm)–\($0.to.hhmm)", openTo: $0.contingent.key)
                        },
                        closures: cell?.closures ?? [], changed: before != nil && old != cell)
                })
        }
        return WeekView(
            caption:
                "\(title), Woche vom \(ConfigurationWording.dateText(first)) bis \(ConfigurationWording.dateText(last))",
            days: plan.days.map { day in
                let (_, month, number) = day.date.civil
                return "\(ConfigurationWording.weekday(day.date.weekday.key)) "
                    + "\(Digits.padded(number, 2)).\(Digits.padded(month, 2))."
            }, dates: plan.days.map(\.date.iso), rows: rows, previous: first.adding(days: -7).iso,
            next: first.adding(days: 7).iso)
    }

    /// The problems of a refused document, each beside its field.
    static func problems(_ problem: APIProblem, document: JSONValue) -> ChangePreview {
        let errors =
            problem.errors.isEmpty
            ? [APIProblem.FieldError(field: "", message: problem.detail ?? problem.title)] : problem.errors
        return ChangePreview(
            problems: errors.map { error in
                ChangePreview.Problem(
                    path: error.field,
                    place: error.field.isEmpty
                        ? "Einstellungen" : ConfigurationWording.place(error.field, in: document),
                    text: ConfigurationWording.problem(error.message, path: error.field, in: document))
            })
    }

    /// A booking of `office` as the console lists it (affected by a change, or flagged).
    static func booking(
        _ booking: Booking, office: Office, services: [Service], reason: String, moveTo: Instant?
    ) -> ChangePreview.Affected {
        let email = booking.contact.email.map { !$0.isEmpty } ?? false
        let end = office.timeZone.local(booking.end)
        return ChangePreview.Affected(
            id: booking.id.rawValue, reference: booking.reference,
            when: ConfigurationWording.time(booking.start, in: office).replacingLast(
                " Uhr", with: "–\(ConfigurationWording.clock(end.secondOfDay)) Uhr"),
            office: office.name,
            counter: office.counters.first { $0.id == booking.counter }?.name ?? booking.counter.rawValue,
            services: booking.services.map { id in services.first { $0.id == id }?.name ?? id.rawValue }
                .joined(separator: ", "),
            name: booking.contact.name,
            contact: email ? "E-Mail" : (booking.contact.phone ?? "keine Telefonnummer"), hasEmail: email,
            reason: reason, moveTo: moveTo.map { ConfigurationWording.time($0, in: office) })
    }

    /// A preview of a change: what it changes in words, the week of `office` from `weekFrom`, the
    /// affected bookings with `decision` preselected.
    static func preview(
        _ preview: ConfigurationDesk.Preview, before: JSONValue, after: JSONValue, office: OfficeID,
        weekFrom: LocalDate,
        decision: Reconfiguration.Decision
    ) -> ChangePreview {
        var week: WeekView?
        if let next = preview.municipality.office(office) {
            let plan = WeekPlan(next, services: preview.municipality.services, from: weekFrom)
            let old = preview.before.office(office).map {
                WeekPlan($0, services: preview.before.services, from: weekFrom)
            }
            week = self.week(plan, office: next, before: old)
        }
        let services = preview.municipality.services
        return ChangePreview(
            changes: ConfigurationWording.changes(from: before, to: after), week: week,
            affected: preview.affected.map { item in
                booking(
                    item.booking, office: item.office, services: services, reason: item.misfit.reason,
                    moveTo: item.proposedStart)
            }, decision: decision.rawValue, version: preview.version)
    }

    /// The history: `versions` (newest first, with their documents) worded against the version
    /// before each, and the audit log's `entries`; `names` are the staff tokens' names and
    /// `people` the staff members' names, by id.
    static func history(
        versions: [ConfigurationVersion], entries: [AuditEntry], names: [String: String],
        people: [String: String] = [:], municipality: Municipality
    ) -> HistoryView {
        let documents = versions.map { (try? JSONValue.parse($0.document)) ?? .null }
        return HistoryView(
            versions: versions.enumerated().map { index, version in
                let changes: [String]
                if index + 1 < versions.count, versions[index + 1].number == version.number - 1 {
                    changes = ConfigurationWording.changes(from: documents[index + 1], to: documents[index])
                } else if version.source == .file, index + 1 == versions.count {
                    changes = ["Aus der Datei gelesen: \(version.actor)"]
                } else {
                    changes = version.summary.split(separator: "\n").map(String.init)
                }
                return HistoryView.Version(
                    number: version.number, when: when(version.at, municipality),
                    who: version.source == .file
                        ? "Datei \(version.actor)" : people[version.actor] ?? who(version.actor, names[version.actor]),
                    source: version.source == .file ? "Datei" : "Konsole oder API", changes: changes)
            },
            actions: entries.map { entry in
                HistoryView.Action(
                    when: when(entry.at, municipality), who: AuditWords.who(entry),
                    action: action(entry.action),
                    office: entry.office.flatMap { municipality.office($0)?.name } ?? entry.office?.rawValue ?? "",
                    target: entry.target.map { $0.replacingOccurrences(of: "version ", with: "Version ") } ?? "",
                    detail: detail(entry.detail))
            }, keptDays: municipality.historyDays)
    }

    private static func who(_ id: String, _ name: String?) -> String {
        if id == StaffActor.commandLine.id { return "Kommandozeile" }
        return name.map { "\($0) (Zugang \(id))" } ?? "Zugang \(id)"
    }

    private static func when(_ instant: Instant, _ municipality: Municipality) -> String {
        guard let office = municipality.offices.first else { return RFC3339.format(instant, offsetSeconds: 0) }
        return ConfigurationWording.time(instant, in: office)
    }

    private static let actions: [String: String] = [
        "book": "Termin gebucht", "cancel": "Termin abgesagt", "reschedule": "Termin verschoben",
        "keep-flagged": "Termin behalten und markiert", "reconfigure": "Einstellungen übernommen",
        "create-token": "Zugang angelegt", "import-token": "Zugang übernommen", "revoke-token": "Zugang gesperrt",
        "call-next": "Wartemarke aufgerufen",
        "confirm-arrival": "Ankunft bestätigt",
    ]

    private static func action(_ key: String) -> String { actions[key] ?? AuditWords.actions[key] ?? key }

    private static func detail(_ text: String?) -> String {
        guard let text else { return "" }
        if text.hasPrefix("configuration version ") {
            return "Einstellungen, Version " + text.dropFirst("configuration version ".count)
        }
        if text.hasPrefix("role ") { return "Rolle " + text.dropFirst("role ".count) }
        return text
    }
}

extension String {
    /// The string with the last `target` replaced by `replacement` (unchanged without one).
    fileprivate func replacingLast(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
