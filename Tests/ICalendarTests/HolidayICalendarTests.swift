import Foundation
import Scheduling
import Testing

@testable import ICalendar

@Suite struct HolidayICalendarTests {
    private static let directory = Fixtures.repositoryRoot.appendingPathComponent("Calendars/holidays")

    @Test(arguments: HolidayCalendar.all)
    func theCommittedFileIsExactlyWhatTheCommandGenerates(calendar: HolidayCalendar) throws {
        let url = Self.directory.appendingPathComponent(calendar.identifier + ".ics")
        let committed = try Data(contentsOf: url)
        let generated = Data(HolidayICalendar.text(for: calendar, years: HolidayICalendar.committedYears).utf8)
        #expect(
            committed == generated,
            "Calendars/holidays/\(calendar.identifier).ics is out of date: run Scripts/generate-holidays")
    }

    @Test func theHolidayDirectoryHoldsExactlyTheKnownCalendars() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".ics") }.sorted()
        #expect(names == HolidayCalendar.all.map { $0.identifier + ".ics" }.sorted())
    }

    @Test func aHolidayFileReadsBackAsTheStatesHolidays() throws {
        let berlin = try Fixtures.berlin()
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent("DE-BY.ics")))
        let reading = try ICalendarReader(defaultZone: berlin).read(bytes: bytes)
        #expect(reading.warnings.isEmpty)
        #expect(reading.document.name == "Feiertage Bayern")
        let range = try Fixtures.dates("2020-01-01", "2040-12-31")
        let occurrences = try reading.document.occurrences(in: range, zone: berlin)
        let expected = HolidayCalendar.state(.by).holidays(years: HolidayICalendar.committedYears)
        #expect(occurrences.map(\.summary) == expected.map(\.name))
        #expect(occurrences.map(\.span) == expected.map { OccurrenceSpan.days(first: $0.date, last: $0.date) })
        #expect(occurrences.map(\.uid).first == "DE-BY-2020-01-01-neujahr@rathaus")
        #expect(Set(occurrences.map(\.uid)).count == occurrences.count)
    }

    @Test func closuresFromAHolidayFileAreTheHolidaysAsWholeDays() throws {
        let text = String(
            decoding: try Data(contentsOf: Self.directory.appendingPathComponent("DE-NW.ics")), as: UTF8.self)
        let range = try Fixtures.dates("2026-01-01", "2026-12-31")
        let result = try ICalendarClosures.closures(from: text, zone: try Fixtures.berlin(), dates: range)
        #expect(result.closures == HolidayCalendar.state(.nw).closures(in: range))
        #expect(result.closures.count == 11)
    }

    @Test func generatedFilesHaveStableStampsAndShortLines() throws {
        let text = HolidayICalendar.text(for: .regional(.augsburg), years: 2026...2027)
        #expect(text == HolidayICalendar.text(for: .regional(.augsburg), years: 2026...2027))
        #expect(text.contains("UID:DE-BY-augsburg-2026-08-08-augsburger-friedensfest@rathaus\r\n"))
        #expect(text.contains("DTSTAMP:20260101T000000Z\r\n"))
        #expect(text.contains("SUMMARY:Augsburger Friedensfest\r\n"))
        #expect(text.contains("X-WR-CALNAME:Augsburger Friedensfest\r\n"))
        for line in text.utf8.split(separator: 0x0A) {
            #expect(line.count <= 76)  // 75 octets and the CR
        }
    }
}
