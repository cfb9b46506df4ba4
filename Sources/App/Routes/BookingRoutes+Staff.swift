import HTTPServer
import Scheduling
import Storage

extension BookingRoutes {
    /// What hotline and counter staff look up: a booking by its reference, bookings by the
    /// caller's phone, e-mail or name, an office's day.
    var staffEndpoints: [Endpoint] {
        [
            Endpoint(
                .post, "/v1/bookings/search",
                Contract(
                    body: .json(schema: OpenAPIText.ref("BookingSearch")),
                    access: .staff([.hotline, .counter], office: .any)),
                operation: Operation(
                    "searchBookings", tag: "Staff",
                    "Find bookings by reference, phone number, e-mail address or name",
                    description:
                        "For a caller who lost both link and reference: today's and coming bookings (cancelled ones too) at the offices the token covers, soonest first, at most 20 (`more` says when more matched). A POST, so that a caller's name, number or address never stands in a URL (and so in the logs of proxies); a reference is found whatever its date.",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("BookingSearchResult"), "The bookings found"))]
                )
            ) { context in try searchBookings(context) },
            Endpoint(
                .get, "/v1/bookings",
                Contract(
                    query: [QueryParameter("reference", required: true)],
                    access: .staff([.hotline, .counter], office: .any)),
                operation: Operation(
                    "findBooking", tag: "Staff", "Find a booking by its reference",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Booking"), "The booking"))],
                    problems: [.notFound])
            ) { context in try findBooking(context) },
            Endpoint(
                .get, "/v1/offices/{office}/bookings",
                Contract(
                    query: [QueryParameter("date", schema: OpenAPIText.date)],
                    access: .staff([.hotline, .counter], office: .path)),
                operation: Operation(
                    "listOfficeBookings", tag: "Staff", "An office's bookings of a day",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("BookingList"), "The bookings"))])
            ) { context in try officeBookings(context) },
        ]
    }

    /// `GET /v1/bookings?reference=REF` (hotline, counter, admin).
    private func findBooking(_ context: RequestContext) throws -> Outcome {
        guard let reference = context.query["reference"], !reference.isEmpty else {
            throw APIProblem.validation([.init(field: "reference", message: "is required: ?reference=K7M-4PQ")])
        }
        return .read { [directory] connection in
            guard let found = try connection.booking(reference: reference),
                let office = directory.office(found.booking.office)
            else { throw APIProblem.notFound("There is no booking with reference \(reference).") }
            if !context.caller.holds([.hotline, .counter], office: office.id) {
                throw APIProblem.forbidden(
                    context.staff.map { "This token is for office \($0.office?.rawValue ?? "")" }
                        ?? "This needs the role hotline or counter for office \(office.id).")
            }
            return .noStore(
                Representations.booking(
                    found.booking, office: office, services: directory.municipality.services, token: nil,
                    includeContact: true),
                headers: [("ETag", "\"\(found.booking.sequence)\"")])
        }
    }

    /// `GET /v1/offices/{office}/bookings?date=DATE` (hotline, counter, admin).
    private func officeBookings(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        var date = directory.today(office)
        if let text = context.query["date"] {
            guard let parsed = LocalDate(iso: text) else {
                throw APIProblem.validation([.init(field: "date", message: "a date YYYY-MM-DD")])
            }
            date = parsed
        }
        let day = date
        return .read { [directory] connection in
            let bookings = try connection.bookings(office: office.id, day: day)
            let tickets = try connection.checkedInTickets(office: office.id, day: day)
            var json = JSONWriter(capacity: 512 + bookings.count * 700)
            json.object { json in
                json.string("office", office.id.rawValue)
                json.string("date", day.iso)
                json.array("bookings") { json in
                    for booking in bookings {
                        json.raw(
                            Representations.booking(
                                booking, office: office, services: directory.municipality.services, token: nil,
                                includeContact: true, listed: true, ticket: tickets[booking.id]))
                    }
                }
            }
            return .noStore(json.bytes)
        }
    }

    /// `POST /v1/bookings/search` `{query}` (hotline, counter, admin): the bookings of today and
    /// later whose contact matches, at the offices the token or person covers.
    private func searchBookings(_ context: RequestContext) throws -> Outcome {
        var body = context.body()
        let text = body.field("query") { try $0.text(maxLength: 200) }
        try body.finish()
        guard let text, let search = BookingSearch(text) else {
            throw APIProblem.validation([
                .init(
                    field: "query",
                    message:
                        "at least \(BookingSearch.minimumLength) characters: a reference, a phone number, part of an e-mail address or a name"
                )
            ])
        }
        // The offices the caller books for: a token's one (or all), a person's where they have the
        // hotline role (everywhere) or counter staff's.
        let offices: Set<OfficeID>?
        switch context.caller {
        case .staff(let token): offices = token.office.map { [$0] }
        case .person where context.caller.holds([.hotline], office: nil): offices = nil
        case .person: offices = Set(directory.all.map(\.id).filter { context.caller.holds([.counter], office: $0) })
        case .citizen: offices = []
        }
        let now = directory.clock()
        // From the start of today in the earliest of the offices' zones.
        let from = directory.all.map { $0.timeZone.frame(of: $0.timeZone.local(now).date).start }.min() ?? now
        return .read { [directory] connection in
            let (bookings, more) = try connection.searchBookings(search, endingAfter: from, offices: offices)
            var json = JSONWriter(capacity: 256 + bookings.count * 900)
            json.object { json in
                json.string("kind", search.kind.rawValue)
                json.array("bookings") { json in
                    for booking in bookings {
                        guard let office = directory.office(booking.office) else { continue }
                        json.raw(
                            Representations.booking(
                                booking, office: office, services: directory.municipality.services, token: nil,
                                includeContact: true))
                    }
                }
                json.bool("more", more)
            }
            return .noStore(json.bytes)
        }
    }
}
