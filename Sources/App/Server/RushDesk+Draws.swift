import Dispatch
package import Scheduling
import Storage
import Synchronization

extension RushDesk {
    /// A draw entry as stored.
    package struct DrawEntry: Sendable {
        package var id: String
        package var tokenHash: [UInt8]
        package var priority: String
        package var persons: Int
        package var contact: Contact
        package var status: String
        package var position: Int?
        package var booking: String?
    }

    /// The service's draw and its office, if it has one.
    func draw(of service: ServiceID) -> (policy: DrawPolicy, office: Office)? {
        guard case .draw(let policy) = municipality.service(service)?.rush,
            let office = municipality.office(policy.office)
        else { return nil }
        return (policy, office)
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
        let closesAt = policy.closesAt(in: office.timeZone)
        guard now < closesAt else {
            completion(.failure(RushDesk.problem(.registrationClosed(service, closedAt: closesAt), office: office)))
            return
        }
        guard policy.priorities.contains(where: { $0.id == priority }) else {
            completion(.failure(RushDesk.problem(.unknownPriority(priority), office: office)))
            return
        }
        let id = RecordID.make(office: office.id)
        let token = Secrets.token()
        database.committer.submit([
            { connection in
                try connection.execute(
                    """
                    INSERT INTO draw_entry (id, token_hash, service, office, closes_at, priority, persons, contact_name,
                        contact_email, contact_phone, contact_key, registered_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered')
                    """,
                    [
                        id, Secrets.hash(token: token), service.rawValue, office.id.rawValue,
                        closesAt.secondsSinceEpoch,
                        priority, persons, contact.name, contact.email, contact.phone, contact.key ?? id,
                        now.secondsSinceEpoch,
                    ])
            }
        ]) { results in
            switch results.first {
            case .failure(let error as SQLiteError) where error.extendedCode == .constraintUnique:
                completion(.failure(RushDesk.problem(.alreadyRegistered(service), office: office)))
            case .failure:
                completion(.failure(.internalError()))
            default:
                completion(.success((id, token, closesAt)))
            }
        }
    }

    /// The entry with `id`, if `token` opens it.
    package func entry(_ service: ServiceID, id: String, token: String) throws(APIProblem) -> DrawEntry {
        let found = try? database.reader.sync { connection in
            try connection.queryFirst(
                """
                SELECT id, token_hash, priority, persons, contact_name, contact_email, contact_phone, status, position, booking
                FROM draw_entry WHERE id = ? AND service = ?
                """, [id, service.rawValue]
            ).map(Self.drawEntry)
        }
        guard let found = found ?? nil else { throw .notFound("There is no draw entry \(id).") }
        guard HMAC.equal(found.tokenHash, Secrets.hash(token: token)) else {
            throw .forbidden("This token does not open draw entry \(id).")
        }
        return found
    }

    static func drawEntry(_ row: Row) throws -> DrawEntry {
        DrawEntry(
            id: try row.value(at: 0), tokenHash: try row.value(at: 1), priority: try row.value(at: 2),
            persons: try row.value(at: 3),
            contact: Contact(
                name: try row.value(at: 4, as: String?.self) ?? "", email: try row.value(at: 5),
                phone: try row.value(at: 6)),
            status: try row.value(at: 7), position: try row.value(at: 8), booking: try row.value(at: 9))
    }

    /// The entry's place on the waiting list among those still waiting (1 is next).
    func waitlistPlace(_ entry: DrawEntry, service: ServiceID, office: OfficeID) -> Int? {
        guard entry.status == "waitlisted", let position = entry.position else { return nil }
        let ahead = try? database.reader.sync { connection in
            try connection.scalar(
                "SELECT count(*) FROM draw_entry WHERE service = ? AND office = ? AND status = 'waitlisted' AND position < ?",
                [service.rawValue, office.rawValue, position], as: Int.self)
        }
        return (ahead ?? nil).map { $0 + 1 }
    }

    /// Runs every draw whose registration has closed and that still has undrawn entries.
    /// Blocking: call it on `queue`.
    package func runDueDraws() {
        for service in municipality.services {
            guard let (policy, office) = draw(of: service.id) else { continue }
            let closesAt = policy.closesAt(in: office.timeZone)
            guard clock() >= closesAt else { continue }
            runDraw(service.id, policy: policy, office: office, closesAt: closesAt)
        }
    }

    /// Assigns the draw's slots in random order within the priority groups; the rest go on the
    /// waiting list in that order.
    func runDraw(_ service: ServiceID, policy: DrawPolicy, office: Office, closesAt: Instant) {
        guard let writer = database.writers[office.id] else { return }
        let entries =
            (try? database.reader.sync { connection in
                try connection.query(
                    """
                    SELECT id, token_hash, priority, persons, contact_name, contact_email, contact_phone, status, position, booking
                    FROM draw_entry WHERE service = ? AND office = ? AND closes_at = ? AND status = 'registered' ORDER BY registered_at, id
                    """, [service.rawValue, office.id.rawValue, closesAt.secondsSinceEpoch]
                ).map(Self.drawEntry)
            }) ?? []
        guard !entries.isEmpty else { return }
        var generator = SystemRandomNumberGenerator()
        let order = DrawOrder.order(
            entries.map { ($0, $0.priority) }, priorities: policy.priorities.map(\.id), using: &generator)
        let now = clock()
        var starts =
            (try? writer.capacity.availability(
                services: [service], persons: 1, channel: .hotline, from: policy.slotsFrom, to: policy.slotsTo, now: now
            ))?
            .days.flatMap(\.starts) ?? []
        let firstWaiting =
            (try? database.reader.sync { connection in
                try connection.scalar(
                    "SELECT max(position) FROM draw_entry WHERE service = ? AND office = ?",
                    [service.rawValue, office.id.rawValue], as: Int?.self)
            }) ?? nil
        var position = (firstWaiting ?? 0) + 1
        for entry in order {
            var won: Booking?
            attempts: while won == nil, let start = starts.first {
                let request = SlotRequest(services: [service], persons: entry.persons, start: start, channel: .hotline)
                switch writer.perform(.book(request, contact: entry.contact)) {
                case .success(.booking(let booking, _)):
                    won = booking  // the start stays first: another counter may still take it
                case .failure(.scheduling(.limitReached)):
                    break attempts  // this contact already holds a booking of the service
                default:
                    starts.removeFirst()  // taken on every counter (or not bookable): the next start
                }
            }
            let status = won == nil ? "waitlisted" : "won"
            let place = won == nil ? position : nil
            if won == nil { position += 1 }
            let bookingID = won?.id.rawValue
            _ = try? database.committer.withConnection { connection in
                try connection.transaction(.immediate) {
                    try connection.execute(
                        "UPDATE draw_entry SET status = ?, position = ?, booking = ? WHERE id = ?",
                        [status, place, bookingID, entry.id])
                }
            }
        }
    }

    /// Offers the time of a cancelled booking of a draw's service to the next on its waiting list.
    package func offer(_ cancelled: Booking) {
        for service in cancelled.services {
            guard let (policy, office) = draw(of: service), office.id == cancelled.office,
                (policy.slotsFrom...policy.slotsTo).contains(office.timeZone.local(cancelled.start).date),
                cancelled.start > clock(), let writer = database.writers[office.id]
            else { continue }
            let next = try? database.reader.sync { connection in
                try connection.queryFirst(
                    """
                    SELECT id, token_hash, priority, persons, contact_name, contact_email, contact_phone, status, position, booking
                    FROM draw_entry WHERE service = ? AND office = ? AND status = 'waitlisted' ORDER BY position LIMIT 1
                    """, [service.rawValue, office.id.rawValue]
                ).map(Self.drawEntry)
            }
            guard let entry = next ?? nil else { continue }
            let request = SlotRequest(
                services: [service], persons: entry.persons, start: cancelled.start, channel: .hotline)
            if case .success(.booking(let booking, _)) = writer.perform(.book(request, contact: entry.contact)) {
                _ = try? database.committer.withConnection { connection in
                    try connection.transaction(.immediate) {
                        try connection.execute(
                            "UPDATE draw_entry SET status = 'won', booking = ? WHERE id = ?",
                            [booking.id.rawValue, entry.id])
                    }
                }
            }
        }
    }

    /// Withdraws an entry; a won booking is cancelled and its time offered to the waiting list.
    package func withdraw(_ entry: DrawEntry, service: ServiceID) -> Result<Void, APIProblem> {
        guard let (_, office) = draw(of: service), let writer = database.writers[office.id] else {
            return .failure(.notFound("no draw"))
        }
        if let booking = entry.booking, entry.status == "won" {
            if case .failure(let error) = writer.perform(.cancel(BookingID(booking), channel: .hotline)) {
                return .failure(.from(error, office: office))
            }
        }
        _ = try? database.committer.withConnection { connection in
            try connection.transaction(.immediate) {
                try connection.execute(
                    "UPDATE draw_entry SET status = 'withdrawn', position = NULL, contact_name = NULL, contact_email = NULL, contact_phone = NULL WHERE id = ?",
                    [entry.id])
            }
        }
        return .success(())
    }
}
