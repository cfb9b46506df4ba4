import Testing

@testable import Scheduling

@Suite struct HolidayCalendarTests {
    private func dates(_ calendar: HolidayCalendar, _ year: Int) -> [String] {
        calendar.holidays(year: year).map(\.date.iso)
    }

    private func has(_ state: GermanState, _ key: String, _ year: Int) -> Bool {
        HolidayCalendar.state(state).holidays(year: year).contains { $0.key == key }
    }

    @Test func bavariaIn2026HasItsTwelveHolidaysInDateOrder() {
        let holidays = HolidayCalendar.state(.by).holidays(year: 2026)
        #expect(
            holidays.map(\.date.iso) == [
                "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                "2026-06-04", "2026-10-03", "2026-11-01", "2026-12-25", "2026-12-26",
            ])
        #expect(
            holidays.map(\.name) == [
                "Neujahr", "Heilige Drei Könige", "Karfreitag", "Ostermontag", "Tag der Arbeit", "Christi Himmelfahrt",
                "Pfingstmontag", "Fronleichnam", "Tag der Deutschen Einheit", "Allerheiligen", "1. Weihnachtsfeiertag",
                "2. Weihnachtsfeiertag",
            ])
    }

    @Test func everyStateHasTheNineNationwideHolidays() {
        let nationwide = [
            "neujahr", "karfreitag", "ostermontag", "tag-der-arbeit", "christi-himmelfahrt", "pfingstmontag",
            "tag-der-deutschen-einheit", "weihnachtstag-1", "weihnachtstag-2",
        ]
        for state in GermanState.allCases {
            for year in [1995, 2026, 2199] {
                let keys = Set(HolidayCalendar.state(state).holidays(year: year).map(\.key))
                #expect(keys.isSuperset(of: nationwide), "\(state.code) \(year)")
            }
        }
    }

    @Test(arguments: [
        (GermanState.bw, 12), (.by, 12), (.be, 10), (.bb, 10), (.hb, 10), (.hh, 10), (.he, 10), (.mv, 11), (.ni, 10),
        (.nw, 11), (.rp, 11), (.sl, 12), (.sn, 11), (.st, 11), (.sh, 10), (.th, 11),
    ])
    func eachStateHasItsNumberOfHolidaysIn2026(state: GermanState, count: Int) {
        #expect(HolidayCalendar.state(state).holidays(year: 2026).count == count)
    }

    @Test func stateSpecificHolidaysBelongToTheirStatesOnly() {
        let expected: [(String, Set<GermanState>)] = [
            ("heilige-drei-koenige", [.bw, .by, .st]),
            ("fronleichnam", [.bw, .by, .he, .nw, .rp, .sl]),
            ("mariae-himmelfahrt", [.sl]),
            ("reformationstag", [.bb, .mv, .sn, .st, .th, .hb, .hh, .ni, .sh]),
            ("allerheiligen", [.bw, .by, .nw, .rp, .sl]),
            ("buss-und-bettag", [.sn]),
            ("weltkindertag", [.th]),
            ("frauentag", [.be, .mv]),
        ]
        for (key, states) in expected {
            let found = Set(GermanState.allCases.filter { has($0, key, 2026) })
            #expect(found == states, "\(key)")
        }
    }

    @Test func frauentagStartsIn2019InBerlinAndIn2023InMecklenburgVorpommern() {
        #expect(!has(.be, "frauentag", 2018))
        #expect(has(.be, "frauentag", 2019))
        #expect(!has(.mv, "frauentag", 2022))
        #expect(has(.mv, "frauentag", 2023))
        #expect(HolidayCalendar.state(.be).holidays(year: 2019).contains { $0.date.iso == "2019-03-08" })
    }

    @Test func reformationstagWasEverywhereIn2017AndInTheNorthFrom2018() {
        for state in GermanState.allCases {
            #expect(has(state, "reformationstag", 2017), "\(state.code)")
            #expect(HolidayCalendar.state(state).holidays(year: 2017).filter { $0.key == "reformationstag" }.count == 1)
        }
        #expect(!has(.ni, "reformationstag", 2016))
        #expect(has(.ni, "reformationstag", 2018))
        #expect(has(.sn, "reformationstag", 2016))
        #expect(!has(.by, "reformationstag", 2016))
        #expect(!has(.by, "reformationstag", 2018))
        for state in [GermanState.hb, .hh, .sh] {
            #expect(!has(state, "reformationstag", 2016))
            #expect(has(state, "reformationstag", 2018))
        }
    }

    @Test func weltkindertagStartsIn2019InThuringia() {
        #expect(!has(.th, "weltkindertag", 2018))
        #expect(has(.th, "weltkindertag", 2019))
        #expect(HolidayCalendar.state(.th).holidays(year: 2019).contains { $0.date.iso == "2019-09-20" })
    }

    @Test(arguments: [(2026, "2026-11-18"), (2025, "2025-11-19"), (2023, "2023-11-22"), (2022, "2022-11-16")])
    func bussUndBettagIsTheWednesdayBeforeNovember23(year: Int, expected: String) {
        let day = HolidayCalendar.state(.sn).holidays(year: year).first { $0.key == "buss-und-bettag" }
        #expect(day?.date.iso == expected)
        #expect(day?.date.weekday == .wednesday)
    }

    @Test func berlinHadTagDerBefreiungIn2020And2025Only() {
        let years = (2015...2030).filter { has(.be, "tag-der-befreiung", $0) }
        #expect(years == [2020, 2025])
        #expect(dates(.state(.be), 2025).contains("2025-05-08"))
        #expect(!has(.bb, "tag-der-befreiung", 2020))
    }

    @Test func berlinClosesOnSaturday17June2028Only() throws {
        let years = (2020...2040).filter { has(.be, "volksaufstand", $0) }
        #expect(years == [2028])
        let day = try #require(HolidayCalendar.state(.be).holidays(year: 2028).first { $0.key == "volksaufstand" })
        #expect(day.date.iso == "2028-06-17")
        #expect(day.date.weekday == .saturday)
        #expect(!has(.bb, "volksaufstand", 2028))
    }

    @Test func regionalCalendarsHoldOnlyTheirOwnDays() {
        #expect(dates(.regional(.saxonyCatholic), 2026) == ["2026-06-04"])
        #expect(dates(.regional(.thuringiaCatholic), 2026) == ["2026-06-04"])
        #expect(dates(.regional(.bavariaCatholic), 2026) == ["2026-08-15"])
        #expect(dates(.regional(.augsburg), 2026) == ["2026-08-08"])
        #expect(HolidayCalendar.regional(.augsburg).holidays(year: 2026).first?.name == "Augsburger Friedensfest")
        #expect(!has(.sn, "fronleichnam", 2026))
        #expect(!has(.by, "mariae-himmelfahrt", 2026))
    }

    @Test func identifiersParseInAnyLetterCase() {
        #expect(HolidayCalendar(identifier: "DE-BY") == .state(.by))
        #expect(HolidayCalendar(identifier: "de-th") == .state(.th))
        #expect(HolidayCalendar(identifier: "DE-BY-catholic") == .regional(.bavariaCatholic))
        #expect(HolidayCalendar(identifier: "de-by-AUGSBURG") == .regional(.augsburg))
        #expect(HolidayCalendar(identifier: "DE-XX") == nil)
        #expect(HolidayCalendar(identifier: "BY") == nil)
        #expect(HolidayCalendar(identifier: "") == nil)
        #expect(HolidayCalendar.all.count == 20)
        #expect(Set(HolidayCalendar.all.map(\.identifier)).count == 20)
        for calendar in HolidayCalendar.all { #expect(HolidayCalendar(identifier: calendar.identifier) == calendar) }
    }

    @Test func yearsOutsideTheKnownRulesHaveNoHolidays() {
        #expect(HolidayCalendar.state(.by).holidays(year: 1994).isEmpty)
        #expect(HolidayCalendar.state(.by).holidays(year: 2200).isEmpty)
        #expect(HolidayCalendar.state(.by).holidays(year: 1995).count == 12)
    }

    @Test func closuresAreWholeDaysWithinTheRange() throws {
        let from = try #require(LocalDate(iso: "2026-12-20"))
        let to = try #require(LocalDate(iso: "2027-01-06"))
        let closures = HolidayCalendar.state(.bw).closures(in: from...to)
        #expect(closures.map(\.date.iso) == ["2026-12-25", "2026-12-26", "2027-01-01", "2027-01-06"])
        #expect(closures.allSatisfy { $0.isWholeDay })
        #expect(closures.first?.reason == "1. Weihnachtsfeiertag")
    }
}
