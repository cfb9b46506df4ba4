import Display
import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    /// The routes of the waiting room.
    static let queueRoutes: [Route] = [
        Route(.post, "/v1/offices/{office}/tickets", "Draw a walk-in ticket (kiosk or counter)", readsBody: true) {
            api in
            { api.issueTicket($0, $1) }
        },
        Route(
            .post, "/v1/offices/{office}/check-in", "Check an appointment in by its reference (kiosk)", readsBody: true
        ) { api in
            { api.checkInByReference($0, $1) }
        },
        Route(.post, "/v1/bookings/{booking}/check-in", "Check an appointment in", query: ["token"]) { api in
            { api.checkInBooking($0, $1) }
        },
        Route(.post, "/v1/offices/{office}/counters/{counter}/call-next", "Call the next ticket to a counter") { api in
            { api.callNext($0, $1) }
        },
        Route(.get, "/v1/offices/{office}/counters/{counter}", "A counter's current, parked and waiting tickets") {
            api in
            { api.counterState($0, $1) }
        },
        Route(
            .post, "/v1/tickets/{ticket}/{action}",
            "Act on a ticket: recall, start, finish, no-show, park, resume, transfer, urgent", readsBody: true
        ) {
            api in { api.ticketAction($0, $1) }
        },
        Route(.get, "/v1/offices/{office}/queue", "The board: calls, recent calls, waiting counts and estimates") {
            api in
            { api.board($0, $1) }
        },
        Route(.get, "/v1/offices/{office}/queue.txt", "The board as plain text for LED displays") { api in
            { api.boardText($0, $1) }
        },
        Route(.get, "/v1/offices/{office}/queue/events", "Server-Sent Events of every queue change") { api in
            { api.queueEvents($0, $1) }
        },
    ]

    /// The attended counters and the office's ticket groups, for estimates.
    func attended(_ office: Office) -> [CounterID] {
        database.writers[office.id]?.capacity.countersAttended(at: clock()) ?? []
    }

    /// The JSON of `ticket` as it is now, with `extra` members at the end.
    func ticketJSON(_ ticket: Ticket, office: Office, extra: (inout JSONWriter) -> Void = { _ in }) -> [UInt8] {
        let queue = queue(of: office)
        var json = JSONWriter()
        QueueRepresentations.ticket(
            queue.ticket(ticket.id) ?? ticket, office: office, services: municipality.services, queue: queue,
            now: clock(),
            attended: attended(office), into: &json, extra: extra)
        return json.bytes
    }

    func queueResponse(_ outcome: Result<OfficeOutcome, WriterError>, office: Office, status: Int) -> HTTPResponse {
        switch outcome {
        case .success(.queue(_, let ticket)):
            return .json(ticketJSON(ticket, office: office), status: status, headers: [("Cache-Control", "no-store")])
        case .success(.nobodyWaiting):
            return HTTPResponse(status: .noContent)
        case .success:
            return .problem(.internalError())
        case .failure(let error):
            return .problem(.from(error, office: office))
        }
    }

    /// `POST /v1/offices/{office}/tickets` `{services}` (kiosk, counter, admin).
    func issueTicket(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            var body = RequestBody(request)
            let services = body.field("services") { try $0.serviceIDs() }
            try body.finish()
            guard let services else { throw .validation([.init(field: "services", message: "is required")]) }
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.kiosk, .counter], office: office.id)
                self.submit(
                    .issueTicket(services: services), to: writer, caller: caller, request: request, reply: reply
                ) {
                    self.queueResponse($0, office: office, status: 201)
                }
            }
        }
    }

    /// `POST /v1/offices/{office}/check-in` `{reference}`: the kiosk checks an appointment in. A
    /// late arrival gets a walk-in ticket when the office allows it (`lateArrivalGetsWalkIn`).
    func checkInByReference(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            var body = RequestBody(request)
            let reference = body.field("reference") { try $0.text(maxLength: 20) }
            try body.finish()
            guard let reference else { throw .validation([.init(field: "reference", message: "is required")]) }
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.kiosk, .counter], office: office.id)
                self.database.reader.async { connection in
                    guard let found = try? connection.booking(reference: reference), found.booking.office == office.id
                    else {
                        reply(.problem(.notFound("There is no appointment \(reference.uppercased()) at this office.")))
                        return
                    }
                    self.checkIn(
                        found.booking, office: office, writer: writer, caller: caller, request: request, reply: reply)
                }
            }
        }
    }

    /// `POST /v1/bookings/{booking}/check-in`: with the booking's token or a staff token.
    func checkInBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withBooking(request, reply) { caller, booking, office throws(APIProblem) in
            self.checkIn(
                booking, office: office, writer: try self.writer(office.id), caller: caller, request: request,
                reply: reply)
        }
    }

    private func checkIn(
        _ booking: Booking, office: Office, writer: OfficeWriter, caller: Caller, request: HTTPRequest,
        reply: @escaping @Sendable (Reply) -> Void
    ) {
        writer.submit(.checkIn(booking.id), actor: caller.actor) { outcome in
            if case .failure(.queue(.checkInTooLate)) = outcome, office.queue.lateArrivalGetsWalkIn {
                writer.submit(.issueTicket(services: booking.services), actor: caller.actor) { walkIn in
                    guard case .success(.queue(_, let ticket)) = walkIn else {
                        reply(.response(self.queueResponse(outcome, office: office, status: 201)))
                        return
                    }
                    let appointment = QueueRepresentations.clock(booking.start, in: office)
                    let body = self.ticketJSON(ticket, office: office) { json in
                        json.bool("lateArrival", true)
                        json.string(
                            "notice",
                            "Ihr Termin war um \(appointment) Uhr. Sie haben eine Wartemarke erhalten und werden nach der Reihe aufgerufen."
                        )
                    }
                    reply(.json(body, status: 201, headers: [("Cache-Control", "no-store")]))
                }
                return
            }
            reply(.response(self.queueResponse(outcome, office: office, status: 201)))
        }
    }

    /// `POST /v1/offices/{office}/counters/{counter}/call-next`: 200 with the ticket, 204 when
    /// nobody waits that this counter can serve.
    func callNext(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let counter = CounterID(request.parameters["counter"] ?? "")
            guard office.counters.contains(where: { $0.id == counter }) else {
                throw .notFound("There is no counter \(counter).")
            }
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.counter], office: office.id)
                self.submit(.callNext(counter), to: writer, caller: caller, request: request, reply: reply) {
                    self.queueResponse($0, office: office, status: 200)
                }
            }
        }
    }

    /// `GET /v1/offices/{office}/counters/{counter}`: its current ticket, the parked ones and
    /// how many wait that it can serve (for the clerk's page after a reload).
    func counterState(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let id = CounterID(request.parameters["counter"] ?? "")
            guard let counter = office.counters.first(where: { $0.id == id }) else {
                throw .notFound("There is no counter \(id).")
            }
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.counter], office: office.id)
                let queue = self.database.writers[office.id]?.queueState
                let now = self.clock()
                let attended = self.attended(office)
                var json = JSONWriter()
                json.object { json in
                    json.string("counter", counter.id.rawValue)
                    json.string("counterName", counter.name)
                    if let current = queue?.activeTicket(at: counter.id) {
                        json.raw("current", self.ticketJSON(current, office: office))
                    } else {
                        json.null("current")
                    }
                    json.array("parked") { json in
                        for ticket in queue?.tickets ?? [] where ticket.state == .parked {
                            var one = JSONWriter()
                            QueueRepresentations.ticket(
                                ticket, office: office, services: self.municipality.services,
                                queue: queue
                                    ?? OfficeQueue(office: office, services: [], groups: [], date: self.today(office)),
                                now: now, attended: attended, into: &one)
                            json.raw(one.bytes)
                        }
                    }
                    json.int("waiting", queue?.tickets.filter { queue?.canServe(counter, $0) == true }.count ?? 0)
                }
                reply(.json(json.bytes, headers: [("Cache-Control", "no-store")]))
            }
        }
    }

    /// `POST /v1/tickets/{ticket}/{action}` (counter staff).
    func ticketAction(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let id = TicketID(request.parameters["ticket"] ?? "")
            let actions: [String: QueueAction] = [
                "recall": .recall, "start": .start, "finish": .finish, "no-show": .noShow, "park": .park,
                "resume": .resume,
                "transfer": .transfer, "urgent": .markUrgent,
            ]
            guard let action = actions[request.parameters["action"] ?? ""] else {
                throw .notFound(
                    "There is no ticket action \(request.parameters["action"] ?? ""); use \(actions.keys.sorted().joined(separator: ", "))."
                )
            }
            guard let office = Self.office(ofTicket: id.rawValue).flatMap({ offices[$0] }) else {
                throw .notFound("There is no ticket \(id).")
            }
            var services: [ServiceID]?
            var counter: CounterID?
            if action == .transfer {
                var body = RequestBody(request)
                services = body.field("services", required: false) { try $0.serviceIDs() }
                counter = body.field("counter", required: false) { CounterID(try $0.string()) }
                if services == nil, counter == nil, body.errors.isEmpty {
                    body.fail("services", "name other services, a counter, or both")
                }
                try body.finish()
            } else {
                try RequestBody.requireNone(request)
            }
            let writer = try writer(office.id)
            let command = OfficeCommand.ticket(id, action, services: services, counter: counter)
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.counter], office: office.id)
                self.submit(command, to: writer, caller: caller, request: request, reply: reply) {
                    self.queueResponse($0, office: office, status: 200)
                }
            }
        }
    }

    /// The office of a ticket id (`rathaus-2026-12-07-A017`).
    static func office(ofTicket id: String) -> OfficeID? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 5 else { return nil }
        return OfficeID(parts.dropLast(4).joined(separator: "-"))
    }

    /// Today's queue of `office` as committed.
    func queue(of office: Office) -> OfficeQueue {
        database.writers[office.id]?.queueState
            ?? OfficeQueue(
                office: office, services: municipality.services, groups: municipality.groups, date: today(office))
    }

    func snapshot(_ office: Office) -> BoardSnapshot {
        QueueRepresentations.snapshot(
            queue: queue(of: office), office: office, groups: municipality.groups, now: clock(),
            attended: attended(office))
    }

    func boardBytes(_ office: Office, forStaff: Bool) -> [UInt8] {
        QueueRepresentations.board(snapshot(office), staff: forStaff ? (queue(of: office), office) : nil)
    }

    /// `GET /v1/offices/{office}/queue`: public numbers; more with a staff token.
    func board(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            withCaller(request, reply) { caller throws(APIProblem) in
                let staff = caller.staff.map { $0.covers(office.id) && $0.role != .kiosk } ?? false
                reply(.json(self.boardBytes(office, forStaff: staff), headers: [("Cache-Control", "no-store")]))
            }
        }
    }

    /// `GET /v1/offices/{office}/queue.txt`.
    func boardText(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            reply(.response(.text(boardTextBody(office))))
        }
    }

    /// `GET /v1/offices/{office}/queue/events`: on connect the board; after `Last-Event-ID: n`
    /// first the queue events after n; then every change as a `queue` event and a new `board`.
    func queueEvents(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let last = request.headers["Last-Event-ID"].flatMap { Int($0.trimmingWhitespace) }
            reply(
                .stream(["X-Accel-Buffering": "no"]) { sink in
                    self.queueStreams.add(sink, office: office.id)
                    let queue = self.database.writers[office.id]?.queueState
                    if let last, let queue, last < queue.events.count {
                        for position in max(0, last)..<queue.events.count {
                            sink.send(
                                ServerSentEvent(
                                    data: String(
                                        decoding: QueueRepresentations.event(
                                            queue.events[position], queue: queue, office: office), as: UTF8.self),
                                    event: "queue", id: String(position + 1)))
                        }
                    }
                    let board = self.boardBytes(office, forStaff: false)
                    sink.send(
                        ServerSentEvent(
                            data: String(decoding: board, as: UTF8.self), event: "board",
                            id: String(queue?.events.count ?? 0),
                            retry: 3000))
                })
        }
    }

    /// Sends the committed queue changes of an office to its streams (called by the writer).
    func broadcast(_ changes: [OfficeWriter.Change], office: Office) {
        let queueChanges = changes.compactMap { change -> QueueEvent? in
            if case .queue(let event, _) = change.outcome { return event }
            return nil
        }
        guard !queueChanges.isEmpty, queueStreams.count(office: office.id) > 0,
            let queue = database.writers[office.id]?.queueState
        else { return }
        var events: [ServerSentEvent] = []
        for event in queueChanges {
            guard let position = queue.events.lastIndex(of: event) else { continue }
            events.append(
                ServerSentEvent(
                    data: String(
                        decoding: QueueRepresentations.event(event, queue: queue, office: office), as: UTF8.self),
                    event: "queue", id: String(position + 1)))
        }
        events.append(
            ServerSentEvent(
                data: String(decoding: boardBytes(office, forStaff: false), as: UTF8.self), event: "board",
                id: String(queue.events.count)))
        queueStreams.send(events, office: office.id)
    }

    /// The board as lines of text for LED boards.
    func boardTextBody(_ office: Office) -> String {
        BoardText.text(snapshot(office))
    }
}
