extension OfficeSchedule {
    // MARK: Holds

    /// Holds capacity for `request` until `now + holdMinutes`; or, for an offer to a wish
    /// (Documentation/Wishes.md), until `offerUntil`, in time that may still be held back from the
    /// public after a cancellation (that time is kept for the wishes). A hold closes its time to
    /// every channel, so an offered time is never publicly bookable.
    package mutating func placeHold(
        _ request: SlotRequest, id: HoldID, now: Instant, offerUntil: Instant? = nil
    ) throws(SchedulingError) -> Hold {
        guard holds[id] == nil else { throw .duplicateID(id.rawValue) }
        var demand = try demand(services: request.services, persons: request.persons, channel: request.channel)
        demand.passesHoldBack = offerUntil != nil
        let (placement, frame) = try allocate(demand, at: request.start, now: now)
        let hold = Hold(
            id: id, office: office.id, counter: office.counters[placement.counterIndex].id,
            services: request.services, persons: request.persons, start: request.start,
            end: frame.instant(elapsed: placement.units.upperBound * office.gridMinutes), channel: request.channel,
            createdAt: now,
            expiresAt: offerUntil ?? now.adding(minutes: office.booking.holdMinutes), extensions: 0,
            placement: placement)
        insert(hold)
        addBlock(CounterDay.Block(units: placement.units, until: hold.expiresAt, kind: .hold(id)), at: placement)
        return hold
    }

    /// Gives the hold another `holdMinutes` from now, up to `maxHoldExtensions` times.
    package mutating func extendHold(_ id: HoldID, now: Instant) throws(SchedulingError) -> Hold {
        guard var hold = holds[id] else { throw .holdNotFound(id) }
        guard now < hold.expiresAt else { throw .holdExpired(id) }
        guard hold.extensions < office.booking.maxHoldExtensions else {
            throw .holdExtensionLimitReached(id, max: office.booking.maxHoldExtensions)
        }
        hold.extensions += 1
        hold.expiresAt = now.adding(minutes: office.booking.holdMinutes)
        holds[id] = hold
        removeBlock(hold: id, at: hold.placement)
        addBlock(
            CounterDay.Block(units: hold.placement.units, until: hold.expiresAt, kind: .hold(id)), at: hold.placement)
        return hold
    }

    /// Gives the hold's capacity back.
    @discardableResult
    package mutating func releaseHold(_ id: HoldID) throws(SchedulingError) -> Hold {
        guard let hold = removeHold(id) else { throw .holdNotFound(id) }
        removeBlock(hold: id, at: hold.placement)
        return hold
    }

    /// Releases every hold that has expired at `now` and forgets held-back time that is over;
    /// returns the released holds.
    @discardableResult
    package mutating func releaseExpired(at now: Instant) -> [Hold] {
        let expired = holds.values.filter { $0.expiresAt <= now }.sorted { $0.id < $1.id }
        for hold in expired {
            _ = removeHold(hold.id)
            removeBlock(hold: hold.id, at: hold.placement)
        }
        for date in days.dates {
            guard let day = days[date], day.counters.contains(where: { $0.blocks.contains { $0.until <= now } }) else {
                continue
            }
            for index in day.counters.indices {
                days[date]?.counters[index].blocks.removeAll { $0.until <= now }
            }
        }
        return expired
    }

    // MARK: Bookings

    /// Books `request` directly (without a hold).
    package mutating func book(
        _ request: SlotRequest, id: BookingID, reference: String, contact: Contact, now: Instant
    ) throws(SchedulingError) -> Booking {
        try checkNew(id, reference)
        let demand = try demand(services: request.services, persons: request.persons, channel: request.channel)
        let contactKey = contact.key
        try checkLimit(demand, contactKey: contactKey, now: now)
        let deadline = try confirmationDeadline(demand, contact: contact, now: now)
        let (placement, frame) = try allocate(demand, at: request.start, now: now)
        return commit(
            placement, frame: frame, id: id, reference: reference, services: request.services, persons: request.persons,
            channel: request.channel, contact: contact, now: now, confirmationDeadline: deadline)
    }

    /// Turns a hold into a booking; the hold must not have expired and must have been placed on
    /// the same channel.
    package mutating func book(
        hold holdID: HoldID, channel: Channel, id: BookingID, reference: String, contact: Contact, now: Instant
    ) throws(SchedulingError) -> Booking {
        guard let hold = holds[holdID], hold.channel == channel else { throw .holdNotFound(holdID) }
        guard now < hold.expiresAt else { throw .holdExpired(holdID) }
        try checkNew(id, reference)
        let demand = try demand(services: hold.services, persons: hold.persons, channel: channel)
        try checkLimit(demand, contactKey: contact.key, now: now)
        let deadline = try confirmationDeadline(demand, contact: contact, now: now)
        try releaseHold(holdID)
        return commit(
            hold.placement, frame: day(hold.placement.date).frame, id: id, reference: reference,
            services: hold.services, persons: hold.persons,
            channel: channel, contact: contact, now: now, confirmationDeadline: deadline)
    }

    /// Cancels a booking that has not started; its time is held back from the public channels
    /// for `cancellationHoldBackMinutes`.
    package mutating func cancel(_ id: BookingID, now: Instant) throws(SchedulingError) -> Booking {
        guard var booking = bookings[id] else { throw .bookingNotFound(id) }
        guard booking.isActive else { throw .bookingCancelled(id) }
        guard now < booking.start else { throw .bookingAlreadyStarted(id) }
        setTaken(booking.placement, false)
        holdBack(booking.placement, now: now)
        booking.status = .cancelled
        booking.sequence += 1
        booking.updatedAt = now
        // Cancelled, not released: a deadline on a cancelled booking means it was released.
        booking.confirmationDeadline = nil
        replace(booking)
        return booking
    }

    /// Moves a booking to `start` as one step: it keeps its old time unless the new one can be
    /// booked (the old time counts as free while choosing, so a small shift works).
    package mutating func reschedule(_ id: BookingID, to start: Instant, channel: Channel, now: Instant)
        throws(SchedulingError) -> Booking
    {
        guard var booking = bookings[id] else { throw .bookingNotFound(id) }
        guard booking.isActive else { throw .bookingCancelled(id) }
        guard now < booking.start else { throw .bookingAlreadyStarted(id) }
        let demand = try demand(services: booking.services, persons: booking.persons, channel: channel)
        let (placement, frame) = try allocate(demand, at: start, now: now, ignoring: booking.placement)
        setTaken(booking.placement, false)
        holdBack(booking.placement, now: now, except: placement)
        setTaken(placement, true)
        booking.placement = placement
        booking.counter = office.counters[placement.counterIndex].id
        booking.start = start
        booking.end = frame.instant(elapsed: placement.units.upperBound * office.gridMinutes)
        booking.sequence += 1
        booking.updatedAt = now
        replace(booking)
        return booking
    }

    // MARK: Restoring from storage

    /// Makes room for `count` more bookings, so that restoring them grows nothing.
    package mutating func reserveBookingCapacity(_ count: Int) {
        bookings.reserveCapacity(bookings.count + count)
    }

    /// Puts back a booking read from storage, without window or limit checks; fails only when
    /// its time is already taken (which would mean a corrupt store).
    package mutating func restore(_ booking: Booking) throws(SchedulingError) {
        guard !bookings.contains(booking.id) else { throw .duplicateID(booking.id.rawValue) }
        if booking.isActive {
            let day = preparedDay(booking.placement.date)
            guard booking.placement.counterIndex < day.counters.count,
                !day.counters[booking.placement.counterIndex].taken.intersects(booking.placement.units)
            else { throw .slotUnavailable(office: office.id, start: booking.start) }
            setTaken(booking.placement, true)
        }
        insert(booking)
    }

    /// Puts back a hold read from storage (expired ones are skipped).
    package mutating func restore(_ hold: Hold, now: Instant) {
        guard now < hold.expiresAt, holds[hold.id] == nil else { return }
        insert(hold)
        addBlock(
            CounterDay.Block(units: hold.placement.units, until: hold.expiresAt, kind: .hold(hold.id)),
            at: hold.placement)
    }

    // MARK: Helpers

    private func checkNew(_ id: BookingID, _ reference: String) throws(SchedulingError) {
        guard !bookings.contains(id) else { throw .duplicateID(id.rawValue) }
        guard !bookings.contains(reference: reference) else { throw .duplicateID(reference) }
    }

    private mutating func commit(
        _ placement: Placement, frame: DayFrame, id: BookingID, reference: String, services: [ServiceID], persons: Int,
        channel: Channel, contact: Contact, now: Instant, confirmationDeadline: Instant?
    ) -> Booking {
        setTaken(placement, true)
        let booking = Booking(
            id: id, reference: reference, office: office.id, counter: office.counters[placement.counterIndex].id,
            services: services, persons: persons,
            start: frame.instant(elapsed: placement.units.lowerBound * office.gridMinutes),
            end: frame.instant(elapsed: placement.units.upperBound * office.gridMinutes),
            channel: channel, contact: contact, status: .booked, createdAt: now, updatedAt: now, sequence: 0,
            placement: placement, confirmationDeadline: confirmationDeadline)
        insert(booking)
        return booking
    }

    private mutating func holdBack(_ placement: Placement, now: Instant, except replacement: Placement? = nil) {
        let minutes = office.booking.cancellationHoldBackMinutes
        guard minutes > 0 else { return }
        var units = placement.units
        if let replacement, replacement.date == placement.date, replacement.counterIndex == placement.counterIndex,
            replacement.units.overlaps(units)
        {
            // A small shift on the same counter: hold back only what was given up.
            if replacement.units.lowerBound > units.lowerBound {
                units = units.lowerBound..<replacement.units.lowerBound
            } else {
                units = replacement.units.upperBound..<units.upperBound
            }
            guard !units.isEmpty else { return }
        }
        addBlock(
            CounterDay.Block(units: units, until: now.adding(minutes: minutes), kind: .heldBack),
            at: Placement(date: placement.date, counterIndex: placement.counterIndex, units: units))
    }
}

extension OfficeSchedule {
    // MARK: Placements of stored records

    /// Where a stored booking or hold sits with the current configuration: the counter by id and
    /// the grid units from `start` to `end`; nil when the counter no longer exists or the times
    /// are off the grid (a configuration change since it was stored).
    package func placement(counter: CounterID, start: Instant, end: Instant) -> Placement? {
        guard let counterIndex = office.counters.firstIndex(where: { $0.id == counter }) else { return nil }
        let frame = frame(containing: start)
        let grid = Int64(office.gridMinutes * 60)
        let from = frame.start.seconds(until: start)
        let to = frame.start.seconds(until: end)
        guard from >= 0, from % grid == 0, to > from, to % grid == 0 else { return nil }
        let units = Int(from / grid)..<Int(to / grid)
        guard units.upperBound <= day(frame.date).unitCount else { return nil }
        return Placement(date: frame.date, counterIndex: counterIndex, units: units)
    }

    /// The instant each grid unit of `placement` starts, for storage keys.
    package func unitStarts(of placement: Placement) -> [Instant] {
        let frame = day(placement.date).frame
        return placement.units.map { frame.instant(elapsed: $0 * office.gridMinutes) }
    }

    /// Puts back counter time held back from the public channels until `until`.
    package mutating func restoreHeldBack(counter: CounterID, start: Instant, end: Instant, until: Instant) {
        guard let placement = placement(counter: counter, start: start, end: end) else { return }
        addBlock(CounterDay.Block(units: placement.units, until: until, kind: .heldBack), at: placement)
    }

    /// The held-back blocks now in force, with their times, for storage.
    package func heldBackTimes(after now: Instant) -> [(
        counter: CounterID, start: Instant, end: Instant, until: Instant
    )] {
        var result: [(counter: CounterID, start: Instant, end: Instant, until: Instant)] = []
        for date in days.dates {
            guard let day = days[date] else { continue }
            for (index, counterDay) in day.counters.enumerated() {
                for block in counterDay.blocks where block.kind == .heldBack && block.until > now {
                    result.append(
                        (
                            office.counters[index].id,
                            day.frame.instant(elapsed: block.units.lowerBound * office.gridMinutes),
                            day.frame.instant(elapsed: block.units.upperBound * office.gridMinutes), block.until
                        ))
                }
            }
        }
        return result
    }

    /// A copy with the capacity only (no booking or hold records), to publish to readers: the
    /// writer's next change to its records then copies nothing.
    package var capacityView: OfficeSchedule {
        var copy = self
        copy.bookings = bookings.emptied
        copy.holds = [:]
        copy.unconfirmed = [:]
        return copy
    }
}
