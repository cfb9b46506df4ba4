package import Scheduling

/// Random offices for property tests: counters with random skills, hours, contingents, breaks
/// and closures, around ordinary and daylight-saving days.
///
/// Rule boundaries are multiples of 30 minutes and never 02:30: a boundary inside the repeated
/// autumn hour is ambiguous (the core takes the first occurrence), which the independent oracle
/// below does not model.
package struct RandomOffice {
    package var generator: SeededGenerator

    package init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }

    package mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }

    package mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...items.count - 1)]
    }

    mutating func halfHour(_ range: ClosedRange<Int>) -> LocalTime {
        var minutes = int(range) * 30
        if minutes == 150 { minutes = 180 }
        return LocalTime(minutes: minutes)!
    }

    /// A first day for the test: ordinary, or just before one of the 2026 daylight-saving days.
    package mutating func startDate() -> LocalDate {
        pick([LocalDate(iso: "2026-12-07")!, LocalDate(iso: "2026-03-26")!, LocalDate(iso: "2026-10-22")!])
    }

    /// Services with random durations, persons and online flags.
    package mutating func services() -> [Service] {
        (0..<int(1...4)).map { index in
            Service(
                id: ServiceID("s\(index)"), name: "Service \(index)", durationMinutes: pick([5, 10, 15, 20, 30, 45]),
                maxPersons: int(1...3), bookableOnline: chance(0.8), group: pick(["A", "B"]),
                maxActivePerContact: chance(0.3) ? int(1...2) : nil)
        }
    }

    /// An office over `services`, planned around `start`.
    package mutating func office(services: [Service], start: LocalDate) -> Office {
        let grid = pick([5, 10, 15])
        let step = grid * pick(grid == 15 ? [1, 2] : [1, 2, 3])
        var hours: [WeeklyRule] = []
        for weekday in Weekday.allCases where chance(weekday == .sunday ? 0.7 : 0.8) {
            let from = halfHour(weekday == .sunday ? 0...4 : 12...18)
            let to = LocalTime(minutes: min(1440, from.minutes + int(4...16) * 30))!
            hours.append(WeeklyRule(weekdays: [weekday], from: from, to: to))
        }
        let breaks =
            chance(0.5)
            ? [WeeklyRule(weekdays: Set(Weekday.allCases), from: halfHour(23...25), to: halfHour(26...27))] : []
        let ids = services.map(\.id)
        let counters = (0..<int(1...4)).map { index in
            var skills = Set(ids.filter { _ in chance(0.6) })
            if skills.isEmpty { skills.insert(pick(ids)) }
            var own: [WeeklyRule] = []
            if chance(0.5) {
                for _ in 0..<int(1...3) {
                    let from = halfHour(0...40)
                    let to = LocalTime(minutes: min(1440, from.minutes + int(2...16) * 30))!
                    own.append(
                        WeeklyRule(
                            weekdays: Set(Weekday.allCases.filter { _ in chance(0.7) }), from: from, to: to,
                            everyWeeks: chance(0.2) ? 2 : 1, anchor: start, contingent: pick(Contingent.allCases)))
                }
            }
            let counterBreaks =
                chance(0.3)
                ? [WeeklyRule(weekdays: [pick(Weekday.allCases)], from: halfHour(20...22), to: halfHour(23...24))] : []
            return Counter(
                id: CounterID("c\(index)"), name: "Schalter \(index + 1)", skills: skills, hours: own,
                contingent: pick([.online, .online, .hotline, .counter, .walkIn]), breaks: counterBreaks)
        }
        var closures: [Closure] = []
        for _ in 0..<int(0...3) {
            let date = start.adding(days: int(0...12))
            let partial = chance(0.5)
            let from = partial ? halfHour(16...22) : nil
            closures.append(
                Closure(
                    date: date, from: from, to: partial ? halfHour(23...30) : nil, reason: "random",
                    counters: chance(0.5) ? [pick(counters).id] : []))
        }
        let window = BookingWindow(
            minNoticeDays: int(0...1), minNoticeMinutes: pick([0, 0, 30]), maxAdvanceDays: int(3...12),
            releaseTime: chance(0.3) ? LocalTime(hhmm: "07:00") : nil,
            weeklyRelease: chance(0.2)
                ? WeeklyRelease(weekday: pick(Weekday.allCases), time: halfHour(12...20), weeksAhead: int(0...2)) : nil)
        let policy = BookingPolicy(
            window: window, holdMinutes: pick([5, 10]), maxHoldExtensions: int(0...2),
            cancellationHoldBackMinutes: pick([0, 0, 15]), maxActivePerContact: int(1...3))
        return Office(
            id: "random", name: "Random", timeZone: OfficeTimeZone(identifier: "Europe/Berlin")!, state: "DE-SH",
            gridMinutes: grid, bookingStepMinutes: step, openingHours: hours, breaks: breaks, closures: closures,
            counters: counters, booking: policy)
    }
}

/// An independent reading of an office's rules at one instant, written without the capacity
/// bitsets, to check what the core decides.
package enum OpeningOracle {
    /// To whom `counter` is open at `instant`; nil when it is closed.
    package static func contingent(_ office: Office, counter: Counter, at instant: Instant) -> Contingent? {
        let local = office.timeZone.local(instant)
        let date = local.date
        let wall = local.secondOfDay / 60
        func covers(_ rule: WeeklyRule) -> Bool {
            rule.applies(on: date) && rule.from.minutes <= wall && wall < rule.to.minutes
        }
        func closes(_ closure: Closure) -> Bool {
            closure.date == date && (closure.from?.minutes ?? 0) <= wall && wall < (closure.to?.minutes ?? 1440)
        }
        guard office.openingHours.contains(where: covers), !office.breaks.contains(where: covers),
            !office.closures.contains(where: { $0.counters.isEmpty && closes($0) }),
            !counter.breaks.contains(where: covers),
            !office.closures.contains(where: { $0.counters.contains(counter.id) && closes($0) })
        else { return nil }
        if counter.hours.isEmpty { return counter.contingent }
        return counter.hours.filter(covers).map(\.contingent).min()
    }
}
