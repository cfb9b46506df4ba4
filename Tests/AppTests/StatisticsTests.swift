import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Simulation
import Storage
import Testing

@testable import App

/// The statistics against the truth the day simulator recorded (Documentation/Statistics.md):
/// an ordinary day of the demo town and a 25-hour daylight-saving day, through the API after the
/// roll-up and before it; retention leaves them unchanged and no personal data behind; the CSV
/// files parse with Python's csv module.
@Suite(.serialized) struct StatisticsTests {
    /// Days simulated into a fresh file, and the API over it on a clock after them.
    final class Played {
        let directory: TemporaryDirectory
        let town: Municipality
        let truth: SimulationTruth
        let clock: SharedClock
        let database: Database
        let app: RathausApp
        let admin: String
        let from: LocalDate
        let through: LocalDate

        init(town: Municipality, from: String, through: String? = nil, seed: UInt64, rollUp: Bool = true) throws {
            directory = try TemporaryDirectory()
            self.town = town
            self.from = Fixtures.date(from)
            self.through = Fixtures.date(through ?? from)
            let path = directory.file("played.sqlite")
            truth = try SimulatedDays.play(
                municipality: town, path: path, from: self.from, through: self.through, seed: seed, rollUp: rollUp)
            clock = SharedClock(Fixtures.berlin.frame(of: self.through.adding(days: 1)).instant(elapsed: 9 * 60))
            database = try Database.open(path: path, municipality: town, clock: clock.read)
            app = try RathausApp(municipality: town, database: database, clock: clock.read, tokenCacheSeconds: 0)
            admin = try database.committer.withConnection { connection in
                try connection.createStaffToken(
                    role: .admin, office: nil, name: "test", now: Instant(secondsSinceEpoch: 0)
                )
                .token
            }
        }

        deinit { directory.remove() }

        func get(_ target: String, token: String?) -> InProcessClient.Answer {
            InProcessClient(app: app).send(.get, target, token: token)
        }

        func statistics(_ office: String, target: Int = 20) throws -> [String: Any] {
            let answer = get(
                "/v1/offices/\(office)/statistics?from=\(from.iso)&to=\(through.iso)&target=\(target)", token: admin)
            try #require(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            return answer.json
        }
    }

    static let demo = APIHarness.demo

    // MARK: Against the truth

    @Test func figuresEqualTheSimulatorsTruthOnAnOrdinaryDay() throws {
        let town = try #require(Self.demo)
        let played = try Played(town: town, from: "2026-11-10", seed: 7)
        #expect(played.truth.visits.count > 50)
        for office in ["rathaus", "nord"] {
            try expectFigures(played.statistics(office), equal: played.truth, office: office, zone: "Europe/Berlin")
        }
    }

    @Test func figuresEqualTheTruthOnTheTwentyFiveHourDayBeforeAndAfterTheRollUp() throws {
        let town = Self.nightOffice()
        let played = try Played(town: town, from: "2026-10-25", seed: 11, rollUp: false)
        #expect(played.truth.visits.count > 10)
        let live = try played.statistics("nacht")
        try expectFigures(live, equal: played.truth, office: "nacht", zone: "Europe/Berlin")
        // 00:30 to 05:30 on the day the clocks go back is six hours, on each of two counters.
        let total = try #require(live["total"] as? [String: Any])
        #expect(total["openedSeconds"] as? Int == 2 * 6 * 3600)
        let stored = try played.database.rollUpStatistics(
            offices: town.offices, services: town.services, now: played.clock.now)
        #expect(stored == 1)
        let rolled = try played.statistics("nacht")
        #expect(NSDictionary(dictionary: rolled) == NSDictionary(dictionary: live))
    }

    /// An office open on Sunday night around the change from summer time (2026-10-25, 03:00 CEST
    /// becomes 02:00 CET), so that the hour 2 happens twice.
    static func nightOffice() -> Municipality {
        let night = Fixtures.rule([.sunday], from: "00:30", to: "05:30")
        let office = Fixtures.office(
            "nacht", hours: [night],
            counters: [
                Fixtures.counter("1", skills: ["pass", "melde"], hours: [night]),
                Fixtures.counter("2", skills: ["pass", "melde"], hours: [night], contingent: .walkIn),
            ],
            booking: BookingPolicy(window: BookingWindow(minNoticeDays: 1, maxAdvanceDays: 60)))
        return Municipality(
            name: "Nachtstadt",
            services: [
                Fixtures.service("pass", minutes: 20, group: "A"), Fixtures.service("melde", minutes: 10, group: "B"),
            ],
            groups: [ServiceGroup(letter: "A", name: "Pässe"), ServiceGroup(letter: "B", name: "Melde")],
            offices: [office])
    }

    /// Checks the API's figures of `office` against figures computed here from the truth.
    private func expectFigures(
        _ json: [String: Any], equal truth: SimulationTruth, office: String, zone: String
    ) throws {
        let visits = truth.visits.filter { $0.office.rawValue == office }
        let bookings = truth.bookings.filter { $0.office.rawValue == office }
        let total = try #require(json["total"] as? [String: Any])
        let tickets = try #require(total["tickets"] as? [String: Any])
        #expect(tickets["walkIn"] as? Int == visits.filter { $0.kind == .walkIn }.count)
        #expect(tickets["kiosk"] as? Int == visits.filter { $0.kind == .kiosk }.count)
        #expect(tickets["appointment"] as? Int == visits.filter { $0.kind == .appointment }.count)
        #expect(total["served"] as? Int == visits.filter { $0.finishedAt != nil }.count)
        #expect(total["walkInNoShows"] as? Int == visits.filter { $0.noShow && $0.kind != .appointment }.count)
        #expect(total["unfinished"] as? Int == visits.filter { $0.finishedAt == nil && !$0.noShow }.count)
        let waits = visits.compactMap(Self.wait)
        try expectDurations(total["wait"], waits, target: 20 * 60)
        try expectDurations(
            total["service"],
            visits.compactMap { visit in
                visit.startedAt.flatMap { s in visit.finishedAt.map { Int(s.seconds(until: $0)) } }
            })
        try expectDurations(
            total["toCounter"],
            visits.compactMap { visit in
                visit.calledAt.flatMap { c in visit.startedAt.map { Int(c.seconds(until: $0)) } }
            })
        #expect(total["bookings"] as? Int == bookings.count)
        #expect(total["cancelled"] as? Int == bookings.filter { $0.cancelledAt != nil }.count)
        #expect(total["moves"] as? Int == bookings.reduce(0) { $0 + $1.moves.count })
        #expect(
            total["appointmentNoShows"] as? Int == bookings.filter { $0.cancelledAt == nil && !$0.attended }.count)
        try expectDurations(total["leadTime"], bookings.map { Int($0.createdAt.seconds(until: $0.start)) })
        // By hour of arrival, with the hour taken from Foundation's calendar, not ours.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let breakdowns = try #require(json["breakdowns"] as? [String: Any])
        let hours = try #require(breakdowns["hour"] as? [[String: Any]])
        let byHour = Dictionary(grouping: visits) {
            String(
                calendar.component(
                    .hour, from: Date(timeIntervalSince1970: TimeInterval($0.issuedAt.secondsSinceEpoch))))
        }
        #expect(Set(hours.compactMap { $0["key"] as? String }) == Set(byHour.keys))
        for row in hours {
            let key = try #require(row["key"] as? String)
            let expected = byHour[key] ?? []
            #expect((row["tickets"] as? [String: Any])?["total"] as? Int == expected.count, "hour \(key)")
            try expectDurations(row["wait"], expected.compactMap(Self.wait), target: 20 * 60)
        }
        // Bookings by the channel they were made on, cancellations and moves by the channel that made them.
        let channels = try #require(breakdowns["channel"] as? [[String: Any]])
        for channel in Channel.allCases {
            let row = channels.first { $0["key"] as? String == channel.rawValue }
            let made = bookings.filter { $0.channel == channel }.count
            let cancelled = bookings.filter { $0.cancelledBy == channel }.count
            let moved = bookings.reduce(0) { $0 + $1.moves.filter { $0 == channel }.count }
            #expect((row?["bookings"] as? Int ?? 0) == made, "\(channel)")
            #expect((row?["cancelled"] as? Int ?? 0) == cancelled, "\(channel)")
            #expect((row?["moves"] as? Int ?? 0) == moved, "\(channel)")
        }
    }

    static func wait(_ visit: SimulationTruth.Visit) -> Int? {
        guard let called = visit.calledAt else { return nil }
        let from = max(visit.issuedAt, visit.appointmentStart ?? visit.issuedAt)
        return max(0, Int(from.seconds(until: called)))
    }

    /// Count, mean, median, 90th percentile (linear between ranks), maximum and the count over
    /// `target`, computed here the plain way.
    private func expectDurations(_ value: Any?, _ values: [Int], target: Int? = nil) throws {
        let summary = try #require(value as? [String: Any])
        #expect(summary["count"] as? Int == values.count)
        guard !values.isEmpty else { return }
        let sorted = values.sorted().map(Double.init)
        func percentile(_ p: Double) -> Double {
            let h = (Double(sorted.count) - 1) * p
            let low = sorted[Int(h.rounded(.down))]
            let high = sorted[min(sorted.count - 1, Int(h.rounded(.down)) + 1)]
            return low + (h - h.rounded(.down)) * (high - low)
        }
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        #expect(abs((summary["mean"] as? Double ?? -1) - mean) <= 0.051)
        #expect(abs((summary["median"] as? Double ?? -1) - percentile(0.5)) <= 0.051)
        #expect(abs((summary["p90"] as? Double ?? -1) - percentile(0.9)) <= 0.051)
        #expect(summary["max"] as? Int == values.max())
        if let target { #expect(summary["overTarget"] as? Int == values.filter { $0 > target }.count) }
    }

    // MARK: Anonymity

    @Test func retentionLeavesTheStatisticsUnchangedAndNoPersonalData() throws {
        let town = try #require(Self.demo)
        let played = try Played(town: town, from: "2026-11-10", seed: 3)
        let before = try played.statistics("rathaus")
        let csvBefore = played.get(
            "/v1/offices/rathaus/statistics.csv?from=2026-11-10&to=2026-11-10", token: played.admin
        ).body
        let erased = try played.database.erasePersonalData(
            olderThanDays: 1, now: Fixtures.instant("2026-12-20T12:00"))
        #expect(erased > 0)
        #expect(NSDictionary(dictionary: try played.statistics("rathaus")) == NSDictionary(dictionary: before))
        #expect(
            played.get("/v1/offices/rathaus/statistics.csv?from=2026-11-10&to=2026-11-10", token: played.admin).body
                == csvBefore)
        let left = try played.database.committer.withConnection { connection in
            try connection.scalar(
                """
                SELECT count(*) FROM booking
                WHERE contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL
                """, as: Int.self)
        }
        #expect(left == 0)
        // The statistics' own tables hold nothing that leads to a person.
        let columns = try played.database.committer.withConnection { connection in
            try ["statistics_day", "statistics_visit", "statistics_booking"].flatMap { table in
                try connection.query("SELECT name FROM pragma_table_info(?)", [table]).map {
                    try $0.value(at: 0, as: String.self)
                }
            }
        }
        #expect(!columns.isEmpty)
        for column in columns {
            #expect(
                !["contact", "email", "phone", "name", "reference", "token", "ticket", "booking", "id"].contains {
                    column.contains($0)
                }, "\(column)")
        }
        // Nor is any contact left in the file's bytes (free pages and old cells included).
        try played.database.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: played.directory.file("played.sqlite")))
        #expect(bytes.range(of: Data("@example.org".utf8)) == nil)
        #expect(bytes.range(of: Data("Simulierte Person".utf8)) == nil)
    }

    // MARK: CSV

    @Test func csvFilesParseWithPythonsCsvModuleInBothDialects() throws {
        let town = try #require(Self.demo)
        let played = try Played(town: town, from: "2026-11-10", seed: 5)
        let json = try played.statistics("rathaus")
        let tickets = try #require((json["total"] as? [String: Any])?["tickets"] as? [String: Any])
        for (format, delimiter, encoding) in [("rfc4180", ",", "utf-8"), ("excel", ";", "utf-8-sig")] {
            let answer = played.get(
                "/v1/offices/rathaus/statistics.csv?from=2026-11-10&to=2026-11-10&format=\(format)",
                token: played.admin)
            #expect(answer.status == 200)
            #expect(Array(answer.body.prefix(3)) == (format == "excel" ? [0xEF, 0xBB, 0xBF] : Array("dim".utf8)))
            let file = played.directory.file("statistik-\(format).csv")
            try Data(answer.body).write(to: URL(fileURLWithPath: file))
            let script = """
                import csv, sys
                with open(sys.argv[1], newline='', encoding='\(encoding)') as f:
                    rows = list(csv.reader(f, delimiter='\(delimiter)', strict=True))
                header, body = rows[0], rows[1:]
                assert all(len(r) == len(header) for r in body), 'ragged rows'
                for r in body:
                    for name, value in zip(header[2:], r[2:]):
                        if value:
                            float(value.replace(',', '.') if '\(delimiter)' == ';' else value)
                total = dict(zip(header, body[0]))
                print(total['dimension'], total['tickets'], len(body), sorted(set(r[0] for r in body[1:])))
                """
            let output = try Self.python(script, file)
            let expected =
                "total \(tickets["total"] as? Int ?? -1) "
            #expect(output.hasPrefix(expected), "\(output)")
            #expect(output.contains("'hour'") && output.contains("'service'") && output.contains("'channel'"))
        }
    }

    static func python(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Access and the query

    @Test func statisticsNeedAnAdminTokenAndAGoodRange() throws {
        let harness = try APIHarness()
        let admin = try harness.staffToken(.admin)
        let counter = try harness.staffToken(.counter, office: "rathaus")
        #expect(harness.send(.get, "/v1/offices/rathaus/statistics").status == 401)
        #expect(harness.send(.get, "/v1/offices/rathaus/statistics", headers: [harness.bearer(counter)]).status == 403)
        #expect(
            harness.send(.get, "/staff/statistics/rathaus/report", headers: [harness.bearer(counter)]).status == 403)
        let ok = harness.send(.get, "/v1/offices/rathaus/statistics", headers: [harness.bearer(admin)])
        #expect(ok.status == 200)
        #expect(ok.json["from"] as? String == "2026-11-01")
        #expect(ok.json["to"] as? String == "2026-11-30")
        for bad in ["from=2026-13-01", "from=2026-11-02&to=2026-11-01", "target=0", "format=xlsx", "colour=red"] {
            let answer = harness.send(
                .get, "/v1/offices/rathaus/statistics\(bad.hasPrefix("format") ? ".csv" : "")?\(bad)",
                headers: [harness.bearer(admin)])
            #expect(answer.status == 400, "\(bad)")
        }
        #expect(harness.send(.get, "/v1/offices/nowhere/statistics", headers: [harness.bearer(admin)]).status == 404)
    }

    @Test func metricsShowTheWaitingTicketsAndTheLongestWaitPerOfficeAndGroup() throws {
        let harness = try APIHarness()
        harness.clock.set(Fixtures.instant("2026-12-07T09:00"))
        let kiosk = try harness.staffToken(.kiosk, office: "rathaus")
        for _ in 0..<2 {
            let issued = harness.send(
                .post, "/v1/offices/rathaus/tickets", headers: [harness.bearer(kiosk)],
                json: #"{"services":["personalausweis"]}"#)
            #expect(issued.status == 201)
            harness.clock.advance(minutes: 3)
        }
        let text = harness.send(.get, "/metrics").text
        #expect(text.contains("rathaus_queue_waiting{office=\"rathaus\",group=\"A\"} 2"))
        #expect(text.contains("rathaus_queue_waiting{office=\"rathaus\",group=\"B\"} 0"))
        #expect(text.contains("rathaus_queue_longest_wait_seconds{office=\"rathaus\",group=\"A\"} 360"))
        #expect(text.contains("# TYPE rathaus_queue_waiting gauge"))
    }
}
