/// Reading and writing RFC 3339 timestamps (`2026-12-01T09:00:00+01:00`), as the API carries them.
package enum RFC3339 {
    /// A parsed timestamp: the instant and the UTC offset it was written with.
    package struct Parsed: Equatable, Sendable {
        package var instant: Instant
        package var offsetSeconds: Int
    }

    /// Formats `instant` in the local time of `offsetSeconds`, e.g. `2026-12-01T09:00:00+01:00`
    /// (`Z` for offset zero).
    package static func format(_ instant: Instant, offsetSeconds: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        write(instant, offsetSeconds: offsetSeconds, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `format`'s bytes, without making a string (answers with many times, such as
    /// availability, write them straight into their JSON): the 20 or 25 bytes are filled in
    /// place and appended at once.
    package static func write(_ instant: Instant, offsetSeconds: Int, into bytes: inout [UInt8]) {
        let local = instant.adding(seconds: offsetSeconds).utc
        let (year, month, day) = local.date.civil
        guard (0...9999).contains(year), abs(offsetSeconds) < 100 * 3600 else {
            bytes.append(contentsOf: slowFormat(local, offsetSeconds: offsetSeconds).utf8)
            return
        }
        let second = local.secondOfDay
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &text) { buffer -> Int in
            func two(_ value: Int, at index: Int) { writeTwoDigits(value, at: index, into: buffer) }
            two(year / 100, at: 0)
            two(year % 100, at: 2)
            buffer[4] = UInt8(ascii: "-")
            two(month, at: 5)
            buffer[7] = UInt8(ascii: "-")
            two(day, at: 8)
            buffer[10] = UInt8(ascii: "T")
            two(second / 3600, at: 11)
            buffer[13] = UInt8(ascii: ":")
            two(second / 60 % 60, at: 14)
            buffer[16] = UInt8(ascii: ":")
            two(second % 60, at: 17)
            guard offsetSeconds != 0 else {
                buffer[19] = UInt8(ascii: "Z")
                return 20
            }
            buffer[19] = offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            let magnitude = abs(offsetSeconds) / 60
            two(magnitude / 60, at: 20)
            buffer[22] = UInt8(ascii: ":")
            two(magnitude % 60, at: 23)
            return 25
        }
        // Rebased, not `prefix`: a slice of a raw buffer is appended byte by byte, this in one copy.
        withUnsafeBytes(of: &text) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// Writes many times one after another, as `write` does, formatting the date and the offset
    /// only when they change: for the start times of an availability answer (hundreds a
    /// question, most on the same few days), only the time of day is filled in for each.
    package struct Run: Sendable {
        private var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var count = 0
        /// The local day number and offset `text` was written for; `Int64.min` before the first.
        private var localDay = Int64.min
        private var offsetSeconds = 0

        package init() {}

        /// Appends `RFC3339.write`'s bytes for `instant` at `offsetSeconds`.
        package mutating func write(_ instant: Instant, offsetSeconds: Int, into bytes: inout [UInt8]) {
            let (day, second) = floorDivision(instant.secondsSinceEpoch &+ Int64(offsetSeconds), 86_400)
            guard day == localDay, offsetSeconds == self.offsetSeconds else {
                let start = bytes.count
                RFC3339.write(instant, offsetSeconds: offsetSeconds, into: &bytes)
                remember(bytes[start...], day: day, offsetSeconds: offsetSeconds)
                return
            }
            let count = count
            withUnsafeMutableBytes(of: &text) { buffer in
                let second = Int(second)
                writeTwoDigits(second / 3600, at: 11, into: buffer)
                writeTwoDigits(second / 60 % 60, at: 14, into: buffer)
                writeTwoDigits(second % 60, at: 17, into: buffer)
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }

        /// Keeps a fully written time as the template for its day; a long form (a year beyond
        /// four digits) is not kept, and the next time is written in full again.
        private mutating func remember(_ written: ArraySlice<UInt8>, day: Int64, offsetSeconds: Int) {
            guard written.count == 20 || written.count == 25 else {
                localDay = .min
                return
            }
            withUnsafeMutableBytes(of: &text) { buffer in
                written.withUnsafeBytes { buffer.copyMemory(from: $0) }
            }
            count = written.count
            localDay = day
            self.offsetSeconds = offsetSeconds
        }
    }

    /// The two decimal digits of `value` (0...99) at `index` and after it.
    private static func writeTwoDigits(_ value: Int, at index: Int, into buffer: UnsafeMutableRawBufferPointer) {
        buffer[index] = UInt8(truncatingIfNeeded: 48 + value / 10)
        buffer[index + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
    }

    /// The same text for years and offsets beyond four and two digits, by the padding rules.
    private static func slowFormat(_ local: (date: LocalDate, secondOfDay: Int), offsetSeconds: Int) -> String {
        let second = local.secondOfDay
        var text = local.date.iso + "T" + Digits.padded(second / 3600, 2) + ":"
        text += Digits.padded(second / 60 % 60, 2) + ":" + Digits.padded(second % 60, 2)
        if offsetSeconds == 0 { return text + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds) / 60
        return text + sign + Digits.padded(magnitude / 60, 2) + ":" + Digits.padded(magnitude % 60, 2)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (RFC 3339 §5.6); the fraction is dropped.
    /// Lower-case `t` and `z` and a space for `T` are accepted, as §5.6 allows.
    package static func parse(_ text: some StringProtocol) -> Parsed? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = LocalDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = Digits.value(bytes[11..<13]), let minute = Digits.value(bytes[14..<16]),
            let second = Digits.value(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, Digits.value(bytes[index..<index + 1]) != nil { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = Digits.value(bytes[index + 1..<index + 3]),
                let offsetMinute = Digits.value(bytes[index + 4..<index + 6]), offsetHour < 24, offsetMinute < 60
            else { return nil }
            let magnitude = (offsetHour * 60 + offsetMinute) * 60
            offset = bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude
        default:
            return nil
        }
        let local = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Parsed(instant: Instant(secondsSinceEpoch: local - Int64(offset)), offsetSeconds: offset)
    }
}
