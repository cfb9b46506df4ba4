import Scheduling
import Testing

@testable import ICalendar

@Suite struct ICalendarDocumentWritingTests {
    private func sampleDocument() throws -> ICalendarDocument {
        let berlin = try Fixtures.berlin()
        let stamp = try #require(RFC3339.parse("2026-11-20T10:00:00Z")).instant
        var booking = ICalendarEvent(
            uid: "B-7Q4K2M@musterstadt.rathaus",
            start: .zoned(try Fixtures.date("2026-12-01"), secondOfDay: 9 * 3600 + 10 * 60, berlin),
            end: .zoned(try Fixtures.date("2026-12-01"), secondOfDay: 9 * 3600 + 30 * 60, berlin),
            summary: "Termin: Personalausweis beantragen",
            description: """
                Bitte mitbringen: biometrisches Passfoto; alter Ausweis, falls vorhanden.
                Gebühr: 37,00 € – zahlbar mit Karte. Pfad: C:\\Bürger\\Termin 🎫
                """,
            location: "Bürgerbüro Musterstadt, Marktplatz 1; Schalter 3", timestamp: stamp, status: .confirmed,
            sequence: 2)
        booking.categories = ["Termin", "Bürgerbüro, Musterstadt"]
        let weekly = ICalendarEvent(
            uid: "weekly@test", start: .utc(try #require(RFC3339.parse("2026-11-04T12:00:00Z")).instant),
            end: .utc(try #require(RFC3339.parse("2026-11-04T15:00:00Z")).instant), summary: "Schulung",
            timestamp: stamp,
            recurrenceRule: RecurrenceRule(
                frequency: .weekly, end: .until(.utc(try #require(RFC3339.parse("2026-12-16T22:59:59Z")).instant)),
                byDay: [.init(.wednesday)]),
            recurrenceDates: [.utc(try #require(RFC3339.parse("2026-12-21T12:00:00Z")).instant)],
            exceptionDates: [.utc(try #require(RFC3339.parse("2026-11-18T12:00:00Z")).instant)])
        let moved = ICalendarEvent(
            uid: "weekly@test", start: .floating(try Fixtures.date("2026-12-02"), secondOfDay: 9 * 3600),
            duration: ICalendarDuration(seconds: 3 * 3600), summary: "Schulung (vormittags)", timestamp: stamp,
            recurrenceID: .utc(try #require(RFC3339.parse("2026-12-02T12:00:00Z")).instant))
        var holiday = ICalendarEvent.allDay(
            uid: "DE-BY-2026-12-24@test", from: try Fixtures.date("2026-12-24"),
            through: try Fixtures.date("2026-12-26"),
            summary: "Weihnachten")
        holiday.timestamp = stamp
        holiday.isTransparent = true
        return ICalendarDocument(
            productID: "-//Rathaus//Tests//DE", method: "PUBLISH", name: "Bürgerbüro; Termine",
            calendarDescription: "Alle Termine\nin einem Kalender", events: [booking, weekly, moved, holiday])
    }

    @Test func writingThenReadingGivesTheSameDocument() throws {
        let document = try sampleDocument()
        let text = document.serialized(stamp: Instant(secondsSinceEpoch: 0))
        let reading = try Fixtures.read(text, zone: try Fixtures.zone("Asia/Tokyo"))
        #expect(reading.warnings.isEmpty)
        var events = reading.document.events
        for index in events.indices { events[index].sourceLine = nil }
        #expect(events == document.events)
        #expect(reading.document.productID == document.productID)
        #expect(reading.document.method == "PUBLISH")
        #expect(reading.document.name == document.name)
        #expect(reading.document.calendarDescription == document.calendarDescription)
    }

    @Test func outputUsesCRLFFoldsAt75OctetsAndHasOneTimeZonePerZone() throws {
        let text = try sampleDocument().serialized(stamp: Instant(secondsSinceEpoch: 0))
        #expect(
            text.hasPrefix(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rathaus//Tests//DE\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
            ))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        for line in lines {
            #expect(line.last == 0x0D)
            #expect(line.count - 1 <= 75)
        }
        #expect(
            !text.utf8.enumerated().contains {
                $0.element == 0x0A && ($0.offset == 0 || Array(text.utf8)[$0.offset - 1] != 0x0D)
            })
        #expect(text.ranges(of: "BEGIN:VTIMEZONE").count == 1)
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20261201T091000\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\n"))
        #expect(text.contains("LOCATION:Bürgerbüro Musterstadt\\, Marktplatz 1\\; Schalter 3\r\n"))
        #expect(text.contains("CATEGORIES:Termin,Bürgerbüro\\, Musterstadt\r\n"))
        #expect(text.contains("DTSTAMP:20261120T100000Z\r\n"))
    }

    @Test func theStampParameterFillsInMissingTimestamps() throws {
        let event = ICalendarEvent(uid: "a", start: .date(try Fixtures.date("2026-12-24")))
        let stamp = try #require(RFC3339.parse("2026-01-01T00:00:00Z")).instant
        let text = ICalendarDocument(productID: "p", events: [event]).serialized(stamp: stamp)
        #expect(text.contains("DTSTAMP:20260101T000000Z\r\n"))
        #expect(!text.contains("METHOD"))
        #expect(!text.contains("VTIMEZONE"))
    }

    @Test func aCancellationCarriesMethodSequenceAndStatus() throws {
        let berlin = try Fixtures.berlin()
        let event = ICalendarEvent(
            uid: "B-1@rathaus", start: .zoned(try Fixtures.date("2026-12-01"), secondOfDay: 32_400, berlin),
            end: .zoned(try Fixtures.date("2026-12-01"), secondOfDay: 33_600, berlin), summary: "Termin",
            status: .cancelled, sequence: 3)
        let text = ICalendarDocument(productID: "p", method: "CANCEL", events: [event]).serialized(
            stamp: Instant(secondsSinceEpoch: 0))
        #expect(text.contains("METHOD:CANCEL\r\n"))
        #expect(text.contains("SEQUENCE:3\r\nSTATUS:CANCELLED\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"))
    }
}
