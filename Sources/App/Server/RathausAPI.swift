import Foundation
package import HTTPServer
package import Scheduling
package import Storage

/// Rathaus's HTTP API: the routes of `/v1`, the documents (`/openapi.json`, `/problems/…`) and
/// the operational ones (`/healthz`, `/metrics`), over the office writers of a `Database`.
///
/// Handlers run on event-loop threads and never block: reads of the capacity use the writers'
/// published copies; booking lookups and token checks go to the reading connection's queue;
/// changes go to the office writers; answers come back through the reply closure.
package final class RathausAPI: Sendable {
    package let municipality: Municipality
    package let database: Database
    package let clock: @Sendable () -> Instant
    package let metrics: Metrics
    package let callers: CallerResolver
    let idempotency: IdempotencyKeys
    let queueStreams = QueueStreams()
    package let availabilityCache = AvailabilityCache()
    package let rush: RushDesk
    /// Protects the citizen pages' forms against cross-site request forgery.
    package let forms: FormGuard
    let offices: [OfficeID: Office]
    let services: [ServiceID: Service]
    /// Answers that never change while the server runs, with their ETags.
    let officesBody: [UInt8]
    let officeBodies: [OfficeID: [UInt8]]
    let servicesBody: [UInt8]
    package let routes: [Route]

    /// One route: method, pattern, a line for the OpenAPI document, what it reads of a request,
    /// and the handler (made from the API, so that routes can be listed before the API exists).
    package struct Route: Sendable {
        package let method: HTTPMethod
        package let pattern: String
        package let summary: String
        /// Whether the route is part of the API (and so of the OpenAPI document); pages are not.
        package let documented: Bool
        /// The query parameters the route reads. A strict route refuses any other (see
        /// `handler(for:)`); pages and the operational routes do not check.
        package let query: [String]
        /// The parameters of `query` that may be given more than once (`service`).
        package let repeatable: [String]
        /// Whether the route reads a JSON body. A strict route that does not refuses one (but
        /// whitespace or `{}`).
        package let readsBody: Bool
        let make: @Sendable (RathausAPI) -> APIHandler

        init(
            _ method: HTTPMethod, _ pattern: String, _ summary: String, documented: Bool = true,
            query: [String] = [], repeatable: [String] = [], readsBody: Bool = false,
            _ make: @escaping @Sendable (RathausAPI) -> APIHandler
        ) {
            self.method = method
            self.pattern = pattern
            self.summary = summary
            self.documented = documented
            self.query = query
            self.repeatable = repeatable
            self.readsBody = readsBody
            self.make = make
        }

        /// Whether the route refuses what it does not read: the routes of `/v1` (with their
        /// `.ics` and `.txt` feeds) do.
        package var isStrict: Bool { pattern.hasPrefix("/v1/") }
    }

    /// The longest date range one availability request may span.
    package static let maxAvailabilityDays = 92

    /// The API over `database`; staff tokens are trusted for `tokenCacheSeconds` after a lookup.
    package init(
        municipality: Municipality, database: Database, clock: @escaping @Sendable () -> Instant,
        tokenCacheSeconds: Int = 10
    ) throws {
        self.municipality = municipality
        self.database = database
        self.clock = clock
        self.metrics = Metrics()
        self.callers = CallerResolver(reader: database.reader, clock: clock, cacheSeconds: tokenCacheSeconds)
        self.idempotency = IdempotencyKeys(reader: database.reader)
        self.rush = try RushDesk(municipality: municipality, database: database, clock: clock)
        self.forms = try FormGuard(database: database)
        self.offices = Dictionary(municipality.offices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.services = Dictionary(municipality.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var json = JSONWriter()
        json.array { json in for office in municipality.offices { Representations.office(office, into: &json) } }
        officesBody = json.bytes
        var bodies: [OfficeID: [UInt8]] = [:]
        for office in municipality.offices {
            var one = JSONWriter()
            Representations.office(office, into: &one)
            bodies[office.id] = one.bytes
        }
        officeBodies = bodies
        var list = JSONWriter()
        list.array { json in
            for service in municipality.services {
                let at = municipality.offices.filter { $0.offeredServices.contains(service.id) }.map(\.id)
                Representations.service(service, offices: at, into: &json)
            }
        }
        servicesBody = list.bytes
        self.routes =
            RathausAPI.allRoutes + RathausAPI.queueRoutes + RathausAPI.rushRoutes + RathausAPI.pageRoutes
            + RathausAPI.citizenRoutes
        let rush = self.rush
        for office in municipality.offices {
            database.writers[office.id]?.observe { [weak self] changes in
                self?.broadcast(changes, office: office)
                for change in changes {
                    if case .booking(let booking, _) = change.outcome, booking.status == .cancelled {
                        rush.queue.async { rush.offer(booking) }
                    }
                }
            }
        }
    }

    /// The router that serves the routes through the HTTP server.
    package var router: Router {
        var router = Router()
        for route in routes {
            let handler = route.handler(for: self)
            router.on(route.method, route.pattern) { request, responder in
                handler(request) { reply in
                    switch reply {
                    case .response(let response): responder.respond(response)
                    case .stream(let headers, let start): start(responder.openEventStream(headers: headers))
                    }
                }
            }
        }
        return router
    }

    /// Runs a request through the routes without a server (tests, tools): path parameters and
    /// the route are filled in; 404 and 405 are answered as the server would.
    package func handle(_ request: HTTPRequest, reply: @escaping @Sendable (Reply) -> Void) {
        var matcher = Router()
        for route in routes { matcher.on(route.method, route.pattern) { _, _ in } }
        switch matcher.match(method: request.method, path: request.path) {
        case .found(let pattern, _, let parameters):
            let method = request.method == .head ? HTTPMethod.get : request.method
            guard let route = routes.first(where: { $0.pattern == pattern && $0.method == method }) else { return }
            var routed = request
            routed.parameters = parameters
            routed.route = pattern
            route.handler(for: self)(routed, reply)
        case .methodNotAllowed(let allowed):
            reply(
                .response(
                    .problem(
                        APIProblem(
                            status: 405, kind: "method-not-allowed", title: "Method not allowed",
                            headers: [("Allow", allowed.map(\.rawValue).joined(separator: ", "))]))))
        case .notFound:
            reply(.problem(.notFound("There is nothing at \(request.path).")))
        }
    }

    // MARK: Helpers for the routes

    /// The office named by the route's `{office}`, or a 404 problem.
    func office(_ request: HTTPRequest) throws(APIProblem) -> Office {
        let id = OfficeID(request.parameters["office"] ?? "")
        guard let office = offices[id] else { throw .notFound("There is no office \"\(id)\".") }
        return office
    }

    func writer(_ office: OfficeID) throws(APIProblem) -> OfficeWriter {
        guard let writer = database.writers[office] else { throw .notFound("There is no office \"\(office)\".") }
        return writer
    }

    /// The office of a hold or booking id.
    func office(ofRecord id: String) throws(APIProblem) -> Office {
        guard let officeID = RecordID.office(of: id), let office = offices[officeID] else {
            throw .notFound("There is no record \"\(id)\".")
        }
        return office
    }

    /// Today's date in `office`.
    func today(_ office: Office) -> LocalDate {
        office.timeZone.local(clock()).date
    }

    /// A 200 JSON answer with an ETag, or 304 when the client's `If-None-Match` matches.
    func cached(_ body: [UInt8], request: HTTPRequest, cacheControl: String = "no-cache") -> Reply {
        let tag = ETag.of(body)
        if ETag.matches(request.headers["If-None-Match"], tag) {
            return .response(HTTPResponse(status: .notModified, headers: ["ETag": tag, "Cache-Control": cacheControl]))
        }
        return .json(body, headers: [("ETag", tag), ("Cache-Control", cacheControl)])
    }

    /// Resolves the caller, then runs `body`; problems thrown by either become the answer.
    func withCaller(
        _ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void,
        _ body: @escaping @Sendable (Caller) throws(APIProblem) -> Void
    ) {
        callers.resolve(request) { result in
            do throws(APIProblem) {
                switch result {
                case .success(let caller): try body(caller)
                case .failure(let problem): throw problem
                }
            } catch {
                reply(.problem(error))
            }
        }
    }

    /// Requires a staff token with one of `roles` that covers `office` (nil: any office).
    func requireStaff(_ caller: Caller, roles: [StaffRole], office: OfficeID?) throws(APIProblem) -> StaffToken {
        guard let token = caller.staff else {
            throw .unauthorized("This needs a staff token (Authorization: Bearer rst_…).")
        }
        guard roles.contains(token.role) || token.role == .admin else {
            throw .forbidden("A \(token.role.rawValue) token may not do this.")
        }
        if let office, !token.covers(office) {
            throw .forbidden("This token is for office \(token.office?.rawValue ?? "")")
        }
        return token
    }

    /// Sends `command` to the office's writer (honouring `Idempotency-Key`) and answers with
    /// `render`'s response for the outcome.
    func submit(
        _ command: OfficeCommand, to writer: OfficeWriter, caller: Caller, request: HTTPRequest,
        reply: @escaping @Sendable (Reply) -> Void,
        render: @escaping @Sendable (Result<OfficeOutcome, WriterError>) -> HTTPResponse
    ) {
        idempotency.decide(request, scope: caller.scope, render: render) { [metrics] decision in
            switch decision {
            case .answer(let answer):
                reply(answer)
            case .run:
                writer.submit(command, actor: caller.actor) { outcome in
                    Self.count(outcome, command: command, office: writer.office.id, metrics: metrics)
                    reply(.response(render(outcome)))
                }
            case .runAndStore(let record, let release):
                writer.submit(command, actor: caller.actor, idempotency: record) { outcome in
                    Self.count(outcome, command: command, office: writer.office.id, metrics: metrics)
                    release()
                    reply(.response(render(outcome)))
                }
            }
        }
    }

    static func count(
        _ outcome: Result<OfficeOutcome, WriterError>, command: OfficeCommand, office: OfficeID, metrics: Metrics
    ) {
        switch outcome {
        case .success(.booking(let booking, let token)) where token != nil:
            metrics.count(
                "rathaus_bookings_total", [("office", office.rawValue), ("channel", booking.channel.rawValue)])
        case .success(.hold):
            metrics.count("rathaus_holds_total", [("office", office.rawValue), ("command", command.name)])
        case .success:
            metrics.count("rathaus_changes_total", [("office", office.rawValue), ("command", command.name)])
        case .failure(let error):
            let problem = APIProblem.from(error, office: nil)
            metrics.count("rathaus_rejections_total", [("command", command.name), ("kind", problem.kind)])
        }
    }
}

/// Entity tags for cached answers: a 64-bit FNV-1a hash of the body, as a strong ETag.
package enum ETag {
    package static func of(_ body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - digits.count) + digits + "\""
    }

    /// Whether an `If-None-Match` value names `tag` (or is `*`), by weak comparison (RFC 9110
    /// §13.1.2). `If-Match` compares strongly: see `expectedSequence`.
    package static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        if header.trimmingWhitespace == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var value = candidate.trimmingWhitespace
            if value.hasPrefix("W/") { value.removeFirst(2) }
            return value == tag
        }
    }
}
