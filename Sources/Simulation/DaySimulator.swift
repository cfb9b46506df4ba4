package import App
import Foundation
import HTTPServer
package import Scheduling
package import Storage

/// How busy the simulated days are.
package struct SimulationPlan: Sendable {
    /// The days to play, in every office open on them.
    package var days: [LocalDate]
    package var seed: UInt64
    /// The share of the counter time open to bookings that gets booked.
    package var bookedShare = 0.55
    /// Walk-in tickets per hour of counter time not booked.
    package var walkInsPerFreeHour = 3.0
    /// Appointments nobody comes to.
    package var appointmentNoShow = 0.1
    /// Walk-ins who leave before they are called.
    package var walkInLeaves = 0.05
    package var cancelShare = 0.08
    package var moveShare = 0.05
    /// Bookings are made 1 to this many days ahead.
    package var maxLeadDays = 21

    package init(days: [LocalDate], seed: UInt64) {
        self.days = days
        self.seed = seed
    }
}

/// Plays realistic office days through the API, in this process, on a clock it moves itself
/// (Documentation/Statistics.md, "The day simulator"): bookings made days ahead on the online,
/// hotline and counter channels, some cancelled or moved; on the day, appointment holders
/// checking in at the kiosk or by their link (some never come), walk-ins drawing tickets over the
/// opening hours (some leave), and clerks at every attended counter calling the next ticket,
/// waiting for the citizen to come, serving for about the service's planned time (each service
/// with a bias of its own, so some run over) and finishing, until nobody is left. It records
/// what it did as `SimulationTruth`.
package final class DaySimulator {
    private let client: InProcessClient
    private let clock: SimulationClock
    private let municipality: Municipality
    private let plan: SimulationPlan
    private var random: SimulationRandom
    private var events = EventHeap()
    private var truth = SimulationTruth()
    private var bookings: [PlannedBooking] = []
    private var visitByTicket: [String: Int] = [:]
    private var counters: [CounterKey: CounterState] = [:]
    private var tokens = Tokens()
    private var bias: [ServiceID: Double] = [:]
    private var contactNumber = 0

    package init(app: RathausApp, clock: SimulationClock, plan: SimulationPlan) {
        self.client = InProcessClient(app: app)
        self.clock = clock
        self.municipality = app.municipality
        self.plan = plan
        self.random = SimulationRandom(seed: plan.seed)
        for service in app.municipality.services.sorted(by: { $0.id < $1.id }) {
            bias[service.id] = Double.random(in: 0.8...1.35, using: &random)
        }
    }

    /// Plays the plan's days; returns what happened. Staff tokens for the kiosk, the counters and
    /// the hotline are made in `database` first.
    package func run(database: Database) throws -> SimulationTruth {
        try makeTokens(database)
        for day in plan.days.sorted() {
            for office in municipality.offices { planDay(office, day) }
        }
        while let event = events.pop() {
            clock.move(to: event.at)
            handle(event.action)
        }
        return truth
    }

    // MARK: Planning

    private func makeTokens(_ database: Database) throws {
        let now = clock.now
        try database.committer.withConnection { connection in
            tokens.hotline = try connection.createStaffToken(role: .hotline, office: nil, name: "sim", now: now).token
            for office in municipality.offices {
                tokens.kiosk[office.id] =
                    try connection.createStaffToken(role: .kiosk, office: office.id, name: "sim", now: now).token
                tokens.counter[office.id] =
                    try connection.createStaffToken(role: .counter, office: office.id, name: "sim", now: now).token
            }
        }
    }

    private func planDay(_ office: Office, _ date: LocalDate) {
        let day = DayPlanner.plan(office, on: date)
        let frame = day.frame
        let grid = office.gridMinutes
        var openRuns: [Range<Int>] = []
        var bookableSeconds = 0
        var openedSeconds = 0
        var servable: Set<ServiceID> = []
        for (index, counter) in day.counters.enumerated() {
            let runs = counter.attended.runs
            guard !runs.isEmpty else { continue }
            servable.formUnion(office.counters[index].skills)
            openedSeconds += counter.attended.population * grid * 60
            bookableSeconds += counter.open[Contingent.counter.rawValue].population * grid * 60
            let key = CounterKey(office: office.id, counter: office.counters[index].id)
            let shifts = runs.map {
                frame.instant(elapsed: $0.lowerBound * grid)..<frame.instant(elapsed: $0.upperBound * grid)
            }
            for shift in shifts {
                events.push(shift.lowerBound, .counterOn(key, shift))
            }
            counters[key] = CounterState(lastEnd: shifts.last?.upperBound ?? frame.start)
            openRuns += runs
        }
        guard openedSeconds > 0 else { return }
        let offered = municipality.services.filter { servable.contains($0.id) }
        // Bookings, made days ahead at random times.
        let bookable = offered.filter { $0.window == nil }
        if !bookable.isEmpty, bookableSeconds > 0 {
            let mean = bookable.reduce(0) { $0 + $1.durationMinutes } * 60 / bookable.count
            let count = Int(Double(bookableSeconds) * plan.bookedShare / Double(max(60, mean)))
            for _ in 0..<count {
                let service = bookable[Int.random(in: 0..<bookable.count, using: &random)]
                let lead = Int.random(in: 1...plan.maxLeadDays, using: &random)
                let made = office.timeZone.frame(of: date.adding(days: -lead)).instant(
                    elapsed: Int.random(in: (7 * 60 + 5)...(21 * 60), using: &random))
                let wanted = frame.instant(
                    elapsed: Int.random(in: openRuns[0].lowerBound...openRuns.last!.upperBound, using: &random) * grid)
                let persons = service.maxPersons > 1 && random.chance(0.15) ? 2 : 1
                bookings.append(
                    PlannedBooking(
                        office: office, services: [service.id], persons: persons, wanted: wanted,
                        channel: random.chance(0.65) ? .online : (random.chance(0.7) ? .hotline : .counter)))
                events.push(made, .book(bookings.count - 1))
            }
        }
        // Walk-ins over the opening hours, a third of them in the first hour.
        let walkIns = Int(
            Double(max(0, openedSeconds - Int(Double(bookableSeconds) * plan.bookedShare))) / 3600
                * plan.walkInsPerFreeHour)
        let first = openRuns.map(\.lowerBound).min() ?? 0
        let last = openRuns.map(\.upperBound).max() ?? 0
        let walkInServices = offered.filter { service in
            // Only services a counter open that day can do alone.
            office.counters.enumerated().contains { index, counter in
                !day.counters[index].attended.runs.isEmpty && counter.skills.contains(service.id)
            }
        }
        guard !walkInServices.isEmpty, last - first > 2 else { return }
        for _ in 0..<walkIns {
            let unit =
                random.chance(0.3)
                ? Int.random(in: first..<min(last - 2, first + 60 / grid), using: &random)
                : Int.random(in: first..<(last - 2), using: &random)
            guard openRuns.contains(where: { $0.contains(unit) }) else { continue }
            let at = frame.instant(elapsed: unit * grid + Int.random(in: 0..<grid, using: &random))
                .adding(seconds: Int.random(in: 0..<60, using: &random))
            let service = walkInServices[Int.random(in: 0..<walkInServices.count, using: &random)]
            events.push(
                at,
                .walkIn(
                    office.id, service.id, kiosk: random.chance(0.8), leaves: random.chance(plan.walkInLeaves)))
        }
    }

    // MARK: Acting

    private func handle(_ action: Action) {
        switch action {
        case .book(let index): book(index)
        case .cancel(let index): cancel(index)
        case .move(let index): move(index)
        case .planArrival(let index): planArrival(index)
        case .arrive(let index): arrive(index)
        case .walkIn(let office, let service, let kiosk, let leaves):
            walkIn(office, service, kiosk: kiosk, leaves: leaves)
        case .counterOn(let key, let shift):
            counters[key]?.shift = shift
            callNext(key)
        case .counterFree(let key):
            counters[key]?.pending = false
            callNext(key)
        case .start(let visit): start(visit)
        case .finish(let visit): finish(visit)
        case .noShow(let visit): noShow(visit)
        }
    }

    private func freeStarts(_ booking: PlannedBooking, token: String?) -> [Instant] {
        let date = booking.office.timeZone.local(booking.wanted).date
        let query =
            "service=" + booking.services.map(\.rawValue).joined(separator: "&service=")
            + "&persons=\(booking.persons)&from=\(date.iso)&to=\(date.iso)"
        let answer = client.send(.get, "/v1/offices/\(booking.office.id.rawValue)/availability?\(query)", token: token)
        guard answer.status == 200, let days = answer.json["days"] as? [[String: Any]] else { return [] }
        return days.flatMap { ($0["slots"] as? [String]) ?? [] }.compactMap { RFC3339.parse($0)?.instant }
    }

    private func staffToken(_ channel: Channel, _ office: OfficeID) -> String? {
        switch channel {
        case .online, .kiosk: nil
        case .hotline: tokens.hotline
        case .counter: tokens.counter[office]
        }
    }

    private func book(_ index: Int) {
        var planned = bookings[index]
        let token = staffToken(planned.channel, planned.office.id)
        let starts = freeStarts(planned, token: token)
        guard
            let start = starts.min(by: {
                abs($0.seconds(until: planned.wanted)) < abs($1.seconds(until: planned.wanted))
            })
        else { return }
        contactNumber += 1
        let body =
            #"{"office":"\#(planned.office.id.rawValue)","services":[\#(planned.services.map { "\"\($0.rawValue)\"" }.joined(separator: ","))],"persons":\#(planned.persons),"start":"\#(RFC3339.format(start, offsetSeconds: 0))","contact":{"name":"Simulierte Person \#(contactNumber)","email":"person\#(contactNumber)@example.org"}}"#
        let answer = client.send(.post, "/v1/bookings", token: token, json: body)
        guard answer.status == 201, let id = answer.json["id"] as? String,
            let reference = answer.json["reference"] as? String, let secret = answer.json["token"] as? String
        else { return }
        let duration =
            (answer.json["end"] as? String).flatMap { RFC3339.parse($0)?.instant }.map { start.seconds(until: $0) } ?? 0
        planned.id = id
        planned.reference = reference
        planned.token = secret
        planned.truth = truth.bookings.count
        bookings[index] = planned
        truth.bookings.append(
            SimulationTruth.BookingRecord(
                office: planned.office.id, id: id, channel: planned.channel, services: planned.services,
                persons: planned.persons, createdAt: clock.now, start: start, end: start.adding(seconds: Int(duration)))
        )
        let dayStart = planned.office.timeZone.frame(of: planned.office.timeZone.local(start).date).start
        let window = max(60, Int(clock.now.seconds(until: dayStart)) - 3600)
        if random.chance(plan.cancelShare) {
            events.push(clock.now.adding(seconds: Int.random(in: 60...window, using: &random)), .cancel(index))
        } else if random.chance(plan.moveShare) {
            events.push(clock.now.adding(seconds: Int.random(in: 60...window, using: &random)), .move(index))
        }
        events.push(dayStart, .planArrival(index))
    }

    private func byStaff() -> Bool { random.chance(0.3) }

    private func cancel(_ index: Int) {
        let planned = bookings[index]
        guard let id = planned.id, let record = planned.truth else { return }
        let hotline = byStaff()
        let answer = client.send(.delete, "/v1/bookings/\(id)", token: hotline ? tokens.hotline : planned.token)
        guard answer.status == 200 || answer.status == 204 else { return }
        truth.bookings[record].cancelledAt = clock.now
        truth.bookings[record].cancelledBy = hotline ? .hotline : .online
    }

    private func move(_ index: Int) {
        let planned = bookings[index]
        guard let id = planned.id, let record = planned.truth else { return }
        let hotline = byStaff()
        let token = hotline ? tokens.hotline : planned.token
        let current = truth.bookings[record].start
        let starts = freeStarts(planned, token: hotline ? tokens.hotline : nil).filter { $0 != current }
        guard !starts.isEmpty else { return }
        let start = starts[Int.random(in: 0..<starts.count, using: &random)]
        let answer = client.send(
            .post, "/v1/bookings/\(id)/reschedule", token: token,
            json: #"{"start":"\#(RFC3339.format(start, offsetSeconds: 0))"}"#)
        guard answer.status == 200 else { return }
        let length = truth.bookings[record].start.seconds(until: truth.bookings[record].end)
        truth.bookings[record].start = start
        truth.bookings[record].end = start.adding(seconds: Int(length))
        truth.bookings[record].moves.append(hotline ? .hotline : .online)
    }

    private func planArrival(_ index: Int) {
        guard let record = bookings[index].truth, truth.bookings[record].cancelledAt == nil,
            !random.chance(plan.appointmentNoShow)
        else { return }
        let start = truth.bookings[record].start
        events.push(start.adding(seconds: Int.random(in: -20 * 60...8 * 60, using: &random)), .arrive(index))
    }

    private func arrive(_ index: Int) {
        let planned = bookings[index]
        guard let id = planned.id, let reference = planned.reference, let record = planned.truth else { return }
        let kiosk = random.chance(0.7)
        let answer =
            kiosk
            ? client.send(
                .post, "/v1/offices/\(planned.office.id.rawValue)/check-in", token: tokens.kiosk[planned.office.id],
                json: #"{"reference":"\#(reference)"}"#)
            : client.send(.post, "/v1/bookings/\(id)/check-in", token: planned.token)
        guard answer.status == 201, let ticket = answer.json["id"] as? String else { return }
        let late = answer.json["lateArrival"] as? Bool ?? false
        let booking = truth.bookings[record]
        issued(
            ticket, office: planned.office,
            visit: SimulationTruth.Visit(
                office: planned.office.id, day: planned.office.timeZone.local(clock.now).date,
                kind: late ? (kiosk ? .kiosk : .walkIn) : .appointment, channel: late ? nil : booking.channel,
                group: group(of: planned.services), services: planned.services, persons: late ? 1 : planned.persons,
                issuedAt: clock.now, appointmentStart: late ? nil : booking.start),
            leaves: false, booking: late ? nil : record)
    }

    private func walkIn(_ officeID: OfficeID, _ service: ServiceID, kiosk: Bool, leaves: Bool) {
        guard let office = municipality.offices.first(where: { $0.id == officeID }) else { return }
        let answer = client.send(
            .post, "/v1/offices/\(officeID.rawValue)/tickets",
            token: kiosk ? tokens.kiosk[officeID] : tokens.counter[officeID],
            json: #"{"services":["\#(service.rawValue)"]}"#)
        guard answer.status == 201, let ticket = answer.json["id"] as? String else { return }
        issued(
            ticket, office: office,
            visit: SimulationTruth.Visit(
                office: officeID, day: office.timeZone.local(clock.now).date, kind: kiosk ? .kiosk : .walkIn,
                channel: nil, group: group(of: [service]), services: [service], persons: 1, issuedAt: clock.now),
            leaves: leaves, booking: nil)
    }

    private func issued(_ ticket: String, office: Office, visit: SimulationTruth.Visit, leaves: Bool, booking: Int?) {
        visitByTicket[ticket] = truth.visits.count
        truth.visits.append(visit)
        visitState.append(VisitState(ticket: ticket, leaves: leaves, booking: booking))
        // Idle clerks on duty look up.
        for (key, state) in counters where key.office == office.id && state.active == nil && !state.pending {
            if let shift = state.shift, shift.contains(clock.now) {
                counters[key]?.pending = true
                events.push(clock.now, .counterFree(key))
            }
        }
    }

    private var visitState: [VisitState] = []

    private func callNext(_ key: CounterKey) {
        guard let state = counters[key], state.active == nil else { return }
        let now = clock.now
        let onDuty = state.shift?.contains(now) ?? false
        let draining = state.justFinished && now >= state.lastEnd
        guard onDuty || draining else { return }
        counters[key]?.justFinished = false
        let answer = client.send(
            .post, "/v1/offices/\(key.office.rawValue)/counters/\(key.counter.rawValue)/call-next",
            token: tokens.counter[key.office])
        guard answer.status == 200, let ticket = answer.json["id"] as? String, let visit = visitByTicket[ticket] else {
            return
        }
        counters[key]?.active = visit
        if truth.visits[visit].calledAt == nil { truth.visits[visit].calledAt = now }
        truth.visits[visit].counter = key.counter
        if visitState[visit].leaves {
            events.push(now.adding(seconds: 120), .noShow(visit))
        } else {
            events.push(now.adding(seconds: Int.random(in: 20...90, using: &random)), .start(visit))
        }
    }

    private func ticketAction(_ visit: Int, _ action: String) -> Bool {
        let office = truth.visits[visit].office
        return client.send(.post, "/v1/tickets/\(visitState[visit].ticket)/\(action)", token: tokens.counter[office])
            .status == 200
    }

    private func start(_ visit: Int) {
        guard ticketAction(visit, "start") else { return }
        truth.visits[visit].startedAt = clock.now
        let services = truth.visits[visit].services
        let planned =
            services.reduce(0) { total, id in
                total + (municipality.services.first { $0.id == id }?.durationMinutes ?? 5)
            } * 60 * truth.visits[visit].persons
        let factor = (services.first.flatMap { bias[$0] } ?? 1) * random.logNormal(sigma: 0.3)
        events.push(clock.now.adding(seconds: max(60, Int(Double(planned) * factor))), .finish(visit))
    }

    private func finish(_ visit: Int) {
        guard ticketAction(visit, "finish") else { return }
        truth.visits[visit].finishedAt = clock.now
        if let booking = visitState[visit].booking { truth.bookings[booking].attended = true }
        release(visit)
    }

    private func noShow(_ visit: Int) {
        guard ticketAction(visit, "no-show") else { return }
        truth.visits[visit].noShow = true
        release(visit)
    }

    private func release(_ visit: Int) {
        guard let counter = truth.visits[visit].counter else { return }
        let key = CounterKey(office: truth.visits[visit].office, counter: counter)
        counters[key]?.active = nil
        counters[key]?.justFinished = true
        events.push(clock.now, .counterFree(key))
    }

    private func group(of services: [ServiceID]) -> String {
        services.first.flatMap { id in municipality.services.first { $0.id == id }?.group } ?? "A"
    }
}

private struct Tokens {
    var hotline: String?
    var kiosk: [OfficeID: String] = [:]
    var counter: [OfficeID: String] = [:]
}

private struct PlannedBooking {
    var office: Office
    var services: [ServiceID]
    var persons: Int
    var wanted: Instant
    var channel: Channel
    var id: String?
    var reference: String?
    var token: String?
    var truth: Int?
}

private struct VisitState {
    var ticket: String
    var leaves: Bool
    var booking: Int?
}

private struct CounterKey: Hashable {
    var office: OfficeID
    var counter: CounterID
}

private struct CounterState {
    var lastEnd: Instant
    var shift: Range<Instant>?
    var active: Int?
    var pending = false
    var justFinished = false
}

private enum Action {
    case book(Int)
    case cancel(Int)
    case move(Int)
    case planArrival(Int)
    case arrive(Int)
    case walkIn(OfficeID, ServiceID, kiosk: Bool, leaves: Bool)
    case counterOn(CounterKey, Range<Instant>)
    case counterFree(CounterKey)
    case start(Int)
    case finish(Int)
    case noShow(Int)
}

/// The simulator's agenda: a binary min-heap by time, then by the order of pushing.
private struct EventHeap {
    struct Event {
        var at: Instant
        var order: Int
        var action: Action
    }

    private var items: [Event] = []
    private var pushed = 0

    private static func before(_ a: Event, _ b: Event) -> Bool {
        (a.at, a.order) < (b.at, b.order)
    }

    mutating func push(_ at: Instant, _ action: Action) {
        pushed += 1
        items.append(Event(at: at, order: pushed, action: action))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Event? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, Self.before(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.before(items[right], items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
