import Dispatch
import Foundation
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// The running product: the database with its office writers, the API and the HTTP server, and
/// the periodic work (sweeping expired holds, erasing old personal data, dropping old
/// idempotency records, ended staff sessions and audit entries past their days).
package final class RathausServer {
    package let app: RathausApp
    package let http: HTTPServer
    package let database: Database
    private let timers: [any DispatchSourceTimer]
    private let maintenance: DispatchQueue
    private let clock: @Sendable () -> Instant
    private let log: @Sendable (String) -> Void

    /// How often expired holds are released and old days forgotten.
    package static let sweepInterval: Duration = .seconds(30)
    /// How often personal data past the retention period is erased.
    package static let retentionInterval: Duration = .seconds(3600)
    /// How long idempotency records are kept.
    package static let idempotencyDays = 1

    /// Opens the database and binds the listening socket; `start` begins serving. Log lines go to
    /// `log`, or when nil to standard error (request lines in one write per event-loop pass).
    package convenience init(
        municipality: Municipality, databasePath: String, configuration: HTTPServer.Configuration,
        admission: AdmissionConfiguration = AdmissionConfiguration(),
        availabilityCache: AvailabilityCache = AvailabilityCache(), signIn: SignInSettings = SignInSettings(),
        clock: @escaping @Sendable () -> Instant, peers: Peers? = nil,
        storage: SQLiteConnection.Configuration = .init(), log: (@Sendable (String) -> Void)? = nil,
        mail: MailSettings = MailSettings()
    ) throws {
        try self.init(
            live: LiveConfiguration(municipality: municipality), databasePath: databasePath,
            configuration: configuration, admission: admission, availabilityCache: availabilityCache, signIn: signIn,
            clock: clock, peers: peers, storage: storage, log: log, mail: mail)
    }

    /// The server of the configuration `live` (resolved from the file and the database by
    /// `ConfigurationStartup`).
    ///
    /// With `peers`, only their local instance's offices are served from the database (the
    /// others' requests are passed on to them) and the peers' addresses are trusted as proxies.
    /// `storage` is how the database is opened (`walAutocheckpointPages` 0 when Litestream
    /// checkpoints).
    package init(
        live: LiveConfiguration, databasePath: String, configuration: HTTPServer.Configuration,
        admission: AdmissionConfiguration = AdmissionConfiguration(),
        availabilityCache: AvailabilityCache = AvailabilityCache(), signIn: SignInSettings = SignInSettings(),
        clock: @escaping @Sendable () -> Instant, peers: Peers? = nil,
        storage: SQLiteConnection.Configuration = .init(), log: (@Sendable (String) -> Void)? = nil,
        mail: MailSettings = MailSettings()
    ) throws {
        let municipality = live.municipality
        let database = try Database.open(
            path: databasePath, municipality: municipality, clock: clock, configuration: storage,
            offices: peers?.served, messages: mail.policy)
        var admission = admission
        admission.trustedProxies.formUnion(peers?.addresses ?? [])
        var settings = signIn
        settings.trustedProxies.formUnion(admission.trustedProxies)
        let app = try RathausApp(
            configuration: live, database: database, clock: clock, availabilityCache: availabilityCache,
            signIn: settings, peers: peers, log: log ?? Log.standardError, mail: mail)
        let metrics = app.metrics
        var configuration = configuration
        let render = configuration.problemRenderer
        configuration.problemRenderer = { problem in
            var response = render(problem)
            SecurityHeaders.apply(to: &response)
            return response
        }
        http = try HTTPServer(
            configuration: configuration, router: app.router,
            middleware: [
                SecurityHeadersMiddleware(),
                RequestLogMiddleware(format: log == nil ? Log.format : .text, sink: log),
                AdmissionMiddleware(configuration: admission, callers: app.callers, metrics: metrics),
            ],
            onResponse: { metrics.record($0) })
        self.app = app
        self.database = database
        let queue = DispatchQueue(label: "rathaus.maintenance")
        self.maintenance = queue
        self.clock = clock
        self.log = log ?? Log.standardError
        func every(_ interval: Duration, _ work: @escaping @Sendable () -> Void) -> any DispatchSourceTimer {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let seconds = Double(interval.components.seconds)
            timer.schedule(deadline: .now() + seconds, repeating: seconds)
            timer.setEventHandler(handler: work)
            return timer
        }
        let log = log ?? Log.standardError
        let writers = Array(database.writers.values)
        timers = [
            every(Self.sweepInterval) { [rush = app.rush, wishes = app.wishes, wishMailer = app.mail.wishMailer] in
                for writer in writers {
                    writer.submit(.sweep) { _ in }
                    writer.submit(.passOverLate) { _ in }
                }
                // Offers run out, wishes end, new days are released: the wishes' rule runs; their
                // messages whose next attempt is due go out.
                wishes.wake()
                wishMailer?.wake()
                rush.queue.async {
                    rush.preloadRooms()
                    rush.runDueDraws()
                }
                // Memory freed since the last sweep goes back to the kernel: without it glibc
                // keeps it between live allocations, and resident memory grows under a varied load.
                ProcessHeap.releaseFreePages()
            },
            every(Self.retentionInterval) {
                do {
                    // Finished days are rolled up into the statistics before anything is erased.
                    try database.rollUpStatistics(
                        offices: municipality.offices, services: municipality.services, now: clock())
                    let erased = try database.erasePersonalData(olderThanDays: municipality.retentionDays, now: clock())
                    let now = clock()
                    let historyDays = live.municipality.historyDays
                    try database.committer.withConnection { connection in
                        _ = try connection.deleteIdempotencyKeys(
                            before: now.adding(seconds: -Self.idempotencyDays * 86_400))
                        try connection.deleteEndedStaffSessions(
                            now: now, idleSince: now.adding(seconds: -signIn.sessionIdleMinutes * 60))
                        // The history: configuration versions (never the newest) after historyDays,
                        // the audit log after --audit-days.
                        try connection.deleteHistory(
                            versionsBefore: now.adding(seconds: -historyDays * 86_400),
                            auditBefore: now.adding(seconds: -signIn.auditDays * 86_400))
                    }
                    if erased > 0 { log("level=info event=retention erased=\(erased)") }
                } catch {
                    log("level=error event=retention error=\"\(String(describing: error).prefix(200))\"")
                }
            },
        ]
    }

    package var port: Int { http.port }

    private var started = false

    deinit {
        // Dispatch stops the program when a suspended source is released: a server that was
        // never started (tools serving it on their own thread) lets its timers go this way.
        if !started {
            for timer in timers {
                timer.cancel()
                timer.resume()
            }
        }
    }

    /// Starts serving and the periodic work; a draw whose registration closed while the server
    /// was stopped runs at once rather than at the first sweep.
    package func start() throws {
        try http.start()
        started = true
        // Links in messages need an address a browser can open: the one listened at, or
        // loopback for an unspecified one (the municipality's `publicURL` goes before both).
        let host =
            [("0.0.0.0", "127.0.0.1"), ("::", "::1")].first { $0.0 == http.configuration.host }?.1
            ?? http.configuration.host
        app.mail.setServerAddress("http://\(host.contains(":") ? "[\(host)]" : host):\(http.port)")
        app.mail.sender?.start()
        for timer in timers { timer.resume() }
        app.wishes.wake()
        app.mail.wishMailer?.start()
        // Days that ended while the server was stopped are rolled up at once, not after an hour.
        let (database, municipality, clock, log) = (database, app.municipality, clock, log)
        maintenance.async {
            do {
                let days = try database.rollUpStatistics(
                    offices: municipality.offices, services: municipality.services, now: clock())
                if days > 0 { log("level=info event=statistics.rollup days=\(days)") }
            } catch {
                log("level=error event=statistics.rollup error=\"\(String(describing: error).prefix(200))\"")
            }
        }
        let rush = app.rush
        rush.queue.async { rush.runDueDraws() }
        if let link = app.signIn.link {
            // Discovered now, in the background: a provider that is down delays nothing but its
            // own sign-ins, which try it again (`ProviderLink`).
            Task {
                do {
                    let provider = try await link.provider()
                    log("level=info event=sign-in.provider issuer=\(provider.metadata.issuer)")
                } catch {
                    log(
                        "level=warning event=sign-in.provider.unreachable error=\"\(String(describing: error).prefix(300))\""
                    )
                }
            }
        }
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod`, closes streams.
    package func shutdown(gracePeriod: Duration = .seconds(10)) {
        for timer in timers { timer.cancel() }
        app.mail.sender?.stop()
        http.shutdown(gracePeriod: gracePeriod)
    }

    package func waitUntilStopped() {
        http.waitUntilStopped()
    }
}

/// The clock the server runs on: the system's, or one started at another local time (demos,
/// training, tests at any hour) that then runs forward.
package enum ServerClock {
    package static func system() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// A clock that reads `start` now and runs forward with the system clock.
    package static func starting(at start: Instant) -> @Sendable () -> Instant {
        let offset = start.secondsSinceEpoch - system().secondsSinceEpoch
        return { Instant(secondsSinceEpoch: system().secondsSinceEpoch + offset) }
    }
}

/// One line per event on standard error, `key=value` or, after `format` is set to `.json`, one
/// JSON object per line (Documentation/Operations.md, "Logs").
package enum Log {
    private static let jsonLines = Atomic<Bool>(false)

    /// The format of every line written through `standardError` (set once, at start).
    package static var format: LogFormat {
        get { jsonLines.load(ordering: .relaxed) ? .json : .text }
        set { jsonLines.store(newValue == .json, ordering: .relaxed) }
    }

    package static let standardError: @Sendable (String) -> Void = { line in
        RequestLogMiddleware.writeToStandardError(format.render(line))
    }
}
