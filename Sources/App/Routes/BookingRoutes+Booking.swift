import HTTPServer
import Scheduling
import Storage

extension BookingRoutes {
    /// A booking's own routes: read, cancel, move and its calendar file, for the holder of its
    /// token or hotline and counter staff of its office.
    var bookingEndpoints: [Endpoint] {
        let holder = Contract(query: [.bookingToken], access: .bookingHolder)
        return [
            Endpoint(
                .get, "/v1/bookings/{booking}",
                Contract(query: [.bookingToken], access: .bookingHolder, conditional: true),
                operation: Operation(
                    "getBooking", tag: "Bookings", "One booking",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Booking"), "The booking"))])
            ) { context in
                try directory.withBooking(context) { booking, office in
                    .noStore(
                        Representations.booking(
                            booking, office: office, services: directory.municipality.services, token: nil,
                            includeContact: true), headers: [("ETag", "\"\(booking.sequence)\"")])
                }
            },
            Endpoint(
                .delete, "/v1/bookings/{booking}",
                Contract(query: [.bookingToken], access: .bookingHolder, idempotent: true, ifMatch: true),
                operation: Operation(
                    "cancelBooking", tag: "Bookings", "Cancel a booking",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Booking"), "The cancelled booking"))],
                    problems: [.bookingCancelled, .bookingStarted, .preconditionFailed])
            ) { context in
                try directory.withBooking(context) { booking, office in
                    let sequence = try Self.expectedSequence(context)
                    let channel = context.caller.channel(at: office.id)
                    let services = directory.municipality.services
                    return .command(
                        .cancel(booking.id, channel: channel, ifSequence: sequence), to: try directory.writer(office)
                    ) { result in try Self.booking(result, office: office, services: services, status: 200) }
                }
            },
            Endpoint(
                .post, "/v1/bookings/{booking}/reschedule",
                Contract(
                    query: [.bookingToken],
                    body: .json(
                        schema: OpenAPIText.object(
                            #""start":{"type":"string","format":"date-time"}"#, required: ["start"], closed: true)),
                    access: .bookingHolder, idempotent: true, ifMatch: true),
                operation: Operation(
                    "rescheduleBooking", tag: "Bookings",
                    "Move a booking to another start in one step (the old time is kept if the new one is gone)",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Booking"), "The moved booking"))],
                    problems: [
                        .slotUnavailable, .bookingCancelled, .bookingStarted, .preconditionFailed, .startNotOffered,
                    ])
            ) { context in
                try directory.withBooking(context) { booking, office in
                    var body = context.body()
                    let start = body.field("start") { try $0.instant() }
                    try body.finish()
                    guard let start else {
                        throw APIProblem.validation([.init(field: "start", message: "is required")])
                    }
                    let sequence = try Self.expectedSequence(context)
                    let channel = context.caller.channel(at: office.id)
                    let services = directory.municipality.services
                    return .command(
                        .reschedule(booking.id, start: start, channel: channel, ifSequence: sequence),
                        to: try directory.writer(office)
                    ) { result in try Self.booking(result, office: office, services: services, status: 200) }
                }
            },
            Endpoint(
                .get, "/v1/bookings/{booking}/calendar.ics", holder,
                operation: Operation(
                    "getBookingCalendar", tag: "Bookings",
                    "The booking as an iCalendar file (METHOD:CANCEL once cancelled)",
                    responses: [("200", OpenAPIText.text("text/calendar", "An iCalendar file"))])
            ) { context in
                try directory.withBooking(context) { booking, office in
                    let text = BookingCalendar.ics(
                        booking, office: office, services: directory.municipality.services,
                        language: booking.contact.language)
                    let method = booking.status == .cancelled ? "CANCEL" : "PUBLISH"
                    return .response(
                        HTTPResponse(
                            status: .ok,
                            headers: [
                                "Content-Type": "text/calendar; charset=utf-8; method=\(method)",
                                "Content-Disposition": "attachment; filename=\"termin-\(booking.reference).ics\"",
                                "Cache-Control": "no-store",
                            ], body: Array(text.utf8)))
                }
            },
        ]
    }

    /// The version an `If-Match` asks for; nil without one. `*` matches any version. `If-Match`
    /// compares strongly (RFC 9110 §13.1.1): a weak tag (`W/"2"`) never matches.
    static func expectedSequence(_ context: RequestContext) throws(APIProblem) -> Int? {
        guard let header = context.header("If-Match")?.trimmingWhitespace, header != "*" else { return nil }
        guard !header.hasPrefix("W/") else {
            throw APIProblem(
                .preconditionFailed,
                detail:
                    "If-Match compares strongly: a weak ETag (W/…) never matches; send the booking's ETag, such as \"2\"."
            )
        }
        guard header.hasPrefix("\""), header.hasSuffix("\""), header.count >= 3,
            let sequence = Int(header.dropFirst().dropLast())
        else {
            throw APIProblem(.preconditionFailed, detail: "If-Match must be the booking's ETag, such as \"2\".")
        }
        return sequence
    }
}
