import App
import Foundation
import Scheduling

/// One "vaccination Monday" against a running server: finds the release, runs the citizens,
/// then reads what is left and what the database holds, and checks the outcome.
struct RushRun {
    var options: RushScenario.Options
    var generator: LoadGenerator.Configuration
    /// The server's configuration, to count the slots the release brings.
    var town: Municipality
    /// The server's database, for the audit (bookings stored, overbooked minutes).
    var databasePath: String?
    /// The slots the release should bring (checked when given).
    var expectedSlots: Int?

    /// Fairness of the waiting room: the admitted order against the order of arrival.
    struct Fairness {
        var admitPerMinute: Int
        var entrants: Int
        var early: Int
        /// Spearman's rank correlation of join order and place among those who joined before the
        /// release: about 0 when arriving earlier did not help.
        var earlyCorrelation: Double
        /// The same over all entrants (late ones queue behind, first come first served).
        var allCorrelation: Double
        /// Places admitted in the first minute, and how many of them went to early entrants.
        var firstMinute: Int
        var firstMinuteEarly: Int
        /// Share of early entrants admitted in the first minute among the first and the last
        /// tenth of them to arrive.
        var firstTenthAdmitted: Double
        var lastTenthAdmitted: Double
    }

    struct Result {
        var options: RushScenario.Options
        var connections: Int
        var releaseText: String
        /// Bookings the release can take (counted on the configuration).
        var slots: Int
        /// The most distinct start times one answer offered.
        var startsSeen: Int
        var leftFree: Int
        var bookings: Int
        var outcomes: [RushScenario.Outcome: Int]
        var failures: [String: Int]
        var statistics: LoadStatistics
        var audit: BookingAudit?
        var missingInDatabase: Int
        var memoryBefore: ProcessMemory?
        var memoryAfter: ProcessMemory?
        var peakDuringKiB: Int?
        var fairness: Fairness?
        var stoppedAtDeadline: Bool
        var expectedSlots: Int?
        var loadAverage: String
        /// CPU seconds the load generator used during the run.
        var generatorCPU: Double
        /// Whether the report shows latency second by second.
        var timeline = false

        /// The checks of the issue; empty when all hold.
        var problems: [String] {
            var problems: [String] = []
            if stoppedAtDeadline { problems.append("the run stopped at its time limit with citizens still active") }
            if bookings != slots { problems.append("bookings (\(bookings)) ≠ slots (\(slots))") }
            if let expectedSlots, slots != expectedSlots {
                problems.append("the release brought \(slots) slots, expected \(expectedSlots)")
            }
            if leftFree != 0 { problems.append("\(leftFree) free starts left while citizens gave up") }
            if let audit {
                if audit.overbookedMinutes != 0 {
                    problems.append("\(audit.overbookedMinutes) overbooked counter-minutes")
                }
                if audit.bookedForService != bookings {
                    problems.append("the database holds \(audit.bookedForService) bookings, \(bookings) were answered")
                }
                if missingInDatabase > 0 {
                    problems.append("\(missingInDatabase) answered bookings not in the database")
                }
            }
            if statistics.unexpectedServerErrors > 0 {
                problems.append("\(statistics.unexpectedServerErrors) 5xx answers other than 503 with Retry-After")
            }
            if statistics.transportErrors + statistics.timeouts > 0 {
                problems.append(
                    "\(statistics.transportErrors) requests without an answer, \(statistics.timeouts) timeouts")
            }
            if !failures.isEmpty {
                problems.append(
                    "unexpected answers: "
                        + failures.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
            }
            return problems
        }
    }

    func run() throws -> Result {
        let probe = ServerProbe(host: generator.host, port: generator.port)
        let serverTime = try probe.serverClock()
        let availabilityTarget = "/v1/offices/\(options.office)/availability?service=\(options.service)"
        let (status, body) = try probe.json(availabilityTarget, headers: [("X-Forwarded-For", "10.255.255.1")])
        guard status == 200, let body else {
            throw LoadTestError.server("GET \(availabilityTarget) answered \(status)")
        }
        var releaseAt = body["nextRelease"]?["at"]?.stringValue.flatMap { RFC3339.parse($0) }
        var admitPerMinute = 0
        if options.waitingRoom {
            let (roomStatus, room) = try probe.json(
                "/v1/waiting-rooms/\(options.service)", headers: [("X-Forwarded-For", "10.255.255.1")])
            guard roomStatus == 200, let room, let text = room["releaseAt"]?.stringValue,
                let release = RFC3339.parse(text)
            else {
                throw LoadTestError.server("\(options.service) has no waiting room (\(roomStatus))")
            }
            releaseAt = release
            admitPerMinute = room["admitPerMinute"]?.intValue ?? 0
        }
        let countedAt =
            releaseAt.map { $0.instant.adding(seconds: 1) }
            ?? Instant(secondsSinceEpoch: Int64(serverTime.server(LoadGenerator.now())))
        guard
            let slots = ReleasedSlots.count(
                town: town, office: OfficeID(options.office), service: ServiceID(options.service), at: countedAt)
        else { throw LoadTestError.server("the configuration has no office \(options.office)") }
        let memoryBefore = generator.serverPID.flatMap { ProcessMemory.read(pid: $0) }
        let loadAverage = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ")
            .prefix(3).joined(separator: " ")

        let engine = LoadGenerator(configuration: generator)
        let cpuBefore = ProcessCPU.seconds()
        let scenario = RushScenario(
            options: options, releaseAt: releaseAt?.instant.secondsSinceEpoch, serverTime: serverTime,
            statistics: engine.statistics, now: LoadGenerator.now())
        try engine.run(scenario)
        let generatorCPU = ProcessCPU.seconds() - cpuBefore

        let (_, after) = try probe.json(availabilityTarget, headers: [("X-Forwarded-For", "10.255.255.2")])
        let leftFree = (after?["days"]?.arrayValue ?? []).reduce(0) { $0 + ($1["slots"]?.arrayValue?.count ?? 0) }
        let memoryAfter = generator.serverPID.flatMap { ProcessMemory.read(pid: $0) }
        var audit: BookingAudit?
        var missing = 0
        if let databasePath {
            let read = try BookingAudit.read(path: databasePath, office: options.office, service: options.service)
            missing = scenario.bookingIDs.filter { !read.ids.contains($0) }.count
            audit = read
        }
        let outcomes = scenario.outcomes.reduce(into: [RushScenario.Outcome: Int]()) { $0[$1, default: 0] += 1 }
        return Result(
            options: options, connections: generator.connections,
            releaseText: releaseAt.map { RFC3339.format($0.instant, offsetSeconds: $0.offsetSeconds) } ?? "past",
            slots: slots, startsSeen: scenario.mostStartsSeen, leftFree: leftFree, bookings: outcomes[.booked] ?? 0,
            outcomes: outcomes,
            failures: scenario.failures, statistics: engine.statistics, audit: audit, missingInDatabase: missing,
            memoryBefore: memoryBefore, memoryAfter: memoryAfter, peakDuringKiB: engine.peakServerKiB,
            fairness: options.waitingRoom ? Self.fairness(scenario, admitPerMinute: admitPerMinute) : nil,
            stoppedAtDeadline: engine.stoppedAtDeadline, expectedSlots: expectedSlots,
            loadAverage: loadAverage ?? "?", generatorCPU: generatorCPU)
    }

    static func fairness(_ scenario: RushScenario, admitPerMinute: Int) -> Fairness {
        var all: [(order: Int, place: Int, early: Bool)] = []
        for citizen in 0..<scenario.clientCount {
            if let order = scenario.joinOrder[citizen], let place = scenario.places[citizen] {
                all.append((order, place, scenario.joinedEarly[citizen]))
            }
        }
        let early = all.filter(\.early).sorted { $0.order < $1.order }
        let firstMinute = all.filter { $0.place <= admitPerMinute }
        func admittedShare(_ group: ArraySlice<(order: Int, place: Int, early: Bool)>) -> Double {
            group.isEmpty ? 0 : Double(group.filter { $0.place <= admitPerMinute }.count) / Double(group.count)
        }
        let tenth = max(1, early.count / 10)
        return Fairness(
            admitPerMinute: admitPerMinute, entrants: all.count, early: early.count,
            earlyCorrelation: spearman(early.map { Double($0.order) }, early.map { Double($0.place) }),
            allCorrelation: spearman(all.map { Double($0.order) }, all.map { Double($0.place) }),
            firstMinute: firstMinute.count, firstMinuteEarly: firstMinute.filter(\.early).count,
            firstTenthAdmitted: admittedShare(early.prefix(tenth)),
            lastTenthAdmitted: admittedShare(early.suffix(tenth)))
    }

    /// Spearman's rank correlation of two series without ties: 1 − 6 Σd² / (n (n² − 1)).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let n = min(x.count, y.count)
        guard n > 2 else { return 0 }
        func ranks(_ values: [Double]) -> [Double] {
            var ranks = [Double](repeating: 0, count: values.count)
            for (rank, index) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() {
                ranks[index] = Double(rank)
            }
            return ranks
        }
        let rx = ranks(Array(x.prefix(n)))
        let ry = ranks(Array(y.prefix(n)))
        let sum = zip(rx, ry).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let count = Double(n)
        return 1 - 6 * sum / (count * (count * count - 1))
    }
}

extension RushRun.Result {
    /// The report for people.
    var text: String {
        let statistics = statistics
        var lines: [String] = []
        let kind = options.waitingRoom ? "with the waiting room" : "without a waiting room, first come"
        lines.append(
            "Vaccination Monday \(kind): \(options.citizens.grouped) citizens for \(options.service) at \(options.office), \(connections) connections"
        )
        lines.append(
            "  release \(releaseText); arrivals from \(options.before.short) s before to \(options.after.short) s after it; load average \(loadAverage)"
        )
        lines.append(
            "  slots released: \(slots) (\(startsSeen) start times on \(slots / max(1, startsSeen)) or more counters); left free after the run: \(leftFree) start times"
        )
        var made = "  bookings made: \(bookings)"
        if let audit {
            made +=
                " (database: \(audit.bookedForService) active for \(options.service) at \(options.office), \(missingInDatabase) answered ones missing)"
        }
        lines.append(made)
        if let audit {
            lines.append(
                "  overbooked counter-minutes: \(audit.overbookedMinutes) (every counter, \(audit.booked) active bookings in the file)"
            )
        }
        let outcomeText = [
            (RushScenario.Outcome.booked, "booked"), (.soldOut, "found none left"),
            (.admissionEnded, "admission ran out"),
            (.failed, "failed"), (.pending, "unfinished"),
        ].compactMap { outcome, label in outcomes[outcome].map { "\($0.grouped) \(label)" } }
        lines.append("  citizens: " + outcomeText.joined(separator: ", "))
        lines.append(
            "  answers: \(statistics.answers.grouped) in \(String(format: "%.1f", statistics.elapsed)) s = \(Int(statistics.throughput).grouped)/s; by status: "
                + statistics.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.grouped)" }.joined(
                    separator: ", "))
        lines.append(
            "  " + "route".padding(toLength: 24, withPad: " ", startingAt: 0)
                + "answers".leftPadded(10) + "p50 ms".leftPadded(10) + "p99 ms".leftPadded(10) + "   statuses")
        for route in statistics.routes where !route.latencies.isEmpty {
            lines.append(
                "  " + route.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + route.latencies.count.grouped.leftPadded(10)
                    + LoadStatistics.quantile(route.latencies, 0.5).milliseconds.leftPadded(10)
                    + LoadStatistics.quantile(route.latencies, 0.99).milliseconds.leftPadded(10) + "   "
                    + route.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.grouped)" }.joined(
                        separator: ", "))
        }
        lines.append(
            "  rejected (403, 409, 410, 429, 503): \(statistics.rejected.count.grouped), p99 \(LoadStatistics.quantile(statistics.rejected, 0.99).milliseconds) ms"
        )
        lines.append(
            "  unexpected 5xx: \(statistics.unexpectedServerErrors); no answer: \(statistics.transportErrors); timeouts: \(statistics.timeouts); failed connects: \(statistics.connectFailures); GETs resent after a close: \(statistics.resends)"
        )
        lines.append(
            "  load generator: \(String(format: "%.1f", generatorCPU)) s of CPU in the run (\(Int((100 * generatorCPU / max(statistics.elapsed, 0.001)).rounded())) % of one core), on the same machine"
        )
        if let before = memoryBefore, let after = memoryAfter {
            lines.append(
                "  server resident memory: \(before.residentKiB.mebibytes) MiB before, \((peakDuringKiB ?? after.residentKiB).mebibytes) MiB at most during the run, \(after.residentKiB.mebibytes) MiB after (VmHWM \(after.peakKiB.mebibytes) MiB)"
            )
        }
        if let fairness {
            lines.append(
                "  fairness: \(fairness.entrants.grouped) entrants, \(fairness.early.grouped) before the release; admitted \(fairness.admitPerMinute) a minute"
            )
            lines.append(
                "    rank correlation of arrival and place: \(String(format: "%+.3f", fairness.earlyCorrelation)) among early entrants (0: arrival did not matter), \(String(format: "%+.3f", fairness.allCorrelation)) over all"
            )
            lines.append(
                "    first minute: \(fairness.firstMinute) places, \(fairness.firstMinuteEarly) of them early entrants (\(fairness.firstMinute > 0 ? Int((100 * Double(fairness.firstMinuteEarly) / Double(fairness.firstMinute)).rounded()) : 0) %)"
            )
            lines.append(
                "    early entrants admitted in the first minute: first tenth to arrive \(String(format: "%.1f", 100 * fairness.firstTenthAdmitted)) %, last tenth \(String(format: "%.1f", 100 * fairness.lastTenthAdmitted)) %"
            )
        }
        if timeline {
            lines.append("  second  answers  p50 ms  p99 ms    max ms")
            for (second, latencies) in statistics.seconds.enumerated() where !latencies.isEmpty {
                lines.append(
                    "  " + String(second).leftPadded(6) + latencies.count.grouped.leftPadded(9)
                        + LoadStatistics.quantile(latencies, 0.5).milliseconds.leftPadded(8)
                        + LoadStatistics.quantile(latencies, 0.99).milliseconds.leftPadded(8)
                        + (latencies.max() ?? 0).milliseconds.leftPadded(10))
            }
        }
        let problems = problems
        lines.append(
            problems.isEmpty
                ? "  checks: bookings = slots, zero overbooking, no unexpected 5xx: passed"
                : "  CHECKS FAILED: " + problems.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// `key=value` lines for scripts.
    var summary: String {
        var values: [(String, String)] = [
            ("citizens", "\(options.citizens)"), ("slots", "\(slots)"), ("bookings", "\(bookings)"),
            ("left_free", "\(leftFree)"), ("overbooked_minutes", audit.map { "\($0.overbookedMinutes)" } ?? ""),
            ("answers", "\(statistics.answers)"), ("throughput", String(format: "%.0f", statistics.throughput)),
            ("unexpected_5xx", "\(statistics.unexpectedServerErrors)"),
            ("no_answer", "\(statistics.transportErrors + statistics.timeouts)"),
            ("rejected", "\(statistics.rejected.count)"),
            ("rejected_p99_ms", LoadStatistics.quantile(statistics.rejected, 0.99).milliseconds),
            ("status_503", "\(statistics.statuses[503] ?? 0)"), ("status_429", "\(statistics.statuses[429] ?? 0)"),
            ("rss_before_kib", memoryBefore.map { "\($0.residentKiB)" } ?? ""),
            ("rss_peak_kib", (peakDuringKiB ?? memoryAfter?.peakKiB).map { "\($0)" } ?? ""),
            ("rss_after_kib", memoryAfter.map { "\($0.residentKiB)" } ?? ""),
            ("generator_cpu_s", String(format: "%.1f", generatorCPU)),
            ("passed", problems.isEmpty ? "yes" : "no"),
        ]
        for route in statistics.routes where !route.latencies.isEmpty {
            let key = route.name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(
                of: "-", with: "_")
            values.append((key + "_p50_ms", LoadStatistics.quantile(route.latencies, 0.5).milliseconds))
            values.append((key + "_p99_ms", LoadStatistics.quantile(route.latencies, 0.99).milliseconds))
        }
        if let fairness {
            values.append(("early_entrants", "\(fairness.early)"))
            values.append(("early_rank_correlation", String(format: "%.3f", fairness.earlyCorrelation)))
            values.append(
                (
                    "first_minute_early_share",
                    String(format: "%.3f", Double(fairness.firstMinuteEarly) / Double(max(1, fairness.firstMinute)))
                ))
        }
        return values.map { "\($0.0)=\($0.1)" }.joined(separator: "\n") + "\n"
    }
}

extension Int {
    /// `12,345`.
    var grouped: String {
        let digits = String(abs(self))
        var text = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return self < 0 ? "-" + text : text
    }

    var mebibytes: String { String(format: "%.0f", Double(self) / 1024) }
}

extension Double {
    /// Seconds as milliseconds with two decimals.
    var milliseconds: String { String(format: "%.2f", self * 1000) }

    var short: String { self == rounded() ? String(Int(self)) : String(format: "%.1f", self) }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
