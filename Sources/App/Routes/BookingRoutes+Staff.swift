import HTTPServer
import Scheduling
import Storage

extension BookingRoutes {
    /// What hotline and counter staff look up: a booking by its reference, an office's day.
    var staffEndpoints: [Endpoint] {
        [
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
            var json = JSONWriter(capacity: 512 + bookings.count * 700)
            json.object { json in
                json.string("office", office.id.rawValue)
                json.string("date", day.iso)
                json.array("bookings") { json in
                    for booking in bookings {
                        json.raw(
                            Representations.booking(
                                booking, office: office, services: directory.municipality.services, token: nil,
                                includeContact: true))
                    }
                }
            }
            return .noStore(json.bytes)
        }
    }
}
