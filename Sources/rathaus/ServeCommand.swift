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
                             [--oidc-issuer URL --oidc-client-id ID --oidc-redirect-uri URL [--oidc-client-secret-file FILE]
                              [--oidc-client-auth basic|post|none] [--oidc-role-claim NAME] [--oidc-role-prefix TEXT]
                              [--oidc-scopes "A B"] [--oidc-allow-loopback-http]] [--no-local-accounts]
                             [--session-idle-minutes N] [--session-hours N] [--audit-days N]
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

        --instances FILE --instance NAME: the town's offices are spread over several instances
        (FILE lists each with its address and offices); this one serves NAME's offices from its
        own database, passes requests for the others' offices on to them and asks them in searches
        across offices. `rathaus proxy-config` writes the reverse proxy's routes from FILE.

        --litestream: Litestream replicates the database and does all checkpoints; Rathaus then
        neither checkpoints after commits nor when it stops. --log-format json writes one JSON
        object per line instead of key=value.

        Staff sign in at /staff/sign-in (Documentation/SignIn.md): with local accounts (rathaus
        staff add; --no-local-accounts switches them off) and, with --oidc-issuer, at the town's
        identity provider (OpenID Connect). The client secret is read from the file
        --oidc-client-secret-file or the environment variable RATHAUS_OIDC_CLIENT_SECRET, never
        from the command line; without one the client is public (PKCE only). Sessions end after
        --session-idle-minutes (60) without activity and --session-hours (12) at most; audit
        entries are kept --audit-days (365).
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
        let signIn = try signInSettings(&arguments)
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
        // Fewer malloc arenas hold less free memory between live allocations (ProcessHeap).
        ProcessHeap.limitArenas()
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
                admission: admission, signIn: signIn, clock: clock, peers: peers, storage: storage, mail: mail)
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
        print("  staff:      \(base)/staff  " + (try staffNote(server, signIn: signIn, demo: isDemo(config))))
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

    /// Whether `path` is the demo town's file.
    static func isDemo(_ path: String) -> Bool {
        URL(fileURLWithPath: path).standardizedFileURL.path
            == URL(fileURLWithPath: MunicipalityLoader.demoPath).standardizedFileURL.path
    }

    /// How staff sign in, from the options (and the client secret from its file or the
    /// environment).
    static func signInSettings(_ arguments: inout CommandArguments) throws -> SignInSettings {
        var settings = SignInSettings()
        if try arguments.option("oidc-client-secret") != nil {
            throw UsageError(
                "the client secret never goes on the command line: use --oidc-client-secret-file FILE or RATHAUS_OIDC_CLIENT_SECRET"
            )
        }
        let issuer = try arguments.option("oidc-issuer")
        let clientID = try arguments.option("oidc-client-id")
        let redirectURI = try arguments.option("oidc-redirect-uri")
        let secretFile = try arguments.option("oidc-client-secret-file")
        let authentication = try arguments.option("oidc-client-auth")
        let roleClaim = try arguments.option("oidc-role-claim")
        let rolePrefix = try arguments.option("oidc-role-prefix")
        let scopes = try arguments.option("oidc-scopes")
        let loopback = try arguments.flag("oidc-allow-loopback-http")
        settings.localAccounts = !(try arguments.flag("no-local-accounts"))
        settings.sessionIdleMinutes = try arguments.intOption("session-idle-minutes", in: 1...1440) ?? 60
        settings.sessionHours = try arguments.intOption("session-hours", in: 1...168) ?? 12
        settings.auditDays = try arguments.intOption("audit-days", in: 1...3650) ?? 365
        let given = [clientID, redirectURI, secretFile, authentication, roleClaim, rolePrefix, scopes].contains {
            $0 != nil
        }
        guard let issuer else {
            if given || loopback { throw UsageError("the --oidc- options need --oidc-issuer URL") }
            return settings
        }
        guard let clientID, !clientID.isEmpty, let redirectURI else {
            throw UsageError("--oidc-issuer needs --oidc-client-id and --oidc-redirect-uri")
        }
        var secret = ProcessInfo.processInfo.environment["RATHAUS_OIDC_CLIENT_SECRET"] ?? ""
        if let secretFile {
            guard let data = FileManager.default.contents(atPath: secretFile) else {
                throw CommandFailure("--oidc-client-secret-file: cannot read \(secretFile)")
            }
            secret = String(decoding: data, as: UTF8.self).trimmingWhitespace
        }
        let method: OpenIDConfiguration.ClientAuthentication
        switch authentication ?? (secret.isEmpty ? "none" : "basic") {
        case "basic": method = .clientSecretBasic
        case "post": method = .clientSecretPost
        case "none": method = .none
        case let other: throw UsageError("--oidc-client-auth must be basic, post or none, not '\(other)'")
        }
        if method != .none, secret.isEmpty {
            throw UsageError(
                "--oidc-client-auth \(authentication ?? "basic") needs the client secret: --oidc-client-secret-file FILE or RATHAUS_OIDC_CLIENT_SECRET"
            )
        }
        var provider = OpenIDConfiguration(
            issuer: issuer, clientID: clientID, clientSecret: method == .none ? "" : secret, redirectURI: redirectURI,
            clientAuthentication: method)
        provider.allowsLoopbackHTTP = loopback
        if let roleClaim { provider.roleClaim = roleClaim }
        if let rolePrefix { provider.roleValuePrefix = rolePrefix }
        if let scopes { provider.extraScopes = scopes }
        do {
            _ = try ProviderURL(issuer, role: "issuer (--oidc-issuer)", allowsLoopbackHTTP: loopback)
            _ = try ProviderURL(redirectURI, role: "redirect URI (--oidc-redirect-uri)", allowsLoopbackHTTP: loopback)
        } catch {
            throw UsageError("\(error)")
        }
        guard redirectURI.hasSuffix(SignInDesk.callbackPath) else {
            throw UsageError(
                "--oidc-redirect-uri must end in \(SignInDesk.callbackPath), where Rathaus takes the answer")
        }
        settings.provider = provider
        return settings
    }

    /// How to sign in, for the start-up lines. On the demo town with no staff yet, a demo account
    /// `leitung` is made with a random password, shown only now: the demo works with no set-up.
    static func staffNote(_ server: RathausServer, signIn: SignInSettings, demo: Bool) throws -> String {
        if let provider = signIn.provider {
            return
                "(sign in at the identity provider \(provider.issuer)\(signIn.localAccounts ? " or with a local account" : ""))"
        }
        guard signIn.localAccounts else { return "(no way to sign in is set up)" }
        let hasStaff = try server.database.committer.withConnection { try $0.hasStaffMembers() }
        if hasStaff { return "(sign in with a local account; rathaus staff list shows them)" }
        guard demo else { return "(no staff accounts yet: rathaus staff add LOGIN --name NAME --role ROLE)" }
        let password = Secrets.base64URL(Secrets.bytes(12))
        let roles = StaffAccess.demoAccountRoles
        let hash = try PasswordHash(password: password, iterations: signIn.passwordIterations)
        try server.database.committer.withConnection { connection in
            let member = try connection.insertLocalStaffMember(
                login: "leitung", name: "Amtsleitung (Demo)", roles: roles, passwordHash: hash.stored, now: .current)
            try connection.insertAudit(
                at: .current, actor: StaffActor(id: "cli", role: "command-line", name: "demo"),
                action: "account-added", office: nil, target: member.login, detail: "roles \(roles)")
        }
        return "(demo account: leitung, password \(password); shown only now)"
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
