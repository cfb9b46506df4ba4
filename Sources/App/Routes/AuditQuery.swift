import HTTPServer
import Scheduling
import Storage

/// A request for the audit trail, read and checked the same way by the API and the page: one
/// office (office managers see only theirs; the pipeline has checked the role for it) or, for
/// administrators only, the whole town; a range of local days.
struct AuditQuery: Sendable {
    /// The office, or nil for the whole town.
    var office: Office?
    var from: LocalDate
    var to: LocalDate
    /// The time zone the days are counted in: the office's, or the first office's for the town.
    var zone: Office

    /// Who may read the audit trail: office managers of the office named by `?office=`, and
    /// administrators (who may leave it out for the whole town).
    static let access = Contract.Access.staff([.officeManager], office: .query)

    /// The longest range of days one request may ask for.
    static let maxDays = 366
    /// The most entries one answer holds (the newest; `truncated` says when there were more).
    static let maxEntries = 5_000

    /// The query parameters.
    static let parameters = [
        QueryParameter(
            "office", description: "The office; administrators may leave it out for the whole town's entries"),
        QueryParameter(
            "from", schema: OpenAPIText.date, description: "The first local day (default: six days before `to`)"),
        QueryParameter("to", schema: OpenAPIText.date, description: "The last local day (default: today)"),
    ]

    /// Reads the query of `context` (`from`/`to` as given, or `date` for one day on the page).
    init(_ context: RequestContext, directory: OfficeDirectory, singleDay: Bool = false) throws(APIProblem) {
        let query = context.query
        if let id = query["office"], !id.isEmpty {
            office = try directory.office(named: id)
        } else if context.caller.isAdministrator {
            office = nil
        } else {
            throw .forbidden("Name the office (?office=…): only administrators see the whole town's entries.")
        }
        guard let zone = office ?? directory.all.first else { throw .notFound("There are no offices.") }
        self.zone = zone
        let today = directory.today(zone)
        var errors: [APIProblem.FieldError] = []
        func day(_ name: String) -> LocalDate? {
            guard let text = query[name] else { return nil }
            guard let date = LocalDate(iso: text) else {
                errors.append(.init(field: name, message: "a date YYYY-MM-DD"))
                return nil
            }
            return date
        }
        if singleDay {
            let date = day("date") ?? today
            (from, to) = (date, date)
        } else {
            to = day("to") ?? today
            from = day("from") ?? to.adding(days: -6)
        }
        if errors.isEmpty, from > to { errors.append(.init(field: "from", message: "is after to")) }
        if errors.isEmpty, from.adding(days: Self.maxDays) <= to {
            errors.append(.init(field: "from", message: "at most \(Self.maxDays) days from to"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
    }

    /// The entries, newest first, one more than the most read to tell whether there were more.
    func entries(_ connection: SQLiteConnection) throws -> (entries: [AuditEntry], truncated: Bool) {
        let start = zone.timeZone.frame(of: from).start
        let end = zone.timeZone.frame(of: to.adding(days: 1)).start
        let found = try connection.auditEntries(office: office?.id, from: start, to: end, limit: Self.maxEntries + 1)
        return (Array(found.prefix(Self.maxEntries)), found.count > Self.maxEntries)
    }
}
