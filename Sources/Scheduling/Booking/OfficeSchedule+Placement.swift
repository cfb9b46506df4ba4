extension OfficeSchedule {
    /// Checks services, persons and channel, and works out the counter time they need.
    package func demand(services ids: [ServiceID], persons: Int, channel: Channel) throws(SchedulingError) -> Demand {
        guard !ids.isEmpty else { throw .noServices }
        var seen: Set<ServiceID> = []
        var chosen: [Service] = []
        for id in ids {
            guard let service = services[id] else { throw .unknownService(id) }
            guard seen.insert(id).inserted else { throw .duplicateService(id) }
            guard office.counters.contains(where: { $0.skills.contains(id) }) else {
                throw .serviceNotOffered(id, office: office.id)
            }
            if channel.isPublic, !service.bookableOnline { throw .serviceNotBookable(id, channel: channel) }
            chosen.append(service)
        }
        let maxPersons = chosen.map(\.maxPersons).min() ?? 1
        guard persons >= 1, persons <= maxPersons else { throw .invalidPersons(persons, max: maxPersons) }
        let counters = office.counters.indices.filter { seen.isSubset(of: office.counters[$0].skills) }
        guard !counters.isEmpty else { throw .servicesNotCombinable(office: office.id) }
        let minutes = chosen.reduce(0) { $0 + $1.durationMinutes } * persons
        let grid = office.gridMinutes
        let window = chosen.reduce(office.booking.window) { $1.window.map($0.intersected) ?? $0 }
        return Demand(
            services: chosen, persons: persons, minutes: minutes, units: max(1, (minutes + grid - 1) / grid),
            counters: counters, window: window, channel: channel)
    }

    /// The earliest bookable instant and the last bookable day for `window` at `now`.
    package func bounds(of window: BookingWindow, at now: Instant) -> (earliest: Instant, latest: LocalDate) {
        let frame = frame(containing: now)
        let today = frame.date
        let firstDay = today.adding(days: window.minNoticeDays)
        let firstDayStart = firstDay == today ? frame.start : (days[firstDay]?.frame ?? day(firstDay).frame).start
        let earliest = max(now.adding(minutes: window.minNoticeMinutes), firstDayStart)
        var latest = today.adding(days: window.maxAdvanceDays)
        if let release = window.releaseTime {
            let wall = frame.wallMinute(elapsed: Int(frame.elapsedMinutes(to: now)))
            if wall < release.minutes { latest = latest.adding(days: -1) }
        }
        return (earliest, latest)
    }

    /// Finds the day and unit of `start`, which must be an offered start time of the office.
    func locate(_ start: Instant, units: Int) throws(SchedulingError) -> (date: LocalDate, units: Range<Int>) {
        let frame = frame(containing: start)
        let elapsedSeconds = frame.start.seconds(until: start)
        let grid = office.gridMinutes
        guard elapsedSeconds >= 0, elapsedSeconds % Int64(60 * grid) == 0 else { throw .startNotOffered(start) }
        let unit = Int(elapsedSeconds / Int64(60 * grid))
        let day = days[frame.date] ?? day(frame.date)
        guard day.alignedStarts.contains(unit), unit + units <= day.unitCount else { throw .startNotOffered(start) }
        return (frame.date, unit..<unit + units)
    }

    /// Chooses the counter for `demand` at `start`: among the counters free for the channel, the
    /// one that keeps the day least fragmented, deterministically.
    ///
    /// `ignoring` is a placement to treat as free (the booking being moved).
    func allocate(_ demand: Demand, at start: Instant, now: Instant, ignoring: Placement? = nil)
        throws(SchedulingError) -> Placement
    {
        let bounds = bounds(of: demand.window, at: now)
        let (date, units) = try locate(start, units: demand.units)
        guard start >= bounds.earliest, date <= bounds.latest else {
            throw .outsideBookingWindow(start: start, earliest: bounds.earliest, latest: bounds.latest)
        }
        let day = days[date] ?? day(date)
        var best: (score: Fragmentation, index: Int)?
        for index in demand.counters {
            var counterDay = day.counters[index]
            if let ignoring, ignoring.date == date, ignoring.counterIndex == index {
                counterDay.taken.remove(ignoring.units)
            }
            guard counterDay.isFree(units, for: demand.channel, at: now) else { continue }
            let score = fragmentation(of: units, on: counterDay, counter: index, at: now)
            if best.map({ score < $0.score }) ?? true { best = (score, index) }
        }
        guard let best else { throw .slotUnavailable(office: office.id, start: start) }
        return Placement(date: date, counterIndex: best.index, units: units)
    }

    /// How much taking `units` on a counter would fragment its free time; lower is better.
    /// Compared in order: units left in pieces too short for any service of the counter, the
    /// number of pieces left, the length of the free run used, the counter's breadth of skills,
    /// its position.
    struct Fragmentation: Comparable {
        var waste: Int
        var pieces: Int
        var runLength: Int
        var skills: Int
        var index: Int

        static func < (lhs: Fragmentation, rhs: Fragmentation) -> Bool {
            (lhs.waste, lhs.pieces, lhs.runLength, lhs.skills, lhs.index)
                < (rhs.waste, rhs.pieces, rhs.runLength, rhs.skills, rhs.index)
        }
    }

    private func fragmentation(of units: Range<Int>, on day: CounterDay, counter: Int, at now: Instant)
        -> Fragmentation
    {
        var low = units.lowerBound
        while low > 0, day.isFree(low - 1..<low, for: nil, at: now) { low -= 1 }
        var high = units.upperBound
        while high < day.taken.count, day.isFree(high..<high + 1, for: nil, at: now) { high += 1 }
        let left = units.lowerBound - low
        let right = high - units.upperBound
        let shortest = shortestUnits[counter]
        let waste = (left > 0 && left < shortest ? left : 0) + (right > 0 && right < shortest ? right : 0)
        return Fragmentation(
            waste: waste, pieces: (left > 0 ? 1 : 0) + (right > 0 ? 1 : 0), runLength: high - low,
            skills: office.counters[counter].skills.count, index: counter)
    }

    /// Refuses when the contact already holds the most active bookings allowed for a service.
    func checkLimit(_ demand: Demand, contact: Contact, now: Instant, excluding: BookingID? = nil)
        throws(SchedulingError)
    {
        guard let key = contact.key else { return }
        for service in demand.services {
            let limit = service.maxActivePerContact ?? office.booking.maxActivePerContact
            if activeBookings(of: key, service: service.id, at: now, excluding: excluding) >= limit {
                throw .limitReached(service.id, limit: limit)
            }
        }
    }
}
