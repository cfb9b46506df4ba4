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
}
