import Scheduling
import Testing

@testable import ICalendar

@Suite struct OccurrenceTests {
    private func occurrences(
        _ text: String, _ from: String, _ to: String, zone: OfficeTimeZone? = nil,
        limits: ICalendarLimits = ICalendarLimits()
    ) throws -> [String] {
        let zone = try zone ?? Fixtures.berlin()
        let document = try Fixtures.read(text, zone: zone, limits: limits).document
        return Fixtures.describe(
            try document.occurrences(in: try Fixtures.dates(from, to), zone: zone, limits: limits), in: zone)
    }

    @Test func googleWeeklyRuleHonoursUntilExdateAndTheMovedInstance() throws {
        let berlin = try Fixtures.berlin()
        let document = try ICalendarReader(defaultZone: berlin).read(
            bytes: try Fixtures.bytes("google-schliesszeiten.ics")
        ).document
        let found = try document.occurrences(in: try Fixtures.dates("2026-01-01", "2026-12-31"), zone: berlin)
        #expect(
            Fixtures.describe(found, in: berlin) == [
                "2026-05-15",
                "2026-11-04T13:00:00+01:00", "2026-11-11T13:00:00+01:00", "2026-11-25T13:00:00+01:00",
                "2026-12-02T09:00:00+01:00", "2026-12-09T13:00:00+01:00", "2026-12-16T13:00:00+01:00",
            ])
        #expect(!found.contains { $0.summary == "Tag der offenen Tür" })
        #expect(
            found[4].span
                == .time(
                    start: try #require(RFC3339.parse("2026-12-02T08:00:00Z")).instant,
                    end: try #require(RFC3339.parse("2026-12-02T11:00:00Z")).instant))
    }

    @Test func thunderbirdMonthlyRuleCountsTheExcludedInstance() throws {
        let berlin = try Fixtures.berlin()
        let document = try ICalendarReader(defaultZone: berlin).read(
            bytes: try Fixtures.bytes("thunderbird-schliesstage.ics")
        ).document
        let found = try document.occurrences(in: try Fixtures.dates("2026-01-01", "2026-12-31"), zone: berlin)
            .filter { $0.summary?.hasPrefix("Dienstbesprechung") ?? false }
        #expect(
            Fixtures.describe(found, in: berlin) == [
                "2026-01-05T08:00:00+01:00", "2026-03-02T08:00:00+01:00", "2026-04-06T08:00:00+02:00",
                "2026-05-04T08:00:00+02:00", "2026-06-01T08:00:00+02:00",
            ])
    }

    @Test func outlookYearlyAllDayEventsRepeatEveryYear() throws {
        let berlin = try Fixtures.berlin()
        let document = try ICalendarReader(defaultZone: berlin).read(
            bytes: try Fixtures.bytes("outlook-schliesstage.ics")
        ).document
        let found = try document.occurrences(in: try Fixtures.dates("2025-06-01", "2027-01-15"), zone: berlin)
        #expect(
            Fixtures.describe(found, in: berlin) == [
                "2025-12-24", "2025-12-31", "2026-02-16", "2026-03-18T13:00:00+01:00", "2026-09-10..2026-09-11",
                "2026-12-24", "2026-12-31",
            ])
    }

    @Test func aCancelledOverrideRemovesItsInstance() throws {
        let text = Fixtures.calendar([
            "BEGIN:VEVENT", "UID:team", "DTSTART;TZID=Europe/Berlin:20260105T080000", "DURATION:PT1H",
            "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT",
            "BEGIN:VEVENT", "UID:team", "RECURRENCE-ID;TZID=Europe/Berlin:20260112T080000",
            "DTSTART;TZID=Europe/Berlin:20260112T080000", "STATUS:CANCELLED", "END:VEVENT",
        ])
        #expect(
            try occurrences(text, "2026-01-01", "2026-01-31") == [
                "2026-01-05T08:00:00+01:00", "2026-01-19T08:00:00+01:00",
            ])
    }

    @Test func aCancelledEventHasNoOccurrences() throws {
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=YEARLY", "STATUS:CANCELLED"])
        #expect(try occurrences(text, "2026-01-01", "2030-12-31").isEmpty)
    }

    @Test func aCancelledSeriesTakesItsMovedInstancesWithIt() throws {
        let text = Fixtures.calendar([
            "BEGIN:VEVENT", "UID:series", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=WEEKLY;COUNT=3",
            "STATUS:CANCELLED", "END:VEVENT",
            "BEGIN:VEVENT", "UID:series", "RECURRENCE-ID;VALUE=DATE:20260112", "DTSTART;VALUE=DATE:20260113",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:other", "RECURRENCE-ID;VALUE=DATE:20260112", "DTSTART;VALUE=DATE:20260114",
            "END:VEVENT",
        ])
        #expect(try occurrences(text, "2026-01-01", "2026-01-31") == ["2026-01-14"])
    }

    @Test func recurrenceDatesAddAndExceptionDatesRemove() throws {
        let text = Fixtures.event([
            "DTSTART;VALUE=DATE:20260601", "RRULE:FREQ=DAILY;COUNT=3", "RDATE;VALUE=DATE:20260610,20260611",
            "EXDATE;VALUE=DATE:20260602", "EXDATE;VALUE=DATE:20260611",
        ])
        #expect(try occurrences(text, "2026-01-01", "2026-12-31") == ["2026-06-01", "2026-06-03", "2026-06-10"])
    }

    @Test func aDateExceptionRemovesATimedInstanceOnThatDay() throws {
        let text = Fixtures.event([
            "DTSTART:20260601T100000Z", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20260602",
        ])
        #expect(
            try occurrences(text, "2026-06-01", "2026-06-30") == [
                "2026-06-01T12:00:00+02:00", "2026-06-03T12:00:00+02:00",
            ])
    }

    @Test func untilAsADateTimeIsInclusive() throws {
        let inclusive = Fixtures.event([
            "DTSTART;TZID=Europe/Berlin:20260601T090000", "RRULE:FREQ=DAILY;UNTIL=20260603T070000Z",
        ])
        #expect(try occurrences(inclusive, "2026-06-01", "2026-06-30").count == 3)
        let exclusive = Fixtures.event([
            "DTSTART;TZID=Europe/Berlin:20260601T090000", "RRULE:FREQ=DAILY;UNTIL=20260603T065959Z",
        ])
        #expect(try occurrences(exclusive, "2026-06-01", "2026-06-30").count == 2)
        let allDay = Fixtures.event(["DTSTART;VALUE=DATE:20260601", "RRULE:FREQ=DAILY;UNTIL=20260603"])
        #expect(try occurrences(allDay, "2026-06-01", "2026-06-30") == ["2026-06-01", "2026-06-02", "2026-06-03"])
    }

    @Test func eventsWithoutAnEndLastADayOrAnInstant() throws {
        let berlin = try Fixtures.berlin()
        let allDay = try Fixtures.read(Fixtures.event(["DTSTART;VALUE=DATE:20261224"])).document
        #expect(
            try allDay.occurrences(in: try Fixtures.dates("2026-12-01", "2026-12-31"), zone: berlin).map(\.span) == [
                .days(first: try Fixtures.date("2026-12-24"), last: try Fixtures.date("2026-12-24"))
            ])
        let timed = try Fixtures.read(Fixtures.event(["DTSTART:20261224T100000Z"])).document
        let instant = try #require(RFC3339.parse("2026-12-24T10:00:00Z")).instant
        #expect(
            try timed.occurrences(in: try Fixtures.dates("2026-12-01", "2026-12-31"), zone: berlin).map(\.span) == [
                .time(start: instant, end: instant)
            ])
    }

    @Test func aDayOfDurationIsNominalAcrossTheDaylightSavingChange() throws {
        let berlin = try Fixtures.berlin()
        let nominal = try Fixtures.read(Fixtures.event(["DTSTART;TZID=Europe/Berlin:20260328T120000", "DURATION:P1D"]))
            .document
        let exact = try Fixtures.read(Fixtures.event(["DTSTART;TZID=Europe/Berlin:20260328T120000", "DURATION:PT24H"]))
            .document
        let range = try Fixtures.dates("2026-03-01", "2026-03-31")
        guard case .time(_, let nominalEnd)? = try nominal.occurrences(in: range, zone: berlin).first?.span,
            case .time(_, let exactEnd)? = try exact.occurrences(in: range, zone: berlin).first?.span
        else {
            Issue.record("expected timed occurrences")
            return
        }
        #expect(RFC3339.format(nominalEnd, offsetSeconds: 7200) == "2026-03-29T12:00:00+02:00")
        #expect(RFC3339.format(exactEnd, offsetSeconds: 7200) == "2026-03-29T13:00:00+02:00")
    }

    @Test func timedRecurrencesKeepTheirWallClockTimeAcrossDaylightSaving() throws {
        let text = Fixtures.event([
            "DTSTART;TZID=Europe/Berlin:20260327T090000", "DTEND;TZID=Europe/Berlin:20260327T100000",
            "RRULE:FREQ=DAILY;COUNT=4",
        ])
        #expect(
            try occurrences(text, "2026-03-01", "2026-03-31") == [
                "2026-03-27T09:00:00+01:00", "2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00",
                "2026-03-30T09:00:00+02:00",
            ])
    }

    @Test func occurrencesAreLimitedToTheRangeInTheOfficeZone() throws {
        // 23:30 UTC is already the next day in Berlin.
        let text = Fixtures.event(["DTSTART:20260601T233000Z", "DTEND:20260601T234500Z", "RRULE:FREQ=DAILY"])
        #expect(
            try occurrences(text, "2026-06-05", "2026-06-06") == [
                "2026-06-05T01:30:00+02:00", "2026-06-06T01:30:00+02:00",
            ])
        // An event ending exactly when the range starts is not in it.
        let before = Fixtures.event([
            "DTSTART;TZID=Europe/Berlin:20260604T220000", "DTEND;TZID=Europe/Berlin:20260605T000000",
        ])
        #expect(try occurrences(before, "2026-06-05", "2026-06-06").isEmpty)
        // A long all-day event that started before the range reaches into it.
        let long = Fixtures.event(["DTSTART;VALUE=DATE:20260520", "DTEND;VALUE=DATE:20260610", "RRULE:FREQ=YEARLY"])
        #expect(try occurrences(long, "2026-06-05", "2026-06-06") == ["2026-05-20..2026-06-09"])
    }

    @Test func theRangeLimitIsEnforcedAtItsEdge() throws {
        var limits = ICalendarLimits()
        limits.maximumRangeDays = 10
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20260601", "RRULE:FREQ=DAILY"])
        #expect(try occurrences(text, "2026-06-01", "2026-06-10", limits: limits).count == 10)
        #expect(throws: ICalendarError.rangeTooLarge(days: 11, limit: 10)) {
            try occurrences(text, "2026-06-01", "2026-06-11", limits: limits)
        }
    }

    @Test func theOccurrenceLimitIsEnforcedAtItsEdge() throws {
        var limits = ICalendarLimits()
        limits.maximumOccurrences = 5
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20260601", "RRULE:FREQ=DAILY"])
        #expect(try occurrences(text, "2026-06-01", "2026-06-05", limits: limits).count == 5)
        #expect(throws: ICalendarError.tooManyOccurrences(limit: 5)) {
            try occurrences(text, "2026-06-01", "2026-06-06", limits: limits)
        }
    }

    @Test func theStepLimitNamesTheEvent() throws {
        var limits = ICalendarLimits()
        limits.maximumRecurrenceSteps = 20
        let text = Fixtures.event(["DTSTART;VALUE=DATE:20000101", "RRULE:FREQ=YEARLY;COUNT=5;BYMONTH=2;BYMONTHDAY=30"])
        #expect(throws: ICalendarError.recurrenceTooLong(line: 4, limit: 20)) {
            try occurrences(text, "2026-06-01", "2026-06-05", limits: limits)
        }
        limits.maximumRecurrenceSteps = 40
        #expect(try occurrences(text, "2026-06-01", "2026-06-05", limits: limits).isEmpty)
    }
}
