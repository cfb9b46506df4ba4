/// One office day's anonymous facts packed into a few kilobytes: its `DayFact`, every
/// `VisitFact` and every `BookingFact`, with the texts (groups, services, counters) written once
/// and referred to by number. Rolled-up days keep it with their day (`statistics_day.digest`),
/// so a report over a year reads some 250 of these instead of 200,000 rows, and never makes a
/// `String` per visit.
///
/// The bytes: a version (1), then unsigned LEB128 numbers (signed ones zig-zag encoded and within
/// ±2³¹, optional ones as 0 for none and the value plus one): the day number, opened and bookable seconds, the
/// texts (count, then length and UTF-8 bytes of each), the visits (count, then per visit: hour,
/// a byte of kind, outcome and channel, group, services and counter as text numbers, persons,
/// planned, waiting, call-to-counter and service seconds) and the bookings (count, then per
/// booking: hour, a byte of channel, who cancelled and attendance, services, persons, booked and
/// lead seconds, notice of cancellation, the moves' channels).
package struct DayDigest: Hashable, Sendable {
    package let bytes: [UInt8]

    static let version: UInt8 = 1

    /// Bytes as stored; checked when read (`facts()` or a report), not here.
    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Packs the facts of one day: `facts.days` holds that day (or is empty: a day with no
    /// counter time), and the visits and bookings are all of it.
    package init(day: LocalDate, facts: StatisticsFacts) {
        self = PackedDay(day: day, facts: facts).digest
    }

    /// The facts packed in it.
    package func facts() throws(DigestError) -> StatisticsFacts {
        try unpacked().facts
    }

    /// The day it holds, read without the rest.
    package func day() throws(DigestError) -> LocalDate {
        var reader = DigestReader(bytes)
        let version = try reader.byte()
        guard version == Self.version else { throw .unknownVersion(version) }
        return LocalDate(dayNumber: try reader.signed())
    }

    /// The facts with their texts numbered, as a report adds them up.
    func unpacked() throws(DigestError) -> PackedDay {
        var reader = DigestReader(bytes)
        let version = try reader.byte()
        guard version == Self.version else { throw .unknownVersion(version) }
        var day = PackedDay(
            day: LocalDate(dayNumber: try reader.signed()), openedSeconds: try reader.signed(),
            bookableSeconds: try reader.signed())
        for _ in 0..<(try reader.count()) { day.texts.append(try reader.text()) }
        let visits = try reader.count()
        day.visits.reserveCapacity(visits)
        for _ in 0..<visits { day.visits.append(try reader.visit(texts: day.texts.count)) }
        let bookings = try reader.count()
        day.bookings.reserveCapacity(bookings)
        for _ in 0..<bookings { day.bookings.append(try reader.booking(texts: day.texts.count)) }
        try reader.finish()
        return day
    }

    // MARK: Codes

    static let kinds: [VisitKind] = [.walkIn, .kiosk, .appointment]
    static let outcomes: [VisitOutcome] = [.served, .noShow, .unfinished]
    static let channels: [Channel] = [.online, .hotline, .counter, .kiosk]

    static func code(_ kind: VisitKind) -> Int { kinds.firstIndex(of: kind) ?? 0 }
    static func code(_ outcome: VisitOutcome) -> Int { outcomes.firstIndex(of: outcome) ?? 0 }
    static func code(_ channel: Channel) -> Int { channels.firstIndex(of: channel) ?? 0 }
    /// 0 for none, else the channel's code plus one.
    static func code(_ channel: Channel?) -> Int { channel.map { code($0) + 1 } ?? 0 }
}

/// Why a digest could not be read: it is cut short, longer than its content, of another version,
/// or names a text or code it does not have.
package enum DigestError: Error, Equatable, Sendable {
    case malformed(offset: Int)
    case unknownVersion(UInt8)
}

struct DigestWriter {
    var bytes: [UInt8] = []

    /// A count or a text's number (never negative).
    mutating func unsigned(_ value: Int) {
        raw(UInt64(truncatingIfNeeded: value))
    }

    /// Zig-zag: 0, -1, 1, -2 … as 0, 1, 2, 3 …
    mutating func signed(_ value: Int) {
        raw(Self.zigZag(value))
    }

    mutating func optional(_ value: Int?) {
        raw(value.map { Self.zigZag($0) &+ 1 } ?? 0)
    }

    static func zigZag(_ value: Int) -> UInt64 {
        let wide = Int64(value)
        return UInt64(bitPattern: (wide << 1) ^ (wide >> 63))
    }

    private mutating func raw(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads a digest's numbers in order; every read checks the bytes it needs.
struct DigestReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A text: its length and UTF-8 bytes.
    mutating func text() throws(DigestError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// A count of what follows: at most one per byte left, so a damaged count cannot make a
    /// loop run long.
    mutating func count() throws(DigestError) -> Int {
        let value = try unsigned()
        guard value <= bytes.count - offset else { throw .malformed(offset: offset) }
        return value
    }

    mutating func visit(texts: Int) throws(DigestError) -> PackedVisit {
        let hour = try signed()
        let codes = Int(try byte())
        guard codes & 0x03 < DayDigest.kinds.count, (codes >> 2) & 0x03 < DayDigest.outcomes.count,
            codes >> 4 <= DayDigest.channels.count
        else { throw .malformed(offset: offset) }
        let group = try textNumber(texts)
        let services = try textNumber(texts)
        let counter = try unsigned()
        guard counter <= texts else { throw .malformed(offset: offset) }
        return PackedVisit(
            hour: hour, kind: DayDigest.kinds[codes & 0x03], outcome: DayDigest.outcomes[(codes >> 2) & 0x03],
            channel: codes >> 4 == 0 ? nil : DayDigest.channels[(codes >> 4) - 1], group: group, services: services,
            counter: counter == 0 ? nil : counter - 1, persons: try signed(), plannedSeconds: try signed(),
            waitSeconds: try optional(), toCounterSeconds: try optional(), serviceSeconds: try optional())
    }

    mutating func booking(texts: Int) throws(DigestError) -> PackedBooking {
        let hour = try signed()
        let codes = Int(try byte())
        let cancelled = (codes >> 3) & 0x0F
        guard codes & 0x07 < DayDigest.channels.count, cancelled <= DayDigest.channels.count else {
            throw .malformed(offset: offset)
        }
        let services = try textNumber(texts)
        let persons = try signed()
        let booked = try signed()
        let lead = try signed()
        let notice = try optional()
        var moves: [Channel] = []
        for _ in 0..<(try count()) {
            let move = Int(try byte())
            guard move < DayDigest.channels.count else { throw .malformed(offset: offset) }
            moves.append(DayDigest.channels[move])
        }
        return PackedBooking(
            hour: hour, channel: DayDigest.channels[codes & 0x07],
            cancelledBy: cancelled == 0 ? nil : DayDigest.channels[cancelled - 1], attended: codes & 0x80 != 0,
            services: services, persons: persons, bookedSeconds: booked, leadSeconds: lead,
            cancelNoticeSeconds: notice, moves: moves)
    }

    /// Checks that nothing follows the last booking.
    func finish() throws(DigestError) {
        guard offset == bytes.count else { throw .malformed(offset: offset) }
    }

    private mutating func textNumber(_ texts: Int) throws(DigestError) -> Int {
        let number = try unsigned()
        guard number < texts else { throw .malformed(offset: offset) }
        return number
    }

    mutating func byte() throws(DigestError) -> UInt8 {
        guard offset < bytes.count else { throw .malformed(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A count or a text's number.
    mutating func unsigned() throws(DigestError) -> Int {
        let value = try raw()
        guard value <= UInt64(Int.max) else { throw .malformed(offset: offset) }
        return Int(value)
    }

    /// A number of seconds, an hour, a day number: never beyond ±2³¹, so that no sum of them
    /// overflows, however damaged the bytes.
    mutating func signed() throws(DigestError) -> Int {
        try Self.bounded(Self.unZigZag(try raw()), at: offset)
    }

    mutating func optional() throws(DigestError) -> Int? {
        let value = try raw()
        return value == 0 ? nil : try Self.bounded(Self.unZigZag(value &- 1), at: offset)
    }

    private static func bounded(_ value: Int, at offset: Int) throws(DigestError) -> Int {
        guard value >= Int(Int32.min), value <= Int(Int32.max) else { throw .malformed(offset: offset) }
        return value
    }

    static func unZigZag(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    private mutating func raw() throws(DigestError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw .malformed(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
