import HTTPServer
import Scheduling
import Storage
import Synchronization

/// The offices and their services (answers that never change while the server runs, with their
/// ETags), an office's closures as a calendar, and availability: the free start times of one
/// office and the earliest start anywhere.
struct OfficeRoutes: Sendable {
    let directory: OfficeDirectory
    let rush: RushDesk
    let cache: AvailabilityCache
    /// The other instances, when offices are spread over several (searches ask them too).
    let peers: Peers?
    /// The answers that never change while the configuration does not: all offices, each office,
    /// all services, made once per configuration version with their ETags.
    private let bodies = Box()

    /// The static answers last made (a class, so that the routes' copies share it).
    private final class Box: Sendable {
        let made = Mutex<StaticBodies?>(nil)
    }

    struct StaticBodies: Sendable {
        var version: Int
        var offices: HTTPResponse
        var office: [OfficeID: HTTPResponse]
        var services: HTTPResponse
    }

    /// The longest date range one availability request may span.
    static let maxAvailabilityDays = 92

    init(directory: OfficeDirectory, rush: RushDesk, cache: AvailabilityCache, peers: Peers? = nil) {
        self.directory = directory
        self.rush = rush
        self.cache = cache
        self.peers = peers
    }

    /// The static answers of the configuration now.
    func staticBodies() -> StaticBodies {
        let state = directory.configuration.current
        if let made = bodies.made.withLock({ $0 }), made.version == state.version { return made }
        let municipality = state.municipality
        var json = JSONWriter()
        json.array { json in for office in municipality.offices { Representations.office(office, into: &json) } }
        var each: [OfficeID: HTTPResponse] = [:]
        for office in municipality.offices {
            var one = JSONWriter()
            Representations.office(office, into: &one)
            each[office.id] = Self.unchanging(one.bytes)
        }
        var list = JSONWriter()
        list.array { json in
            for service in municipality.services {
                let at = municipality.offices.filter { $0.offeredServices.contains(service.id) }.map(\.id)
                Representations.service(service, offices: at, into: &json)
            }
        }
        let made = StaticBodies(
            version: state.version, offices: Self.unchanging(json.bytes), office: each,
            services: Self.unchanging(list.bytes))
        bodies.made.withLock { $0 = made }
        return made
    }

    /// An answer that changes only with the configuration: JSON, cacheable for a minute, with its
    /// ETag (worked out once, not per request).
    static func unchanging(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: [
                "Content-Type": "application/json", "Cache-Control": "public, max-age=60", "ETag": ETag.of(body),
            ],
            body: body)
    }

    var endpoints: [Endpoint] {
        let conditional = Contract(conditional: true)
        return [
            Endpoint(
                .get, "/v1/offices", conditional,
                operation: Operation(
                    "listOffices", tag: "Offices", "The offices",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(#"{"type":"array","items":\#(OpenAPIText.ref("Office"))}"#, "The offices")
                        )
                    ])
            ) { _ in .response(staticBodies().offices) },
            Endpoint(
                .get, "/v1/offices/{office}", conditional,
                operation: Operation(
                    "getOffice", tag: "Offices", "One office",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Office"), "The office"))])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                return .response(staticBodies().office[office.id] ?? Self.unchanging([]))
            },
            Endpoint(
                .get, "/v1/services", conditional,
                operation: Operation(
                    "listServices", tag: "Offices",
                    "The services, with duration, fee, LeiKa key and the documents to bring",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(
                                #"{"type":"array","items":\#(OpenAPIText.ref("Service"))}"#, "The services")
                        )
                    ])
            ) { _ in .response(staticBodies().services) },
            Endpoint(
                .get, "/v1/offices/{office}/availability",
                Contract(query: Self.availabilityQuery, access: .caller, conditional: true),
                operation: Operation(
                    "getAvailability", tag: "Availability",
                    "Free start times for services and persons, for the caller's channel",
                    description:
                        "Without a token the online contingent is used; a staff token uses its role's (hotline, counter). Answers carry an ETag; If-None-Match gives 304.",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Availability"), "Free starts by day"))],
                    problems: [.unknownService, .serviceNotOffered, .servicesNotCombinable])
            ) { context in try availability(context) },
            Endpoint(
                .get, "/v1/availability/earliest",
                Contract(query: Array(Self.availabilityQuery.prefix(3)) + [Self.scopeParameter], access: .caller),
                operation: Operation(
                    "getEarliest", tag: "Availability", "The earliest start per office, soonest first",
                    description:
                        "With several instances, each asks the others (scope=instance) and lists their offices too; an instance that does not answer in time makes the answer partial.",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(
                                OpenAPIText.ref("Earliest"), "The earliest start of each office that has one")
                        )
                    ],
                    problems: [.unknownService])
            ) { context in try earliest(context) },
            Endpoint(
                .get, "/v1/offices/{office}/closures.ics", conditional,
                operation: Operation(
                    "getClosures", tag: "Offices",
                    "The office's closures (holidays, closure days) as an iCalendar file to subscribe to",
                    responses: [("200", OpenAPIText.text("text/calendar", "An iCalendar file"))])
            ) { context in try closures(context) },
        ]
    }

    static let availabilityQuery: [QueryParameter] = [
        QueryParameter(
            "service", schema: #"{"type":"array","items":{"type":"string"}}"#, required: true, repeatable: true,
            description: "A service id; repeat for several services"),
        QueryParameter("persons", schema: OpenAPIText.persons),
        QueryParameter("from", schema: OpenAPIText.date, description: "First day (default today)"),
        QueryParameter(
            "to", schema: OpenAPIText.date, description: "Last day (default from + 13 days; at most 92 days)"),
    ]

    /// `scope` of the earliest search: `all` offices (default) or those of this `instance` only
    /// (what instances ask each other).
    static let scopeParameter = QueryParameter(
        "scope", schema: #"{"type":"string","enum":["all","instance"],"default":"all"}"#,
        description: "all: every office of the town (default); instance: only the offices this instance serves")

    // MARK: Closures

    /// `GET /v1/offices/{office}/closures.ics`: from 30 days ago to a year ahead.
    private func closures(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let today = directory.today(office)
        let text = BookingCalendar.closures(
            of: office, dates: today.adding(days: -30)...today.adding(days: 365),
            stamp: office.timeZone.frame(of: today).start)
        return .response(
            HTTPResponse(
                status: .ok,
                headers: [
                    "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=3600",
                    "Content-Disposition": "inline; filename=\"schliesstage-\(office.id.rawValue).ics\"",
                ], body: Array(text.utf8)))
    }
}
