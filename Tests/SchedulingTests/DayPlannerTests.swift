import RathausTesting
import Testing

@testable import Scheduling

@Suite struct DayPlannerTests {
    let monday = Fixtures.date("2026-12-07")

    @Test func openingHoursBecomeUnitsOfTheGrid() {
        let day = DayPlanner.plan(Fixtures.office(), on: monday)
        #expect(day.unitCount == 288)
        #expect(day.counters[0].open[0].runs == [96..<144])  // 08:00–12:00 in 5-minute units
        #expect(day.alignedStarts.contains(96))
        #expect(!day.alignedStarts.contains(97), "10-minute booking step")
    }

    @Test func breaksAndPartialClosuresRemoveTimeAndWholeClosuresRemoveTheDay() {
        let office = Fixtures.office(
            hours: [Fixtures.rule(from: "08:00", to: "16:00")], breaks: [Fixtures.rule(from: "12:00", to: "13:00")],
            closures: [
                Closure(date: monday, from: Fixtures.time("14:00"), reason: "Personalversammlung"),
                Closure(date: monday.adding(days: 1), reason: "Schließtag"),
            ])
        let day = DayPlanner.plan(office, on: monday)
        #expect(day.counters[0].open[0].runs == [96..<144, 156..<168])
        #expect(DayPlanner.plan(office, on: monday.adding(days: 1)).counters[0].attended.isEmpty)
    }

    @Test func counterHoursCarryTheirContingentsInsideOfficeHours() {
        let counter = Fixtures.counter(
            "1",
            hours: [
                Fixtures.rule(from: "07:00", to: "09:00", contingent: .online),
                Fixtures.rule(from: "09:00", to: "10:00", contingent: .hotline),
                Fixtures.rule(from: "10:00", to: "11:00", contingent: .counter),
                Fixtures.rule(from: "11:00", to: "12:00", contingent: .walkIn),
            ])
        let day = DayPlanner.plan(Fixtures.office(counters: [counter]), on: monday)
        let counterDay = day.counters[0]
        #expect(counterDay.open[Contingent.online.rawValue].runs == [96..<108], "clipped to office hours from 08:00")
        #expect(counterDay.open[Contingent.hotline.rawValue].runs == [96..<120])
        #expect(counterDay.open[Contingent.counter.rawValue].runs == [96..<132])
        #expect(counterDay.attended.runs == [96..<144])
    }

    @Test func aCounterClosureClosesOnlyThatCounter() {
        let office = Fixtures.office(
            closures: [Closure(date: monday, reason: "Fortbildung", counters: ["2"])],
            counters: [Fixtures.counter("1"), Fixtures.counter("2")])
        let day = DayPlanner.plan(office, on: monday)
        #expect(!day.counters[0].attended.isEmpty)
        #expect(day.counters[1].attended.isEmpty)
    }

    @Test func theSpringForwardDayHas23HoursOfUnitsAndWallClockHours() {
        // A vaccination centre open on Sunday 29 March 2026, 01:00–05:00 on the wall clock.
        let office = Fixtures.office(hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")])
        let day = DayPlanner.plan(office, on: Fixtures.date("2026-03-29"))
        #expect(day.unitCount == 276)
        #expect(day.counters[0].open[0].population * 5 == 180, "01:00–05:00 is three real hours that day")
    }

    @Test func theFallBackDayHas25HoursOfUnitsAndWallClockHours() {
        let office = Fixtures.office(hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")])
        let day = DayPlanner.plan(office, on: Fixtures.date("2026-10-25"))
        #expect(day.unitCount == 300)
        #expect(day.counters[0].open[0].population * 5 == 300, "01:00–05:00 is five real hours that day")
    }
}
