import ICalendar
import Scheduling

extension MunicipalityDecoder {
    // MARK: Values

    /// An id used in URLs: 1–64 characters of `a-z`, `0-9`, `-` and `_`.
    static func identifier(_ reader: JSONReader) throws(JSONPathError) -> String {
        let text = try reader.string()
        guard (1...64).contains(text.count),
            text.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            })
        else { throw reader.fail("an id is 1 to 64 characters of a-z, 0-9, - and _, got \"\(text)\"") }
        return text
    }

    /// An `https` URL of at most 500 characters: a host of letters, digits, `-` and `.` (with an
    /// optional port), then printable ASCII without spaces, quotes or angle brackets.
    static func httpsURL(_ reader: JSONReader) throws(JSONPathError) -> String {
        let text = try reader.string()
        let problem =
            "an https URL such as https://www.openstreetmap.org/?mlat=54.32&mlon=10.13, got \"\(text.prefix(80))\""
        guard text.count <= 500, text.lowercased().hasPrefix("https://") else { throw reader.fail(problem) }
        let rest = text.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let name = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let hostOK =
            !(name.first ?? "").isEmpty
            && (name.first ?? "").unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "."
            }
            && (name.count == 1 || (!name[1].isEmpty && name[1].unicodeScalars.allSatisfy { ("0"..."9").contains($0) }))
        let forbidden = Set("\"<>\\^`{|} ".unicodeScalars)
        let restOK = rest.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }
        guard hostOK, restOK else { throw reader.fail(problem) }
        return text
    }

    static func time(_ reader: JSONReader) throws(JSONPathError) -> LocalTime {
        let text = try reader.string()
        guard let time = LocalTime(hhmm: text) else { throw reader.fail("expected a time HH:MM, got \"\(text)\"") }
        return time
    }

    static func date(_ reader: JSONReader) throws(JSONPathError) -> LocalDate {
        let text = try reader.string()
        guard let date = LocalDate(iso: text) else { throw reader.fail("expected a date YYYY-MM-DD, got \"\(text)\"") }
        return date
    }

    static func contingent(_ reader: JSONReader) throws(JSONPathError) -> Contingent {
        let text = try reader.string()
        guard let value = Contingent(key: text) else {
            throw reader.fail("expected one of online, hotline, counter, walkIn, got \"\(text)\"")
        }
        return value
    }

    /// Refuses two rules of one list that apply at the same time on some day (opening hours and
    /// counter hours must say one thing per minute), naming the later one and when they overlap.
    static func refuseOverlaps(_ rules: [WeeklyRule], readers: [JSONReader]) throws(JSONPathError) {
        for (index, rule) in rules.enumerated() {
            for (earlier, previous) in rules.prefix(index).enumerated() {
                guard let overlap = rule.overlap(with: previous) else { continue }
                let path = readers[earlier].path.split(separator: ".").last.map(String.init) ?? readers[earlier].path
                throw readers[index].fail(
                    "overlaps \(path) on \(overlap.date.iso), \(overlap.from.hhmm)–\(overlap.to.hhmm)"
                )
            }
        }
    }
}
