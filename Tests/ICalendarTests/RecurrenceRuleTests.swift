import Scheduling
import Testing

@testable import ICalendar

/// Expansion checked against the examples of RFC 5545 §3.8.5.3 (dates only; times are kept by
/// the event).
@Suite struct RecurrenceRuleTests {
    private func expand(
        _ text: String, from start: String, through last: String = "2030-12-31", stepLimit: Int = 1_000_000
    ) throws -> [String] {
        let rule = try RecurrenceRule.parse(text, line: 1)
        let startDate = try Fixtures.date(start)
        var steps = 0
        let until: (LocalDate) -> Bool = { date in
            if case .until(let limit) = rule.end { return date > limit.writtenDate }
            return false
        }
        return try rule.dates(
            start: startDate, window: startDate...(try Fixtures.date(last)), isPastUntil: until, steps: &steps,
            stepLimit: stepLimit, line: 1
        ).map(\.iso)
    }

    private func days(_ year: Int, _ month: Int, _ days: [Int]) -> [String] {
        days.map { LocalDate(year: year, month: month, day: $0)?.iso ?? "invalid" }
    }

    @Test func dailyForTenOccurrences() throws {
        #expect(try expand("FREQ=DAILY;COUNT=10", from: "1997-09-02") == days(1997, 9, Array(2...11)))
    }

    @Test func everyOtherDayAndEveryTenDays() throws {
        #expect(
            try expand("FREQ=DAILY;INTERVAL=2", from: "1997-09-02", through: "1997-09-12")
                == days(1997, 9, [2, 4, 6, 8, 10, 12]))
        #expect(
            try expand("FREQ=DAILY;INTERVAL=10;COUNT=5", from: "1997-09-02") == days(1997, 9, [2, 12, 22])
                + days(1997, 10, [2, 12]))
    }

    @Test func everyDayInJanuaryForThreeYearsEitherWay() throws {
        let expected = days(1998, 1, Array(1...31)) + days(1999, 1, Array(1...31)) + days(2000, 1, Array(1...31))
        #expect(
            try expand("FREQ=YEARLY;UNTIL=20000131;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", from: "1998-01-01")
                == expected)
        #expect(try expand("FREQ=DAILY;UNTIL=20000131;BYMONTH=1", from: "1998-01-01") == expected)
    }

    @Test func weeklyForTenOccurrences() throws {
        #expect(
            try expand("FREQ=WEEKLY;COUNT=10", from: "1997-09-02") == days(1997, 9, [2, 9, 16, 23, 30])
                + days(1997, 10, [7, 14, 21, 28]) + days(1997, 11, [4]))
    }

    @Test func everyOtherWeekOnMondayWednesdayFridayUntilChristmasEve() throws {
        let expected =
            days(1997, 9, [1, 3, 5, 15, 17, 19, 29]) + days(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31])
            + days(1997, 11, [10, 12, 14, 24, 26, 28]) + days(1997, 12, [8, 10, 12, 22])
        let found = try expand("FREQ=WEEKLY;INTERVAL=2;UNTIL=19971223;WKST=SU;BYDAY=MO,WE,FR", from: "1997-09-01")
        #expect(found == expected)
    }

    @Test func everyOtherWeekOnTuesdayAndThursdayForEight() throws {
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", from: "1997-09-02") == days(
                1997, 9, [2, 4, 16, 18, 30]) + days(1997, 10, [2, 14, 16]))
    }

    @Test func weekStartDecidesWhichWeeksCount() throws {
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "1997-08-05")
                == days(1997, 8, [5, 10, 19, 24]))
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "1997-08-05")
                == days(1997, 8, [5, 17, 19, 31]))
    }

    @Test func monthlyOnTheFirstFriday() throws {
        let expected =
            days(1997, 9, [5]) + days(1997, 10, [3]) + days(1997, 11, [7]) + days(1997, 12, [5]) + days(1998, 1, [2])
            + days(1998, 2, [6]) + days(1998, 3, [6]) + days(1998, 4, [3]) + days(1998, 5, [1]) + days(1998, 6, [5])
        #expect(try expand("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", from: "1997-09-05") == expected)
    }

    @Test func everyOtherMonthOnTheFirstAndLastSunday() throws {
        let expected =
            days(1997, 9, [7, 28]) + days(1997, 11, [2, 30]) + days(1998, 1, [4, 25]) + days(1998, 3, [1, 29])
            + days(1998, 5, [3, 31])
        #expect(try expand("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", from: "1997-09-07") == expected)
    }

    @Test func monthlyOnTheSecondToLastMonday() throws {
        let expected =
            days(1997, 9, [22]) + days(1997, 10, [20]) + days(1997, 11, [17]) + days(1997, 12, [22])
            + days(1998, 1, [19]) + days(1998, 2, [16])
        #expect(try expand("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", from: "1997-09-22") == expected)
    }

    @Test func monthDaysCountFromTheEndWhenNegative() throws {
        #expect(
            try expand("FREQ=MONTHLY;BYMONTHDAY=-3", from: "1997-09-28", through: "1998-02-28") == days(1997, 9, [28])
                + days(1997, 10, [29]) + days(1997, 11, [28]) + days(1997, 12, [29]) + days(1998, 1, [29])
                + days(1998, 2, [26]))
        #expect(
            try expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", from: "1997-09-30") == days(1997, 9, [30])
                + days(1997, 10, [1, 31]) + days(1997, 11, [1, 30]) + days(1997, 12, [1, 31]) + days(1998, 1, [1, 31])
                + days(1998, 2, [1]))
        #expect(
            try expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", from: "1997-09-02") == days(1997, 9, [2, 15])
                + days(1997, 10, [2, 15]) + days(1997, 11, [2, 15]) + days(1997, 12, [2, 15]) + days(1998, 1, [2, 15]))
    }

    @Test func daysAMonthLacksAreSkipped() throws {
        #expect(
            try expand("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", from: "2007-01-15") == days(2007, 1, [15, 30])
                + days(2007, 2, [15]) + days(2007, 3, [15, 30]))
        #expect(try expand("FREQ=YEARLY;COUNT=3", from: "2000-02-29") == ["2000-02-29", "2004-02-29", "2008-02-29"])
        #expect(
            try expand("FREQ=MONTHLY;COUNT=4", from: "2026-01-31") == [
                "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31",
            ])
    }

    @Test func yearlyInJuneAndJuly() throws {
        let expected = (1997...2001).flatMap { days($0, 6, [10]) + days($0, 7, [10]) }
        #expect(try expand("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", from: "1997-06-10") == expected)
    }

    @Test func everyFridayThe13th() throws {
        // DTSTART is always the first instance; the RFC's example removes it with EXDATE.
        let found = try expand("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", from: "1997-09-02", through: "2000-12-31")
        #expect(found == ["1997-09-02", "1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"])
    }

    @Test func setPositionsPickFromEachMonth() throws {
        #expect(
            try expand("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", from: "1997-09-04") == [
                "1997-09-04", "1997-10-07", "1997-11-06",
            ])
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", from: "1997-09-29", through: "1998-03-31") == [
                "1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30",
            ])
    }

    @Test func yearlyByDayCountsWithinTheYearOrTheMonth() throws {
        #expect(
            try expand("FREQ=YEARLY;BYDAY=20MO", from: "1997-05-19", through: "1999-12-31") == [
                "1997-05-19", "1998-05-18", "1999-05-17",
            ])
        #expect(
            try expand("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", from: "1997-03-13", through: "1998-12-31") == days(
                1997, 3, [13, 20, 27]) + days(1998, 3, [5, 12, 19, 26]))
        #expect(
            try expand(
                "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", from: "1996-11-05",
                through: "2004-12-31") == ["1996-11-05", "2000-11-07", "2004-11-02"])
        // The rule a European VTIMEZONE uses: the last Sunday of March.
        #expect(
            try expand("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", from: "2024-03-31", through: "2027-12-31") == [
                "2024-03-31", "2025-03-30", "2026-03-29", "2027-03-28",
            ])
    }

    @Test func rulesWithoutCountSkipAheadToTheRange() throws {
        let rule = try RecurrenceRule.parse("FREQ=DAILY", line: 1)
        var steps = 0
        let found = try rule.dates(
            start: try Fixtures.date("1900-01-01"), window: try Fixtures.dates("2026-12-24", "2026-12-26"),
            isPastUntil: { _ in false }, steps: &steps, stepLimit: 100, line: 1)
        #expect(found.map(\.iso) == ["2026-12-24", "2026-12-25", "2026-12-26"])
        #expect(steps < 10)
    }

    @Test func aHugeCountStopsAtTheEndOfTheRange() throws {
        let found = try expand("FREQ=DAILY;COUNT=999999999", from: "2026-01-01", through: "2026-01-31")
        #expect(found.count == 31)
    }

    @Test func theStepLimitStopsRulesThatCannotMatch() throws {
        // 30 February never exists; with COUNT, every year from DTSTART must be looked at.
        #expect(throws: ICalendarError.recurrenceTooLong(line: 1, limit: 50)) {
            try expand(
                "FREQ=YEARLY;COUNT=2;BYMONTH=2;BYMONTHDAY=30", from: "1900-01-01", through: "2100-12-31", stepLimit: 50)
        }
        #expect(
            try expand("FREQ=YEARLY;COUNT=2;BYMONTH=2;BYMONTHDAY=30", from: "1900-01-01", through: "2100-12-31") == [
                "1900-01-01"
            ])
    }

    @Test func rulesWriteBackToTheirText() throws {
        for text in [
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=WEEKLY;UNTIL=20261216T225959Z;BYDAY=WE",
            "FREQ=MONTHLY;COUNT=10;INTERVAL=2;BYDAY=1SU,-1SU", "FREQ=DAILY;UNTIL=20261231;BYMONTH=1,2;BYMONTHDAY=-1,15",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;WKST=SU",
        ] {
            #expect(try RecurrenceRule.parse(text, line: 1).text == text)
        }
        #expect(
            try RecurrenceRule.parse("freq=weekly;byday=mo,we;x-name=1;", line: 1).text == "FREQ=WEEKLY;BYDAY=MO,WE")
    }
}
