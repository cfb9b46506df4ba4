/// A point in time, as whole seconds since 1970-01-01T00:00:00Z.
///
/// The scheduling core never reads the clock: every operation that depends on "now" takes an
/// `Instant` parameter.
package struct Instant: Hashable, Comparable, Sendable {
    package var secondsSinceEpoch: Int64

    package init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    package func adding(seconds: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(seconds))
    }

    package func adding(minutes: Int) -> Instant {
        adding(seconds: minutes * 60)
    }

    /// Seconds from `self` to `other` (positive when `other` is later).
    package func seconds(until other: Instant) -> Int64 {
        other.secondsSinceEpoch - secondsSinceEpoch
    }

    package static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The UTC calendar date and second of that day.
    package var utc: (date: LocalDate, secondOfDay: Int) {
        let (days, seconds) = floorDivision(secondsSinceEpoch, 86_400)
        return (LocalDate(dayNumber: Int(days)), Int(seconds))
    }
}

extension Instant: CustomStringConvertible {
    package var description: String { RFC3339.format(self, offsetSeconds: 0) }
}

/// Division rounding towards negative infinity, with a non-negative remainder.
package func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    return (quotient, value - quotient * divisor)
}
