import Display
import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    /// The pages of the hall and their assets (not API routes: not in the OpenAPI document).
    static let pageRoutes: [Route] = [
        Route(.get, "/display/{office}", "The waiting-room display", documented: false) { api in
            { api.displayPage($0, $1) }
        },
        Route(.get, "/kiosk/{office}", "The kiosk", documented: false) { api in { api.kioskPage($0, $1) } },
        Route(.get, "/kiosk/{office}/tickets/{ticket}", "A ticket to print", documented: false) { api in
            { api.ticketPage($0, $1) }
        },
        Route(.get, "/counter/{office}/{counter}", "The clerk's page", documented: false) { api in
            { api.counterPage($0, $1) }
        },
        Route(.get, "/assets/{name}", "Stylesheets and scripts", documented: false) { api in { api.asset($0, $1) } },
        Route(.get, "/favicon.ico", "No icon", documented: false) { _ in
            { _, reply in reply(.response(HTTPResponse(status: .noContent))) }
        },
    ]

    /// The policy every page is served with: no inline script or style, nothing from elsewhere,
    /// never framed.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// An HTML page with the security headers.
    static func page(_ html: String) -> Reply {
        .response(
            HTTPResponse(
                status: .ok,
                headers: [
                    "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": contentSecurityPolicy,
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
                ], body: Array(html.utf8)))
    }

    /// `GET /display/{office}[?sound=on|off][&lang=de,en]`.
    func displayPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            var board = snapshot(office)
            let query = request.query
            if let sound = query["sound"] { board.sound = sound == "on" }
            if let languages = query["lang"] {
                let chosen = languages.split(separator: ",").map(String.init).filter { ["de", "en"].contains($0) }
                if !chosen.isEmpty { board.languages = chosen }
            }
            reply(Self.page(BoardPage.html(board)))
        }
    }

    /// `GET /kiosk/{office}`: touch-sized choices per service group and a check-in by reference.
    func kioskPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let offered = office.offeredServices
            let groups = municipality.groups.map { group in
                KioskGroup(
                    letter: group.letter, name: group.name,
                    services: municipality.services.filter {
                        $0.group == group.letter && offered.contains($0.id) && rush.draw(of: $0.id) == nil
                    }
                    .map { ServiceOption(id: $0.id.rawValue, name: $0.name) })
            }
            reply(
                Self.page(
                    KioskPage.html(
                        officeID: office.id.rawValue, officeName: office.name, groups: groups,
                        referenceAlphabet: String(Secrets.referenceAlphabet))))
        }
    }

    /// `GET /kiosk/{office}/tickets/{ticket}`: the slip for the 80 mm printer. Reachable without a
    /// token (the kiosk opens it by navigation); it shows a number, services and documents only.
    func ticketPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let queue = queue(of: office)
            guard let ticket = queue.ticket(TicketID(request.parameters["ticket"] ?? "")) else {
                throw .notFound("There is no such ticket today.")
            }
            let now = clock()
            let attended = attended(office)
            let chosen = ticket.services.compactMap { id in municipality.services.first { $0.id == id } }
            let local = office.timeZone.local(ticket.issuedAt)
            let date = local.date
            let issued =
                "\(Digits.padded(date.day, 2)).\(Digits.padded(date.month, 2)).\(date.year), "
                + QueueRepresentations.clock(ticket.issuedAt, in: office)
            let slip = TicketSlip(
                officeName: office.name, number: ticket.number, services: chosen.map(\.name), issuedAt: issued,
                ahead: queue.ahead(of: ticket.id, now: now),
                estimatedWaitMinutes: queue.estimatedWaitMinutes(for: ticket.id, now: now, attended: attended),
                isAppointment: ticket.isAppointment,
                appointmentTime: ticket.appointmentStart.map { QueueRepresentations.clock($0, in: office) },
                documents: DocumentChecklist.merge(chosen).map {
                    SlipDocument(name: $0.name, note: $0.note, condition: $0.condition)
                })
            reply(Self.page(TicketSlipPage.html(slip)))
        }
    }

    /// `GET /counter/{office}/{counter}`: the clerk's page (its script asks for a counter token).
    func counterPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let id = CounterID(request.parameters["counter"] ?? "")
            guard let counter = office.counters.first(where: { $0.id == id }) else {
                throw .notFound("There is no counter \(id).")
            }
            let services = municipality.services.filter { office.offeredServices.contains($0.id) }
                .map { ServiceOption(id: $0.id.rawValue, name: $0.name) }
            let others = office.counters.filter { $0.id != id }.map { CounterOption(id: $0.id.rawValue, name: $0.name) }
            reply(
                Self.page(
                    CounterPage.html(
                        officeID: office.id.rawValue, officeName: office.name, counterID: counter.id.rawValue,
                        counterName: counter.name, services: services, counters: others,
                        timeZone: office.timeZone.identifier)))
        }
    }

    /// `GET /assets/{name}`: revalidated on every use (`no-cache` with an ETag), as the names
    /// carry no version.
    func asset(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let name = request.parameters["name"] ?? ""
        guard let file = Assets.file(named: name), let tag = Assets.etag(named: name) else {
            reply(.problem(.notFound("There is no asset \(name).")))
            return
        }
        if ETag.matches(request.headers["If-None-Match"], tag) {
            reply(.response(HTTPResponse(status: .notModified, headers: ["ETag": tag, "Cache-Control": "no-cache"])))
            return
        }
        reply(
            .response(
                HTTPResponse(
                    status: .ok,
                    headers: [
                        "Content-Type": file.contentType, "ETag": tag, "Cache-Control": "no-cache",
                        "X-Content-Type-Options": "nosniff",
                    ], body: file.body)))
    }
}
