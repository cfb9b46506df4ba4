/// The waiting line of one service group at a moment.
package struct GroupWait: Hashable, Sendable {
    package var group: String
    /// Tickets of the group waiting to be called.
    package var waiting: Int
    /// Attended counters that serve the group.
    package var counters: Int
    /// Estimated minutes until a ticket drawn now is called.
    package var estimatedMinutes: Int
}

extension OfficeQueue {
    /// Average minutes a ticket of `group` spends at a counter, over the last
    /// `estimateSampleSize` finished tickets; the services' configured durations before any.
    package func averageServiceMinutes(group: String) -> Double {
        var samples: [Double] = []
        for ticket in tickets.reversed() where ticket.group == group && ticket.state == .done {
            guard let finished = ticket.finishedAt, let began = ticket.servingSince ?? ticket.calledAt else { continue }
            samples.append(Double(began.seconds(until: finished)) / 60)
            if samples.count >= office.queue.estimateSampleSize { break }
        }
        if !samples.isEmpty { return samples.reduce(0, +) / Double(samples.count) }
        let durations = services.values.filter { $0.group == group }.map { Double($0.durationMinutes) }
        return durations.isEmpty ? 10 : durations.reduce(0, +) / Double(durations.count)
    }

    /// The attended counters (of `attended`) that can do at least one service of `group`.
    package func counters(serving group: String, among attended: [CounterID]) -> Int {
        let groupServices = Set(services.values.filter { $0.group == group }.map(\.id))
        return office.counters.filter { attended.contains($0.id) && !$0.skills.isDisjoint(with: groupServices) }.count
    }

    /// Waiting count and estimated wait for each group with tickets today, by letter.
    package func waits(now: Instant, attended: [CounterID]) -> [GroupWait] {
        let letters = Set(tickets.map(\.group)).union(groups.keys).sorted()
        return letters.map { letter in
            let waiting = tickets.filter { $0.group == letter && holdsPlace($0, now: now) }.count
            let counters = counters(serving: letter, among: attended)
            let minutes = estimate(ahead: waiting, group: letter, counters: counters)
            return GroupWait(group: letter, waiting: waiting, counters: counters, estimatedMinutes: minutes)
        }
    }

    /// Tickets waiting that will be called before `id` if nothing changes (same group or due
    /// appointments and urgent tickets that rank before it). Tickets from home not yet confirmed
    /// count while they may still arrive.
    package func ahead(of id: TicketID, now: Instant) -> Int {
        guard let ticket = ticket(id), ticket.state == .waiting else { return 0 }
        return ahead(of: ticket, now: now)
    }

    /// `ahead(of:now:)` for a ticket that need not be recorded yet.
    func ahead(of ticket: Ticket, now: Instant) -> Int {
        let own = rank(ticket, now)
        let services = Set(ticket.services)
        return tickets.count { other in
            other.id != ticket.id && holdsPlace(other, now: now) && rank(other, now) < own
                && (other.group == ticket.group || !services.isDisjoint(with: other.services))
        }
    }

    /// Estimated minutes until `id` is called.
    package func estimatedWaitMinutes(for id: TicketID, now: Instant, attended: [CounterID]) -> Int {
        guard let ticket = ticket(id) else { return 0 }
        return estimate(
            ahead: ahead(of: id, now: now), group: ticket.group,
            counters: counters(serving: ticket.group, among: attended))
    }

    func estimate(ahead: Int, group: String, counters: Int) -> Int {
        guard ahead > 0 else { return 0 }
        let minutes = Double(ahead) * averageServiceMinutes(group: group) / Double(max(1, counters))
        return Int(minutes.rounded(.up))
    }
}
