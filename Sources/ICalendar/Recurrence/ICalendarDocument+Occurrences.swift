package import Scheduling

extension ICalendarDocument {
    /// Every occurrence of the document's events that overlaps the local days `dates` of `zone`,
    /// sorted by start.
    ///
    /// - Recurring events are expanded by RRULE and RDATE, minus EXDATE (RFC 5545 §3.8.5); the
    ///   expansion never goes past `dates`, and `limits` bound the range, the work and the result.
    /// - Overrides (a VEVENT with the master's UID and a RECURRENCE-ID, §3.8.4.4) are applied:
    ///   the instance they name is replaced by the override, or removed when the override is
    ///   cancelled.
    /// - Events with STATUS:CANCELLED are skipped, with their overrides; TRANSP is ignored.
    /// - Each occurrence lasts as long as the event: DTEND − DTSTART as exact time (§3.8.5.3), or
    ///   DURATION with nominal days; an all-day event without DTEND is one day, a timed one without
    ///   DTEND or DURATION is an instant.
    /// - Floating times are read in `zone`.
    package func occurrences(
        in dates: ClosedRange<LocalDate>, zone: OfficeTimeZone, limits: ICalendarLimits = ICalendarLimits()
    ) throws(ICalendarError) -> [ICalendarOccurrence] {
        let days = dates.lowerBound.days(until: dates.upperBound) + 1
        guard days <= limits.maximumRangeDays else { throw .rangeTooLarge(days: days, limit: limits.maximumRangeDays) }
        var expansion = Expansion(
            dates: dates, zone: zone, limits: limits,
            lowerInstant: zone.frame(of: dates.lowerBound).start,
            upperInstant: zone.frame(of: dates.upperBound.adding(days: 1)).start)

        var overrides: [String: [ICalendarTime]] = [:]
        var cancelledSeries: Set<String> = []
        for event in events {
            if let recurrenceID = event.recurrenceID { overrides[event.uid, default: []].append(recurrenceID) }
            if event.recurrenceID == nil, event.status == .cancelled, !event.uid.isEmpty {
                cancelledSeries.insert(event.uid)
            }
        }
        for event in events where event.status != .cancelled {
            if event.recurrenceID != nil {
                // A cancelled series takes its moved instances with it.
                guard !cancelledSeries.contains(event.uid) else { continue }
                try expansion.add(event, starts: [event.start])
            } else {
                try expansion.expand(event, replaced: overrides[event.uid] ?? [])
            }
        }
        let keyed = expansion.result.map { (key: expansion.sortKey($0), occurrence: $0) }
        return keyed.sorted { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.occurrence.uid < rhs.occurrence.uid
        }.map(\.occurrence)
    }
}

/// The state of one expansion: the window, the budget and what was found.
private struct Expansion {
    let dates: ClosedRange<LocalDate>
    let zone: OfficeTimeZone
    let limits: ICalendarLimits
    let lowerInstant: Instant
    let upperInstant: Instant
    var steps = 0
    var result: [ICalendarOccurrence] = []

    init(
        dates: ClosedRange<LocalDate>, zone: OfficeTimeZone, limits: ICalendarLimits, lowerInstant: Instant,
        upperInstant: Instant
    ) {
        self.dates = dates
        self.zone = zone
        self.limits = limits
        self.lowerInstant = lowerInstant
        self.upperInstant = upperInstant
    }

    /// How long each occurrence of `event` lasts: nominal days, then exact seconds.
    private func length(of event: ICalendarEvent) -> (days: Int, seconds: Int) {
        if event.start.isDate {
            if case .date(let end)? = event.end { return (max(1, event.start.writtenDate.days(until: end)), 0) }
            if let duration = event.duration {
                // A DATE start with a time-based duration covers every day it touches.
                return (max(1, duration.days + (duration.seconds + 86_399) / 86_400), 0)
            }
            return (1, 0)
        }
        if let end = event.end {
            let seconds = event.start.instant(in: zone).seconds(until: end.instant(in: zone))
            return (0, Int(seconds))
        }
        if let duration = event.duration { return (duration.days, duration.seconds) }
        return (0, 0)
    }

    mutating func expand(_ event: ICalendarEvent, replaced: [ICalendarTime]) throws(ICalendarError) {
        let line = event.sourceLine ?? 0
        var starts: [ICalendarTime] = []
        if let rule = event.recurrenceRule {
            let (days, seconds) = length(of: event)
            // Generate in the event's own frame with a margin: a UTC or foreign-zone start may fall
            // on a neighbouring date in the office's zone, and a long event reaches back into range.
            let margin = days + seconds / 86_400 + 2
            let window = dates.lowerBound.adding(days: -margin)...dates.upperBound.adding(days: 2)
            let isPastUntil = untilTest(rule, start: event.start)
            let found = try rule.dates(
                start: event.start.writtenDate, window: window, isPastUntil: isPastUntil, steps: &steps,
                stepLimit: limits.maximumRecurrenceSteps, line: line)
            starts = found.map { event.start.moved(to: $0) }
        } else {
            starts = [event.start]
        }
        for extra in event.recurrenceDates where !starts.contains(where: { same($0, extra) }) {
            starts.append(extra)
        }
        starts.removeAll { start in
            event.exceptionDates.contains { same($0, start) } || replaced.contains { same($0, start) }
        }
        try add(event, starts: starts)
    }

    /// Adds the occurrences of `event` starting at `starts` that overlap the range.
    mutating func add(_ event: ICalendarEvent, starts: [ICalendarTime]) throws(ICalendarError) {
        let (days, seconds) = length(of: event)
        for start in starts {
            let span: OccurrenceSpan
            if case .date(let first) = start {
                span = .days(first: first, last: first.adding(days: max(1, days) - 1))
                guard first <= dates.upperBound, first.adding(days: max(1, days) - 1) >= dates.lowerBound else {
                    continue
                }
            } else {
                let begin = start.instant(in: zone)
                let base = days == 0 ? begin : start.moved(to: start.writtenDate.adding(days: days)).instant(in: zone)
                let end = base.adding(seconds: seconds)
                span = .time(start: begin, end: end)
                let overlaps =
                    begin == end
                    ? begin >= lowerInstant && begin < upperInstant : end > lowerInstant && begin < upperInstant
                guard overlaps else { continue }
            }
            guard result.count < limits.maximumOccurrences else {
                throw .tooManyOccurrences(limit: limits.maximumOccurrences)
            }
            result.append(
                ICalendarOccurrence(
                    uid: event.uid, summary: event.summary, location: event.location, start: start, span: span))
        }
    }

    /// Whether a generated date lies after the rule's UNTIL, compared as RFC 5545 §3.3.10 says:
    /// dates with dates, times as instants.
    private func untilTest(_ rule: RecurrenceRule, start: ICalendarTime) -> (LocalDate) -> Bool {
        guard case .until(let until) = rule.end else { return { _ in false } }
        if case .date(let last) = until { return { $0 > last } }
        if start.isDate {
            let last = zone.local(until.instant(in: zone)).date
            return { $0 > last }
        }
        let limit = until.instant(in: zone)
        let zone = self.zone
        return { start.moved(to: $0).instant(in: zone) > limit }
    }

    /// Whether two starts name the same instance: EXDATE and RECURRENCE-ID against generated
    /// starts. Dates compare by date (a DATE against a DATE-TIME matches that day), times by
    /// instant.
    private func same(_ a: ICalendarTime, _ b: ICalendarTime) -> Bool {
        if a.isDate || b.isDate { return localDate(a) == localDate(b) }
        return a.instant(in: zone) == b.instant(in: zone)
    }

    private func localDate(_ time: ICalendarTime) -> LocalDate {
        if case .utc(let instant) = time { return zone.local(instant).date }
        return time.writtenDate
    }

    func sortKey(_ occurrence: ICalendarOccurrence) -> Instant {
        switch occurrence.span {
        case .days(let first, _): zone.frame(of: first).start
        case .time(let start, _): start
        }
    }
}
