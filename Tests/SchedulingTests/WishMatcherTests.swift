import RathausTesting
import Testing

@testable import Scheduling

/// The fair rule on small hand-made cases (the property test covers random ones): the oldest wish
/// first, one offer per wish, hold-back passed, the first office winning a tie, a time let go never
/// offered again, and a closed offer's time handed on in the same step.
@Suite struct WishMatcherTests {
    /// One counter, Tuesday 2026-12-08 08:00–09:00; 15-minute service, start step 10 minutes.
    static func schedule(_ id: OfficeID = "rathaus", holdBack: Int = 30) -> OfficeSchedule {
        Fixtures.schedule(
            Fixtures.office(
                id, hours: [Fixtures.rule([.tuesday], from: "08:00", to: "09:00")],
                booking: BookingPolicy(
                    window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 60), cancellationHoldBackMinutes: holdBack)),
            preparing: "2026-12-07", days: 14)
    }

    static let now = Fixtures.instant("2026-12-07T09:00")

    static func wish(
        _ id: String, confirmed minute: Int, offices: [OfficeID] = ["rathaus"], times: [DayTimeRange] = [.wholeDay]
    ) -> Wish {
        let at = now.adding(minutes: -60 + minute)
        return Wish(
            id: WishID(id), services: ["pass"], persons: 1, offices: offices, weekdays: Set(Weekday.allCases),
            times: times, earliest: Fixtures.date("2026-12-08"), latest: Fixtures.date("2026-12-08"),
            channel: .online, contact: Fixtures.contact(), language: .german, createdAt: at, confirmedAt: at,
            status: .waiting)
    }

    static func starts(_ steps: [WishStep]) -> [WishID: Instant] {
        var result: [WishID: Instant] = [:]
        for case .offer(let plan) in steps { result[plan.wish] = plan.request.start }
        return result
    }

    @Test func theLongestWaitingWishGetsTheEarliestTimeAndEachWishOneOffer() {
        var matcher = WishMatcher(schedules: ["rathaus": Self.schedule()], now: Self.now)
        let steps = matcher.steps(
            for: [
                WishCandidate(wish: Self.wish("young", confirmed: 30)),
                WishCandidate(wish: Self.wish("old", confirmed: 10)),
                WishCandidate(wish: Self.wish("offered", confirmed: 0), hasOpenOffer: true),
            ], offerUntil: Self.now.adding(minutes: 125))
        let offered = Self.starts(steps)
        #expect(offered["old"] == Fixtures.instant("2026-12-08T08:00"))
        #expect(offered["young"] == Fixtures.instant("2026-12-08T08:20"), "08:10 overlaps the 08:00 offer")
        #expect(offered["offered"] == nil, "one open offer at a time")
        #expect(steps.count == 2)
    }

    @Test func anOfferTakesTimeHeldBackFromThePublicAfterACancellation() throws {
        var schedule = Self.schedule()
        let booked = try schedule.book(
            Fixtures.request("2026-12-08T08:00"), id: "b1", reference: "R1", contact: Fixtures.contact(),
            now: Self.now.adding(minutes: -5))
        _ = try schedule.cancel(booked.id, now: Self.now)
        let online = try schedule.availability(
            services: ["pass"], persons: 1, channel: .online, from: Fixtures.date("2026-12-08"),
            to: Fixtures.date("2026-12-08"), now: Self.now)
        #expect(online.days.first?.starts.contains(booked.start) == false, "held back from the public")
        var matcher = WishMatcher(schedules: ["rathaus": schedule], now: Self.now)
        let steps = matcher.steps(
            for: [WishCandidate(wish: Self.wish("w", confirmed: 0))], offerUntil: Self.now.adding(minutes: 125))
        #expect(Self.starts(steps)["w"] == booked.start)
    }

    @Test func theFirstOfficeNamedWinsATieAndAnEarlierTimeElsewhereWinsOverIt() {
        let schedules: [OfficeID: OfficeSchedule] = [
            "rathaus": Self.schedule("rathaus"), "nord": Self.schedule("nord"),
        ]
        var matcher = WishMatcher(schedules: schedules, now: Self.now)
        let steps = matcher.steps(
            for: [WishCandidate(wish: Self.wish("w", confirmed: 0, offices: ["nord", "rathaus"]))],
            offerUntil: Self.now.adding(minutes: 125))
        guard case .offer(let plan)? = steps.first else {
            Issue.record("no offer")
            return
        }
        #expect(plan.office == "nord")
        var afternoon = WishMatcher(schedules: schedules, now: Self.now)
        let late = afternoon.steps(
            for: [
                WishCandidate(
                    wish: Self.wish("w", confirmed: 0, offices: ["nord", "rathaus"]),
                    refused: [OfferedTime(office: "nord", start: Fixtures.instant("2026-12-08T08:00"))])
            ], offerUntil: Self.now.adding(minutes: 125))
        guard case .offer(let other)? = late.first else {
            Issue.record("no offer")
            return
        }
        #expect(other.office == "rathaus" && other.request.start == Fixtures.instant("2026-12-08T08:00"))
    }

    @Test func aTimeLetGoIsNotOfferedAgainAndTimesOfDayAreKept() {
        var matcher = WishMatcher(schedules: ["rathaus": Self.schedule()], now: Self.now)
        let refused = Set(
            ["08:00", "08:10", "08:20"].map {
                OfferedTime(office: "rathaus", start: Fixtures.instant("2026-12-08T\($0)"))
            })
        let late = DayTimeRange(from: Fixtures.time("08:30"), to: Fixtures.time("08:40"))
        let steps = matcher.steps(
            for: [
                WishCandidate(wish: Self.wish("a", confirmed: 0), refused: refused),
                WishCandidate(wish: Self.wish("b", confirmed: 5, times: [late])),
            ], offerUntil: Self.now.adding(minutes: 125))
        let offered = Self.starts(steps)
        #expect(offered["a"] == Fixtures.instant("2026-12-08T08:30"))
        #expect(offered["b"] == nil, "08:30 went to the older wish, and b takes no other start")
    }

    @Test func aClosedOffersTimeGoesToTheNextWishInTheSameStepOrIsReleased() throws {
        var schedule = Self.schedule()
        let start = Fixtures.instant("2026-12-08T08:00")
        let held = try schedule.placeHold(
            Fixtures.request("2026-12-08T08:00"), id: "offer-hold", now: Self.now,
            offerUntil: Self.now.adding(minutes: 125))
        let closed = WishOffer(
            id: "o1", wish: "first", office: "rathaus", hold: held.id, counter: held.counter, services: ["pass"],
            persons: 1, start: start, end: held.end, channel: .online, createdAt: Self.now,
            expiresAt: Self.now.adding(minutes: 120), status: .declined)
        let first = Self.wish(
            "first", confirmed: 0, times: [DayTimeRange(from: Fixtures.time("08:00"), to: Fixtures.time("08:10"))])
        var matcher = WishMatcher(schedules: ["rathaus": schedule], now: Self.now)
        matcher.close(closed)
        let steps = matcher.steps(
            for: [
                WishCandidate(wish: first, refused: [closed.time]),
                WishCandidate(wish: Self.wish("second", confirmed: 5)),
            ], offerUntil: Self.now.adding(minutes: 125))
        guard case .offer(let plan)? = steps.first else {
            Issue.record("no offer")
            return
        }
        #expect(plan.wish == "second" && plan.request.start == start)
        #expect(plan.replacing == [held.id], "handed on from its hold, never free in between")
        var nobody = WishMatcher(schedules: ["rathaus": schedule], now: Self.now)
        nobody.close(closed)
        let alone = nobody.steps(for: [WishCandidate(wish: first, refused: [closed.time])], offerUntil: Self.now)
        #expect(alone == [.release(held.id, office: "rathaus")])
    }
}
