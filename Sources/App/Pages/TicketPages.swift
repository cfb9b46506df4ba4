import Display
import HTTPServer
import Scheduling
import Storage

/// A ticket's own page and its live stream, and the citizen page that hands out tickets from home
/// (Documentation/Queue.md, "The ticket's page", "Tickets from home"):
///
/// - `GET /t/{key}` (German) and `/en/t/{key}`: the page; `{key}` is the random key made when the
///   ticket was issued, of which only the hash is stored (ticket ids are guessable, keys are not);
/// - `GET /t/{key}/events`: Server-Sent Events, `ticket` with the state worded for the page;
/// - `GET /wartemarke`, `POST /wartemarke` (and under `/en`): take a ticket of today from home.
///   No contact data; one active ticket per browser (a cookie holding the ticket's key), on top
///   of the daily cap per group.
struct TicketPages: Sendable {
    let directory: OfficeDirectory
    let citizen: CitizenPages
    let views: TicketViews
    let board: QueueBoard

    /// The cookie that remembers a browser's ticket from home (its page's key).
    static let cookieName = "rathaus_ticket"
    /// How long the browser keeps it: a ticket is for one day.
    static let cookieSeconds = 16 * 3600

    var endpoints: [Endpoint] {
        var endpoints: [Endpoint] = []
        for prefix in ["", "/en"] {
            endpoints += [
                Endpoint(.get, prefix + "/t/{key}") { try page($0) },
                Endpoint(.get, prefix + "/t/{key}/events") { try events($0) },
                Endpoint(.get, prefix + "/wartemarke") { remotePage($0) },
                Endpoint(.post, prefix + "/wartemarke", Contract(body: .form)) { try takeRemote($0) },
            ]
        }
        return endpoints
    }

    // MARK: The ticket's page

    /// A key of the form pages are given (16 random bytes in base64url); nil for anything else.
    static func pageHash(_ key: String) -> [UInt8]? {
        guard key.utf8.count == 22, let bytes = Secrets.decodeBase64URL(key), bytes.count == 16 else { return nil }
        return Secrets.hash(token: key)
    }

    /// Finds the ticket of `key` (a read), then continues with `found`; `missing` answers a key
    /// that names no ticket.
    func withTicket(
        _ key: String, missing: @escaping @Sendable () -> Outcome = { .problem(.notFound("There is no such ticket.")) },
        _ found: @escaping @Sendable (TicketID, Office, LocalDate) throws -> Outcome
    ) -> Outcome {
        guard let hash = Self.pageHash(key) else { return missing() }
        return .read { [directory] connection in
            guard let row = try connection.ticket(pageHash: hash), let office = directory.office(row.office) else {
                return missing()
            }
            return try found(row.id, office, row.day)
        }
    }

    /// `GET /t/{key}`; a key that names no ticket gets a page saying so (404).
    private func page(_ incoming: RequestContext) throws -> Outcome {
        let language = PageLanguage.of(path: incoming.request.path)
        let path = "/t/" + HTML.pathSegment(incoming.parameter("key"))
        let context = citizen.pageContext(incoming.request)
        let words = TicketWords.of(language)
        let missing: @Sendable () -> Outcome = { [citizen] in
            .reply(
                citizen.messagePage(
                    Notice(.error, title: words.notFoundTitle, detail: words.notFoundDetail), status: 404, context))
        }
        return withTicket(incoming.parameter("key"), missing: missing) { [views, directory] id, office, day in
            guard let view = views.view(id, office: office, day: day) else { return missing() }
            let html = MobileTicketPage.html(
                view: view, language: language, town: directory.municipality.name, path: path)
            return .reply(TicketPages.page(html))
        }
    }

    /// `GET /t/{key}/events`.
    private func events(_ incoming: RequestContext) throws -> Outcome {
        let language = PageLanguage.of(path: incoming.request.path)
        return withTicket(incoming.parameter("key")) { [views] id, office, day in
            .reply(
                .stream(["X-Accel-Buffering": "no", "Cache-Control": "no-store"]) { sink in
                    views.open(sink, ticket: id, office: office, day: day, language: language)
                })
        }
    }

    /// A ticket's page: the hall's security headers, never cached, never sent on as a referrer
    /// (its address is the key).
    static func page(_ html: String, setCookie: String? = nil) -> Reply {
        var headers: HTTPHeaders = [
            "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PageAnswers.contentSecurityPolicy,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
        ]
        if let setCookie { headers.add("Set-Cookie", setCookie) }
        return .response(HTTPResponse(status: .ok, headers: headers, body: Array(html.utf8)))
    }

    /// The site's address for links that leave it (the QR code on a slip): the configured
    /// `publicURL`, else the scheme (`X-Forwarded-Proto` behind a proxy) and `Host` of the request.
    static func publicBase(_ request: HTTPRequest, municipality: Municipality) -> String {
        if let configured = municipality.publicURL { return configured }
        let scheme = request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "https" : "http"
        let host = request.headers["Host"].map { String($0.filter { !$0.isWhitespace && $0 != "/" }) } ?? "localhost"
        return "\(scheme)://\(host)"
    }

    // MARK: Tickets from home

    /// The key in the browser's ticket cookie, if it has one of the right form.
    static func heldKey(_ request: HTTPRequest) -> String? {
        for header in request.headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingWhitespace == cookieName else { continue }
                let value = String(parts[1].trimmingWhitespace)
                if pageHash(value) != nil { return value }
            }
        }
        return nil
    }

    /// The browser's ticket from home when it is still active today (not done, no-show or passed
    /// over); read on the reading connection.
    func heldTicket(_ key: String?, connection: SQLiteConnection) throws -> RemoteTicketPage.Held? {
        guard let key, let hash = Self.pageHash(key), let row = try connection.ticket(pageHash: hash),
            let office = directory.office(row.office), row.day == directory.today(office),
            let view = views.view(row.id, office: office, day: row.day),
            ![.done, .noShow, .passedOver, .expired].contains(view.status)
        else { return nil }
        return RemoteTicketPage.Held(number: view.number, href: "/t/\(key)")
    }

    /// `GET /wartemarke`.
    private func remotePage(_ incoming: RequestContext) -> Outcome {
        let context = citizen.pageContext(incoming.request)
        let key = Self.heldKey(incoming.request)
        return .read { connection in
            let held = try heldTicket(key, connection: connection)
            return .reply(remoteReply(context, held: held))
        }
    }

    func remoteReply(
        _ context: CitizenPages.PageContext, held: RemoteTicketPage.Held?, notice: Notice? = nil, status: Int = 200
    ) -> Reply {
        let held = held.map { RemoteTicketPage.Held(number: $0.number, href: context.prefix + $0.href) }
        return citizen.citizenPage(
            RemoteTicketPage.html(
                language: context.language, town: directory.municipality.name, offices: remoteOffices(),
                formToken: context.formToken, held: held, notice: notice),
            status: status, context)
    }

    /// The offices that hand out tickets from home, with their groups as they are now.
    func remoteOffices() -> [RemoteOffice] {
        let now = directory.clock()
        return directory.all.compactMap { office -> RemoteOffice? in
            guard let policy = office.remoteTickets else { return nil }
            let queue = directory.queue(office)
            let attended = directory.attended(office)
            let waits = queue.waits(now: now, attended: attended)
            let minute = office.timeZone.local(now).secondOfDay / 60
            let groups = policy.dailyCaps.keys.sorted().compactMap { letter -> RemoteGroup? in
                let services = directory.municipality.services.filter {
                    $0.group == letter && office.offeredServices.contains($0.id) && citizen.rush.draw(of: $0.id) == nil
                }
                let open = services.filter {
                    directory.capacity(office)?.attendedUntil(after: now, serving: [$0.id]) != nil
                }
                guard !open.isEmpty else { return nil }
                let wait = waits.first { $0.group == letter }
                var left = (policy.dailyCaps[letter] ?? 0) - queue.remoteTickets(of: letter)
                if let cap = directory.municipality.groups.first(where: { $0.letter == letter })?.dailyTicketCap {
                    left = min(left, cap - queue.tickets.count { $0.group == letter && !$0.isAppointment })
                }
                return RemoteGroup(
                    letter: letter,
                    name: directory.municipality.groups.first { $0.letter == letter }?.name ?? letter,
                    waiting: wait?.waiting ?? 0, estimatedWaitMinutes: wait?.estimatedMinutes ?? 0, left: max(0, left),
                    services: open.map { ServiceOption(id: $0.id.rawValue, name: $0.name) })
            }
            return RemoteOffice(
                id: office.id.rawValue, name: office.name, address: office.address, from: policy.from.hhmm,
                until: policy.until.hhmm, isOpen: policy.isOpen(atMinute: minute) && !groups.isEmpty, groups: groups)
        }
    }

    /// `POST /wartemarke` (office, service): takes a ticket from home and sends the browser to its
    /// page, keeping the key in a cookie; a browser with an active ticket is shown that one.
    private func takeRemote(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try citizen.form(incoming.request)
        let words = TicketWords.of(context.language)
        let key = Self.heldKey(incoming.request)
        guard let office = directory.office(OfficeID(form["office"] ?? "")), office.remoteTickets != nil,
            let service = form["service"].map({ ServiceID($0) }), office.offeredServices.contains(service)
        else {
            let notice = Notice(.error, title: words.remoteProblemTitle, detail: words.remoteChooseService)
            return .reply(remoteReply(context, held: nil, notice: notice, status: 400))
        }
        let secure = incoming.request.headers["X-Forwarded-Proto"]?.lowercased() == "https"
        return .read { connection in
            if let held = try heldTicket(key, connection: connection) {
                return .reply(remoteReply(context, held: held, status: 409))
            }
            return .command(.issueRemoteTicket(services: [service]), to: try directory.writer(office)) { result in
                guard case .success(.queue(_, _, let pageKey?)) = result else {
                    return .reply(remoteRefusal(result, context: context, office: office))
                }
                var cookie =
                    "\(TicketPages.cookieName)=\(pageKey); Path=/; Max-Age=\(TicketPages.cookieSeconds); HttpOnly; SameSite=Lax"
                if secure { cookie += "; Secure" }
                var reply = citizen.seeOther(context.prefix + "/t/" + pageKey, context)
                if case .response(var response) = reply {
                    response.headers.add("Set-Cookie", cookie)
                    reply = .response(response)
                }
                return .reply(reply)
            }
        }
    }

    /// The page again with what kept the ticket from being issued.
    func remoteRefusal(
        _ result: Result<OfficeOutcome, WriterError>, context: CitizenPages.PageContext, office: Office
    ) -> Reply {
        let words = TicketWords.of(context.language)
        let detail: String
        switch result {
        case .failure(.queue(.remoteCapReached)), .failure(.queue(.dailyCapReached)),
            .failure(.queue(.remoteTicketsNotOffered)):
            detail = words.remoteGone
        case .failure(.queue(.remoteTicketsClosed)), .failure(.queue(.remoteTicketsOff)):
            detail = words.remoteClosedNow
        default:
            detail = CitizenPages.notice(APIProblem.internalError(), context.text).detail
        }
        return remoteReply(
            context, held: nil, notice: Notice(.error, title: words.remoteProblemTitle, detail: detail), status: 409)
    }
}
