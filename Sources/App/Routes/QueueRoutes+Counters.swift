import Display
import HTTPServer
import Scheduling
import Storage

extension QueueRoutes {
    /// What counter staff do: call the next ticket, see their counter, act on a ticket.
    var counterEndpoints: [Endpoint] {
        let counterStaff = Contract.Access.staff([.counter], office: .path)
        return [
            Endpoint(
                .post, "/v1/offices/{office}/counters/{counter}/call-next",
                Contract(access: counterStaff, idempotent: true),
                operation: Operation(
                    "callNext", tag: "Queue", "Call the next ticket this counter can serve",
                    responses: [
                        ("200", OpenAPIText.json(OpenAPIText.ref("Ticket"), "The called ticket")),
                        ("204", OpenAPIText.empty("Nobody waits that this counter can serve")),
                    ],
                    problems: [.counterBusy])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let counter = CounterID(context.parameter("counter"))
                guard office.counters.contains(where: { $0.id == counter }) else {
                    throw APIProblem.notFound("There is no counter \(counter).")
                }
                return .command(.callNext(counter), to: try directory.writer(office)) { result in
                    try ticket(result, office: office, status: 200)
                }
            },
            Endpoint(
                .get, "/v1/offices/{office}/counters/{counter}", Contract(access: counterStaff),
                operation: Operation(
                    "getCounter", tag: "Queue", "A counter's current and parked tickets and how many wait for it",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(
                                ##"{"type":"object","properties":{"counter":{"type":"string"},"counterName":{"type":"string"},"current":{"oneOf":[{"$ref":"#/components/schemas/Ticket"},{"type":"null"}]},"parked":{"type":"array","items":{"$ref":"#/components/schemas/Ticket"}},"waiting":{"type":"integer"}}}"##,
                                "The counter")
                        )
                    ])
            ) { context in try counterState(context) },
            Endpoint(
                .post, "/v1/tickets/{ticket}/{action}",
                Contract(
                    body: .json(
                        schema:
                            ##"{"type":"object","additionalProperties":false,"description":"Only for transfer: other services, a counter, or both","properties":{"services":{"type":"array","items":{"type":"string"}},"counter":{"type":"string"}}}"##
                    ),
                    access: .staff([.counter], office: .ticket), idempotent: true),
                operation: Operation(
                    "ticketAction", tag: "Queue", "Act on a ticket at the counter",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Ticket"), "The ticket as it is now"))],
                    problems: [.invalidTicketAction, .recallLimit, .counterBusy],
                    parameters: [
                        #"{"name":"action","in":"path","required":true,"schema":{"type":"string","enum":["#
                            + Self.actionNames.map { "\"\($0)\"" }.joined(separator: ",") + "]}}"
                    ])
            ) { context in try ticketAction(context) },
        ]
    }

    /// The actions of `POST /v1/tickets/{ticket}/{action}`, in the order the document lists them.
    static let actionNames = ["recall", "start", "finish", "no-show", "park", "resume", "transfer", "urgent"]
    static let actions: [String: QueueAction] = [
        "recall": .recall, "start": .start, "finish": .finish, "no-show": .noShow, "park": .park, "resume": .resume,
        "transfer": .transfer, "urgent": .markUrgent,
    ]

    /// `GET /v1/offices/{office}/counters/{counter}`: its current ticket, the parked ones and
    /// how many wait that it can serve (for the clerk's page after a reload).
    private func counterState(_ context: RequestContext) throws -> Outcome {
        let office = try directory.office(named: context.parameter("office"))
        let id = CounterID(context.parameter("counter"))
        guard let counter = office.counters.first(where: { $0.id == id }) else {
            throw APIProblem.notFound("There is no counter \(id).")
        }
        let queue = directory.queue(office)
        let now = directory.clock()
        let attended = directory.attended(office)
        var json = JSONWriter()
        json.object { json in
            json.string("counter", counter.id.rawValue)
            json.string("counterName", counter.name)
            if let current = queue.activeTicket(at: counter.id) {
                json.raw("current", board.ticketJSON(current, office: office))
            } else {
                json.null("current")
            }
            json.array("parked") { json in
                for ticket in queue.tickets where ticket.state == .parked {
                    var one = JSONWriter()
                    QueueRepresentations.ticket(
                        ticket, office: office, services: directory.municipality.services, queue: queue, now: now,
                        attended: attended, into: &one)
                    json.raw(one.bytes)
                }
            }
            json.int("waiting", queue.tickets.filter { queue.canServe(counter, $0) }.count)
        }
        return .noStore(json.bytes)
    }

    /// `POST /v1/tickets/{ticket}/{action}` (counter staff).
    private func ticketAction(_ context: RequestContext) throws -> Outcome {
        let id = TicketID(context.parameter("ticket"))
        let name = context.parameter("action")
        guard let action = Self.actions[name] else {
            throw APIProblem.notFound(
                "There is no ticket action \(name); use \(Self.actions.keys.sorted().joined(separator: ", ")).")
        }
        guard let office = id.office.flatMap({ directory.office($0) }) else {
            throw APIProblem.notFound("There is no ticket \(id).")
        }
        var services: [ServiceID]?
        var counter: CounterID?
        if action == .transfer {
            var body = context.body()
            services = body.field("services", required: false) { try $0.serviceIDs() }
            counter = body.field("counter", required: false) { CounterID(try $0.string()) }
            if services == nil, counter == nil, body.errors.isEmpty {
                body.fail("services", "name other services, a counter, or both")
            }
            try body.finish()
        } else {
            try RequestBody.requireNone(context.request)
        }
        return .command(
            .ticket(id, action, services: services, counter: counter), to: try directory.writer(office)
        ) { result in try ticket(result, office: office, status: 200) }
    }

    /// The board: JSON (public numbers; more for staff), text for LED boards, live events.
    var boardEndpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/offices/{office}/queue", Contract(access: .caller),
                operation: Operation(
                    "getBoard", tag: "Queue",
                    "The board: current and recent calls, waiting counts and estimated waits (numbers only; more for staff)",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("Board"), "The board"))])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let staff = context.caller.holds([.counter, .hotline, .officeManager], office: office.id)
                return .noStore(board.bytes(office, forStaff: staff))
            },
            Endpoint(
                .get, "/v1/offices/{office}/queue.txt",
                operation: Operation(
                    "getBoardText", tag: "Queue", "The board as plain text for LED boards",
                    responses: [("200", OpenAPIText.text("text/plain", "Lines of text"))])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                return .response(.text(BoardText.text(board.snapshot(office))))
            },
            Endpoint(
                .get, "/v1/offices/{office}/queue/events",
                operation: Operation(
                    "getQueueEvents", tag: "Queue",
                    "Server-Sent Events: `board` (the whole board) and `queue` (one change, with `id:`; Last-Event-ID resumes)",
                    responses: [("200", OpenAPIText.text("text/event-stream", "An event stream"))],
                    parameters: [#"{"name":"Last-Event-ID","in":"header","schema":{"type":"string"}}"#])
            ) { context in
                let office = try directory.office(named: context.parameter("office"))
                let last = context.header("Last-Event-ID").flatMap { Int($0.trimmingWhitespace) }
                return .reply(
                    .stream(["X-Accel-Buffering": "no"]) { sink in board.open(sink, office: office, lastEventID: last) }
                )
            },
        ]
    }
}
