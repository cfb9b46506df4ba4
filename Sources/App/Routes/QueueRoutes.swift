import HTTPServer
import Scheduling
import Storage

/// The hall's queue: walk-in tickets, check-ins, calls and what clerks do with a ticket, the
/// board (JSON, text and live events) and a counter's state.
struct QueueRoutes: Sendable {
    let directory: OfficeDirectory
    let board: QueueBoard

    private static let ticketAnswer = OpenAPIText.json(OpenAPIText.ref("Ticket"), "The ticket")

    var endpoints: [Endpoint] {
        let kioskOrCounter = Contract.Access.staff([.kiosk, .counter], office: .path)
        return [
            Endpoint(
                .post, "/v1/offices/{office}/tickets",
                Contract(
                    body: .json(
                        schema: OpenAPIText.object(
                            #""services":\#(OpenAPIText.serviceList)"#, required: ["services"], closed: true)),
                    access: kioskOrCounter, idempotent: true),
                operation: Operation(
                    "issueTicket", tag: "Queue", "Draw a walk-in ticket", responses: [("201", Self.ticketAnswer)],
                    problems: [.dailyCapReached, .unknownService, .serviceNotOffered, .servicesNotCombinable])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                var body = context.body()
                let services = body.field("services") { try $0.serviceIDs() }
                try body.finish()
                guard let services else {
                    throw APIProblem.validation([.init(field: "services", message: "is required")])
                }
                return .command(.issueTicket(services: services), to: try directory.writer(office)) { result in
                    try ticket(result, office: office, status: 201)
                }
            },
            Endpoint(
                .post, "/v1/offices/{office}/check-in",
                Contract(
                    body: .json(
                        schema: OpenAPIText.object(
                            #""reference":{"type":"string"}"#, required: ["reference"], closed: true)),
                    access: kioskOrCounter),
                operation: Operation(
                    "checkInByReference", tag: "Queue",
                    "Check an appointment in by its reference, or confirm the arrival of a ticket from home by its code (kiosk); a late arrival may get a walk-in ticket",
                    responses: [
                        ("201", OpenAPIText.json(OpenAPIText.ref("Ticket"), "The appointment's ticket")),
                        ("200", OpenAPIText.json(OpenAPIText.ref("Ticket"), "The ticket from home, now in line")),
                    ],
                    problems: Self.checkInProblems + [.alreadyArrived, .arrivalTooLate])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                var body = context.body()
                let reference = body.field("reference") { try $0.text(maxLength: 20) }
                try body.finish()
                guard let reference else {
                    throw APIProblem.validation([.init(field: "reference", message: "is required")])
                }
                let code = Self.code(reference)
                if directory.queue(office).ticket(arrivalCode: code) != nil {
                    return try confirmArrival(code: code, office: office)
                }
                return .read { connection in
                    guard let found = try connection.booking(reference: reference), found.booking.office == office.id
                    else {
                        throw APIProblem.notFound("There is no appointment \(reference.uppercased()) at this office.")
                    }
                    return try checkIn(found.booking, office: office)
                }
            },
            Endpoint(
                .post, "/v1/bookings/{booking}/check-in", Contract(query: [.bookingToken], access: .bookingHolder),
                operation: Operation(
                    "checkInBooking", tag: "Queue", "Check an appointment in",
                    responses: [("201", OpenAPIText.json(OpenAPIText.ref("Ticket"), "The appointment's ticket"))],
                    problems: Self.checkInProblems)
            ) { context in
                try directory.withBooking(context) { booking, office in try checkIn(booking, office: office) }
            },
        ] + counterEndpoints + boardEndpoints
    }

    static let checkInProblems: [ProblemKind] = [
        .wrongOffice, .notToday, .checkInTooEarly, .checkInTooLate, .alreadyCheckedIn, .bookingCancelled,
    ]

    /// Checks `booking` in; a late arrival gets a walk-in ticket where the office allows it
    /// (`lateArrivalGetsWalkIn`), with a notice saying so.
    func checkIn(_ booking: Booking, office: Office) throws -> Outcome {
        let writer = try directory.writer(office)
        return .command(.checkIn(booking.id), to: writer) { result in
            guard case .failure(.queue(.checkInTooLate)) = result, office.queue.lateArrivalGetsWalkIn else {
                return try ticket(result, office: office, status: 201)
            }
            return .command(.issueTicket(services: booking.services), to: writer) { walkIn in
                guard case .success(.queue(_, let ticket, let pageKey)) = walkIn else {
                    return try self.ticket(result, office: office, status: 201)
                }
                let appointment = QueueRepresentations.clock(booking.start, in: office)
                let body = board.ticketJSON(ticket, office: office, pageKey: pageKey) { json in
                    json.bool("lateArrival", true)
                    json.string(
                        "notice",
                        "Ihr Termin war um \(appointment) Uhr. Sie haben eine Wartemarke erhalten und werden nach der Reihe aufgerufen."
                    )
                }
                return .noStore(body, status: 201)
            }
        }
    }

    /// A booking reference or an arrival code as the references are written (`K7M-4PQ`): upper
    /// case, the dash after the third letter.
    static func code(_ text: String) -> String {
        var compact = text.uppercased().filter { $0 != "-" && $0 != " " }
        if compact.count == 6 { compact.insert("-", at: compact.index(compact.startIndex, offsetBy: 3)) }
        return compact
    }

    /// Confirms the arrival of the ticket from home with `code`: 200 with the ticket, now in line,
    /// and a notice for the kiosk to show.
    func confirmArrival(code: String, office: Office) throws -> Outcome {
        .command(.confirmArrival(code: code), to: try directory.writer(office)) { result in
            guard case .success(.queue(_, let ticket, _)) = result else {
                return try self.ticket(result, office: office, status: 200)
            }
            let body = board.ticketJSON(ticket, office: office) { json in
                json.bool("arrived", true)
                json.string(
                    "notice",
                    "Willkommen! Ihre Ankunft ist bestätigt. Achten Sie auf die Anzeige oder Ihr Handy: Dort wird \(ticket.number) aufgerufen."
                )
            }
            return .noStore(body, status: 200)
        }
    }

    /// The answer to a queue command: the ticket as it is now, or 204 when nobody waits.
    func ticket(_ result: Result<OfficeOutcome, WriterError>, office: Office, status: Int) throws -> Outcome {
        switch result {
        case .success(.queue(_, let ticket, let pageKey)):
            return .noStore(board.ticketJSON(ticket, office: office, pageKey: pageKey), status: status)
        case .success(.nobodyWaiting):
            return .empty(.noContent)
        case .success:
            throw APIProblem.internalError()
        case .failure(let error):
            throw APIProblem(error, office: office)
        }
    }
}
