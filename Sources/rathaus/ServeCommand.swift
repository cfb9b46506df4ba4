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
                             [--mail off|maildir[:DIR]|smtp:HOST:PORT|sendmail[:PATH]]

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

        Messages to citizens (confirmations, reminders, notices) go where the configuration's
        "mail" says, by default into the Maildir folder <database name>-mail beside the database
        (./rathaus-mail): open its files in new/ with any text editor or mail program. --mail
        chooses another transport for this run: off (no messages at all), maildir:DIR,
        smtp:HOST:PORT (a relay beside Rathaus; see Documentation/Mail.md) or sendmail:PATH.

        --demo-month serves the file --db (default here: ./rathaus-demo-month.sqlite) after the
        day simulator has played last month into it, when it does not exist yet (a minute or
        two), so that the statistics page (/staff/statistics) has something to show.
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
        let mailChoice = try arguments.option("mail")
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
        try arguments.finish()
        let document = try ConfigurationDocument.read(file: config)
        let fileName = (config as NSString).lastPathComponent
        let fileTown: Municipality
        do {
            fileTown = try document.municipality { Log.standardError("rathaus: warning: \(fileName): \($0)") }
        } catch {
            throw ConfigurationError(file: fileName, message: error.description)
        }
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
        var mail = MailSettings()
        do {
            // Before the database is opened (and made, when new): a port in use or a wrong host
            // then leaves no file behind.
            try HTTPServer.checkListenable(host: configuration.host, port: configuration.port)
            let resolved = try ConfigurationStartup.resolve(
                file: document, fileName: fileName, fileBytes: document.fileBytes, databasePath: db, now: clock())
            for note in resolved.notes { Log.standardError("rathaus: note: \(note)") }
            mail = try mailSettings(resolved.state.document ?? document, fileName: fileName, choice: mailChoice)
            server = try RathausServer(
                live: LiveConfiguration(resolved.state), databasePath: db, configuration: configuration,
                admission: admission, clock: clock, mail: mail)
        } catch let error as HTTPServerError {
            throw CommandFailure("cannot serve on \(configuration.host):\(configuration.port): \(error)")
        }
        try server.start()
        let base =
            "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(server.port)"
        let town = server.app.municipality
        print(
            "Rathaus serves \(town.name) (\(town.offices.count) offices) from \(db), configuration version \(server.app.configuration.version)"
        )
        if let clockText { print("  clock started at \(clockText) (--clock)") }
        print("  API:        \(base)/v1/offices")
        print("  OpenAPI:    \(base)/openapi.json")
        for office in town.offices {
            print(
                "  \(office.name): \(base)/v1/offices/\(office.id)/availability?service=\(office.offeredServices.sorted().first?.rawValue ?? "")"
            )
        }
        print("  health:     \(base)/healthz   metrics: \(base)/metrics")
        if let folder = mail.maildirFolder(databasePath: db) {
            print(
                "  mail:       written to \(folder)/new/ (one file per message; staff see them at \(base)/staff/mail)")
        } else {
            print("  mail:       \(mail.transportDescription)")
        }
        print("Stop with Ctrl-C.")
        fflush(nil)
        let signals = server.http.shutdownOnTerminationSignals()
        server.waitUntilStopped()
        signals.cancel()
        do {
            try server.database.checkpoint()
        } catch {
            Log.standardError("level=warning event=checkpoint.failed error=\"\(error)\"")
        }
        return 0
    }

    /// The mail settings of `document`'s `mail` object, with the transport of `--mail` if given.
    static func mailSettings(_ document: ConfigurationDocument, fileName: String, choice: String?) throws
        -> MailSettings
    {
        var settings = MailSettings()
        if let mail = document.root["mail"] {
            do {
                settings = try MailSettings.decode(JSONReader(mail, path: "mail"))
            } catch {
                throw ConfigurationError(file: fileName, message: error.description)
            }
        }
        guard let choice else { return settings }
        guard let chosen = settings.replacingTransport(choice) else {
            throw UsageError("--mail must be off, maildir[:DIR], smtp:HOST:PORT or sendmail[:PATH], not '\(choice)'")
        }
        return chosen
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
