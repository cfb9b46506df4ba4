/// The waiting-room queue of one office on one day: a state machine over tickets.
///
/// Every command checks the current state, turns into a `QueueEvent`, applies it and returns it,
/// so the caller can store and broadcast exactly what happened; replaying the stored events with
/// `apply` rebuilds the same queue. Commands are serialised by the owner of the office, which
/// makes each call hand a ticket to exactly one counter.
package struct OfficeQueue: Sendable {
    package let office: Office
    package let date: LocalDate
    /// Every service of the municipality, by id.
    package let services: [ServiceID: Service]
    let groups: [String: ServiceGroup]
    package private(set) var tickets: [Ticket] = []
    private var indexByID: [TicketID: Int] = [:]
    private var ticketByBooking: [BookingID: TicketID] = [:]
    private var activeByCounter: [CounterID: TicketID] = [:]
    private var lastNumber: [String: Int] = [:]
    private var walkInsByGroup: [String: Int] = [:]
    private var arrivalCodes: [String: TicketID] = [:]
    /// Every event applied, in order (the day's call log).
    package private(set) var events: [QueueEvent] = []

    package init(office: Office, services: [Service], groups: [ServiceGroup], date: LocalDate) {
        self.office = office
        self.date = date
        self.services = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.groups = Dictionary(groups.map { ($0.letter, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func ticket(_ id: TicketID) -> Ticket? {
        indexByID[id].map { tickets[$0] }
    }

    package func ticket(forBooking id: BookingID) -> Ticket? {
        ticketByBooking[id].flatMap { ticket($0) }
    }

    /// The ticket from home whose arrival code is `code`, if any.
    package func ticket(arrivalCode code: String) -> Ticket? {
        arrivalCodes[code].flatMap { ticket($0) }
    }

    /// The ticket called to or served at `counter`, if any.
    package func activeTicket(at counter: CounterID) -> Ticket? {
        activeByCounter[counter].flatMap { ticket($0) }
    }

    // MARK: Issuing

    /// Issues a walk-in ticket for `services`.
    package mutating func issueWalkIn(services ids: [ServiceID], now: Instant) throws(QueueError) -> QueueEvent {
        let group = try checkServices(ids)
        if let cap = groups[group]?.dailyTicketCap, walkInsByGroup[group, default: 0] >= cap {
            throw .dailyCapReached(group: group, cap: cap)
        }
        return try issue(services: ids, group: group, booking: nil, appointmentStart: nil, now: now)
    }

    /// Checks in a booking of today: issues its appointment ticket, from `checkInOpensMinutes`
    /// before its start until `lateMinutes` after.
    package mutating func checkIn(_ booking: Booking, now: Instant) throws(QueueError) -> QueueEvent {
        guard booking.office == office.id else { throw .bookingAtOtherOffice(booking.id) }
        guard booking.isActive else { throw .bookingCancelled(booking.id) }
        guard booking.placement.date == date else { throw .bookingNotToday(booking.id, date: booking.placement.date) }
        if let existing = ticketByBooking[booking.id] { throw .alreadyCheckedIn(booking.id, ticket: existing) }
        let opens = booking.start.adding(minutes: -office.queue.checkInOpensMinutes)
        let closes = booking.start.adding(minutes: office.queue.lateMinutes)
        guard now >= opens else { throw .checkInTooEarly(booking.id, opensAt: opens) }
        guard now <= closes else { throw .checkInTooLate(booking.id, closedAt: closes) }
        let group = try checkServices(booking.services)
        return try issue(
            services: booking.services, group: group, booking: booking.id, appointmentStart: booking.start, now: now)
    }

    private mutating func issue(
        services: [ServiceID], group: String, booking: BookingID?, appointmentStart: Instant?, now: Instant
    ) throws(QueueError) -> QueueEvent {
        try record(
            .issued(
                nextTicket(
                    services: services, group: group, booking: booking, appointmentStart: appointmentStart, now: now)
            ))
    }

    /// The ticket the next issue in `group` makes (not yet recorded).
    func nextTicket(
        services: [ServiceID], group: String, booking: BookingID?, appointmentStart: Instant?, now: Instant
    ) -> Ticket {
        let number = lastNumber[group, default: 0] + 1
        let label = group + Digits.padded(number, 3)
        return Ticket(
            id: TicketID("\(office.id.rawValue)-\(date.iso)-\(label)"), number: label, group: group,
            sequence: tickets.count + 1, services: services, booking: booking, appointmentStart: appointmentStart,
            issuedAt: now, state: .waiting, counter: nil, targetCounter: nil, urgent: false, recalls: 0,
            calledAt: nil, servingSince: nil, finishedAt: nil)
    }

    /// Walk-in tickets of `group` issued today (tickets from home included).
    func walkIns(of group: String) -> Int {
        walkInsByGroup[group, default: 0]
    }

    /// The group letter of the services, after checking that some counter can do them all.
    func checkServices(_ ids: [ServiceID]) throws(QueueError) -> String {
        guard let first = ids.first else { throw .noServices }
        for (position, id) in ids.enumerated() {
            guard services[id] != nil else { throw .unknownService(id) }
            if ids[..<position].contains(id) { throw .duplicateService(id) }
            guard office.counters.contains(where: { $0.skills.contains(id) }) else {
                throw .serviceNotOffered(id, office: office.id)
            }
        }
        guard office.counters.contains(where: { Set(ids).isSubset(of: $0.skills) }) else {
            throw .servicesNotCombinable(office: office.id)
        }
        return services[first]?.group ?? "A"
    }

    // MARK: Calling

    /// Calls the next ticket `counter` can serve, by the call policy (see `rank`); nil when
    /// nobody waits that it can serve.
    package mutating func callNext(counter id: CounterID, now: Instant) throws(QueueError) -> QueueEvent? {
        guard let counter = office.counters.first(where: { $0.id == id }) else { throw .unknownCounter(id) }
        if let busy = activeByCounter[id] { throw .counterBusy(id, ticket: busy) }
        let next = tickets.filter { canServe(counter, $0) }.min { rank($0, now) < rank($1, now) }
        guard let next else { return nil }
        return try record(.called(next.id, counter: id, at: now))
    }

    /// Whether `counter` may call `ticket` now.
    package func canServe(_ counter: Counter, _ ticket: Ticket) -> Bool {
        guard ticket.state == .waiting, !ticket.awaitsArrival else { return false }
        if let target = ticket.targetCounter { return target == counter.id }
        return Set(ticket.services).isSubset(of: counter.skills)
    }

    /// The call order, lowest first: urgent tickets; then appointments that are due (from
    /// `earlyMinutes` before their start) and walk-ins that have waited `agingMinutes`, by
    /// start time and by the moment the waiting became too long; then the other walk-ins in
    /// order of arrival; then appointments not yet due, by start.
    ///
    /// A ticket from home keeps the place in line of the moment it was taken, but its waiting
    /// counts towards `agingMinutes` only from its confirmed arrival: the time at home is not
    /// time spent in the hall. (Until it arrives no counter can call it at all, see `canServe`.)
    package func rank(_ ticket: Ticket, _ now: Instant) -> CallRank {
        let policy = office.queue
        if ticket.urgent { return CallRank(tier: 0, due: ticket.issuedAt, sequence: ticket.sequence) }
        if let start = ticket.appointmentStart {
            let due = start.adding(minutes: -policy.earlyMinutes) <= now
            return CallRank(tier: due ? 1 : 3, due: start, sequence: ticket.sequence)
        }
        let waitingSince = ticket.remote == nil ? ticket.issuedAt : ticket.remote?.arrivedAt
        if let aged = waitingSince?.adding(minutes: policy.agingMinutes), aged <= now {
            return CallRank(tier: 1, due: aged, sequence: ticket.sequence)
        }
        return CallRank(tier: 2, due: ticket.issuedAt, sequence: ticket.sequence)
    }

    /// A ticket's place in the call order (see `rank`).
    package struct CallRank: Comparable, Sendable {
        package var tier: Int
        package var due: Instant
        package var sequence: Int

        package static func < (lhs: CallRank, rhs: CallRank) -> Bool {
            (lhs.tier, lhs.due, lhs.sequence) < (rhs.tier, rhs.due, rhs.sequence)
        }
    }

    // MARK: At the counter

    package mutating func recall(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.recalled(id, at: now))
    }

    package mutating func start(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.started(id, at: now))
    }

    package mutating func finish(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.finished(id, at: now))
    }

    package mutating func markNoShow(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.noShow(id, at: now))
    }

    package mutating func park(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.parked(id, at: now))
    }

    package mutating func resume(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.resumed(id, at: now))
    }

    package mutating func markUrgent(_ id: TicketID, now: Instant) throws(QueueError) -> QueueEvent {
        try record(.markedUrgent(id, at: now))
    }

    /// Sends a ticket back to the waiting line for other services (another group) or for one
    /// counter; its number stays, so the citizen keeps watching for the same number.
    package mutating func transfer(
        _ id: TicketID, services newServices: [ServiceID]?, counter: CounterID?, now: Instant
    ) throws(QueueError) -> QueueEvent {
        guard let ticket = ticket(id) else { throw .ticketNotFound(id) }
        let services = newServices ?? ticket.services
        let group = try checkServices(services)
        if let counter, !office.counters.contains(where: { $0.id == counter }) { throw .unknownCounter(counter) }
        return try record(.transferred(id, services: services, group: group, counter: counter, at: now))
    }

    // MARK: Applying events

    private mutating func record(_ event: QueueEvent) throws(QueueError) -> QueueEvent {
        try apply(event)
        return event
    }

    /// Applies one event, checking that it fits the state; used by the commands and to replay
    /// stored events after a restart.
    package mutating func apply(_ event: QueueEvent) throws(QueueError) {
        if case .issued(let ticket) = event {
            guard indexByID[ticket.id] == nil, ticket.sequence == tickets.count + 1 else {
                throw .inconsistentEvent(ticket.id)
            }
            if let remote = ticket.remote {
                guard remote.arrivedAt == nil, self.ticket(arrivalCode: remote.code) == nil else {
                    throw .inconsistentEvent(ticket.id)
                }
                arrivalCodes[remote.code] = ticket.id
            }
            indexByID[ticket.id] = tickets.count
            tickets.append(ticket)
            if let booking = ticket.booking { ticketByBooking[booking] = ticket.id }
            let number = Int(ticket.number.dropFirst(ticket.group.count)) ?? 0
            lastNumber[ticket.group] = max(lastNumber[ticket.group, default: 0], number)
            if !ticket.isAppointment { walkInsByGroup[ticket.group, default: 0] += 1 }
            events.append(event)
            return
        }
        let id = event.ticket
        guard let index = indexByID[id] else { throw .ticketNotFound(id) }
        var ticket = tickets[index]
        let state = ticket.state
        func refuse(_ action: QueueAction) -> QueueError { .invalidTransition(id, state: state, action: action) }

        switch event {
        case .issued:
            return
        case .called(_, let counter, let at):
            guard state == .waiting else { throw refuse(.call) }
            guard office.counters.contains(where: { $0.id == counter }) else { throw .unknownCounter(counter) }
            if let busy = activeByCounter[counter] { throw .counterBusy(counter, ticket: busy) }
            ticket.state = .called
            ticket.counter = counter
            ticket.calledAt = at
            ticket.recalls = 0
            activeByCounter[counter] = id
        case .recalled:
            guard state == .called else { throw refuse(.recall) }
            guard ticket.recalls < office.queue.maxRecalls else {
                throw .recallLimitReached(id, max: office.queue.maxRecalls)
            }
            ticket.recalls += 1
        case .started(_, let at):
            guard state == .called else { throw refuse(.start) }
            ticket.state = .serving
            ticket.servingSince = at
        case .finished(_, let at):
            guard ticket.isAtCounter else { throw refuse(.finish) }
            ticket.state = .done
            ticket.finishedAt = at
            leaveCounter(&ticket, keepingHistory: true)
        case .noShow(_, let at):
            guard state == .called else { throw refuse(.noShow) }
            ticket.state = .noShow
            ticket.finishedAt = at
            leaveCounter(&ticket, keepingHistory: true)
        case .parked:
            guard ticket.isAtCounter else { throw refuse(.park) }
            ticket.state = .parked
            leaveCounter(&ticket)
        case .resumed:
            guard state == .parked else { throw refuse(.resume) }
            ticket.state = .waiting
        case .transferred(_, let services, let group, let counter, _):
            guard state == .waiting || state == .parked || ticket.isAtCounter else { throw refuse(.transfer) }
            leaveCounter(&ticket)
            ticket.state = .waiting
            ticket.services = services
            ticket.group = group
            ticket.targetCounter = counter
            ticket.servingSince = nil
        case .markedUrgent:
            guard state == .waiting || state == .parked else { throw refuse(.markUrgent) }
            ticket.urgent = true
        case .arrived(_, let at):
            if let remote = ticket.remote, state == .passedOver {
                throw .arrivalTooLate(id, deadline: remote.deadline)
            }
            guard var remote = ticket.remote, state == .waiting else { throw refuse(.confirmArrival) }
            guard remote.arrivedAt == nil else { throw .alreadyArrived(id) }
            guard at <= remote.deadline else { throw .arrivalTooLate(id, deadline: remote.deadline) }
            remote.arrivedAt = at
            ticket.remote = remote
        case .passedOver(_, let at):
            guard let remote = ticket.remote, ticket.awaitsArrival, state == .waiting, at > remote.deadline else {
                throw refuse(.passOver)
            }
            ticket.state = .passedOver
            ticket.finishedAt = at
        }
        tickets[index] = ticket
        events.append(event)
    }

    /// Frees the ticket's counter; a finished ticket remembers where it was served.
    private mutating func leaveCounter(_ ticket: inout Ticket, keepingHistory: Bool = false) {
        if let counter = ticket.counter, activeByCounter[counter] == ticket.id { activeByCounter[counter] = nil }
        if !keepingHistory { ticket.counter = nil }
    }
}
