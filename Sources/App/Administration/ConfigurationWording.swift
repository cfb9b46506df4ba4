import Foundation
import Scheduling

/// The configuration in words an office manager understands, in German, for the console
/// (Documentation/Administration.md, "Validation"): where a field is ("Öffnungszeiten, Regel 2,
/// bis"), what is wrong with it (the decoder's and the desk's messages reworded), and what a
/// change does ("Schließungen: neu – Di 08.12.2026 ganztägig: Streik"). The API keeps the
/// decoder's own messages; only the console shows these.
enum ConfigurationWording {
    /// One step of a path: a member, and an index or id in brackets.
    struct Step: Equatable {
        var key: String
        /// `0` for `openingHours[0]`, `rathaus` for the diff's `offices[rathaus]`.
        var index: String?
    }

    /// `offices[0].openingHours[1].to` as steps.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            let key = rest.prefix { $0 != "[" }
            rest = rest.dropFirst(key.count)
            if !key.isEmpty { steps.append(Step(key: String(key))) }
            while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                let index = String(rest[rest.index(after: rest.startIndex)..<close])
                if steps.isEmpty { steps.append(Step(key: "")) }
                if steps[steps.count - 1].index == nil {
                    steps[steps.count - 1].index = index
                } else {
                    steps.append(Step(key: "", index: index))
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return steps
    }

    private static let names: [String: String] = [
        "municipality": "Name der Stadt", "retentionDays": "Aufbewahrung der Kontaktdaten (Tage)",
        "historyDays": "Aufbewahrung des Verlaufs (Tage)", "publicURL": "Adresse der Website", "groups": "Gruppen",
        "services": "Dienstleistungen", "offices": "Standorte", "openingHours": "Öffnungszeiten", "breaks": "Pausen",
        "closures": "Schließungen", "counters": "Schalter", "hours": "eigene Öffnungszeiten", "days": "Tage",
        "from": "von", "to": "bis", "validFrom": "gültig ab", "validUntil": "gültig bis", "everyWeeks": "Wiederholung",
        "anchor": "Bezugswoche", "openTo": "geöffnet für", "reason": "Grund", "date": "Datum", "name": "Name",
        "skills": "Dienstleistungen", "durationMinutes": "Dauer je Person (Minuten)",
        "maxPersons": "Personen je Termin",
        "bookableOnline": "online buchbar", "fee": "Gebühr", "cents": "Betrag", "note": "Hinweis",
        "condition": "nur wenn", "documents": "Unterlagen", "window": "Buchungsfenster", "booking": "Buchung",
        "minNoticeDays": "Vorlauf (Tage)", "minNoticeMinutes": "Vorlauf (Minuten)",
        "maxAdvanceDays": "höchstens im Voraus (Tage)", "releaseTime": "Freigabe um", "id": "Kennung",
        "address": "Anschrift", "closureCalendars": "Schließtage-Kalender", "group": "Gruppe",
        "maxActivePerContact": "Termine je Person", "holdMinutes": "Reservierung (Minuten)",
        "cancellationHoldBackMinutes": "Sperrzeit nach Absage (Minuten)", "queue": "Warteschlange",
        "display": "Aufrufanzeige", "gridMinutes": "Zeitraster (Minuten)",
        "bookingStepMinutes": "Terminabstand (Minuten)",
    ]

    /// Where the field at `path` is, in words; names of offices, counters and services are read
    /// from `document`. The brackets of `path` hold indexes (the decoder's paths) or, when `ids`,
    /// the items' ids (the paths of `ConfigurationDiff`).
    static func place(_ path: String, in document: JSONValue, ids: Bool = false) -> String {
        var parts: [String] = []
        var node: JSONValue? = document
        var parentKey = ""
        for step in steps(path) {
            let container = step.key.isEmpty ? node : node?[step.key]
            var item: JSONValue?
            if let index = step.index {
                item =
                    ids
                    ? container?.items.first { $0["id"]?.stringValue == index }
                    : Int(index).flatMap { number in
                        container?.items.indices.contains(number) == true ? container?.items[number] : nil
                    }
            }
            let key = step.key.isEmpty ? parentKey : step.key
            parts.append(itemName(key: key, index: step.index, item: item, byID: ids))
            node = step.index == nil ? container : item
            parentKey = key
        }
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func itemName(key: String, index: String?, item: JSONValue?, byID: Bool) -> String {
        let name = names[key] ?? key
        guard let index else { return name }
        let number = byID ? index : Int(index).map { $0 + 1 }.map(String.init) ?? index
        switch key {
        case "offices": return item?["name"]?.stringValue ?? "Standort \(index)"
        case "counters": return item?["name"]?.stringValue ?? "Schalter \(number)"
        case "services": return "Dienstleistung „\(item?["name"]?.stringValue ?? index)“"
        case "closures":
            if let date = item?["date"]?.stringValue { return "Schließung am \(dateText(date))" }
            return "Schließung \(number)"
        case "openingHours":
            if let day = oneDay(item) { return "Zusätzliche Öffnungszeit am \(dateText(day))" }
            return "Öffnungszeiten, Regel \(number)"
        case "breaks": return "Pausen, Regel \(number)"
        case "hours": return "eigene Öffnungszeiten, Regel \(number)"
        case "documents": return "Unterlage \(number)"
        case "days", "skills": return name
        default: return "\(name) \(number)"
        }
    }

    /// The date of a rule valid on one day only (an extra opening time), if `rule` is one.
    static func oneDay(_ rule: JSONValue?) -> String? {
        guard let rule, let from = rule["validFrom"]?.stringValue, rule["validUntil"]?.stringValue == from,
            rule["days"]?.items.count == 1
        else { return nil }
        return from
    }

    // MARK: Problems

    /// What is wrong with the field at `path`, reworded from the decoder's or the desk's `message`.
    static func problem(_ message: String, path: String, in document: JSONValue) -> String {
        let last = steps(path).last?.key ?? ""
        func quoted(after prefix: String) -> String? {
            guard let range = message.range(of: prefix) else { return nil }
            let rest = message[range.upperBound...]
            guard rest.hasPrefix("\"") else { return nil }
            return String(rest.dropFirst().prefix { $0 != "\"" })
        }
        if message.hasPrefix("overlaps ") {
            let words = message.dropFirst("overlaps ".count).split(separator: " ")
            let other = words.first.map(String.init) ?? ""
            let parent = path.split(separator: ".").dropLast().joined(separator: ".")
            let sibling = parent.isEmpty ? other : parent + "." + other
            // Rules valid for ever overlap first in 1970 (where the search begins): say the weekday.
            let day = words.count >= 4 ? LocalDate(iso: String(words[2]).trimmingCharacters(in: [","])) : nil
            let when =
                day.map {
                    $0.civil.year < 1971 ? " \(Self.everyWeekday[$0.weekday.rawValue - 1])" : " am \(dateText($0))"
                } ?? ""
            let times = words.count >= 4 ? " von \(words[3].replacingOccurrences(of: "–", with: " bis ")) Uhr" : ""
            return "Überschneidet sich\(when)\(times) mit „\(place(sibling, in: document))“. "
                + "Jede Zeit darf nur von einer Regel abgedeckt sein: ändern Sie eine der beiden."
        }
        if message.hasPrefix("must be after \"from\"") {
            let from = message.split(separator: "(").last.map { String($0.prefix(5)) } ?? ""
            return "Das Ende muss nach dem Beginn (\(from) Uhr) liegen."
        }
        if message.hasPrefix("expected a time HH:MM") {
            return "„\(quoted(after: "got ") ?? "")“ ist keine Uhrzeit. Bitte als Stunden:Minuten eingeben, etwa 08:30."
        }
        if message.hasPrefix("expected a date YYYY-MM-DD") {
            return "„\(quoted(after: "got ") ?? "")“ ist kein gültiges Datum."
        }
        if message == "must not be before validFrom" { return "„gültig bis“ liegt vor „gültig ab“." }
        if message == "must not be empty" || message == "is required" {
            switch last {
            case "days": return "Bitte mindestens einen Wochentag wählen."
            case "skills": return "Bitte mindestens eine Dienstleistung wählen, die dieser Schalter anbietet."
            case "counters": return "Ein Standort braucht mindestens einen Schalter."
            case "openingHours": return "Ein Standort braucht Öffnungszeiten."
            default: return "Bitte ausfüllen."
            }
        }
        if let counter = quoted(after: "unknown counter ") {
            return "Den Schalter „\(counter)“ gibt es nicht (mehr). Wählen Sie einen vorhandenen Schalter."
        }
        if let service = quoted(after: "unknown service ") {
            return "Die Dienstleistung „\(service)“ gibt es nicht (mehr). Entfernen Sie sie hier oder legen Sie sie "
                + "unter „Dienstleistungen“ an."
        }
        if message.hasPrefix("no counter of any office does service") {
            return "Kein Schalter bietet diese Dienstleistung an, so kann sie niemand buchen. Wählen Sie sie bei "
                + "mindestens einem Schalter aus (unter „Schalter“, „Dienstleistungen“) oder entfernen Sie sie."
        }
        if message.hasPrefix("closes nothing") {
            return "Diese Schließung schließt nichts: der Standort oder die gewählten Schalter sind an diesem Tag zu "
                + "dieser Zeit ohnehin geschlossen. Bitte prüfen Sie Datum und Uhrzeit."
        }
        if message.hasPrefix("must be from "), let range = message.split(separator: ",").first {
            let bounds = range.dropFirst("must be from ".count).split(separator: " ")
            if bounds.count == 3 { return "Bitte eine ganze Zahl von \(bounds[0]) bis \(bounds[2]) eingeben." }
        }
        if message.hasPrefix("expected a whole number") { return "Bitte eine ganze Zahl eingeben." }
        if message.hasPrefix("an id is") {
            return "Eine Kennung besteht aus 1 bis 64 Kleinbuchstaben, Ziffern, - und _, etwa „schalter-7“."
        }
        if message.hasSuffix("defined twice") {
            return "Diese Kennung gibt es schon. Jede Kennung darf nur einmal vorkommen."
        }
        if message.hasPrefix("longer than ") {
            let count = message.dropFirst("longer than ".count).prefix { $0.isNumber }
            return "Bitte höchstens \(count) Zeichen."
        }
        if message.hasPrefix("offices are added or removed") {
            return "Standorte werden nicht hier angelegt oder entfernt, sondern in der Konfigurationsdatei."
        }
        if message.hasPrefix("expected one of") { return "Bitte eine der angebotenen Möglichkeiten wählen." }
        if message.hasPrefix("expected true or false") { return "Bitte ja oder nein wählen." }
        return "Bitte prüfen: \(message)"
    }

    // MARK: Changes

    /// A change in one line: where, and what it was and is.
    static func change(_ change: ConfigurationDiff.Change, before: JSONValue, after: JSONValue) -> String {
        let document = change.kind == .removed ? before : after
        let place = place(change.path, in: document, ids: true)
        switch change.kind {
        case .added:
            return "\(place): neu – \(value(change.afterValue, key: lastKey(change.path), document: after))"
        case .removed:
            return "\(place): entfernt – \(value(change.beforeValue, key: lastKey(change.path), document: before))"
        case .changed:
            let key = lastKey(change.path)
            return "\(place): \(value(change.beforeValue, key: key, document: before)) → "
                + "\(value(change.afterValue, key: key, document: after))"
        }
    }

    /// Every change from `before` to `after` in words.
    static func changes(from before: JSONValue, to after: JSONValue) -> [String] {
        ConfigurationDiff.changes(from: before, to: after).map { change($0, before: before, after: after) }
    }

    private static func lastKey(_ path: String) -> String {
        steps(path).last?.key ?? ""
    }

    /// A value in words: a rule, a closure, a document, a list, a text or a number.
    static func value(_ value: JSONValue?, key: String, document: JSONValue) -> String {
        guard let value else { return "–" }
        switch value {
        case .null: return "–"
        case .bool(let flag): return flag ? "ja" : "nein"
        case .number(let text): return text
        case .string(let text):
            if key == "openTo" { return openTo(text) }
            if key.hasPrefix("valid") || key == "date" { return dateText(text) }
            return "„\(text)“"
        case .array(let items):
            if key == "days" { return items.compactMap(\.stringValue).map(weekday).joined(separator: ", ") }
            if items.allSatisfy({ $0.stringValue != nil }) {
                return items.compactMap(\.stringValue).joined(separator: ", ")
            }
            return items.map { self.value($0, key: "", document: document) }.joined(separator: "; ")
        case .object:
            if value["days"] != nil { return rule(value) }
            if let day = value["date"]?.stringValue { return closure(value, date: day) }
            if let name = value["name"]?.stringValue { return "„\(name)“" }
            let text = value.text(pretty: false)
            return text.count > 120 ? String(text.prefix(119)) + "…" : text
        }
    }

    /// "Mo, Di 08:00–12:30 (ab 01.01.2027, alle 2 Wochen, online buchbar)".
    static func rule(_ rule: JSONValue) -> String {
        if let day = oneDay(rule) {
            return "\(dateText(day)) \(rule["from"]?.stringValue ?? "")–\(rule["to"]?.stringValue ?? "")"
                + (rule["openTo"]?.stringValue.map { " (\(openTo($0)))" } ?? "")
        }
        let days = (rule["days"]?.items ?? []).compactMap(\.stringValue).map(weekday).joined(separator: ", ")
        var notes: [String] = []
        if let from = rule["validFrom"]?.stringValue { notes.append("ab \(dateText(from))") }
        if let until = rule["validUntil"]?.stringValue { notes.append("bis \(dateText(until))") }
        if let weeks = rule["everyWeeks"].flatMap({ Int($0.text(pretty: false)) }), weeks > 1 {
            notes.append("alle \(weeks) Wochen")
        }
        if let open = rule["openTo"]?.stringValue { notes.append(openTo(open)) }
        let time = "\(rule["from"]?.stringValue ?? "")–\(rule["to"]?.stringValue ?? "")"
        return "\(days) \(time)" + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    /// "Di 08.12.2026 ganztägig (Schalter 3): Streik".
    static func closure(_ closure: JSONValue, date day: String) -> String {
        let from = closure["from"]?.stringValue
        let to = closure["to"]?.stringValue
        let time =
            switch (from, to) {
            case (nil, nil): "ganztägig"
            case (let from?, nil): "ab \(from)"
            case (nil, let to?): "bis \(to)"
            case (let from?, let to?): "\(from)–\(to)"
            }
        let counters = (closure["counters"]?.items ?? []).compactMap(\.stringValue)
        let which = counters.isEmpty ? "" : " (Schalter \(counters.joined(separator: ", ")))"
        return "\(dateText(day)) \(time)\(which): \(closure["reason"]?.stringValue ?? "geschlossen")"
    }

    static func openTo(_ key: String) -> String {
        switch key {
        case "online": "online buchbar"
        case "hotline": "für Hotline und Schalter"
        case "counter": "nur am Schalter buchbar"
        case "walkIn": "ohne Termin"
        default: key
        }
    }

    private static let weekdays = [
        "mon": "Mo", "tue": "Di", "wed": "Mi", "thu": "Do", "fri": "Fr", "sat": "Sa", "sun": "So",
    ]

    static func weekday(_ key: String) -> String { weekdays[key] ?? key }

    /// "montags" … "sonntags", Monday first.
    static let everyWeekday = ["montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags"]

    /// "Di 08.12.2026" for `2026-12-08`; the text as it is when it is no date.
    static func dateText(_ iso: String) -> String {
        guard let date = LocalDate(iso: iso) else { return iso }
        return dateText(date)
    }

    /// "Di 08.12.2026".
    static func dateText(_ date: LocalDate) -> String {
        let (year, month, day) = date.civil
        return "\(weekday(date.weekday.key)) \(Digits.padded(day, 2)).\(Digits.padded(month, 2)).\(year)"
    }

    /// "09:05" for a second of the day.
    static func clock(_ secondOfDay: Int) -> String {
        Digits.padded(secondOfDay / 3600, 2) + ":" + Digits.padded(secondOfDay % 3600 / 60, 2)
    }

    /// "Di 08.12.2026, 09:00 Uhr" in `office`'s time.
    static func time(_ instant: Instant, in office: Office) -> String {
        let local = office.timeZone.local(instant)
        return "\(dateText(local.date)), \(clock(local.secondOfDay)) Uhr"
    }
}
