import RathausTesting
import Testing

@testable import Scheduling

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2000-02-29", 11_016, Weekday.tuesday),
        ("2026-12-01", 20_788, Weekday.tuesday),
        ("1969-12-31", -1, Weekday.wednesday),
    ])
    func civilDatesRoundTripThroughDayNumbers(iso: String, dayNumber: Int, weekday: Weekday) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(date.dayNumber == dayNumber)
        #expect(date.iso == iso)
        #expect(date.weekday == weekday)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        let start = LocalDate(year: 1900, month: 1, day: 1)!.dayNumber
        for number in start..<(start + 146_097) {
            let date = LocalDate(dayNumber: number)
            let (y, m, d) = date.civil
            #expect(LocalDate(year: y, month: m, day: d)?.dayNumber == number)
        }
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20261201", "2026-12-01x", ""])
    func invalidDatesAreRejected(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func timesOfDayParseAndRejectNonsense() {
        #expect(LocalTime(hhmm: "08:30")?.minutes == 510)
        #expect(LocalTime(hhmm: "24:00")?.minutes == 1440)
        #expect(LocalTime(hhmm: "24:01") == nil)
        #expect(LocalTime(hhmm: "8:30") == nil)
        #expect(LocalTime(hhmm: "12:60") == nil)
    }
}

@Suite struct RFC3339Tests {
    @Test func formatsWithTheOfficeOffset() {
        let instant = Instant(secondsSinceEpoch: 1_764_576_000)  // 2025-12-01T08:00:00Z
        #expect(RFC3339.format(instant, offsetSeconds: 3600) == "2025-12-01T09:00:00+01:00")
        #expect(RFC3339.format(instant, offsetSeconds: 0) == "2025-12-01T08:00:00Z")
        #expect(RFC3339.format(instant, offsetSeconds: -9000) == "2025-12-01T05:30:00-02:30")
    }

    @Test func everyFormattedTimeRoundTripsThroughTheParser() throws {
        // Written as bytes (no string per digit): each second of a year apart, at offsets both
        // sides of UTC, must read back as itself.
        var random = SeededGenerator(seed: 3339)
        for _ in 0..<2_000 {
            let instant = Instant(secondsSinceEpoch: Int64.random(in: 0...4_102_444_800, using: &random))
            let offset = Int.random(in: -14 * 60...14 * 60, using: &random) * 60
            let text = RFC3339.format(instant, offsetSeconds: offset)
            let parsed = try #require(RFC3339.parse(text), "\(text)")
            #expect(parsed.instant == instant && parsed.offsetSeconds == offset, "\(text)")
            #expect(text.utf8.count == (offset == 0 ? 20 : 25), "\(text)")
        }
    }

    @Test func aRunOfTimesIsWrittenAsEachAlone() {
        // Runs as an availability answer makes them (ascending minutes, days after days, an
        // offset changing at a transition) and at random (days, offsets and years back and
        // forth, beyond four digits too): every time exactly as `RFC3339.write` writes it.
        var random = SeededGenerator(seed: 3340)
        for round in 0..<200 {
            var run = RFC3339.Run()
            var together: [UInt8] = []
            var alone: [UInt8] = []
            var instant = Int64.random(in: -86_400 * 800...4_102_444_800, using: &random)
            var offset = [0, 3600, 7200, -18_000, 19_800, -9000].randomElement(using: &random) ?? 0
            for _ in 0..<300 {
                if round % 2 == 0 {
                    instant += Int64.random(in: 0...3 * 3600, using: &random) / 60 * 60
                    if Int.random(in: 0..<50, using: &random) == 0 { offset += 3600 }
                } else {
                    instant = Int64.random(in: -86_400 * 800...300_000_000_000, using: &random)
                    offset = Int.random(in: -14 * 60...14 * 60, using: &random) * 60
                }
                run.write(Instant(secondsSinceEpoch: instant), offsetSeconds: offset, into: &together)
                RFC3339.write(Instant(secondsSinceEpoch: instant), offsetSeconds: offset, into: &alone)
                together.append(UInt8(ascii: ","))
                alone.append(UInt8(ascii: ","))
            }
            #expect(
                String(decoding: together, as: UTF8.self) == String(decoding: alone, as: UTF8.self), "round \(round)")
        }
    }

    @Test func paddedDigitsAreWrittenAsTheTextOfTheNumber() {
        for value in [0, 7, 9, 10, 99, 100, 2026, 9999, 10_000, 123_456_789, Int.max, -1, -42] {
            for width in 1...5 {
                var bytes: [UInt8] = []
                Digits.append(value, width, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == Digits.padded(value, width), "\(value) \(width)")
            }
        }
    }

    @Test func parsesOffsetsZuluAndFractions() throws {
        let a = try #require(RFC3339.parse("2025-12-01T09:00:00+01:00"))
        #expect(a.instant.secondsSinceEpoch == 1_764_576_000)
        #expect(a.offsetSeconds == 3600)
        #expect(RFC3339.parse("2025-12-01T08:00:00Z")?.instant == a.instant)
        #expect(RFC3339.parse("2025-12-01t08:00:00.123z")?.instant == a.instant)
    }

    @Test(arguments: [
        "2025-12-01T09:00:00", "2025-12-01T25:00:00Z", "2025-12-01T09:00:00+1:00", "2025-12-01T09:00:00+01:00x",
        "2025-12-01T09:00:00.Z", "2025-02-30T09:00:00Z", "garbage",
    ])
    func rejectsMalformedTimestamps(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }
}

@Suite struct OfficeTimeZoneTests {
    let berlin = OfficeTimeZone(identifier: "Europe/Berlin")!

    @Test(arguments: ["Europe/Berlin", "Europe/Vienna", "UTC", "America/New_York", "Asia/Kolkata"])
    func namedZonesResolve(identifier: String) {
        #expect(OfficeTimeZone(identifier: identifier) != nil)
    }

    @Test func unknownZonesDoNotResolve() {
        #expect(OfficeTimeZone(identifier: "Europe/Musterstadt") == nil)
    }

    @Test func anOrdinaryWinterDayHas24HoursAtPlusOne() {
        let frame = berlin.frame(of: LocalDate(iso: "2026-12-01")!)
        #expect(frame.lengthMinutes == 1440)
        #expect(frame.transition == nil)
        #expect(frame.rfc3339(elapsed: 9 * 60) == "2026-12-01T09:00:00+01:00")
    }

    @Test func springForwardDayHas23Hours() throws {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST.
        let frame = berlin.frame(of: LocalDate(iso: "2026-03-29")!)
        #expect(frame.lengthMinutes == 1380)
        let transition = try #require(frame.transition)
        #expect(transition.elapsedMinute == 120)
        #expect(frame.rfc3339(elapsed: 119) == "2026-03-29T01:59:00+01:00")
        #expect(frame.rfc3339(elapsed: 120) == "2026-03-29T03:00:00+02:00")
        #expect(frame.elapsed(wall: LocalTime(hhmm: "09:00")!) == 8 * 60)
        #expect(frame.elapsed(wall: LocalTime(hhmm: "02:30")!) == 120, "a skipped time maps to the end of the gap")
        #expect(frame.wallMinute(elapsed: 8 * 60) == 9 * 60)
        #expect(frame.elapsed(wall: .endOfDay) == 1380)
    }

    @Test func fallBackDayHas25Hours() throws {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET.
        let frame = berlin.frame(of: LocalDate(iso: "2026-10-25")!)
        #expect(frame.lengthMinutes == 1500)
        let transition = try #require(frame.transition)
        #expect(transition.elapsedMinute == 180)
        #expect(frame.rfc3339(elapsed: 150) == "2026-10-25T02:30:00+02:00")
        #expect(frame.rfc3339(elapsed: 210) == "2026-10-25T02:30:00+01:00")
        #expect(frame.elapsed(wall: LocalTime(hhmm: "02:30")!) == 150, "a repeated time maps to its first occurrence")
        #expect(frame.elapsed(wall: LocalTime(hhmm: "09:00")!) == 10 * 60)
        #expect(frame.wallMinute(elapsed: 10 * 60) == 9 * 60)
        #expect(frame.elapsed(wall: .endOfDay) == 1500)
    }

    @Test func localDateOfAnInstantFollowsTheOffset() {
        // 2026-07-01T22:30:00Z is already 2 July in Berlin (UTC+2).
        let instant = RFC3339.parse("2026-07-01T22:30:00Z")!.instant
        let local = berlin.local(instant)
        #expect(local.date.iso == "2026-07-02")
        #expect(local.secondOfDay == 30 * 60)
    }
}
