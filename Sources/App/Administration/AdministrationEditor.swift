import Display
import Scheduling

/// The console's editor of one office (and of the town's services) from a configuration document:
/// every field names its path in the document, so that `administration.js` writes what is entered
/// into it and a problem found for a path is shown beside its field. It reads the document as it
/// is (also one that does not pass the checks yet), so that a manager can go on editing.
enum AdministrationEditor {
    /// The ids of the sections that edit parts of the document that belong to no office (shown
    /// only to those who may change them, `AdministrationAccess.changesTownWide`).
    static let townWideSections: Set<String> = ["services"]

    /// The sections for office `officeIndex` of `document`; `today` dates new closures and extra
    /// opening times.
    static func sections(_ document: JSONValue, officeIndex: Int, today: LocalDate) -> [EditorSection] {
        let offices = document["offices"]?.items ?? []
        guard offices.indices.contains(officeIndex) else { return [] }
        let office = offices[officeIndex]
        let base = "offices[\(officeIndex)]"
        let counters = (office["counters"]?.items ?? []).map { counter in
            EditorField.Option(
                counter["id"]?.stringValue ?? "", counter["name"]?.stringValue ?? counter["id"]?.stringValue ?? "")
        }
        let services = (document["services"]?.items ?? []).map { service in
            EditorField.Option(
                service["id"]?.stringValue ?? "", service["name"]?.stringValue ?? service["id"]?.stringValue ?? "")
        }
        let hours = office["openingHours"]?.items ?? []
        let tomorrow = today.adding(days: 1)
        let untilSaturday = (Weekday.saturday.rawValue - today.weekday.rawValue + 7) % 7
        let saturday = today.adding(days: untilSaturday == 0 ? 7 : untilSaturday)
        let ownHours = (office["counters"]?.items ?? []).filter { !($0["hours"]?.items.isEmpty ?? true) }
            .compactMap { $0["name"]?.stringValue }
        return [
            EditorSection(
                id: "hours", heading: "Öffnungszeiten und Pausen",
                explanation:
                    "Regeln für jede Woche. Eine Regel kann ab oder bis zu einem Datum gelten und sich alle n Wochen "
                    + "wiederholen (gezählt ab „gültig ab“). Zwei Öffnungszeiten dürfen sich nicht überschneiden.",
                lists: [
                    rules(
                        id: "office-hours", heading: "Öffnungszeiten des Standorts", path: base + ".openingHours",
                        items: hours, include: { ConfigurationWording.oneDay($0) == nil }, openTo: false,
                        title: "Öffnungszeit", add: "Öffnungszeit hinzufügen"),
                    rules(
                        id: "office-breaks", heading: "Pausen des ganzen Standorts", path: base + ".breaks",
                        items: office["breaks"]?.items ?? [], include: { _ in true }, openTo: false, title: "Pause",
                        add: "Pause hinzufügen",
                        new: #"{"days":["mon","tue","wed","thu","fri"],"from":"12:00","to":"12:30"}"#),
                ]),
            EditorSection(
                id: "extra", heading: "Zusätzliche Öffnungszeiten",
                explanation:
                    "Eine Öffnung an einem einzelnen Tag, etwa ein Samstag vor der Wahl. Es öffnen die Schalter ohne "
                    + "eigene Öffnungszeiten, für wen sie sonst geöffnet sind"
                    + (ownHours.isEmpty
                        ? "."
                        : "; Schalter mit eigenen Zeiten (\(ownHours.joined(separator: ", "))) öffnen nur, wenn Sie "
                            + "ihnen unter „Schalter“ eine Zeit für diesen Tag geben."),
                lists: [
                    EditorList(
                        id: "office-extra", heading: "Eingetragene zusätzliche Öffnungszeiten",
                        path: base + ".openingHours",
                        rows: hours.enumerated().compactMap { index, rule in
                            guard let day = ConfigurationWording.oneDay(rule) else { return nil }
                            let path = "\(base).openingHours[\(index)]"
                            return EditorList.Row(
                                path: path, title: "Zusätzlich am \(ConfigurationWording.dateText(day))",
                                fields: [
                                    EditorField(path: path, label: "Datum", kind: .oneDay, value: day),
                                    EditorField(
                                        path: path + ".from", label: "von", kind: .time, value: text(rule["from"])),
                                    EditorField(path: path + ".to", label: "bis", kind: .time, value: text(rule["to"])),
                                ])
                        }, addLabel: "Zusätzliche Öffnungszeit hinzufügen",
                        newItem:
                            #"{"days":["\#(saturday.weekday.key)"],"from":"09:00","to":"12:00","validFrom":"\#(saturday.iso)","validUntil":"\#(saturday.iso)"}"#,
                        emptyText: "Keine zusätzlichen Öffnungszeiten.")
                ]),
            EditorSection(
                id: "closures", heading: "Schließungen",
                explanation:
                    "Ein ganzer Tag oder ein Teil davon, für den Standort oder einzelne Schalter. Ohne Uhrzeiten gilt "
                    + "der ganze Tag; ohne gewählte Schalter der ganze Standort. Feiertage schließen von selbst.",
                lists: [
                    EditorList(
                        id: "office-closures", heading: "Eingetragene Schließungen", path: base + ".closures",
                        rows: (office["closures"]?.items ?? []).enumerated().map { index, closure in
                            let path = "\(base).closures[\(index)]"
                            return EditorList.Row(
                                path: path,
                                title: "Schließung am \(ConfigurationWording.dateText(text(closure["date"])))",
                                fields: [
                                    EditorField(
                                        path: path + ".date", label: "Datum", kind: .date, value: text(closure["date"])),
                                    EditorField(
                                        path: path + ".from", label: "von (leer: ab Tagesbeginn)", kind: .time,
                                        value: text(closure["from"]), optional: true),
                                    EditorField(
                                        path: path + ".to", label: "bis (leer: bis Tagesende)", kind: .time,
                                        value: text(closure["to"]), optional: true),
                                    EditorField(
                                        path: path + ".reason", label: "Grund", kind: .text,
                                        value: text(closure["reason"]),
                                        optional: true),
                                    EditorField(
                                        path: path + ".counters",
                                        label: "Nur diese Schalter (keiner gewählt: ganzer Standort)",
                                        kind: .checkboxes(counters), values: strings(closure["counters"]),
                                        optional: true),
                                ])
                        }, addLabel: "Schließung hinzufügen",
                        newItem: #"{"date":"\#(tomorrow.iso)","reason":"geschlossen"}"#,
                        emptyText: "Keine Schließungen.")
                ]),
            EditorSection(
                id: "booking", heading: "Buchungsfenster des Standorts",
                explanation: "Wie früh und wie weit im Voraus Termine gebucht werden können.",
                fields: [
                    EditorField(
                        path: base + ".booking.minNoticeDays", label: "Vorlauf (Tage)", kind: .number(min: 0, max: 365),
                        value: text(office["booking"]?["minNoticeDays"]), optional: true,
                        hint: "1: frühestens am nächsten Tag (leer: 1)"),
                    EditorField(
                        path: base + ".booking.maxAdvanceDays", label: "höchstens im Voraus (Tage)",
                        kind: .number(min: 1, max: 730), value: text(office["booking"]?["maxAdvanceDays"]),
                        optional: true,
                        hint: "leer: 60"),
                ]),
            EditorSection(
                id: "counters", heading: "Schalter",
                explanation:
                    "Name, welche Dienstleistungen ein Schalter anbietet und für wen seine Zeit offen ist (das Kontingent): "
                    + "online buchbar, für Hotline und Schalter, nur am Schalter buchbar oder ohne Termin.",
                lists: [
                    EditorList(
                        id: "counters", heading: "Schalter des Standorts", path: base + ".counters",
                        rows: (office["counters"]?.items ?? []).enumerated().map { index, counter in
                            counterRow(counter, path: "\(base).counters[\(index)]", index: index, services: services)
                        }, addLabel: "Schalter hinzufügen",
                        newItem:
                            #"{"id":"neu-\#((office["counters"]?.items.count ?? 0) + 1)","name":"Neuer Schalter","skills":["\#(services.first?.value ?? "")"],"openTo":"online"}"#
                    )
                ]),
            EditorSection(
                id: "services", heading: "Dienstleistungen (für alle Standorte)",
                explanation:
                    "Was Bürgerinnen und Bürger buchen können, mit Dauer, Gebühr, Unterlagen und Buchungsfenster. "
                    + "Änderungen hier gelten für alle Standorte.",
                lists: [
                    EditorList(
                        id: "services", heading: "Dienstleistungen", path: "services",
                        rows: (document["services"]?.items ?? []).enumerated().map { index, service in
                            serviceRow(service, path: "services[\(index)]", index: index)
                        }, addLabel: "Dienstleistung hinzufügen",
                        newItem:
                            #"{"id":"neu-\#((document["services"]?.items.count ?? 0) + 1)","name":"Neue Dienstleistung","group":"\#(document["services"]?.items.first?["group"]?.stringValue ?? "A")","durationMinutes":10}"#
                    )
                ]),
        ]
    }

    static let weekdays: [EditorField.Option] = [
        .init("mon", "Mo"), .init("tue", "Di"), .init("wed", "Mi"), .init("thu", "Do"), .init("fri", "Fr"),
        .init("sat", "Sa"), .init("sun", "So"),
    ]

    static let openTo: [EditorField.Option] = AdministrationPage.openToWords.map { .init($0.key, $0.label) }

    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .number(let text)?: text
        case .bool(let flag)?: flag ? "true" : "false"
        default: ""
        }
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        (value?.items ?? []).compactMap(\.stringValue)
    }

    /// A list of weekly rules (`items` where `include` holds, with their index in the array).
    private static func rules(
        id: String, heading: String, path: String, items: [JSONValue], include: (JSONValue) -> Bool, openTo: Bool,
        title: String, add: String,
        new: String = #"{"days":["mon","tue","wed","thu","fri"],"from":"08:00","to":"12:00"}"#
    ) -> EditorList {
        var number = 0
        let rows = items.enumerated().compactMap { index, rule -> EditorList.Row? in
            guard include(rule) else { return nil }
            number += 1
            return ruleRow(rule, path: "\(path)[\(index)]", title: "\(title) \(number)", openTo: openTo)
        }
        return EditorList(
            id: id, heading: heading, path: path, rows: rows, addLabel: add,
            newItem: openTo ? String(new.dropLast()) + #","openTo":"online"}"# : new, emptyText: "Keine Regeln.")
    }

    private static func ruleRow(_ rule: JSONValue, path: String, title: String, openTo: Bool) -> EditorList.Row {
        var fields = [
            EditorField(
                path: path + ".days", label: "Tage", kind: .checkboxes(weekdays), values: strings(rule["days"])),
            EditorField(path: path + ".from", label: "von", kind: .time, value: text(rule["from"])),
            EditorField(path: path + ".to", label: "bis", kind: .time, value: text(rule["to"])),
        ]
        if openTo {
            fields.append(
                EditorField(
                    path: path + ".openTo", label: "geöffnet für", kind: .choice(Self.openTo),
                    value: rule["openTo"]?.stringValue ?? "online"))
        }
        fields += [
            EditorField(
                path: path + ".validFrom", label: "gültig ab (leer: immer)", kind: .date,
                value: text(rule["validFrom"]),
                optional: true),
            EditorField(
                path: path + ".validUntil", label: "gültig bis (leer: unbefristet)", kind: .date,
                value: text(rule["validUntil"]), optional: true),
            EditorField(
                path: path + ".everyWeeks", label: "Wiederholung", kind: .everyWeeks, value: text(rule["everyWeeks"]),
                optional: true),
        ]
        return EditorList.Row(path: path, title: title, fields: fields)
    }

    private static func counterRow(
        _ counter: JSONValue, path: String, index: Int, services: [EditorField.Option]
    ) -> EditorList.Row {
        let name = counter["name"]?.stringValue ?? "Schalter \(index + 1)"
        let ownHours = counter["hours"]?.items ?? []
        var fields = [
            EditorField(path: path + ".name", label: "Name (wie auf der Aufrufanzeige)", kind: .text, value: name),
            EditorField(
                path: path + ".id", label: "Kennung", kind: .text, value: text(counter["id"]),
                hint: "Kleinbuchstaben, Ziffern, - und _; steht in Adressen, also nur beim Anlegen wählen."),
        ]
        if ownHours.isEmpty {
            fields.append(
                EditorField(
                    path: path + ".openTo", label: "In den Öffnungszeiten des Standorts geöffnet für",
                    kind: .choice(openTo), value: counter["openTo"]?.stringValue ?? "online"))
        }
        fields.append(
            EditorField(
                path: path + ".skills", label: "Bietet an", kind: .checkboxes(services),
                values: strings(counter["skills"])))
        return EditorList.Row(
            path: path, title: name, fields: fields,
            lists: [
                rules(
                    id: "counter-\(index)-hours", heading: "Eigene Öffnungszeiten von \(name)", path: path + ".hours",
                    items: ownHours, include: { _ in true }, openTo: true, title: "Zeit",
                    add: "Eigene Öffnungszeit hinzufügen"),
                rules(
                    id: "counter-\(index)-breaks", heading: "Pausen von \(name)", path: path + ".breaks",
                    items: counter["breaks"]?.items ?? [], include: { _ in true }, openTo: false, title: "Pause",
                    add: "Pause hinzufügen",
                    new: #"{"days":["mon","tue","wed","thu","fri"],"from":"10:00","to":"10:15"}"#),
            ], folded: true)
    }

    private static func serviceRow(_ service: JSONValue, path: String, index: Int) -> EditorList.Row {
        let name = service["name"]?.stringValue ?? "Dienstleistung \(index + 1)"
        let cents = service["fee"]?["cents"].flatMap { Int(text($0)) }
        let fields = [
            EditorField(path: path + ".name", label: "Name", kind: .text, value: name),
            EditorField(
                path: path + ".id", label: "Kennung", kind: .text, value: text(service["id"]),
                hint: "Kleinbuchstaben, Ziffern, - und _; nur beim Anlegen wählen."),
            EditorField(
                path: path + ".durationMinutes", label: "Dauer je Person (Minuten)", kind: .number(min: 1, max: 480),
                value: text(service["durationMinutes"])),
            EditorField(
                path: path + ".maxPersons", label: "Personen je Termin", kind: .number(min: 1, max: 20),
                value: text(service["maxPersons"]), optional: true, hint: "leer: 1"),
            EditorField(
                path: path + ".bookableOnline", label: "Online buchbar", kind: .toggle,
                value: service["bookableOnline"] == .bool(false) ? "false" : "true",
                hint: "Sonst buchen nur Hotline und Schalter."),
            EditorField(
                path: path + ".fee.cents", label: "Gebühr (Euro)", kind: .euro,
                value: cents.map { "\($0 / 100),\(Digits.padded($0 % 100, 2))" } ?? "", optional: true,
                hint: "etwa 37,00; leer: keine Angabe"),
            EditorField(
                path: path + ".fee.note", label: "Hinweis zur Gebühr", kind: .text,
                value: text(service["fee"]?["note"]),
                optional: true),
            EditorField(
                path: path + ".window.minNoticeDays", label: "Vorlauf (Tage)", kind: .number(min: 0, max: 365),
                value: text(service["window"]?["minNoticeDays"]), optional: true, hint: "leer: wie der Standort"),
            EditorField(
                path: path + ".window.maxAdvanceDays", label: "höchstens im Voraus (Tage)",
                kind: .number(min: 1, max: 730), value: text(service["window"]?["maxAdvanceDays"]), optional: true,
                hint: "leer: wie der Standort"),
        ]
        let documents = EditorList(
            id: "service-\(index)-documents", heading: "Mitzubringende Unterlagen", path: path + ".documents",
            rows: (service["documents"]?.items ?? []).enumerated().map { number, document in
                let row = "\(path).documents[\(number)]"
                return EditorList.Row(
                    path: row, title: "Unterlage \(number + 1)",
                    fields: [
                        EditorField(
                            path: row + ".name", label: "Unterlage", kind: .text, value: text(document["name"])),
                        EditorField(
                            path: row + ".note", label: "Hinweis", kind: .text, value: text(document["note"]),
                            optional: true),
                        EditorField(
                            path: row + ".condition", label: "Nur wenn (Bedingung)", kind: .text,
                            value: text(document["condition"]), optional: true,
                            hint: "etwa „nur bei Personen unter 16 Jahren“; leer: immer"),
                    ])
            }, addLabel: "Unterlage hinzufügen", newItem: #"{"name":"Neue Unterlage"}"#, emptyText: "Keine Unterlagen.")
        return EditorList.Row(path: path, title: name, fields: fields, lists: [documents], folded: true)
    }
}
