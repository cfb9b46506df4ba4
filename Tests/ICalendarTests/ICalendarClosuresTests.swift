import Foundation
import Scheduling
import Testing

@testable import ICalendar

@Suite struct ICalendarClosuresTests {
    private func closures(_ name: String, _ from: String, _ to: String) throws -> [String] {
        let text = String(decoding: try Fixtures.bytes(name), as: UTF8.self)
        let result = try ICalendarClosures.closures(
            from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates(from, to))
        #expect(result.warnings.isEmpty)
        return Fixtures.describe(result.closures)
    }

    @Test func anOutlookClosureCalendarClosesWholeDaysAndAnAfternoon() throws {
        #expect(
            try closures("outlook-schliesstage.ics", "2026-01-01", "2026-12-31") == [
                "2026-02-16 whole Rosenmontag",
                "2026-03-18 13:00-16:00 Personalversammlung",
                "2026-09-10 whole Betriebsausflug",
                "2026-09-11 whole Betriebsausflug",
                "2026-12-24 whole Heiligabend",
                "2026-12-31 whole Silvester",
            ])
    }

    @Test func aGoogleClosureCalendarClosesWednesdayAfternoons() throws {
        #expect(
            try closures("google-schliesszeiten.ics", "2026-11-01", "2026-12-31") == [
                "2026-11-04 13:00-16:00 Schulung Fachverfahren",
                "2026-11-11 13:00-16:00 Schulung Fachverfahren",
                "2026-11-25 13:00-16:00 Schulung Fachverfahren",
                "2026-12-02 09:00-12:00 Schulung Fachverfahren",
                "2026-12-09 13:00-16:00 Schulung Fachverfahren",
                "2026-12-16 13:00-16:00 Schulung Fachverfahren",
            ])
    }

    @Test func timedClosuresAreSplitAtMidnightAndFollowDaylightSaving() throws {
        #expect(
            try closures("thunderbird-schliesstage.ics", "2026-03-01", "2026-10-31") == [
                "2026-03-02 08:00-09:30 Dienstbesprechung (Öffnung erst 9:30 Uhr)",
                // 01:00 to 04:00 on the spring day is two real hours; the wall clock skips 02:00–03:00.
                "2026-03-29 01:00-04:00 Wartungsfenster",
                "2026-04-06 08:00-09:30 Dienstbesprechung (Öffnung erst 9:30 Uhr)",
                "2026-05-04 08:00-09:30 Dienstbesprechung (Öffnung erst 9:30 Uhr)",
                "2026-06-01 08:00-09:30 Dienstbesprechung (Öffnung erst 9:30 Uhr)",
                "2026-10-24 22:00-24:00 Serverumzug (Fachverfahren nicht erreichbar)",
                // Across the autumn change: 00:00–03:00 CEST and 02:00–04:00 CET, merged.
                "2026-10-25 00:00-04:00 Serverumzug (Fachverfahren nicht erreichbar)",
            ])
    }

    @Test func onlyDaysInsideTheRangeAreReturned() throws {
        #expect(
            try closures("outlook-schliesstage.ics", "2026-09-11", "2026-09-30") == ["2026-09-11 whole Betriebsausflug"]
        )
        #expect(
            try closures("thunderbird-schliesstage.ics", "2026-10-25", "2026-10-25") == [
                "2026-10-25 00:00-04:00 Serverumzug (Fachverfahren nicht erreichbar)"
            ])
    }

    @Test func aTimedEventCoveringWholeDaysClosesThemWhole() throws {
        let text = Fixtures.event([
            "DTSTART;TZID=Europe/Berlin:20261223T120000", "DTEND;TZID=Europe/Berlin:20261226T000000", "SUMMARY:Umzug",
        ])
        let result = try ICalendarClosures.closures(
            from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates("2026-12-01", "2026-12-31"))
        #expect(
            Fixtures.describe(result.closures) == [
                "2026-12-23 12:00-24:00 Umzug", "2026-12-24 whole Umzug", "2026-12-25 whole Umzug",
            ])
    }

    @Test func timesAreRoundedOutwardsToWholeMinutesAndEventsWithoutSummaryGetAReason() throws {
        let text = Fixtures.event(["DTSTART:20260601T081530Z", "DTEND:20260601T091501Z"])
        let result = try ICalendarClosures.closures(
            from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates("2026-06-01", "2026-06-01"))
        #expect(Fixtures.describe(result.closures) == ["2026-06-01 10:15-11:16 Schließtag"])
    }

    @Test func zeroLengthEventsCloseNothing() throws {
        let text = Fixtures.event(["DTSTART:20260601T081500Z", "SUMMARY:Erinnerung"])
        let result = try ICalendarClosures.closures(
            from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates("2026-06-01", "2026-06-01"))
        #expect(result.closures.isEmpty)
    }

    @Test func warningsComeBackWithTheClosures() throws {
        let text = Fixtures.event([
            "DTSTART;TZID=Ortszeit:20260601T080000", "DTEND;TZID=Ortszeit:20260601T090000", "SUMMARY:x",
        ])
        let result = try ICalendarClosures.closures(
            from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates("2026-06-01", "2026-06-01"))
        #expect(Fixtures.describe(result.closures) == ["2026-06-01 08:00-09:00 x"])
        #expect(result.warnings == [.unknownTimeZone(line: 7, tzid: "Ortszeit", fallback: "Europe/Berlin")])
    }

    @Test func malformedClosureCalendarsFailWithTheirLine() throws {
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20261332"])
        #expect(throws: ICalendarError.invalidValue(line: 7, property: "DTSTART", value: "20261332")) {
            try ICalendarClosures.closures(
                from: text, zone: try Fixtures.berlin(), dates: try Fixtures.dates("2026-01-01", "2026-12-31"))
        }
    }
}
