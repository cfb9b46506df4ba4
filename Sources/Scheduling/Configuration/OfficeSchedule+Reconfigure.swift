extension OfficeSchedule {
    /// The first start on or after `from` at which `booking` (its services and persons) could be
    /// placed now for `channel`, up to the end of the booking window; nil when there is none.
    package func nextFreeStart(for booking: Booking, from: Instant, channel: Channel, now: Instant) -> Instant? {
        let day = office.timeZone.local(max(from, now)).date
        let latest = office.timeZone.local(now).date.adding(days: office.booking.window.maxAdvanceDays)
        guard day <= latest else { return nil }
        let through = min(latest, day.adding(days: Self.maxQueryDays - 1))
        guard
            let availability = try? availability(
                services: booking.services, persons: booking.persons, channel: channel, from: day, to: through, now: now
            )
        else { return nil }
        return availability.days.lazy.flatMap(\.starts).first { $0 >= from }
    }

    /// Places at `start` a booking that this configuration could not hold where it was (its
    /// counter is gone, or its times are off the grid), as a move: the same id, reference and
    /// contact, a new counter and times, the next version.
    package mutating func adopt(_ booking: Booking, at start: Instant, channel: Channel, now: Instant)
        throws(SchedulingError) -> Booking
    {
        guard bookings[booking.id] == nil else { throw .duplicateID(booking.id.rawValue) }
        let demand = try demand(services: booking.services, persons: booking.persons, channel: channel)
        let (placement, frame) = try allocate(demand, at: start, now: now)
        var moved = booking
        moved.placement = placement
        moved.counter = office.counters[placement.counterIndex].id
        moved.start = start
        moved.end = frame.instant(elapsed: placement.units.upperBound * office.gridMinutes)
        moved.sequence += 1
        moved.updatedAt = now
        setTaken(placement, true)
        insert(moved)
        return moved
    }
}
