import RathausTesting
import Testing

@testable import Scheduling

/// Seeded random counter actions on random offices: a ticket is never at two counters, a
/// counter never holds two tickets, and every call takes the ticket the policy puts first. Tickets
/// from home come and go among them: one is never called before its arrival is confirmed, an
/// arrival is never accepted after its deadline, and one passed over had its deadline pass
/// unconfirmed.
@Suite struct QueuePropertyTests {
    @Test(arguments: Array(UInt64(1)...40))
    func callsFollowThePolicyAndNeverDoubleUp(seed: UInt64) throws {
        var random = RandomOffice(seed: seed)
        let services = random.services()
        let date = random.startDate()
        var office = random.office(services: services, start: date)
        office.queue = QueuePolicy(
            earlyMinutes: random.int(0...15), lateMinutes: 10, agingMinutes: random.int(10...60),
            maxRecalls: random.int(0...2))
        office.remoteTickets = RemoteTicketPolicy(
            from: .midnight, until: .endOfDay, dailyCaps: ["A": random.int(1...20), "B": random.int(1...20)],
            graceMinutes: random.int(0...40))
        let groups = [ServiceGroup(letter: "A", name: "A", dailyTicketCap: random.chance(0.3) ? 20 : nil)]
        var queue = OfficeQueue(office: office, services: services, groups: groups, date: date)
        var now = office.timeZone.frame(of: date).instant(elapsed: 8 * 60)
        var calls = 0
        var remoteIssued = 0

        for step in 0..<250 {
            let label = "seed \(seed) step \(step)"
            let roll = random.int(0...109)
            let ticket = queue.tickets.isEmpty ? nil : random.pick(queue.tickets)
            let counter = random.pick(office.counters)
            do {
                switch roll {
                case 0..<10:
                    now = now.adding(minutes: random.int(0...15))
                case 10..<30:
                    let skills = random.pick(office.counters).skills.sorted()
                    _ = try queue.issueWalkIn(services: [random.pick(skills)], now: now)
                case 30..<38:
                    let skills = random.pick(office.counters).skills.sorted()
                    let start = now.adding(minutes: random.int(-10...50))
                    let booking = Booking(
                        id: BookingID("b\(step)"), reference: "R\(step)", office: office.id, counter: counter.id,
                        services: [random.pick(skills)], persons: 1, start: start, end: start.adding(minutes: 15),
                        channel: .online, contact: Contact(name: "x"), status: .booked, createdAt: now,
                        updatedAt: now, sequence: 0, placement: Placement(date: date, counterIndex: 0, units: 0..<1))
                    _ = try queue.checkIn(booking, now: now)
                case 38..<60:
                    let expected = expectedNext(queue, counter: counter, now: now)
                    let event = try queue.callNext(counter: counter.id, now: now)
                    if case .called(let id, _, _) = event {
                        calls += 1
                        #expect(id == expected, "\(label): called \(id), policy says \(String(describing: expected))")
                    } else {
                        #expect(expected == nil, "\(label): nobody called, policy says \(String(describing: expected))")
                    }
                case 60..<65:
                    if let ticket { _ = try queue.recall(ticket.id, now: now) }
                case 65..<70:
                    if let ticket { _ = try queue.start(ticket.id, now: now) }
                case 70..<80:
                    if let ticket { _ = try queue.finish(ticket.id, now: now) }
                case 80..<84:
                    if let ticket { _ = try queue.markNoShow(ticket.id, now: now) }
                case 84..<88:
                    if let ticket { _ = try queue.park(ticket.id, now: now) }
                case 88..<92:
                    if let ticket { _ = try queue.resume(ticket.id, now: now) }
                case 92..<96:
                    if let ticket {
                        let target = random.pick(office.counters)
                        _ = try queue.transfer(
                            ticket.id, services: [random.pick(target.skills.sorted())],
                            counter: random.chance(0.5) ? target.id : nil, now: now)
                    }
                case 96..<100:
                    if let ticket { _ = try queue.markUrgent(ticket.id, now: now) }
                case 100..<104:
                    let skills = random.pick(office.counters).skills.sorted()
                    remoteIssued += 1
                    _ = try queue.issueRemote(
                        services: [random.pick(skills)], arrivalCode: "R\(step)", now: now,
                        attended: office.counters.map(\.id).filter { _ in random.chance(0.7) },
                        attendedUntil: random.chance(0.9) ? now.adding(minutes: random.int(1...300)) : nil)
                case 104..<108:
                    guard let code = ticket?.remote?.code else { break }
                    let before = queue.ticket(arrivalCode: code)
                    if case .arrived = try queue.confirmArrival(code: code, now: now),
                        let deadline = before?.remote?.deadline
                    {
                        #expect(now <= deadline, "\(label): an arrival after the deadline was accepted")
                        #expect(before?.awaitsArrival == true, "\(label): arrived twice")
                    }
                default:
                    for event in queue.passOverLate(now: now) {
                        let passed = queue.ticket(event.ticket)
                        #expect(passed?.calledAt == nil, "\(label): \(event.ticket) was called, then passed over")
                        #expect((passed?.remote?.deadline).map { $0 < now } == true, "\(label): passed over early")
                    }
                }
            } catch {
                // Refusals are part of the game; the state must stay consistent.
            }
            checkInvariants(queue, label: label)
        }
        #expect(calls > 0, "seed \(seed): no call happened")
        #expect(
            remoteIssued == 0 || queue.tickets.contains { $0.remote != nil },
            "seed \(seed): \(remoteIssued) tickets from home asked for, none issued")
        var replayed = OfficeQueue(office: office, services: services, groups: groups, date: date)
        for event in queue.events { try replayed.apply(event) }
        #expect(replayed.tickets == queue.tickets, "seed \(seed): replay differs")
    }

    /// The policy, restated independently: urgent first; then due appointments and aged walk-ins
    /// by due time; then walk-ins by arrival; then early appointments by start.
    func expectedNext(_ queue: OfficeQueue, counter: Counter, now: Instant) -> TicketID? {
        if queue.activeTicket(at: counter.id) != nil { return nil }
        let policy = queue.office.queue
        let candidates = queue.tickets.filter { ticket in
            guard ticket.state == .waiting, ticket.remote?.arrivedAt != nil || ticket.remote == nil else {
                return false
            }
            if let target = ticket.targetCounter { return target == counter.id }
            return ticket.services.allSatisfy(counter.skills.contains)
        }
        func key(_ ticket: Ticket) -> (Int, Int64, Int) {
            if ticket.urgent { return (0, ticket.issuedAt.secondsSinceEpoch, ticket.sequence) }
            if let start = ticket.appointmentStart {
                let due = start.secondsSinceEpoch - Int64(policy.earlyMinutes * 60) <= now.secondsSinceEpoch
                return (due ? 1 : 3, start.secondsSinceEpoch, ticket.sequence)
            }
            // A ticket from home ages from its arrival; walk-ins from drawing the ticket.
            if let since = ticket.remote.map({ $0.arrivedAt }) ?? ticket.issuedAt {
                let aged = since.secondsSinceEpoch + Int64(policy.agingMinutes * 60)
                if aged <= now.secondsSinceEpoch { return (1, aged, ticket.sequence) }
            }
            return (2, ticket.issuedAt.secondsSinceEpoch, ticket.sequence)
        }
        return candidates.min { key($0) < key($1) }?.id
    }

    func checkInvariants(_ queue: OfficeQueue, label: String) {
        var counterOf: [CounterID: TicketID] = [:]
        var numbers: Set<String> = []
        for ticket in queue.tickets {
            if !numbers.insert(ticket.number).inserted { Issue.record("\(label): number \(ticket.number) twice") }
            if ticket.awaitsArrival && (ticket.isAtCounter || ticket.calledAt != nil) {
                Issue.record("\(label): \(ticket.number) was called before its arrival")
            }
            if let remote = ticket.remote, let arrived = remote.arrivedAt, arrived > remote.deadline {
                Issue.record("\(label): \(ticket.number) arrived after its deadline")
            }
            guard ticket.isAtCounter else { continue }
            guard let counter = ticket.counter else {
                Issue.record("\(label): \(ticket.number) is \(ticket.state) at no counter")
                continue
            }
            if let other = counterOf[counter] {
                Issue.record("\(label): counter \(counter) holds \(other) and \(ticket.id) at once")
            }
            counterOf[counter] = ticket.id
            if queue.activeTicket(at: counter)?.id != ticket.id {
                Issue.record("\(label): counter \(counter) does not know its ticket \(ticket.id)")
            }
        }
    }
}
