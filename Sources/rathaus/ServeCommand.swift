import App
import Foundation
import HTTPServer
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus serve` (and `rathaus` alone): serves a municipality over HTTP.
enum ServeCommand: Subcommand {
    static let name = "serve"
    static let summary = "serve the API and the pages (the default command)"
    static let usage = """
        usage: rathaus serve [--config FILE] [--db FILE] [--host HOST] [--port N] [--threads N] [--clock YYYY-MM-DDTHH:MM[:SS]]
                             [--rate N] [--burst N] [--max-in-flight N] [--trusted-proxy ADDRESS]… [--demo-month]
                             [--instances FILE --instance NAME] [--litestream] [--log-format text|json]

        Serves the municipality of --config (default: \(MunicipalityLoader.demoPath)) from the
        database --db (default: $RATHAUS_DB, else ./rathaus.sqlite, created on first start) on
        http://HOST:PORT (default 127.0.0.1:8080). Logs one line per request on stderr (route
        patterns only: no tokens, no personal data). SIGTERM or SIGINT stop it gracefully.

        --clock starts the server's clock at that local time of the first office (it then runs
        forward), to show an open office's queue at night or to rehearse a release (seconds are
        optional); never the default.

        Public requests are limited per client to --rate a second (default 20) with bursts of
        --burst (40), and to --max-in-flight at once (512): beyond, 429 or 503 with Retry-After.
        Requests with a valid staff token are not limited. --trusted-proxy (repeatable) names a
        reverse proxy whose X-Forwarded-For gives the client's address.

        --demo-month serves the file --db (default here: ./rathaus-demo-month.sqlite) after the
        day simulator has played last month into it, when it does not exist yet (a minute or
        two), so that the statistics page (/staff/statistics) has something to show.

        --instances FILE --instance NAME: the town's offices are spread over several instances
        (FILE lists each with its address and offices); this one serves NAME's offices from its
        own database, passes requests for the others' offices on to them and asks them in searches
        across offices. `rathaus proxy-config` writes the reverse proxy's routes from FILE.

        --litestream: Litestream replicates the database and does all checkpoints; Rathaus then
        neither checkpoints after commits nor when it stops. --log-format json writes one JSON
        object per line instead of key=value.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let explicitDB = try arguments.option("db")
        let demoMonth = try arguments.flag("demo-month")
        let db = demoMonth ? (explicitDB ?? "rathaus-demo-month.sqlite") : DatabaseLocation.path(explicit: explicitDB)
        var configuration = HTTPServer.Configuration()
        configuration.host = try arguments.option("host") ?? "127.0.0.1"
        configuration.port = try arguments.intOption("port", in: 0...65_535) ?? 8080
        configuration.eventLoopCount = try arguments.intOption("threads", in: 1...64) ?? configuration.eventLoopCount
        let clockText = try arguments.option("clock")
        var admission = AdmissionConfiguration()
        if let rate = try arguments.intOption("rate", in: 1...1_000_000) { admission.requestsPerSecond = Double(rate) }
        if let burst = try arguments.intOption("burst", in: 1...1_000_000) { admission.burst = Double(burst) }
        if let inFlight = try arguments.intOption("max-in-flight", in: 1...1_000_000) {
            admission.maxPublicInFlight = inFlight
        }
        for proxy in try arguments.repeatedOption("trusted-proxy") {
            guard let address = canonicalIPAddress(proxy) else {
                throw UsageError("--trusted-proxy must be an IP address such as 127.0.0.1 or ::1, not '\(proxy)'")
            }
            admission.trustedProxies.insert(address)
        }
        let instancesPath = try arguments.option("instances")
        let instanceName = try arguments.option("instance")
        let litestream = try arguments.flag("litestream")
        if let format = try arguments.option("log-format") {
            guard let chosen = LogFormat(rawValue: format) else {
                throw UsageError("--log-format must be text or json, not '\(format)'")
            }
            Log.format = chosen
        }
        guard (instancesPath == nil) == (instanceName == nil) else {
            throw UsageError("--instances FILE and --instance NAME go together")
        }
        try arguments.finish()
        let document = try ConfigurationDocument.read(file: config)
        let fileName = (config as NSString).lastPathComponent
        let fileTown: Municipality
        do {
            fileTown = try document.municipality { Log.standardError("rathaus: warning: \(fileName): \($0)") }
        } catch {
            throw ConfigurationError(file: fileName, message: error.description)
        }
        var peers: Peers?
        if let instancesPath, let instanceName {
            let instances = try Instances.load(path: instancesPath, municipality: fileTown)
            guard let local = instances.instance(named: instanceName) else {
                throw UsageError(
                    "--instance: \(instancesPath) has no instance '\(instanceName)' (it has \(instances.instances.map(\.name).joined(separator: ", ")))"
                )
            }
            peers = Peers(instances: instances, local: local, log: Log.standardError)
        }
        var storage = SQLiteConnection.Configuration()
        if litestream { storage.walAutocheckpointPages = 0 }
        var clock: @Sendable () -> Instant = { ServerClock.system() }
        if let clockText {
            let parts = clockText.split(separator: "T")
            let seconds = parts.count == 2 && parts[1].count == 8 ? Int(parts[1].suffix(2)) : 0
            guard parts.count == 2, let date = LocalDate(iso: parts[0]), let time = LocalTime(hhmm: parts[1].prefix(5)),
                parts[1].count == 5 || (parts[1].count == 8 && parts[1].dropFirst(5).first == ":"),
                let seconds, (0...59).contains(seconds)
            else {
                throw UsageError("--clock must be a local time YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")
            }
            let zone = fileTown.offices.first?.timeZone ?? OfficeTimeZone(identifier: "UTC")
            guard let frame = zone?.frame(of: date) else { throw UsageError("--clock: no time zone") }
            clock = ServerClock.starting(at: frame.instant(elapsed: frame.elapsed(wall: time)).adding(seconds: seconds))
        }
        if demoMonth, !FileManager.default.fileExists(atPath: db) {
            try DemoMonth.play(
                town: fileTown, path: db, today: fileTown.offices.first.map { clock().local(in: $0) })
        }
        let server: RathausServer
        do {
            // Before the database is opened (and made, when new): a port in use or a wrong host
            // then leaves no file behind.
            try HTTPServer.checkListenable(host: configuration.host, port: configuration.port)
            let resolved = try ConfigurationStartup.resolve(
                file: document, fileName: fileName, fileBytes: document.fileBytes, databasePath: db, now: clock())
            for note in resolved.notes { Log.standardError("rathaus: note: \(note)") }
            server = try RathausServer(
                live: LiveConfiguration(resolved.state), databasePath: db, configuration: configuration,
                admission: admission, clock: clock, peers: peers, storage: storage)
        } catch let error as HTTPServerError {
            throw CommandFailure("cannot serve on \(configuration.host):\(configuration.port): \(error)")
        }
        try server.start()
        let base =
            "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(server.port)"
        let town = server.app.municipality
        let served = town.offices.filter { peers?.served.contains($0.id) ?? true }
        let version = server.app.configuration.version
        if let peers {
            print(
                "Rathaus serves \(town.name), instance \(peers.local.name) (\(served.count) of \(town.offices.count) offices) from \(db), configuration version \(version)"
            )
            for peer in peers.others {
                print("  peer \(peer.name) at \(peer.address): \(peer.offices.map(\.rawValue).joined(separator: ", "))")
            }
        } else {
            print(
                "Rathaus serves \(town.name) (\(town.offices.count) offices) from \(db), configuration version \(version)"
            )
        }
        if litestream { print("  checkpoints left to Litestream (--litestream)") }
        if let clockText { print("  clock started at \(clockText) (--clock)") }
        print("  API:        \(base)/v1/offices")
        print("  OpenAPI:    \(base)/openapi.json")
        for office in served {
            print(
                "  \(office.name): \(base)/v1/offices/\(office.id)/availability?service=\(office.offeredServices.sorted().first?.rawValue ?? "")"
            )
        }
        print("  health:     \(base)/healthz   metrics: \(base)/metrics")
        print("Stop with Ctrl-C.")
        fflush(nil)
        let signals = server.http.shutdownOnTerminationSignals()
        server.waitUntilStopped()
        signals.cancel()
        // With Litestream, it alone checkpoints: a checkpoint of ours could copy log pages into
        // the file before Litestream has read them (litestream.io/tips, "Disable autocheckpoints").
        guard !litestream else { return 0 }
        do {
            try server.database.checkpoint()
        } catch {
            Log.standardError("level=warning event=checkpoint.failed error=\"\(error)\"")
        }
        return 0
    }

    /// `text` as an IPv4 or IPv6 address in the form the server writes a peer's address in
    /// (inet_ntop: `::1`, lower case, zeros compressed), so that `0:0:0:0:0:0:0:1` matches a
    /// peer; nil when it is no address.
    static func canonicalIPAddress(_ text: String) -> String? {
        var binary = [UInt8](repeating: 0, count: 16)
        var textForm = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        for family in [AF_INET, AF_INET6] where inet_pton(family, text, &binary) == 1 {
            guard inet_ntop(family, binary, &textForm, socklen_t(textForm.count)) != nil else { return nil }
            return String(decoding: textForm.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }
}
