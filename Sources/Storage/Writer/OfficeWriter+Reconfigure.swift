import Scheduling
import Synchronization

extension OfficeWriter {
    /// Rebuilds the office's capacity from a new configuration (on `queue`): every active booking,
    /// live hold and held-back time that still has a place is put back; each booking that has not
    /// begun and no longer fits is kept and flagged, moved to the next free time or cancelled, as
    /// the change decides (kept and flagged when it names none). Returns the outcome and the
    /// writes that store it; memory takes the new configuration at once (`finish` puts the old
    /// one back if the writes fail).
    func reconfigure(_ change: Reconfiguration, actor: StaffActor?, now: Instant) -> (
        OfficeOutcome, Committer.WriteSet?
    ) {
        let old = schedule
        var next = OfficeSchedule(office: change.office, services: change.services)
        let today = next.frame(containing: now).date
        next.prepare(
            from: today.adding(days: -1), through: today.adding(days: Self.horizon(of: change.office, change.services)))
        let active = old.bookings.values.filter(\.isActive).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        next.reserveBookingCapacity(active.count)
        for booking in active {
            guard let placement = next.placement(counter: booking.counter, start: booking.start, end: booking.end)
            else { continue }  // its counter or the grid is gone: decided below
            var placed = booking
            placed.placement = placement
            try? next.restore(placed)
        }
        for hold in old.holds.values {
            guard let placement = next.placement(counter: hold.counter, start: hold.start, end: hold.end) else {
                continue
            }
            var placed = hold
            placed.placement = placement
            next.restore(placed, now: now)
        }
        for time in old.heldBackTimes(after: now) {
            next.restoreHeldBack(counter: time.counter, start: time.start, end: time.end, until: time.until)
        }
        var result = ReconfigurationResult()
        var fitting: [BookingID] = []
        for booking in active where booking.start > now {
            guard let misfit = next.misfit(of: booking) else {
                fitting.append(booking.id)
                continue
            }
            let inMemory = next.bookings[booking.id] != nil
            result.reasons[booking.id] = misfit
            switch change.decisions[booking.id] ?? .keep {
            case .keep:
                result.kept.append((booking, misfit))
            case .cancel:
                if inMemory, let cancelled = try? next.cancel(booking.id, now: now) {
                    result.cancelled.append(cancelled)
                } else {
                    var cancelled = booking
                    cancelled.status = .cancelled
                    cancelled.sequence += 1
                    cancelled.updatedAt = now
                    result.cancelled.append(cancelled)
                }
            case .move:
                let start = next.nextFreeStart(for: booking, from: booking.start, channel: .counter, now: now)
                let moved = start.flatMap { start in
                    inMemory
                        ? try? next.reschedule(booking.id, to: start, channel: .counter, now: now)
                        : try? next.adopt(booking, at: start, channel: .counter, now: now)
                }
                if let moved {
                    result.moved.append((booking, moved))
                } else {
                    result.unmovable.append(booking)
                    result.kept.append((booking, misfit))
                }
            }
        }
        reverting = (currentOffice, services, groups, schedule)
        schedule = next
        currentOffice = change.office
        services = change.services
        groups = change.groups
        publishedOffice.withLock { $0 = change.office }
        var queue = OfficeQueue(
            office: change.office, services: change.services, groups: change.groups, date: officeQueue.date)
        do {
            for event in officeQueue.events { try queue.apply(event) }
            officeQueue = queue
        } catch {
            // Today's events do not fit the new counters or services: the queue keeps the old.
        }
        return (
            .reconfigured(result),
            writes(for: change, result, fitting: fitting, schedule: next, actor: actor, now: now)
        )
    }

    /// The writes of a reconfiguration: its version (for the first office of a change), the moved
    /// and cancelled bookings (each in the audit log with `actor`, as a move or cancellation by
    /// staff), the flags, the held-back time.
    private func writes(
        for change: Reconfiguration, _ result: ReconfigurationResult, fitting: [BookingID], schedule: OfficeSchedule,
        actor: StaffActor?, now: Instant
    ) -> Committer.WriteSet {
        let officeID = officeID
        let version = change.version
        let number = change.versionNumber
        let moved = result.moved.map { ($0.from.start, $0.to, schedule.unitStarts(of: $0.to.placement)) }
        let cancelled = result.cancelled
        let kept = result.kept.map {
            (
                BookingFlag(booking: $0.booking.id, version: number, reason: $0.misfit.reason, flaggedAt: now),
                $0.booking.reference
            )
        }
        let heldBack = schedule.heldBackTimes(after: now)
        let detail = number.map { "configuration version \($0)" }
        return { connection in
            if let version { try connection.insertConfigurationVersion(version) }
            for (from, booking, units) in moved {
                try connection.updateMovedBooking(booking, unitStarts: units)
                try connection.insertBookingMove(booking, from: from, channel: .counter, at: now)
                try connection.unflagBooking(booking.id)
                try connection.dropWaitingMessages(
                    booking: booking.id, kinds: [.reminder], reason: "the booking was moved", at: now)
                if let actor {
                    try connection.insertAudit(
                        at: now, actor: actor, action: "reschedule", office: officeID, target: booking.reference,
                        detail: detail)
                }
            }
            for booking in cancelled {
                try connection.cancelBooking(booking, channel: .counter, actor: actor?.id ?? version?.actor)
                try connection.unflagBooking(booking.id)
                try connection.dropWaitingMessages(
                    booking: booking.id, kinds: [.reminder, .confirmationRequest], reason: "the booking was cancelled",
                    at: now)
                if let actor {
                    try connection.insertAudit(
                        at: now, actor: actor, action: "cancel", office: officeID, target: booking.reference,
                        detail: detail)
                }
            }
            for (flag, reference) in kept {
                try connection.flagBooking(flag)
                if let actor {
                    try connection.insertAudit(
                        at: now, actor: actor, action: "keep-flagged", office: officeID, target: reference,
                        detail: detail)
                }
            }
            for id in fitting { try connection.unflagBooking(id) }
            try connection.replaceHeldBack(office: officeID, heldBack)
        }
    }
}
