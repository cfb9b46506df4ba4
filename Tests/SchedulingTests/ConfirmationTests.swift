import RathausTesting
import Testing

@testable import Scheduling

/// Double opt-in: unconfirmed bookings, their confirmation and their release at the deadline.
@Suite struct ConfirmationTests {
    let monday = Fixtures.date("2026-12-07")
    let now = Fixtures.instant("2026-12-07T07:00")

    func confirming(minutes: Int = 30, serviceMinutes: Int? = nil) -> OfficeSchedule {
        var office = Fixtures.office()
        office.booking.confirmByEmailMinutes = minutes
        var service = Fixtures.service("pass")
        service.confirmByEmailMinutes = serviceMinutes
        return Fixtures.schedule(office, services: [service])
    }

    func offered(_ schedule: OfficeSchedule, at instant: Instant) throws -> [Instant] {
        try schedule.availability(
            services: ["pass"], persons: 1, channel: .online, from: monday, to: monday, now: instant
        ).days.flatMap(\.starts)
    }

    @Test func anOnlineBookingWaitsForItsConfirmationWithItsTimeTaken() throws {
        var schedule = confirming()
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        #expect(booking.isUnconfirmed)
        #expect(booking.confirmationDeadline == now.adding(minutes: 30))
        #expect(schedule.unconfirmed == ["b1": now.adding(minutes: 30)])
        #expect(try !offered(schedule, at: now).contains(Fixtures.instant("2026-12-07T09:00")))
        #expect(schedule.bookings["b1"] == booking, "kept as it was made")
    }

    @Test func confirmingBeforeTheDeadlineMakesAnOrdinaryBookingOfTheNextVersion() throws {
        var schedule = confirming()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        let confirmed = try schedule.confirm("b1", now: now.adding(minutes: 29))
        #expect(!confirmed.isUnconfirmed)
        #expect(confirmed.confirmationDeadline == nil)
        #expect(confirmed.sequence == 1)
        #expect(schedule.unconfirmed.isEmpty)
        #expect(schedule.releaseUnconfirmed(at: now.adding(minutes: 60)).isEmpty)
        #expect(try schedule.confirm("b1", now: now.adding(minutes: 90)) == confirmed, "a second click changes nothing")
    }

    @Test func aConfirmationAtOrAfterTheDeadlineIsRefusedAndTheSweepReleases() throws {
        var schedule = confirming()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        let deadline = now.adding(minutes: 30)
        #expect(throws: SchedulingError.confirmationExpired("b1")) { try schedule.confirm("b1", now: deadline) }
        let released = schedule.releaseUnconfirmed(at: deadline)
        #expect(released.map(\.id) == ["b1"])
        #expect(released.first?.status == .cancelled)
        #expect(released.first?.wasReleased == true)
        #expect(released.first?.sequence == 1)
        #expect(try offered(schedule, at: deadline).contains(Fixtures.instant("2026-12-07T09:00")))
        #expect(throws: SchedulingError.confirmationExpired("b1")) { try schedule.confirm("b1", now: deadline) }
        #expect(schedule.releaseUnconfirmed(at: deadline.adding(minutes: 1)).isEmpty, "released once")
    }

    @Test func aCancelledUnconfirmedBookingIsCancelledNotReleased() throws {
        var schedule = confirming()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        let cancelled = try schedule.cancel("b1", now: now.adding(minutes: 5))
        #expect(!cancelled.wasReleased)
        #expect(schedule.unconfirmed.isEmpty)
        #expect(schedule.releaseUnconfirmed(at: now.adding(minutes: 60)).isEmpty)
    }

    @Test func staffBookingsNeedNoConfirmation() throws {
        var schedule = confirming()
        for (index, channel) in [Channel.hotline, .counter].enumerated() {
            let booking = try schedule.book(
                Fixtures.request("2026-12-07T0\(8 + index):00", channel: channel), id: BookingID("b\(index)"),
                reference: "R\(index)", contact: Fixtures.contact(email: "p\(index)@example.org"), now: now)
            #expect(!booking.isUnconfirmed)
        }
    }

    @Test func aBookingThatMustBeConfirmedNeedsAnEmailAddress() {
        var schedule = confirming()
        #expect(throws: SchedulingError.confirmationNeedsEmail) {
            try schedule.book(
                Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1",
                contact: Contact(name: "Max", phone: "0431 123456"), now: now)
        }
        #expect(schedule.bookings.isEmpty)
    }

    @Test func theShortestOfTheOfficesAndTheServicesMinutesCounts() throws {
        var schedule = confirming(minutes: 30, serviceMinutes: 10)
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        #expect(booking.confirmationDeadline == now.adding(minutes: 10))
        var service = Fixtures.service("pass")
        service.confirmByEmailMinutes = 15
        var plain = Fixtures.schedule(services: [service])
        let byService = try plain.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        #expect(byService.confirmationDeadline == now.adding(minutes: 15))
    }

    @Test func theLanguageAndTheDeadlineReadBackFromTheSchedulesTable() throws {
        var schedule = confirming()
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "rathaus.b1", reference: "R1",
            contact: Contact(name: "Ann", email: "ann@example.org", language: .english), now: now)
        #expect(schedule.bookings["rathaus.b1"] == booking)
        let confirmed = try schedule.confirm("rathaus.b1", now: now)
        #expect(schedule.bookings["rathaus.b1"] == confirmed)
        #expect(schedule.bookings["rathaus.b1"]?.contact.language == .english, "kept in the compact record too")
    }

    @Test func aRestoredUnconfirmedBookingIsReleasedAtItsDeadline() throws {
        var schedule = confirming()
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: now)
        var reloaded = confirming()
        try reloaded.restore(booking)
        #expect(reloaded.releaseUnconfirmed(at: now.adding(minutes: 30)).map(\.id) == ["b1"])
    }
}

/// The invariant of double opt-in as a property: an unconfirmed booking released at its deadline
/// gives its time back, and nothing else changes. Each seed builds a random office that asks for
/// confirmation, plays random operations, then compares the schedule that made and released one
/// more unconfirmed booking with the same schedule that never made it.
@Suite struct ConfirmationPropertyTests {
    static let seeds: [UInt64] = Array(1...60)

    /// A random run on an office that asks for confirmation, after 80 random operations.
    static func run(seed: UInt64) -> ScheduleRun {
        var run = ScheduleRun(seed: seed)
        var office = run.schedule.office
        office.booking.confirmByEmailMinutes = run.random.int(5...60)
        run.schedule = OfficeSchedule(office: office, services: Array(run.schedule.services.values))
        for step in 0..<80 {
            run.step = step
            run.randomOperation()
        }
        return run
    }

    @Test func mostRunsHaveATimeToMakeAnUnconfirmedBookingAt() throws {
        // Guards the property below, which has nothing to check in a run that offers no time.
        var made = 0
        for seed in Self.seeds {
            var run = Self.run(seed: seed)
            var schedule = run.schedule
            if try Self.unconfirmedBooking(&schedule, run: &run) != nil { made += 1 }
        }
        // About half the random offices open time to online bookings at all.
        #expect(made >= Self.seeds.count / 3)
    }

    @Test(arguments: seeds)
    func aReleasedUnconfirmedBookingsTimeIsOfferedAgainAndNothingElseChanges(seed: UInt64) throws {
        var run = Self.run(seed: seed)
        let before = run.schedule
        var after = run.schedule
        guard let made = try Self.unconfirmedBooking(&after, run: &run) else { return }
        let deadline = try #require(made.confirmationDeadline)
        var never = before
        let releasedWithout = never.releaseUnconfirmed(at: deadline)
        let released = after.releaseUnconfirmed(at: deadline)
        #expect(Set(released.map(\.id)) == Set(releasedWithout.map(\.id) + [made.id]), "seed \(seed)")
        #expect(after.bookings[made.id]?.wasReleased == true, "seed \(seed)")
        // Nothing else changed: the other bookings, the held-back time and every counter's time.
        for booking in never.bookings.values {
            #expect(after.bookings[booking.id] == booking, "seed \(seed): \(booking.id)")
        }
        #expect(after.bookings.count == never.bookings.count + 1, "seed \(seed)")
        #expect(after.heldBackTimes(after: deadline).count == never.heldBackTimes(after: deadline).count)
        let dates = Set(before.days.dates + after.days.dates + [made.placement.date])
        for date in dates {
            #expect(
                after.day(date).counters.map(\.taken) == never.day(date).counters.map(\.taken),
                "seed \(seed): \(date.iso)")
        }
        // Its time is offered again, for every channel, exactly as if it had never been booked.
        let today = after.frame(containing: deadline).date
        for channel in Channel.allCases {
            let last = today.adding(days: min(after.office.booking.window.maxAdvanceDays, 90))
            let shown = try? after.availability(
                services: made.services, persons: made.persons, channel: channel, from: today, to: last, now: deadline)
            let expected = try? never.availability(
                services: made.services, persons: made.persons, channel: channel, from: today, to: last, now: deadline)
            #expect(shown?.days.map(\.starts) == expected?.days.map(\.starts), "seed \(seed) \(channel)")
            if channel == made.channel, expected?.days.flatMap(\.starts).contains(made.start) == true {
                #expect(shown?.days.flatMap(\.starts).contains(made.start) == true, "seed \(seed)")
            }
        }
    }

    /// A new online booking of a start availability offers, by a contact with no bookings: it
    /// waits for its confirmation. Nil when nothing is offered online.
    static func unconfirmedBooking(_ schedule: inout OfficeSchedule, run: inout ScheduleRun) throws -> Booking? {
        let today = schedule.frame(containing: run.now).date
        for service in schedule.office.offeredServices.sorted() where schedule.services[service]?.bookableOnline == true
        {
            let last = today.adding(days: min(schedule.office.booking.window.maxAdvanceDays, 90))
            let days = try schedule.availability(
                services: [service], persons: 1, channel: .online, from: today, to: last, now: run.now
            ).days.filter { !$0.starts.isEmpty }
            guard !days.isEmpty else { continue }
            let starts = run.random.pick(days).starts
            let booking = try schedule.book(
                SlotRequest(services: [service], persons: 1, start: run.random.pick(starts), channel: .online),
                id: "unconfirmed", reference: "UNCONF", contact: Contact(name: "New", email: "new@example.org"),
                now: run.now)
            #expect(booking.isUnconfirmed)
            return booking
        }
        return nil
    }
}
