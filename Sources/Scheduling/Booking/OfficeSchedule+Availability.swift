/// The offered start times of one day.
package struct DayAvailability: Hashable, Sendable {
    package var frame: DayFrame
    /// Offered starts, in minutes elapsed since the day's start (see `DayFrame`).
    package var startMinutes: [Int]

    package var date: LocalDate { frame.date }

    /// The offered starts as instants.
    package var starts: [Instant] { startMinutes.map { frame.instant(elapsed: $0) } }
}

/// What `availability` answers: the counter time the request needs and the free starts by day.
package struct Availability: Hashable, Sendable {
    /// Counter minutes the booking takes (rounded up to the office grid).
    package var durationMinutes: Int
    /// Days with at least one offered start, ascending.
    package var days: [DayAvailability]
    /// When days of the requested range that are not bookable yet will be released: the instant
    /// and the last day it opens. Nil when the whole range is released or no release is set.
    package var nextRelease: (at: Instant, through: LocalDate)?

    package init(durationMinutes: Int, days: [DayAvailability], nextRelease: (at: Instant, through: LocalDate)? = nil) {
        self.durationMinutes = durationMinutes
        self.days = days
        self.nextRelease = nextRelease
    }

    package static func == (lhs: Availability, rhs: Availability) -> Bool {
        lhs.durationMinutes == rhs.durationMinutes && lhs.days == rhs.days && lhs.nextRelease?.at == rhs.nextRelease?.at
            && lhs.nextRelease?.through == rhs.nextRelease?.through
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(durationMinutes)
        hasher.combine(days)
    }
}

extension OfficeSchedule {
    /// The start times at which `services` for `persons` can be booked by `channel` on the days
    /// `from … to`, as of `now`. Every start returned can be booked at that moment and every
    /// start that can be booked is returned (the property tests check both).
    package func availability(
        services: [ServiceID], persons: Int, channel: Channel, from: LocalDate, to: LocalDate, now: Instant
    ) throws(SchedulingError) -> Availability {
        guard from <= to, from.days(until: to) < OfficeSchedule.maxQueryDays else {
            throw .invalidDateRange(from: from, to: to, maxDays: OfficeSchedule.maxQueryDays)
        }
        let demand = try demand(services: services, persons: persons, channel: channel)
        return availability(for: demand, from: from, to: to, now: now)
    }

    /// `availability` for a checked demand.
    package func availability(for demand: Demand, from: LocalDate, to: LocalDate, now: Instant) -> Availability {
        let grid = office.gridMinutes
        let result = Availability(durationMinutes: demand.units * grid, days: [])
        let bounds = bounds(of: demand.window, at: now)
        let earliestFrame = frame(containing: bounds.earliest)
        let first = max(from, earliestFrame.date)
        let last = min(to, bounds.latest)
        let release = to > bounds.latest ? nextRelease(of: demand.window, after: now) : nil
        guard first <= last else {
            return Availability(durationMinutes: result.durationMinutes, days: [], nextRelease: release)
        }
        var days: [DayAvailability] = []
        var scratch: [UInt64] = []
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            let day = self.days[date] ?? self.day(date)
            var earliestUnit = 0
            if date == earliestFrame.date {
                let minutes = Int(earliestFrame.elapsedMinutes(to: bounds.earliest.adding(seconds: 59)))
                earliestUnit = (minutes + grid - 1) / grid
            }
            let starts = freeStarts(on: day, demand: demand, from: earliestUnit, now: now, scratch: &scratch)
            if !starts.isEmpty {
                days.append(DayAvailability(frame: day.frame, startMinutes: starts.map { $0 * grid }))
            }
        }
        return Availability(durationMinutes: result.durationMinutes, days: days, nextRelease: release)
    }

    /// The offered start units on `day` from `earliestUnit` on.
    private func freeStarts(
        on day: OfficeDay, demand: Demand, from earliestUnit: Int, now: Instant, scratch: inout [UInt64]
    ) -> [Int] {
        let wordCount = day.alignedStarts.words.count
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: wordCount))
        let length = demand.units
        for index in demand.counters {
            let counter = day.counters[index]
            let blocked = counter.blockedWords(for: demand.channel, at: now, passingHoldBack: demand.passesHoldBack)
            UnitSet.forEachRun(
                wordCount: wordCount, word: { counter.freeWord($0, for: demand.channel, at: now, blocked: blocked) },
                body: { start, end in
                    let low = max(start, earliestUnit)
                    let high = end - length  // last start that still fits
                    guard high >= low else { return }
                    UnitSet.forEachWord(in: low..<high + 1) { word, mask in scratch[word] |= mask }
                })
        }
        var result: [Int] = []
        for (word, aligned) in day.alignedStarts.words.enumerated() {
            var bits = scratch[word] & aligned
            while bits != 0 {
                result.append(word * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }
}
