/// Something in an input that the reader could not take exactly as written but read anyway.
/// The office should hear about it (`rathaus check` prints warnings), but it is no reason to
/// reject the file.
package enum ICalendarWarning: Hashable, Sendable {
    /// A TZID that names no time zone Rathaus knows; its times were read in `fallback`.
    case unknownTimeZone(line: Int, tzid: String, fallback: String)
    /// RECURRENCE-ID with RANGE=THISANDFUTURE: the override was applied to its one instance only.
    case recurrenceRangeIgnored(line: Int)
    /// RDATE with VALUE=PERIOD: only each period's start was used, with the event's own length.
    case periodEndIgnored(line: Int)
}

extension ICalendarWarning: CustomStringConvertible {
    /// One line of English, starting with the line number.
    package var description: String {
        switch self {
        case .unknownTimeZone(let line, let tzid, let fallback):
            "line \(line): unknown time zone '\(tzid)', read as \(fallback)"
        case .recurrenceRangeIgnored(let line):
            "line \(line): RANGE=THISANDFUTURE is not supported; only this one instance was changed"
        case .periodEndIgnored(let line):
            "line \(line): RDATE periods are read as start times with the event's own length"
        }
    }
}
