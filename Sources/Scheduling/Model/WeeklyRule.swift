/// A recurring weekly period: on these weekdays, from one wall-clock time to another, within an
/// optional validity range, every n weeks.
///
/// Used for opening hours (with a contingent when it belongs to a counter) and for breaks.
package struct WeeklyRule: Hashable, Sendable {
    package var weekdays: Set<Weekday>
    package var from: LocalTime
    package var to: LocalTime
    /// First date on which the rule applies (inclusive); nil: always.
    package var validFrom: LocalDate?
    /// Last date on which the rule applies (inclusive); nil: open-ended.
    package var validUntil: LocalDate?
    /// 1 for every week, 2 for every other week, …
    package var everyWeeks: Int
    /// A date in a week in which the rule applies, for `everyWeeks > 1`; defaults to `validFrom`.
    package var anchor: LocalDate?
    /// For counter hours: to whom the time is opened. Ignored for office hours and breaks.
    package var contingent: Contingent

    package init(
        weekdays: Set<Weekday>, from: LocalTime, to: LocalTime, validFrom: LocalDate? = nil,
        validUntil: LocalDate? = nil, everyWeeks: Int = 1, anchor: LocalDate? = nil,
        contingent: Contingent = .online
    ) {
        self.weekdays = weekdays
        self.from = from
        self.to = to
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.everyWeeks = max(1, everyWeeks)
        self.anchor = anchor
        self.contingent = contingent
    }

    /// Whether the rule applies on `date`.
    package func applies(on date: LocalDate) -> Bool {
        guard weekdays.contains(date.weekday) else { return false }
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        guard everyWeeks > 1 else { return true }
        let reference = anchor ?? validFrom ?? LocalDate(dayNumber: 4)  // 1970-01-05, a Monday
        let weeks = WeeklyRule.weekIndex(date) - WeeklyRule.weekIndex(reference)
        return ((weeks % everyWeeks) + everyWeeks) % everyWeeks == 0
    }

    /// The number of the Monday-based week containing `date`, counted from 1970-01-05.
    private static func weekIndex(_ date: LocalDate) -> Int {
        let days = date.dayNumber - 4
        return days >= 0 ? days / 7 : -((-days + 6) / 7)
    }
}

/// A day or part of a day on which an office, or some of its counters, is closed.
package struct Closure: Hashable, Sendable {
    package var date: LocalDate
    /// Start of a partial closure; nil: from the start of the day.
    package var from: LocalTime?
    /// End of a partial closure; nil: to the end of the day.
    package var to: LocalTime?
    /// Why, for staff and the closure calendar ("Heiligabend", "Personalversammlung").
    package var reason: String
    /// The counters it closes; empty: the whole office.
    package var counters: Set<CounterID>

    package init(
        date: LocalDate, from: LocalTime? = nil, to: LocalTime? = nil, reason: String,
        counters: Set<CounterID> = []
    ) {
        self.date = date
        self.from = from
        self.to = to
        self.reason = reason
        self.counters = counters
    }

    /// Whether it closes the whole day.
    package var isWholeDay: Bool { (from ?? .midnight) == .midnight && (to ?? .endOfDay) == .endOfDay }
}

extension Closure {
    /// The closure of a holiday or of an event in a closure calendar.
    package init(occurrence: ClosureOccurrence) {
        self.init(
            date: occurrence.date, from: occurrence.isWholeDay ? nil : occurrence.from,
            to: occurrence.isWholeDay ? nil : occurrence.to, reason: occurrence.reason)
    }
}

extension WeeklyRule {
    /// A date and times at which this rule and `other` both apply, if they ever do: the first
    /// common date within their validity (the every-n-weeks patterns repeat within 8 × 8 weeks)
    /// and the time both cover on it.
    package func overlap(with other: WeeklyRule) -> (date: LocalDate, from: LocalTime, to: LocalTime)? {
        let from = max(self.from, other.from)
        let to = min(self.to, other.to)
        guard from < to, !weekdays.isDisjoint(with: other.weekdays) else { return nil }
        let starts = [validFrom, other.validFrom].compactMap { $0 }
        let ends = [validUntil, other.validUntil].compactMap { $0 }
        let first = starts.max() ?? LocalDate(dayNumber: 4)
        let last = min(ends.min() ?? first.adding(days: 64 * 7), first.adding(days: 64 * 7))
        guard first <= last else { return nil }
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            if applies(on: date), other.applies(on: date) { return (date, from, to) }
        }
        return nil
    }
}
