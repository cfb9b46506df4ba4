import HTTPServer
import Scheduling
import Storage

/// Wishes and offers (Documentation/Wishes.md): leaving a wish (a citizen, or the hotline for a
/// caller), confirming and withdrawing it by its token, reading, booking and declining an offer by
/// its token (or its wish's), and the count of wishes per service for staff.
struct WishRoutes: Sendable {
    let directory: OfficeDirectory
    let desk: WishDesk

    private static let tokenSecurity = #"[{"bookingToken":[]},{"bookingTokenQuery":[]}]"#
    private static let wishParameter = #"{"name":"wish","in":"path","required":true,"schema":{"type":"string"}}"#
    private static let offerParameter = #"{"name":"offer","in":"path","required":true,"schema":{"type":"string"}}"#

    var endpoints: [Endpoint] {
        let wishAnswer = OpenAPIText.json(WishRepresentations.wishSchema, "The wish")
        let offerAnswer = OpenAPIText.json(WishRepresentations.offerSchema, "The offer")
        let holder = Contract(query: [.bookingToken])
        return [
            Endpoint(
                .post, "/v1/wishes", Contract(body: .json(schema: WishRepresentations.requestSchema), access: .caller),
                operation: Operation(
                    "leaveWish", tag: "Wishes", "Leave a wish for a time that fits",
                    description:
                        "A citizen's wish waits for its e-mail address to be confirmed by the link in the mail it gets (POST …/confirm with the token); the hotline's (staff token) counts at once. The answer carries the wish's token once: it opens the wish and its offers.",
                    responses: [("201", wishAnswer)],
                    problems: [
                        .noWishes, .alreadyWishing, .tooManyWishes, .unknownService, .serviceNotOffered,
                        .servicesNotCombinable, .serviceNotBookableOnline,
                    ])
            ) { context in try leave(context) },
            Endpoint(
                .get, "/v1/wishes/summary", Contract(access: .staff([.hotline, .counter], office: .any)),
                operation: Operation(
                    "wishSummary", tag: "Wishes",
                    "How many wishes wait per service, how many have an open offer, and how the others ended",
                    responses: [("200", OpenAPIText.json(WishRepresentations.summarySchema, "The counts"))])
            ) { _ in
                let services = directory.municipality.services
                return .read { connection in
                    .noStore(WishRepresentations.summary(try connection.wishCounts(), services: services))
                }
            },
            Endpoint(
                .get, "/v1/wishes/{wish}", holder,
                operation: Operation(
                    "getWish", tag: "Wishes", "A wish: where it stands, its open offer, how many wait ahead of it",
                    responses: [("200", wishAnswer)], problems: [.unauthorized, .forbidden],
                    security: Self.tokenSecurity, parameters: [Self.wishParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "wish")
                return .onQueue(desk.queue) { answer(try desk.wish(WishID(id), token: token)) }
            },
            Endpoint(
                .post, "/v1/wishes/{wish}/confirm", holder,
                operation: Operation(
                    "confirmWish", tag: "Wishes", "Confirm a wish's e-mail address: from now on it waits in line",
                    responses: [("200", wishAnswer)],
                    problems: [.unauthorized, .forbidden, .wishConfirmationExpired, .wishClosed, .alreadyWishing],
                    security: Self.tokenSecurity, parameters: [Self.wishParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "wish")
                return .onQueue(desk.queue) { answer(try desk.confirm(WishID(id), token: token)) }
            },
            Endpoint(
                .delete, "/v1/wishes/{wish}", holder,
                operation: Operation(
                    "withdrawWish", tag: "Wishes", "Withdraw a wish; an open offer's time goes to the next wish",
                    responses: [("200", wishAnswer)], problems: [.unauthorized, .forbidden, .wishClosed],
                    security: Self.tokenSecurity, parameters: [Self.wishParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "wish")
                return .onQueue(desk.queue) { answer(try desk.withdraw(WishID(id), token: token)) }
            },
            Endpoint(
                .get, "/v1/offers/{offer}", holder,
                operation: Operation(
                    "getOffer", tag: "Wishes", "An offer: the time held for a wish and until when it may be booked",
                    responses: [("200", offerAnswer)], problems: [.unauthorized, .forbidden],
                    security: Self.tokenSecurity, parameters: [Self.offerParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "offer")
                return .onQueue(desk.queue) {
                    let (offer, _) = try desk.offer(id, token: token)
                    return .noStore(
                        WishRepresentations.offer(offer, office: try directory.office(named: offer.office.rawValue)))
                }
            },
            Endpoint(
                .post, "/v1/offers/{offer}/book", holder,
                operation: Operation(
                    "bookOffer", tag: "Wishes", "Book an offered time: the booking carries the wish's contact",
                    description:
                        "The answer is the booking with its token, shown once (as from POST /v1/bookings); the wish ends with it.",
                    responses: [("201", OpenAPIText.json(OpenAPIText.ref("Booking"), "The booking"))],
                    problems: [.unauthorized, .forbidden, .offerExpired, .offerClosed, .limitReached],
                    security: Self.tokenSecurity, parameters: [Self.offerParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "offer")
                let services = directory.municipality.services
                return .onQueue(desk.queue) {
                    let (booking, made, office) = try desk.book(offer: id, token: token)
                    return .noStore(
                        Representations.booking(
                            booking, office: office, services: services, token: made, includeContact: false),
                        status: 201,
                        headers: [
                            ("Location", "/v1/bookings/\(booking.id.rawValue)"), ("ETag", "\"\(booking.sequence)\""),
                        ])
                }
            },
            Endpoint(
                .post, "/v1/offers/{offer}/decline", holder,
                operation: Operation(
                    "declineOffer", tag: "Wishes",
                    "Decline an offered time: it goes to the next wish that fits; the wish keeps waiting",
                    responses: [("200", offerAnswer)],
                    problems: [.unauthorized, .forbidden, .offerExpired, .offerClosed],
                    security: Self.tokenSecurity, parameters: [Self.offerParameter])
            ) { context in
                let (id, token) = try Self.credentials(context, "offer")
                return .onQueue(desk.queue) {
                    let offer = try desk.decline(offer: id, token: token)
                    return .noStore(
                        WishRepresentations.offer(offer, office: try directory.office(named: offer.office.rawValue)))
                }
            },
        ]
    }

    /// A wish as JSON.
    private func answer(_ view: WishView, status: Int = 200, token: String? = nil) -> Outcome {
        let path = "/v1/wishes/\(view.wish.id.rawValue)"
        return .noStore(
            WishRepresentations.wish(view, offices: directory.all, token: token), status: status,
            headers: status == 201 ? [("Location", path)] : [])
    }

    /// `POST /v1/wishes`: reads the wish, then leaves it on the desk's queue.
    private func leave(_ context: RequestContext) throws -> Outcome {
        let staff = context.caller.staff
        if let staff, ![StaffRole.hotline, .counter, .admin].contains(staff.role) {
            throw APIProblem.forbidden("A \(staff.role.rawValue) token cannot leave wishes.")
        }
        let draft = try Self.draft(context, today: directory.all.first.map { directory.today($0) })
        let actor = context.caller.actor
        return .onQueue(desk.queue) {
            let (wish, token) = try desk.leave(draft, staff: actor)
            return answer(WishView(wish: wish, offer: nil, ahead: 0), status: 201, token: token)
        }
    }

    /// The wish of a request body, every bad field named.
    static func draft(_ context: RequestContext, today: LocalDate?) throws(APIProblem) -> WishDraft {
        var body = context.body()
        let services = body.field("services") { try $0.serviceIDs() }
        let persons = body.field("persons", required: false) { try $0.int(in: 1...20) } ?? 1
        let offices = body.field("offices") { reader throws(JSONPathError) in
            let items = try reader.array()
            guard !items.isEmpty else { throw reader.fail("name at least one office") }
            var ids: [OfficeID] = []
            for item in items {
                let id = OfficeID(try item.string())
                if !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
        let weekdays =
            body.field("weekdays", required: false) { reader throws(JSONPathError) in
                var days = Set<Weekday>()
                for item in try reader.array() {
                    let key = try item.string()
                    guard let day = Weekday(key: key) else {
                        throw item.fail("unknown day \"\(key)\"; use mon, tue, wed, thu, fri, sat, sun")
                    }
                    days.insert(day)
                }
                return days
            } ?? Set(Weekday.allCases)
        let times =
            body.field("times", required: false) { reader throws(JSONPathError) in
                var ranges: [DayTimeRange] = []
                for item in try reader.array() {
                    var object = try item.object()
                    let from = try object.required("from").string()
                    let toReader = try object.required("to")
                    let to = try toReader.string()
                    try object.finish()
                    guard let range = DayTimeRange(text: from + "-" + to) else {
                        throw toReader.fail("\"from\" and \"to\" must be HH:MM with from before to")
                    }
                    ranges.append(range)
                }
                return ranges
            } ?? [DayTimeRange.wholeDay]
        let earliest = body.field("earliest", required: false) { try Self.date($0) } ?? today
        let latest = body.field("latest") { try Self.date($0) }
        let contact = body.field("contact") { try $0.contact(requireReachable: true) }
        let language =
            body.field("language", required: false) { reader throws(JSONPathError) in
                let code = try reader.string()
                guard let language = Language(rawValue: code) else { throw reader.fail("use de or en") }
                return language
            } ?? .german
        try body.finish()
        guard let services, let offices, let earliest, let latest, let contact else {
            throw APIProblem.validation([.init(field: "", message: "incomplete wish")])
        }
        return WishDraft(
            services: services, persons: persons, offices: offices, weekdays: weekdays, times: times,
            earliest: earliest, latest: latest, contact: contact, language: language)
    }

    private static func date(_ reader: JSONReader) throws(JSONPathError) -> LocalDate {
        let text = try reader.string()
        guard let date = LocalDate(iso: text) else { throw reader.fail("expected a date such as 2026-12-24") }
        return date
    }

    /// The route's `{name}` and the token (Authorization: Bearer …, or `?token=` in links).
    static func credentials(_ context: RequestContext, _ name: String) throws(APIProblem) -> (id: String, token: String)
    {
        guard let token = CallerResolver.token(of: context.request) else {
            throw .unauthorized(
                "Show the \(name)'s token (Authorization: Bearer …, or ?token= from the e-mail's link).")
        }
        return (context.parameter(name), token)
    }
}
