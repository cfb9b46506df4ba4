import RathausTesting
import Testing

@testable import Scheduling

@Suite struct OfficeQueueTests {
    let monday = Fixtures.date("2026-12-07")
    let services = [
        Fixtures.service("pass", minutes: 15, group: "A"), Fixtures.service("hund", minutes: 10, group: "B"),
    ]
    let groups = [ServiceGroup(letter: "A", name: "Pass"), ServiceGroup(letter: "B", name: "Hund", dailyTicketCap: 2)]

    func queue(counters: [Counter]? = nil, policy: QueuePolicy = QueuePolicy()) -> OfficeQueue {
        let office = Fixtures.office(
            counters: counters ?? [
                Fixtures.counter("1", skills: ["pass", "hund"]), Fixtures.counter("2", skills: ["pass"]),
            ],
            queue: policy)
        return OfficeQueue(office: office, services: services, groups: groups, date: monday)
    }

    func at(_ time: String) -> Instant { Fixtures.instant("2026-12-07T\(time)") }

    func issued(_ event: QueueEvent) -> Ticket? {
        if case .issued(let ticket) = event { return ticket }
        return nil
    }

    func called(_ event: QueueEvent?) -> TicketID? {
        if case .called(let id, _, _) = event { return id }
        return nil
    }

    func booking(_ id: BookingID, at start: String, services: [ServiceID] = ["pass"]) -> Booking {
        let placement = Placement(date: monday, counterIndex: 0, units: 0..<3)
        return Booking(
            id: id, reference: "R-\(id)", office: "rathaus", counter: "1", services: services, persons: 1,
            start: at(start), end: at(start).adding(minutes: 15), channel: .online, contact: Fixtures.contact(),
            status: .booked, createdAt: at("07:00"), updatedAt: at("07:00"), sequence: 0, placement: placement)
    }

    @Test func ticketsAreNumberedPerServiceGroup() throws {
        var queue = queue()
        let numbers = try [["pass"], ["pass"], ["hund"]].map { services in
            try #require(issued(try queue.issueWalkIn(services: services, now: at("08:00")))).number
        }
        #expect(numbers == ["A001", "A002", "B001"])
    }

    @Test func walkInsAreCalledFirstComeFirstServed() throws {
        var queue = queue()
        let first = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        let second = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:01"))))
        #expect(called(try queue.callNext(counter: "1", now: at("08:05"))) == first.id)
        #expect(called(try queue.callNext(counter: "2", now: at("08:05"))) == second.id)
        _ = try queue.finish(second.id, now: at("08:06"))
        #expect(try queue.callNext(counter: "2", now: at("08:06")) == nil)
    }

    @Test func aCounterIsOfferedOnlyTicketsItCanServe() throws {
        var queue = queue()
        let dog = try #require(issued(try queue.issueWalkIn(services: ["hund"], now: at("08:00"))))
        #expect(try queue.callNext(counter: "2", now: at("08:05")) == nil, "counter 2 does not do dog tax")
        #expect(called(try queue.callNext(counter: "1", now: at("08:05"))) == dog.id)
    }

    @Test func aBusyCounterMustFinishBeforeCallingAgain() throws {
        var queue = queue()
        let first = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        _ = try queue.issueWalkIn(services: ["pass"], now: at("08:00"))
        _ = try queue.callNext(counter: "1", now: at("08:05"))
        #expect(throws: QueueError.counterBusy("1", ticket: first.id)) {
            try queue.callNext(counter: "1", now: at("08:06"))
        }
        _ = try queue.finish(first.id, now: at("08:10"))
        #expect(try queue.callNext(counter: "1", now: at("08:10")) != nil)
    }

    @Test func dueAppointmentsGoBeforeWalkInsAndEarlyOnesAfter() throws {
        var queue = queue()
        let walkIn = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        let due = try #require(issued(try queue.checkIn(booking("b1", at: "08:30"), now: at("08:15"))))
        let early = try #require(issued(try queue.checkIn(booking("b2", at: "09:00"), now: at("08:16"))))
        #expect(due.isAppointment)
        #expect(called(try queue.callNext(counter: "1", now: at("08:20"))) == due.id)
        #expect(called(try queue.callNext(counter: "2", now: at("08:20"))) == walkIn.id)
        _ = try queue.finish(due.id, now: at("08:25"))
        #expect(called(try queue.callNext(counter: "1", now: at("08:25"))) == early.id, "nobody else waits")
    }

    @Test func aWalkInWhoHasWaitedTooLongRanksWithDueAppointments() throws {
        var queue = queue(policy: QueuePolicy(agingMinutes: 30))
        let walkIn = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        let appointment = try #require(issued(try queue.checkIn(booking("b1", at: "08:40"), now: at("08:20"))))
        #expect(called(try queue.callNext(counter: "1", now: at("08:35"))) == walkIn.id, "aged at 08:30, before 08:40")
        #expect(called(try queue.callNext(counter: "2", now: at("08:35"))) == appointment.id)
    }

    @Test func urgentTicketsAreCalledFirst() throws {
        var queue = queue()
        _ = try queue.issueWalkIn(services: ["pass"], now: at("08:00"))
        let urgent = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:01"))))
        _ = try queue.markUrgent(urgent.id, now: at("08:02"))
        #expect(called(try queue.callNext(counter: "1", now: at("08:05"))) == urgent.id)
    }

    @Test func recallsAreLimitedAndANoShowFreesTheCounter() throws {
        var queue = queue(policy: QueuePolicy(maxRecalls: 1))
        let ticket = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        _ = try queue.callNext(counter: "1", now: at("08:05"))
        _ = try queue.recall(ticket.id, now: at("08:06"))
        #expect(throws: QueueError.recallLimitReached(ticket.id, max: 1)) {
            try queue.recall(ticket.id, now: at("08:07"))
        }
        _ = try queue.markNoShow(ticket.id, now: at("08:08"))
        #expect(queue.ticket(ticket.id)?.state == .noShow)
        #expect(queue.activeTicket(at: "1") == nil)
        #expect(throws: QueueError.invalidTransition(ticket.id, state: .noShow, action: .recall)) {
            try queue.recall(ticket.id, now: at("08:09"))
        }
    }

    @Test func aParkedTicketResumesWaitingWithItsNumber() throws {
        var queue = queue()
        let ticket = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        _ = try queue.callNext(counter: "1", now: at("08:05"))
        _ = try queue.start(ticket.id, now: at("08:06"))
        _ = try queue.park(ticket.id, now: at("08:10"))
        #expect(try queue.callNext(counter: "1", now: at("08:11")) == nil, "parked tickets are not called")
        _ = try queue.resume(ticket.id, now: at("08:20"))
        #expect(called(try queue.callNext(counter: "2", now: at("08:21"))) == ticket.id)
    }

    @Test func aTransferToACounterIsCalledOnlyThere() throws {
        var queue = queue()
        let ticket = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        _ = try queue.callNext(counter: "2", now: at("08:05"))
        _ = try queue.transfer(ticket.id, services: ["hund"], counter: "1", now: at("08:10"))
        #expect(queue.ticket(ticket.id)?.number == "A001")
        #expect(queue.ticket(ticket.id)?.group == "B")
        #expect(try queue.callNext(counter: "2", now: at("08:11")) == nil)
        #expect(called(try queue.callNext(counter: "1", now: at("08:11"))) == ticket.id)
    }

    @Test func checkInIsRefusedOutsideItsWindowAndTwice() throws {
        var queue = queue()
        #expect(throws: QueueError.checkInTooEarly("b1", opensAt: at("09:00"))) {
            try queue.checkIn(booking("b1", at: "10:00"), now: at("08:59"))
        }
        #expect(throws: QueueError.checkInTooLate("b1", closedAt: at("10:10"))) {
            try queue.checkIn(booking("b1", at: "10:00"), now: at("10:11"))
        }
        let ticket = try #require(issued(try queue.checkIn(booking("b1", at: "10:00"), now: at("09:30"))))
        #expect(throws: QueueError.alreadyCheckedIn("b1", ticket: ticket.id)) {
            try queue.checkIn(booking("b1", at: "10:00"), now: at("09:31"))
        }
        var cancelled = booking("b2", at: "10:00")
        cancelled.status = .cancelled
        #expect(throws: QueueError.bookingCancelled("b2")) { try queue.checkIn(cancelled, now: at("09:30")) }
        var tomorrow = booking("b3", at: "10:00")
        tomorrow.placement.date = monday.adding(days: 1)
        #expect(throws: QueueError.bookingNotToday("b3", date: monday.adding(days: 1))) {
            try queue.checkIn(tomorrow, now: at("09:30"))
        }
    }

    @Test func aGroupStopsIssuingWalkInsAtItsDailyCap() throws {
        var queue = queue()
        _ = try queue.issueWalkIn(services: ["hund"], now: at("08:00"))
        _ = try queue.issueWalkIn(services: ["hund"], now: at("08:01"))
        #expect(throws: QueueError.dailyCapReached(group: "B", cap: 2)) {
            try queue.issueWalkIn(services: ["hund"], now: at("08:02"))
        }
        _ = try queue.checkIn(booking("b1", at: "09:00", services: ["hund"]), now: at("08:30"))
    }

    @Test func unknownCountersTicketsAndServicesAreRefused() {
        var queue = queue()
        #expect(throws: QueueError.unknownCounter("9")) { try queue.callNext(counter: "9", now: at("08:00")) }
        #expect(throws: QueueError.ticketNotFound("nope")) { try queue.finish("nope", now: at("08:00")) }
        #expect(throws: QueueError.unknownService("x")) { try queue.issueWalkIn(services: ["x"], now: at("08:00")) }
        #expect(throws: QueueError.noServices) { try queue.issueWalkIn(services: [], now: at("08:00")) }
    }

    @Test func aServiceNamedTwiceIsRefusedForTicketsAndTransfers() throws {
        var queue = queue()
        #expect(throws: QueueError.duplicateService("pass")) {
            try queue.issueWalkIn(services: ["pass", "pass"], now: at("08:00"))
        }
        #expect(queue.tickets.isEmpty, "nothing was issued")
        let ticket = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        #expect(throws: QueueError.duplicateService("hund")) {
            try queue.transfer(ticket.id, services: ["hund", "pass", "hund"], counter: nil, now: at("08:05"))
        }
        #expect(queue.ticket(ticket.id)?.services == ["pass"])
        #expect(queue.events.count == 1)
    }

    @Test func replayingTheEventsRebuildsTheSameQueue() throws {
        var queue = queue()
        let a = try #require(issued(try queue.issueWalkIn(services: ["pass"], now: at("08:00"))))
        _ = try queue.issueWalkIn(services: ["hund"], now: at("08:01"))
        _ = try queue.checkIn(booking("b1", at: "08:30"), now: at("08:10"))
        _ = try queue.callNext(counter: "1", now: at("08:20"))
        _ = try queue.callNext(counter: "2", now: at("08:20"))
        _ = try queue.finish(a.id, now: at("08:30"))
        var replayed = self.queue()
        for event in queue.events { try replayed.apply(event) }
        #expect(replayed.tickets == queue.tickets)
        #expect(replayed.events == queue.events)
        #expect(
            issued(try replayed.issueWalkIn(services: ["pass"], now: at("08:40")))?.number == "A003",
            "the check-in took A002")
    }

    @Test func theWaitEstimateFollowsRecentServiceTimesAndOpenCounters() throws {
        var queue = queue()
        for minute in 0..<4 { _ = try queue.issueWalkIn(services: ["pass"], now: at("08:0\(minute)")) }
        let first = queue.tickets[0].id
        _ = try queue.callNext(counter: "1", now: at("08:10"))
        _ = try queue.start(first, now: at("08:10"))
        _ = try queue.finish(first, now: at("08:30"))
        #expect(queue.averageServiceMinutes(group: "A") == 20)
        let waits = queue.waits(now: at("08:30"), attended: ["1", "2"])
        #expect(waits.first { $0.group == "A" } == GroupWait(group: "A", waiting: 3, counters: 2, estimatedMinutes: 30))
        #expect(queue.ahead(of: queue.tickets[3].id, now: at("08:30")) == 2)
        #expect(queue.estimatedWaitMinutes(for: queue.tickets[3].id, now: at("08:30"), attended: ["1"]) == 40)
    }
}
