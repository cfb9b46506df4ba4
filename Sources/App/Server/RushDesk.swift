import Dispatch
package import Scheduling
package import Storage
import Synchronization

/// Scarce slots in a rush (shared/DESIGN.md, "Load spikes"): the waiting rooms around a
/// service's releases, with signed admission tokens that booking then requires, and the draws
/// with their waiting lists.
///
/// Waiting-room entrants and draw entries are stored before they are answered; an entrant's
/// secret is stored only as a hash.
package final class RushDesk: Sendable {
    let municipality: Municipality
    let database: Database
    let clock: @Sendable () -> Instant
    /// The key that signs admission tokens (HMAC-SHA256), kept in the database.
    let secret: [UInt8]
    private let rooms = Mutex<[String: WaitingRoom]>([:])
    private let uses = Mutex<[String: Int]>([:])
    let queue = DispatchQueue(label: "rathaus.rush")

    /// Holds and bookings one admission may make (retries after a taken time included).
    package static let attemptsPerAdmission = 10

    package init(municipality: Municipality, database: Database, clock: @escaping @Sendable () -> Instant) throws {
        self.municipality = municipality
        self.database = database
        self.clock = clock
        secret = try database.committer.withConnection { connection in
            try connection.transaction(.immediate) {
                if let stored = try connection.scalar(
                    "SELECT value FROM server_secret WHERE name = 'admission'", as: [UInt8].self)
                {
                    return stored
                }
                var generator = SystemRandomNumberGenerator()
                let fresh = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
                try connection.execute("INSERT INTO server_secret (name, value) VALUES ('admission', ?)", [fresh])
                return fresh
            }
        }
    }

    // MARK: Waiting rooms

    /// The services that have a waiting room, with an office that offers them.
    func roomOffice(_ service: ServiceID) -> (policy: WaitingRoomPolicy, office: Office)? {
        guard case .waitingRoom(let policy) = municipality.service(service)?.rush,
            let office = municipality.offices.first(where: { $0.offeredServices.contains(service) })
        else { return nil }
        return (policy, office)
    }

    /// The release whose room is open or next: the last release while its room is still active,
    /// else the next one.
    func release(of service: ServiceID, policy: WaitingRoomPolicy, office: Office, now: Instant) -> Instant? {
        guard let capacity = database.writers[office.id]?.capacity, let window = capacity.window(of: service) else {
            return nil
        }
        if let last = capacity.lastRelease(of: window, atOrBefore: now),
            now < last.adding(minutes: policy.activeMinutesAfter)
        {
            return last
        }
        return capacity.nextRelease(of: window, after: now)?.at
    }

    /// The room of the current or next release, loaded from storage the first time.
    func room(_ service: ServiceID, now: Instant) -> WaitingRoom? {
        guard let (policy, office) = roomOffice(service),
            let releaseAt = release(of: service, policy: policy, office: office, now: now)
        else { return nil }
        let key = "\(service.rawValue)@\(releaseAt.secondsSinceEpoch)"
        if let room = rooms.withLock({ $0[key] }) { return room }
        var room = WaitingRoom(service: service, releaseAt: releaseAt, policy: policy)
        let stored =
            (try? database.reader.sync { connection in
                try connection.query(
                    "SELECT entry_hash, place FROM waiting_room_entry WHERE service = ? AND release_at = ? ORDER BY sequence",
                    [service.rawValue, releaseAt.secondsSinceEpoch]
                ).map { (try $0.value(at: 0, as: String.self), try $0.value(at: 1, as: Int?.self)) }
            }) ?? []
        for (hash, place) in stored { room.restore(hash, place: place) }
        return rooms.withLock { rooms in
            if let existing = rooms[key] { return existing }
            rooms[key] = room
            return room
        }
    }

    /// Joins the room of `service`; answers (after storing it) with the entrant's secret.
    package func join(
        _ service: ServiceID,
        completion: @escaping @Sendable (Result<(entry: String, room: WaitingRoom), APIProblem>) -> Void
    ) {
        let now = clock()
        guard var room = room(service, now: now) else {
            completion(.failure(.notFound("\(service) has no waiting room now.")))
            return
        }
        let entry = Secrets.token()
        let hash = IdempotencyKeys.hex(Secrets.hash(token: entry))
        let key = "\(service.rawValue)@\(room.releaseAt.secondsSinceEpoch)"
        var drawnNow = false
        var sequence = 0
        do throws(RushError) {
            try rooms.withLock { rooms throws(RushError) in
                room = rooms[key] ?? room
                var generator = SystemRandomNumberGenerator()
                drawnNow = room.drawIfDue(at: now, using: &generator)
                try room.join(hash, at: now, using: &generator)
                sequence = room.count
                rooms[key] = room
            }
        } catch {
            completion(.failure(RushDesk.problem(error, office: roomOffice(service)?.office)))
            return
        }
        let place = room.places[hash]
        let position = sequence
        let drawnPlaces = drawnNow ? room.places : [:]
        let releaseAt = room.releaseAt
        let finished = room
        database.committer.submit([
            { connection in
                try connection.execute(
                    "INSERT INTO waiting_room_entry (service, release_at, entry_hash, joined_at, sequence, place) VALUES (?, ?, ?, ?, ?, ?)",
                    [service.rawValue, releaseAt.secondsSinceEpoch, hash, now.secondsSinceEpoch, position, place])
                for (drawnHash, drawnPlace) in drawnPlaces where drawnHash != hash {
                    try connection.execute(
                        "UPDATE waiting_room_entry SET place = ? WHERE service = ? AND release_at = ? AND entry_hash = ?",
                        [drawnPlace, service.rawValue, releaseAt.secondsSinceEpoch, drawnHash])
                }
            }
        ]) { results in
            if case .failure = results.first {
                completion(.failure(.internalError()))
            } else {
                completion(.success((entry, finished)))
            }
        }
    }

    /// Where the entrant with `entry` stands, and its admission token once admitted.
    package func status(_ service: ServiceID, entry: String) -> (
        room: WaitingRoom, status: WaitingRoom.Status, token: String?
    )? {
        let now = clock()
        guard let room = room(service, now: now) else { return nil }
        let key = "\(service.rawValue)@\(room.releaseAt.secondsSinceEpoch)"
        let hash = IdempotencyKeys.hex(Secrets.hash(token: entry))
        var drawnPlaces: [String: Int] = [:]
        let current = rooms.withLock { rooms -> WaitingRoom in
            var current = rooms[key] ?? room
            var generator = SystemRandomNumberGenerator()
            if current.drawIfDue(at: now, using: &generator) { drawnPlaces = current.places }
            rooms[key] = current
            return current
        }
        if !drawnPlaces.isEmpty { storePlaces(drawnPlaces, service: service, releaseAt: current.releaseAt) }
        let status = current.status(of: hash, at: now)
        guard case .admitted(let place, let until) = status else { return (current, status, nil) }
        return (
            current, status, admissionToken(service: service, releaseAt: current.releaseAt, place: place, until: until)
        )
    }

    private func storePlaces(_ places: [String: Int], service: ServiceID, releaseAt: Instant) {
        database.committer.submit([
            { connection in
                for (hash, place) in places {
                    try connection.execute(
                        "UPDATE waiting_room_entry SET place = ? WHERE service = ? AND release_at = ? AND entry_hash = ?",
                        [place, service.rawValue, releaseAt.secondsSinceEpoch, hash])
                }
            }
        ]) { _ in }
    }

    /// `service.release.place.until.signature`: what booking needs while the room is active.
    func admissionToken(service: ServiceID, releaseAt: Instant, place: Int, until: Instant) -> String {
        let claim = "\(service.rawValue).\(releaseAt.secondsSinceEpoch).\(place).\(until.secondsSinceEpoch)"
        return claim + "." + Secrets.base64URL(HMAC.sha256(key: secret, message: Array(claim.utf8)))
    }

    /// Refuses a public hold or booking of a waiting-room service without a valid admission
    /// (`Admission-Token`), while the room is active.
    package func checkAdmission(_ services: [ServiceID], token: String?, caller: Caller) throws(APIProblem) {
        guard caller.staff == nil else { return }
        let now = clock()
        for service in services {
            guard let room = room(service, now: now), room.isActive(at: now) else { continue }
            guard let token else {
                throw APIProblem(
                    status: 403, kind: "admission-required", title: "Please wait in the waiting room",
                    detail:
                        "\(service) is handed out through a waiting room until \(Representations.time(room.closesAt, in: roomOffice(service)?.office ?? municipality.offices[0])); join it at /v1/waiting-rooms/\(service).",
                    extensions: [("waitingRoom", "/v1/waiting-rooms/\(service.rawValue)")])
            }
            let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, parts[0] == service.rawValue, let release = Int64(parts[1]),
                release == room.releaseAt.secondsSinceEpoch, let until = Int64(parts[3]),
                let signature = Secrets.decodeBase64URL(parts[4]),
                HMAC.equal(
                    signature,
                    HMAC.sha256(key: secret, message: Array(parts[0...3].joined(separator: ".").utf8)))
            else {
                throw APIProblem(
                    status: 403, kind: "admission-invalid", title: "The admission is not valid",
                    detail: "This Admission-Token is not one of this waiting room's.")
            }
            guard now.secondsSinceEpoch < until else {
                throw APIProblem(
                    status: 403, kind: "admission-invalid", title: "The admission has run out",
                    detail: "This admission ended; join the waiting room again.")
            }
            let used = uses.withLock { uses -> Int in
                uses[parts[4], default: 0] += 1
                return uses[parts[4], default: 0]
            }
            guard used <= Self.attemptsPerAdmission else {
                throw APIProblem(
                    status: 403, kind: "admission-invalid", title: "The admission is used up",
                    detail: "One admission allows \(Self.attemptsPerAdmission) attempts.")
            }
        }
    }

    static func problem(_ error: RushError, office: Office?) -> APIProblem {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .notOpenYet(let service, let opensAt):
            return APIProblem(
                status: 409, kind: "waiting-room-not-open", title: "The waiting room is not open yet",
                detail: "The waiting room for \(service) opens at \(time(opensAt)).",
                extensions: [("opensAt", time(opensAt))])
        case .closed(let service):
            return APIProblem(
                status: 409, kind: "waiting-room-closed", title: "The waiting room is closed",
                detail: "The waiting room for \(service) has closed; book as usual.")
        case .admissionRequired(let service):
            return APIProblem(
                status: 403, kind: "admission-required", title: "Please wait in the waiting room", detail: "\(service)")
        case .admissionInvalid(let service):
            return APIProblem(
                status: 403, kind: "admission-invalid", title: "The admission is not valid", detail: "\(service)")
        case .registrationClosed(let service, let closedAt):
            return APIProblem(
                status: 409, kind: "registration-closed", title: "Registration has closed",
                detail: "Registration for the draw of \(service) closed at \(time(closedAt)).")
        case .alreadyRegistered(let service):
            return APIProblem(
                status: 409, kind: "already-registered", title: "Already registered",
                detail: "This e-mail address or phone number is already registered for the draw of \(service).")
        case .unknownPriority(let id):
            return .validation([.init(field: "priority", message: "unknown priority group \"\(id)\"")])
        }
    }
}
