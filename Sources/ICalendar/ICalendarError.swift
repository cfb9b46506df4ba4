/// Why an iCalendar input could not be read or expanded. Every case that comes from the input
/// carries the (1-based) line number where the offending content line starts.
package enum ICalendarError: Error, Equatable, Sendable {
    /// The input has no content lines at all.
    case emptyInput
    /// The input is larger than `ICalendarLimits.maximumInputBytes`.
    case inputTooLarge(bytes: Int, limit: Int)
    /// The input does not start with `BEGIN:VCALENDAR`; `found` is the start of the first line.
    case notACalendar(line: Int, found: String)
    /// A content line is longer than `ICalendarLimits.maximumLineOctets` after unfolding.
    case lineTooLong(line: Int, limit: Int)
    /// A line starts with a space or tab (a folded continuation) but there is no line to continue.
    case continuationWithoutLine(line: Int)
    /// A content line is not valid UTF-8 (RFC 5545 §3.1.4).
    case invalidUTF8(line: Int)
    /// A content line contains a control character other than HTAB (RFC 5545 §3.1).
    case controlCharacter(line: Int, byte: UInt8)
    /// A content line has no `:` between its name (and parameters) and its value.
    case missingColon(line: Int)
    /// A property or parameter name has characters other than letters, digits and `-`.
    case invalidName(line: Int, name: String)
    /// A parameter is not `NAME=value` or has an unterminated or misplaced quote.
    case malformedParameter(line: Int, parameter: String)
    /// A property appears before `BEGIN:VCALENDAR` or after the calendar's `END`.
    case propertyOutsideComponent(line: Int, name: String)
    /// `END:name` without a matching `BEGIN`.
    case unexpectedEnd(line: Int, name: String)
    /// `END:found` while `expected` (begun at an earlier line) is still open.
    case mismatchedEnd(line: Int, expected: String, found: String)
    /// `BEGIN:name` at `line` is never ended before the input ends.
    case unterminatedComponent(line: Int, name: String)
    /// Components nest deeper than `ICalendarLimits.maximumNestingDepth`.
    case nestingTooDeep(line: Int, limit: Int)
    /// More VEVENTs than `ICalendarLimits.maximumEvents`.
    case tooManyEvents(line: Int, limit: Int)
    /// A `VERSION` other than 2.0 (version 1.0 is the older vCalendar format).
    case unsupportedVersion(line: Int, version: String)
    /// A `CALSCALE` other than GREGORIAN.
    case unsupportedCalendarScale(line: Int, scale: String)
    /// A component lacks a property it must have, e.g. a VEVENT without DTSTART.
    case missingProperty(line: Int, component: String, property: String)
    /// A property that may appear once appears again.
    case duplicateProperty(line: Int, property: String)
    /// A property's value is not valid for its type, e.g. `DTSTART:20261332`.
    case invalidValue(line: Int, property: String, value: String)
    /// DTEND's value type (DATE or DATE-TIME) differs from DTSTART's (RFC 5545 §3.8.2.2).
    case valueTypeMismatch(line: Int, property: String)
    /// Both DTEND and DURATION are present (RFC 5545 §3.6.1 allows only one).
    case endAndDuration(line: Int)
    /// DTEND is before DTSTART, or DURATION is negative.
    case endBeforeStart(line: Int)
    /// An RRULE part has an invalid value, is repeated, or contradicts another part.
    case invalidRecurrenceRule(line: Int, part: String, value: String)
    /// An RRULE uses a feature this reader does not expand (FREQ=SECONDLY, BYWEEKNO, …).
    case unsupportedRecurrenceRule(line: Int, part: String, value: String)
    /// The date range asked for is longer than `ICalendarLimits.maximumRangeDays`.
    case rangeTooLarge(days: Int, limit: Int)
    /// The expansion would return more than `ICalendarLimits.maximumOccurrences` occurrences.
    case tooManyOccurrences(limit: Int)
    /// Expanding the event at `line` needs more than `ICalendarLimits.maximumRecurrenceSteps`.
    case recurrenceTooLong(line: Int, limit: Int)
}

extension ICalendarError: CustomStringConvertible {
    /// One line of English for logs and the command line, starting with the line number.
    package var description: String {
        switch self {
        case .emptyInput:
            return "the input contains no iCalendar data"
        case .inputTooLarge(let bytes, let limit):
            return "the input has \(bytes) bytes, more than the limit of \(limit)"
        case .notACalendar(let line, let found):
            return "line \(line): expected BEGIN:VCALENDAR, found '\(found)'"
        case .lineTooLong(let line, let limit):
            return "line \(line): content line longer than \(limit) octets"
        case .continuationWithoutLine(let line):
            return "line \(line): starts with a space or tab but continues no line"
        case .invalidUTF8(let line):
            return "line \(line): not valid UTF-8"
        case .controlCharacter(let line, let byte):
            return "line \(line): control character 0x\(MessageText.hex(byte)) is not allowed"
        case .missingColon(let line):
            return "line \(line): no ':' between the property name and its value"
        case .invalidName(let line, let name):
            return "line \(line): '\(name)' is not a valid property or parameter name"
        case .malformedParameter(let line, let parameter):
            return "line \(line): malformed parameter '\(parameter)'"
        case .propertyOutsideComponent(let line, let name):
            return "line \(line): property \(name) is outside of BEGIN:VCALENDAR … END:VCALENDAR"
        case .unexpectedEnd(let line, let name):
            return "line \(line): END:\(name) without a matching BEGIN:\(name)"
        case .mismatchedEnd(let line, let expected, let found):
            return "line \(line): END:\(found) while \(expected) is still open"
        case .unterminatedComponent(let line, let name):
            return "line \(line): BEGIN:\(name) has no END:\(name)"
        case .nestingTooDeep(let line, let limit):
            return "line \(line): components nested deeper than \(limit) levels"
        case .tooManyEvents(let line, let limit):
            return "line \(line): more than \(limit) events"
        case .unsupportedVersion(let line, let version):
            return "line \(line): VERSION \(version) is not supported (only iCalendar 2.0)"
        case .unsupportedCalendarScale(let line, let scale):
            return "line \(line): CALSCALE \(scale) is not supported (only GREGORIAN)"
        case .missingProperty(let line, let component, let property):
            return "line \(line): \(component) has no \(property)"
        case .duplicateProperty(let line, let property):
            return "line \(line): \(property) appears more than once"
        case .invalidValue(let line, let property, let value):
            return "line \(line): '\(value)' is not a valid \(property) value"
        case .valueTypeMismatch(let line, let property):
            return "line \(line): \(property) must be a DATE when DTSTART is a DATE, and a DATE-TIME otherwise"
        case .endAndDuration(let line):
            return "line \(line): an event may have DTEND or DURATION, not both"
        case .endBeforeStart(let line):
            return "line \(line): the event ends before it starts"
        case .invalidRecurrenceRule(let line, let part, let value):
            return "line \(line): RRULE part \(part)=\(value) is invalid"
        case .unsupportedRecurrenceRule(let line, let part, let value):
            return "line \(line): RRULE part \(part)=\(value) is not supported"
        case .rangeTooLarge(let days, let limit):
            return "a range of \(days) days is longer than the limit of \(limit)"
        case .tooManyOccurrences(let limit):
            return "more than \(limit) occurrences in the range"
        case .recurrenceTooLong(let line, let limit):
            return "line \(line): expanding the recurrence needs more than \(limit) steps"
        }
    }
}

/// Formatting helpers for error and warning messages.
enum MessageText {
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// At most `limit` characters of `text`, with `…` when cut, so error messages stay one line.
    static func excerpt(_ text: some StringProtocol, limit: Int = 40) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }
}
