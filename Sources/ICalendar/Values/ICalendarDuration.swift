import Scheduling

/// A DURATION value (RFC 5545 §3.3.6): nominal days (weeks count as 7 days) and exact seconds.
///
/// Days are nominal: one day after 09:00 is 09:00 the next day even across a daylight-saving
/// change; hours, minutes and seconds are exact (§3.3.6).
package struct ICalendarDuration: Hashable, Sendable {
    /// Nominal days (negative for a negative duration).
    package var days: Int
    /// Exact seconds (negative for a negative duration).
    package var seconds: Int

    /// A duration of `days` nominal days and `seconds` exact seconds (same sign).
    package init(days: Int = 0, seconds: Int = 0) {
        self.days = days
        self.seconds = seconds
    }

    /// Whether the duration points backwards.
    package var isNegative: Bool { days < 0 || seconds < 0 }

    /// Parses `[+|-]P[nW | nD][T[nH][nM][nS]]`, e.g. `P1D`, `PT1H30M`, `-PT15M`, `P2W`.
    static func parse(_ text: String) -> ICalendarDuration? {
        var bytes = Array(text.utf8)[...]
        var sign = 1
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            bytes = bytes.dropFirst()
        }
        guard bytes.first == UInt8(ascii: "P") else { return nil }
        bytes = bytes.dropFirst()
        var days = 0
        var seconds = 0
        var inTime = false
        var sawAny = false
        var sawTimePart = false
        var lastUnit: UInt8 = 0
        while !bytes.isEmpty {
            if bytes.first == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                bytes = bytes.dropFirst()
                continue
            }
            let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            // Nine digits are more than any real duration and cannot overflow.
            guard !digits.isEmpty, digits.count <= 9, let value = Digits.value(digits) else { return nil }
            bytes = bytes.dropFirst(digits.count)
            guard let unit = bytes.first else { return nil }
            bytes = bytes.dropFirst()
            switch (inTime, unit) {
            case (false, UInt8(ascii: "W")) where lastUnit == 0: days += value * 7
            case (false, UInt8(ascii: "D")) where lastUnit == 0: days += value
            case (true, UInt8(ascii: "H")) where lastUnit == 0 || lastUnit == UInt8(ascii: "D"):
                seconds += value * 3600
            case (true, UInt8(ascii: "M")) where lastUnit != UInt8(ascii: "M") && lastUnit != UInt8(ascii: "S"):
                seconds += value * 60
            case (true, UInt8(ascii: "S")) where lastUnit != UInt8(ascii: "S"): seconds += value
            default: return nil
            }
            if inTime { sawTimePart = true }
            lastUnit = unit
            sawAny = true
        }
        guard sawAny, !inTime || sawTimePart else { return nil }
        return ICalendarDuration(days: sign * days, seconds: sign * seconds)
    }

    /// The value as written, e.g. `P1D`, `PT1H30M`, `-PT15M`, `PT0S`.
    package var text: String {
        let sign = isNegative ? "-" : ""
        let days = abs(self.days)
        let seconds = abs(self.seconds)
        var text = sign + "P"
        if days > 0 { text += days % 7 == 0 && seconds == 0 ? "\(days / 7)W" : "\(days)D" }
        if seconds > 0 || days == 0 {
            text += "T"
            let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
            if h > 0 { text += "\(h)H" }
            // §3.3.6: dur-hour = 1*DIGIT "H" [dur-minute], so seconds after hours need the minutes.
            if m > 0 || (h > 0 && s > 0) { text += "\(m)M" }
            if s > 0 || seconds == 0 { text += "\(s)S" }
        }
        return text
    }
}
