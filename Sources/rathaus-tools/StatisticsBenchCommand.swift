import CSystem
import Dispatch
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus-tools bench-statistics`: how long the statistics of a busy office take to answer,
/// for a day, a month and a year, from a database holding a year of its facts.
enum StatisticsBenchCommand: Subcommand {
    static let name = "bench-statistics"
    static let summary = "time the statistics of a year of a busy office (about 200,000 visits)"
    static let usage = """
        usage: rathaus-tools bench-statistics [--visits N] [--runs N]

        Fills a temporary database with a year of rolled-up facts of one office (--visits, default
        200000, over 250 open days, with two bookings for every three visits), then reads and
        computes the report for the last day, week, month and the whole year --runs times each
        (default 9) and prints the median and the fastest time of each, with the machine's load
        average at the time, and the median CPU time of the thread (what the report costs whatever
        else the machine does): first from the days' digests (what the server does), then from the
        per-visit rows (what it did before digests). Build with -c release.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let visits = try arguments.intOption("visits", in: 1...5_000_000) ?? 200_000
        let runs = try arguments.intOption("runs", in: 1...1000) ?? 9
        try arguments.finish()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rathaus-bench-statistics-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.sqlite").path
        let connection = try SQLiteConnection(path: path)
        try RathausSchema.migrator.migrate(connection)
        let office = Office(
            id: "bench", name: "Bench", timeZone: OfficeTimeZone(identifier: "Europe/Berlin")!, state: "DE-SH",
            gridMinutes: 5, bookingStepMinutes: 10, openingHours: [], breaks: [], closures: [], counters: [],
            booking: BookingPolicy(), queue: QueuePolicy())
        var random = SystemRandomNumberGenerator()
        let first = LocalDate(iso: "2026-01-01")!
        var days: [LocalDate] = []
        var day = first
        while days.count < 250 {
            if day.weekday.rawValue <= 5 { days.append(day) }
            day = day.adding(days: 1)
        }
        let services = [
            "personalausweis", "reisepass", "anmeldung", "meldebescheinigung", "gewerbe", "personalausweis+reisepass",
        ]
        let started = Date()
        try connection.transaction(.immediate) {
            for (index, date) in days.enumerated() {
                let count = visits / days.count + (index < visits % days.count ? 1 : 0)
                var facts = StatisticsFacts(days: [
                    DayFact(day: date, openedSeconds: 8 * 3600, bookableSeconds: 6 * 3600)
                ])
                for _ in 0..<count {
                    let served = Int.random(in: 0..<100, using: &random) < 94
                    facts.visits.append(
                        VisitFact(
                            day: date, hour: Int.random(in: 8...17, using: &random),
                            kind: [.walkIn, .kiosk, .appointment][Int.random(in: 0..<3, using: &random)],
                            channel: [.online, .hotline, nil][Int.random(in: 0..<3, using: &random)],
                            group: ["A", "B", "C"][Int.random(in: 0..<3, using: &random)],
                            services: services[Int.random(in: 0..<services.count, using: &random)], persons: 1,
                            counter: String(Int.random(in: 1...10, using: &random)), plannedSeconds: 1200,
                            waitSeconds: Int.random(in: 0...3600, using: &random),
                            toCounterSeconds: Int.random(in: 10...120, using: &random),
                            serviceSeconds: served ? Int.random(in: 300...2400, using: &random) : nil,
                            outcome: served ? .served : .noShow))
                }
                for _ in 0..<(count * 2 / 3) {
                    facts.bookings.append(
                        BookingFact(
                            day: date, hour: Int.random(in: 8...17, using: &random),
                            channel: [.online, .hotline, .counter][Int.random(in: 0..<3, using: &random)],
                            services: services[Int.random(in: 0..<services.count, using: &random)], persons: 1,
                            bookedSeconds: 1200, leadSeconds: Int.random(in: 86_400...(30 * 86_400), using: &random),
                            cancelledBy: Int.random(in: 0..<10, using: &random) == 0 ? .online : nil,
                            cancelNoticeSeconds: nil, moves: [], attended: true))
                }
                try connection.insertStatistics(facts, office: office.id, at: Instant(secondsSinceEpoch: 0))
            }
        }
        try connection.close()
        print(
            String(
                format: "filled %d visits over %d days in %.1f s", visits, days.count, Date().timeIntervalSince(started)
            ))
        let reader = try SQLiteConnection(path: path)
        let last = days[days.count - 1]
        let ranges = [
            ("a day", last), ("a week", last.adding(days: -6)), ("a month", last.adding(days: -30)), ("a year", first),
        ]
        for fromRows in [false, true] {
            print(fromRows ? "from the per-visit rows:" : "from the days' digests:")
            for (label, from) in ranges {
                var times: [Double] = []
                var cpuTimes: [Double] = []
                var report: StatisticsReport?
                for _ in 0..<runs {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let cpuStart = cpuNanoseconds()
                    if fromRows {
                        let facts = try reader.storedStatistics(office: office.id, from: from, through: last)
                        report = StatisticsReport(facts: facts, from: from, through: last)
                    } else {
                        let digests = try reader.statistics(
                            office: office, services: [:], from: from, through: last, today: last.adding(days: 1))
                        report = try StatisticsReport(days: digests, from: from, through: last)
                    }
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    cpuTimes.append(Double(cpuNanoseconds() - cpuStart) / 1e6)
                }
                times.sort()
                cpuTimes.sort()
                print(
                    String(
                        format:
                            "  %@: %d visits, median %.1f ms, fastest %.1f ms, CPU median %.1f ms (%d runs); load average %@",
                        label, report?.total.tickets ?? 0, times[times.count / 2], times[0],
                        cpuTimes[cpuTimes.count / 2], runs, loadAverage()))
            }
        }
        return 0
    }

    /// The CPU time this thread has used, in nanoseconds: what the report cost, whatever else
    /// the machine is doing.
    static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The 1-, 5- and 15-minute load averages, as `uptime` shows them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
