import App
import Foundation
import HTTPServer
import Scheduling
import Storage
import Synchronization

/// `rathaus-tools bench requests`: a fixed set of requests replayed through the real server, as
/// `rathaus serve` builds it (the request log, admission control and rate limits, the router, the
/// request pipeline, the office writers and the committer, the response encoder), over loopback
/// TCP connections, with the event loop run on the calling thread. Under
/// `valgrind --tool=callgrind --dump-before=rathaus_bench_mark` every scenario's measured requests
/// lie between two marks, so `Scripts/bench-instructions` reads instructions per request from
/// the dumps; without valgrind it prints the time per request.
///
/// The server's clock stands still at Monday 7 December 2026, 09:30 in Berlin (the Rathaus is
/// open), so that every run asks and books the same; availability answers are cached for an hour
/// of real time, so that a hit stays a hit however slowly valgrind runs.
struct RequestBenchmark {
    enum Scenario: String, CaseIterable {
        /// `GET /healthz`: the floor, the server without the pipeline's work.
        case healthz
        /// `GET /v1/offices`: ready bytes through the pipeline (conditional, ETag).
        case offices
        /// The same availability question again and again: a cache hit (14 days).
        case availability
        /// A 92-day question, again and again: a larger cached answer.
        case availability92 = "availability-92"
        /// A different question every request: the search, the JSON and storing the answer.
        case availabilityMiss = "availability-miss"
        /// `POST /v1/holds` at a different free start each time.
        case hold
        /// `POST /v1/bookings` of a different free start each time, with its own contact.
        case booking
        /// A counter calls the next walk-in ticket and finishes it (two requests).
        case callNext = "call-next"
        /// The same with `displays` event streams of the office open, each sent the changes.
        case display

        /// Requests one iteration sends.
        var requestsPerIteration: Int { self == .callNext || self == .display ? 2 : 1 }
    }

    enum Failure: Error, CustomStringConvertible {
        case setUp(String)
        case noAnswer(String)
        case unexpected(String, status: Int, body: String)

        var description: String {
            switch self {
            case .setUp(let text): "set-up failed: \(text)"
            case .noAnswer(let request): "no answer to \(request)"
            case .unexpected(let what, let status, let body): "\(what): status \(status): \(body.prefix(300))"
            }
        }
    }

    struct Options {
        var scenarios = Scenario.allCases
        /// Measured iterations per scenario.
        var count = 200
        /// Iterations before the measured ones, outside the marks.
        var warmUp = 20
        /// Event streams open in the `display` scenario.
        var displays = 4
        var configuration = MunicipalityLoader.demoPath
    }

    /// 09:30 on Monday 7 December 2026 in Berlin.
    static let now = Instant(secondsSinceEpoch: 1_796_632_200)
    static let office = "rathaus"
    /// The walk-in counter that calls the tickets, and the service they are drawn for.
    static let counter = "6"
    static let ticketService = "meldebescheinigung"
    static let bookedService = "meldebescheinigung"

    let options: Options

    /// One measured scenario: its requests and the time they took.
    struct Figure {
        var scenario: Scenario
        var iterations: Int
        var requests: Int
        var nanoseconds: Int
        /// The callgrind dump (`callgrind.out.<pid>.<n>`) that holds exactly the measured iterations.
        var dump: Int
    }

    func run(report: (Figure) -> Void) throws {
        let (session, directory) = try start()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var dump = 0
        for scenario in options.scenarios {
            let work = try session.prepare(scenario)
            for index in 0..<options.warmUp { try work(index) }
            dump += 1
            benchmarkMark(dump)
            let began = ContinuousClock.now
            for index in options.warmUp..<(options.warmUp + options.count) { try work(index) }
            let elapsed = ContinuousClock.now - began
            dump += 1
            benchmarkMark(dump)
            let nanoseconds =
                Int(elapsed.components.seconds) * 1_000_000_000
                + Int(elapsed.components.attoseconds / 1_000_000_000)
            report(
                Figure(
                    scenario: scenario, iterations: options.count,
                    requests: options.count * scenario.requestsPerIteration, nanoseconds: nanoseconds, dump: dump))
        }
    }

    /// The body of the `availability` scenario's answer, as the benchmark's server gives it (for
    /// a reference server to serve the same bytes).
    func availabilityAnswer() throws -> [UInt8] {
        let (session, directory) = try start()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try session.availabilityAnswer()
    }

    /// The server over a new database in a temporary directory, and its session.
    private func start() throws -> (Session, String) {
        let town = try MunicipalityLoader.load(path: options.configuration)
        guard town.offices.contains(where: { $0.id.rawValue == Self.office }) else {
            throw Failure.setUp("the municipality has no office '\(Self.office)'")
        }
        let directory = FileManager.default.temporaryDirectory.path + "/rathaus-requests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var admission = AdmissionConfiguration()
        admission.requestsPerSecond = 1_000_000
        admission.burst = 1_000_000
        var http = HTTPServer.Configuration()
        http.port = 0
        let server = try RathausServer(
            municipality: town, databasePath: directory + "/bench.sqlite", configuration: http, admission: admission,
            availabilityCache: AvailabilityCache(lifetime: 3600), clock: { Self.now })
        return (try Session(server: server, town: town, options: options), directory)
    }
}

/// Where callgrind dumps its counts (`--dump-before=rathaus_bench_mark`): a plain symbol name, as
/// valgrind does not demangle Swift's, in a function that is never inlined.
@_silgen_name("rathaus_bench_mark")
@inline(never)
func benchmarkMark(_ number: Int) {
    marks.add(number, ordering: .relaxed)
}

private let marks = Atomic<Int>(0)
