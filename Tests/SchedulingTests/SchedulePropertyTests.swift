import RathausTesting
import Testing

@testable import Scheduling

/// Seeded random operations on random offices, checking the invariants of
/// Documentation/Scheduling.md ("Invariants") after every step. A failure names its seed and
/// step, so it can be replayed.
@Suite struct SchedulePropertyTests {
    static let seeds: [UInt64] = Array(1...60)
    static let operationsPerSeed = 200

    @Test(arguments: seeds)
    func invariantsHoldUnderRandomOperations(seed: UInt64) throws {
        var run = ScheduleRun(seed: seed)
        for step in 0..<Self.operationsPerSeed {
            run.step = step
            run.randomOperation()
            run.checkInvariants()
        }
        #expect(run.bookingsMade > 0 || run.schedule.office.counters.allSatisfy { _ in true })
    }

    @Test func theRunsBookAndRefuseOften() {
        // Guards the generator: random operations that never succeed or never fail test little.
        var made = 0
        var refused = 0
        for seed in Self.seeds.prefix(20) {
            var run = ScheduleRun(seed: seed)
            for step in 0..<Self.operationsPerSeed {
                run.step = step
                run.randomOperation()
            }
            made += run.bookingsMade
            refused += run.refusals
        }
        #expect(made > 200)
        #expect(refused > 200)
    }
}

/// One random run: a random office, a clock, a pool of contacts, and the channel that placed
/// each booking and hold.
struct ScheduleRun {
    var random: RandomOffice
    var schedule: OfficeSchedule
    var now: Instant
    let seed: UInt64
    var step = 0
    var nextID = 0
    var placedBy: [String: Channel] = [:]
    var bookingsMade = 0
    var refusals = 0
    let contacts = (0..<5).map { Contact(name: "P\($0)", email: "p\($0)@example.org") }

    init(seed: UInt64) {
        self.seed = seed
        random = RandomOffice(seed: seed)
        let services = random.services()
        let start = random.startDate()
        let office = random.office(services: services, start: start)
        schedule = OfficeSchedule(office: office, services: services)
        if random.chance(0.5) { schedule.prepare(from: start, through: start.adding(days: 14)) }
        now = office.timeZone.frame(of: start).instant(elapsed: random.int(5 * 60...10 * 60))
    }

    var label: String { "seed \(seed) step \(step)" }

    mutating func fresh(_ prefix: String) -> String {
        nextID += 1
        return "\(prefix)\(nextID)"
    }

    var offeredServices: [ServiceID] { schedule.office.offeredServices.sorted() }

    /// A random demand: one or two services some counter can do together, persons, channel.
    mutating func randomDemand() -> (services: [ServiceID], persons: Int, channel: Channel) {
        let counter = random.pick(schedule.office.counters)
        var services = [random.pick(counter.skills.sorted())]
        if random.chance(0.3), let other = counter.skills.sorted().first(where: { $0 != services[0] }) {
            services.append(other)
        }
        if random.chance(0.05) { services = [random.pick(offeredServices + ["unknown"])] }
        return (services, random.int(1...3), random.pick(Channel.allCases))
    }

    /// A random start: mostly an offered one, sometimes any grid time in the window.
    mutating func randomStart(_ demand: (services: [ServiceID], persons: Int, channel: Channel)) -> Instant {
        let today = schedule.frame(containing: now).date
        let date = today.adding(days: random.int(0...schedule.office.booking.window.maxAdvanceDays + 1))
        if random.chance(0.7),
            let days = try? schedule.availability(
                services: demand.services, persons: demand.persons, channel: demand.channel, from: today,
                to: today.adding(days: 14), now: now
            ).days, !days.isEmpty
        {
            let day = random.pick(days)
            return day.frame.instant(elapsed: random.pick(day.startMinutes))
        }
        let frame = schedule.day(date).frame
        return frame.instant(elapsed: random.int(0...frame.lengthMinutes / 5 - 1) * 5)
    }

    mutating func randomOperation() {
        let roll = random.int(0...99)
        do {
            switch roll {
            case 0..<12:
                now = now.adding(minutes: random.int(0...40))
            case 12..<14:
                now = now.adding(minutes: random.int(300...1500))
            case 14..<30:
                let demand = randomDemand()
                let request = SlotRequest(
                    services: demand.services, persons: demand.persons, start: randomStart(demand),
                    channel: demand.channel)
                let booking = try schedule.book(
                    request, id: BookingID(fresh("b")), reference: fresh("R"), contact: random.pick(contacts), now: now)
                placedBy[booking.id.rawValue] = demand.channel
                bookingsMade += 1
                #expect(booking.start == request.start, "\(label)")
            case 30..<45:
                let demand = randomDemand()
                let request = SlotRequest(
                    services: demand.services, persons: demand.persons, start: randomStart(demand),
                    channel: demand.channel)
                let hold = try schedule.placeHold(request, id: HoldID(fresh("h")), now: now)
                placedBy[hold.id.rawValue] = demand.channel
            case 45..<55:
                guard
                    let hold = schedule.holds.values.sorted(by: { $0.id < $1.id }).randomElement(
                        using: &random.generator)
                else { return }
                let booking = try schedule.book(
                    hold: hold.id, channel: hold.channel, id: BookingID(fresh("b")), reference: fresh("R"),
                    contact: random.pick(contacts), now: now)
                placedBy[booking.id.rawValue] = hold.channel
                bookingsMade += 1
            case 55..<60:
                guard
                    let hold = schedule.holds.values.sorted(by: { $0.id < $1.id }).randomElement(
                        using: &random.generator)
                else { return }
                _ = try schedule.extendHold(hold.id, now: now)
            case 60..<63:
                guard
                    let hold = schedule.holds.values.sorted(by: { $0.id < $1.id }).randomElement(
                        using: &random.generator)
                else { return }
                try schedule.releaseHold(hold.id)
            case 63..<70:
                guard
                    let booking = schedule.bookings.values.sorted(by: { $0.id < $1.id }).randomElement(
                        using: &random.generator)
                else { return }
                _ = try schedule.cancel(booking.id, now: now)
            case 70..<78:
                guard
                    let booking = schedule.bookings.values.sorted(by: { $0.id < $1.id }).randomElement(
                        using: &random.generator)
                else { return }
                let channel = random.pick(Channel.allCases)
                let start = randomStart((booking.services, booking.persons, channel))
                _ = try schedule.reschedule(booking.id, to: start, channel: channel, now: now)
                placedBy[booking.id.rawValue] = channel
            case 78..<82:
                schedule.releaseExpired(at: now)
            default:
                checkAvailabilityMatchesBookability()
            }
        } catch {
            refusals += 1
        }
    }

    /// Every start availability returns can be taken at that moment, and every start that can
    /// be taken is returned: checked against a direct attempt at every grid unit of a day.
    mutating func checkAvailabilityMatchesBookability() {
        let demand = randomDemand()
        let today = schedule.frame(containing: now).date
        let date = today.adding(days: random.int(0...schedule.office.booking.window.maxAdvanceDays + 1))
        guard
            let shown = try? schedule.availability(
                services: demand.services, persons: demand.persons, channel: demand.channel, from: date, to: date,
                now: now),
            let checked = try? schedule.demand(
                services: demand.services, persons: demand.persons, channel: demand.channel)
        else { return }
        let offered = Set(shown.days.flatMap(\.starts))
        let frame = schedule.day(date).frame
        var bookable: Set<Instant> = []
        for unit in 0..<frame.lengthMinutes / schedule.office.gridMinutes {
            let start = frame.instant(elapsed: unit * schedule.office.gridMinutes)
            if (try? schedule.allocate(checked, at: start, now: now)) != nil { bookable.insert(start) }
        }
        #expect(offered == bookable, "\(label)")
        // And an offered start really books (on a copy, with a contact that has no bookings).
        if let start = offered.sorted().first {
            var copy = schedule
            let request = SlotRequest(
                services: demand.services, persons: demand.persons, start: start, channel: demand.channel)
            #expect(
                (try? copy.book(
                    request, id: "probe", reference: "probe", contact: Contact(name: "new", email: "new@example.org"),
                    now: now))
                    != nil,
                "\(label)")
        }
    }

    /// The invariants of Documentation/Scheduling.md, checked from the bookings and holds
    /// themselves.
    func checkInvariants() {
        let office = schedule.office
        // Occupations: active bookings and unexpired holds, as instants per counter.
        var occupied: [CounterID: [(start: Instant, end: Instant, id: String)]] = [:]
        for booking in schedule.bookings.values where booking.isActive {
            occupied[booking.counter, default: []].append((booking.start, booking.end, booking.id.rawValue))
        }
        for hold in schedule.holds.values where hold.expiresAt > now {
            occupied[hold.counter, default: []].append((hold.start, hold.end, hold.id.rawValue))
        }
        // Never two bookings on one counter at once.
        for (counter, items) in occupied {
            let sorted = items.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.end > b.start {
                Issue.record("\(label): \(a.id) and \(b.id) overlap on counter \(counter)")
            }
        }
        // Never outside opening hours, breaks or closures; never beyond the channel's contingent.
        for (counterID, items) in occupied {
            guard let counter = office.counters.first(where: { $0.id == counterID }) else {
                Issue.record("\(label): unknown counter \(counterID)")
                continue
            }
            for item in items {
                guard let channel = placedBy[item.id] else { continue }
                var instant = item.start
                while instant < item.end {
                    let contingent = OpeningOracle.contingent(office, counter: counter, at: instant)
                    if contingent.map({ !channel.mayBook($0) }) ?? true {
                        Issue.record("\(label): \(item.id) at \(instant) is outside \(channel) time of \(counterID)")
                        break
                    }
                    instant = instant.adding(minutes: office.gridMinutes)
                }
            }
        }
        // Never more active bookings per contact and service than allowed.
        for contact in contacts {
            for service in schedule.services.values {
                let limit = service.maxActivePerContact ?? office.booking.maxActivePerContact
                let active = schedule.bookings.values.filter {
                    $0.isActive && $0.end > now && $0.contact == contact && $0.services.contains(service.id)
                }
                if active.count > limit {
                    Issue.record("\(label): \(contact.name) holds \(active.count) of \(service.id), limit \(limit)")
                }
            }
        }
    }
}
