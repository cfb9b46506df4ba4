import Dispatch
package import Scheduling
package import Storage
import Synchronization

/// Scarce slots in a rush (Documentation/RushHour.md): the waiting rooms around a
/// service's releases, with signed admission tokens that booking then requires, and the draws
/// with their waiting lists.
///
/// Waiting-room entrants and draw entries are stored before they are answered; an entrant's
/// secret is stored only as a hash.
package final class RushDesk: Sendable {
    let configuration: LiveConfiguration
    let database: Database
    let clock: @Sendable () -> Instant
    /// The key that signs admission tokens (HMAC-SHA256), kept in the database.
    let secret: [UInt8]
    private let rooms = Mutex<[String: WaitingRoom]>([:])
    private let uses = Mutex<[String: Int]>([:])
    let queue = DispatchQueue(label: "rathaus.rush")

    /// Holds and bookings one admission may make (retries after a taken time included).
    package static let attemptsPerAdmission = 10

    package init(configuration: LiveConfiguration, database: Database, clock: @escaping @Sendable () -> Instant) throws
    {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        secret = try database.committer.withConnection { try $0.serverSecret(named: "admission") }
        preloadRooms()
    }

    /// The municipality now.
    var municipality: Municipality { configuration.municipality }

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

    /// What a request needs of a room, taken under the lock: handing out the room itself would
    /// make the next join copy all its entrants (copy on write).
    package struct RoomView: Sendable {
        package var releaseAt: Instant
        package var opensAt: Instant
        package var closesAt: Instant
        package var policy: WaitingRoomPolicy
        package var entrants: Int
        /// Entrants admitted by the moment the view was taken.
        package var admitted: Int

        init(_ room: WaitingRoom, at now: Instant) {
            releaseAt = room.releaseAt
            opensAt = room.opensAt
            closesAt = room.closesAt
            policy = room.policy
            entrants = room.count
            admitted = min(room.count, room.admitted(at: now))
        }

        package func isActive(at now: Instant) -> Bool { now >= opensAt && now < closesAt }
    }

    /// Runs `body` on the room of the current or next release, in place under the lock; nil when
    /// the service has no room now. Rooms with entrants stored before a restart are loaded by
    /// `preloadRooms` (at start and by the sweep), so no request waits for the database here.
    private func withRoom<Result>(
        _ service: ServiceID, now: Instant, _ body: (inout WaitingRoom) -> Result
    ) -> Result? {
        guard let (policy, office) = roomOffice(service),
            let releaseAt = release(of: service, policy: policy, office: office, now: now)
        else { return nil }
        let fresh = WaitingRoom(service: service, releaseAt: releaseAt, policy: policy)
        return rooms.withLock { rooms in body(&rooms[Self.key(service, releaseAt), default: fresh]) }
    }

    private static func key(_ service: ServiceID, _ releaseAt: Instant) -> String {
        "\(service.rawValue)@\(releaseAt.secondsSinceEpoch)"
    }

    /// Loads, for every service with a waiting room, the room of its current or next release
    /// from the database if it is not in memory yet (its entrants after a restart). Blocking: call
    /// it at start or on a queue that may wait.
    package func preloadRooms() {
        let now = clock()
        for service in municipality.services {
            guard let (policy, office) = roomOffice(service.id),
                let releaseAt = release(of: service.id, policy: policy, office: office, now: now)
            else { continue }
            let key = Self.key(service.id, releaseAt)
            guard !rooms.withLock({ $0[key] != nil }) else { continue }
            let stored =
                (try? database.reader.sync { try $0.waitingRoomEntrants(service: service.id, releaseAt: releaseAt) })
                ?? []
            let room = WaitingRoom(service: service.id, releaseAt: releaseAt, policy: policy, restoring: stored)
            rooms.withLock { rooms in
                if rooms[key] == nil { rooms[key] = room }
            }
        }
    }

    /// The room of the current or next release.
    func room(_ service: ServiceID, now: Instant) -> RoomView? {
        withRoom(service, now: now) { RoomView($0, at: now) }
    }

    /// Joins the room of `service`; answers (after storing it) with the entrant's secret.
    package func join(
        _ service: ServiceID, completion: @escaping @Sendable (Result<String, APIProblem>) -> Void
    ) {
        let now = clock()
        let entry = Secrets.token()
        let hash = IdempotencyKeys.hex(Secrets.hash(token: entry))
        typealias Joined = (releaseAt: Instant, place: Int?, sequence: Int, drawnPlaces: [String: Int])
        let outcome = withRoom(service, now: now) { room -> Result<Joined, RushError> in
            var generator = SystemRandomNumberGenerator()
            let drawnNow = room.drawIfDue(at: now, using: &generator)
            do throws(RushError) {
                try room.join(hash, at: now, using: &generator)
            } catch {
                return .failure(error)
            }
            return .success((room.releaseAt, room.places[hash], room.count, drawnNow ? room.places : [:]))
        }
        let joined: Joined
        switch outcome {
        case .none:
            completion(.failure(.notFound("\(service) has no waiting room now.")))
            return
        case .some(.failure(let error)):
            completion(.failure(APIProblem(error, office: roomOffice(service)?.office)))
            return
        case .some(.success(let value)):
            joined = value
        }
        database.committer.submit([
            { connection in
                try connection.insertWaitingRoomEntrant(
                    service: service, releaseAt: joined.releaseAt, key: hash, joinedAt: now, sequence: joined.sequence,
                    place: joined.place)
                try connection.updateWaitingRoomPlaces(
                    service: service, releaseAt: joined.releaseAt, joined.drawnPlaces.filter { $0.key != hash })
            }
        ]) { results in
            if case .failure = results.first {
                completion(.failure(.internalError()))
            } else {
                completion(.success(entry))
            }
        }
    }

    /// Where the entrant with `entry` stands, and its admission token once admitted.
    package func status(_ service: ServiceID, entry: String) -> (
        room: RoomView, status: WaitingRoom.Status, token: String?
    )? {
        let now = clock()
        let hash = IdempotencyKeys.hex(Secrets.hash(token: entry))
        typealias Seen = (room: RoomView, status: WaitingRoom.Status, drawnPlaces: [String: Int])
        guard
            let seen = withRoom(
                service, now: now,
                { room -> Seen in
                    var generator = SystemRandomNumberGenerator()
                    let drawnPlaces = room.drawIfDue(at: now, using: &generator) ? room.places : [:]
                    return (RoomView(room, at: now), room.status(of: hash, at: now), drawnPlaces)
                })
        else { return nil }
        if !seen.drawnPlaces.isEmpty {
            storePlaces(seen.drawnPlaces, service: service, releaseAt: seen.room.releaseAt)
        }
        guard case .admitted(let place, let until) = seen.status else { return (seen.room, seen.status, nil) }
        return (
            seen.room, seen.status,
            admissionToken(service: service, releaseAt: seen.room.releaseAt, place: place, until: until)
        )
    }

    private func storePlaces(_ places: [String: Int], service: ServiceID, releaseAt: Instant) {
        database.committer.submit([
            { connection in try connection.updateWaitingRoomPlaces(service: service, releaseAt: releaseAt, places) }
        ]) { _ in }
    }

    /// `service.release.place.until.signature`: what booking needs while the room is active.
    func admissionToken(service: ServiceID, releaseAt: Instant, place: Int, until: Instant) -> String {
        let claim = "\(service.rawValue).\(releaseAt.secondsSinceEpoch).\(place).\(until.secondsSinceEpoch)"
        return claim + "." + Secrets.base64URL(HMAC.sha256(key: secret, message: Array(claim.utf8)))
    }

    /// The end of the admission `token` gives for `service`'s room of the release at `releaseAt`,
    /// and its signature (which counts its uses); nil when it is not one of that room's.
    private func verified(_ token: String, service: ServiceID, releaseAt: Instant) -> (Instant, String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == service.rawValue, let release = Int64(parts[1]),
            release == releaseAt.secondsSinceEpoch, let until = Int64(parts[3]),
            let signature = Secrets.decodeBase64URL(parts[4]),
            HMAC.equal(signature, HMAC.sha256(key: secret, message: Array(parts[0...3].joined(separator: ".").utf8)))
        else { return nil }
        return (Instant(secondsSinceEpoch: until), parts[4])
    }

    /// Until when `token` admits to booking `service` now: nil when the service's room is not
    /// active, or the token is not its room's or has run out. Counts no attempt (for pages that
    /// only say so).
    package func admittedUntil(_ token: String, service: ServiceID) -> Instant? {
        let now = clock()
        guard let room = room(service, now: now), room.isActive(at: now),
            let (until, _) = verified(token, service: service, releaseAt: room.releaseAt), now < until
        else { return nil }
        return until
    }

    /// Refuses a public hold or booking of a waiting-room service without a valid admission
    /// (`Admission-Token`), while the room is active.
    package func checkAdmission(_ services: [ServiceID], token: String?, caller: Caller) throws(APIProblem) {
        guard !caller.isStaff else { return }
        let now = clock()
        for service in services {
            guard let room = room(service, now: now), room.isActive(at: now) else { continue }
            guard let token else {
                throw APIProblem(
                    .admissionRequired,
                    detail:
                        "\(service) is handed out through a waiting room until \(Representations.time(room.closesAt, in: roomOffice(service)?.office ?? municipality.offices[0])); join it at /v1/waiting-rooms/\(service).",
                    extensions: [("waitingRoom", "/v1/waiting-rooms/\(service.rawValue)")])
            }
            guard let (until, signature) = verified(token, service: service, releaseAt: room.releaseAt) else {
                throw APIProblem(.admissionInvalid, detail: "This Admission-Token is not one of this waiting room's.")
            }
            guard now < until else {
                throw APIProblem(.admissionInvalid, detail: "This admission ended; join the waiting room again.")
            }
            let used = uses.withLock { uses -> Int in
                uses[signature, default: 0] += 1
                return uses[signature, default: 0]
            }
            guard used <= Self.attemptsPerAdmission else {
                throw APIProblem(
                    .admissionInvalid, detail: "One admission allows \(Self.attemptsPerAdmission) attempts.")
            }
        }
    }

}

extension RushDesk {
    /// Refuses public holds and bookings of services handed out by a draw.
    func refuseDrawServices(_ services: [ServiceID], caller: Caller) throws(APIProblem) {
        guard !caller.isStaff else { return }
        for service in services where draw(of: service) != nil {
            throw APIProblem(
                .byDraw,
                detail:
                    "Times for \(service) are drawn among those who register; register at /v1/draws/\(service)/entries.",
                extensions: [("draw", "/v1/draws/\(service.rawValue)")])
        }
    }
}
