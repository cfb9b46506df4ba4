import RathausTesting
import Testing

@testable import Scheduling

/// Tickets from home: handed out in their window and within their caps, never called before the
/// arrival is confirmed, passed over after the deadline, keeping their place when they arrive in
/// time. The clock is a parameter: each step says what time it is.
@Suite struct RemoteTicketTests {
    let monday = Fixtures.date("2026-12-07")
    let services = [
        Fixtures.service("pass", minutes: 10, group: "A"), Fixtures.service("hund", minutes: 10, group: "B"),
        Fixtures.service("trau", minutes: 30, group: "C"),
    ]
    let groups = [
        ServiceGroup(letter: "A", name: "Pass", dailyTicketCap: 5), ServiceGroup(letter: "B", name: "Hund"),
        ServiceGroup(letter: "C", name: "Trauung"),
    ]

    func queue(policy: RemoteTicketPolicy? = nil) -> OfficeQueue {
        var office = Fixtures.office(
            counters: [
                Fixtures.counter("1", skills: ["pass", "hund", "trau"]), Fixtures.counter("2", skills: ["pass"]),
            ])
        office.remoteTickets =
            policy
            ?? RemoteTicketPolicy(
                from: Fixtures.time("07:00"), until: Fixtures.time("11:00"), dailyCaps: ["A": 3, "B": 1],
                graceMinutes: 30)
        return OfficeQueue(office: office, services: services, groups: groups, date: monday)
    }

    func at(_ time: String) -> Instant { Fixtures.instant("2026-12-07T\(time)") }

    /// Takes a ticket from home at `time`, counters 1 and 2 attended until 12:00.
    @discardableResult
    func remote(
        _ queue: inout OfficeQueue, _ services: [ServiceID] = ["pass"], code: String, at time: String,
        attended: [CounterID] = ["1", "2"]
    ) throws -> Ticket {
        let event = try queue.issueRemote(
            services: services, arrivalCode: code, now: at(time), attended: attended, attendedUntil: at("12:00"))
        guard case .issued(let ticket) = event else { throw QueueError.noServices }
        return ticket
    }

    func walkIn(_ queue: inout OfficeQueue, at time: String) throws -> Ticket {
        guard case .issued(let ticket) = try queue.issueWalkIn(services: ["pass"], now: at(time)) else {
            throw QueueError.noServices
        }
        return ticket
    }

    func called(_ event: QueueEvent?) -> TicketID? {
        if case .called(let id, _, _) = event { return id }
        return nil
    }

    @Test func aTicketFromHomeIsNumberedInLineButNotCalledBeforeItsArrival() throws {
        var queue = queue()
        let home = try remote(&queue, code: "AAA-AAA", at: "08:00")
        let hall = try walkIn(&queue, at: "08:05")
        #expect(home.number == "A001" && hall.number == "A002")
        #expect(queue.ahead(of: hall.id, now: at("08:05")) == 1, "the ticket from home holds its place")
        #expect(called(try queue.callNext(counter: "1", now: at("08:10"))) == hall.id, "it is skipped, not called")
        #expect(try queue.callNext(counter: "2", now: at("08:10")) == nil, "nobody else may be called")
        _ = try queue.confirmArrival(code: "AAA-AAA", now: at("08:20"))
        #expect(called(try queue.callNext(counter: "2", now: at("08:21"))) == home.id)
    }

    @Test func arrivingInTimeKeepsThePlaceTakenFromHome() throws {
        var queue = queue()
        let home = try remote(&queue, code: "AAA-AAA", at: "08:00")
        let first = try walkIn(&queue, at: "08:01")
        let second = try walkIn(&queue, at: "08:02")
        #expect(called(try queue.callNext(counter: "1", now: at("08:03"))) == first.id)
        _ = try queue.confirmArrival(code: "AAA-AAA", now: at("08:04"))
        #expect(called(try queue.callNext(counter: "2", now: at("08:05"))) == home.id, "before the later walk-in")
        #expect(queue.ticket(second.id)?.state == .waiting)
    }

    @Test func theDeadlineIsTheEstimatedWaitPlusTheGraceTime() throws {
        var queue = queue()
        let lone = try remote(&queue, code: "AAA-AAA", at: "08:00")
        #expect(lone.remote?.deadline == at("08:30"), "nobody ahead: the grace time alone")
        for minute in 1...3 { _ = try walkIn(&queue, at: "08:0\(minute)") }
        let later = try remote(&queue, code: "CCC-CCC", at: "08:05")
        // Four ahead (three walk-ins and the first ticket from home), 10 minutes each, two counters.
        #expect(later.remote?.deadline == at("08:55"))
        let alone = try remote(&queue, ["hund"], code: "DDD-DDD", at: "08:05", attended: [])
        #expect(alone.remote?.deadline == at("08:35"))
    }

    @Test func theDeadlineIsNeverAfterTheLastAttendedMinute() throws {
        var queue = queue()
        let event = try queue.issueRemote(
            services: ["pass"], arrivalCode: "AAA-AAA", now: at("10:50"), attended: ["1"], attendedUntil: at("11:00"))
        guard case .issued(let ticket) = event else { throw QueueError.noServices }
        #expect(ticket.remote?.deadline == at("11:00"))
    }

    @Test func anArrivalAfterTheDeadlineIsRefusedAndTheTicketIsPassedOver() throws {
        var queue = queue()
        let home = try remote(&queue, code: "AAA-AAA", at: "08:00")
        #expect(queue.passOverLate(now: at("08:30")).isEmpty, "the deadline itself is still in time")
        #expect(throws: QueueError.arrivalTooLate(home.id, deadline: at("08:30"))) {
            try queue.confirmArrival(code: "AAA-AAA", now: at("08:31"))
        }
        #expect(queue.holdsPlace(home, now: at("08:31")) == false, "it no longer counts as waiting")
        let passed = queue.passOverLate(now: at("08:31"))
        #expect(passed == [.passedOver(home.id, at: at("08:31"))])
        #expect(queue.ticket(home.id)?.state == .passedOver)
        #expect(queue.passOverLate(now: at("09:00")).isEmpty, "passed over once")
        #expect(try queue.callNext(counter: "1", now: at("09:00")) == nil)
    }

    @Test func aConfirmedTicketIsNeverPassedOver() throws {
        var queue = queue()
        let home = try remote(&queue, code: "AAA-AAA", at: "08:00")
        _ = try queue.confirmArrival(code: "AAA-AAA", now: at("08:29"))
        #expect(queue.passOverLate(now: at("10:00")).isEmpty)
        #expect(queue.ticket(home.id)?.state == .waiting)
        #expect(throws: QueueError.alreadyArrived(home.id)) {
            try queue.confirmArrival(code: "AAA-AAA", now: at("08:30"))
        }
    }

    @Test func anUnknownCodeConfirmsNothing() throws {
        var queue = queue()
        _ = try remote(&queue, code: "AAA-AAA", at: "08:00")
        #expect(throws: QueueError.unknownArrivalCode) { try queue.confirmArrival(code: "AAA-AAC", now: at("08:01")) }
        #expect(queue.events.count == 1)
    }

    @Test func ticketsFromHomeAreHandedOutOnlyInTheirWindow() throws {
        var queue = queue()
        let closed = QueueError.remoteTicketsClosed(
            office: "rathaus", from: Fixtures.time("07:00"), until: Fixtures.time("11:00"))
        #expect(throws: closed) { try remote(&queue, code: "AAA-AAA", at: "06:59") }
        #expect(throws: closed) { try remote(&queue, code: "AAA-AAA", at: "11:00") }
        #expect(throws: closed) {
            try queue.issueRemote(
                services: ["pass"], arrivalCode: "AAA-AAA", now: at("08:00"), attended: [], attendedUntil: nil)
        }
        var other = OfficeQueue(
            office: Fixtures.office(counters: [Fixtures.counter("1", skills: ["pass"])]), services: services,
            groups: groups, date: monday)
        #expect(throws: QueueError.remoteTicketsOff(office: "rathaus")) {
            try remote(&other, code: "AAA-AAA", at: "08:00")
        }
        #expect(queue.events.isEmpty && other.events.isEmpty)
    }

    @Test func eachGroupHasItsOwnCapForTicketsFromHome() throws {
        var queue = queue()
        for (index, code) in ["AAA-AAA", "AAA-AAC", "AAA-AAD"].enumerated() {
            _ = try remote(&queue, code: code, at: "08:0\(index)")
        }
        #expect(throws: QueueError.remoteCapReached(group: "A", cap: 3)) {
            try remote(&queue, code: "AAA-AAE", at: "08:05")
        }
        _ = try remote(&queue, ["hund"], code: "AAA-AAF", at: "08:06")
        #expect(throws: QueueError.remoteCapReached(group: "B", cap: 1)) {
            try remote(&queue, ["hund"], code: "AAA-AAG", at: "08:07")
        }
        #expect(throws: QueueError.remoteTicketsNotOffered(group: "C")) {
            try remote(&queue, ["trau"], code: "AAA-AAH", at: "08:07")
        }
        #expect(try walkIn(&queue, at: "08:08").number == "A004", "the kiosk goes on")
    }

    @Test func ticketsFromHomeCountTowardsTheGroupsDailyCap() throws {
        var queue = queue(
            policy: RemoteTicketPolicy(
                from: Fixtures.time("07:00"), until: Fixtures.time("11:00"), dailyCaps: ["A": 10]))
        for minute in 0..<3 { _ = try walkIn(&queue, at: "08:0\(minute)") }
        _ = try remote(&queue, code: "AAA-AAA", at: "08:04")
        _ = try remote(&queue, code: "AAA-AAC", at: "08:05")
        #expect(throws: QueueError.dailyCapReached(group: "A", cap: 5)) {
            try remote(&queue, code: "AAA-AAD", at: "08:06")
        }
        #expect(throws: QueueError.dailyCapReached(group: "A", cap: 5)) { try walkIn(&queue, at: "08:07") }
    }

    @Test func agingCountsFromTheArrivalNotFromTheTicketTakenAtHome() throws {
        var queue = queue()
        let home = try remote(&queue, code: "AAA-AAA", at: "08:00")
        _ = try queue.confirmArrival(code: "AAA-AAA", now: at("08:25"))
        let arrived = try #require(queue.ticket(home.id))
        #expect(queue.rank(arrived, at("08:50")).tier == 2, "50 minutes since it was taken, 25 in the hall")
        #expect(queue.rank(arrived, at("09:10")) == OfficeQueue.CallRank(tier: 1, due: at("09:10"), sequence: 1))
    }

    @Test func replayingTheEventsRebuildsTheTicketsFromHome() throws {
        var queue = queue()
        _ = try remote(&queue, code: "AAA-AAA", at: "08:00")
        _ = try remote(&queue, code: "AAA-AAC", at: "08:01")
        _ = try queue.confirmArrival(code: "AAA-AAC", now: at("08:10"))
        _ = queue.passOverLate(now: at("09:00"))
        var replayed = self.queue()
        for event in queue.events { try replayed.apply(event) }
        #expect(replayed.tickets == queue.tickets)
        #expect(replayed.ticket(arrivalCode: "AAA-AAA")?.state == .passedOver)
    }
}
