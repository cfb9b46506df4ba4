import Display
import HTTPServer
import Scheduling
import Storage

/// The pages of the hall: the call display, the kiosk, a ticket to print and the clerk's counter
/// page (for a clerk signed in with the counter role for the office). Not API routes: not in the
/// OpenAPI document.
struct HallPages: Sendable {
    let directory: OfficeDirectory
    let board: QueueBoard
    let rush: RushDesk
    let sessions: StaffSessions

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/display/{office}") { try displayPage($0) },
            Endpoint(.get, "/kiosk/{office}") { try kioskPage($0) },
            Endpoint(.get, "/kiosk/{office}/tickets/{key}") { try ticketPage($0) },
            Endpoint(.get, "/counter/{office}/{counter}", Contract(access: .staff([.counter], office: .path))) {
                try counterPage($0)
            },
        ]
    }

    private var municipality: Municipality { directory.municipality }

    /// `GET /display/{office}[?sound=on|off][&lang=de,en]`.
    private func displayPage(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        var snapshot = board.snapshot(office)
        if let sound = context.query["sound"] { snapshot.sound = sound == "on" }
        if let languages = context.query["lang"] {
            let chosen = languages.split(separator: ",").map(String.init).filter { ["de", "en"].contains($0) }
            if !chosen.isEmpty { snapshot.languages = chosen }
        }
        return .reply(PageAnswers.page(BoardPage.html(snapshot)))
    }

    /// `GET /kiosk/{office}`: touch-sized choices per service group and a check-in by reference.
    private func kioskPage(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let offered = office.offeredServices
        let groups = municipality.groups.map { group in
            KioskGroup(
                letter: group.letter, name: group.name,
                services: municipality.services.filter {
                    $0.group == group.letter && offered.contains($0.id) && rush.draw(of: $0.id) == nil
                }
                .map { ServiceOption(id: $0.id.rawValue, name: $0.name) })
        }
        return .reply(
            PageAnswers.page(
                KioskPage.html(
                    officeID: office.id.rawValue, officeName: office.name, groups: groups,
                    referenceAlphabet: String(Secrets.referenceAlphabet), timeZone: office.timeZone.identifier)))
    }

    /// `GET /kiosk/{office}/tickets/{key}`: the slip for the 80 mm printer, with the QR code of
    /// the ticket's own page. `{key}` is the page's key the kiosk was given with the new ticket
    /// (only its hash is stored), so only the kiosk that drew the ticket can open its slip; it
    /// shows a number, services and documents only.
    private func ticketPage(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let key = context.parameter("key")
        guard let hash = TicketPages.pageHash(key) else { throw APIProblem.notFound("There is no such ticket today.") }
        let base = TicketPages.publicBase(context.request, municipality: municipality)
        return .read { connection in
            guard let row = try connection.ticket(pageHash: hash), row.office == office.id,
                let ticket = directory.queue(office).ticket(row.id)
            else {
                throw APIProblem.notFound("There is no such ticket today.")
            }
            return .reply(PageAnswers.page(TicketSlipPage.html(slip(ticket, office: office, url: "\(base)/t/\(key)"))))
        }
    }

    /// What the slip of `ticket` says.
    private func slip(_ ticket: Ticket, office: Office, url: String) -> TicketSlip {
        let queue = directory.queue(office)
        let now = directory.clock()
        let chosen = ticket.services.compactMap { id in municipality.services.first { $0.id == id } }
        let date = office.timeZone.local(ticket.issuedAt).date
        let issued =
            "\(Digits.padded(date.day, 2)).\(Digits.padded(date.month, 2)).\(date.year), "
            + QueueRepresentations.clock(ticket.issuedAt, in: office)
        let slip = TicketSlip(
            officeName: office.name, number: ticket.number, services: chosen.map(\.name), issuedAt: issued,
            ahead: queue.ahead(of: ticket.id, now: now),
            estimatedWaitMinutes: queue.estimatedWaitMinutes(
                for: ticket.id, now: now, attended: directory.attended(office)),
            isAppointment: ticket.isAppointment,
            appointmentTime: ticket.appointmentStart.map { QueueRepresentations.clock($0, in: office) },
            documents: DocumentChecklist.merge(chosen).map {
                SlipDocument(name: $0.name, note: $0.note, condition: $0.condition)
            }, pageURL: url)
        return slip
    }

    /// `GET /counter/{office}/{counter}`: the clerk's page, with their name and their session's
    /// form token, which the script sends with every action.
    private func counterPage(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let id = CounterID(context.parameter("counter"))
        guard let counter = office.counters.first(where: { $0.id == id }) else {
            throw APIProblem.notFound("There is no counter \(id).")
        }
        let services = municipality.services.filter { office.offeredServices.contains($0.id) }
            .map { ServiceOption(id: $0.id.rawValue, name: $0.name) }
        let others = office.counters.filter { $0.id != id }.map { CounterOption(id: $0.id.rawValue, name: $0.name) }
        return .reply(
            PageAnswers.staffPage(
                CounterPage.html(
                    officeID: office.id.rawValue, officeName: office.name, counterID: counter.id.rawValue,
                    counterName: counter.name, services: services, counters: others,
                    timeZone: office.timeZone.identifier, person: context.person?.name,
                    formToken: context.person.map { sessions.formToken(for: $0) })))
    }
}
