extension OfficeSchedule {
    /// Checks services, persons and channel, and works out the counter time they need.
    package func demand(services ids: [ServiceID], persons: Int, channel: Channel) throws(SchedulingError) -> Demand {
        guard !ids.isEmpty else { throw .noServices }
        var chosen: [Service] = []
        chosen.reserveCapacity(ids.count)
        var counters = ~UInt64(0)
        for (position, id) in ids.enumerated() {
            guard let (service, mask) = serviceInfo[id] else { throw .unknownService(id) }
            if ids[..<position].contains(id) { throw .duplicateService(id) }
            guard mask != 0 else { throw .serviceNotOffered(id, office: office.id) }
            if channel.isPublic, !service.bookableOnline { throw .serviceNotBookable(id, channel: channel) }
            counters &= mask
            chosen.append(service)
        }
        var maxPersons = Int.max
        var minutes = 0
        var window = office.booking.window
        for service in chosen {
            maxPersons = min(maxPersons, service.maxPersons)
            minutes += service.durationMinutes
            if let own = service.window { window = window.intersected(with: own) }
        }
        guard persons >= 1, persons <= maxPersons else { throw .invalidPersons(persons, max: maxPersons) }
        guard counters != 0 else { throw .servicesNotCombinable(office: office.id) }
        minutes *= persons
        let grid = office.gridMinutes
        return Demand(
            services: chosen, persons: persons, minutes: minutes, units: max(1, (minutes + grid - 1) / grid),
            counterMask: counters, window: window, channel: channel)
    }

    /// The earliest bookable instant and the last bookable day for `window` at `now`.
    package func bounds(of window: BookingWindow, at now: Instant) -> (earliest: Instant, latest: LocalDate) {
        let frame = frame(containing: now)
        let today = frame.date
        let firstDay = today.adding(days: window.minNoticeDays)
        let firstDayStart = firstDay == today ? frame.start : (days[firstDay]?.frame ?? day(firstDay).frame).start
        let earliest = max(now.adding(minutes: window.minNoticeMinutes), firstDayStart)
        var latest = today.adding(days: window.maxAdvanceDays)
        let wall = frame.wallMinute(elapsed: Int(frame.elapsedMinutes(to: now)))
        if let release = window.releaseTime, wall < release.minutes { latest = latest.adding(days: -1) }
        if let weekly = window.weeklyRelease {
            latest = min(latest, weekly.releasedThrough(releaseDay: weekly.lastReleaseDay(today: today, minute: wall)))
        }
        return (earliest, latest)
    }

    /// The latest release under `window` at or before `now`; nil without a set release time.
    package func lastRelease(of window: BookingWindow, atOrBefore now: Instant) -> Instant? {
        let frame = frame(containing: now)
        let wall = frame.wallMinute(elapsed: Int(frame.elapsedMinutes(to: now)))
        let day: LocalDate
        let time: LocalTime
        if let weekly = window.weeklyRelease {
            day = weekly.lastReleaseDay(today: frame.date, minute: wall)
            time = weekly.time
        } else if let release = window.releaseTime {
            day = wall < release.minutes ? frame.date.adding(days: -1) : frame.date
            time = release
        } else {
            return nil
        }
        let dayFrame = days[day]?.frame ?? office.timeZone.frame(of: day)
        return dayFrame.instant(elapsed: dayFrame.elapsed(wall: time))
    }

    /// The booking window of `service` at this office (the office's, narrowed by the service's).
    package func window(of service: ServiceID) -> BookingWindow? {
        guard let info = serviceInfo[service] else { return nil }
        return info.service.window.map(office.booking.window.intersected) ?? office.booking.window
    }

    /// When more days become bookable under `window` after `now`: the next release's instant and
    /// the last day it opens; nil when days are not released at a set time.
    package func nextRelease(of window: BookingWindow, after now: Instant) -> (at: Instant, through: LocalDate)? {
        let frame = frame(containing: now)
        let today = frame.date
        let wall = frame.wallMinute(elapsed: Int(frame.elapsedMinutes(to: now)))
        if let weekly = window.weeklyRelease {
            let next = weekly.lastReleaseDay(today: today, minute: wall).adding(days: 7)
            let nextFrame = days[next]?.frame ?? office.timeZone.frame(of: next)
            let through = min(weekly.releasedThrough(releaseDay: next), next.adding(days: window.maxAdvanceDays))
            return (nextFrame.instant(elapsed: nextFrame.elapsed(wall: weekly.time)), through)
        }
        guard let time = window.releaseTime else { return nil }
        let day = wall < time.minutes ? today : today.adding(days: 1)
        let dayFrame = days[day]?.frame ?? office.timeZone.frame(of: day)
        return (dayFrame.instant(elapsed: dayFrame.elapsed(wall: time)), day.adding(days: window.maxAdvanceDays))
    }

    /// Finds the day and units of `start`, which must be an offered start time of the office.
    func locate(_ start: Instant, units: Int) throws(SchedulingError) -> (day: OfficeDay, units: Range<Int>) {
        let frame = frame(containing: start)
        let elapsedSeconds = frame.start.seconds(until: start)
        let grid = office.gridMinutes
        guard elapsedSeconds >= 0, elapsedSeconds % Int64(60 * grid) == 0 else { throw .startNotOffered(start) }
        let unit = Int(elapsedSeconds / Int64(60 * grid))
        let day = days[frame.date] ?? day(frame.date)
        guard day.alignedStarts.contains(unit), unit + units <= day.unitCount else { throw .startNotOffered(start) }
        return (day, unit..<unit + units)
    }

    /// Chooses the counter for `demand` at `start`: among the counters free for the channel, the
    /// one that keeps the day least fragmented, deterministically.
    ///
    /// `ignoring` is a placement to treat as free (the booking being moved).
    func allocate(_ demand: Demand, at start: Instant, now: Instant, ignoring: Placement? = nil)
        throws(SchedulingError) -> (placement: Placement, frame: DayFrame)
    {
        let bounds = bounds(of: demand.window, at: now)
        let (day, units) = try locate(start, units: demand.units)
        let date = day.date
        guard start >= bounds.earliest, date <= bounds.latest else {
            throw .outsideBookingWindow(start: start, earliest: bounds.earliest, latest: bounds.latest)
        }
        var best: (score: Fragmentation, index: Int)?
        for index in demand.counters {
            var counterDay = day.counters[index]
            if let ignoring, ignoring.date == date, ignoring.counterIndex == index {
                counterDay.taken.remove(ignoring.units)
            }
            guard counterDay.isFree(units, for: demand.channel, at: now, passingHoldBack: demand.passesHoldBack)
            else { continue }
            let score = fragmentation(of: units, on: counterDay, counter: index, at: now)
            if best.map({ score < $0.score }) ?? true { best = (score, index) }
        }
        guard let best else { throw .slotUnavailable(office: office.id, start: start) }
        return (Placement(date: date, counterIndex: best.index, units: units), day.frame)
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
        let blocked = day.blockedWords(for: nil, at: now)
        let run = UnitSet.run(around: units, wordCount: day.taken.words.count) { index in
            day.freeWord(index, for: nil, at: now, blocked: blocked)
        }
        let left = units.lowerBound - run.lowerBound
        let right = run.upperBound - units.upperBound
        let shortest = shortestUnits[counter]
        let waste = (left > 0 && left < shortest ? left : 0) + (right > 0 && right < shortest ? right : 0)
        return Fragmentation(
            waste: waste, pieces: (left > 0 ? 1 : 0) + (right > 0 ? 1 : 0), runLength: run.count,
            skills: office.counters[counter].skills.count, index: counter)
    }

    /// Refuses when the contact already holds the most active bookings allowed for a service.
    func checkLimit(_ demand: Demand, contactKey: String?, now: Instant, excluding: BookingID? = nil)
        throws(SchedulingError)
    {
        guard let key = contactKey else { return }
        for service in demand.services {
            let limit = service.maxActivePerContact ?? office.booking.maxActivePerContact
            if activeBookings(of: key, service: service.id, at: now, excluding: excluding) >= limit {
                throw .limitReached(service.id, limit: limit)
            }
        }
    }
}
