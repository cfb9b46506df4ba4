/// A place in today's queue of an office (Wartemarke): a walk-in, or a checked-in booking.
package struct Ticket: Hashable, Sendable {
    package var id: TicketID
    /// What the display shows and the citizen listens for (`A017`).
    package var number: String
    /// The service group letter it is numbered and estimated in.
    package var group: String
    /// Position in the office's issue order of the day, from 1.
    package var sequence: Int
    package var services: [ServiceID]
    /// The booking it was checked in for; nil for a walk-in.
    package var booking: BookingID?
    package var appointmentStart: Instant?
    package var issuedAt: Instant
    package var state: TicketState
    /// The counter it is called to or served at.
    package var counter: CounterID?
    /// Only this counter may call it (after a transfer to a counter).
    package var targetCounter: CounterID?
    package var urgent: Bool
    package var recalls: Int
    package var calledAt: Instant?
    package var servingSince: Instant?
    package var finishedAt: Instant?
    /// For a ticket taken from home: the arrival it awaits; nil for one drawn at the office.
    package var remote: RemoteArrival?

    package init(
        id: TicketID, number: String, group: String, sequence: Int, services: [ServiceID], booking: BookingID?,
        appointmentStart: Instant?, issuedAt: Instant, state: TicketState, counter: CounterID?,
        targetCounter: CounterID?, urgent: Bool, recalls: Int, calledAt: Instant?, servingSince: Instant?,
        finishedAt: Instant?, remote: RemoteArrival? = nil
    ) {
        self.id = id
        self.number = number
        self.group = group
        self.sequence = sequence
        self.services = services
        self.booking = booking
        self.appointmentStart = appointmentStart
        self.issuedAt = issuedAt
        self.state = state
        self.counter = counter
        self.targetCounter = targetCounter
        self.urgent = urgent
        self.recalls = recalls
        self.calledAt = calledAt
        self.servingSince = servingSince
        self.finishedAt = finishedAt
        self.remote = remote
    }

    package var isAppointment: Bool { booking != nil }

    /// Whether it was taken from home and its arrival is not confirmed yet: no counter may call it.
    package var awaitsArrival: Bool { remote != nil && remote?.arrivedAt == nil }

    /// Whether it occupies a counter (called or being served).
    package var isAtCounter: Bool { state == .called || state == .serving }
}

/// A ticket taken from home: the arrival it awaits, confirmed at the office with `code` (at the
/// kiosk or a counter) by `deadline`.
package struct RemoteArrival: Hashable, Sendable {
    /// What the citizen types or scans at the kiosk (`K7M-4PQ`, in the letters of booking
    /// references and never equal to one).
    package var code: String
    /// The arrival must be confirmed by this instant; after it the ticket is passed over.
    package var deadline: Instant
    /// When the arrival was confirmed; nil while it is awaited.
    package var arrivedAt: Instant?

    /// An arrival awaited (`arrivedAt` nil) or confirmed.
    package init(code: String, deadline: Instant, arrivedAt: Instant? = nil) {
        self.code = code
        self.deadline = deadline
        self.arrivedAt = arrivedAt
    }
}

/// Where a ticket stands: waiting → called (recalled up to n times) → serving → done; or
/// no-show, or parked until resumed; a ticket from home whose arrival was not confirmed in time
/// is passed over.
package enum TicketState: String, Hashable, Sendable, CaseIterable {
    case waiting
    case called
    case serving
    case done
    case noShow
    case parked
    case passedOver

    /// Whether the ticket's day at the office is over (done, no-show or passed over).
    package var isFinal: Bool { self == .done || self == .noShow || self == .passedOver }
}

/// What counter staff (or the kiosk) do to a ticket.
package enum QueueAction: String, Hashable, Sendable, CaseIterable {
    case call
    case recall
    case start
    case finish
    case noShow
    case park
    case resume
    case transfer
    case markUrgent
    /// Confirms the arrival of a ticket from home (kiosk or counter).
    case confirmArrival
    /// Passes over a ticket from home not confirmed by its deadline (the office's writer).
    case passOver
}

/// A change to the queue, as it is stored and replayed, and streamed to displays.
package enum QueueEvent: Hashable, Sendable {
    case issued(Ticket)
    case called(TicketID, counter: CounterID, at: Instant)
    case recalled(TicketID, at: Instant)
    case started(TicketID, at: Instant)
    case finished(TicketID, at: Instant)
    case noShow(TicketID, at: Instant)
    case parked(TicketID, at: Instant)
    case resumed(TicketID, at: Instant)
    case transferred(TicketID, services: [ServiceID], group: String, counter: CounterID?, at: Instant)
    case markedUrgent(TicketID, at: Instant)
    /// The arrival of a ticket from home was confirmed.
    case arrived(TicketID, at: Instant)
    /// A ticket from home was not confirmed by its deadline.
    case passedOver(TicketID, at: Instant)

    /// The ticket the event is about.
    package var ticket: TicketID {
        switch self {
        case .issued(let ticket): ticket.id
        case .called(let id, _, _), .recalled(let id, _), .started(let id, _), .finished(let id, _),
            .noShow(let id, _), .parked(let id, _), .resumed(let id, _), .transferred(let id, _, _, _, _),
            .markedUrgent(let id, _), .arrived(let id, _), .passedOver(let id, _):
            id
        }
    }

    /// When it happened.
    package var at: Instant {
        switch self {
        case .issued(let ticket): ticket.issuedAt
        case .called(_, _, let at), .recalled(_, let at), .started(_, let at), .finished(_, let at),
            .noShow(_, let at), .parked(_, let at), .resumed(_, let at), .transferred(_, _, _, _, let at),
            .markedUrgent(_, let at), .arrived(_, let at), .passedOver(_, let at):
            at
        }
    }
}

/// Why the queue refused an action.
package enum QueueError: Error, Equatable, Sendable {
    case noServices
    case unknownService(ServiceID)
    /// A service named more than once in one ticket's list.
    case duplicateService(ServiceID)
    case serviceNotOffered(ServiceID, office: OfficeID)
    case servicesNotCombinable(office: OfficeID)
    case unknownCounter(CounterID)
    case ticketNotFound(TicketID)
    /// The counter still has a called or served ticket; finish, park or mark it first.
    case counterBusy(CounterID, ticket: TicketID)
    case invalidTransition(TicketID, state: TicketState, action: QueueAction)
    case recallLimitReached(TicketID, max: Int)
    case dailyCapReached(group: String, cap: Int)
    case bookingAtOtherOffice(BookingID)
    case bookingNotToday(BookingID, date: LocalDate)
    case bookingCancelled(BookingID)
    case checkInTooEarly(BookingID, opensAt: Instant)
    case checkInTooLate(BookingID, closedAt: Instant)
    case alreadyCheckedIn(BookingID, ticket: TicketID)
    /// A stored event that does not fit the queue (replay of a damaged log).
    case inconsistentEvent(TicketID)
    /// The office hands out no tickets from home.
    case remoteTicketsOff(office: OfficeID)
    /// Not now: outside the daily window, or the office is not attended any more today.
    case remoteTicketsClosed(office: OfficeID, from: LocalTime, until: LocalTime)
    /// The group hands out no tickets from home.
    case remoteTicketsNotOffered(group: String)
    /// The group's tickets from home for today are gone.
    case remoteCapReached(group: String, cap: Int)
    /// The ticket's arrival was confirmed before.
    case alreadyArrived(TicketID)
    /// The arrival came after the ticket's deadline: it is passed over.
    case arrivalTooLate(TicketID, deadline: Instant)
    /// No ticket of today awaits an arrival with this code.
    case unknownArrivalCode
}
