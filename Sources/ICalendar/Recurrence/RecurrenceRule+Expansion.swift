import Scheduling

extension RecurrenceRule {
    /// The start dates of the recurrence set from `start` (the DTSTART date), that lie in `window`.
    ///
    /// RFC 5545 §3.3.10: each period of FREQ × INTERVAL (a year, month, week or day) is expanded
    /// or limited by the BYxxx parts as the table in that section says, then BYSETPOS picks
    /// from the period's sorted set. DTSTART is always the first occurrence and counts towards
    /// COUNT (§3.8.5.3). `isPastUntil` tells whether a date lies after UNTIL (the caller knows the
    /// time of day and zone to compare in). Rules without COUNT skip straight to the periods near
    /// `window`; `steps` counts the periods examined, against `stepLimit`.
    func dates(
        start: LocalDate, window: ClosedRange<LocalDate>, isPastUntil: (LocalDate) -> Bool, steps: inout Int,
        stepLimit: Int, line: Int
    ) throws(ICalendarError) -> [LocalDate] {
        var result: [LocalDate] = []
        if window.contains(start) { result.append(start) }
        var count = 1
        let maximumCount: Int?
        if case .count(let limit) = end { maximumCount = limit } else { maximumCount = nil }
        if let maximumCount, maximumCount <= 1 { return result }
        guard start <= window.upperBound else { return result }

        var period = maximumCount == nil ? firstPeriod(near: window.lowerBound, start: start) : 0
        while true {
            steps += 1
            guard steps <= stepLimit else { throw .recurrenceTooLong(line: line, limit: stepLimit) }
            guard let (first, candidates) = candidates(period: period, start: start), first <= window.upperBound else {
                break
            }
            for date in candidates where date > start {
                if isPastUntil(date) || date > window.upperBound { return result }
                count += 1
                if let maximumCount, count > maximumCount { return result }
                if date >= window.lowerBound { result.append(date) }
            }
            period += 1
        }
        return result
    }

    /// A period index a little before the one containing `date`, so that no occurrence in range
    /// is missed; only for rules without COUNT, which must otherwise count from DTSTART.
    private func firstPeriod(near date: LocalDate, start: LocalDate) -> Int {
        guard date > start else { return 0 }
        let units: Int
        switch frequency {
        case .daily: units = start.days(until: date)
        case .weekly: units = firstDayOfWeek(containing: start).days(until: date) / 7
        case .monthly: units = (date.year * 12 + date.month) - (start.year * 12 + start.month)
        case .yearly: units = date.year - start.year
        }
        return max(0, units / interval - 1)
    }

    private func firstDayOfWeek(containing date: LocalDate) -> LocalDate {
        date.adding(days: -((date.weekday.rawValue - weekStart.rawValue + 7) % 7))
    }

    /// The first day of period `index` and its candidate dates, sorted; nil past year 9999.
    private func candidates(period index: Int, start: LocalDate) -> (LocalDate, [LocalDate])? {
        let step = index * interval
        var dates: [LocalDate]
        let first: LocalDate
        switch frequency {
        case .yearly:
            let year = start.year + step
            guard year <= 9999, let january = LocalDate(year: year, month: 1, day: 1) else { return nil }
            first = january
            dates = yearly(year: year, start: start)
        case .monthly:
            let total = start.year * 12 + (start.month - 1) + step
            let (year, month) = (total / 12, total % 12 + 1)
            guard year <= 9999, let firstOfMonth = LocalDate(year: year, month: month, day: 1) else { return nil }
            first = firstOfMonth
            dates = byMonth.isEmpty || byMonth.contains(month) ? inMonth(year: year, month: month, start: start) : []
        case .weekly:
            first = firstDayOfWeek(containing: start).adding(days: 7 * step)
            guard first.year <= 9999 else { return nil }
            let weekdays = byDay.isEmpty ? [start.weekday] : byDay.map(\.weekday)
            dates = weekdays.map { first.adding(days: ($0.rawValue - weekStart.rawValue + 7) % 7) }
            if !byMonth.isEmpty { dates = dates.filter { byMonth.contains($0.month) } }
        case .daily:
            first = start.adding(days: step)
            guard first.year <= 9999 else { return nil }
            dates = matchesLimits(first) ? [first] : []
        }
        dates = Array(Set(dates)).sorted()
        return (first, bySetPosition.isEmpty ? dates : setPositions(dates))
    }

    /// YEARLY: BYMONTH expands to months; BYMONTHDAY to days of those months (or of every month);
    /// BYDAY to weekdays of the year, or of the months when BYMONTH is given (§3.3.10, the notes to its table).
    private func yearly(year: Int, start: LocalDate) -> [LocalDate] {
        let months = byMonth.isEmpty ? nil : byMonth
        if !byMonthDay.isEmpty {
            return (months ?? Array(1...12)).flatMap { monthDays(year: year, month: $0) }.filter(matchesWeekday)
        }
        if !byDay.isEmpty {
            if let months {
                return months.flatMap { month in
                    let range = monthRange(year: year, month: month)
                    return weekdays(in: range.first, range.last)
                }
            }
            guard let first = LocalDate(year: year, month: 1, day: 1),
                let last = LocalDate(year: year, month: 12, day: 31)
            else { return [] }
            return weekdays(in: first, last)
        }
        return (months ?? [start.month]).compactMap { LocalDate(year: year, month: $0, day: start.day) }
    }

    /// MONTHLY: BYMONTHDAY expands to days (BYDAY then limits them); otherwise BYDAY expands to
    /// weekdays of the month; otherwise DTSTART's day of the month, skipped where it does not exist.
    private func inMonth(year: Int, month: Int, start: LocalDate) -> [LocalDate] {
        if !byMonthDay.isEmpty { return monthDays(year: year, month: month).filter(matchesWeekday) }
        if !byDay.isEmpty {
            let range = monthRange(year: year, month: month)
            return weekdays(in: range.first, range.last)
        }
        return LocalDate(year: year, month: month, day: start.day).map { [$0] } ?? []
    }

    private func monthRange(year: Int, month: Int) -> (first: LocalDate, last: LocalDate) {
        let first = LocalDate(year: year, month: month, day: 1) ?? LocalDate(dayNumber: 0)
        return (first, first.adding(days: LocalDate.daysInMonth(year: year, month: month) - 1))
    }

    /// The BYMONTHDAY days of a month; negative days count from its end, days it lacks are skipped.
    private func monthDays(year: Int, month: Int) -> [LocalDate] {
        let length = LocalDate.daysInMonth(year: year, month: month)
        return byMonthDay.compactMap { day in
            let resolved = day > 0 ? day : length + day + 1
            return resolved >= 1 && resolved <= length ? LocalDate(year: year, month: month, day: resolved) : nil
        }
    }

    /// The BYDAY dates between `first` and `last`: every such weekday, or the n-th (from the end
    /// when negative) when an ordinal is given.
    private func weekdays(in first: LocalDate, _ last: LocalDate) -> [LocalDate] {
        var result: [LocalDate] = []
        for entry in byDay {
            let firstMatch = first.adding(days: (entry.weekday.rawValue - first.weekday.rawValue + 7) % 7)
            switch entry.ordinal {
            case nil:
                var date = firstMatch
                while date <= last {
                    result.append(date)
                    date = date.adding(days: 7)
                }
            case .some(let ordinal) where ordinal > 0:
                let date = firstMatch.adding(days: 7 * (ordinal - 1))
                if date <= last { result.append(date) }
            case .some(let ordinal):
                let lastMatch = last.adding(days: -((last.weekday.rawValue - entry.weekday.rawValue + 7) % 7))
                let date = lastMatch.adding(days: -7 * (-ordinal - 1))
                if date >= first { result.append(date) }
            }
        }
        return result
    }

    private func matchesWeekday(_ date: LocalDate) -> Bool {
        byDay.isEmpty || byDay.contains { $0.weekday == date.weekday }
    }

    /// DAILY: every BYxxx part limits (§3.3.10 table).
    private func matchesLimits(_ date: LocalDate) -> Bool {
        if !byMonth.isEmpty, !byMonth.contains(date.month) { return false }
        if !byMonthDay.isEmpty {
            let length = LocalDate.daysInMonth(year: date.year, month: date.month)
            guard byMonthDay.contains(where: { $0 == date.day || length + $0 + 1 == date.day }) else { return false }
        }
        return matchesWeekday(date)
    }

    /// BYSETPOS: the n-th (from the end when negative) dates of the period's sorted set.
    private func setPositions(_ dates: [LocalDate]) -> [LocalDate] {
        let picked = bySetPosition.compactMap { position -> LocalDate? in
            let index = position > 0 ? position - 1 : dates.count + position
            return dates.indices.contains(index) ? dates[index] : nil
        }
        return Array(Set(picked)).sorted()
    }
}
