import RathausTesting
import Testing

@testable import Scheduling

@Suite struct BookingTests {
    let monday = Fixtures.date("2026-12-07")
    let clock = ManualClock(Fixtures.instant("2026-12-07T07:00"))

    func offered(_ schedule: OfficeSchedule, channel: Channel = .online, at now: Instant? = nil) throws -> [Instant] {
        try schedule.availability(
            services: ["pass"], persons: 1, channel: channel, from: monday, to: monday, now: now ?? clock.now
        ).days.flatMap(\.starts)
    }

    @Test func aBookingTakesItsTimeAndCarriesItsDetails() throws {
        var schedule = Fixtures.schedule()
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00", persons: 2), id: "b1", reference: "K7M-4PQ",
            contact: Fixtures.contact(), now: clock.now)
        #expect(booking.counter == "1")
        #expect(booking.start == Fixtures.instant("2026-12-07T09:00"))
        #expect(booking.end == Fixtures.instant("2026-12-07T09:30"))
        #expect(booking.status == .booked)
        #expect(booking.sequence == 0)
        #expect(schedule.booking(reference: "K7M-4PQ")?.id == "b1")
    }

    @Test func bookingIsRejectedWhenCounterTimeIsTaken() throws {
        var schedule = Fixtures.schedule()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(), now: clock.now
        )
        #expect(throws: SchedulingError.slotUnavailable(office: "rathaus", start: Fixtures.instant("2026-12-07T09:10")))
        {
            try schedule.book(
                Fixtures.request("2026-12-07T09:10"), id: "b2", reference: "R2",
                contact: Fixtures.contact("Max", email: "max@example.org"), now: clock.now)
        }
    }

    @Test func twoCountersTakeTwoBookingsAtOnceAndNoThird() throws {
        var schedule = Fixtures.schedule(Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")]))
        for (index, counter) in ["1", "2"].enumerated() {
            let booking = try schedule.book(
                Fixtures.request("2026-12-07T09:00"), id: BookingID("b\(index)"), reference: "R\(index)",
                contact: Fixtures.contact(email: "p\(index)@example.org"), now: clock.now)
            #expect(booking.counter == CounterID(counter))
        }
        #expect(throws: SchedulingError.self) {
            try schedule.book(
                Fixtures.request("2026-12-07T09:00"), id: "b3", reference: "R3", contact: Fixtures.contact(),
                now: clock.now)
        }
    }

    @Test func startsOffTheStepOrGridAreNotOffered() {
        var schedule = Fixtures.schedule()
        for start in ["2026-12-07T09:05", "2026-12-07T06:00", "2026-12-07T11:50"] {
            #expect(throws: SchedulingError.self) {
                try schedule.book(
                    Fixtures.request(start), id: "b", reference: "R", contact: Fixtures.contact(), now: clock.now)
            }
        }
        let offMinute = Fixtures.instant("2026-12-07T09:00").adding(seconds: 30)
        #expect(throws: SchedulingError.startNotOffered(offMinute)) {
            try schedule.book(
                SlotRequest(services: ["pass"], persons: 1, start: offMinute, channel: .online), id: "b",
                reference: "R", contact: Fixtures.contact(), now: clock.now)
        }
    }

    @Test func aStartOutsideTheWindowIsRefusedWithTheWindow() throws {
        var schedule = Fixtures.schedule()
        #expect(throws: SchedulingError.self) {
            try schedule.book(
                Fixtures.request("2027-03-01T09:00"), id: "b", reference: "R", contact: Fixtures.contact(),
                now: clock.now)
        }
        do {
            _ = try schedule.book(
                Fixtures.request("2026-12-07T08:00"), id: "b", reference: "R", contact: Fixtures.contact(),
                now: Fixtures.instant("2026-12-07T08:30"))
            Issue.record("a start in the past was booked")
        } catch {
            guard case .outsideBookingWindow(_, let earliest, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(earliest == Fixtures.instant("2026-12-07T08:30"))
        }
    }

    // MARK: Holds

    @Test func aHoldKeepsItsTimeFromOthersUntilItExpires() throws {
        var clock = self.clock
        var schedule = Fixtures.schedule()
        let hold = try schedule.placeHold(Fixtures.request("2026-12-07T09:00"), id: "h1", now: clock.now)
        #expect(hold.expiresAt == clock.now.adding(minutes: 10))
        #expect(!(try offered(schedule, at: clock.now)).contains(hold.start))
        clock.advance(minutes: 10)
        #expect(
            try offered(schedule, at: clock.now).contains(hold.start), "an expired hold returns its capacity at once")
        #expect(throws: SchedulingError.holdExpired("h1")) {
            try schedule.book(
                hold: "h1", channel: .online, id: "b1", reference: "R1", contact: Fixtures.contact(), now: clock.now)
        }
        #expect(schedule.releaseExpired(at: clock.now).map(\.id) == ["h1"])
        #expect(schedule.holds.isEmpty)
    }

    @Test func aHoldCanBeExtendedALimitedNumberOfTimes() throws {
        var clock = self.clock
        var schedule = Fixtures.schedule()
        _ = try schedule.placeHold(Fixtures.request("2026-12-07T09:00"), id: "h1", now: clock.now)
        clock.advance(minutes: 9)
        #expect(try schedule.extendHold("h1", now: clock.now).expiresAt == clock.now.adding(minutes: 10))
        _ = try schedule.extendHold("h1", now: clock.now)
        #expect(throws: SchedulingError.holdExtensionLimitReached("h1", max: 2)) {
            try schedule.extendHold("h1", now: clock.now)
        }
        clock.advance(minutes: 10)
        #expect(throws: SchedulingError.holdExpired("h1")) { try schedule.extendHold("h1", now: clock.now) }
    }

    @Test func aHoldBecomesABookingOnItsOwnChannelOnly() throws {
        var schedule = Fixtures.schedule()
        let hold = try schedule.placeHold(Fixtures.request("2026-12-07T09:00"), id: "h1", now: clock.now)
        #expect(throws: SchedulingError.holdNotFound("h1")) {
            try schedule.book(
                hold: "h1", channel: .hotline, id: "b1", reference: "R1", contact: Fixtures.contact(), now: clock.now)
        }
        let booking = try schedule.book(
            hold: "h1", channel: .online, id: "b1", reference: "R1", contact: Fixtures.contact(), now: clock.now)
        #expect(booking.start == hold.start)
        #expect(booking.counter == hold.counter)
        #expect(schedule.holds.isEmpty)
        #expect(!(try offered(schedule)).contains(hold.start))
    }

    @Test func releasingAHoldGivesItsTimeBack() throws {
        var schedule = Fixtures.schedule()
        let before = try offered(schedule)
        _ = try schedule.placeHold(Fixtures.request("2026-12-07T09:00"), id: "h1", now: clock.now)
        try schedule.releaseHold("h1")
        #expect(try offered(schedule) == before)
        #expect(throws: SchedulingError.holdNotFound("h1")) { try schedule.releaseHold("h1") }
    }

    // MARK: Limits

    @Test func aContactMayHoldOnlyTheAllowedNumberOfActiveBookings() throws {
        var schedule = Fixtures.schedule(services: [Fixtures.service("pass", maxActivePerContact: 1)])
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1",
            contact: Fixtures.contact(email: "Erika@Example.org"), now: clock.now)
        #expect(throws: SchedulingError.limitReached("pass", limit: 1)) {
            try schedule.book(
                Fixtures.request("2026-12-07T10:00"), id: "b2", reference: "R2",
                contact: Fixtures.contact(email: " erika@example.ORG "), now: clock.now)
        }
        _ = try schedule.book(
            Fixtures.request("2026-12-07T10:00"), id: "b3", reference: "R3",
            contact: Fixtures.contact(email: "max@example.org"), now: clock.now)
        _ = try schedule.cancel("b1", now: clock.now)
        _ = try schedule.book(
            Fixtures.request("2026-12-07T11:00"), id: "b4", reference: "R4",
            contact: Fixtures.contact(email: "erika@example.org"), now: clock.now)
    }

    @Test func phoneNumbersAreComparedByTheirDigits() {
        #expect(Contact(name: "A", phone: "+49 431 123-45").key == Contact(name: "B", phone: "0049 (431) 12345").key)
        #expect(Contact(name: "A", phone: "0431 12345").key != Contact(name: "B", phone: "+49 431 12345").key)
        #expect(Contact(name: "A", phone: "n/a").key == nil)
    }

    // MARK: Cancelling and moving

    @Test func cancellingGivesTheTimeBackAfterTheHoldBack() throws {
        var clock = self.clock
        let policy = BookingPolicy(
            window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 60), cancellationHoldBackMinutes: 30)
        var schedule = Fixtures.schedule(Fixtures.office(booking: policy))
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(),
            now: clock.now)
        let cancelled = try schedule.cancel("b1", now: clock.now)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.sequence == 1)
        #expect(!(try offered(schedule, at: clock.now)).contains(booking.start), "held back from citizens")
        #expect(
            try offered(schedule, channel: .hotline, at: clock.now).contains(booking.start), "the hotline may use it")
        clock.advance(minutes: 30)
        #expect(try offered(schedule, at: clock.now).contains(booking.start))
        #expect(throws: SchedulingError.bookingCancelled("b1")) { try schedule.cancel("b1", now: clock.now) }
    }

    @Test func aBookingThatHasStartedCannotBeCancelledOrMoved() throws {
        var schedule = Fixtures.schedule()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(),
            now: clock.now)
        let later = Fixtures.instant("2026-12-07T09:00")
        #expect(throws: SchedulingError.bookingAlreadyStarted("b1")) { try schedule.cancel("b1", now: later) }
        #expect(throws: SchedulingError.bookingAlreadyStarted("b1")) {
            try schedule.reschedule("b1", to: Fixtures.instant("2026-12-07T10:00"), channel: .online, now: later)
        }
    }

    @Test func reschedulingMovesAtomicallyAndKeepsTheOldTimeWhenTheNewIsGone() throws {
        var schedule = Fixtures.schedule()
        _ = try schedule.book(
            Fixtures.request("2026-12-07T09:00"), id: "b1", reference: "R1", contact: Fixtures.contact(),
            now: clock.now)
        _ = try schedule.book(
            Fixtures.request("2026-12-07T10:00"), id: "b2", reference: "R2",
            contact: Fixtures.contact(email: "max@example.org"), now: clock.now)
        let before = try offered(schedule)
        #expect(throws: SchedulingError.slotUnavailable(office: "rathaus", start: Fixtures.instant("2026-12-07T10:00")))
        {
            try schedule.reschedule("b1", to: Fixtures.instant("2026-12-07T10:00"), channel: .online, now: clock.now)
        }
        #expect(try offered(schedule) == before)
        #expect(schedule.bookings["b1"]?.start == Fixtures.instant("2026-12-07T09:00"))

        let moved = try schedule.reschedule(
            "b1", to: Fixtures.instant("2026-12-07T09:10"), channel: .online, now: clock.now)
        #expect(moved.start == Fixtures.instant("2026-12-07T09:10"), "a shift into its own time works")
        #expect(moved.sequence == 1)
        #expect(try offered(schedule).contains(Fixtures.instant("2026-12-07T08:50")))
        #expect(!(try offered(schedule)).contains(Fixtures.instant("2026-12-07T09:10")))
    }

    // MARK: Allocation

    @Test func allocationPacksBookingsNextToEachOther() throws {
        var schedule = Fixtures.schedule(
            Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")], step: 5))
        let first = try schedule.book(
            Fixtures.request("2026-12-07T08:00"), id: "b1", reference: "R1", contact: Fixtures.contact(email: "a@x.de"),
            now: clock.now)
        let second = try schedule.book(
            Fixtures.request("2026-12-07T08:15"), id: "b2", reference: "R2", contact: Fixtures.contact(email: "b@x.de"),
            now: clock.now)
        #expect(first.counter == "1")
        #expect(second.counter == "1", "right after the first booking leaves no gap")
    }

    @Test func allocationAvoidsLeavingGapsTooShortForAnyService() throws {
        var schedule = Fixtures.schedule(
            Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")], step: 5))
        _ = try schedule.book(
            Fixtures.request("2026-12-07T08:00"), id: "b1", reference: "R1", contact: Fixtures.contact(email: "a@x.de"),
            now: clock.now)
        let second = try schedule.book(
            Fixtures.request("2026-12-07T08:20"), id: "b2", reference: "R2", contact: Fixtures.contact(email: "b@x.de"),
            now: clock.now)
        #expect(second.counter == "2", "counter 1 would keep a useless 5-minute gap at 08:15")
    }

    @Test func allocationPrefersTheNarrowerCounterWhenAllElseIsEqual() throws {
        let services = [Fixtures.service("pass"), Fixtures.service("hund")]
        var schedule = Fixtures.schedule(
            Fixtures.office(counters: [Fixtures.counter("1", skills: ["pass", "hund"]), Fixtures.counter("2")]),
            services: services)
        let booking = try schedule.book(
            Fixtures.request("2026-12-07T08:00"), id: "b1", reference: "R1", contact: Fixtures.contact(),
            now: clock.now)
        #expect(booking.counter == "2")
    }

    // MARK: Daylight saving time

    @Test func aBookingAcrossTheSpringGapLastsItsRealDuration() throws {
        let office = Fixtures.office(
            hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 10)))
        var schedule = Fixtures.schedule(office, services: [Fixtures.service("pass", minutes: 30)])
        let start = RFC3339.parse("2026-03-29T01:50:00+01:00")!.instant
        let booking = try schedule.book(
            SlotRequest(services: ["pass"], persons: 1, start: start, channel: .online), id: "b1", reference: "R1",
            contact: Fixtures.contact(), now: Fixtures.instant("2026-03-28T12:00"))
        #expect(RFC3339.format(booking.end, offsetSeconds: 7200) == "2026-03-29T03:20:00+02:00")
    }

    @Test func bothOccurrencesOfTheRepeatedAutumnHourCanBeBooked() throws {
        let office = Fixtures.office(
            hours: [Fixtures.rule([.sunday], from: "01:00", to: "05:00")],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 10)))
        var schedule = Fixtures.schedule(office)
        let now = Fixtures.instant("2026-10-24T12:00")
        for (index, text) in ["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"].enumerated() {
            let start = RFC3339.parse(text)!.instant
            let booking = try schedule.book(
                SlotRequest(services: ["pass"], persons: 1, start: start, channel: .online),
                id: BookingID("b\(index)"), reference: "R\(index)", contact: Fixtures.contact(email: "\(index)@x.de"),
                now: now)
            #expect(booking.start.seconds(until: booking.end) == 15 * 60)
        }
    }

    // MARK: Restoring

    @Test func restoringBookingsAndHoldsGivesTheSameAvailability() throws {
        var schedule = Fixtures.schedule(Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")]))
        for (index, start) in ["2026-12-07T08:00", "2026-12-07T08:00", "2026-12-07T09:30"].enumerated() {
            _ = try schedule.book(
                Fixtures.request(start), id: BookingID("b\(index)"), reference: "R\(index)",
                contact: Fixtures.contact(email: "\(index)@x.de"), now: clock.now)
        }
        _ = try schedule.cancel("b2", now: clock.now)
        _ = try schedule.placeHold(Fixtures.request("2026-12-07T11:00"), id: "h1", now: clock.now)

        var restored = Fixtures.schedule(schedule.office)
        for booking in schedule.bookings.values { try restored.restore(booking) }
        for hold in schedule.holds.values { restored.restore(hold, now: clock.now) }
        #expect(try offered(restored) == offered(schedule))
        #expect(try offered(restored, channel: .counter) == offered(schedule, channel: .counter))
        #expect(throws: SchedulingError.self) { try restored.restore(schedule.bookings["b0"]!) }
    }
}
