/// What the statistics read of one office day before it is rolled up: the queue's events, who
/// issued each ticket, and the bookings of the day with their cancellation and moves. The facts
/// derived from it (`facts`) carry none of the ids, references or contacts these records hold.
package struct DayRecords: Sendable {
    package var date: LocalDate
    /// The day's queue events, in order.
    package var events: [QueueEvent]
    /// Who issued each ticket: `kiosk`, `counter` or `online` (a citizen's own check-in); a
    /// ticket missing here counts as issued by staff.
    package var issuedBy: [TicketID: Channel]
    package var bookings: [BookingHistory]

    package init(
        date: LocalDate, events: [QueueEvent], issuedBy: [TicketID: Channel], bookings: [BookingHistory]
    ) {
        self.date = date
        self.events = events
        self.issuedBy = issuedBy
        self.bookings = bookings
    }
}

/// A booking with what happened to it after it was made.
package struct BookingHistory: Sendable {
    package var booking: Booking
    /// When and by which channel it was cancelled.
    package var cancelledAt: Instant?
    package var cancelledBy: Channel?
    /// The channel of each move, in order.
    package var moves: [Channel]

    package init(booking: Booking, cancelledAt: Instant?, cancelledBy: Channel?, moves: [Channel]) {
        self.booking = booking
        self.cancelledAt = cancelledAt
        self.cancelledBy = cancelledBy
        self.moves = moves
    }
}

extension DayRecords {
    /// The anonymous facts of the day at `office` (Documentation/Statistics.md, "What each
    /// figure means").
    package func facts(office: Office, services: [ServiceID: Service]) -> StatisticsFacts {
        let bookingsByID = Dictionary(bookings.map { ($0.booking.id, $0.booking) }, uniquingKeysWith: { a, _ in a })
        var visits: [TicketID: VisitTrace] = [:]
        var order: [TicketID] = []
        for event in events {
            if case .issued(let ticket) = event {
                visits[ticket.id] = VisitTrace(ticket: ticket)
                order.append(ticket.id)
            } else {
                visits[event.ticket]?.apply(event)
            }
        }
        var served: Set<BookingID> = []
        var facts = StatisticsFacts()
        for id in order {
            guard let trace = visits[id] else { continue }
            let ticket = trace.ticket
            let booking = ticket.booking.flatMap { bookingsByID[$0] }
            if let id = ticket.booking, trace.outcome == .served { served.insert(id) }
            let kind: VisitKind
            if ticket.booking != nil {
                kind = .appointment
            } else {
                kind = issuedBy[ticket.id] == .kiosk ? .kiosk : .walkIn
            }
            let persons = booking?.persons ?? 1
            // A ticket taken from home waits from its arrival; an appointment from its start.
            let present = trace.arrivedAt ?? ticket.issuedAt
            let waitStart = max(present, ticket.appointmentStart ?? present)
            facts.visits.append(
                VisitFact(
                    day: date, hour: office.timeZone.local(ticket.issuedAt).secondOfDay / 3600, kind: kind,
                    channel: booking?.channel, group: ticket.group, services: Self.key(ticket.services),
                    persons: persons, counter: trace.counter?.rawValue,
                    plannedSeconds: Self.plannedSeconds(ticket.services, persons: persons, services: services),
                    waitSeconds: trace.firstCall.map { max(0, Int(waitStart.seconds(until: $0))) },
                    toCounterSeconds: trace.toCounterSeconds, serviceSeconds: trace.serviceSeconds,
                    outcome: trace.outcome))
        }
        for history in bookings {
            let booking = history.booking
            facts.bookings.append(
                BookingFact(
                    day: date, hour: office.timeZone.local(booking.start).secondOfDay / 3600, channel: booking.channel,
                    services: Self.key(booking.services), persons: booking.persons,
                    bookedSeconds: Int(booking.start.seconds(until: booking.end)),
                    leadSeconds: max(0, Int(booking.createdAt.seconds(until: booking.start))),
                    cancelledBy: booking.isActive ? nil : (history.cancelledBy ?? booking.channel),
                    cancelNoticeSeconds: booking.isActive
                        ? nil : history.cancelledAt.map { Int($0.seconds(until: booking.start)) },
                    moves: history.moves, attended: booking.isActive && served.contains(booking.id)))
        }
        facts.days.append(Self.capacity(of: office, on: date))
        return facts
    }

    /// The day's counter time: attended, and open to bookings.
    package static func capacity(of office: Office, on date: LocalDate) -> DayFact {
        let day = DayPlanner.plan(office, on: date)
        let unit = office.gridMinutes * 60
        var opened = 0
        var bookable = 0
        for counter in day.counters {
            opened += counter.attended.population * unit
            bookable += counter.open[Contingent.counter.rawValue].population * unit
        }
        return DayFact(day: date, openedSeconds: opened, bookableSeconds: bookable)
    }

    /// The services as one key: ids joined with `+`.
    package static func key(_ services: [ServiceID]) -> String {
        services.map(\.rawValue).joined(separator: "+")
    }

    static func plannedSeconds(_ ids: [ServiceID], persons: Int, services: [ServiceID: Service]) -> Int {
        ids.reduce(0) { $0 + (services[$1]?.durationMinutes ?? 0) } * persons * 60
    }
}

/// One ticket's way through the day, replayed from its events.
private struct VisitTrace {
    var ticket: Ticket
    var firstCall: Instant?
    var lastCall: Instant?
    var toCounterSeconds: Int?
    var servingSince: Instant?
    var serviceSeconds: Int?
    var counter: CounterID?
    /// When a ticket taken from home was confirmed at the kiosk.
    var arrivedAt: Instant?
    var outcome = VisitOutcome.unfinished

    init(ticket: Ticket) {
        self.ticket = ticket
    }

    mutating func apply(_ event: QueueEvent) {
        switch event {
        case .called(_, let counter, let at):
            if firstCall == nil { firstCall = at }
            lastCall = at
            self.counter = counter
        case .started(_, let at):
            if toCounterSeconds == nil, let lastCall { toCounterSeconds = Int(lastCall.seconds(until: at)) }
            servingSince = at
        case .finished(_, let at):
            leaveCounter(at)
            outcome = .served
        case .noShow:
            outcome = .noShow
        case .parked(_, let at), .transferred(_, _, _, _, let at):
            leaveCounter(at)
        case .arrived(_, let at):
            arrivedAt = at
        case .passedOver:
            outcome = .noShow
        case .issued, .recalled, .resumed, .markedUrgent:
            break
        }
    }

    private mutating func leaveCounter(_ at: Instant) {
        if let since = servingSince {
            serviceSeconds = (serviceSeconds ?? 0) + Int(since.seconds(until: at))
        }
        servingSince = nil
    }
}
