import Dispatch
package import HTTPServer
package import Scheduling
package import Storage

/// The composition root of Rathaus's HTTP side (Documentation/Architecture.md, "App"): it makes
/// the shared parts once (the office directory, the staff sessions and sign-in desk, the caller
/// resolver, the request pipeline, the rush desk, the form guard, the availability cache, the
/// hall's board), hands each route
/// collection only what it uses, derives the OpenAPI document from their endpoints and routes
/// requests to the pipeline.
package final class RathausApp: Sendable {
    /// The configuration served now.
    package let configuration: LiveConfiguration
    package let database: Database
    package let pipeline: Pipeline
    package let rush: RushDesk
    /// Wishes and their offers (Documentation/Wishes.md).
    package let wishes: WishDesk
    /// Protects the citizen pages' forms against cross-site request forgery.
    package let forms: FormGuard
    package let availabilityCache: AvailabilityCache
    /// Signs staff in and out; holds their sessions.
    package let signIn: SignInDesk
    /// Mail: the settings, the composer and the outbox's sender.
    package let mail: MailDesk
    /// Every route, in the order the OpenAPI document lists them.
    package let endpoints: [Endpoint]
    /// The router over `endpoints` (its handlers run the pipeline).
    package let router: Router
    /// The other instances, when the offices are spread over several.
    package let peers: Peers?

    /// The app over `database`; staff tokens are trusted for `tokenCacheSeconds` after a lookup;
    /// availability answers are kept in `availabilityCache`; staff sign in as `signIn` says (at the
    /// identity provider of `provider`, when given, instead of discovering the configured one);
    /// unexpected errors are logged to `log`. With `peers`, requests for their offices are passed
    /// on to them and searches across offices ask them too.
    package convenience init(
        municipality: Municipality, database: Database, clock: @escaping @Sendable () -> Instant,
        tokenCacheSeconds: Int = 10, availabilityCache: AvailabilityCache = AvailabilityCache(),
        signIn: SignInSettings = SignInSettings(), provider: ProviderLink? = nil, peers: Peers? = nil,
        log: @escaping @Sendable (String) -> Void = Log.standardError, mail: MailSettings = MailSettings()
    ) throws {
        try self.init(
            configuration: LiveConfiguration(municipality: municipality), database: database, clock: clock,
            tokenCacheSeconds: tokenCacheSeconds, availabilityCache: availabilityCache, signIn: signIn,
            provider: provider, peers: peers, log: log, mail: mail)
    }

    /// The app serving `configuration` over `database` (with `peers`, as above), sending mail as
    /// `mail` says (through `transport` instead of the one it names, in tests).
    package init(
        configuration: LiveConfiguration, database: Database, clock: @escaping @Sendable () -> Instant,
        tokenCacheSeconds: Int = 10, availabilityCache: AvailabilityCache = AvailabilityCache(),
        signIn settings: SignInSettings = SignInSettings(), provider: ProviderLink? = nil, peers: Peers? = nil,
        log: @escaping @Sendable (String) -> Void = Log.standardError, mail: MailSettings = MailSettings(),
        transport: (any MailTransport)? = nil
    ) throws {
        let municipality = configuration.municipality
        self.configuration = configuration
        self.database = database
        let metrics = Metrics()
        let sessions = StaffSessions(
            reader: database.reader, committer: database.committer, clock: clock, settings: settings,
            key: try database.committer.withConnection { try $0.serverSecret(named: "staff-sessions") })
        let signIn = SignInDesk(
            settings: settings, sessions: sessions,
            link: provider
                ?? settings.provider.map {
                    ProviderLink(configuration: $0, clock: clock, retrySeconds: settings.providerRetrySeconds)
                }, reader: database.reader, committer: database.committer, clock: clock)
        let callers = CallerResolver(
            reader: database.reader, clock: clock, cacheSeconds: tokenCacheSeconds, sessions: sessions)
        let pipeline = Pipeline(
            callers: callers,
            idempotency: IdempotencyKeys(reader: database.reader, committer: database.committer, clock: clock),
            reader: database.reader, metrics: metrics, log: log,
            problemPage: { [configuration] problem, request in
                ProblemPages.reply(problem, request, town: configuration.municipality.name)
            },
            accessRefusal: { [configuration] problem, request in
                PageAnswers.refusal(problem, request: request, town: configuration.municipality.name)
            })
        let rush = try RushDesk(configuration: configuration, database: database, clock: clock)
        let wishes = try WishDesk(configuration: configuration, database: database, clock: clock, log: log)
        let forms = try FormGuard(database: database)
        let cache = availabilityCache
        let directory = OfficeDirectory(configuration: configuration, writers: database.writers, clock: clock)
        let board = QueueBoard(directory: directory, streams: QueueStreams())
        let ticketViews = TicketViews(directory: directory)
        let mailDesk = try MailDesk(
            settings: mail, database: database, configuration: configuration, metrics: metrics, clock: clock, log: log,
            transport: transport)
        if let mailer = mailDesk.wishMailer { wishes.afterStoring { mailer.wake() } }
        let citizen = CitizenPages(
            directory: directory, forms: forms, rush: rush, metrics: metrics, peers: peers, mail: mailDesk)
        let operations = OperationRoutes(
            directory: directory, database: database, metrics: metrics, availabilityCache: cache, mail: mailDesk)
        let desk = ConfigurationDesk(configuration: configuration, database: database, clock: clock)
        let features: [Endpoint] = [
            OfficeRoutes(directory: directory, rush: rush, cache: cache, peers: peers).endpoints,
            BookingRoutes(directory: directory, rush: rush).endpoints,
            QueueRoutes(directory: directory, board: board).endpoints,
            RushRoutes(directory: directory, rush: rush).endpoints,
            ConfigurationRoutes(directory: directory, desk: desk).endpoints,
            StatisticsRoutes(directory: directory, reports: database.reports).endpoints,
            AuditRoutes(directory: directory).endpoints,
            MailRoutes(directory: directory, mail: mailDesk, reader: database.reader).endpoints,
            WishRoutes(directory: directory, desk: wishes).endpoints,
        ].flatMap { $0 }
        let pages: [Endpoint] = [
            HallPages(directory: directory, board: board, rush: rush, sessions: sessions).endpoints,
            AssetRoutes().endpoints, citizen.endpoints, StaffPages(directory: directory, sessions: sessions).endpoints,
            TicketPages(directory: directory, citizen: citizen, views: ticketViews, board: board).endpoints,
            StatisticsPages(directory: directory, sessions: sessions).endpoints,
            SignInPages(directory: directory, forms: forms, desk: signIn, metrics: metrics, log: log).endpoints,
            MailPages(directory: directory, sessions: sessions).endpoints,
            AdministrationPages(directory: directory, desk: desk, sessions: sessions).endpoints,
            WishPages(citizen: citizen, desk: wishes).endpoints,
        ].flatMap { $0 }
        let document = OpenAPIDocument.json(features + operations.endpoints(openAPI: []))
        let endpoints = features + operations.endpoints(openAPI: document) + pages
        var router = Router()
        for endpoint in endpoints {
            let isStream = endpoint.path.hasSuffix("/events")
            router.on(endpoint.method, endpoint.path) { request, responder in
                if let peers, peers.passOn(request, isStream: isStream, answer: responder.respond) { return }
                pipeline.run(endpoint, request) { reply in
                    switch reply {
                    case .response(let response): responder.respond(response)
                    case .stream(var headers, let start):
                        headers.set("X-Content-Type-Options", "nosniff")
                        start(responder.openEventStream(headers: headers))
                    }
                }
            }
        }
        router.unmatched = { [configuration] request, responder in
            responder.respond(ProblemPages.unmatched(request, town: configuration.municipality.name))
        }
        self.pipeline = pipeline
        self.rush = rush
        self.wishes = wishes
        self.forms = forms
        self.availabilityCache = cache
        self.signIn = signIn
        self.mail = mailDesk
        self.endpoints = endpoints
        self.router = router
        self.peers = peers
        for office in municipality.offices {
            database.writers[office.id]?.observe { changes in
                board.broadcast(changes, office: office)
                ticketViews.broadcast(changes, office: office)
                for change in changes {
                    if case .booking(let booking, _) = change.outcome, booking.status == .cancelled {
                        rush.queue.async { rush.offer(booking) }
                    }
                    if case .swept(_, let released) = change.outcome, !released.isEmpty {
                        rush.queue.async { for booking in released { rush.offer(booking) } }
                    }
                }
                Self.queued(changes, metrics: metrics, sender: mailDesk.sender)
                if changes.contains(where: WishDesk.freesTime) { wishes.wake() }
            }
        }
    }

    /// The municipality served now.
    package var municipality: Municipality { configuration.municipality }

    /// Counts the messages `changes` put in the outbox and wakes the sender for them.
    private static func queued(_ changes: [OfficeWriter.Change], metrics: Metrics, sender: OutboxSender?) {
        var any = false
        for change in changes {
            for kind in change.messages {
                metrics.count(
                    key: queuedKeys[kind] ?? Metrics.key("rathaus_messages_queued_total", [("kind", kind.rawValue)]))
                any = true
            }
        }
        if any { sender?.wake() }
    }

    /// The series of `rathaus_messages_queued_total` by kind, made once.
    private static let queuedKeys = Dictionary(
        uniqueKeysWithValues: MessageKind.allCases.map {
            ($0, Metrics.key("rathaus_messages_queued_total", [("kind", $0.rawValue)]))
        })

    package var metrics: Metrics { pipeline.metrics }
    package var callers: CallerResolver { pipeline.callers }

    /// Runs a request through the routes without a server (tests, tools): path parameters and the
    /// route are filled in; 404 and 405 are answered as the server would. The handler's own part
    /// runs with the calling thread marked as an event loop's, so that a blocking database call
    /// in it fails a debug build as it would on the server.
    package func handle(_ request: HTTPRequest, reply: @escaping @Sendable (Reply) -> Void) {
        switch router.match(method: request.method, path: request.path) {
        case .found(let pattern, _, let parameters, _):
            let method = request.method == .head ? HTTPMethod.get : request.method
            guard let endpoint = endpoints.first(where: { $0.path == pattern && $0.method == method }) else { return }
            var routed = request
            routed.parameters = parameters
            routed.route = pattern
            BlockingCheck.forbiddingBlocking { pipeline.run(endpoint, routed, reply: reply) }
        case .methodNotAllowed(let allowed):
            reply(
                .problem(
                    APIProblem(
                        .methodNotAllowed, detail: "\(request.method.rawValue) is not allowed here.",
                        headers: [("Allow", allowed.map(\.rawValue).joined(separator: ", "))])))
        case .notFound:
            reply(.response(ProblemPages.unmatched(request, town: municipality.name)))
        }
    }
}
