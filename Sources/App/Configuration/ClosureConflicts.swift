package import Scheduling
package import Storage

/// Bookings whose counter time is no longer open: a closure (a holiday, a closure calendar, a
/// staff assembly) or new hours were added after they were made. `rathaus check` lists them so
/// the office can move them; nothing moves them silently.
package enum ClosureConflicts {
    package struct Conflict: Equatable, Sendable {
        package var reference: String
        package var office: OfficeID
        package var counter: CounterID
        package var start: Instant
        /// The closures of that day, or why else the time is closed.
        package var reason: String
    }

    package static func find(_ bookings: [StoredBooking], in municipality: Municipality) -> [Conflict] {
        var schedules: [OfficeID: OfficeSchedule] = [:]
        var conflicts: [Conflict] = []
        for booking in bookings {
            guard let office = municipality.office(booking.office) else {
                conflicts.append(
                    Conflict(
                        reference: booking.reference, office: booking.office, counter: booking.counter,
                        start: booking.start, reason: "the office is no longer configured"))
                continue
            }
            let schedule = schedules[office.id] ?? OfficeSchedule(office: office, services: municipality.services)
            schedules[office.id] = schedule
            guard let placement = schedule.placement(counter: booking.counter, start: booking.start, end: booking.end)
            else {
                conflicts.append(
                    Conflict(
                        reference: booking.reference, office: office.id, counter: booking.counter, start: booking.start,
                        reason: "its counter or the grid changed"))
                continue
            }
            let day = schedule.day(placement.date)
            guard !day.counters[placement.counterIndex].attended.containsAll(placement.units) else { continue }
            let closures = office.closures(on: placement.date).filter {
                $0.counters.isEmpty || $0.counters.contains(booking.counter)
            }
            conflicts.append(
                Conflict(
                    reference: booking.reference, office: office.id, counter: booking.counter, start: booking.start,
                    reason: closures.isEmpty
                        ? "outside the counter's hours" : closures.map(\.reason).joined(separator: "; ")))
        }
        return conflicts.sorted { ($0.start, $0.reference) < ($1.start, $1.reference) }
    }
}
