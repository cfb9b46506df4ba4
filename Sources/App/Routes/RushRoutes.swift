import HTTPServer
import Scheduling
import Storage

/// Scarce releases: a service's waiting room (join, where one stands, the admission token) and
/// its draw (register, an entry's status, withdraw).
struct RushRoutes: Sendable {
    let directory: OfficeDirectory
    let rush: RushDesk

    private static let entryParameter = #"{"name":"entry","in":"path","required":true,"schema":{"type":"string"}}"#
    private static let entryToken = #"[{"bookingToken":[]}]"#

    var endpoints: [Endpoint] {
        [
            Endpoint(
                .get, "/v1/waiting-rooms/{service}",
                operation: Operation(
                    "getWaitingRoom", tag: "Rush",
                    "A service's waiting room around its release: when it opens, the release, entrants and admitted",
                    responses: [("200", OpenAPIText.json(OpenAPIText.anyObject, "The waiting room"))])
            ) { context in try waitingRoom(ServiceID(context.parameter("service"))) },
            Endpoint(
                .post, "/v1/waiting-rooms/{service}",
                operation: Operation(
                    "joinWaitingRoom", tag: "Rush",
                    "Join the waiting room: who joins before the release gets a place drawn at random at the release",
                    responses: [
                        (
                            "201",
                            OpenAPIText.json(OpenAPIText.ref("WaitingRoomEntry"), "The entrant (its entry is a secret)")
                        )
                    ],
                    problems: [.waitingRoomNotOpen, .waitingRoomClosed])
            ) { context in
                let service = ServiceID(context.parameter("service"))
                return .later { next in
                    rush.join(service) { result in
                        switch result {
                        case .failure(let problem): next(.problem(problem))
                        case .success(let entry): next(.reply(entryStatus(service, entry: entry, status: 201)))
                        }
                    }
                }
            },
            Endpoint(
                .get, "/v1/waiting-rooms/{service}/entries/{entry}",
                operation: Operation(
                    "getWaitingRoomEntry", tag: "Rush",
                    "Where an entrant stands; once admitted, the signed Admission-Token that holds and bookings need",
                    responses: [("200", OpenAPIText.json(OpenAPIText.ref("WaitingRoomEntry"), "The entrant"))],
                    parameters: [Self.entryParameter])
            ) { context in
                .reply(
                    entryStatus(ServiceID(context.parameter("service")), entry: context.parameter("entry"), status: 200)
                )
            },
            Endpoint(
                .get, "/v1/draws/{service}",
                operation: Operation(
                    "getDraw", tag: "Rush",
                    "A service's draw: registration deadline, the days drawn, priority groups, entries by status",
                    responses: [("200", OpenAPIText.json(OpenAPIText.anyObject, "The draw"))])
            ) { context in try drawInfo(ServiceID(context.parameter("service"))) },
            Endpoint(
                .post, "/v1/draws/{service}/entries",
                Contract(
                    body: .json(
                        schema:
                            ##"{"type":"object","required":["contact","priority"],"additionalProperties":false,"properties":{"contact":{"$ref":"#/components/schemas/Contact"},"priority":{"type":"string"},"persons":{"type":"integer","minimum":1}}}"##
                    )),
                operation: Operation(
                    "registerForDraw", tag: "Rush",
                    "Register for a draw (one entry per e-mail address or phone number)",
                    responses: [
                        (
                            "201",
                            OpenAPIText.json(
                                ##"{"type":"object","properties":{"id":{"type":"string"},"token":{"type":"string"},"status":{"type":"string"},"registrationCloses":{"type":"string","format":"date-time"}}}"##,
                                "The entry and its token (shown once)")
                        )
                    ],
                    problems: [.registrationClosed, .alreadyRegistered])
            ) { context in try register(context) },
            Endpoint(
                .get, "/v1/draws/{service}/entries/{entry}",
                operation: Operation(
                    "getDrawEntry", tag: "Rush",
                    "An entry's status: registered, won (with its booking) or its place on the waiting list",
                    responses: [
                        (
                            "200",
                            OpenAPIText.json(
                                ##"{"type":"object","properties":{"id":{"type":"string"},"status":{"type":"string","enum":["registered","won","waitlisted","withdrawn"]},"waitingListPlace":{"type":"integer"},"booking":{"$ref":"#/components/schemas/Booking"}}}"##,
                                "The entry")
                        )
                    ],
                    problems: [.unauthorized, .forbidden], security: Self.entryToken, parameters: [Self.entryParameter])
            ) { context in try drawEntry(context) },
            Endpoint(
                .delete, "/v1/draws/{service}/entries/{entry}",
                operation: Operation(
                    "withdrawFromDraw", tag: "Rush", "Withdraw; a won time is offered to the next on the waiting list",
                    responses: [("204", OpenAPIText.empty("Withdrawn"))],
                    problems: [.unauthorized, .forbidden], security: Self.entryToken, parameters: [Self.entryParameter])
            ) { context in
                let (service, id, token) = try Self.entryCredentials(context)
                return .onQueue(rush.queue) {
                    let entry = try rush.entry(service, id: id, token: token)
                    guard entry.status != .withdrawn else { throw APIProblem.notFound("The entry was withdrawn.") }
                    try rush.withdraw(entry, service: service)
                    return .empty(.noContent)
                }
            },
        ]
    }

    // MARK: Waiting rooms

    private func waitingRoom(_ service: ServiceID) throws -> Outcome {
        let now = directory.clock()
        guard let room = rush.room(service, now: now), let office = rush.roomOffice(service)?.office else {
            throw APIProblem.notFound("\(service) has no waiting room.")
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
        return .noStore(json.bytes)
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
}
