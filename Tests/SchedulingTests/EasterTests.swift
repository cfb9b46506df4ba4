import Testing

@testable import Scheduling

@Suite struct EasterTests {
    @Test(arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25"),
        (2019, "2019-04-21"), (2000, "2000-04-23"), (2008, "2008-03-23"), (1818, "1818-03-22"),
        (2285, "2285-03-22"), (1943, "1943-04-25"), (1583, "1583-04-10"),
    ])
    func easterSundayMatchesKnownDates(year: Int, expected: String) {
        #expect(Easter.sunday(year: year)?.iso == expected)
    }

    @Test func easterIsASundayBetweenMarch22AndApril25InEveryGregorianYear() throws {
        for year in Easter.years {
            let date = try #require(Easter.sunday(year: year))
            #expect(date.weekday == .sunday)
            #expect(date >= LocalDate(year: year, month: 3, day: 22)!)
            #expect(date <= LocalDate(year: year, month: 4, day: 25)!)
        }
    }

    @Test func yearsBeforeTheGregorianReformHaveNoEaster() {
        #expect(Easter.sunday(year: 1582) == nil)
        #expect(Easter.sunday(year: 10_000) == nil)
    }
}
