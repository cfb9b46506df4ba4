/// A wall-clock time of day in minutes after midnight, `00:00` to `24:00` inclusive.
///
/// `24:00` exists so that a period can end at the end of the day.
package struct LocalTime: Hashable, Comparable, Sendable {
    package let minutes: Int

    package init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// The time `minutes` after midnight, kept within the day (0 to 24:00).
    package init(clamping minutes: Int) {
        self.minutes = min(1440, max(0, minutes))
    }

    package init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour clock, `24:00` allowed).
    package init?(hhmm text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let hour = Digits.value(bytes[0..<2]),
            let minute = Digits.value(bytes[3..<5])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    package var hour: Int { minutes / 60 }
    package var minute: Int { minutes % 60 }

    /// `HH:MM`.
    package var hhmm: String { Digits.padded(hour, 2) + ":" + Digits.padded(minute, 2) }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    package static let midnight = LocalTime(minutes: 0)!
    package static let endOfDay = LocalTime(minutes: 1440)!
}

extension LocalTime: CustomStringConvertible {
    package var description: String { hhmm }
}
