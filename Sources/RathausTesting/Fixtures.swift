package import Scheduling

/// Small factories for tests, with defaulted parameters.
package enum Fixtures {
    package static let berlin = OfficeTimeZone(identifier: "Europe/Berlin")!

    package static func date(_ iso: String) -> LocalDate {
        LocalDate(iso: iso)!
    }

    package static func time(_ hhmm: String) -> LocalTime {
        LocalTime(hhmm: hhmm)!
    }

    /// The instant of a local wall-clock time in Berlin, e.g. `instant("2026-12-01T09:00")`.
    package static func instant(_ local: String, in zone: OfficeTimeZone = berlin) -> Instant {
        ManualClock(local: local, in: zone)!.now
    }

    package static func service(
        _ id: ServiceID, minutes: Int = 15, maxPersons: Int = 4, online: Bool = true, group: String = "A",
        documents: [Document] = [], window: BookingWindow? = nil, maxActivePerContact: Int? = nil
    ) -> Service {
        Service(
            id: id, name: "Service \(id)", durationMinutes: minutes, maxPersons: maxPersons, bookableOnline: online,
            group: group, documents: documents, window: window, maxActivePerContact: maxActivePerContact)
    }

    package static func rule(
        _ days: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday], from: String = "08:00",
        to: String = "12:00", contingent: Contingent = .online, everyWeeks: Int = 1, validFrom: String? = nil,
        validUntil: String? = nil
    ) -> WeeklyRule {
        WeeklyRule(
            weekdays: days, from: time(from), to: time(to), validFrom: validFrom.map(date),
            validUntil: validUntil.map(date), everyWeeks: everyWeeks, contingent: contingent)
    }

    package static func counter(
        _ id: CounterID, skills: Set<ServiceID> = ["pass"], hours: [WeeklyRule] = [], contingent: Contingent = .online,
        breaks: [WeeklyRule] = []
    ) -> Counter {
        Counter(id: id, name: "Schalter \(id)", skills: skills, hours: hours, contingent: contingent, breaks: breaks)
    }

    package static func office(
        _ id: OfficeID = "rathaus", hours: [WeeklyRule] = [rule()], breaks: [WeeklyRule] = [],
        closures: [Closure] = [], counters: [Counter] = [counter("1")], grid: Int = 5, step: Int = 10,
        booking: BookingPolicy = BookingPolicy(window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 60)),
        queue: QueuePolicy = QueuePolicy()
    ) -> Office {
        Office(
            id: id, name: "Office \(id)", timeZone: berlin, state: "DE-SH", gridMinutes: grid, bookingStepMinutes: step,
            openingHours: hours, breaks: breaks, closures: closures, counters: counters, booking: booking, queue: queue)
    }

    package static func schedule(
        _ office: Office = office(), services: [Service] = [service("pass")], preparing from: String? = nil,
        days: Int = 0
    ) -> OfficeSchedule {
        var schedule = OfficeSchedule(office: office, services: services)
        if let from, days > 0 {
            schedule.prepare(from: date(from), through: date(from).adding(days: days - 1))
        }
        return schedule
    }

    package static func request(
        _ start: String, services: [ServiceID] = ["pass"], persons: Int = 1, channel: Channel = .online
    ) -> SlotRequest {
        SlotRequest(services: services, persons: persons, start: instant(start), channel: channel)
    }

    package static func contact(_ name: String = "Erika Mustermann", email: String? = "erika@example.org")
        -> Contact
    {
        Contact(name: name, email: email)
    }
}
