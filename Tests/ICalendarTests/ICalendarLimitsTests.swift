import Scheduling
import Testing

@testable import ICalendar

@Suite struct ICalendarLimitsTests {
    @Test func inputAtTheByteLimitIsReadAndOneByteMoreIsNot() throws {
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20261224"])
        var limits = ICalendarLimits()
        limits.maximumInputBytes = text.utf8.count
        #expect(try Fixtures.error(reading: text, limits: limits) == nil)
        limits.maximumInputBytes -= 1
        #expect(
            try Fixtures.error(reading: text, limits: limits)
                == .inputTooLarge(bytes: text.utf8.count, limit: text.utf8.count - 1))
    }

    @Test func aContentLineAtTheOctetLimitIsReadAndOneOctetMoreIsNot() throws {
        var limits = ICalendarLimits()
        limits.maximumLineOctets = 40
        let fits = "SUMMARY:" + String(repeating: "ä", count: 16)  // 8 + 32 octets
        #expect(
            try Fixtures.error(reading: Fixtures.event(["DTSTART;VALUE=DATE:20261224", fits]), limits: limits) == nil)
        // The same, folded: the limit applies after unfolding.
        let folded = "SUMMARY:" + String(repeating: "ä", count: 8) + "\r\n " + String(repeating: "ä", count: 8)
        #expect(
            try Fixtures.error(reading: Fixtures.event(["DTSTART;VALUE=DATE:20261224", folded]), limits: limits) == nil)
        let tooLong = fits + "x"
        #expect(
            try Fixtures.error(reading: Fixtures.event(["DTSTART;VALUE=DATE:20261224", tooLong]), limits: limits)
                == .lineTooLong(line: 8, limit: 40))
        let foldedTooLong = folded + "x"
        #expect(
            try Fixtures.error(reading: Fixtures.event(["DTSTART;VALUE=DATE:20261224", foldedTooLong]), limits: limits)
                == .lineTooLong(line: 8, limit: 40))
    }

    @Test func eventsAtTheEventLimitAreReadAndOneMoreIsNot() throws {
        var limits = ICalendarLimits()
        limits.maximumEvents = 3
        let event = ["BEGIN:VEVENT", "UID:x", "DTSTART;VALUE=DATE:20261224", "END:VEVENT"]
        #expect(
            try Fixtures.error(
                reading: Fixtures.calendar(Array(repeating: event, count: 3).flatMap { $0 }), limits: limits) == nil)
        let four = Fixtures.calendar(Array(repeating: event, count: 4).flatMap { $0 })
        #expect(try Fixtures.error(reading: four, limits: limits) == .tooManyEvents(line: 16, limit: 3))
    }

    @Test func defaultsAreTheDocumentedOnes() {
        let limits = ICalendarLimits()
        #expect(limits.maximumInputBytes == 8_388_608)
        #expect(limits.maximumLineOctets == 262_144)
        #expect(limits.maximumNestingDepth == 16)
        #expect(limits.maximumEvents == 50_000)
        #expect(limits.maximumOccurrences == 100_000)
        #expect(limits.maximumRecurrenceSteps == 2_000_000)
        #expect(limits.maximumRangeDays == 73_050)
    }

    @Test func aHostileTimeZoneNameIsNotLookedUpPieceByPiece() {
        let name = String(repeating: "a/", count: 50_000) + "Europe/Berlin"
        #expect(TimeZoneNames.zone(forTZID: name) == nil)
        #expect(TimeZoneNames.zone(forTZID: "/x/y/Europe/Berlin")?.identifier == "Europe/Berlin")
    }
}
