import HTTPServer
import Scheduling
import Storage

/// Holds and bookings: placing, extending and releasing a hold; booking a hold or a start
/// directly; a booking's own routes (read, cancel, move, calendar file) for the holder of its
/// token or staff; and the staff lookups (by reference, an office's day).
struct BookingRoutes: Sendable {
    let directory: OfficeDirectory
    let rush: RushDesk

    var endpoints: [Endpoint] {
        let ticketLike = OpenAPIText.json(OpenAPIText.ref("Hold"), "The hold")
        return [
            Endpoint(
                .post, "/v1/holds",
                Contract(
                    body: .json(schema: OpenAPIText.ref("HoldRequest")), access: .caller, idempotent: true,
                    admission: true),
                operation: Operation(
                    "placeHold", tag: "Bookings", "Hold a start time while the form is filled in",
                    responses: [("201", ticketLike)],
                    problems: [.slotUnavailable, .unknownService, .startNotOffered, .byDraw, .admissionRequired])
            ) { context in try placeHold(context) },
            Endpoint(
                .post, "/v1/holds/{hold}/extend", Contract(access: .caller, idempotent: true),
                operation: Operation(
                    "extendHold", tag: "Bookings", "Extend a hold",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Hold"), "The extended hold"))],
                    problems: [.holdExtensionLimit, .holdExpired])
            ) { context in
                let id = HoldID(context.parameter("hold"))
                let office = try directory.office(ofRecord: id.rawValue)
                return .command(.extendHold(id), to: try directory.writer(office)) { result in
                    try Self.hold(result, office: office, status: 200)
                }
            },
            Endpoint(
                .delete, "/v1/holds/{hold}", Contract(access: .caller),
                operation: Operation(
                    "releaseHold", tag: "Bookings", "Release a hold",
                    responses: [("204", OpenAPIText.empty("Released"))])
            ) { context in
                let id = HoldID(context.parameter("hold"))
                let office = try directory.office(ofRecord: id.rawValue)
                return .command(.releaseHold(id), to: try directory.writer(office)) { result in
                    if case .failure(let error) = result { throw APIProblem(error, office: office) }
                    return .empty(.noContent)
                }
            },
            Endpoint(
                .post, "/v1/bookings",
                Contract(
                    body: .json(schema: OpenAPIText.ref("BookingRequest")), access: .caller, idempotent: true,
                    admission: true),
                operation: Operation(
                    "createBooking", tag: "Bookings", "Book a hold, or a start directly",
                    description:
                        "The answer carries the booking's token once: keep it, it opens the booking. With Idempotency-Key a retry gets the first answer.",
                    responses: [
                        (
                            "201",
                            ##"{"description":"The booking","headers":{"Location":{"schema":{"type":"string"}},"ETag":{"schema":{"type":"string"}}},"content":{"application/json":{"schema":\##(OpenAPIText.ref("Booking"))}}}"##
                        )
                    ],
                    problems: [
                        .slotUnavailable, .holdExpired, .limitReached, .startNotOffered, .byDraw, .admissionRequired,
                    ])
            ) { context in try book(context) },
        ] + bookingEndpoints + staffEndpoints
    }

    // MARK: Holds

    /// `POST /v1/holds` `{office, services, persons, start}`.
    private func placeHold(_ context: RequestContext) throws -> Outcome {
        var body = context.body()
        let officeID = body.field("office") { try OfficeID($0.string()) }
        let slot = Self.slotFields(&body)
        try body.finish()
        guard let officeID, let office = directory.office(officeID), let slot else {
            throw APIProblem.validation([.init(field: "office", message: "unknown office")])
        }
        try rush.refuseDrawServices(slot.services, caller: context.caller)
        try rush.checkAdmission(slot.services, token: context.header("Admission-Token"), caller: context.caller)
        let wanted = SlotRequest(
            services: slot.services, persons: slot.persons, start: slot.start,
            channel: context.caller.channel(at: office.id))
        return .command(.placeHold(wanted), to: try directory.writer(office)) { result in
            try Self.hold(result, office: office, status: 201)
        }
    }

    /// The answer to a hold command.
    static func hold(_ result: Result<OfficeOutcome, WriterError>, office: Office, status: Int) throws -> Outcome {
        switch result {
        case .success(.hold(let hold)):
            return .noStore(
                Representations.hold(hold, office: office), status: status,
                headers: [("Location", "/v1/holds/\(hold.id.rawValue)")])
        case .success:
            throw APIProblem.internalError()
        case .failure(let error):
            throw APIProblem(error, office: office)
        }
    }

    /// The slot fields of a hold or direct booking: `services`, `persons` (default 1), `start`.
    static func slotFields(_ body: inout RequestBody) -> (services: [ServiceID], persons: Int, start: Instant)? {
        let services = body.field("services") { try $0.serviceIDs() }
        let persons = body.field("persons", required: false) { try $0.int(in: 1...20) } ?? 1
        let start = body.field("start") { try $0.instant() }
        guard let services, let start else { return nil }
        return (services, persons, start)
    }

    // MARK: Booking

    /// `POST /v1/bookings` with `{hold, contact}` or `{office, services, persons, start, contact}`.
    private func book(_ context: RequestContext) throws -> Outcome {
        let caller = context.caller
        var body = context.body()
        let holdID = body.field("hold", required: false) { HoldID(try $0.string()) }
        let officeID = holdID == nil ? body.field("office") { try OfficeID($0.string()) } : nil
        // The channel depends on the office for a signed-in person (their roles are per office).
        let channel =
            (holdID.flatMap { RecordID.office(of: $0.rawValue) } ?? officeID).map { caller.channel(at: $0) }
            ?? caller.channel
        let contact = body.field("contact") { try $0.contact(requireReachable: channel.isPublic) }
        let command: OfficeCommand?
        let office: Office?
        if let holdID {
            for field in ["office", "services", "persons", "start"] where body.has(field) {
                body.fail(field, "give either a hold or office, services, persons and start, not both")
            }
            try body.finish()
            office = try directory.office(ofRecord: holdID.rawValue)
            command = contact.map { .bookHold(holdID, channel: channel, contact: $0) }
        } else {
            let slot = Self.slotFields(&body)
            if let officeID, directory.office(officeID) == nil { body.fail("office", "unknown office \"\(officeID)\"") }
            try body.finish()
            office = officeID.flatMap { directory.office($0) }
            if let slot {
                try rush.refuseDrawServices(slot.services, caller: caller)
                try rush.checkAdmission(slot.services, token: context.header("Admission-Token"), caller: caller)
            }
            command = slot.flatMap { slot in
                contact.map { contact in
                    .book(
                        SlotRequest(
                            services: slot.services, persons: slot.persons, start: slot.start, channel: channel),
                        contact: contact)
                }
            }
        }
        guard let office, let command else {
            throw APIProblem.validation([.init(field: "", message: "incomplete booking")])
        }
        let services = directory.municipality.services
        return .command(command, to: try directory.writer(office)) { result in
            try Self.booking(result, office: office, services: services, status: 201)
        }
    }

    /// The answer to a booking command: the booking (with its token when just made).
    static func booking(
        _ result: Result<OfficeOutcome, WriterError>, office: Office, services: [Service], status: Int
    ) throws -> Outcome {
        switch result {
        case .success(.booking(let booking, let token)):
            var headers = [("ETag", "\"\(booking.sequence)\"")]
            if status == 201 { headers.append(("Location", "/v1/bookings/\(booking.id.rawValue)")) }
            return .noStore(
                Representations.booking(
                    booking, office: office, services: services, token: token, includeContact: false),
                status: status, headers: headers)
        case .success:
            throw APIProblem.internalError()
        case .failure(let error):
            throw APIProblem(error, office: office)
        }
    }
}
