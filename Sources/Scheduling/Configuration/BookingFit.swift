/// Why a booking no longer fits its office after a change of the configuration: the core's
/// reading of "whom a change affects" (Documentation/Administration.md).
package enum BookingMisfit: Equatable, Sendable {
    /// Its counter is gone.
    case counterRemoved(CounterID)
    /// Its times are no longer on the office's grid.
    case offGrid
    /// Its counter no longer does one of its services (or the service is gone).
    case serviceNotDone(ServiceID)
    /// Its time falls on a closure of the office or of its counter (the closures' reasons).
    case closed([String])
    /// Its time is outside the hours its counter takes bookings.
    case outsideHours
}

extension OfficeSchedule {
    /// How a booking of `services` on `counter` from `start` to `end` fits this office's
    /// configuration: nil when it does (its counter exists, does every service, and is open to
    /// bookings for its whole time), else why not.
    package func misfit(counter: CounterID, services: [ServiceID], start: Instant, end: Instant) -> BookingMisfit? {
        guard let index = office.counters.firstIndex(where: { $0.id == counter }) else {
            return .counterRemoved(counter)
        }
        guard let placement = placement(counter: counter, start: start, end: end) else { return .offGrid }
        let skills = office.counters[index].skills
        if let missing = services.first(where: { !skills.contains($0) || self.services[$0] == nil }) {
            return .serviceNotDone(missing)
        }
        let day = day(placement.date)
        let counterDay = day.counters[placement.counterIndex]
        guard !counterDay.open[Contingent.counter.rawValue].containsAll(placement.units) else { return nil }
        let closures = office.closures(on: placement.date).filter {
            $0.counters.isEmpty || $0.counters.contains(counter)
        }
        return closures.isEmpty ? .outsideHours : .closed(closures.map(\.reason))
    }

    /// The misfit of `booking` (see `misfit(counter:services:start:end:)`).
    package func misfit(of booking: Booking) -> BookingMisfit? {
        misfit(counter: booking.counter, services: booking.services, start: booking.start, end: booking.end)
    }
}
