package import Scheduling

/// Writes VTIMEZONE components (RFC 5545 §3.6.5) from the system's tz database.
///
/// §3.6.5 requires a VTIMEZONE for every TZID a file uses. The definition is derived from the
/// zone's actual offset changes: when the changes of every year in the range follow one yearly
/// rule ("last Sunday of March at 02:00"), it is written as a STANDARD and a DAYLIGHT observance
/// with RRULE:FREQ=YEARLY, the way Outlook, Thunderbird and Google write European zones;
/// otherwise each change is written as its own observance.
package enum TimeZoneDefinition {
    /// A VTIMEZONE for `zone` that is correct for every instant in `years`.
    package static func component(for zone: OfficeTimeZone, years: ClosedRange<Int>) -> ICalendarComponent {
        var timeZone = ICalendarComponent(
            name: "VTIMEZONE",
            properties: [
                ContentLine(name: "TZID", value: zone.identifier),
                ContentLine(name: "X-LIC-LOCATION", value: zone.identifier),
            ])
        // The observance in force on 1 January of the first year began the year before.
        let first = max(years.lowerBound - 1, 1)
        let last = min(years.upperBound, 9998)
        let changes = (first...max(first, last)).map { transitions(of: zone, in: $0) }
        let all = changes.flatMap { $0 }

        guard let reference = changes.first, !all.isEmpty else {
            let offset =
                LocalDate(year: first, month: 1, day: 1).map { zone.offsetSeconds(at: zone.frame(of: $0).start) } ?? 0
            timeZone.components = [
                observance("STANDARD", start: "19700101T000000", from: offset, to: offset, rule: nil)
            ]
            return timeZone
        }
        let rules = reference.map(yearlyRule)
        let followsRules = changes.allSatisfy { year in
            year.count == rules.count
                && zip(year, rules).allSatisfy { change, rule in
                    change.from == rule.from && change.to == rule.to && yearlyRule(change) == rule
                }
        }
        if followsRules, !rules.isEmpty {
            timeZone.components = zip(reference, rules).map { change, rule in
                observance(
                    kind(change, in: reference), start: localOnset(change), from: change.from, to: change.to,
                    rule: rule.recurrence)
            }
        } else {
            timeZone.components = changes.flatMap { year in
                year.map { observance(kind($0, in: year), start: localOnset($0), from: $0.from, to: $0.to, rule: nil) }
            }
        }
        return timeZone
    }

    /// One change of a zone's UTC offset.
    struct Transition: Equatable {
        /// The first instant with the new offset.
        var instant: Instant
        var from: Int
        var to: Int
    }

    /// A yearly rule that reproduces a transition: its month, weekday and week of the month (or
    /// -1 for the last), the local wall-clock second (before the change) and the offsets.
    private struct YearlyRule: Equatable {
        var month: Int
        var weekday: Weekday
        var ordinal: Int
        var secondOfDay: Int
        var from: Int
        var to: Int

        var recurrence: RecurrenceRule {
            RecurrenceRule(
                frequency: .yearly, byMonth: [month], byDay: [RecurrenceRule.WeekdayNumber(weekday, ordinal: ordinal)])
        }
    }

    /// The offset changes of `zone` in `year`, found by sampling each UTC midnight and bisecting
    /// to the second (zones change offset at most once a day).
    static func transitions(of zone: OfficeTimeZone, in year: Int) -> [Transition] {
        guard let january = LocalDate(year: year, month: 1, day: 1) else { return [] }
        let days = LocalDate.isLeapYear(year) ? 366 : 365
        var result: [Transition] = []
        var previous = Instant(secondsSinceEpoch: Int64(january.dayNumber) * 86_400)
        var previousOffset = zone.offsetSeconds(at: previous)
        for day in 1...days {
            let instant = Instant(secondsSinceEpoch: Int64(january.dayNumber + day) * 86_400)
            let offset = zone.offsetSeconds(at: instant)
            if offset != previousOffset {
                var low = previous.secondsSinceEpoch
                var high = instant.secondsSinceEpoch
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if zone.offsetSeconds(at: Instant(secondsSinceEpoch: middle)) == previousOffset {
                        low = middle
                    } else {
                        high = middle
                    }
                }
                result.append(Transition(instant: Instant(secondsSinceEpoch: high), from: previousOffset, to: offset))
            }
            previous = instant
            previousOffset = offset
        }
        return result
    }

    private static func yearlyRule(_ change: Transition) -> YearlyRule {
        let (date, second) = change.instant.adding(seconds: change.from).utc
        let isLast = date.day + 7 > LocalDate.daysInMonth(year: date.year, month: date.month)
        return YearlyRule(
            month: date.month, weekday: date.weekday, ordinal: isLast ? -1 : (date.day - 1) / 7 + 1,
            secondOfDay: second, from: change.from, to: change.to)
    }

    /// DAYLIGHT for the change to the larger offset in a year with a change each way; STANDARD
    /// otherwise (a permanent change of a zone's offset is a new standard time).
    private static func kind(_ change: Transition, in year: [Transition]) -> String {
        let hasReturn = year.contains { $0.to == change.from && $0.from == change.to }
        return change.to > change.from && hasReturn ? "DAYLIGHT" : "STANDARD"
    }

    /// §3.6.5: an observance's DTSTART is the local time of the onset in the offset before it.
    private static func localOnset(_ change: Transition) -> String {
        let (date, second) = change.instant.adding(seconds: change.from).utc
        return ICalendarTime.floating(date, secondOfDay: second).text
    }

    private static func observance(
        _ kind: String, start: String, from: Int, to: Int, rule: RecurrenceRule?
    ) -> ICalendarComponent {
        var properties = [
            ContentLine(name: "TZOFFSETFROM", value: offset(from)),
            ContentLine(name: "TZOFFSETTO", value: offset(to)),
            ContentLine(name: "DTSTART", value: start),
        ]
        if let rule { properties.append(ContentLine(name: "RRULE", value: rule.text)) }
        return ICalendarComponent(name: kind, properties: properties)
    }

    /// A UTC-OFFSET value (§3.3.14): `+0100`, `-0330`, with seconds only when there are any.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        var text = sign + Digits.padded(magnitude / 3600, 2) + Digits.padded(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += Digits.padded(magnitude % 60, 2) }
        return text
    }
}
