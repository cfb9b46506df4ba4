package import Scheduling

/// Turns a closure calendar (an `.ics` file an office exported from Outlook, Thunderbird or
/// Google) into the closures the scheduling core understands.
package enum ICalendarClosures {
    /// The closures of the office in `zone` on the local days `dates`, read from iCalendar `text`.
    ///
    /// An all-day event closes whole days; a timed event closes the local wall-clock time it
    /// covers on each day it touches, split at midnight and rounded outwards to whole minutes.
    /// Floating times and unknown TZIDs are read in `zone`. The result is sorted by date and time;
    /// the reason is the event's SUMMARY. Warnings (see `ICalendarReader`) are returned alongside.
    package static func closures(
        from text: String, zone: OfficeTimeZone, dates: ClosedRange<LocalDate>,
        limits: ICalendarLimits = ICalendarLimits()
    ) throws(ICalendarError) -> (closures: [ClosureOccurrence], warnings: [ICalendarWarning]) {
        let reading = try ICalendarReader(defaultZone: zone, limits: limits).read(text)
        let occurrences = try reading.document.occurrences(in: dates, zone: zone, limits: limits)
        return (closures(of: occurrences, zone: zone, dates: dates), reading.warnings)
    }

    /// The closures that `occurrences` make on the local days `dates` of `zone`.
    package static func closures(
        of occurrences: [ICalendarOccurrence], zone: OfficeTimeZone, dates: ClosedRange<LocalDate>
    ) -> [ClosureOccurrence] {
        var result: [ClosureOccurrence] = []
        for occurrence in occurrences {
            let reason = occurrence.summary.flatMap { $0.isEmpty ? nil : $0 } ?? "Schließtag"
            switch occurrence.span {
            case .days(let first, let last):
                var date = max(first, dates.lowerBound)
                while date <= min(last, dates.upperBound) {
                    result.append(ClosureOccurrence(date: date, reason: reason))
                    date = date.adding(days: 1)
                }
            case .time(let start, let end):
                guard start < end else { continue }
                let firstDay = max(zone.local(start).date, dates.lowerBound)
                let lastDay = min(zone.local(end.adding(seconds: -1)).date, dates.upperBound)
                var date = firstDay
                while date <= lastDay {
                    for (from, to) in wallPeriods(of: start..<end, on: zone.frame(of: date)) {
                        result.append(ClosureOccurrence(date: date, from: from, to: to, reason: reason))
                    }
                    date = date.adding(days: 1)
                }
            }
        }
        return result.sorted { ($0.date, $0.from, $0.to, $0.reason) < ($1.date, $1.from, $1.to, $1.reason) }
    }

    /// The wall-clock periods of `frame`'s day that `interval` covers, rounded outwards to minutes.
    ///
    /// On the autumn day the hour after the change repeats wall-clock times, so a span across the
    /// change maps to two wall periods, which are merged; on the spring day the skipped hour has
    /// no wall-clock times and the period simply runs across it.
    static func wallPeriods(of interval: Range<Instant>, on frame: DayFrame) -> [(LocalTime, LocalTime)] {
        let startSeconds = max(0, frame.start.seconds(until: interval.lowerBound))
        let endSeconds = min(Int64(frame.lengthMinutes) * 60, frame.start.seconds(until: interval.upperBound))
        guard startSeconds < endSeconds else { return [] }
        let first = Int(startSeconds / 60)
        let last = Int((endSeconds + 59) / 60)  // exclusive, in elapsed minutes
        var pieces = [(first, last)]
        if let transition = frame.transition, transition.offsetAfterSeconds < frame.offsetAtStartSeconds,
            first < transition.elapsedMinute, transition.elapsedMinute < last
        {
            pieces = [(first, transition.elapsedMinute), (transition.elapsedMinute, last)]
        }
        var walls = pieces.map { (frame.wallMinute(elapsed: $0.0), frame.wallMinute(elapsed: $0.1 - 1) + 1) }
        walls.sort { $0.0 < $1.0 }
        var merged: [(Int, Int)] = []
        for wall in walls {
            if let previous = merged.last, wall.0 <= previous.1 {
                merged[merged.count - 1].1 = max(previous.1, wall.1)
            } else {
                merged.append(wall)
            }
        }
        return merged.compactMap { from, to in
            guard let from = LocalTime(minutes: min(max(from, 0), 1440)),
                let to = LocalTime(minutes: min(max(to, 0), 1440)),
                from < to
            else { return nil }
            return (from, to)
        }
    }
}
