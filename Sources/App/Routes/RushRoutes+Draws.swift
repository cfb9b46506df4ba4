import HTTPServer
import Scheduling
import Storage

extension RushRoutes {
    /// `GET /v1/draws/{service}`: the draw and how many entries it has by status.
    func drawInfo(_ service: ServiceID) throws -> Outcome {
        guard let (policy, office) = rush.draw(of: service) else {
            throw APIProblem.notFound("\(service) is not handed out by a draw.")
        }
        let closesAt = policy.closesAt(in: office.timeZone)
        let open = directory.clock() < closesAt
        return .read { connection in
            let counts = try connection.drawEntryCounts(service: service, office: office.id)
            var json = JSONWriter()
            json.object { json in
                json.string("service", service.rawValue)
                json.string("office", office.id.rawValue)
                json.string("registrationCloses", Representations.time(closesAt, in: office))
                json.bool("open", open)
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
            return .noStore(json.bytes)
        }
    }

    /// `POST /v1/draws/{service}/entries` `{contact, priority, persons}`.
    func register(_ context: RequestContext) throws -> Outcome {
        let service = ServiceID(context.parameter("service"))
        guard let (_, office) = rush.draw(of: service) else {
            throw APIProblem.notFound("\(service) is not handed out by a draw.")
        }
        var body = context.body()
        let contact = body.field("contact") { try $0.contact(requireReachable: true) }
        let priority = body.field("priority") { try $0.string() }
        let persons = body.field("persons", required: false) { try $0.int(in: 1...20) } ?? 1
        try body.finish()
        guard let contact, let priority else { throw APIProblem.validation([]) }
        return .later { next in
            rush.register(service, contact: contact, priority: priority, persons: persons) { result in
                switch result {
                case .failure(let problem):
                    next(.problem(problem))
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
                    next(
                        .noStore(
                            json.bytes, status: 201,
                            headers: [("Location", "/v1/draws/\(service.rawValue)/entries/\(id)")]))
                }
            }
        }
    }

    /// `GET /v1/draws/{service}/entries/{entry}` with the entry's token.
    func drawEntry(_ context: RequestContext) throws -> Outcome {
        let (service, id, token) = try Self.entryCredentials(context)
        let services = directory.municipality.services
        return .onQueue(rush.queue) {
            guard let (policy, office) = rush.draw(of: service) else { throw APIProblem.notFound("no draw") }
            let entry = try rush.entry(service, id: id, token: token)
            let booking = entry.booking.flatMap { id in
                try? rush.database.reader.sync { try $0.booking(id: id)?.booking }
            }
            let place = rush.waitlistPlace(entry, service: service, office: office.id)
            var json = JSONWriter()
            json.object { json in
                json.string("id", entry.id)
                json.string("status", booking?.status == .cancelled ? "withdrawn" : entry.status.rawValue)
                json.string("priority", entry.priority)
                json.string(
                    "registrationCloses", Representations.time(policy.closesAt(in: office.timeZone), in: office))
                json.int("waitingListPlace", ifPresent: place)
                if let booking, booking.isActive {
                    json.raw(
                        "booking",
                        Representations.booking(
                            booking, office: office, services: services, token: nil, includeContact: false))
                }
            }
            return .noStore(json.bytes)
        }
    }

    /// The route's service, entry id and the entry's token, or a 401 problem.
    static func entryCredentials(_ context: RequestContext) throws(APIProblem) -> (
        service: ServiceID, id: String, token: String
    ) {
        guard let token = CallerResolver.token(of: context.request) else {
            throw .unauthorized("Show the entry's token (Authorization: Bearer …).")
        }
        return (ServiceID(context.parameter("service")), context.parameter("entry"), token)
    }
}
