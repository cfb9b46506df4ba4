import Dispatch
import Foundation
package import HTTPServer
package import Scheduling
package import Storage

/// The running product: the database with its office writers, the API and the HTTP server, and
/// the periodic work (sweeping expired holds, erasing old personal data, dropping old
/// idempotency records).
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
        admission: AdmissionConfiguration = AdmissionConfiguration(), clock: @escaping @Sendable () -> Instant,
        log: (@Sendable (String) -> Void)? = nil
    ) throws {
        try self.init(
            live: LiveConfiguration(municipality: municipality), databasePath: databasePath,
            configuration: configuration, admission: admission, clock: clock, log: log)
    }

    /// The server of the configuration `live` (resolved from the file and the database by
    /// `ConfigurationStartup`).
    package init(
        live: LiveConfiguration, databasePath: String, configuration: HTTPServer.Configuration,
        admission: AdmissionConfiguration = AdmissionConfiguration(), clock: @escaping @Sendable () -> Instant,
        log: (@Sendable (String) -> Void)? = nil
    ) throws {
        let municipality = live.municipality
        let database = try Database.open(path: databasePath, municipality: municipality, clock: clock)
        let app = try RathausApp(configuration: live, database: database, clock: clock, log: log ?? Log.standardError)
        let metrics = app.metrics
        http = try HTTPServer(
            configuration: configuration, router: app.router,
            middleware: [
                RequestLogMiddleware(sink: log),
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
            every(Self.sweepInterval) { [rush = app.rush, wishes = app.wishes] in
                for writer in writers {
                    writer.submit(.sweep) { _ in }
                    writer.submit(.passOverLate) { _ in }
                }
                // Offers run out, wishes end, new days are released: the wishes' rule runs.
                wishes.wake()
                rush.queue.async {
                    rush.preloadRooms()
                    rush.runDueDraws()
                }
            },
            every(Self.retentionInterval) {
                do {
                    // Finished days are rolled up into the statistics before anything is erased.
                    try database.rollUpStatistics(
                        offices: municipality.offices, services: municipality.services, now: clock())
                    let erased = try database.erasePersonalData(olderThanDays: municipality.retentionDays, now: clock())
                    try database.committer.withConnection { connection in
                        _ = try connection.deleteIdempotencyKeys(
                            before: clock().adding(seconds: -Self.idempotencyDays * 86_400))
                    }
                    if erased > 0 { log("level=info event=retention erased=\(erased)") }
                } catch {
                    log("level=error event=retention error=\"\(String(describing: error).prefix(200))\"")
                }
            },
        ]
    }

    package var port: Int { http.port }

    /// Starts serving and the periodic work; a draw whose registration closed while the server
    /// was stopped runs at once rather than at the first sweep.
    package func start() throws {
        try http.start()
        for timer in timers { timer.resume() }
        app.wishes.wake()
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
    }

    /// Stops accepting, lets in-flight requests finish within `gracePeriod`, closes streams.
    package func shutdown(gracePeriod: Duration = .seconds(10)) {
        for timer in timers { timer.cancel() }
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

/// One line per event on standard error, `key=value` (Documentation/Architecture.md, "Logging").
package enum Log {
    package static let standardError: @Sendable (String) -> Void = RequestLogMiddleware.writeToStandardError
}
