import RathausTesting
import Testing

@testable import Scheduling

@Suite struct AvailabilityTests {
    let monday = Fixtures.date("2026-12-07")
    let now = Fixtures.instant("2026-12-07T07:00")

    func starts(
        _ schedule: OfficeSchedule, services: [ServiceID] = ["pass"], persons: Int = 1, channel: Channel = .online,
        on date: LocalDate? = nil, at now: Instant? = nil
    ) throws -> [String] {
        let day = date ?? monday
        let availability = try schedule.availability(
            services: services, persons: persons, channel: channel, from: day, to: day, now: now ?? self.now)
        return availability.days.flatMap { day in day.startMinutes.map { day.frame.rfc3339(elapsed: $0) } }
    }

    @Test func offersEveryAlignedStartAtWhichTheServiceFits() throws {
        let offered = try starts(Fixtures.schedule())
        #expect(offered.count == 23)
        #expect(offered.first == "2026-12-07T08:00:00+01:00")
        #expect(offered.last == "2026-12-07T11:40:00+01:00", "11:50 would end after closing at 12:00")
    }

    @Test func aBookedTimeIsNoLongerOffered() throws {
        var schedule = Fixtures.schedule()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T08:10"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        let offered = try starts(schedule)
        #expect(!offered.contains("2026-12-07T08:00:00+01:00"))
        #expect(!offered.contains("2026-12-07T08:10:00+01:00"))
        #expect(!offered.contains("2026-12-07T08:20:00+01:00"))
        #expect(offered.contains("2026-12-07T08:30:00+01:00"))
    }

    @Test func personsMultiplyTheDurationAndAreLimited() throws {
        let schedule = Fixtures.schedule(services: [Fixtures.service("pass", minutes: 15, maxPersons: 3)])
        let availability = try schedule.availability(
            services: ["pass"], persons: 3, channel: .online, from: monday, to: monday, now: now)
        #expect(availability.durationMinutes == 45)
        #expect(availability.days.first?.startMinutes.last == 11 * 60 + 10)
        #expect(throws: SchedulingError.invalidPersons(4, max: 3)) {
            try schedule.availability(
                services: ["pass"], persons: 4, channel: .online, from: monday, to: monday, now: now)
        }
        #expect(throws: SchedulingError.invalidPersons(0, max: 3)) {
            try schedule.availability(
                services: ["pass"], persons: 0, channel: .online, from: monday, to: monday, now: now)
        }
    }

    @Test func severalServicesNeedOneCounterThatDoesThemAll() throws {
        let services = [Fixtures.service("pass", minutes: 15), Fixtures.service("anmeldung", minutes: 10)]
        let office = Fixtures.office(counters: [
            Fixtures.counter("1", skills: ["pass"]), Fixtures.counter("2", skills: ["anmeldung"]),
        ])
        let schedule = Fixtures.schedule(office, services: services)
        #expect(throws: SchedulingError.servicesNotCombinable(office: "rathaus")) {
            try schedule.availability(
                services: ["pass", "anmeldung"], persons: 1, channel: .online, from: monday, to: monday, now: now)
        }
        let both = Fixtures.office(counters: [Fixtures.counter("3", skills: ["pass", "anmeldung"])])
        let availability = try Fixtures.schedule(both, services: services).availability(
            services: ["pass", "anmeldung"], persons: 2, channel: .online, from: monday, to: monday, now: now)
        #expect(availability.durationMinutes == 50)
    }

    @Test func unknownDuplicateAndUnofferedServicesAreRefused() {
        let schedule = Fixtures.schedule(services: [Fixtures.service("pass"), Fixtures.service("hund")])
        #expect(throws: SchedulingError.unknownService("nope")) {
            try schedule.availability(
                services: ["nope"], persons: 1, channel: .online, from: monday, to: monday, now: now)
        }
        #expect(throws: SchedulingError.duplicateService("pass")) {
            try schedule.availability(
                services: ["pass", "pass"], persons: 1, channel: .online, from: monday, to: monday, now: now)
        }
        #expect(throws: SchedulingError.serviceNotOffered("hund", office: "rathaus")) {
            try schedule.availability(
                services: ["hund"], persons: 1, channel: .online, from: monday, to: monday, now: now)
        }
        #expect(throws: SchedulingError.noServices) {
            try schedule.availability(services: [], persons: 1, channel: .online, from: monday, to: monday, now: now)
        }
    }

    @Test func contingentsOpenTimeToOnlineHotlineAndCounterStaffInTurn() throws {
        let counter = Fixtures.counter(
            "1",
            hours: [
                Fixtures.rule(from: "08:00", to: "09:00", contingent: .online),
                Fixtures.rule(from: "09:00", to: "10:00", contingent: .hotline),
                Fixtures.rule(from: "10:00", to: "11:00", contingent: .counter),
                Fixtures.rule(from: "11:00", to: "12:00", contingent: .walkIn),
            ])
        let schedule = Fixtures.schedule(Fixtures.office(counters: [counter]))
        #expect(try starts(schedule, channel: .online).last == "2026-12-07T08:40:00+01:00")
        #expect(try starts(schedule, channel: .kiosk).last == "2026-12-07T08:40:00+01:00")
        #expect(try starts(schedule, channel: .hotline).last == "2026-12-07T09:40:00+01:00")
        #expect(try starts(schedule, channel: .counter).last == "2026-12-07T10:40:00+01:00")
        #expect(try starts(schedule, channel: .counter).count == 17, "walk-in time is never bookable")
    }

    @Test func servicesNotBookableOnlineAreLeftToStaff() throws {
        let schedule = Fixtures.schedule(services: [Fixtures.service("pass", online: false)])
        #expect(throws: SchedulingError.serviceNotBookable("pass", channel: .online)) {
            try starts(schedule, channel: .online)
        }
        #expect(try starts(schedule, channel: .hotline).count == 23)
    }

    @Test func minimumNoticeAndMaximumAdvanceBoundTheWindow() throws {
        let window = BookingWindow(minNoticeDays: 1, maxAdvanceDays: 3)
        let schedule = Fixtures.schedule(Fixtures.office(booking: BookingPolicy(window: window)))
        let availability = try schedule.availability(
            services: ["pass"], persons: 1, channel: .online, from: monday, to: monday.adding(days: 10), now: now)
        #expect(availability.days.map(\.date.iso) == ["2026-12-08", "2026-12-09", "2026-12-10"])
    }

    @Test func aSameDayWindowStartsAfterTheMinimumNoticeFromNow() throws {
        let window = BookingWindow(minNoticeDays: 0, minNoticeMinutes: 30, maxAdvanceDays: 3)
        let schedule = Fixtures.schedule(Fixtures.office(booking: BookingPolicy(window: window)))
        let offered = try starts(schedule, at: Fixtures.instant("2026-12-07T09:05"))
        #expect(offered.first == "2026-12-07T09:40:00+01:00")
    }

    @Test func theNextDayIsReleasedAtTheReleaseTimeNotAtMidnight() throws {
        let window = BookingWindow(minNoticeDays: 1, maxAdvanceDays: 2, releaseTime: Fixtures.time("07:00"))
        let schedule = Fixtures.schedule(Fixtures.office(booking: BookingPolicy(window: window)))
        func days(at local: String) throws -> [String] {
            try schedule.availability(
                services: ["pass"], persons: 1, channel: .online, from: monday, to: monday.adding(days: 7),
                now: Fixtures.instant(local)
            ).days.map(\.date.iso)
        }
        #expect(try days(at: "2026-12-07T06:59") == ["2026-12-08"])
        #expect(try days(at: "2026-12-07T07:00") == ["2026-12-08", "2026-12-09"])
    }

    @Test func aClosureRemovesItsDayFromAvailability() throws {
        let office = Fixtures.office(closures: [Closure(date: monday.adding(days: 1), reason: "Schließtag")])
        let availability = try Fixtures.schedule(office).availability(
            services: ["pass"], persons: 1, channel: .online, from: monday, to: monday.adding(days: 2), now: now)
        #expect(availability.days.map(\.date.iso) == ["2026-12-07", "2026-12-09"])
    }

    @Test func reversedAndOverlongRangesAreRefused() {
        let schedule = Fixtures.schedule()
        #expect(throws: SchedulingError.self) {
            try schedule.availability(
                services: ["pass"], persons: 1, channel: .online, from: monday, to: monday.adding(days: -1), now: now)
        }
        #expect(throws: SchedulingError.self) {
            try schedule.availability(
                services: ["pass"], persons: 1, channel: .online, from: monday, to: monday.adding(days: 400), now: now)
        }
    }

    @Test func theSpringForwardDayOffersNoStartInTheMissingHour() throws {
        let office = Fixtures.office(
            hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 10)))
        let sunday = Fixtures.date("2026-03-29")
        let offered = try starts(
            Fixtures.schedule(office), on: sunday, at: Fixtures.instant("2026-03-28T12:00"))
        #expect(offered.contains("2026-03-29T01:40:00+01:00"))
        #expect(offered.contains("2026-03-29T03:00:00+02:00"))
        #expect(!offered.contains { $0.contains("T02:") })
        #expect(offered.count == 17, "three real hours minus the last quarter hour, every 10 minutes")
    }

    @Test func theFallBackDayOffersTheRepeatedHourTwice() throws {
        let office = Fixtures.office(
            hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 10)))
        let offered = try starts(
            Fixtures.schedule(office), on: Fixtures.date("2026-10-25"), at: Fixtures.instant("2026-10-24T12:00"))
        #expect(offered.contains("2026-10-25T02:30:00+02:00"))
        #expect(offered.contains("2026-10-25T02:30:00+01:00"))
        #expect(offered.count == 29)
    }
}

@Suite struct ReleaseTests {
    // The vaccination centre releases next week's slots every Monday at 07:00.
    let window = BookingWindow(
        minNoticeDays: 1, maxAdvanceDays: 30,
        weeklyRelease: WeeklyRelease(weekday: .monday, time: Fixtures.time("07:00"), weeksAhead: 1))

    func days(at local: String) throws -> (days: [String], next: (at: Instant, through: LocalDate)?) {
        let office = Fixtures.office(
            hours: [Fixtures.rule([.monday, .wednesday], from: "08:00", to: "10:00")],
            booking: BookingPolicy(window: window))
        let schedule = Fixtures.schedule(office)
        let availability = try schedule.availability(
            services: ["pass"], persons: 1, channel: .online, from: Fixtures.date("2026-12-07"),
            to: Fixtures.date("2026-12-31"),
            now: Fixtures.instant(local))
        return (availability.days.map(\.date.iso), availability.nextRelease)
    }

    @Test func beforeTheReleaseOnlyThisWeekIsOfferedAndTheAnswerSaysWhenMoreComes() throws {
        let before = try days(at: "2026-12-07T06:59")
        #expect(before.days == ["2026-12-09"])
        #expect(before.next?.at == Fixtures.instant("2026-12-07T07:00"))
        #expect(before.next?.through.iso == "2026-12-20")
    }

    @Test func atTheReleaseNextWeekOpens() throws {
        let after = try days(at: "2026-12-07T07:00")
        #expect(after.days == ["2026-12-09", "2026-12-14", "2026-12-16"])
        #expect(after.next?.at == Fixtures.instant("2026-12-14T07:00"))
        #expect(after.next?.through.iso == "2026-12-27")
    }

    @Test func midweekTheLastReleaseStillCounts() throws {
        #expect(try days(at: "2026-12-10T12:00").days == ["2026-12-14", "2026-12-16"])
    }
}
