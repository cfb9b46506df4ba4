/// Double opt-in (Documentation/Mail.md, "Double opt-in"): an online booking of an office or a
/// service with `confirmByEmailMinutes` is made unconfirmed; its time stays taken until the citizen
/// confirms it by the link in the e-mail, or until its deadline, when it is released and its time
/// is offered again. It is what keeps bots with made-up addresses from hoarding a rush.
extension OfficeSchedule {
    /// The minutes within which an online booking of `services` must be confirmed: the shortest
    /// of the office's and the services' `confirmByEmailMinutes`; nil when none asks for it or the
    /// channel is not online (staff book for people they spoke to).
    package func confirmationMinutes(services: [Service], channel: Channel) -> Int? {
        guard channel == .online else { return nil }
        return ([office.booking.confirmByEmailMinutes] + services.map(\.confirmByEmailMinutes)).compactMap { $0 }.min()
    }

    /// The confirmation deadline of a new booking of `demand` for `contact` made at `now`; nil when
    /// it needs none. One that needs it must have an e-mail address to send the link to.
    func confirmationDeadline(_ demand: Demand, contact: Contact, now: Instant) throws(SchedulingError) -> Instant? {
        guard let minutes = confirmationMinutes(services: demand.services, channel: demand.channel) else { return nil }
        guard contact.mailAddress != nil else { throw .confirmationNeedsEmail }
        return now.adding(minutes: minutes)
    }

    /// Confirms an unconfirmed booking before its deadline: it becomes an ordinary booking with
    /// the next version. A booking already confirmed (or one that never needed it) is returned
    /// unchanged, so a second click on the link does no harm.
    package mutating func confirm(_ id: BookingID, now: Instant) throws(SchedulingError) -> Booking {
        guard var booking = bookings[id] else { throw .bookingNotFound(id) }
        if booking.wasReleased { throw .confirmationExpired(id) }
        guard booking.isActive else { throw .bookingCancelled(id) }
        guard let deadline = booking.confirmationDeadline else { return booking }
        guard now < deadline else { throw .confirmationExpired(id) }
        booking.confirmationDeadline = nil
        booking.sequence += 1
        booking.updatedAt = now
        replace(booking)
        return booking
    }

    /// Releases every unconfirmed booking whose deadline has come by `now`: its time is free at
    /// once (not held back, as a cancellation's may be), it is cancelled with the next version and
    /// keeps its deadline, which marks it as released. Returns them, in id order.
    @discardableResult
    package mutating func releaseUnconfirmed(at now: Instant) -> [Booking] {
        let due = unconfirmed.filter { $0.value <= now }.keys.sorted()
        var released: [Booking] = []
        for id in due {
            guard var booking = bookings[id], booking.isUnconfirmed else {
                unconfirmed[id] = nil
                continue
            }
            setTaken(booking.placement, false)
            booking.status = .cancelled
            booking.sequence += 1
            booking.updatedAt = now
            replace(booking)
            unconfirmed[id] = nil
            released.append(booking)
        }
        return released
    }
}
