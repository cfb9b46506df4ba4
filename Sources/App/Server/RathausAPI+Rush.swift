import Dispatch
import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    static let rushRoutes: [Route] = [
        Route(.get, "/v1/waiting-rooms/{service}", "A service's waiting room: release, opening, entrants, admitted") {
            api in
            { api.waitingRoom($0, $1) }
        },
        Route(.post, "/v1/waiting-rooms/{service}", "Join a service's waiting room") { api in
            { api.joinWaitingRoom($0, $1) }
        },
        Route(
            .get, "/v1/waiting-rooms/{service}/entries/{entry}",
            "Where an entrant stands; its admission token once admitted"
        ) {
            api in { api.waitingRoomEntry($0, $1) }
        },
        Route(.get, "/v1/draws/{service}", "A service's draw: deadline, slots, priority groups, entries") { api in
            { api.drawInfo($0, $1) }
        },
        Route(.post, "/v1/draws/{service}/entries", "Register for a draw", readsBody: true) { api in
            { api.registerForDraw($0, $1) }
        },
        Route(
            .get, "/v1/draws/{service}/entries/{entry}",
            "An entry's status: registered, won (with the booking), waitlisted"
        ) {
            api in { api.drawEntry($0, $1) }
        },
        Route(
            .delete, "/v1/draws/{service}/entries/{entry}", "Withdraw from a draw (a won time goes to the waiting list)"
        ) { api in
            { api.withdrawFromDraw($0, $1) }
        },
    ]

    // MARK: Waiting rooms

    func waitingRoom(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let service = ServiceID(request.parameters["service"] ?? "")
        let now = clock()
        guard let room = rush.room(service, now: now), let office = rush.roomOffice(service)?.office else {
            reply(.problem(.notFound("\(service) has no waiting room.")))
            return
        }
        var json = JSONWriter()
        json.object { json in
            json.string("service", service.rawValue)
            json.string("releaseAt", Representations.time(room.releaseAt, in: office))
            json.string("opensAt", Representations.time(room.opensAt, in: office))
            json.string("closesAt", Representations.time(room.closesAt, in: office))
            json.bool("open", room.isActive(at: now))
            json.int("entrants", room.entrants)
            json.int("admitted", room.admitted)
            json.int("admitPerMinute", room.policy.admitPerMinute)
        }
        reply(.json(json.bytes, headers: [("Cache-Control", "no-store")]))
    }

    func joinWaitingRoom(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let service = ServiceID(request.parameters["service"] ?? "")
        rush.join(service) { result in
            switch result {
            case .failure(let problem):
                reply(.problem(problem))
            case .success(let entry):
                reply(self.entryStatus(service, entry: entry, status: 201))
            }
        }
    }

    func waitingRoomEntry(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        reply(
            entryStatus(
                ServiceID(request.parameters["service"] ?? ""), entry: request.parameters["entry"] ?? "", status: 200))
    }

    private func entryStatus(_ service: ServiceID, entry: String, status code: Int) -> Reply {
        guard let (room, status, token) = rush.status(service, entry: entry),
            let office = rush.roomOffice(service)?.office
        else {
            return .problem(.notFound("\(service) has no waiting room."))
        }
        if status == .unknown { return .problem(.notFound("There is no such entrant.")) }
        var json = JSONWriter()
        json.object { json in
            json.string("service", service.rawValue)
            json.string("entry", entry)
            json.string("releaseAt", Representations.time(room.releaseAt, in: office))
            switch status {
            case .waiting(let place, let admissionAt):
                json.string("status", "waiting")
                json.int("place", ifPresent: place.map { $0 + 1 })
                json.string("admissionAt", ifPresent: admissionAt.map { Representations.time($0, in: office) })
                if place == nil {
                    json.string(
                        "notice", "Places are drawn at the release; everyone who came before it has the same chance.")
                }
            case .admitted(let place, let until):
                json.string("status", "admitted")
                json.int("place", place + 1)
                json.string("admittedUntil", Representations.time(until, in: office))
                json.string("admissionToken", ifPresent: token)
            case .expired(let place):
                json.string("status", "expired")
                json.int("place", place + 1)
            case .unknown:
                break
            }
            json.object("links") { json in
                json.string("self", "/v1/waiting-rooms/\(service.rawValue)/entries/\(entry)")
                json.string(
                    "availability", "/v1/offices/\(office.id.rawValue)/availability?service=\(service.rawValue)")
            }
        }
        return .json(json.bytes, status: code, headers: [("Cache-Control", "no-store")])
    }

    // MARK: Draws

    func drawInfo(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let service = ServiceID(request.parameters["service"] ?? "")
        guard let (policy, office) = rush.draw(of: service) else {
            reply(.problem(.notFound("\(service) is not handed out by a draw.")))
            return
        }
        let closesAt = policy.closesAt(in: office.timeZone)
        let counts =
            (try? database.reader.sync { connection in
                try connection.query(
                    "SELECT status, count(*) FROM draw_entry WHERE service = ? AND office = ? GROUP BY status",
                    [service.rawValue, office.id.rawValue]
                ).map { (try $0.value(at: 0, as: String.self), try $0.value(at: 1, as: Int.self)) }
            }) ?? []
        var json = JSONWriter()
        json.object { json in
            json.string("service", service.rawValue)
            json.string("office", office.id.rawValue)
            json.string("registrationCloses", Representations.time(closesAt, in: office))
            json.bool("open", clock() < closesAt)
            json.string("slotsFrom", policy.slotsFrom.iso)
            json.string("slotsTo", policy.slotsTo.iso)
            json.array("priorities") { json in
                for priority in policy.priorities {
                    json.object { json in
                        json.string("id", priority.id)
                        json.string("name", priority.name)
                    }
                }
            }
            json.object("entries") { json in for (status, count) in counts { json.int(status, count) } }
        }
        reply(.json(json.bytes, headers: [("Cache-Control", "no-store")]))
    }

    func registerForDraw(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let service = ServiceID(request.parameters["service"] ?? "")
            guard let (_, office) = rush.draw(of: service) else {
                throw .notFound("\(service) is not handed out by a draw.")
            }
            var body = RequestBody(request)
            let contact = body.field("contact") { try $0.contact(requireReachable: true) }
            let priority = body.field("priority") { try $0.string() }
            let persons = body.field("persons", required: false) { try $0.int(in: 1...20) } ?? 1
            try body.finish()
            guard let contact, let priority else { throw .validation([]) }
            rush.register(service, contact: contact, priority: priority, persons: persons) { result in
                switch result {
                case .failure(let problem):
                    reply(.problem(problem))
                case .success(let (id, token, closesAt)):
                    var json = JSONWriter()
                    json.object { json in
                        json.string("id", id)
                        json.string("token", token)
                        json.string("status", "registered")
                        json.string("registrationCloses", Representations.time(closesAt, in: office))
                        json.object("links") { json in
                            json.string("self", "/v1/draws/\(service.rawValue)/entries/\(id)")
                        }
                    }
                    reply(
                        .json(
                            json.bytes, status: 201,
                            headers: [
                                ("Location", "/v1/draws/\(service.rawValue)/entries/\(id)"),
                                ("Cache-Control", "no-store"),
                            ]))
                }
            }
        }
    }

    /// The route's service, entry id and the entry's token, or a 401 problem.
    private func entryCredentials(_ request: HTTPRequest) throws(APIProblem) -> (
        service: ServiceID, id: String, token: String
    ) {
        guard let token = CallerResolver.token(of: request) else {
            throw .unauthorized("Show the entry's token (Authorization: Bearer …).")
        }
        return (ServiceID(request.parameters["service"] ?? ""), request.parameters["entry"] ?? "", token)
    }

    func drawEntry(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let credentials: (service: ServiceID, id: String, token: String)
        do { credentials = try entryCredentials(request) } catch { return reply(.problem(error)) }
        let (service, id, token) = credentials
        rush.queue.async {
            self.run(reply) { () throws(APIProblem) in
                guard let (policy, office) = self.rush.draw(of: service) else { throw .notFound("no draw") }
                let entry = try self.rush.entry(service, id: id, token: token)
                var booking: Booking?
                if let bookingID = entry.booking {
                    booking = try? self.database.reader.sync { try $0.booking(id: BookingID(bookingID))?.booking }
                }
                let place = self.rush.waitlistPlace(entry, service: service, office: office.id)
                var json = JSONWriter()
                json.object { json in
                    json.string("id", entry.id)
                    json.string("status", booking?.status == .cancelled ? "withdrawn" : entry.status)
                    json.string("priority", entry.priority)
                    json.string(
                        "registrationCloses", Representations.time(policy.closesAt(in: office.timeZone), in: office))
                    json.int("waitingListPlace", ifPresent: place)
                    if let booking, booking.isActive {
                        json.raw(
                            "booking",
                            Representations.booking(
                                booking, office: office, services: self.municipality.services, token: nil,
                                includeContact: false))
                    }
                }
                reply(.json(json.bytes, headers: [("Cache-Control", "no-store")]))
            }
        }
    }

    func withdrawFromDraw(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let credentials: (service: ServiceID, id: String, token: String)
        do { credentials = try entryCredentials(request) } catch { return reply(.problem(error)) }
        let (service, id, token) = credentials
        rush.queue.async {
            self.run(reply) { () throws(APIProblem) in
                let entry = try self.rush.entry(service, id: id, token: token)
                guard entry.status != "withdrawn" else { throw .notFound("The entry was withdrawn.") }
                switch self.rush.withdraw(entry, service: service) {
                case .success: reply(.response(HTTPResponse(status: .noContent)))
                case .failure(let problem): throw problem
                }
            }
        }
    }

    /// Refuses public holds and bookings of services handed out by a draw.
    func refuseDrawServices(_ services: [ServiceID], caller: Caller) throws(APIProblem) {
        guard caller.staff == nil else { return }
        for service in services where rush.draw(of: service) != nil {
            throw APIProblem(
                status: 409, kind: "by-draw", title: "Handed out by a draw",
                detail:
                    "Times for \(service) are drawn among those who register; register at /v1/draws/\(service)/entries.",
                extensions: [("draw", "/v1/draws/\(service.rawValue)")])
        }
    }
}
