package import Scheduling

/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5) as written, before it is placed in a
/// particular office's time zone.
package enum ICalendarTime: Hashable, Sendable {
    /// A calendar date (`VALUE=DATE`), as all-day events use it.
    case date(LocalDate)
    /// Local time with no zone (§3.3.5 form 1): the same wall-clock time wherever it is read; the
    /// reader's default zone places it.
    case floating(LocalDate, secondOfDay: Int)
    /// UTC time (§3.3.5 form 2, `…Z`).
    case utc(Instant)
    /// Local time in a named zone (§3.3.5 form 3, `TZID=…`).
    case zoned(LocalDate, secondOfDay: Int, OfficeTimeZone)

    /// Whether this is a DATE rather than a DATE-TIME.
    package var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// The date as written: the calendar date, or the local date of the DATE-TIME in its own frame
    /// (UTC for `Z` values).
    package var writtenDate: LocalDate {
        switch self {
        case .date(let date): date
        case .floating(let date, _), .zoned(let date, _, _): date
        case .utc(let instant): instant.utc.date
        }
    }

    /// The wall-clock second of the day as written (0 for a DATE).
    package var writtenSecondOfDay: Int {
        switch self {
        case .date: 0
        case .floating(_, let second), .zoned(_, let second, _): second
        case .utc(let instant): instant.utc.secondOfDay
        }
    }

    /// The same kind of value on another date at the same wall-clock time (how a recurrence moves
    /// its start, RFC 5545 §3.3.10).
    func moved(to date: LocalDate) -> ICalendarTime {
        switch self {
        case .date: .date(date)
        case .floating(_, let second): .floating(date, secondOfDay: second)
        case .zoned(_, let second, let zone): .zoned(date, secondOfDay: second, zone)
        case .utc(let instant):
            .utc(Instant(secondsSinceEpoch: Int64(date.dayNumber) * 86_400 + Int64(instant.utc.secondOfDay)))
        }
    }

    /// The instant this value denotes, with floating times and dates placed in `zone`; a date is
    /// its first instant in `zone`.
    package func instant(in zone: OfficeTimeZone) -> Instant {
        switch self {
        case .date(let date): zone.frame(of: date).start
        case .floating(let date, let second): ZoneTime.instant(date: date, secondOfDay: second, zone: zone)
        case .zoned(let date, let second, let ownZone): ZoneTime.instant(date: date, secondOfDay: second, zone: ownZone)
        case .utc(let instant): instant
        }
    }

    /// Parses a DATE (`20261224`) or DATE-TIME (`20261224T090000`, `20261224T080000Z`) value.
    /// `zone` is the resolved TZID parameter, if any; RFC 5545 §3.3.5 says a TZID does not apply
    /// to a UTC value, so it is ignored there.
    static func parse(_ text: some StringProtocol, isDate: Bool, zone: OfficeTimeZone?) -> ICalendarTime? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, let year = Digits.value(bytes[0..<4]), let month = Digits.value(bytes[4..<6]),
            let day = Digits.value(bytes[6..<8]), let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        if isDate { return bytes.count == 8 ? .date(date) : nil }
        let isUTC = bytes.count == 16 && bytes[15] == UInt8(ascii: "Z")
        guard bytes.count == 15 || isUTC, bytes[8] == UInt8(ascii: "T"), let hour = Digits.value(bytes[9..<11]),
            let minute = Digits.value(bytes[11..<13]), let second = Digits.value(bytes[13..<15]), hour < 24,
            minute < 60, second <= 60
        else { return nil }
        // §3.3.5 allows second 60 for a leap second; the core does not count leap seconds.
        let secondOfDay = hour * 3600 + minute * 60 + min(second, 59)
        if isUTC {
            return .utc(Instant(secondsSinceEpoch: Int64(date.dayNumber) * 86_400 + Int64(secondOfDay)))
        }
        if let zone { return .zoned(date, secondOfDay: secondOfDay, zone) }
        return .floating(date, secondOfDay: secondOfDay)
    }

    /// The value as written in a content line (`20261224`, `20261224T090000`, `…Z`), without
    /// parameters.
    package var text: String {
        switch self {
        case .date(let date): return Self.format(date)
        case .floating(let date, let second), .zoned(let date, let second, _):
            return Self.format(date) + "T" + Self.format(secondOfDay: second)
        case .utc(let instant):
            let (date, second) = instant.utc
            return Self.format(date) + "T" + Self.format(secondOfDay: second) + "Z"
        }
    }

    /// The parameters that go with `text`: `VALUE=DATE` or `TZID=…`.
    package var parameters: [ICalendarParameter] {
        switch self {
        case .date: [ICalendarParameter("VALUE", "DATE")]
        case .zoned(_, _, let zone): [ICalendarParameter("TZID", zone.identifier)]
        case .floating, .utc: []
        }
    }

    static func format(_ date: LocalDate) -> String {
        let (year, month, day) = date.civil
        return Digits.padded(year, 4) + Digits.padded(month, 2) + Digits.padded(day, 2)
    }

    static func format(secondOfDay: Int) -> String {
        Digits.padded(secondOfDay / 3600, 2) + Digits.padded(secondOfDay / 60 % 60, 2)
            + Digits.padded(secondOfDay % 60, 2)
    }
}

/// Local wall-clock time to instants, as RFC 5545 §3.3.5 defines it for DATE-TIME values.
enum ZoneTime {
    /// The instant at which clocks in `zone` show `secondOfDay` on `date`.
    ///
    /// §3.3.5: a time that occurs twice (autumn) means the first occurrence; a time that does not
    /// exist (spring) is read with the offset from before the gap, so 02:30 on the spring day in
    /// Europe/Berlin is 03:30 CEST.
    static func instant(date: LocalDate, secondOfDay: Int, zone: OfficeTimeZone) -> Instant {
        let wall = Int64(date.dayNumber) * 86_400 + Int64(secondOfDay)
        let before = zone.offsetSeconds(at: Instant(secondsSinceEpoch: wall - 86_400))
        let candidates = [
            before, zone.offsetSeconds(at: Instant(secondsSinceEpoch: wall)),
            zone.offsetSeconds(at: Instant(secondsSinceEpoch: wall + 86_400)),
        ]
        var best: Instant?
        for offset in candidates {
            let instant = Instant(secondsSinceEpoch: wall - Int64(offset))
            if zone.offsetSeconds(at: instant) == offset, best.map({ instant < $0 }) ?? true { best = instant }
        }
        return best ?? Instant(secondsSinceEpoch: wall - Int64(before))
    }
}
