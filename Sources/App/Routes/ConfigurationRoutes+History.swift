import HTTPServer
import Scheduling
import Storage

extension ConfigurationRoutes {
    /// The most entries of the audit log one request lists.
    static let maxAuditEntries = 500

    /// `GET /v1/offices/{office}/week` and `GET /v1/audit-log`: what the configuration opens in a
    /// week, and the staff's actions.
    var historyEndpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/offices/{office}/week",
                Contract(
                    query: [
                        QueryParameter(
                            "from", schema: #"{"type":"string","format":"date"}"#,
                            description: "The first of the seven days (default: this week's Monday)")
                    ], access: AdministrationAccess.office),
                operation: Operation(
                    "getOfficeWeek", tag: "Administration",
                    "What the configuration now opens in a week: per day and counter, the times open to each contingent, and the closures",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("WeekPlan"), "The week"))])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let from =
                    try Self.date(context.query["from"], field: "from") ?? Self.monday(of: directory.today(office))
                let plan = WeekPlan(office, services: directory.municipality.services, from: from)
                return .noStore(Self.week(plan, office: office))
            },
            Endpoint(
                .get, "/v1/offices/{office}/flagged-bookings",
                Contract(access: .staff([.hotline, .counter], office: .path)),
                operation: Operation(
                    "listFlaggedBookings", tag: "Staff",
                    "The office's bookings to come that a change of the configuration left outside its hours (kept and flagged for staff), with why",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("FlaggedBookings"), "The bookings"))])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let now = directory.clock()
                let services = directory.municipality.services
                return .read { connection in
                    let flagged = try Self.flagged(office: office, now: now, connection: connection)
                    var json = JSONWriter()
                    json.object { json in
                        json.string("office", office.id.rawValue)
                        json.array("bookings") { json in
                            for (booking, flag) in flagged {
                                json.object { json in
                                    json.raw(
                                        "booking",
                                        Representations.booking(
                                            booking, office: office, services: services, token: nil,
                                            includeContact: true))
                                    json.string("reason", flag.reason)
                                    json.int("version", ifPresent: flag.version)
                                    json.string("flaggedAt", RFC3339.format(flag.flaggedAt, offsetSeconds: 0))
                                }
                            }
                        }
                    }
                    return .noStore(json.bytes)
                }
            },
            Endpoint(
                .get, "/v1/audit-log",
                Contract(
                    query: [
                        QueryParameter("limit", schema: #"{"type":"integer","minimum":1,"maximum":500}"#),
                        QueryParameter(
                            "before", schema: #"{"type":"integer","minimum":1}"#,
                            description: "Only entries older than this entry id (the next page)"),
                        QueryParameter(
                            "office",
                            description: "Only this office's entries; office managers must name one of theirs"),
                    ], access: AdministrationAccess.log),
                operation: Operation(
                    "listAuditLog", tag: "Administration",
                    "What staff did, newest first: bookings made, moved and cancelled for citizens, queue actions, changes of the configuration, staff tokens created and revoked",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("AuditLog"), "The entries"))],
                    problems: [.notFound])
            ) { context in try auditLog(context) },
        ]
    }

    private func auditLog(_ context: RequestContext) throws -> Outcome {
        let limit = try Self.number(context.query["limit"], field: "limit", in: 1...Self.maxAuditEntries) ?? 100
        let before = try Self.number(context.query["before"], field: "before", in: 1...Int.max)
        let office = try context.query["office"].map { try directory.office(named: $0).id }
        try AdministrationAccess.requireOfficeUnlessAdministrator(context.caller, office: office)
        return .read { connection in
            let entries = try connection.auditEntries(limit: limit, before: before, office: office)
            var json = JSONWriter()
            json.object { json in
                json.array("entries") { json in
                    for entry in entries { json.object { json in Self.auditMembers(entry, into: &json) } }
                }
            }
            return .noStore(json.bytes)
        }
    }

    /// The office's flagged bookings that have not ended, by start, with their flags.
    static func flagged(office: Office, now: Instant, connection: SQLiteConnection) throws -> [(Booking, BookingFlag)] {
        let flags = Dictionary(
            try connection.bookingFlags(office: office.id).map { ($0.booking, $0) },
            uniquingKeysWith: { first, _ in first })
        guard !flags.isEmpty else { return [] }
        return try connection.activeBookings(office: office.id, endingAfter: now).compactMap { stored in
            guard let flag = flags[stored.id] else { return nil }
            let placement = Placement(date: office.timeZone.local(stored.start).date, counterIndex: 0, units: 0..<0)
            return (stored.booking(at: placement), flag)
        }
    }

    static func auditMembers(_ entry: AuditEntry, into json: inout JSONWriter) {
        json.int("id", entry.id)
        json.string("at", RFC3339.format(entry.at, offsetSeconds: 0))
        json.string("actor", entry.actor)
        json.string("actorName", ifPresent: entry.actorName)
        json.string("role", entry.role)
        json.string("action", entry.action)
        json.string("office", ifPresent: entry.office?.rawValue)
        json.string("target", ifPresent: entry.target)
        json.string("detail", ifPresent: entry.detail)
    }

    /// The week a preview shows (`weekFrom` of the body), if given.
    static func weekFrom(_ context: RequestContext) throws -> LocalDate? {
        var body = context.body()
        let text = body.field("weekFrom", required: false) { reader in try reader.string() }
        guard let text else { return nil }
        return try date(text, field: "weekFrom")
    }

    /// `text` as a date, or a validation problem naming `field`.
    static func date(_ text: String?, field: String) throws(APIProblem) -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw .validation([.init(field: field, message: "expected a date YYYY-MM-DD, got \"\(text)\"")])
        }
        return date
    }

    /// `text` as a whole number in `range`, or a validation problem naming `field`.
    static func number(_ text: String?, field: String, in range: ClosedRange<Int>) throws(APIProblem) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .validation([
                .init(field: field, message: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            ])
        }
        return value
    }

    /// The Monday of the week of `date`.
    static func monday(of date: LocalDate) -> LocalDate {
        date.adding(days: 1 - date.weekday.rawValue)
    }

    /// A week's plan: `{office, from, days: [{date, weekday, counters: [{counter, name,
    /// intervals: [{from, to, openTo}], closures}]}]}`.
    static func week(_ plan: WeekPlan, office: Office) -> [UInt8] {
        var json = JSONWriter()
        weekMembers(plan, office: office, into: &json)
        return json.bytes
    }

    static func weekMembers(_ plan: WeekPlan, office: Office, into json: inout JSONWriter) {
        json.object { json in
            json.string("office", office.id.rawValue)
            json.string("from", plan.days.first?.date.iso ?? "")
            json.array("days") { json in
                for day in plan.days {
                    json.object { json in
                        json.string("date", day.date.iso)
                        json.string("weekday", day.date.weekday.key)
                        json.array("counters") { json in
                            for counter in day.counters {
                                json.object { json in
                                    json.string("counter", counter.counter.rawValue)
                                    json.string(
                                        "name",
                                        office.counters.first { $0.id == counter.counter }?.name
                                            ?? counter.counter.rawValue)
                                    json.array("intervals") { json in
                                        for interval in counter.intervals {
                                            json.object { json in
                                                json.string("from", interval.from.hhmm)
                                                json.string("to", interval.to.hhmm)
                                                json.string("openTo", interval.contingent.key)
                                            }
                                        }
                                    }
                                    json.array("closures") { json in
                                        for reason in counter.closures { json.string(reason) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
