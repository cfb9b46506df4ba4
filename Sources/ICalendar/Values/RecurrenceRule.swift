package import Scheduling

/// A recurrence rule (RFC 5545 §3.3.10, the value of RRULE), limited to what closure and booking
/// calendars use: FREQ YEARLY, MONTHLY, WEEKLY or DAILY with INTERVAL, COUNT or UNTIL, BYMONTH,
/// BYMONTHDAY, BYDAY (with ordinals for MONTHLY and YEARLY), BYSETPOS and WKST.
///
/// Rules with SECONDLY, MINUTELY or HOURLY, BYWEEKNO, BYYEARDAY, BYHOUR, BYMINUTE, BYSECOND or a
/// non-Gregorian RSCALE are rejected with `ICalendarError.unsupportedRecurrenceRule`: ignoring
/// them would silently produce different days.
package struct RecurrenceRule: Hashable, Sendable {
    /// FREQ: the unit the rule repeats in.
    package enum Frequency: String, Hashable, Sendable {
        case yearly = "YEARLY"
        case monthly = "MONTHLY"
        case weekly = "WEEKLY"
        case daily = "DAILY"
    }

    /// How the rule ends: after a number of occurrences, or at a last date or time (inclusive).
    package enum End: Hashable, Sendable {
        case count(Int)
        case until(ICalendarTime)
    }

    /// One BYDAY entry: a weekday, optionally the n-th (or n-th from last when negative) in the
    /// month or year (`1MO`, `-1SU`).
    package struct WeekdayNumber: Hashable, Sendable {
        /// 1…53 or -53…-1; nil for every such weekday in the period.
        package var ordinal: Int?
        /// The weekday.
        package var weekday: Weekday

        /// `weekday`, optionally the `ordinal`-th in the month or year.
        package init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    /// FREQ.
    package var frequency: Frequency
    /// INTERVAL, at least 1.
    package var interval: Int
    /// COUNT or UNTIL; nil for a rule without end.
    package var end: End?
    /// BYMONTH: months 1–12.
    package var byMonth: [Int]
    /// BYMONTHDAY: days 1–31 or -31 – -1 (counted from the end of the month).
    package var byMonthDay: [Int]
    /// BYDAY: weekdays, with ordinals only for MONTHLY and YEARLY.
    package var byDay: [WeekdayNumber]
    /// BYSETPOS: positions within each period's set, 1-based, negative from the end.
    package var bySetPosition: [Int]
    /// WKST: the first day of the week, which decides which weeks WEEKLY with INTERVAL > 1 takes.
    package var weekStart: Weekday

    /// A rule with the given parts; the defaults are those of RFC 5545 (INTERVAL=1, WKST=MO).
    package init(
        frequency: Frequency, interval: Int = 1, end: End? = nil, byMonth: [Int] = [], byMonthDay: [Int] = [],
        byDay: [WeekdayNumber] = [], bySetPosition: [Int] = [], weekStart: Weekday = .monday
    ) {
        self.frequency = frequency
        self.interval = interval
        self.end = end
        self.byMonth = byMonth
        self.byMonthDay = byMonthDay
        self.byDay = byDay
        self.bySetPosition = bySetPosition
        self.weekStart = weekStart
    }

    private static let weekdayCodes: [(String, Weekday)] = [
        ("MO", .monday), ("TU", .tuesday), ("WE", .wednesday), ("TH", .thursday), ("FR", .friday),
        ("SA", .saturday), ("SU", .sunday),
    ]

    static func code(_ weekday: Weekday) -> String {
        weekdayCodes.first { $0.1 == weekday }?.0 ?? "MO"
    }

    /// Parses an RRULE value such as `FREQ=WEEKLY;UNTIL=20261216T225959Z;BYDAY=WE`; errors name
    /// `line` and the offending part.
    static func parse(_ text: String, line: Int) throws(ICalendarError) -> RecurrenceRule {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pieces[0].uppercased()
            guard pieces.count == 2 else {
                throw .invalidRecurrenceRule(line: line, part: MessageText.excerpt(name), value: "")
            }
            let value = String(pieces[1]).uppercased()
            if name.hasPrefix("X-") { continue }
            guard parts[name] == nil else {
                throw .invalidRecurrenceRule(line: line, part: MessageText.excerpt(name), value: "repeated")
            }
            parts[name] = value
        }
        func invalid(_ part: String) -> ICalendarError {
            .invalidRecurrenceRule(line: line, part: part, value: MessageText.excerpt(parts[part] ?? ""))
        }
        func unsupported(_ part: String) -> ICalendarError {
            .unsupportedRecurrenceRule(line: line, part: part, value: MessageText.excerpt(parts[part] ?? ""))
        }
        func integers(_ part: String, _ valid: (Int) -> Bool) throws(ICalendarError) -> [Int] {
            guard let value = parts[part] else { return [] }
            var result: [Int] = []
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = signedInteger(item), valid(number) else { throw invalid(part) }
                result.append(number)
            }
            return result
        }

        for name in parts.keys.sorted() {
            switch name {
            case "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST": continue
            case "RSCALE" where parts[name] == "GREGORIAN": continue
            case "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "RSCALE", "SKIP": throw unsupported(name)
            default: throw .invalidRecurrenceRule(line: line, part: MessageText.excerpt(name), value: "unknown part")
            }
        }

        guard let frequencyText = parts["FREQ"] else {
            throw .invalidRecurrenceRule(line: line, part: "FREQ", value: "missing")
        }
        guard let frequency = Frequency(rawValue: frequencyText) else {
            if ["SECONDLY", "MINUTELY", "HOURLY"].contains(frequencyText) { throw unsupported("FREQ") }
            throw invalid("FREQ")
        }
        var rule = RecurrenceRule(frequency: frequency)
        if parts["INTERVAL"] != nil {
            guard let interval = try integers("INTERVAL", { $0 >= 1 }).first else { throw invalid("INTERVAL") }
            rule.interval = interval
        }
        switch (parts["COUNT"], parts["UNTIL"]) {
        case (.some, .some):
            throw .invalidRecurrenceRule(line: line, part: "UNTIL", value: "together with COUNT")
        case (.some, nil):
            guard let count = try integers("COUNT", { $0 >= 1 }).first else { throw invalid("COUNT") }
            rule.end = .count(count)
        case (nil, .some(let until)):
            guard let time = ICalendarTime.parse(until, isDate: until.utf8.count == 8, zone: nil) else {
                throw invalid("UNTIL")
            }
            rule.end = .until(time)
        case (nil, nil):
            break
        }
        rule.byMonth = try integers("BYMONTH") { (1...12).contains($0) }
        rule.byMonthDay = try integers("BYMONTHDAY") { (1...31).contains(abs($0)) }
        rule.bySetPosition = try integers("BYSETPOS") { (1...366).contains(abs($0)) }
        if let days = parts["BYDAY"] {
            let maximumOrdinal = frequency == .yearly ? 53 : 5
            for item in days.split(separator: ",", omittingEmptySubsequences: false) {
                guard item.count >= 2, let weekday = weekdayCodes.first(where: { $0.0 == item.suffix(2) })?.1 else {
                    throw invalid("BYDAY")
                }
                var ordinal: Int?
                if item.count > 2 {
                    // §3.3.10: a numeric BYDAY is only allowed with MONTHLY or YEARLY.
                    guard frequency == .monthly || frequency == .yearly, let number = signedInteger(item.dropLast(2)),
                        number != 0, abs(number) <= maximumOrdinal
                    else { throw invalid("BYDAY") }
                    ordinal = number
                }
                rule.byDay.append(WeekdayNumber(weekday, ordinal: ordinal))
            }
        }
        if let start = parts["WKST"] {
            guard let weekday = weekdayCodes.first(where: { $0.0 == start })?.1 else { throw invalid("WKST") }
            rule.weekStart = weekday
        }
        // §3.3.10: BYMONTHDAY is not defined for WEEKLY; BYSETPOS needs another BYxxx part.
        if frequency == .weekly, !rule.byMonthDay.isEmpty { throw invalid("BYMONTHDAY") }
        if !rule.bySetPosition.isEmpty, rule.byMonth.isEmpty, rule.byMonthDay.isEmpty, rule.byDay.isEmpty {
            throw invalid("BYSETPOS")
        }
        return rule
    }

    /// The value as written in an RRULE, parts in a fixed order:
    /// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`.
    package var text: String {
        var parts = ["FREQ=" + frequency.rawValue]
        switch end {
        case .until(let time): parts.append("UNTIL=" + time.text)
        case .count(let count): parts.append("COUNT=\(count)")
        case nil: break
        }
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map(String.init).joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        if !byDay.isEmpty {
            let days = byDay.map { ($0.ordinal.map(String.init) ?? "") + Self.code($0.weekday) }
            parts.append("BYDAY=" + days.joined(separator: ","))
        }
        if !bySetPosition.isEmpty { parts.append("BYSETPOS=" + bySetPosition.map(String.init).joined(separator: ",")) }
        if weekStart != .monday { parts.append("WKST=" + Self.code(weekStart)) }
        return parts.joined(separator: ";")
    }
}

/// `[+|-]digits` with at most nine digits, or nil.
func signedInteger(_ text: some StringProtocol) -> Int? {
    var bytes = Array(text.utf8)[...]
    var sign = 1
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
        sign = first == UInt8(ascii: "-") ? -1 : 1
        bytes = bytes.dropFirst()
    }
    guard bytes.count <= 9, let value = Digits.value(bytes) else { return nil }
    return sign * value
}
