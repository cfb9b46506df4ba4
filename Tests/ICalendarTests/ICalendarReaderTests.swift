import Scheduling
import Testing

@testable import ICalendar

@Suite struct ICalendarReaderTests {
    @Test func outlookExportIsReadWithItsWindowsTimeZone() throws {
        let berlin = try Fixtures.berlin()
        let reading = try ICalendarReader(defaultZone: try Fixtures.zone("Etc/UTC"))
            .read(bytes: try Fixtures.bytes("outlook-schliesstage.ics"))
        let document = reading.document
        #expect(reading.warnings.isEmpty)
        #expect(document.productID == "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
        #expect(document.method == "PUBLISH")
        #expect(document.name == "Schließtage Bürgerbüro")
        #expect(
            document.events.map(\.summary) == [
                "Heiligabend", "Silvester", "Rosenmontag", "Personalversammlung", "Betriebsausflug",
            ])

        let christmasEve = document.events[0]
        #expect(christmasEve.start == .date(try Fixtures.date("2024-12-24")))
        #expect(christmasEve.end == .date(try Fixtures.date("2024-12-25")))
        #expect(christmasEve.recurrenceRule == RecurrenceRule(frequency: .yearly, byMonth: [12], byMonthDay: [24]))
        #expect(christmasEve.description == "Das Bürgerbüro bleibt an Heiligabend geschlossen.\n")
        #expect(christmasEve.isTransparent)
        #expect(christmasEve.sourceLine == 32)

        // "W. Europe Standard Time" is Europe/Berlin, quoted or not.
        let assembly = document.events[3]
        #expect(assembly.start == .zoned(try Fixtures.date("2026-03-18"), secondOfDay: 13 * 3600, berlin))
        #expect(assembly.end == .zoned(try Fixtures.date("2026-03-18"), secondOfDay: 16 * 3600, berlin))
        #expect(assembly.location == "Ratssaal")
        #expect(assembly.sequence == 1)
        #expect(assembly.start.instant(in: berlin) == RFC3339.parse("2026-03-18T12:00:00Z")?.instant)
    }

    @Test func googleExportIsReadWithUTCTimesOverridesAndFoldedDescription() throws {
        let reading = try ICalendarReader(defaultZone: try Fixtures.berlin())
            .read(bytes: try Fixtures.bytes("google-schliesszeiten.ics"))
        let events = reading.document.events
        #expect(reading.warnings.isEmpty)
        #expect(reading.document.name == "Bürgerbüro Musterstadt – Schließzeiten")
        #expect(events.count == 4)

        let training = events[0]
        #expect(training.start == .utc(try #require(RFC3339.parse("2026-11-04T12:00:00Z")).instant))
        #expect(training.recurrenceRule?.frequency == .weekly)
        #expect(training.recurrenceRule?.byDay == [RecurrenceRule.WeekdayNumber(.wednesday)])
        #expect(
            training.recurrenceRule?.end == .until(.utc(try #require(RFC3339.parse("2026-12-16T22:59:59Z")).instant)))
        #expect(training.exceptionDates == [.utc(try #require(RFC3339.parse("2026-11-18T12:00:00Z")).instant)])
        #expect(training.location == "Bürgerbüro, Marktplatz 1, 12345 Musterstadt")
        #expect(training.status == .confirmed)
        let description = try #require(training.description)
        #expect(description.hasPrefix("Jeden Mittwochnachmittag im November und Dezember schließt das Bürgerbüro"))
        #expect(description.hasSuffix("Frau Beispiel, Zimmer 1.12 – Durchwahl 2312 ☎️"))
        #expect(description.contains("verlegen.\n\nAnsprechpartnerin"))

        #expect(events[1].uid == training.uid)
        #expect(events[1].recurrenceID == .utc(try #require(RFC3339.parse("2026-12-02T12:00:00Z")).instant))
        #expect(events[2].description == "")
        #expect(events[3].status == .cancelled)
    }

    @Test func thunderbirdExportWithLineFeedsIsRead() throws {
        let berlin = try Fixtures.berlin()
        let reading = try ICalendarReader(defaultZone: try Fixtures.zone("Etc/UTC"))
            .read(bytes: try Fixtures.bytes("thunderbird-schliesstage.ics"))
        let events = reading.document.events
        #expect(reading.warnings.isEmpty)
        #expect(events.count == 4)
        #expect(events[0].summary == "Rosenmontag")
        #expect(events[1].summary == "Dienstbesprechung (Öffnung erst 9:30 Uhr)")
        #expect(events[1].start == .zoned(try Fixtures.date("2026-01-05"), secondOfDay: 8 * 3600, berlin))
        #expect(
            events[1].recurrenceRule
                == RecurrenceRule(frequency: .monthly, end: .count(6), byDay: [.init(.monday, ordinal: 1)]))
        #expect(events[1].exceptionDates == [.zoned(try Fixtures.date("2026-02-02"), secondOfDay: 8 * 3600, berlin)])
        #expect(events[1].categories == ["Besprechung", "Intern"])
        #expect(events[1].timestamp == RFC3339.parse("2026-01-20T10:10:10Z")?.instant)
    }

    @Test(arguments: [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("Central European Standard Time", "Europe/Warsaw"),
        ("GMT Standard Time", "Europe/London"),
        ("\"Europe/Vienna\"", "Europe/Vienna"),
        ("/mozilla.org/20070129_1/Europe/Berlin", "Europe/Berlin"),
        ("/Europe/Zurich", "Europe/Zurich"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien", "Europe/Berlin"),
        ("(UTC+01:00) Brüssel, Kopenhagen, Madrid, Paris", "Europe/Brussels"),
        ("UTC", "UTC"),
        ("Coordinated Universal Time", "Etc/UTC"),
    ])
    func commonTZIDsResolveToIANAZones(tzid: String, expected: String) {
        #expect(TimeZoneNames.zone(forTZID: tzid)?.identifier == expected)
    }

    @Test func xLicLocationOfAVTimeZoneNamesTheZone() throws {
        let text = Fixtures.calendar([
            "BEGIN:VTIMEZONE", "TZID:Mitteleuropäische Zeit", "X-LIC-LOCATION:Europe/Berlin", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Mitteleuropäische Zeit:20260701T100000", "END:VEVENT",
        ])
        let reading = try Fixtures.read(text, zone: try Fixtures.zone("Asia/Tokyo"))
        #expect(reading.warnings.isEmpty)
        #expect(
            reading.document.events[0].start
                == .zoned(try Fixtures.date("2026-07-01"), secondOfDay: 36_000, try Fixtures.berlin()))
    }

    @Test func anUnknownTZIDFallsBackToTheDefaultZoneWithAWarning() throws {
        let text = Fixtures.event(["DTSTART;TZID=Musterstädter Ortszeit:20260701T100000"])
        let reading = try Fixtures.read(text)
        #expect(
            reading.document.events[0].start
                == .zoned(try Fixtures.date("2026-07-01"), secondOfDay: 36_000, try Fixtures.berlin()))
        #expect(
            reading.warnings == [.unknownTimeZone(line: 7, tzid: "Musterstädter Ortszeit", fallback: "Europe/Berlin")])
        #expect(
            reading.warnings[0].description
                == "line 7: unknown time zone 'Musterstädter Ortszeit', read as Europe/Berlin")
    }

    @Test func floatingDateTimesStayFloating() throws {
        let event = try Fixtures.read(Fixtures.event(["DTSTART:20260701T100000", "DURATION:PT2H"])).document.events[0]
        #expect(event.start == .floating(try Fixtures.date("2026-07-01"), secondOfDay: 36_000))
        #expect(event.duration == ICalendarDuration(seconds: 7200))
        #expect(event.start.instant(in: try Fixtures.berlin()) == RFC3339.parse("2026-07-01T08:00:00Z")?.instant)
        #expect(
            event.start.instant(in: try Fixtures.zone("Europe/London"))
                == RFC3339.parse("2026-07-01T09:00:00Z")?.instant)
    }

    @Test func eightDigitDatesWithoutValueParameterAreDates() throws {
        let event = try Fixtures.read(Fixtures.event(["DTSTART:20261224"])).document.events[0]
        #expect(event.start == .date(try Fixtures.date("2026-12-24")))
    }

    @Test func unknownComponentsAndPropertiesAreIgnored() throws {
        let text = Fixtures.calendar([
            "X-WR-TIMEZONE:Europe/Berlin", "BEGIN:VTODO", "UID:todo", "SUMMARY:Akten", "END:VTODO",
            "BEGIN:X-RATHAUS-THING", "FOO:bar", "END:X-RATHAUS-THING",
            "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20261224", "X-FOO;X-BAR=1:baz", "ATTACH:https://x.example/a",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT",
            "BEGIN:VJOURNAL", "UID:j", "END:VJOURNAL",
        ])
        let events = try Fixtures.read(text).document.events
        #expect(events.map(\.uid) == ["a"])
    }

    @Test func severalCalendarsInOneStreamAreRead() throws {
        let one = Fixtures.event(["DTSTART;VALUE=DATE:20261224"], uid: "one")
        let two = Fixtures.event(["DTSTART;VALUE=DATE:20261231"], uid: "two")
        #expect(try Fixtures.read(one + two).document.events.map(\.uid) == ["one", "two"])
    }

    @Test(arguments: [
        ("P1D", 1, 0), ("PT1H30M", 0, 5400), ("P2W", 14, 0), ("-PT15M", 0, -900), ("P1DT12H", 1, 43_200),
        ("PT0S", 0, 0), ("+PT10S", 0, 10), ("PT1H0M5S", 0, 3605),
    ])
    func durationsParse(text: String, days: Int, seconds: Int) {
        #expect(ICalendarDuration.parse(text) == ICalendarDuration(days: days, seconds: seconds))
    }

    @Test(arguments: ["", "P", "PT", "1D", "P1H", "PT1D", "P1DT", "PT1M1H", "P1D2W", "P1234567890D", "P-1D", "PTH"])
    func malformedDurationsAreRejected(text: String) {
        #expect(ICalendarDuration.parse(text) == nil)
    }

    @Test func durationsWriteInTheirShortestValidForm() {
        #expect(ICalendarDuration(days: 1).text == "P1D")
        #expect(ICalendarDuration(days: 14).text == "P2W")
        #expect(ICalendarDuration(seconds: 5400).text == "PT1H30M")
        #expect(ICalendarDuration(seconds: 3605).text == "PT1H0M5S")
        #expect(ICalendarDuration(seconds: -900).text == "-PT15M")
        #expect(ICalendarDuration().text == "PT0S")
        #expect(ICalendarDuration(days: 1, seconds: 3600).text == "P1DT1H")
    }

    @Test func nonexistentAndRepeatedLocalTimesFollowRFC5545() throws {
        let berlin = try Fixtures.berlin()
        // 02:30 on 29 March 2026 does not exist: read with the offset before the gap (03:30 CEST).
        let gap = ICalendarTime.zoned(try Fixtures.date("2026-03-29"), secondOfDay: 2 * 3600 + 1800, berlin)
        #expect(gap.instant(in: berlin) == RFC3339.parse("2026-03-29T01:30:00Z")?.instant)
        // 02:30 on 25 October 2026 happens twice: the first (CEST) is meant.
        let twice = ICalendarTime.zoned(try Fixtures.date("2026-10-25"), secondOfDay: 2 * 3600 + 1800, berlin)
        #expect(twice.instant(in: berlin) == RFC3339.parse("2026-10-25T00:30:00Z")?.instant)
    }
}
