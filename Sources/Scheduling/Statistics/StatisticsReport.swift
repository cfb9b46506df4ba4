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
    /// The scarce releases of the range (waiting rooms' and draws'), in order of their moment;
    /// read apart from the days' facts (`ScarceRelease`), empty until set.
    package var releases: [ReleaseFigures] = []

    /// The rows of one dimension, in their order (days and hours ascending, weekdays Monday
    /// first, the rest by key).
    package func rows(_ dimension: StatisticsDimension) -> [StatisticsRow] {
        rows.filter { $0.dimension == dimension }
    }

    /// Computes the report of `facts` for the days `from` through `through`; facts of other days
    /// are ignored.
    package init(facts: StatisticsFacts, from: LocalDate, through: LocalDate, targetSeconds: Int = 1200) {
        var builder = ReportBuilder()
        for day in PackedDay.days(of: facts) where (from...through).contains(day.day) { builder.add(day) }
        self.init(builder, from: from, through: through, targetSeconds: targetSeconds)
    }

    /// Computes the report of the digests of the days `from` through `through`; digests of other
    /// days are ignored. Throws when a digest cannot be read. One day is unpacked at a time.
    package init(days: [DayDigest], from: LocalDate, through: LocalDate, targetSeconds: Int = 1200)
        throws(DigestError)
    {
        var builder = ReportBuilder()
        for digest in days {
            let day = try digest.unpacked()
            if (from...through).contains(day.day) { builder.add(day) }
        }
        self.init(builder, from: from, through: through, targetSeconds: targetSeconds)
    }

    private init(_ builder: ReportBuilder, from: LocalDate, through: LocalDate, targetSeconds: Int) {
        self.from = from
        self.through = through
        self.targetSeconds = targetSeconds
        total = builder.total.figures(target: targetSeconds)
        rows = builder.rows(target: targetSeconds)
    }

    fileprivate static func orders(_ dimension: StatisticsDimension, _ a: String, before b: String) -> Bool {
        switch dimension {
        case .hour: return (Int(a) ?? 0) < (Int(b) ?? 0)
        case .weekday: return (Weekday(key: a)?.rawValue ?? 0) < (Weekday(key: b)?.rawValue ?? 0)
        default: return a < b
        }
    }
}

/// Adds days up into one accumulator per dimension and key. A day is first added up on its own;
/// its sum then goes to its day's, its weekday's and the total's accumulators, so that those
/// take a day's counts at once. The other dimensions take each visit and booking; their keys
/// are found once per day and text, through numbers, never per visit.
private struct ReportBuilder {
    var total = Accumulator()
    private var accumulators: [Accumulator] = []
    private var index: [[String: Int]] = Array(repeating: [:], count: StatisticsDimension.allCases.count)
    private var hours: [Int] = Array(repeating: -1, count: 24)
    private var channels: [Int] = Array(repeating: -1, count: DayDigest.channels.count)

    private mutating func slot(_ dimension: StatisticsDimension, _ key: String) -> Int {
        let position = StatisticsDimension.allCases.firstIndex(of: dimension) ?? 0
        if let found = index[position][key] { return found }
        accumulators.append(Accumulator())
        index[position][key] = accumulators.count - 1
        return accumulators.count - 1
    }

    private mutating func hour(_ hour: Int) -> Int {
        guard hours.indices.contains(hour) else { return slot(.hour, String(hour)) }
        if hours[hour] < 0 { hours[hour] = slot(.hour, String(hour)) }
        return hours[hour]
    }

    private mutating func channel(_ channel: Channel) -> Int {
        let code = DayDigest.code(channel)
        if channels[code] < 0 { channels[code] = slot(.channel, channel.rawValue) }
        return channels[code]
    }

    mutating func add(_ day: PackedDay) {
        var groups = Array(repeating: -1, count: day.texts.count)
        var services = groups
        var counters = groups
        func text(_ number: Int, _ dimension: StatisticsDimension, _ slots: inout [Int]) -> Int {
            if slots[number] < 0 { slots[number] = slot(dimension, day.texts[number]) }
            return slots[number]
        }
        var sum = Accumulator()
        for visit in day.visits {
            sum.add(visit)
            accumulators[hour(visit.hour)].add(visit)
            accumulators[text(visit.group, .group, &groups)].add(visit)
            accumulators[text(visit.services, .service, &services)].add(visit)
            if let booked = visit.channel { accumulators[channel(booked)].add(visit) }
            if let counter = visit.counter { accumulators[text(counter, .counter, &counters)].add(visit) }
        }
        for booking in day.bookings {
            sum.add(booking)
            accumulators[hour(booking.hour)].add(booking)
            accumulators[text(booking.services, .service, &services)].add(booking)
            accumulators[channel(booking.channel)].addMade(booking)
            if let by = booking.cancelledBy { accumulators[channel(by)].figures.cancelled += 1 }
            for by in booking.moves { accumulators[channel(by)].figures.moves += 1 }
        }
        sum.addDay(openedSeconds: day.openedSeconds, bookableSeconds: day.bookableSeconds)
        accumulators[slot(.weekday, day.day.weekday.key)].add(sum)
        total.add(sum)
        // A day's row is its sum, unless the day came twice.
        let ofDay = slot(.day, day.day.iso)
        if accumulators[ofDay].isEmpty {
            accumulators[ofDay] = sum
        } else {
            accumulators[ofDay].add(sum)
        }
    }

    /// The rows of every dimension, each dimension's in its order.
    func rows(target: Int) -> [StatisticsRow] {
        var rows: [StatisticsRow] = []
        for (position, dimension) in StatisticsDimension.allCases.enumerated() {
            for key in index[position].keys.sorted(by: { StatisticsReport.orders(dimension, $0, before: $1) }) {
                guard let slot = index[position][key] else { continue }
                rows.append(
                    StatisticsRow(
                        dimension: dimension, key: key, figures: accumulators[slot].figures(target: target)))
            }
        }
        return rows
    }
}

/// Collects the facts of one row before its summaries are computed.
private struct Accumulator {
    var figures = Figures()
    var waits = DurationTally()
    var toCounter = DurationTally()
    var service = DurationTally()
    var planned = DurationTally()
    var leads = DurationTally()

    mutating func add(_ visit: PackedVisit) {
        switch visit.kind {
        case .walkIn: figures.walkInTickets += 1
        case .kiosk: figures.kioskTickets += 1
        case .appointment: figures.appointmentTickets += 1
        }
        switch visit.outcome {
        case .served:
            figures.served += 1
            planned.add(Int32(clamping: visit.plannedSeconds))
        case .noShow:
            if visit.kind != .appointment { figures.walkInNoShows += 1 }
        case .unfinished:
            figures.unfinished += 1
        }
        if let wait = visit.waitSeconds { waits.add(Int32(clamping: wait)) }
        if let seconds = visit.toCounterSeconds { toCounter.add(Int32(clamping: seconds)) }
        if let seconds = visit.serviceSeconds {
            service.add(Int32(clamping: seconds))
            figures.usedSeconds += seconds
        }
    }

    mutating func add(_ booking: PackedBooking) {
        addMade(booking)
        if booking.cancelledBy != nil { figures.cancelled += 1 }
        figures.moves += booking.moves.count
    }

    /// The booking's own counts, without its cancellation and moves.
    mutating func addMade(_ booking: PackedBooking) {
        figures.bookings += 1
        leads.add(Int32(clamping: booking.leadSeconds))
        guard booking.cancelledBy == nil else { return }
        figures.kept += 1
        figures.bookedSeconds += booking.bookedSeconds
        if !booking.attended { figures.appointmentNoShows += 1 }
    }

    mutating func addDay(openedSeconds: Int, bookableSeconds: Int) {
        if openedSeconds > 0 { figures.days += 1 }
        figures.openedSeconds += openedSeconds
        figures.bookableSeconds += bookableSeconds
    }

    /// Nothing added yet (or only nothing).
    var isEmpty: Bool {
        figures == Figures() && waits.count == 0 && toCounter.count == 0 && service.count == 0 && planned.count == 0
            && leads.count == 0
    }

    /// Adds all of `other` (a day's sum).
    mutating func add(_ other: Accumulator) {
        figures.addCounts(of: other.figures)
        waits.add(other.waits)
        toCounter.add(other.toCounter)
        service.add(other.service)
        planned.add(other.planned)
        leads.add(other.leads)
    }

    func figures(target: Int) -> Figures {
        var result = figures
        result.wait = waits.summary(target: target)
        result.toCounter = toCounter.summary()
        result.service = service.summary()
        result.planned = planned.summary()
        result.leadTime = leads.summary()
        return result
    }
}

extension Figures {
    /// Adds the counts of `other` (its summaries are computed from the values, not added).
    fileprivate mutating func addCounts(of other: Figures) {
        walkInTickets += other.walkInTickets
        kioskTickets += other.kioskTickets
        appointmentTickets += other.appointmentTickets
        served += other.served
        walkInNoShows += other.walkInNoShows
        unfinished += other.unfinished
        bookings += other.bookings
        cancelled += other.cancelled
        moves += other.moves
        appointmentNoShows += other.appointmentNoShows
        kept += other.kept
        days += other.days
        openedSeconds += other.openedSeconds
        bookableSeconds += other.bookableSeconds
        bookedSeconds += other.bookedSeconds
        usedSeconds += other.usedSeconds
    }
}
