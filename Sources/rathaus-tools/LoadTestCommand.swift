import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus-tools loadtest`: the rush benchmarks of issue 8 against a running `rathaus serve`, and the
/// tools `Scripts/bench` uses around them.
enum LoadTestCommand: Subcommand {
    static let name = "loadtest"
    static let summary = "load a running server: vaccination Monday, durable bookings (see Scripts/bench-rush)"
    static let usage = """
        usage: rathaus-tools loadtest rush|waiting-room --port N [--host H] [--config FILE] [--office ID] [--service ID] [--citizens N]
                                      [--connections N] [--before S] [--after S] [--poll S] [--room-poll S] [--seed N]
                                      [--db FILE] [--server-pid PID] [--expect-slots N] [--max-seconds S] [--summary FILE] [--timeline]
               rathaus-tools loadtest mixed --port N --kiosk-token T --counter-token T --hotline-token T [--displays N]
                                      [--counters A,B,…] [--serve S] [--hotline N] [--hotline-every S] [rush options]
               rathaus-tools loadtest soak --port N [--config FILE] [--seconds S] [--bookings-per-second R]
                                      [--displays N] [--reopen S]
               rathaus-tools loadtest book --port N [--host H] [--service ID] [--connections N] [--seconds S] [--days N]
                                      [--summary FILE] [--record FILE]
               rathaus-tools loadtest insert-loop --dir DIR [--count N]
               rathaus-tools loadtest town [--offices N] [--counters N] [--out FILE]
               rathaus-tools loadtest fill --config FILE --db FILE [--bookings N]

        'rush' is vaccination Monday without a waiting room: --citizens virtual citizens (default
        10000) arrive at random moments from --before seconds before the service's next release to
        --after seconds after it (defaults 10 and 2), look at availability (again every --poll
        seconds, default 1, until the release), book a free start picked at random, and on a 409
        look again and book another, until they have one or nothing is left. 'waiting-room' is the
        same through the service's waiting room: join, poll the entry, book with the admission
        token once admitted (checking every --room-poll seconds, default 5, whether anything is
        left). Defaults: office halle-a, service impfung (rush) or halle-b, impfung-warteraum
        (waiting room) of --config (default Calendars/rush/impfzentrum.json, which must be the
        server's: the slots of the release are counted on it). Start the server with
        --trusted-proxy 127.0.0.1: every citizen sends its own address in X-Forwarded-For.

        The generator keeps --connections keep-alive connections (default 1000) and sends one
        request at a time on each. It reports bookings against slots, answers by status, p50 and
        p99 per route, throughput, the rejected answers' p99, the server's resident memory
        (--server-pid), the overbooked counter-minutes in --db, and for the waiting room the
        fairness of the admitted order (--timeline adds latency second by second). It exits 1 when bookings ≠ slots, a counter is overbooked,
        a 5xx other than 503 with Retry-After came, or a request got no answer.

        'mixed' runs the first-come rush (default office buergeramt of Calendars/rush/buergeramt.json,
        service impfung) while the same office's hall works on connections of its own: --displays
        event streams of the office (default 20), a kiosk drawing a walk-in ticket every half second,
        the --counters (default s1,s2,s3,s4) calling the next ticket and finishing it after
        --serve seconds (default 3), and --hotline agents (default 4) booking anmeldung by phone
        every --hotline-every seconds (default 3), all with staff tokens. It reports the rush as
        'rush' does and how long a call took to reach every display, and the p99 of call-next and
        of the hotline's bookings; it exits 1 when a rush check fails or a call missed a display.

        'soak' is the writing side of Scripts/bench-soak: for --seconds (default 60) citizens ask
        varied availability questions at every office of --config (default the demo), book one of
        the free starts and cancel the booking again, --bookings-per-second in all (default 2),
        while --displays event streams per office (default 2) are opened, read and closed again
        every --reopen seconds (default 10). It prints what was booked, cancelled and seen.

        'book' books distinct free starts of --service (default meldebescheinigung) at every office
        from tomorrow for --days days (default 7) with --connections clients (default 64) for
        --seconds (default 10) and prints durable bookings per second; --record appends the id of
        every booking answered 201 and the Unix time of the answer in milliseconds to FILE, one
        booking a line, as the answer comes (the recovery drill's
        list of acknowledged bookings). 'insert-loop' prints the
        plain SQLite loop's one-row inserts per commit per second in DIR (the reference).
        'town' writes the configuration of --offices offices (default 100) with --counters
        counters (default 5); 'fill' books --bookings (default 1000000) into a new database for it.
        """

    /// The municipality of the rush benchmarks.
    static let rushConfiguration = "Calendars/rush/impfzentrum.json"

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        switch try arguments.positional() {
        case "rush": return try rush(&arguments, waitingRoom: false)
        case "waiting-room": return try rush(&arguments, waitingRoom: true)
        case "mixed": return try mixed(&arguments)
        case "soak": return try soak(&arguments)
        case "book": return try book(&arguments)
        case "insert-loop": return try insertLoop(&arguments)
        case "town": return try town(&arguments)
        case "fill": return try fill(&arguments)
        default: throw UsageError("say which load: rush, waiting-room, mixed, soak, book, insert-loop, town or fill")
        }
    }

    static func generatorConfiguration(_ arguments: inout CommandArguments, connections: Int) throws
        -> LoadGenerator.Configuration
    {
        var configuration = LoadGenerator.Configuration()
        configuration.host = try arguments.option("host") ?? "127.0.0.1"
        guard let port = try arguments.intOption("port", in: 1...65_535) else {
            throw UsageError("--port is required: the port of a running rathaus serve")
        }
        configuration.port = port
        configuration.connections = try arguments.intOption("connections", in: 1...20_000) ?? connections
        return configuration
    }

    static func rush(_ arguments: inout CommandArguments, waitingRoom: Bool) throws -> Int32 {
        let run = try rushRun(&arguments, waitingRoom: waitingRoom, defaultOffice: waitingRoom ? "halle-b" : "halle-a")
        let summaryPath = try arguments.option("summary")
        let timeline = try arguments.flag("timeline")
        try arguments.finish()
        var result = try run.run()
        result.timeline = timeline
        print(result.text)
        if let summaryPath { try writeFile(result.summary, to: summaryPath) }
        return result.problems.isEmpty ? 0 : 1
    }

    /// The rush of `rush`, `waiting-room` and `mixed` from their common options.
    static func rushRun(
        _ arguments: inout CommandArguments, waitingRoom: Bool, defaultOffice: String,
        defaultConfiguration: String = rushConfiguration
    ) throws -> RushRun {
        var generator = try generatorConfiguration(&arguments, connections: 1000)
        var options = RushScenario.Options()
        options.waitingRoom = waitingRoom
        options.office = try arguments.option("office") ?? defaultOffice
        options.service = try arguments.option("service") ?? (waitingRoom ? "impfung-warteraum" : "impfung")
        options.citizens = try arguments.intOption("citizens", in: 1...1_000_000) ?? options.citizens
        options.before = try arguments.seconds("before") ?? options.before
        options.after = try arguments.seconds("after") ?? options.after
        options.poll = try arguments.seconds("poll") ?? options.poll
        options.roomPoll = try arguments.seconds("room-poll") ?? options.roomPoll
        options.seed = UInt64(try arguments.intOption("seed", in: 0...Int.max) ?? 1)
        generator.maxSeconds = try arguments.seconds("max-seconds") ?? generator.maxSeconds
        generator.serverPID = (try arguments.intOption("server-pid", in: 1...Int(Int32.max))).map { Int32($0) }
        let town = try MunicipalityLoader.load(path: try arguments.option("config") ?? defaultConfiguration)
        return RushRun(
            options: options, generator: generator, town: town, databasePath: try arguments.option("db"),
            expectedSlots: try arguments.intOption("expect-slots", in: 0...1_000_000))
    }

    /// The hall's configuration of `mixed`.
    static let mixedConfiguration = "Calendars/rush/buergeramt.json"

    static func mixed(_ arguments: inout CommandArguments) throws -> Int32 {
        var hall = HallScenario.Options()
        guard let kiosk = try arguments.option("kiosk-token"), let counter = try arguments.option("counter-token"),
            let hotline = try arguments.option("hotline-token")
        else { throw UsageError("--kiosk-token, --counter-token and --hotline-token are required") }
        hall.kioskToken = kiosk
        hall.counterToken = counter
        hall.hotlineToken = hotline
        if let list = try arguments.option("counters") { hall.counters = list.split(separator: ",").map(String.init) }
        hall.serveSeconds = try arguments.seconds("serve") ?? hall.serveSeconds
        hall.hotlineAgents = try arguments.intOption("hotline", in: 0...100) ?? hall.hotlineAgents
        hall.hotlineEvery = try arguments.seconds("hotline-every") ?? hall.hotlineEvery
        let displays = try arguments.intOption("displays", in: 1...1000) ?? 20
        let rush = try rushRun(
            &arguments, waitingRoom: false, defaultOffice: hall.office, defaultConfiguration: mixedConfiguration)
        hall.office = rush.options.office
        let summaryPath = try arguments.option("summary")
        let timeline = try arguments.flag("timeline")
        try arguments.finish()
        var result = try MixedRun(rush: rush, hall: hall, displays: displays).run()
        result.rush.timeline = timeline
        print(result.text)
        if let summaryPath { try writeFile(result.summary, to: summaryPath) }
        return result.problems.isEmpty ? 0 : 1
    }

    static func soak(_ arguments: inout CommandArguments) throws -> Int32 {
        var generator = try generatorConfiguration(&arguments, connections: 4)
        let town = try MunicipalityLoader.load(path: try arguments.option("config") ?? MunicipalityLoader.demoPath)
        let seconds = try arguments.seconds("seconds") ?? 60
        var options = SoakScenario.Options()
        options.clients = generator.connections
        if let rate = try arguments.option("bookings-per-second") {
            guard let value = Double(rate), value > 0, value <= 10_000 else {
                throw UsageError("--bookings-per-second must be a number from above 0 to 10000")
            }
            options.perSecond = value
        }
        let displays = try arguments.intOption("displays", in: 0...1000) ?? 2
        let reopen = try arguments.seconds("reopen") ?? 10
        try arguments.finish()
        options.offices = town.offices.map { office in
            let services = town.services.filter { service in
                office.offeredServices.contains(service.id) && service.bookableOnline && service.rush == nil
            }
            return (office.id.rawValue, services.map(\.id.rawValue).sorted())
        }.filter { !$0.services.isEmpty }
        guard !options.offices.isEmpty else { throw CommandFailure("no office offers a service to book online") }
        generator.maxSeconds = seconds + 60
        let watchers =
            displays == 0
            ? []
            : town.offices.map { office in
                DisplayWatcher(
                    options: .init(
                        host: generator.host, port: generator.port, office: office.id.rawValue, displays: displays,
                        reopenEvery: reopen))
            }
        for watcher in watchers { watcher.start() }
        let engine = LoadGenerator(configuration: generator)
        let scenario = SoakScenario(
            options: options, until: LoadGenerator.now() + seconds, statistics: engine.statistics)
        try engine.run(scenario)
        let seen = watchers.map { $0.stop() }
        let failures = scenario.failures.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
        print(
            """
            soak writes: \(scenario.booked) booked and \(scenario.cancelled) cancelled in \(Int(seconds)) s; display streams opened: \(seen.reduce(0) { $0 + $1.opened }), dropped: \(seen.reduce(0) { $0 + $1.failures }); unexpected: \(failures.isEmpty ? "none" : failures.joined(separator: ", "))
            """)
        return scenario.failures.isEmpty ? 0 : 1
    }

    static func book(_ arguments: inout CommandArguments) throws -> Int32 {
        let generator = try generatorConfiguration(&arguments, connections: 64)
        let service = try arguments.option("service") ?? "meldebescheinigung"
        let seconds = try arguments.seconds("seconds") ?? 10
        let days = try arguments.intOption("days", in: 1...92) ?? 7
        let summaryPath = try arguments.option("summary")
        let recordPath = try arguments.option("record")
        try arguments.finish()
        var record: Int32 = -1
        if let recordPath {
            record = open(recordPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard record >= 0 else { throw CommandFailure("cannot write \(recordPath)") }
        }
        defer { if record >= 0 { close(record) } }
        let probe = ServerProbe(host: generator.host, port: generator.port)
        let work = try BookingScenario.freeStarts(probe: probe, service: service, days: days, seed: 7)
        guard !work.isEmpty else { throw CommandFailure("no free starts of \(service) to book") }
        let engine = LoadGenerator(configuration: generator)
        let cpuBefore = ProcessCPU.seconds()
        let scenario = BookingScenario(
            work: work, service: service, clients: generator.connections, seconds: seconds,
            statistics: engine.statistics, now: LoadGenerator.now(), record: record)
        try engine.run(scenario)
        let cpu = ProcessCPU.seconds() - cpuBefore
        let latencies = engine.statistics.routes[scenario.route].latencies
        let refused = scenario.refused.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
        let ranOut =
            scenario.booked + scenario.refused.values.reduce(0, +) >= work.count
            ? " (every free start was booked before the time was up)" : ""
        print(
            """
            durable bookings through HTTP: \(scenario.booked.grouped) booked by \(generator.connections) clients in \(String(format: "%.1f", Double(scenario.booked) / max(scenario.rate, 1))) s = \(String(format: "%.0f", scenario.rate)) /s\(ranOut)
              p50 \(LoadStatistics.quantile(latencies, 0.5).milliseconds) ms, p99 \(LoadStatistics.quantile(latencies, 0.99).milliseconds) ms; refused: \(refused.isEmpty ? "none" : refused.joined(separator: ", ")); no answer: \(engine.statistics.transportErrors + engine.statistics.timeouts); load generator: \(String(format: "%.1f", cpu)) s of CPU
            """)
        if let summaryPath {
            let text = """
                bookings=\(scenario.booked)
                rate=\(String(format: "%.0f", scenario.rate))
                p50_ms=\(LoadStatistics.quantile(latencies, 0.5).milliseconds)
                p99_ms=\(LoadStatistics.quantile(latencies, 0.99).milliseconds)
                refused=\(scenario.refused.values.reduce(0, +))

                """
            try writeFile(text, to: summaryPath)
        }
        return 0
    }

    static func insertLoop(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let directory = try arguments.option("dir") else { throw UsageError("--dir is required") }
        let count = try arguments.intOption("count", in: 1...10_000_000) ?? 5000
        try arguments.finish()
        let path = directory + "/reference-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let start = ContinuousClock.now
        let rows = try ReferenceInsertLoop.run(path: path, count: count)
        let elapsed = (ContinuousClock.now - start).seconds
        print(String(format: "%.0f", Double(rows) / elapsed))
        return 0
    }

    static func town(_ arguments: inout CommandArguments) throws -> Int32 {
        let offices = try arguments.intOption("offices", in: 1...1000) ?? 100
        let counters = try arguments.intOption("counters", in: 1...64) ?? 5
        let out = try arguments.option("out")
        try arguments.finish()
        let text = BenchTown.configuration(offices: offices, counters: counters)
        if let out {
            try writeFile(text, to: out)
        } else {
            print(text, terminator: "")
        }
        return 0
    }

    static func fill(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let config = try arguments.option("config"), let db = try arguments.option("db") else {
            throw UsageError("--config and --db are required")
        }
        let bookings = try arguments.intOption("bookings", in: 1...100_000_000) ?? 1_000_000
        try arguments.finish()
        guard !FileManager.default.fileExists(atPath: db) else { throw CommandFailure("\(db) exists; fill a new file") }
        let town = try MunicipalityLoader.load(path: config)
        let start = ContinuousClock.now
        let made = try BenchTown.fill(town: town, path: db, bookings: bookings, now: ServerClock.system()) { line in
            Log.standardError("  filled \(line)")
        }
        let elapsed = (ContinuousClock.now - start).seconds
        print("\(made) bookings in \(String(format: "%.1f", elapsed)) s")
        return made == bookings ? 0 : 1
    }

    /// Writes `text` to `path`, failing with one line.
    private static func writeFile(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(
                "cannot write \(path): \((error as NSError).localizedFailureReason ?? "\(error.localizedDescription)")")
        }
    }
}

extension CommandArguments {
    /// A number of seconds (fractions allowed) from 0 to a day.
    mutating func seconds(_ name: String) throws(UsageError) -> Double? {
        guard let text = try option(name) else { return nil }
        guard let value = Double(text), value >= 0, value <= 86_400 else {
            throw UsageError("--\(name) must be a number of seconds from 0 to 86400")
        }
        return value
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
