import RathausTesting
import Testing

@testable import Scheduling

/// The report over many days (tallies, digests, keys by number) against the figures computed
/// the plain way: filter the facts of each row, sort, take the summary.
@Suite struct StatisticsReportTests {
    static let first = Fixtures.date("2026-03-02")

    /// `days` days of random facts, some thousands of visits: enough for the total's and the
    /// weekdays' tallies to count per second.
    static func facts(days: Int, seed: UInt64) -> StatisticsFacts {
        var generator = SeededGenerator(seed: seed)
        var facts = StatisticsFacts()
        let services = ["pass", "melde", "pass+melde", "gewerbe"]
        let channels: [Channel] = [.online, .hotline, .counter, .kiosk]
        func maybe(_ value: Int, _ chance: Int = 10) -> Int? {
            Int.random(in: 0..<chance, using: &generator) == 0 ? nil : value
        }
        for offset in 0..<days {
            let day = first.adding(days: offset)
            facts.days.append(
                DayFact(
                    day: day, openedSeconds: offset % 7 == 6 ? 0 : 8 * 3600,
                    bookableSeconds: offset % 7 == 6 ? 0 : 5 * 3600))
            for _ in 0..<Int.random(in: 0...300, using: &generator) {
                let called = Int.random(in: 0..<12, using: &generator) != 0
                let longest = Int.random(in: 0..<40, using: &generator) == 0 ? 30_000 : 4000
                let outcome: VisitOutcome =
                    !called ? .unfinished : (Int.random(in: 0..<8, using: &generator) == 0 ? .noShow : .served)
                facts.visits.append(
                    VisitFact(
                        day: day, hour: Int.random(in: 7...18, using: &generator),
                        kind: VisitKind.allCases[Int.random(in: 0..<3, using: &generator)],
                        channel: Int.random(in: 0..<3, using: &generator) == 0
                            ? nil : channels[Int.random(in: 0..<3, using: &generator)],
                        group: ["A", "B", "C"][Int.random(in: 0..<3, using: &generator)],
                        services: services[Int.random(in: 0..<services.count, using: &generator)],
                        persons: Int.random(in: 1...3, using: &generator),
                        counter: called ? String(Int.random(in: 1...6, using: &generator)) : nil,
                        plannedSeconds: 600 * Int.random(in: 1...6, using: &generator),
                        waitSeconds: called ? Int.random(in: 0...longest, using: &generator) : nil,
                        toCounterSeconds: outcome == .served ? maybe(Int.random(in: 5...150, using: &generator)) : nil,
                        serviceSeconds: outcome == .served ? Int.random(in: 60...3600, using: &generator) : nil,
                        outcome: outcome))
            }
            for _ in 0..<Int.random(in: 0...150, using: &generator) {
                let cancelled = Int.random(in: 0..<10, using: &generator) == 0
                facts.bookings.append(
                    BookingFact(
                        day: day, hour: Int.random(in: 7...18, using: &generator),
                        channel: channels[Int.random(in: 0..<3, using: &generator)],
                        services: services[Int.random(in: 0..<services.count, using: &generator)],
                        persons: Int.random(in: 1...2, using: &generator), bookedSeconds: 1200,
                        leadSeconds: Int.random(in: 3600...(40 * 86_400), using: &generator),
                        cancelledBy: cancelled ? channels[Int.random(in: 0..<3, using: &generator)] : nil,
                        cancelNoticeSeconds: cancelled ? maybe(Int.random(in: -600...86_400, using: &generator)) : nil,
                        moves: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                            channels[Int.random(in: 0..<2, using: &generator)]
                        },
                        attended: !cancelled && Int.random(in: 0..<10, using: &generator) != 0))
            }
        }
        return facts
    }

    /// Which visits and bookings a row counts (Documentation/Statistics.md, "The breakdowns").
    static func belongs(_ visit: VisitFact, to row: StatisticsRow) -> Bool {
        switch row.dimension {
        case .day: visit.day.iso == row.key
        case .weekday: visit.day.weekday.key == row.key
        case .hour: String(visit.hour) == row.key
        case .group: visit.group == row.key
        case .service: visit.services == row.key
        case .channel: visit.channel?.rawValue == row.key
        case .counter: visit.counter == row.key
        }
    }

    static func made(_ booking: BookingFact, in row: StatisticsRow) -> Bool {
        switch row.dimension {
        case .day: booking.day.iso == row.key
        case .weekday: booking.day.weekday.key == row.key
        case .hour: String(booking.hour) == row.key
        case .service: booking.services == row.key
        case .channel: booking.channel.rawValue == row.key
        case .group, .counter: false
        }
    }

    static func summary(_ values: [Int], target: Int? = nil) -> DurationSummary {
        var clamped = values.map { Int32(clamping: $0) }
        return DurationSummary(sorting: &clamped, target: target)
    }

    /// Checks every row of `report` against its facts, filtered, sorted and summed the plain way.
    static func expectPlainFigures(
        of report: StatisticsReport, facts: StatisticsFacts, target: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let range = report.from...report.through
        let visits = facts.visits.filter { range.contains($0.day) }
        let bookings = facts.bookings.filter { range.contains($0.day) }
        let everything = StatisticsRow(dimension: .day, key: "", figures: report.total)
        for row in [everything] + report.rows {
            let isTotal = row.key.isEmpty
            let mine = visits.filter { isTotal || Self.belongs($0, to: row) }
            let booked = bookings.filter { isTotal || Self.made($0, in: row) }
            let figures = row.figures
            let label = Comment(rawValue: "\(report.from.iso)…\(report.through.iso) \(row.dimension) \(row.key)")
            #expect(figures.tickets == mine.count, label, sourceLocation: sourceLocation)
            #expect(
                figures.served == mine.filter { $0.outcome == .served }.count, label, sourceLocation: sourceLocation)
            #expect(
                figures.wait == Self.summary(mine.compactMap(\.waitSeconds), target: target), label,
                sourceLocation: sourceLocation)
            #expect(
                figures.toCounter == Self.summary(mine.compactMap(\.toCounterSeconds)), label,
                sourceLocation: sourceLocation)
            #expect(
                figures.service == Self.summary(mine.compactMap(\.serviceSeconds)), label,
                sourceLocation: sourceLocation)
            #expect(
                figures.planned == Self.summary(mine.filter { $0.outcome == .served }.map(\.plannedSeconds)),
                label, sourceLocation: sourceLocation)
            #expect(figures.bookings == booked.count, label, sourceLocation: sourceLocation)
            #expect(
                figures.leadTime == Self.summary(booked.map(\.leadSeconds)), label, sourceLocation: sourceLocation)
            #expect(
                figures.appointmentNoShows == booked.filter { $0.cancelledBy == nil && !$0.attended }.count,
                label, sourceLocation: sourceLocation)
            if row.dimension == .channel {
                #expect(
                    figures.cancelled == bookings.filter { $0.cancelledBy?.rawValue == row.key }.count, label,
                    sourceLocation: sourceLocation)
                #expect(
                    figures.moves == bookings.reduce(0) { $0 + $1.moves.filter { $0.rawValue == row.key }.count },
                    label, sourceLocation: sourceLocation)
            }
        }
        let days = facts.days.filter { range.contains($0.day) }
        #expect(report.total.days == days.filter { $0.openedSeconds > 0 }.count, sourceLocation: sourceLocation)
        #expect(report.total.openedSeconds == days.reduce(0) { $0 + $1.openedSeconds }, sourceLocation: sourceLocation)
    }

    /// The digests of each day of `facts`, one per day.
    static func digests(of facts: StatisticsFacts, days: Int) -> [DayDigest] {
        (0..<days).map { offset in
            let day = first.adding(days: offset)
            return DayDigest(
                day: day,
                facts: StatisticsFacts(
                    visits: facts.visits.filter { $0.day == day }, bookings: facts.bookings.filter { $0.day == day },
                    days: facts.days.filter { $0.day == day }))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyRowEqualsTheSummaryOfItsFactsSortedThePlainWay(seed: UInt64) throws {
        let facts = Self.facts(days: 40, seed: seed)
        let from = Self.first.adding(days: 3)
        let through = Self.first.adding(days: 33)
        let report = StatisticsReport(facts: facts, from: from, through: through, targetSeconds: 900)
        #expect(facts.visits.filter { (from...through).contains($0.day) }.count > 2000)
        Self.expectPlainFigures(of: report, facts: facts, target: 900)
        #expect(report.rows(.day).count == 31)
        #expect(report.total.days == 31 - report.rows(.day).filter { $0.figures.openedSeconds == 0 }.count)
    }

    /// Random ranges (a day, a few, most of the days, past either end) of the days' digests:
    /// each report equals the plain figures of the facts it was packed from.
    @Test(arguments: [UInt64(21), 22, 23, 24])
    func theReportOfDigestsEqualsThePlainFiguresOverRandomRanges(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let facts = Self.facts(days: 30, seed: seed)
        let digests = Self.digests(of: facts, days: 30)
        for _ in 0..<6 {
            let start = Int.random(in: -3..<30, using: &generator)
            let length = [0, 1, 6, Int.random(in: 0..<35, using: &generator)][Int.random(in: 0..<4, using: &generator)]
            let from = Self.first.adding(days: start)
            let through = from.adding(days: length)
            let target = Int.random(in: 60...2400, using: &generator)
            let report = try StatisticsReport(
                days: digests.shuffled(using: &generator), from: from, through: through, targetSeconds: target)
            Self.expectPlainFigures(of: report, facts: facts, target: target)
            #expect(report == StatisticsReport(facts: facts, from: from, through: through, targetSeconds: target))
        }
    }

    @Test func digestsHoldTheFactsAndGiveTheSameReport() throws {
        let facts = Self.facts(days: 10, seed: 9)
        var digests: [DayDigest] = []
        for offset in 0..<10 {
            let day = Self.first.adding(days: offset)
            let ofDay = StatisticsFacts(
                visits: facts.visits.filter { $0.day == day }, bookings: facts.bookings.filter { $0.day == day },
                days: facts.days.filter { $0.day == day })
            let digest = DayDigest(day: day, facts: ofDay)
            #expect(try digest.facts() == ofDay)
            #expect(try digest.day() == day)
            digests.append(digest)
        }
        let last = Self.first.adding(days: 9)
        #expect(
            try StatisticsReport(days: digests.shuffled(), from: Self.first, through: last, targetSeconds: 600)
                == StatisticsReport(facts: facts, from: Self.first, through: last, targetSeconds: 600))
    }

    @Test func aDamagedDigestIsRefusedNotTrusted() throws {
        let day = Self.first
        let facts = Self.facts(days: 1, seed: 4)
        let bytes = DayDigest(day: day, facts: facts).bytes
        #expect(bytes.count > 100)
        for length in 0..<bytes.count {
            #expect(throws: DigestError.self) { try DayDigest(bytes: Array(bytes.prefix(length))).facts() }
        }
        #expect(throws: DigestError.self) { try DayDigest(bytes: bytes + [0]).facts() }
        #expect(throws: DigestError.unknownVersion(2)) { try DayDigest(bytes: [2] + bytes.dropFirst()).facts() }
        // Any byte changed: read or refused, never a crash.
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? DayDigest(bytes: damaged).facts()
            _ = try? StatisticsReport(days: [DayDigest(bytes: damaged)], from: day, through: day)
        }
    }
}
