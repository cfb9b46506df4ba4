import Scheduling

/// How many bookings a release brings: availability shows start times, and a start free on two
/// counters is one start but two slots. So the slots are counted by booking them: in memory, on
/// a fresh schedule built from the configuration, one-person bookings of the service on the
/// online channel at every start availability offers (the API's default range, today and 13
/// days), again and again until nothing is offered.
enum ReleasedSlots {
    static func count(town: Municipality, office: OfficeID, service: ServiceID, at now: Instant) -> Int? {
        guard let office = town.office(office) else { return nil }
        var schedule = OfficeSchedule(office: office, services: town.services)
        let today = office.timeZone.local(now).date
        let last = today.adding(days: 13)
        schedule.prepare(from: today, through: last)
        var booked = 0
        while true {
            guard
                let offered = try? schedule.availability(
                    services: [service], persons: 1, channel: .online, from: today, to: last, now: now),
                !offered.days.isEmpty
            else { return booked }
            let before = booked
            for day in offered.days {
                for start in day.starts {
                    let request = SlotRequest(services: [service], persons: 1, start: start, channel: .online)
                    let id = "count\(booked)"
                    if (try? schedule.book(
                        request, id: BookingID(id), reference: id,
                        contact: Contact(name: "Zählung", email: "\(id)@example.org"), now: now)) != nil
                    {
                        booked += 1
                    }
                }
            }
            if booked == before { return booked }
        }
    }
}
