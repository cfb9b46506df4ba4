/// The figures of a set of visits, bookings and days (Documentation/Statistics.md, "What each
/// figure means"). Which facts a row counts depends on its dimension: see `StatisticsReport`.
package struct Figures: Hashable, Sendable {
    package var walkInTickets = 0
    package var kioskTickets = 0
    package var appointmentTickets = 0
    package var served = 0
    /// Walk-in and kiosk tickets called and not there.
    package var walkInNoShows = 0
    /// Tickets still waiting, called or parked when the day ended.
    package var unfinished = 0
    package var wait = DurationSummary()
    package var toCounter = DurationSummary()
    package var service = DurationSummary()
    /// The planned counter time of the served visits (services' durations times persons).
    package var planned = DurationSummary()
    package var bookings = 0
    package var cancelled = 0
    package var moves = 0
    /// Kept bookings whose holder was not served.
    package var appointmentNoShows = 0
    /// Bookings not cancelled.
    package var kept = 0
    package var leadTime = DurationSummary()
    /// Office days with counter time (in day and weekday rows and the totals).
    package var days = 0
    package var openedSeconds = 0
    package var bookableSeconds = 0
    package var bookedSeconds = 0
    /// Counter time spent serving.
    package var usedSeconds = 0

    package init() {}

    package var tickets: Int { walkInTickets + kioskTickets + appointmentTickets }

    /// Walk-in no-shows over walk-in and kiosk tickets.
    package var walkInNoShowRate: Double? {
        let walkIns = walkInTickets + kioskTickets
        return walkIns == 0 ? nil : Double(walkInNoShows) / Double(walkIns)
    }

    /// Appointment no-shows over kept bookings.
    package var appointmentNoShowRate: Double? {
        kept == 0 ? nil : Double(appointmentNoShows) / Double(kept)
    }
}

/// The dimensions a report breaks its figures down by.
package enum StatisticsDimension: String, CaseIterable, Hashable, Sendable {
    case day
    case weekday
    case hour
    case group
    case service
    case channel
    case counter
}

/// One row of a breakdown: a dimension's value and its figures.
package struct StatisticsRow: Hashable, Sendable {
    package var dimension: StatisticsDimension
    /// The value: `2026-11-02`, `mon`, `9` (09:00–09:59), `A`, `personalausweis+reisepass`,
    /// `online`, a counter id.
    package var key: String
    package var figures: Figures
}

/// The figures of one office over a range of days, in total and broken down by day, weekday,
/// hour of day, service group, services, channel and counter.
///
/// Rows of `day` and `weekday` count everything of their days; `hour` counts visits by the hour
/// of their issue and bookings by the hour of their start; `group` and `counter` count visits
/// only (a counter's used time is its own); `service` counts visits and bookings by their
/// services; `channel` counts appointment visits and bookings by the channel they were booked
/// on, but cancellations and moves by the channel that made them.
package struct StatisticsReport: Hashable, Sendable {
    package var from: LocalDate
    package var through: LocalDate
    /// The waiting-time target in seconds (`Figures.wait.overTarget`).
    package var targetSeconds: Int
    package var total: Figures
    package var rows: [StatisticsRow]

    /// The rows of one dimension, in their order (days and hours ascending, weekdays Monday
    /// first, the rest by key).
    package func rows(_ dimension: StatisticsDimension) -> [StatisticsRow] {
        rows.filter { $0.dimension == dimension }
    }

    /// Computes the report of `facts` for the days `from` through `through`; facts of other days
    /// are ignored.
    package init(facts: StatisticsFacts, from: LocalDate, through: LocalDate, targetSeconds: Int = 1200) {
        self.from = from
        self.through = through
        self.targetSeconds = targetSeconds
        var total = Accumulator()
        // One accumulator per dimension and key, found through an index per dimension; the keys
        // of days and hours are made once, not per fact (a year is some 200,000 visits).
        var accumulators: [Accumulator] = []
        var index: [[String: Int]] = Array(repeating: [:], count: StatisticsDimension.allCases.count)
        var dayKeys: [Int: (day: String, weekday: String)] = [:]
        let hourKeys = (0..<24).map { String($0) }
        func slot(_ dimension: StatisticsDimension, _ key: String) -> Int {
            let position = StatisticsDimension.allCases.firstIndex(of: dimension) ?? 0
            if let found = index[position][key] { return found }
            accumulators.append(Accumulator())
            index[position][key] = accumulators.count - 1
            return accumulators.count - 1
        }
        func keys(_ date: LocalDate) -> (day: String, weekday: String) {
            if let known = dayKeys[date.dayNumber] { return known }
            let made = (date.iso, date.weekday.key)
            dayKeys[date.dayNumber] = made
            return made
        }
        let range = from...through
        for visit in facts.visits where range.contains(visit.day) {
            total.add(visit)
            let day = keys(visit.day)
            accumulators[slot(.day, day.day)].add(visit)
            accumulators[slot(.weekday, day.weekday)].add(visit)
            accumulators[slot(.hour, (0..<24).contains(visit.hour) ? hourKeys[visit.hour] : String(visit.hour))].add(
                visit)
            accumulators[slot(.group, visit.group)].add(visit)
            accumulators[slot(.service, visit.services)].add(visit)
            if let channel = visit.channel { accumulators[slot(.channel, channel.rawValue)].add(visit) }
            if let counter = visit.counter { accumulators[slot(.counter, counter)].add(visit) }
        }
        for booking in facts.bookings where range.contains(booking.day) {
            total.add(booking)
            let day = keys(booking.day)
            accumulators[slot(.day, day.day)].add(booking)
            accumulators[slot(.weekday, day.weekday)].add(booking)
            accumulators[slot(.hour, String(booking.hour))].add(booking)
            accumulators[slot(.service, booking.services)].add(booking)
            accumulators[slot(.channel, booking.channel.rawValue)].addMade(booking)
            if let by = booking.cancelledBy { accumulators[slot(.channel, by.rawValue)].figures.cancelled += 1 }
            for by in booking.moves { accumulators[slot(.channel, by.rawValue)].figures.moves += 1 }
        }
        for day in facts.days where range.contains(day.day) {
            total.add(day)
            let keys = keys(day.day)
            accumulators[slot(.day, keys.day)].add(day)
            accumulators[slot(.weekday, keys.weekday)].add(day)
        }
        self.total = total.figures(target: targetSeconds)
        var rows: [StatisticsRow] = []
        for (position, dimension) in StatisticsDimension.allCases.enumerated() {
            for key in index[position].keys.sorted(by: { Self.orders(dimension, $0, before: $1) }) {
                guard let slot = index[position][key] else { continue }
                rows.append(
                    StatisticsRow(
                        dimension: dimension, key: key, figures: accumulators[slot].figures(target: targetSeconds)))
            }
        }
        self.rows = rows
    }

    private static func orders(_ dimension: StatisticsDimension, _ a: String, before b: String) -> Bool {
        switch dimension {
        case .hour: return (Int(a) ?? 0) < (Int(b) ?? 0)
        case .weekday: return (Weekday(key: a)?.rawValue ?? 0) < (Weekday(key: b)?.rawValue ?? 0)
        default: return a < b
        }
    }
}

/// Collects the facts of one row before its summaries are computed.
private struct Accumulator {
    var figures = Figures()
    var waits: [Int32] = []
    var toCounter: [Int32] = []
    var service: [Int32] = []
    var planned: [Int32] = []
    var leads: [Int32] = []

    mutating func add(_ visit: VisitFact) {
        switch visit.kind {
        case .walkIn: figures.walkInTickets += 1
        case .kiosk: figures.kioskTickets += 1
        case .appointment: figures.appointmentTickets += 1
        }
        switch visit.outcome {
        case .served:
            figures.served += 1
            planned.append(Int32(clamping: visit.plannedSeconds))
        case .noShow:
            if visit.kind != .appointment { figures.walkInNoShows += 1 }
        case .unfinished:
            figures.unfinished += 1
        }
        if let wait = visit.waitSeconds { waits.append(Int32(clamping: wait)) }
        if let seconds = visit.toCounterSeconds { toCounter.append(Int32(clamping: seconds)) }
        if let seconds = visit.serviceSeconds {
            service.append(Int32(clamping: seconds))
            figures.usedSeconds += seconds
        }
    }

    mutating func add(_ booking: BookingFact) {
        addMade(booking)
        if booking.cancelledBy != nil { figures.cancelled += 1 }
        figures.moves += booking.moves.count
    }

    /// The booking's own counts, without its cancellation and moves.
    mutating func addMade(_ booking: BookingFact) {
        figures.bookings += 1
        leads.append(Int32(clamping: booking.leadSeconds))
        guard booking.cancelledBy == nil else { return }
        figures.kept += 1
        figures.bookedSeconds += booking.bookedSeconds
        if booking.isNoShow { figures.appointmentNoShows += 1 }
    }

    mutating func add(_ day: DayFact) {
        if day.openedSeconds > 0 { figures.days += 1 }
        figures.openedSeconds += day.openedSeconds
        figures.bookableSeconds += day.bookableSeconds
    }

    func figures(target: Int) -> Figures {
        var result = figures
        var waits = waits
        var toCounter = toCounter
        var service = service
        var planned = planned
        var leads = leads
        result.wait = DurationSummary(sorting: &waits, target: target)
        result.toCounter = DurationSummary(sorting: &toCounter)
        result.service = DurationSummary(sorting: &service)
        result.planned = DurationSummary(sorting: &planned)
        result.leadTime = DurationSummary(sorting: &leads)
        return result
    }
}
