import Dispatch
package import Scheduling
package import Storage

extension RushDesk {
    /// The service's draw and its office, if it has one.
    func draw(of service: ServiceID) -> (policy: DrawPolicy, office: Office)? {
        guard case .draw(let policy) = municipality.service(service)?.rush,
            let office = municipality.office(policy.office)
        else { return nil }
        return (policy, office)
    }

    /// The draw of `service` whose registration closes at `closesAt`.
    func drawKey(_ service: ServiceID, office: Office, policy: DrawPolicy) -> DrawKey {
        DrawKey(service: service, office: office.id, closesAt: policy.closesAt(in: office.timeZone))
    }

    /// Registers interest in a draw; answers (after storing it) with the entry's id and token.
    package func register(
        _ service: ServiceID, contact: Contact, priority: String, persons: Int,
        completion: @escaping @Sendable (Result<(id: String, token: String, closesAt: Instant), APIProblem>) -> Void
    ) {
        guard let (policy, office) = draw(of: service) else {
            completion(.failure(.notFound("\(service) is not handed out by a draw.")))
            return
        }
        let now = clock()
        let key = drawKey(service, office: office, policy: policy)
        guard now < key.closesAt else {
            completion(.failure(APIProblem(.registrationClosed(service, closedAt: key.closesAt), office: office)))
            return
        }
        guard policy.priorities.contains(where: { $0.id == priority }) else {
            completion(.failure(APIProblem(.unknownPriority(priority), office: office)))
            return
        }
        let id = RecordID.make(office: office.id)
        let token = Secrets.token()
        let entry = DrawEntry(
            id: id, tokenHash: Secrets.hash(token: token), priority: priority, persons: persons, contact: contact,
            status: .registered)
        database.committer.submit([
            { connection in
                try connection.insertDrawEntry(entry, draw: key, contactKey: contact.key ?? id, registeredAt: now)
            }
        ]) { results in
            switch results.first {
            case .failure(DrawRegistrationError.alreadyRegistered):
                completion(.failure(APIProblem(.alreadyRegistered(service), office: office)))
            case .failure:
                completion(.failure(.internalError()))
            default:
                completion(.success((id, token, key.closesAt)))
            }
        }
    }

    /// The entry with `id`, if `token` opens it. Blocking: call it on `queue`.
    package func entry(_ service: ServiceID, id: String, token: String) throws(APIProblem) -> DrawEntry {
        let found = try? database.reader.sync { try $0.drawEntry(id: id, service: service) }
        guard let found = found ?? nil else { throw .notFound("There is no draw entry \(id).") }
        guard HMAC.equal(found.tokenHash, Secrets.hash(token: token)) else {
            throw .forbidden("This token does not open draw entry \(id).")
        }
        return found
    }

    /// The entry's place on the waiting list among those still waiting (1 is next). Blocking:
    /// call it on `queue`.
    func waitlistPlace(_ entry: DrawEntry, service: ServiceID, office: OfficeID) -> Int? {
        guard entry.status == .waitlisted, let position = entry.position else { return nil }
        let ahead = try? database.reader.sync {
            try $0.waitlistedAhead(service: service, office: office, position: position)
        }
        return ahead.map { $0 + 1 }
    }

    /// Runs every draw whose registration has closed and that still has undrawn entries.
    /// Blocking: call it on `queue`.
    package func runDueDraws() {
        for service in municipality.services {
            guard let (policy, office) = draw(of: service.id) else { continue }
            let key = drawKey(service.id, office: office, policy: policy)
            guard clock() >= key.closesAt else { continue }
            runDraw(key, policy: policy, office: office)
        }
    }

    /// Assigns the draw's slots in random order within the priority groups; the rest go on the
    /// waiting list in that order. Each winner's booking and its entry are stored in one
    /// transaction.
    func runDraw(_ key: DrawKey, policy: DrawPolicy, office: Office) {
        guard let writer = database.writers[office.id] else { return }
        let entries = (try? database.reader.sync { try $0.registeredDrawEntries(key) }) ?? []
        guard !entries.isEmpty else { return }
        var generator = SystemRandomNumberGenerator()
        let order = DrawOrder.order(
            entries.map { ($0, $0.priority) }, priorities: policy.priorities.map(\.id), using: &generator)
        let now = clock()
        var starts =
            (try? writer.capacity.availability(
                services: [key.service], persons: 1, channel: .hotline, from: policy.slotsFrom, to: policy.slotsTo,
                now: now
            ))?
            .days.flatMap(\.starts) ?? []
        let last =
            (try? database.reader.sync { try $0.lastDrawPosition(service: key.service, office: office.id) }) ?? nil
        var position = (last ?? 0) + 1
        for entry in order {
            var won = false
            attempts: while !won, let start = starts.first {
                let request = SlotRequest(
                    services: [key.service], persons: entry.persons, start: start, channel: .hotline)
                switch writer.perform(.book(request, contact: entry.contact), linked: .drawEntryWon(entry.id)) {
                case .success(.booking):
                    won = true  // the start stays first: another counter may still take it
                case .failure(.scheduling(.limitReached)):
                    break attempts  // this contact already holds a booking of the service
                default:
                    starts.removeFirst()  // taken on every counter (or not bookable): the next start
                }
            }
            guard !won else { continue }
            let place = position
            position += 1
            _ = try? database.committer.withConnection { connection in
                try connection.transaction(.immediate) {
                    try connection.updateDrawEntry(id: entry.id, status: .waitlisted, position: place, booking: nil)
                }
            }
        }
    }

    /// Offers the time of a cancelled booking of a draw's service to the next on its waiting
    /// list: its booking and its entry are stored in one transaction. Blocking: call it on `queue`.
    package func offer(_ cancelled: Booking) {
        for service in cancelled.services {
            guard let (policy, office) = draw(of: service), office.id == cancelled.office,
                (policy.slotsFrom...policy.slotsTo).contains(office.timeZone.local(cancelled.start).date),
                cancelled.start > clock(), let writer = database.writers[office.id]
            else { continue }
            let next = try? database.reader.sync {
                try $0.firstWaitlistedDrawEntry(service: service, office: office.id)
            }
            guard let entry = next ?? nil else { continue }
            let request = SlotRequest(
                services: [service], persons: entry.persons, start: cancelled.start, channel: .hotline)
            _ = writer.perform(.book(request, contact: entry.contact), linked: .drawEntryWon(entry.id))
        }
    }

    /// Withdraws an entry; a won booking is cancelled with it (in one transaction) and its time
    /// offered to the waiting list. Blocking: call it on `queue`.
    package func withdraw(_ entry: DrawEntry, service: ServiceID) throws(APIProblem) {
        guard let (_, office) = draw(of: service), let writer = database.writers[office.id] else {
            throw .notFound("no draw")
        }
        if let booking = entry.booking, entry.status == .won {
            if case .failure(let error) = writer.perform(
                .cancel(booking, channel: .hotline), linked: .drawEntryWithdrawn(entry.id))
            {
                throw APIProblem(error, office: office)
            }
            return
        }
        do {
            try database.committer.withConnection { connection in
                try connection.transaction(.immediate) { try connection.withdrawDrawEntry(id: entry.id) }
            }
        } catch {
            throw .internalError()
        }
    }
}
