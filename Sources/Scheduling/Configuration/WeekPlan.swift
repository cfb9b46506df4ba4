/// What an office's configuration opens in a week, per day and counter: the intervals open to
/// each contingent, as an office manager checks a change before saving it (the console's week
/// view).
package struct WeekPlan: Equatable, Sendable {
    /// One interval of a counter's day.
    package struct Interval: Equatable, Sendable {
        package var from: LocalTime
        package var to: LocalTime
        /// The most open contingent of the interval (`walkIn`: attended for walk-ins only).
        package var contingent: Contingent
    }

    /// One counter on one day.
    package struct CounterDay: Equatable, Sendable {
        package var counter: CounterID
        package var intervals: [Interval]
        /// The closures of the day that concern the counter (their reasons).
        package var closures: [String]
    }

    /// One day.
    package struct Day: Equatable, Sendable {
        package var date: LocalDate
        package var counters: [CounterDay]
    }

    package var days: [Day]

    /// The seven days from `monday` of `office`'s configuration.
    package init(_ office: Office, services: [Service], from monday: LocalDate) {
        let schedule = OfficeSchedule(office: office, services: services)
        days = (0..<7).map { offset in
            let date = monday.adding(days: offset)
            let day = schedule.day(date)
            return Day(
                date: date,
                counters: office.counters.enumerated().map { index, counter in
                    let closures = office.closures(on: date).filter {
                        $0.counters.isEmpty || $0.counters.contains(counter.id)
                    }
                    return CounterDay(
                        counter: counter.id,
                        intervals: Self.intervals(day.counters[index], frame: day.frame, grid: office.gridMinutes),
                        closures: closures.map(\.reason))
                })
        }
    }

    /// The clock on the wall `elapsed` minutes into the day (24:00 at its end).
    static func wallTime(_ frame: DayFrame, elapsed: Int) -> LocalTime {
        LocalTime(clamping: frame.wallMinute(elapsed: elapsed))
    }

    /// The runs of units with the same most open contingent, as wall-clock intervals.
    static func intervals(_ counter: Scheduling.CounterDay, frame: DayFrame, grid: Int) -> [Interval] {
        func level(_ unit: Int) -> Contingent? {
            for contingent in [Contingent.online, .hotline, .counter]
            where counter.open[contingent.rawValue].contains(unit) {
                return contingent
            }
            return counter.attended.contains(unit) ? .walkIn : nil
        }
        var intervals: [Interval] = []
        var unit = 0
        let count = frame.lengthMinutes / grid
        while unit < count {
            guard let contingent = level(unit) else {
                unit += 1
                continue
            }
            let start = unit
            while unit < count, level(unit) == contingent { unit += 1 }
            intervals.append(
                Interval(
                    from: Self.wallTime(frame, elapsed: start * grid), to: Self.wallTime(frame, elapsed: unit * grid),
                    contingent: contingent))
        }
        return intervals
    }
}
