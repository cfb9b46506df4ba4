import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// The days' digests as stored, against the per-visit and per-booking rows stored beside them:
/// a report of any range reads the same figures from either.
@Suite struct StatisticsDigestTests {
    static let office = Fixtures.office("digest")
    static let first = Fixtures.date("2026-03-23")

    /// A day's random facts: a few hundred visits and bookings.
    static func facts(of day: LocalDate, using generator: inout SeededGenerator) -> StatisticsFacts {
        let channels: [Channel] = [.online, .hotline, .counter, .kiosk]
        let services = ["pass", "melde", "pass+melde"]
        var facts = StatisticsFacts(days: [
            DayFact(day: day, openedSeconds: day.weekday == .sunday ? 0 : 8 * 3600, bookableSeconds: 5 * 3600)
        ])
        for _ in 0..<Int.random(in: 0...400, using: &generator) {
            let called = Int.random(in: 0..<10, using: &generator) != 0
            let served = called && Int.random(in: 0..<8, using: &generator) != 0
            facts.visits.append(
                VisitFact(
                    day: day, hour: Int.random(in: 7...18, using: &generator),
                    kind: VisitKind.allCases[Int.random(in: 0..<3, using: &generator)],
                    channel: Bool.random(using: &generator) ? nil : channels[Int.random(in: 0..<3, using: &generator)],
                    group: ["A", "B"][Int.random(in: 0..<2, using: &generator)],
                    services: services[Int.random(in: 0..<3, using: &generator)],
                    persons: Int.random(in: 1...2, using: &generator),
                    counter: called ? "Schalter \(Int.random(in: 1...4, using: &generator))" : nil,
                    plannedSeconds: 1200, waitSeconds: called ? Int.random(in: 0...20_000, using: &generator) : nil,
                    toCounterSeconds: served ? Int.random(in: 5...120, using: &generator) : nil,
                    serviceSeconds: served ? Int.random(in: 60...3000, using: &generator) : nil,
                    outcome: served ? .served : (called ? .noShow : .unfinished)))
        }
        for _ in 0..<Int.random(in: 0...200, using: &generator) {
            let cancelled = Int.random(in: 0..<10, using: &generator) == 0
            facts.bookings.append(
                BookingFact(
                    day: day, hour: Int.random(in: 7...18, using: &generator),
                    channel: channels[Int.random(in: 0..<3, using: &generator)],
                    services: services[Int.random(in: 0..<3, using: &generator)], persons: 1, bookedSeconds: 1200,
                    leadSeconds: Int.random(in: 600...(30 * 86_400), using: &generator),
                    cancelledBy: cancelled ? channels[Int.random(in: 0..<3, using: &generator)] : nil,
                    cancelNoticeSeconds: cancelled ? Int.random(in: -300...86_400, using: &generator) : nil,
                    moves: Bool.random(using: &generator) ? [] : [.hotline], attended: Bool.random(using: &generator)))
        }
        return facts
    }

    @Test(arguments: [UInt64(5), 6, 7])
    func theDigestsGiveTheReportOfTheStoredRowsForRandomRanges(seed: UInt64) throws {
        try withTemporaryDirectory { directory in
            let connection = try SQLiteConnection(path: directory.file("statistics.sqlite"))
            _ = try RathausSchema.migrator.migrate(connection)
            var generator = SeededGenerator(seed: seed)
            let days = 21
            try connection.transaction(.immediate) {
                for offset in 0..<days {
                    let day = Self.first.adding(days: offset)
                    try connection.insertStatistics(
                        Self.facts(of: day, using: &generator), office: Self.office.id,
                        at: Instant(secondsSinceEpoch: 0))
                }
            }
            let last = Self.first.adding(days: days - 1)
            func expectSameReports() throws {
                for _ in 0..<8 {
                    let from = Self.first.adding(days: Int.random(in: -2..<days, using: &generator))
                    let through = min(last, from.adding(days: Int.random(in: 0..<days, using: &generator)))
                    let digests = try connection.statistics(
                        office: Self.office, services: [:], from: from, through: through, today: last.adding(days: 1))
                    let rows = try connection.storedStatistics(office: Self.office.id, from: from, through: through)
                    #expect(digests.count == max(0, through.dayNumber - max(from, Self.first).dayNumber + 1))
                    #expect(
                        try StatisticsReport(days: digests, from: from, through: through, targetSeconds: 900)
                            == StatisticsReport(facts: rows, from: from, through: through, targetSeconds: 900),
                        "\(from.iso)…\(through.iso)")
                }
            }
            try expectSameReports()
            // Days rolled up before digests existed: read from their rows, and packed by the
            // migration's step.
            try connection.execute("UPDATE statistics_day SET digest = NULL WHERE day % 3 = 0")
            try expectSameReports()
            try connection.packStatisticsDays()
            #expect(
                try connection.scalar("SELECT count(*) FROM statistics_day WHERE digest IS NULL", as: Int.self) == 0)
            try expectSameReports()
            try connection.close()
        }
    }
}
