import RathausTesting
import Testing

@testable import Scheduling

/// The roll-up of one office day (`DayRecords.facts`) and the report over its facts, on days made
/// by hand: the day the clocks go back, an empty day, a day on which nobody came.
@Suite struct DayRecordsTests {
    static let night = Fixtures.rule([.sunday], from: "00:30", to: "05:30")
    static let office = Fixtures.office(
        "nacht", hours: [night], counters: [Fixtures.counter("1", skills: ["pass"], hours: [night])])
    static let services: [ServiceID: Service] = ["pass": Fixtures.service("pass", minutes: 20)]

    static func instant(_ utc: String) -> Instant {
        Fixtures.instant(utc, in: OfficeTimeZone(identifier: "UTC")!)
    }

    static func ticket(
        _ id: String, at issued: Instant, group: String = "A", booking: BookingID? = nil, start: Instant? = nil
    ) -> Ticket {
        Ticket(
            id: TicketID(id), number: "\(group)00\(id.suffix(1))", group: group, sequence: 1, services: ["pass"],
            booking: booking, appointmentStart: start, issuedAt: issued, state: .waiting, counter: nil,
            targetCounter: nil, urgent: false, recalls: 0, calledAt: nil, servingSince: nil, finishedAt: nil)
    }

    static func booking(_ id: String, start: Instant, made: Instant, channel: Channel = .online) -> Booking {
        Booking(
            id: BookingID(id), reference: "REF-\(id)", office: office.id, counter: "1", services: ["pass"], persons: 1,
            start: start, end: start.adding(minutes: 20), channel: channel,
            contact: Contact(name: "Erika Mustermann", email: "erika@example.org"), status: .booked,
            createdAt: made, updatedAt: made, sequence: 1,
            placement: Placement(date: Fixtures.date("2026-10-25"), counterIndex: 0, units: 0..<4))
    }

    @Test func theTwentyFiveHourDayCountsBothHoursTwoAsOneAndItsSixHoursOfCounterTime() {
        let day = Fixtures.date("2026-10-25")
        // 02:30 summer time (00:30 UTC), 02:30 winter time (01:30 UTC), 03:30 winter time.
        let events: [QueueEvent] = [
            .issued(Self.ticket("1", at: Self.instant("2026-10-25T00:30"))),
            .issued(Self.ticket("2", at: Self.instant("2026-10-25T01:30"))),
            .issued(Self.ticket("3", at: Self.instant("2026-10-25T02:30"))),
            .called("1", counter: "1", at: Self.instant("2026-10-25T00:40")),
            .started("1", at: Self.instant("2026-10-25T00:41")),
            .finished("1", at: Self.instant("2026-10-25T00:51")),
            .called("2", counter: "1", at: Self.instant("2026-10-25T01:35")),
            .noShow("2", at: Self.instant("2026-10-25T01:37")),
        ]
        let facts = DayRecords(date: day, events: events, issuedBy: ["1": .kiosk], bookings: [])
            .facts(office: Self.office, services: Self.services)
        #expect(facts.visits.map(\.hour) == [2, 2, 3])
        #expect(facts.visits.map(\.kind) == [.kiosk, .walkIn, .walkIn])
        #expect(facts.visits.map(\.outcome) == [.served, .noShow, .unfinished])
        #expect(facts.visits.map(\.waitSeconds) == [600, 300, nil])
        #expect(facts.visits[0].toCounterSeconds == 60 && facts.visits[0].serviceSeconds == 600)
        #expect(facts.visits[0].plannedSeconds == 20 * 60)
        // 00:30 to 05:30 on the wall clock is six hours that night, four when the clocks go
        // forward (2026-03-29) and five on an ordinary Sunday.
        #expect(facts.days == [DayFact(day: day, openedSeconds: 6 * 3600, bookableSeconds: 6 * 3600)])
        #expect(DayRecords.capacity(of: Self.office, on: Fixtures.date("2026-03-29")).openedSeconds == 4 * 3600)
        #expect(DayRecords.capacity(of: Self.office, on: Fixtures.date("2026-11-01")).openedSeconds == 5 * 3600)

        let report = StatisticsReport(facts: facts, from: day, through: day, targetSeconds: 400)
        let hours = report.rows(.hour)
        #expect(hours.map(\.key) == ["2", "3"])
        #expect(hours[0].figures.tickets == 2)
        #expect(hours[0].figures.wait.median == 450)
        #expect(hours[0].figures.wait.overTarget == 1)
        #expect(hours[1].figures.unfinished == 1 && hours[1].figures.wait.count == 0)
        #expect(report.total.days == 1 && report.total.openedSeconds == 6 * 3600)
        #expect(report.total.usedSeconds == 600)
    }

    @Test func anEmptyDayHasItsCounterTimeAndNothingElse() {
        let day = Fixtures.date("2026-11-01")
        let facts = DayRecords(date: day, events: [], issuedBy: [:], bookings: [])
            .facts(office: Self.office, services: Self.services)
        #expect(facts.visits.isEmpty && facts.bookings.isEmpty)
        #expect(facts.days == [DayFact(day: day, openedSeconds: 5 * 3600, bookableSeconds: 5 * 3600)])
        let report = StatisticsReport(facts: facts, from: day, through: day)
        #expect(report.total.tickets == 0 && report.total.bookings == 0 && report.total.days == 1)
        #expect(report.total.wait == DurationSummary())
        #expect(report.total.walkInNoShowRate == nil && report.total.appointmentNoShowRate == nil)
        #expect(report.rows.map(\.dimension) == [.day, .weekday])
        #expect(report.rows(.weekday).map(\.key) == ["sun"])
        // A closed day (a Monday: the office opens on Sundays only) counts no office day.
        let monday = Fixtures.date("2026-11-02")
        let closed = DayRecords(date: monday, events: [], issuedBy: [:], bookings: [])
            .facts(office: Self.office, services: Self.services)
        #expect(StatisticsReport(facts: closed, from: monday, through: monday).total.days == 0)
    }

    @Test func aDayOnWhichNobodyCameHasOnlyNoShows() {
        let day = Fixtures.date("2026-11-01")
        let start = Fixtures.instant("2026-11-01T01:00")
        let made = Fixtures.instant("2026-10-20T10:00")
        let kept = Self.booking("b1", start: start, made: made)
        let neverCame = Self.booking("b2", start: start.adding(minutes: 30), made: made, channel: .hotline)
        let events: [QueueEvent] = [
            .issued(Self.ticket("1", at: start.adding(minutes: -5), booking: "b1", start: start)),
            .issued(Self.ticket("2", at: start.adding(minutes: 2))),
            .called("1", counter: "1", at: start.adding(minutes: 4)),
            .noShow("1", at: start.adding(minutes: 6)),
            .called("2", counter: "1", at: start.adding(minutes: 7)),
            .noShow("2", at: start.adding(minutes: 9)),
        ]
        let facts = DayRecords(
            date: day, events: events, issuedBy: ["1": .online, "2": .kiosk],
            bookings: [kept, neverCame].map {
                BookingHistory(booking: $0, cancelledAt: nil, cancelledBy: nil, moves: [])
            }
        ).facts(office: Self.office, services: Self.services)
        #expect(facts.visits.map(\.outcome) == [.noShow, .noShow])
        #expect(facts.visits.map(\.kind) == [.appointment, .kiosk])
        // The appointment waits from its start (it came early), the walk-in from its ticket.
        #expect(facts.visits.map(\.waitSeconds) == [4 * 60, 5 * 60])
        #expect(facts.bookings.map(\.attended) == [false, false])
        let total = StatisticsReport(facts: facts, from: day, through: day).total
        #expect(total.served == 0 && total.usedSeconds == 0 && total.service.count == 0)
        #expect(total.walkInNoShows == 1 && total.walkInNoShowRate == 1)
        #expect(total.appointmentNoShows == 2 && total.kept == 2 && total.appointmentNoShowRate == 1)
        #expect(total.planned.count == 0, "nothing served, nothing planned")
        #expect(total.leadTime.median == Double(made.seconds(until: start)) + 15 * 60)
    }
}
