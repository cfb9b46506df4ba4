/// A calendar date in the proleptic Gregorian calendar, in no particular time zone.
///
/// Stored as a day number (days since 1970-01-01) so that arithmetic, hashing and comparison are
/// one integer operation; year, month and day are derived with Howard Hinnant's civil-date
/// algorithms (howardhinnant.github.io/date_algorithms.html).
package struct LocalDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before).
    package let dayNumber: Int

    package init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The date, or nil when year, month and day do not form a real date (30 February).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.dayNumber = LocalDate.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 extended calendar date).
    package init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Digits.value(bytes[0..<4]), let month = Digits.value(bytes[5..<7]),
            let day = Digits.value(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    package var year: Int { civil.year }
    package var month: Int { civil.month }
    package var day: Int { civil.day }

    /// Year, month (1–12) and day (1–31).
    package var civil: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The ISO weekday of this date.
    package var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    package func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    package func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// `YYYY-MM-DD`.
    package var iso: String {
        var bytes: [UInt8] = []
        writeISO(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `iso`'s bytes, without making a string.
    package func writeISO(into bytes: inout [UInt8]) {
        let (y, m, d) = civil
        Digits.append(y, 4, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Digits.append(m, 2, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Digits.append(d, 2, into: &bytes)
    }

    package static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    package static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension LocalDate: CustomStringConvertible {
    package var description: String { iso }
}

/// A day of the week, numbered as in ISO 8601 (Monday is 1).
package enum Weekday: Int, CaseIterable, Hashable, Sendable, Comparable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    /// The three-letter English key used in configuration files (`mon` … `sun`).
    package var key: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    package init?(key: String) {
        guard let day = Weekday.allCases.first(where: { $0.key == key }) else { return nil }
        self = day
    }

    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Small helpers for fixed-width decimal fields in dates and times.
package enum Digits {
    /// The value of ASCII digits, or nil if any byte is not a digit.
    package static func value(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `value` in decimal, left-padded with zeros to `width`.
    package static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Appends `padded(value, width)`'s bytes, without making a string: the digits are filled
    /// in from the right in place and appended at once.
    package static func append(_ value: Int, _ width: Int, into bytes: inout [UInt8]) {
        guard value >= 0, width <= 20 else {
            bytes.append(contentsOf: padded(value, width).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var rest = value
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            } while rest > 0
            while buffer.count - index < width {
                index -= 1
                buffer[index] = UInt8(ascii: "0")
            }
            return buffer.count - index
        }
        withUnsafeBytes(of: &digits) { bytes.append(contentsOf: $0.suffix(count)) }
    }
}
