import Foundation
import Synchronization

/// A vaccination release while the hall works (issue 21, item 3): the rush of `RushRun` (its
/// citizens on their own connections) and, at the same time and on other connections, the hall
/// of the same office (`HallScenario`: the kiosk, counters calling every few seconds, the hotline
/// booking by phone) and its displays (`DisplayWatcher`). Reports how long a call took to reach
/// the displays, the counters' and the hotline's latencies, beside the rush's own checks.
struct MixedRun {
    var rush: RushRun
    var hall: HallScenario.Options
    var hallConnections = 16
    var displays = 20

    struct Result {
        var rush: RushRun.Result
        var hallStatistics: LoadStatistics
        var calls: [HallScenario.Call]
        /// Seconds from a call's request to each display's receiving it.
        var callToDisplay: [Double]
        /// Calls some display never received.
        var missedByDisplays: Int
        var displaysOpened: Int
        var displayFailures: Int
        var hotlineBookings: Int
        var hallFailures: [String: Int]

        /// The checks on top of the rush's; empty when all hold.
        var problems: [String] {
            var problems = rush.problems
            if calls.isEmpty { problems.append("no ticket was called") }
            if missedByDisplays > 0 { problems.append("\(missedByDisplays) calls never reached a display") }
            if !hallFailures.isEmpty {
                problems.append(
                    "the hall got unexpected answers: "
                        + hallFailures.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(
                            separator: ", "))
            }
            if hallStatistics.unexpectedServerErrors > 0 {
                problems.append("\(hallStatistics.unexpectedServerErrors) unexpected 5xx answers to the hall")
            }
            return problems
        }

        func p99(_ route: String) -> Double {
            LoadStatistics.quantile(hallStatistics.routes.first { $0.name == route }?.latencies ?? [], 0.99)
        }
    }

    func run() throws -> Result {
        let watcher = DisplayWatcher(
            options: .init(
                host: rush.generator.host, port: rush.generator.port, office: hall.office, displays: displays))
        watcher.start()
        var hallGenerator = rush.generator
        hallGenerator.connections = hallConnections
        hallGenerator.serverPID = nil
        let hallRun = HallRun(configuration: hallGenerator, options: hall)
        hallRun.start()
        let rushResult = try rush.run()
        let hallResult = hallRun.stop()
        // The last calls' events are on their way: give the displays a moment.
        Thread.sleep(forTimeInterval: 1)
        let seen = watcher.stop()
        var latencies: [Double] = []
        var missed = 0
        for call in hallResult.calls {
            let arrivals = seen.arrivals[call.number] ?? []
            if arrivals.count < displays { missed += 1 }
            latencies.append(contentsOf: arrivals.map { $0 - call.sentAt })
        }
        return Result(
            rush: rushResult, hallStatistics: hallResult.statistics, calls: hallResult.calls,
            callToDisplay: latencies, missedByDisplays: missed, displaysOpened: seen.opened,
            displayFailures: seen.failures, hotlineBookings: hallResult.hotlineBookings,
            hallFailures: hallResult.failures)
    }
}

/// The hall's load generator on a thread of its own.
final class HallRun: @unchecked Sendable {
    // Invariant: `generator` and `scenario` are used on the hall's thread only, until `stop`
    // has waited for it; before, other threads only call `scenario.stop()`, which is atomic.
    private let generator: LoadGenerator
    private let scenario: HallScenario
    private let done = DispatchSemaphore(value: 0)
    private let error = Mutex<String?>(nil)

    init(configuration: LoadGenerator.Configuration, options: HallScenario.Options) {
        generator = LoadGenerator(configuration: configuration)
        scenario = HallScenario(options: options, statistics: generator.statistics)
    }

    func start() {
        let thread = Thread { [self] in
            do {
                try generator.run(scenario)
            } catch {
                self.error.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        thread.start()
    }

    /// Ends the hall (each client after its answer in flight) and waits for it.
    func stop() -> (
        statistics: LoadStatistics, calls: [HallScenario.Call], hotlineBookings: Int, failures: [String: Int]
    ) {
        scenario.stop()
        done.wait()
        var failures = scenario.failures
        if let error = error.withLock({ $0 }) { failures[error, default: 0] += 1 }
        return (generator.statistics, scenario.calls, scenario.hotlineBookings, failures)
    }
}

extension MixedRun.Result {
    /// The rush's report, then the hall's.
    var text: String {
        var lines = [
            rush.text.components(separatedBy: "\n").filter { !$0.hasPrefix("  check") }.joined(separator: "\n")
        ]
        lines.append(
            "  the hall meanwhile: \(calls.count) calls by \(Set(calls.map(\.number)).count == calls.count ? "" : "(repeated numbers!) ")the counters, \(hotlineBookings) bookings by phone, \(displaysOpened) display streams opened (\(displayFailures) dropped)"
        )
        lines.append(
            "    a call reaching the displays: p50 \(LoadStatistics.quantile(callToDisplay, 0.5).milliseconds) ms, p99 \(LoadStatistics.quantile(callToDisplay, 0.99).milliseconds) ms, at most \((callToDisplay.max() ?? 0).milliseconds) ms (\(callToDisplay.count) deliveries; \(missedByDisplays) calls missed by a display)"
        )
        for route in hallStatistics.routes where !route.latencies.isEmpty {
            lines.append(
                "    " + route.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + route.latencies.count.grouped.leftPadded(8)
                    + LoadStatistics.quantile(route.latencies, 0.5).milliseconds.leftPadded(10)
                    + LoadStatistics.quantile(route.latencies, 0.99).milliseconds.leftPadded(10) + " ms   "
                    + route.statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.grouped)" }.joined(
                        separator: ", "))
        }
        let problems = problems
        lines.append(
            problems.isEmpty
                ? "  checks: bookings = slots, zero overbooking, no unexpected 5xx, every call on every display: passed"
                : "  CHECKS FAILED: " + problems.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// The rush's `key=value` lines and the hall's.
    var summary: String {
        rush.summary
            + """
            calls=\(calls.count)
            call_display_p50_ms=\(LoadStatistics.quantile(callToDisplay, 0.5).milliseconds)
            call_display_p99_ms=\(LoadStatistics.quantile(callToDisplay, 0.99).milliseconds)
            calls_missed=\(missedByDisplays)
            call_next_p99_ms=\(p99("POST call-next").milliseconds)
            finish_p99_ms=\(p99("POST finish").milliseconds)
            hotline_booking_p99_ms=\(p99("POST bookings (hotline)").milliseconds)
            hotline_bookings=\(hotlineBookings)
            hall_passed=\(problems.isEmpty ? "yes" : "no")

            """
    }
}
