import Dispatch
package import HTTPServer
import Scheduling
package import Storage

/// The one request pipeline every route runs through (Documentation/Architecture.md, "The
/// request pipeline"), always in this order:
///
/// 1. the strict request rules of `/v1` (a staff token in the query, unknown or repeated query
///    parameters, a body where none is read), before anything is read or changed;
/// 2. the caller (when the route reads it) and its access, before anything is looked up;
/// 3. the handler, whose outcome is carried out: reads on the reading connection's queue,
///    commands through the office writers (with `Idempotency-Key` where the route takes one),
///    later answers from other queues;
/// 4. the answer: problems thrown anywhere become RFC 9457 answers (an unexpected error a 500
///    with the request id, logged), a conditional route's 200 gets its ETag and a matching
///    `If-None-Match` a 304; writer outcomes are counted in the metrics.
///
/// It runs on an event-loop thread and never blocks.
package final class Pipeline: Sendable {
    let callers: CallerResolver
    let idempotency: IdempotencyKeys
    let reader: SerialConnection
    let metrics: Metrics
    let log: @Sendable (String) -> Void
    /// How a page's problem is answered: as a page in the request's language.
    let problemPage: @Sendable (APIProblem, HTTPRequest) -> Reply
    /// How a page answers a caller its access refused (`Contract.Access.staff`): the way to the
    /// sign-in page, or a page that says what is missing; other problems of pages are
    /// `problemPage`'s, and the API's routes answer the problem.
    let accessRefusal: @Sendable (APIProblem, HTTPRequest) -> Reply

    package init(
        callers: CallerResolver, idempotency: IdempotencyKeys, reader: SerialConnection, metrics: Metrics,
        log: @escaping @Sendable (String) -> Void,
        problemPage: @escaping @Sendable (APIProblem, HTTPRequest) -> Reply = { problem, _ in .problem(problem) },
        accessRefusal: (@Sendable (APIProblem, HTTPRequest) -> Reply)? = nil
    ) {
        self.callers = callers
        self.idempotency = idempotency
        self.reader = reader
        self.metrics = metrics
        self.log = log
        self.problemPage = problemPage
        self.accessRefusal = accessRefusal ?? problemPage
    }

    /// Runs `endpoint` for `request` (its route parameters filled in) and answers once through
    /// `reply`, at once or later from another thread.
    package func run(_ endpoint: Endpoint, _ request: HTTPRequest, reply: @escaping @Sendable (Reply) -> Void) {
        let done = Completion(
            reply: reply,
            ifNoneMatch: endpoint.contract.conditional ? .asked(request.headers["If-None-Match"]) : .unconditional)
        do throws(APIProblem) {
            if endpoint.isStrict { try Self.checkRules(endpoint, request) }
        } catch {
            done(.problem(error))
            return
        }
        guard endpoint.contract.access != .open else {
            handle(
                endpoint,
                RequestContext(request: request, caller: .citizen(bookingToken: nil), isPage: endpoint.isPage),
                done)
            return
        }
        // Most callers are known without a database read (no token and no session, a booking's
        // token, a staff token looked up lately): they go on at once, without a callback.
        if let known = callers.knownCaller(request) {
            handle(endpoint, request, known, done)
            return
        }
        callers.resolve(request) { result in self.handle(endpoint, request, result, done) }
    }

    /// Checks the resolved caller against the route's access, then runs the handler.
    private func handle(
        _ endpoint: Endpoint, _ request: HTTPRequest, _ caller: Result<Caller, APIProblem>, _ done: Completion
    ) {
        do throws(APIProblem) {
            let caller = try caller.get()
            try Self.checkAccess(endpoint.contract.access, caller: caller, request: request)
            handle(endpoint, RequestContext(request: request, caller: caller, isPage: endpoint.isPage), done)
        } catch {
            done(endpoint.isPage ? accessRefusal(error, request) : .problem(error))
        }
    }

    /// Runs the handler and carries out its outcome.
    private func handle(_ endpoint: Endpoint, _ context: RequestContext, _ done: Completion) {
        let outcome = attempt(context) { try endpoint.handler(context) }
        let keyed = endpoint.contract.idempotent ? context.request.headers["Idempotency-Key"] : nil
        perform(outcome, context, key: keyed, done)
    }

    /// Carries out `outcome`; `key` is the request's idempotency key until a command has taken it.
    private func perform(_ outcome: Outcome, _ context: RequestContext, key: String?, _ done: Completion) {
        switch outcome {
        case .reply(let reply):
            done(reply)
        case .read(let connection, let body):
            (connection ?? reader).async { connection in
                self.perform(self.attempt(context) { try body(connection) }, context, key: key, done)
            }
        case .onQueue(let queue, let body):
            queue.async { self.perform(self.attempt(context) { try body() }, context, key: key, done) }
        case .later(let start):
            start { next in self.perform(next, context, key: key, done) }
        case .command(let command, let writer, let linked, let render):
            guard let key else {
                submit(command, to: writer, linked: linked, render: render, context, mark: nil, done)
                return
            }
            idempotency.start(context.request, key: key, scope: context.caller.scope) { start in
                self.carryOut(start, command, to: writer, linked: linked, render: render, context, done)
            }
        }
    }

    /// `reply` marked as the answer to an earlier request (`Idempotency-Replayed`).
    static func replayed(_ reply: Reply) -> Reply {
        guard case .response(var response) = reply else { return reply }
        response.headers.set("Idempotency-Replayed", "true")
        return .response(response)
    }

    /// Carries out a command under an idempotency key: replays, runs it with the key's mark, or
    /// answers again from what a change made before a restart; the answer is stored under the key
    /// before it goes out.
    private func carryOut(
        _ start: IdempotencyKeys.Start, _ command: OfficeCommand, to writer: OfficeWriter, linked: LinkedChange?,
        render: @escaping @Sendable (Result<OfficeOutcome, WriterError>) throws -> Outcome, _ context: RequestContext,
        _ done: Completion
    ) {
        switch start {
        case .answer(let reply):
            done(reply)
        case .run(let mark):
            let stored = done.storing { reply, send in self.idempotency.finish(mark, reply: reply, completion: send) }
            submit(command, to: writer, linked: linked, render: render, context, mark: mark, stored)
        case .recorded(let mark, let recorded, let token):
            recover(recorded, token: token, writer: writer) { result in
                let next = self.attempt(context) { try render(result) }
                let stored = done.storing(replayed: true) { reply, send in
                    self.idempotency.finish(mark, reply: reply, completion: send)
                }
                self.perform(next, context, key: nil, stored)
            }
        }
    }

    private func submit(
        _ command: OfficeCommand, to writer: OfficeWriter, linked: LinkedChange?,
        render: @escaping @Sendable (Result<OfficeOutcome, WriterError>) throws -> Outcome, _ context: RequestContext,
        mark: IdempotencyMark?, _ done: Completion
    ) {
        writer.submit(command, actor: context.caller.actor, idempotency: mark, linked: linked) { result in
            self.count(result, command: command, office: writer.office.id)
            self.perform(self.attempt(context) { try render(result) }, context, key: nil, done)
        }
    }

    /// The outcome of `body`, or the problem it throws (an unexpected error: a logged 500); a
    /// page's problem as a page.
    private func attempt(_ context: RequestContext, _ body: () throws -> Outcome) -> Outcome {
        let request = context.request
        do {
            return try body()
        } catch let problem as APIProblem {
            return context.isPage ? .reply(problemPage(problem, request)) : .problem(problem)
        } catch let page as PageAnswer {
            return .reply(page.reply)
        } catch {
            let id = RequestLogMiddleware.hex(request.id)
            log(
                "level=error event=handler.error id=\(id) route=\(request.route ?? "-") "
                    + "error=\"\(String(describing: error).prefix(300))\"")
            if context.isPage { return .reply(problemPage(.internalError(), request)) }
            return .reply(.response(.problem(.internalError(), instance: "/requests/" + id)))
        }
    }

    /// Counts a writer's outcome in the metrics.
    func count(_ result: Result<OfficeOutcome, WriterError>, command: OfficeCommand, office: OfficeID) {
        switch result {
        case .success(.booking(let booking, let token)) where token != nil:
            metrics.count(
                "rathaus_bookings_total", [("office", office.rawValue), ("channel", booking.channel.rawValue)])
        case .success(.hold):
            metrics.count("rathaus_holds_total", [("office", office.rawValue), ("command", command.name)])
        case .success:
            metrics.count("rathaus_changes_total", [("office", office.rawValue), ("command", command.name)])
        case .failure(let error):
            metrics.count(
                "rathaus_rejections_total",
                [("command", command.name), ("kind", APIProblem(error, office: nil).kind.name)])
        }
    }

    // MARK: The answer

    /// Where a request's answer goes, once: through the conditional step (a conditional route's
    /// 200 gets its ETag, and a 304 when `If-None-Match` names it) to the server; under an
    /// idempotency key, through storing it first. A value, so that a request answered at once
    /// costs no closure.
    struct Completion: Sendable {
        /// What a conditional route was asked.
        enum Condition: Sendable {
            case unconditional
            /// The `If-None-Match` the request carried, if any.
            case asked(String?)
        }

        let reply: @Sendable (Reply) -> Void
        let ifNoneMatch: Condition
        /// Runs with the answer before it is sent, and sends it when done.
        private var store: (@Sendable (Reply, @escaping @Sendable () -> Void) -> Void)?
        /// Whether the answer goes out marked as replayed (`Idempotency-Replayed`).
        private var replayed = false

        init(reply: @escaping @Sendable (Reply) -> Void, ifNoneMatch: Condition) {
            self.reply = reply
            self.ifNoneMatch = ifNoneMatch
        }

        /// The same completion with the answer stored by `store` before it goes out (marked as
        /// replayed when `replayed`).
        func storing(
            replayed: Bool = false, _ store: @escaping @Sendable (Reply, @escaping @Sendable () -> Void) -> Void
        ) -> Completion {
            var completion = self
            completion.store = store
            completion.replayed = replayed
            return completion
        }

        func callAsFunction(_ answer: Reply) {
            guard let store else {
                reply(Pipeline.finalize(answer, ifNoneMatch))
                return
            }
            let (reply, ifNoneMatch, replayed) = (reply, ifNoneMatch, replayed)
            store(answer) {
                reply(Pipeline.finalize(replayed ? Pipeline.replayed(answer) : answer, ifNoneMatch))
            }
        }
    }

    /// A conditional route's 200 with its ETag, or a 304 when `If-None-Match` names it.
    static func finalize(_ reply: Reply, _ condition: Completion.Condition) -> Reply {
        guard case .asked(let ifNoneMatch) = condition, case .response(var response) = reply, response.status == .ok
        else {
            return reply
        }
        if ifNoneMatch == nil {
            // Nothing to compare: only the tag is added, without reading the one given.
            if !response.headers.contains("ETag") { response.headers.set("ETag", ETag.of(response.body)) }
            return .response(response)
        }
        let tag: String
        if let given = response.headers["ETag"] {
            tag = given
        } else {
            tag = ETag.of(response.body)
            response.headers.set("ETag", tag)
        }
        guard ETag.matches(ifNoneMatch, tag) else { return .response(response) }
        var headers: HTTPHeaders = ["ETag": tag]
        if let cache = response.headers["Cache-Control"] { headers.set("Cache-Control", cache) }
        return .response(HTTPResponse(status: .notModified, headers: headers))
    }
}
