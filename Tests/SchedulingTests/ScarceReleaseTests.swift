import RathausTesting
import Testing

@testable import Scheduling

/// The figures of one release from its bookings, counted by hand.
@Suite struct ScarceReleaseTests {
    static let at = Fixtures.instant("2026-12-07T07:00")
    static let release = ScarceRelease(
        service: "impfung", kind: .waitingRoom, at: at,
        days: Fixtures.date("2026-12-14")...Fixtures.date("2026-12-20"))

    static func booking(after seconds: Int, cancelledAfter: Int? = nil, persons: Int = 1) -> ReleaseBooking {
        ReleaseBooking(
            createdAt: at.adding(seconds: seconds), cancelledAt: cancelledAfter.map { at.adding(seconds: $0) },
            seconds: 600 * persons)
    }

    @Test func aReleaseSellsOutWithTheBookingThatTakesItsLastFreeSlot() {
        // Four slots: 1 at 10 s, 2 at 20 s (two persons), cancelled at 25 s back to 1, 2 at 30 s,
        // 3 at 40 s, 4 at 50 s: sold out after 50 s.
        let bookings = [
            Self.booking(after: 40), Self.booking(after: 10), Self.booking(after: 20, cancelledAfter: 25, persons: 2),
            Self.booking(after: 30), Self.booking(after: 50), Self.booking(after: 70),
        ]
        let figures = Self.release.figures(slots: 4, registrations: 9, bookings: bookings, slotSeconds: 600)
        #expect(figures.soldOutSeconds == 50)
        #expect(figures.booked == 5, "kept bookings, one person each, also the one past the slots")
        #expect(figures.registrations == 9 && figures.slots == 4)
    }

    @Test func aReleaseNeverFullAtOnceIsNotSoldOut() {
        let bookings = [Self.booking(after: 10, cancelledAfter: 15), Self.booking(after: 20)]
        let figures = Self.release.figures(slots: 2, registrations: 0, bookings: bookings, slotSeconds: 600)
        #expect(figures.soldOutSeconds == nil)
        #expect(figures.booked == 1)
        #expect(Self.release.figures(slots: 0, registrations: 0, bookings: [], slotSeconds: 600).soldOutSeconds == nil)
    }

    @Test func aBookingMadeBeforeTheReleaseCountsAsSoldOutAtTheRelease() {
        // Booked on the hotline before the public release: the moment is the release's own.
        let figures = Self.release.figures(
            slots: 1, registrations: 0, bookings: [Self.booking(after: -3600)], slotSeconds: 600)
        #expect(figures.soldOutSeconds == 0)
    }
}
