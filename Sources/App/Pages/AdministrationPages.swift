import Display
import HTTPServer
import Scheduling
import Storage

/// The administration console's pages (Documentation/Administration.md): the console at
/// `/staff/administration` and the history at `/staff/administration/history`, for signed-in
/// office managers and administrators (a browser without a session is sent to sign in), and the
/// fragments their script loads with the session: an office's editor (of the configuration now,
/// or of a document being edited), the preview of a change, a week, and the history's entries.
/// Access: `AdministrationAccess`.
struct AdministrationPages: Sendable {
    let directory: OfficeDirectory
    let desk: ConfigurationDesk
    let sessions: StaffSessions

    /// The most versions and audit entries the history page lists.
    static let historyVersions = 50
    static let historyActions = 200

    var endpoints: [Endpoint] {
        let access = AdministrationAccess.route
        let office = Contract(access: AdministrationAccess.office)
        let body = Contract(body: .json(schema: "{}"), access: AdministrationAccess.office)
        return [
            Endpoint(.get, "/staff/administration", Contract(access: access)) { context in console(context) },
            Endpoint(.get, "/staff/administration/history", Contract(access: access)) { context in
                .reply(
                    PageAnswers.staffPage(
                        AdministrationHistoryPage.html(
                            town: directory.municipality.name,
                            offices: Self.logOffices(context.caller, of: directory.municipality).map(\.id.rawValue),
                            person: context.person?.name,
                            formToken: context.person.map { sessions.formToken(for: $0) })))
            },
            Endpoint(.get, "/staff/administration/offices/{office}/editor", office) { context in
                let index = try officeIndex(context)
                guard let document = directory.configuration.current.document else { throw Self.unavailable }
                return fragment(editor(document.root, index: index, caller: context.caller))
            },
            Endpoint(.post, "/staff/administration/offices/{office}/editor", body) { context in
                let index = try officeIndex(context)
                let document = try ConfigurationRoutes.document(context, also: [])
                return fragment(editor(document.root, index: index, caller: context.caller))
            },
            Endpoint(.post, "/staff/administration/offices/{office}/preview", body) { context in
                try preview(context)
            },
            Endpoint(
                .get, "/staff/administration/offices/{office}/week",
                Contract(query: [QueryParameter("from")], access: AdministrationAccess.office)
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let from =
                    try ConfigurationRoutes.date(context.query["from"], field: "from")
                    ?? ConfigurationRoutes.monday(of: directory.today(office))
                let plan = WeekPlan(office, services: directory.municipality.services, from: from)
                return fragment(AdministrationPage.week(AdministrationViews.week(plan, office: office)))
            },
            Endpoint(.get, "/staff/administration/offices/{office}/flagged", office) { context in
                let office = try directory.office(named: context.parameter("office"))
                let now = directory.clock()
                let services = directory.municipality.services
                return .read { connection in
                    let items = try ConfigurationRoutes.flagged(office: office, now: now, connection: connection).map {
                        AdministrationViews.booking(
                            $0.0, office: office, services: services, reason: $0.1.reason, moveTo: nil)
                    }
                    return fragment(AdministrationPage.flagged(items))
                }
            },
            Endpoint(.get, "/staff/administration/history/entries", Contract(access: access)) { context in
                let municipality = directory.municipality
                let offices = Self.logOffices(context.caller, of: municipality).map(\.id)
                return .read { connection in
                    let versions = try connection.configurationHistory(limit: Self.historyVersions)
                    let entries = try Self.entries(offices, connection: connection)
                    let names = try connection.staffTokenNames()
                    let people = Dictionary(
                        try connection.staffMembers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                    let view = AdministrationViews.history(
                        versions: versions, entries: entries, names: names, people: people, municipality: municipality)
                    return fragment(AdministrationHistoryPage.entries(view))
                }
            },
        ]
    }

    /// The offices whose entries of the audit log `caller` reads: none named for an administrator
    /// (the whole town's), else those they manage.
    static func logOffices(_ caller: Caller, of municipality: Municipality) -> [Office] {
        caller.isAdministrator ? [] : AdministrationAccess.offices(caller, of: municipality)
    }

    /// The newest entries of the audit log of `offices` (none: the whole town), newest first.
    private static func entries(_ offices: [OfficeID], connection: SQLiteConnection) throws -> [AuditEntry] {
        guard !offices.isEmpty else { return try connection.auditEntries(limit: historyActions) }
        let found = try offices.flatMap { try connection.auditEntries(limit: historyActions, office: $0) }
        return Array(found.sorted { $0.id > $1.id }.prefix(historyActions))
    }

    private static let unavailable = APIProblem(
        .configurationUnavailable, detail: "This server was started without a configuration document.")

    /// `GET /staff/administration`: the console for the offices the caller manages, tomorrow in
    /// the "close a day" form.
    private func console(_ context: RequestContext) -> Outcome {
        let municipality = directory.municipality
        let offices = AdministrationAccess.offices(context.caller, of: municipality)
        let today = offices.first.map { directory.today($0) } ?? LocalDate(dayNumber: 0)
        return .reply(
            PageAnswers.staffPage(
                AdministrationPage.html(
                    town: municipality.name,
                    offices: offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    tomorrow: today.adding(days: 1).iso, thisWeek: ConfigurationRoutes.monday(of: today).iso,
                    timeZone: offices.first?.timeZone.identifier, person: context.person?.name,
                    formToken: context.person.map { sessions.formToken(for: $0) })))
    }

    /// The index in the document of the route's `{office}`.
    private func officeIndex(_ context: RequestContext) throws -> Int {
        let office = try directory.office(named: context.parameter("office"))
        guard let index = directory.municipality.offices.firstIndex(where: { $0.id == office.id }) else {
            throw APIProblem.notFound("There is no office \"\(office.id)\".")
        }
        return index
    }

    /// The editor of office `index`; without the services for a caller who may not change them.
    private func editor(_ root: JSONValue, index: Int, caller: Caller) -> String {
        let today = directory.municipality.offices.first.map { directory.today($0) } ?? LocalDate(dayNumber: 0)
        let sections = AdministrationEditor.sections(root, officeIndex: index, today: today)
        return AdministrationPage.editor(
            AdministrationAccess.changesTownWide(caller)
                ? sections : sections.filter { !AdministrationEditor.townWideSections.contains($0.id) })
    }

    /// `POST …/preview` `{document, weekFrom?, decision?}`: the preview of a change as the console
    /// shows it, or its problems beside their fields.
    private func preview(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let document = try ConfigurationRoutes.document(context, also: ["weekFrom", "decision"])
        let weekFrom =
            try ConfigurationRoutes.weekFrom(context) ?? ConfigurationRoutes.monday(of: directory.today(office))
        var body = context.body()
        let chosen = body.field("decision", required: false) { reader in try reader.string() }
        guard let decision = Reconfiguration.Decision(rawValue: chosen ?? "keep") else {
            throw APIProblem.validation([.init(field: "decision", message: "keep, move or cancel")])
        }
        let caller = context.caller
        let completed = desk.completed(document)
        return .read { connection in
            let view: ChangePreview
            do {
                let preview = try desk.preview(document, caller: caller, connection: connection)
                view = AdministrationViews.preview(
                    preview, before: preview.previous, after: completed.root, office: office.id, weekFrom: weekFrom,
                    decision: decision)
            } catch let problem as APIProblem where problem.kind == .validation {
                view = AdministrationViews.problems(problem, document: completed.root)
            }
            return fragment(AdministrationPage.preview(view))
        }
    }

    /// An HTML fragment for the console's script.
    private func fragment(_ html: String) -> Outcome {
        var response = HTTPResponse(status: .ok, body: Array(html.utf8))
        response.headers.set("Content-Type", "text/html; charset=utf-8")
        response.headers.set("Cache-Control", "no-store")
        return .response(response)
    }
}
