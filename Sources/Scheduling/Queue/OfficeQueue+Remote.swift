/// Tickets from home (Documentation/Queue.md, "Tickets from home"). The rules:
///
/// - While the office's `remoteTickets` window is open (local `from` to `until`) and a counter
///   that can do the services is still attended later today, a citizen may take a walk-in ticket
///   of today from home, up to the group's daily cap for tickets from home (and within the
///   group's `dailyTicketCap`, which they count towards).
/// - It is numbered and placed in line like a ticket drawn at the kiosk at that moment, but no
///   counter can call it until its arrival is confirmed (its code at the kiosk or a counter).
/// - The arrival must be confirmed by its deadline: the moment it was taken, plus the estimated
///   wait then, plus the grace time (`graceMinutes`), and no later than the last attended minute
///   of a counter that can serve it. Confirmed in time, it keeps its place (if its turn came
///   meanwhile, it is called next); its waiting counts towards `agingMinutes` from the arrival.
/// - Not confirmed by the deadline, it can no longer be confirmed and is passed over
///   (`passOverLate`, a stored event); it never reaches a counter.
extension OfficeQueue {
    /// Issues a ticket from home for `services` with the arrival code `code` (drawn by the caller,
    /// unique in the town). `attended` are the counters attended now (for the estimate);
    /// `attendedUntil` is the end of the last attended minute today of a counter that can do the
    /// services, nil when none is attended any more today.
    package mutating func issueRemote(
        services ids: [ServiceID], arrivalCode code: String, now: Instant, attended: [CounterID],
        attendedUntil: Instant?
    ) throws(QueueError) -> QueueEvent {
        guard let policy = office.remoteTickets else { throw .remoteTicketsOff(office: office.id) }
        let group = try checkServices(ids)
        let local = office.timeZone.local(now)
        guard local.date == date, policy.isOpen(atMinute: local.secondOfDay / 60), let closes = attendedUntil,
            now < closes
        else { throw .remoteTicketsClosed(office: office.id, from: policy.from, until: policy.until) }
        guard let cap = policy.dailyCaps[group] else { throw .remoteTicketsNotOffered(group: group) }
        if remoteTickets(of: group) >= cap { throw .remoteCapReached(group: group, cap: cap) }
        if let cap = groups[group]?.dailyTicketCap, walkIns(of: group) >= cap {
            throw .dailyCapReached(group: group, cap: cap)
        }
        var ticket = nextTicket(services: ids, group: group, booking: nil, appointmentStart: nil, now: now)
        let wait = estimate(
            ahead: ahead(of: ticket, now: now), group: group, counters: counters(serving: group, among: attended))
        let deadline = min(now.adding(minutes: wait + policy.graceMinutes), closes)
        ticket.remote = RemoteArrival(code: code, deadline: deadline)
        try apply(.issued(ticket))
        return .issued(ticket)
    }

    /// Confirms the arrival of the ticket from home with `code`: from now on it can be called.
    package mutating func confirmArrival(code: String, now: Instant) throws(QueueError) -> QueueEvent {
        guard let ticket = ticket(arrivalCode: code) else { throw .unknownArrivalCode }
        let event = QueueEvent.arrived(ticket.id, at: now)
        try apply(event)
        return event
    }

    /// Passes over every ticket from home whose deadline has gone by unconfirmed; returns the
    /// events, in issue order (none when nothing is due).
    package mutating func passOverLate(now: Instant) -> [QueueEvent] {
        var events: [QueueEvent] = []
        for ticket in tickets where ticket.state == .waiting && ticket.awaitsArrival {
            guard let deadline = ticket.remote?.deadline, now > deadline else { continue }
            let event = QueueEvent.passedOver(ticket.id, at: now)
            do {
                try apply(event)
                events.append(event)
            } catch {
                continue  // cannot happen for a waiting ticket past its deadline; skip it rather than stop
            }
        }
        return events
    }

    /// Tickets from home issued today in `group`.
    package func remoteTickets(of group: String) -> Int {
        tickets.count { $0.group == group && $0.remote != nil }
    }

    /// Whether `ticket` still holds a place in line at `now`: waiting, and if from home, not past
    /// its deadline unconfirmed.
    package func holdsPlace(_ ticket: Ticket, now: Instant) -> Bool {
        guard ticket.state == .waiting else { return false }
        guard ticket.awaitsArrival, let deadline = ticket.remote?.deadline else { return true }
        return now <= deadline
    }
}
