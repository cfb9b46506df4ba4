import Display
import HTTPServer
import Scheduling
import Storage

/// The pages of signed-in staff: their start page (who they are, their roles, the pages those
/// open), the hotline console, an office's bookings of a day and the audit trail. The pipeline checks each page's roles; a
/// browser without a session is sent to the sign-in page and brought back.
struct StaffPages: Sendable {
    let directory: OfficeDirectory
    let sessions: StaffSessions

    var endpoints: [Endpoint] {
        [
            Endpoint(.get, "/staff", Contract(access: .staff(StaffRole.allCases, office: .any))) { context in
                homePage(context)
            },
            Endpoint(.get, "/staff/hotline", Contract(access: .staff([.hotline, .counter], office: .any))) {
                context in hotlinePage(context)
            },
            Endpoint(.get, "/staff/bookings", Contract(access: .staff([.hotline, .counter], office: .any))) {
                context in dayList(context)
            },
            Endpoint(.get, "/staff/audit", Contract(access: AuditQuery.access)) { context in try auditPage(context) },
        ]
    }

    private var municipality: Municipality { directory.municipality }

    /// The frame of a page for the caller: their name and sign-out button when signed in.
    private func frame(_ context: RequestContext, title: String) -> StaffFrame {
        StaffFrame(
            town: municipality.name, title: title, person: context.person?.name,
            formToken: context.person.map { sessions.formToken(for: $0) })
    }

    /// `GET /staff`: the start page.
    private func homePage(_ context: RequestContext) -> Outcome {
        guard let person = context.person else {
            // A token's holder has no start page: it is a device or an integration.
            return .problem(.forbidden("The start page is for signed-in staff, not tokens."))
        }
        let offices = municipality.offices
        let name: (OfficeID) -> String = { id in offices.first { $0.id == id }?.name ?? id.rawValue }
        let all = offices.map(\.id)
        var counters: [StaffLink] = []
        for id in person.access.offices(.counterStaff, of: all) {
            guard let office = directory.office(id) else { continue }
            counters += office.counters.map {
                StaffLink(
                    href: "/counter/\(HTML.pathSegment(id.rawValue))/\(HTML.pathSegment($0.id.rawValue))",
                    label: "\(office.name): \($0.name)")
            }
        }
        var booking: [StaffLink] = []
        if person.holds(.hotline, office: nil) || person.holds(.counter, office: nil) {
            booking.append(StaffLink(href: "/staff/hotline", label: "Termine für Anrufende (Hotline)"))
            booking.append(StaffLink(href: "/staff/bookings", label: "Termine des Tages"))
        }
        if person.holds(.hotline, office: nil) {
            booking.append(StaffLink(href: "/staff/mail", label: "E-Mails an Bürgerinnen und Bürger"))
        }
        let managedOffices = person.access.offices(.officeManager, of: all)
        var managed = managedOffices.map { id in
            StaffLink(href: "/staff/audit?office=\(FormEncoding.encode(id.rawValue))", label: "Protokoll: \(name(id))")
        }
        if !managedOffices.isEmpty {
            managed.append(StaffLink(href: "/staff/statistics", label: "Statistik"))
            managed.append(
                StaffLink(href: "/staff/administration", label: "Verwaltung: Öffnungszeiten, Schließungen, Schalter"))
        }
        let groups = [
            StaffLinks(title: "Schalter", links: counters), StaffLinks(title: "Termine", links: booking),
            StaffLinks(
                title: "Amtsleitung",
                links: managed
                    + (person.isAdministrator ? [StaffLink(href: "/staff/audit", label: "Protokoll: ganze Stadt")] : [])
            ),
        ]
        return .reply(
            PageAnswers.staffPage(
                StaffHomePage.html(
                    frame(context, title: "Übersicht"), roles: person.access.descriptions(officeName: name),
                    groups: groups)))
    }

    /// `GET /staff/hotline`: the console.
    private func hotlinePage(_ context: RequestContext) -> Outcome {
        let services = municipality.services.filter { service in
            municipality.offices.contains { $0.offeredServices.contains(service.id) }
        }
        return .reply(
            PageAnswers.staffPage(
                HotlinePage.html(
                    town: municipality.name,
                    services: services.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    timeZone: municipality.offices.first?.timeZone.identifier,
                    serverTime: directory.clock().secondsSinceEpoch * 1000, person: context.person?.name,
                    formToken: context.person.map { sessions.formToken(for: $0) })))
    }

    /// `GET /staff/bookings[?office=…][&date=YYYY-MM-DD]`: the day list (today at the first office
    /// unless the query names another).
    private func dayList(_ context: RequestContext) -> Outcome {
        let office = directory.office(OfficeID(context.query["office"] ?? "")) ?? municipality.offices.first
        let today = office.map { $0.timeZone.local(directory.clock()).date }
        let date = context.query["date"].flatMap { LocalDate(iso: $0) } ?? today
        return .reply(
            PageAnswers.staffPage(
                DayListPage.html(
                    town: municipality.name,
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    office: office?.id.rawValue ?? "", date: date?.iso ?? "", timeZone: office?.timeZone.identifier,
                    person: context.person?.name, formToken: context.person.map { sessions.formToken(for: $0) })))
    }

    /// `GET /staff/audit[?office=ID][&date=YYYY-MM-DD]`: who did what in an office on a day.
    private func auditPage(_ context: RequestContext) throws -> Outcome {
        let offices = municipality.offices.filter { context.caller.holds([.officeManager], office: $0.id) }
        if context.query["office"] == nil, !context.caller.isAdministrator, let first = offices.first {
            // An office manager sees one of their offices: the first, unless they choose.
            return .reply(PageAnswers.seeOther("/staff/audit?office=" + FormEncoding.encode(first.id.rawValue)))
        }
        let query = try AuditQuery(context, directory: directory, singleDay: true)
        let choices =
            offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) }
            + (context.caller.isAdministrator ? [ServiceOption(id: "", name: "Ganze Stadt")] : [])
        let frame = frame(context, title: "Protokoll")
        return .read { connection in
            let found = try query.entries(connection)
            let model = AuditPage.Model(
                offices: choices, office: query.office?.id.rawValue ?? "", date: query.from.iso,
                dateText: QueueRepresentations.germanDate(query.from),
                lines: found.entries.map { AuditWords.line($0, in: query.zone) },
                truncated: found.truncated)
            return .reply(PageAnswers.staffPage(AuditPage.html(frame, model)))
        }
    }
}
