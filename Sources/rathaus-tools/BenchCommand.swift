import App
import Foundation
import RathausCommandLine
import Scheduling

/// `rathaus-tools bench core`: how fast the scheduling core answers and decides, in memory.
enum BenchCommand: Subcommand {
    static let name = "bench"
    static let summary =
        "measure the scheduling core (in memory), durable storage, mail delivery or requests through the server"
    static let usage = """
        usage: rathaus-tools bench core [--config FILE] [--runs N] [--bookings N]
               rathaus-tools bench storage [--config FILE] [--callers N] [--bookings N] [--dir DIR]
               rathaus-tools bench mail --port PORT [--messages N] [--batch N] [--rounds N]
               rathaus-tools bench requests [--config FILE] [--scenarios A,B,…] [--count N] [--warm-up N] [--displays N]
                                            [--print-availability]

        On the demo municipality (or FILE) with --bookings existing bookings (default 10000), times an
        availability search over 90 days for one service and for three services for 2 persons, and
        counts booking decisions per second, all in memory. Prints the median of --runs runs
        (default 5). Build with -c release for meaningful figures.

        'storage' books --bookings (default 8000) free times through the office writers into a new
        database in DIR (default: a temporary directory), with --callers concurrent callers
        (default 32) and, for a quarter as many, with one caller; beside them, in the same run
        and directory, a plain loop of one-row insert transactions with the same pragmas.

        'mail' hands --messages (default 2000) confirmations to the SMTP relay at 127.0.0.1:PORT,
        --batch (default 100) per connection, with and without PIPELINING in alternating rounds
        (default 5); Scripts/bench-mail starts a local aiosmtpd for it.

        'requests' replays fixed requests through the whole server as 'rathaus serve' builds it
        (request log, admission control, router, request pipeline, office writers, committer,
        response encoder) over loopback connections, its event loop run on this thread, at a
        clock standing at Monday 7 December 2026, 09:30 in Berlin. Scenarios (default: all, in
        this order): \(RequestBenchmark.Scenario.allCases.map(\.rawValue).joined(separator: ", ")).
        Each runs --warm-up iterations (default 20), then --count measured ones (default 200)
        between two calls of rathaus_bench_mark; 'display' has --displays event streams open
        (default 4). Prints one line per scenario: the time per request and the callgrind dump
        that holds the measured requests; Scripts/bench-instructions runs it under
        valgrind --tool=callgrind --dump-before=rathaus_bench_mark and prints instructions per
        request. --print-availability prints the body of the 'availability' scenario's answer
        instead (for nginx to serve the same bytes).
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let what = try arguments.positional()
        guard what == "core" || what == "storage" || what == "mail" || what == "requests" else {
            throw UsageError("say what to measure: 'rathaus-tools bench core', 'storage', 'mail' or 'requests'")
        }
        if what == "mail" {
            guard let port = try arguments.intOption("port", in: 1...65_535) else {
                throw UsageError("say where the relay listens: --port PORT")
            }
            let messages = try arguments.intOption("messages", in: 1...1_000_000) ?? 2000
            let batch = try arguments.intOption("batch", in: 1...100_000) ?? 100
            let rounds = try arguments.intOption("rounds", in: 1...100) ?? 5
            try arguments.finish()
            print(try MailBenchmark(port: port, messages: messages, batch: batch, rounds: rounds).run())
            return 0
        }
        if what == "requests" { return try requests(&arguments) }
        let path = try arguments.option("config") ?? MunicipalityLoader.demoPath
        if what == "storage" {
            let callers = try arguments.intOption("callers", in: 1...1024) ?? 32
            let bookings = try arguments.intOption("bookings", in: 100...100_000) ?? 8000
            let explicit = try arguments.option("dir")
            try arguments.finish()
            let directory =
                explicit ?? (FileManager.default.temporaryDirectory.path + "/rathaus-bench-\(UUID().uuidString)")
            if let explicit, let contents = try? FileManager.default.contentsOfDirectory(atPath: explicit),
                !contents.isEmpty
            {
                throw CommandFailure(
                    "\(explicit) is not empty; the storage benchmark writes into an empty or new directory")
            }
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot make the directory \(directory)")
            }
            defer { if explicit == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let town = try MunicipalityLoader.load(path: path)
            print(
                try StorageBenchmark(municipality: town, directory: directory, callers: callers, bookings: bookings)
                    .run())
            return 0
        }
        let runs = try arguments.intOption("runs", in: 1...100) ?? 5
        let existing = try arguments.intOption("bookings", in: 0...1_000_000) ?? 10_000
        try arguments.finish()
        let town = try MunicipalityLoader.load(path: path)
        let result = try CoreBenchmark(municipality: town, existingBookings: existing).run(runs: runs)
        print(result)
        return 0
    }
}

extension BenchCommand {
    /// `rathaus-tools bench requests`.
    static func requests(_ arguments: inout CommandArguments) throws -> Int32 {
        var options = RequestBenchmark.Options()
        options.configuration = try arguments.option("config") ?? options.configuration
        if let list = try arguments.option("scenarios") {
            options.scenarios = try list.split(separator: ",").map { name in
                guard let scenario = RequestBenchmark.Scenario(rawValue: String(name)) else {
                    throw UsageError(
                        "unknown scenario '\(name)'; there are "
                            + RequestBenchmark.Scenario.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return scenario
            }
        }
        options.count = try arguments.intOption("count", in: 1...100_000) ?? options.count
        options.warmUp = try arguments.intOption("warm-up", in: 0...100_000) ?? options.warmUp
        options.displays = try arguments.intOption("displays", in: 1...1000) ?? options.displays
        let printAvailability = try arguments.flag("print-availability")
        try arguments.finish()
        if printAvailability {
            do {
                FileHandle.standardOutput.write(Data(try RequestBenchmark(options: options).availabilityAnswer()))
            } catch let failure as RequestBenchmark.Failure {
                throw CommandFailure(failure.description)
            }
            return 0
        }
        do {
            try RequestBenchmark(options: options).run { figure in
                let perRequest = Double(figure.nanoseconds) / Double(max(1, figure.requests)) / 1000
                print(
                    "scenario=\(figure.scenario.rawValue) iterations=\(figure.iterations) requests=\(figure.requests) "
                        + "dump=\(figure.dump) microseconds_per_request=\(String(format: "%.2f", perRequest))")
            }
        } catch let failure as RequestBenchmark.Failure {
            throw CommandFailure(failure.description)
        }
        return 0
    }
}

/// The core benchmark: a municipality filled with bookings, then timed searches and decisions.
struct CoreBenchmark {
    let municipality: Municipality
    let existingBookings: Int
    /// Monday 7 December 2026, 07:30 Berlin: a fixed "now" so that runs compare.
    let now = Instant(secondsSinceEpoch: 1_796_625_000)

    struct Figures: CustomStringConvertible {
        var bookings: Int
        var searchOne: [Double]
        var searchThree: [Double]
        var slotsOne: Int
        var slotsThree: Int
        var decisionsPerSecond: [Double]
        var decided: Int
        var booked: Int

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }

        var description: String {
            """
            scheduling core, in memory, \(bookings) existing bookings, median of \(searchOne.count) runs
              availability over 90 days, 1 service (personalausweis):       \(String(format: "%8.1f", Self.median(searchOne))) µs  (\(slotsOne) starts)
              availability over 90 days, 3 services for 2 persons (50 min):\(String(format: "%8.1f", Self.median(searchThree))) µs  (\(slotsThree) starts)
              booking decisions per second (\(decided) decisions, \(booked) booked): \(String(format: "%10.0f", Self.median(decisionsPerSecond)))
            """
        }
    }

    /// The municipality with windows opened to 120 days, so that a 90-day search covers 90 days.
    var widened: Municipality {
        var town = municipality
        for index in town.offices.indices {
            town.offices[index].booking.window.maxAdvanceDays = 120
            town.offices[index].booking.window.minNoticeDays = 0
            town.offices[index].booking.maxActivePerContact = 100
        }
        for index in town.services.indices { town.services[index].window = nil }
        return town
    }

    /// Schedules for every office, holding `existingBookings` bookings spread over 90 days.
    func filledSchedules() -> [OfficeSchedule] {
        let town = widened
        var schedules = town.offices.map { OfficeSchedule(office: $0, services: town.services) }
        let zone = town.offices[0].timeZone
        let today = zone.local(now).date
        for index in schedules.indices { schedules[index].prepare(from: today, through: today.adding(days: 120)) }
        var random = SplitMix(seed: 42)
        var made = 0
        var attempts = 0
        while made < existingBookings, attempts < existingBookings * 20 {
            attempts += 1
            let index = Int(random.next() % UInt64(schedules.count))
            let office = schedules[index].office
            let counter = office.counters[Int(random.next() % UInt64(office.counters.count))]
            let skills = counter.skills.sorted()
            let service = skills[Int(random.next() % UInt64(skills.count))]
            let day = today.adding(days: Int(random.next() % 90))
            let frame = schedules[index].day(day).frame
            let start = frame.instant(elapsed: 7 * 60 + Int(random.next() % 66) * 10)
            let request = SlotRequest(services: [service], persons: 1, start: start, channel: .counter)
            if (try? schedules[index].book(
                request, id: BookingID("x\(attempts)"), reference: "X\(attempts)",
                contact: Contact(name: "Bench", email: "b\(attempts)@example.org"), now: now)) != nil
            {
                made += 1
            }
        }
        return schedules
    }

    static let one: [ServiceID] = ["personalausweis"]
    static let three: [ServiceID] = ["anmeldung", "meldebescheinigung", "abmeldung"]

    func run(runs: Int) throws -> Figures {
        let schedules = filledSchedules()
        let rathaus = schedules[0]
        let today = rathaus.office.timeZone.local(now).date
        let last = today.adding(days: 89)
        // Refused queries would time an error path: check both once first.
        _ = try rathaus.availability(services: Self.one, persons: 1, channel: .online, from: today, to: last, now: now)
        _ = try rathaus.availability(
            services: Self.three, persons: 2, channel: .hotline, from: today, to: last, now: now)
        var figures = Figures(
            bookings: schedules.reduce(0) { $0 + $1.bookings.count }, searchOne: [], searchThree: [], slotsOne: 0,
            slotsThree: 0, decisionsPerSecond: [], decided: 0, booked: 0)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let repetitions = 200
            var slots = 0
            let one = clock.measure {
                for _ in 0..<repetitions {
                    let result = try? rathaus.availability(
                        services: Self.one, persons: 1, channel: .online, from: today, to: last, now: now)
                    slots = result?.days.reduce(0) { $0 + $1.startMinutes.count } ?? 0
                }
            }
            figures.slotsOne = slots
            figures.searchOne.append(microseconds(one) / Double(repetitions))
            let three = clock.measure {
                for _ in 0..<repetitions {
                    let result = try? rathaus.availability(
                        services: ["anmeldung", "meldebescheinigung", "abmeldung"], persons: 2, channel: .hotline,
                        from: today,
                        to: last, now: now)
                    slots = result?.days.reduce(0) { $0 + $1.startMinutes.count } ?? 0
                }
            }
            figures.slotsThree = slots
            figures.searchThree.append(microseconds(three) / Double(repetitions))
            let (rate, decided, booked) = decisions()
            figures.decisionsPerSecond.append(rate)
            figures.decided = decided
            figures.booked = booked
        }
        return figures
    }

    /// Books a 5-minute service at every start of 90 days on a fresh Rathaus schedule, counting
    /// decisions (bookings and refusals) per second.
    func decisions() -> (perSecond: Double, decided: Int, booked: Int) {
        let town = widened
        var schedule = OfficeSchedule(office: town.offices[0], services: town.services)
        let today = schedule.office.timeZone.local(now).date
        schedule.prepare(from: today, through: today.adding(days: 120))
        var requests: [(SlotRequest, BookingID, String, Contact)] = []
        for offset in 0..<90 {
            let frame = schedule.day(today.adding(days: offset)).frame
            for minute in stride(from: 8 * 60, to: 18 * 60, by: 10) {
                for copy in 0..<4 {
                    let number = requests.count
                    requests.append(
                        (
                            SlotRequest(
                                services: ["meldebescheinigung"], persons: 1, start: frame.instant(elapsed: minute),
                                channel: .counter),
                            BookingID("d\(number)"), "D\(number)-\(copy)",
                            Contact(name: "Bench", email: "d\(number)@example.org")
                        ))
                }
            }
        }
        var booked = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for (request, id, reference, contact) in requests {
                if (try? schedule.book(request, id: id, reference: reference, contact: contact, now: now)) != nil {
                    booked += 1
                }
            }
        }
        return (Double(requests.count) / seconds(elapsed), requests.count, booked)
    }

    func microseconds(_ duration: Duration) -> Double { seconds(duration) * 1_000_000 }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// SplitMix64, for a benchmark that fills the same bookings on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
