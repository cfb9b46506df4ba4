import Foundation

/// A named time zone (IANA, e.g. `Europe/Berlin`) and the local-time arithmetic the core needs.
///
/// Foundation's `TimeZone` reads the system's tz database; with `FoundationEssentials` alone
/// named zones do not resolve on Linux, so this file imports all of Foundation. These are pure
/// computations: nothing here reads the clock.
package struct OfficeTimeZone: Hashable, Sendable {
    package let identifier: String
    private let zone: TimeZone

    /// The zone, or nil when the tz database does not know `identifier`.
    package init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    package static func == (lhs: OfficeTimeZone, rhs: OfficeTimeZone) -> Bool {
        lhs.identifier == rhs.identifier
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
    }

    /// The offset from UTC in seconds in effect at `instant`.
    package func offsetSeconds(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)))
    }

    /// The local date and wall-clock second of the day at `instant`.
    package func local(_ instant: Instant) -> (date: LocalDate, secondOfDay: Int) {
        instant.adding(seconds: offsetSeconds(at: instant)).utc
    }

    /// The frame of one local day: when it starts, how long it is, and where its offset changes.
    package func frame(of date: LocalDate) -> DayFrame {
        let start = firstInstant(of: date)
        let end = firstInstant(of: date.adding(days: 1))
        let offsetAtStart = offsetSeconds(at: start)
        let startWall = start.adding(seconds: offsetAtStart).utc.secondOfDay / 60
        let lengthMinutes = Int(start.seconds(until: end) / 60)
        var transition: DayFrame.Transition?
        let lastOffset = offsetSeconds(at: end.adding(seconds: -1))
        if lastOffset != offsetAtStart {
            // Binary search for the first minute with the new offset (at most one change a day).
            var low = 0
            var high = lengthMinutes
            while low < high {
                let middle = (low + high) / 2
                if offsetSeconds(at: start.adding(minutes: middle)) == offsetAtStart {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            transition = DayFrame.Transition(elapsedMinute: low, offsetAfterSeconds: lastOffset)
        }
        return DayFrame(
            date: date, start: start, lengthMinutes: lengthMinutes, startWallMinute: startWall,
            offsetAtStartSeconds: offsetAtStart, transition: transition)
    }

    /// The first instant whose local date is `date` (local midnight, or the end of a gap that
    /// swallows midnight).
    private func firstInstant(of date: LocalDate) -> Instant {
        let utcMidnight = Instant(secondsSinceEpoch: Int64(date.dayNumber) * 86_400)
        // Offsets in use near that day; local midnight is utcMidnight minus one of them.
        let candidates = Set([
            offsetSeconds(at: utcMidnight.adding(seconds: -86_400)),
            offsetSeconds(at: utcMidnight),
            offsetSeconds(at: utcMidnight.adding(seconds: 86_400)),
        ])
        var best: Instant?
        for offset in candidates {
            let instant = utcMidnight.adding(seconds: -offset)
            if offsetSeconds(at: instant) == offset, best.map({ instant < $0 }) ?? true {
                best = instant
            }
        }
        if let best { return best }
        // Midnight falls into a gap: the day starts where the gap ends.
        var instant = utcMidnight.adding(seconds: -(candidates.max() ?? 0))
        while local(instant).date < date { instant = instant.adding(seconds: 60) }
        return instant
    }
}

/// One local day of an office: its first instant, its real length (1380, 1440 or 1500 minutes on
/// Europe/Berlin's ordinary and daylight-saving days) and the minute at which the UTC offset
/// changes, if it does.
///
/// The core measures time inside a day in *elapsed* minutes since the day's first instant, so a
/// 25-hour day really has 25 hours of units; wall-clock times from configuration are mapped onto
/// elapsed minutes here.
package struct DayFrame: Hashable, Sendable {
    package struct Transition: Hashable, Sendable {
        /// Elapsed minute at which the new offset starts.
        package let elapsedMinute: Int
        package let offsetAfterSeconds: Int
    }

    package let date: LocalDate
    package let start: Instant
    package let lengthMinutes: Int
    /// The wall-clock minute of `start` (0 unless midnight falls into a gap).
    package let startWallMinute: Int
    package let offsetAtStartSeconds: Int
    package let transition: Transition?

    package init(
        date: LocalDate, start: Instant, lengthMinutes: Int, startWallMinute: Int, offsetAtStartSeconds: Int,
        transition: Transition?
    ) {
        self.date = date
        self.start = start
        self.lengthMinutes = lengthMinutes
        self.startWallMinute = startWallMinute
        self.offsetAtStartSeconds = offsetAtStartSeconds
        self.transition = transition
    }

    /// The instant `elapsed` minutes after the day's start.
    package func instant(elapsed: Int) -> Instant {
        start.adding(minutes: elapsed)
    }

    /// Elapsed minutes from the day's start to `instant` (may be outside `0..<lengthMinutes`).
    package func elapsedMinutes(to instant: Instant) -> Int64 {
        let (minutes, _) = floorDivision(start.seconds(until: instant), 60)
        return minutes
    }

    /// The UTC offset in effect `elapsed` minutes into the day.
    package func offsetSeconds(atElapsed elapsed: Int) -> Int {
        guard let transition, elapsed >= transition.elapsedMinute else { return offsetAtStartSeconds }
        return transition.offsetAfterSeconds
    }

    /// The wall-clock shift in minutes at the transition (+60 in spring, -60 in autumn).
    private var shiftMinutes: Int {
        guard let transition else { return 0 }
        return (transition.offsetAfterSeconds - offsetAtStartSeconds) / 60
    }

    /// The wall-clock minute of the day shown on a clock `elapsed` minutes into the day.
    package func wallMinute(elapsed: Int) -> Int {
        guard let transition, elapsed >= transition.elapsedMinute else { return startWallMinute + elapsed }
        return startWallMinute + elapsed + shiftMinutes
    }

    /// The elapsed minute at which a clock on the wall shows `wall`, clamped to the day.
    ///
    /// A time that does not exist (skipped in spring) maps to the end of the gap; a time that
    /// exists twice (repeated in autumn) maps to its first occurrence, as RFC 5545 §3.3.5 does.
    package func elapsed(wall: LocalTime) -> Int {
        let minute = wall.minutes - startWallMinute
        var result = minute
        if let transition {
            let boundary = transition.elapsedMinute  // wall minute (relative to start) just before
            let shift = shiftMinutes
            if shift > 0 {
                if minute >= boundary + shift {
                    result = minute - shift
                } else if minute >= boundary {
                    result = boundary
                }
            } else if minute >= boundary {
                result = minute - shift
            }
        }
        return min(max(result, 0), lengthMinutes)
    }

    /// The day's first instant formatted with its offset, or any instant of the day.
    package func rfc3339(elapsed: Int) -> String {
        RFC3339.format(instant(elapsed: elapsed), offsetSeconds: offsetSeconds(atElapsed: elapsed))
    }

    /// Appends `rfc3339(elapsed:)`'s bytes, without making a string, through `run` (which
    /// formats a day's date and offset once for the times written after each other).
    package func writeRFC3339(elapsed: Int, into bytes: inout [UInt8], run: inout RFC3339.Run) {
        run.write(instant(elapsed: elapsed), offsetSeconds: offsetSeconds(atElapsed: elapsed), into: &bytes)
    }
}
