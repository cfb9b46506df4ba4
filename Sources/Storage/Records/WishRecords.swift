package import Scheduling

/// A wish as stored: the wish, the hash of its token, and its token sealed for the links of its
/// messages (nil once erased).
package struct StoredWish: Sendable, Equatable {
    package var wish: Wish
    package var tokenHash: [UInt8]
    package var linkSecret: [UInt8]?
}

/// An offer as stored, with the hash of its token and its sealed token.
package struct StoredOffer: Sendable, Equatable {
    package var offer: WishOffer
    package var tokenHash: [UInt8]
    package var linkSecret: [UInt8]?
}

/// A new offer as the wishes' desk hands it to an office writer with the command that holds its
/// time (`OfficeCommand.placeOffer`): the office, counter and times are the hold's.
package struct NewOffer: Sendable, Equatable {
    package var id: String
    package var wish: WishID
    package var tokenHash: [UInt8]
    package var linkSecret: [UInt8]?
    package var createdAt: Instant
    package var expiresAt: Instant

    package init(
        id: String, wish: WishID, tokenHash: [UInt8], linkSecret: [UInt8]?, createdAt: Instant, expiresAt: Instant
    ) {
        self.id = id
        self.wish = wish
        self.tokenHash = tokenHash
        self.linkSecret = linkSecret
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// What changes of wishes and offers are stored with an office writer's change, in its
/// transaction (`LinkedChange.wish`), or on their own by the wishes' desk.
package enum WishChange: Sendable, Equatable {
    /// A new offer for the hold the command makes.
    case offer(NewOffer)
    /// An open offer closed: declined, run out or withdrawn.
    case closeOffer(String, status: WishOffer.Status, at: Instant)
    /// An open offer booked: it and its wish end with the booking the command makes.
    case bookOffer(String, wish: WishID, at: Instant)
    /// A wish ends (withdrawn, ended); its contact is erased at once when withdrawn.
    case endWish(WishID, status: Wish.Status, at: Instant)
    /// How many offers in a row a wish let run out.
    case unanswered(WishID, Int)
    /// Messages for the outbox.
    case messages([WishMessage])
}

/// Why a wish was not stored or confirmed.
package enum WishStorageError: Error, Sendable, Equatable {
    /// The contact already has a wish waiting for this service.
    case alreadyWishing(ServiceID)
}

/// How many wishes of a service stand where (for the hotline and the statistics).
package struct WishCount: Sendable, Equatable {
    package var service: ServiceID
    package var status: Wish.Status
    package var count: Int
    /// Of the waiting ones, how many have an open offer.
    package var offered: Int
}

/// The SQL of wishes and offers (Documentation/Wishes.md). The desk writes wishes on their own and
/// offers with the office writers' commands that hold, book or release their times.
extension SQLiteConnection {
    private static let wishColumns = """
        id, token_hash, link_secret, services, persons, offices, weekdays, times, earliest_day, latest_day, channel,
            language, contact_name, contact_email, contact_phone, created_at, confirmed_at, status, unanswered, booking
        """

    private static let offerColumns = """
        id, token_hash, link_secret, wish, office, hold, counter, services, persons, channel, starts_at, ends_at,
            created_at, expires_at, status, booking
        """

    // MARK: Wishes

    /// Stores a new wish with one row per service; a waiting one (left by the hotline, confirmed
    /// at once) is refused when the contact already has a wish waiting for one of its services.
    package func insertWish(_ wish: Wish, tokenHash: [UInt8], linkSecret: [UInt8]?, actor: String?) throws {
        let key = wish.contact.key ?? wish.id.rawValue
        if wish.status == .waiting, let service = try waitingConflict(services: wish.services, contactKey: key) {
            throw WishStorageError.alreadyWishing(service)
        }
        try execute(
            """
            INSERT INTO wish (id, token_hash, link_secret, services, persons, offices, weekdays, times, earliest_day,
                latest_day, channel, language, contact_name, contact_email, contact_phone, contact_key, actor,
                created_at, confirmed_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                wish.id.rawValue, tokenHash, linkSecret, Self.join(wish.services), wish.persons,
                wish.offices.map(\.rawValue).joined(separator: ","),
                wish.weekdays.sorted().map(\.key).joined(separator: ","),
                wish.times.map(\.text).joined(separator: ","), wish.earliest.dayNumber, wish.latest.dayNumber,
                wish.channel.rawValue, wish.language.rawValue, wish.contact.name, wish.contact.email,
                wish.contact.phone, key, actor, wish.createdAt.secondsSinceEpoch, wish.confirmedAt?.secondsSinceEpoch,
                wish.status.rawValue,
            ])
        for service in wish.services {
            try execute(
                "INSERT INTO wish_service (wish, service, contact_key, waiting) VALUES (?, ?, ?, ?)",
                [wish.id.rawValue, service.rawValue, key, wish.status == .waiting ? 1 : 0])
        }
    }

    /// The first of `services` for which `contactKey` already has a wish waiting.
    private func waitingConflict(services: [ServiceID], contactKey: String) throws -> ServiceID? {
        for service in services {
            let count =
                try scalar(
                    "SELECT count(*) FROM wish_service WHERE contact_key = ? AND service = ? AND waiting = 1",
                    [contactKey, service.rawValue], as: Int.self) ?? 0
            if count > 0 { return service }
        }
        return nil
    }

    /// Confirms an unconfirmed wish at `now`: from then on it waits, in line by that time. Refused
    /// when the contact already has a wish waiting for one of its services.
    package func confirmWish(_ wish: Wish, at now: Instant) throws {
        let key = wish.contact.key ?? wish.id.rawValue
        if let service = try waitingConflict(services: wish.services, contactKey: key) {
            throw WishStorageError.alreadyWishing(service)
        }
        try execute(
            "UPDATE wish SET status = 'waiting', confirmed_at = ? WHERE id = ? AND status = 'unconfirmed'",
            [now.secondsSinceEpoch, wish.id.rawValue])
        guard changes == 1 else { throw StorageConflict.recordChanged(wish.id.rawValue) }
        try execute("UPDATE wish_service SET waiting = 1 WHERE wish = ?", [wish.id.rawValue])
    }

    /// The wish `id`.
    package func wish(id: WishID) throws -> StoredWish? {
        try queryFirst("SELECT \(Self.wishColumns) FROM wish WHERE id = ?", [id.rawValue]).map(Self.storedWish)
    }

    /// The wishes with `status`, longest waiting first (by confirmation, then creation and id).
    package func wishes(status: Wish.Status) throws -> [Wish] {
        try query(
            """
            SELECT \(Self.wishColumns) FROM wish WHERE status = ?
            ORDER BY coalesce(confirmed_at, created_at), id
            """, [status.rawValue]
        ).map { try Self.storedWish($0).wish }
    }

    /// How many wishes `contactKey` has that are not over (waiting, or left and not confirmed yet).
    package func openWishCount(contactKey: String) throws -> Int {
        try scalar(
            "SELECT count(*) FROM wish WHERE contact_key = ? AND status IN ('unconfirmed', 'waiting')", [contactKey],
            as: Int.self) ?? 0
    }

    /// How many waiting wishes that share a service with `wish` were confirmed before it: those
    /// ahead of it in line for its services.
    package func wishesAhead(of wish: Wish) throws -> Int {
        guard let confirmed = wish.confirmedAt else { return 0 }
        let marks = Array(repeating: "?", count: wish.services.count).joined(separator: ", ")
        return try scalar(
            """
            SELECT count(DISTINCT w.id) FROM wish w JOIN wish_service s ON s.wish = w.id
            WHERE w.status = 'waiting' AND s.service IN (\(marks))
                AND (w.confirmed_at < ? OR (w.confirmed_at = ? AND w.id < ?))
            """,
            wish.services.map(\.rawValue) + [
                confirmed.secondsSinceEpoch, confirmed.secondsSinceEpoch, wish.id.rawValue,
            ],
            as: Int.self) ?? 0
    }

    /// Ends a wish (booked, withdrawn, ended): it no longer waits, its sealed token is erased, and
    /// a withdrawn wish's contact is erased at once.
    package func endWish(_ id: WishID, status: Wish.Status, at now: Instant, booking: BookingID? = nil) throws {
        try execute(
            """
            UPDATE wish SET status = ?1, ended_at = ?2, booking = ?3, link_secret = NULL,
                contact_name = CASE WHEN ?1 = 'withdrawn' THEN NULL ELSE contact_name END,
                contact_email = CASE WHEN ?1 = 'withdrawn' THEN NULL ELSE contact_email END,
                contact_phone = CASE WHEN ?1 = 'withdrawn' THEN NULL ELSE contact_phone END
            WHERE id = ?4 AND status IN ('unconfirmed', 'waiting')
            """, [status.rawValue, now.secondsSinceEpoch, booking?.rawValue, id.rawValue])
        guard changes == 1 else { throw StorageConflict.recordChanged(id.rawValue) }
        try execute("UPDATE wish_service SET waiting = 0 WHERE wish = ?", [id.rawValue])
    }

    /// The number of wishes per service and status, with how many waiting ones have an open offer.
    package func wishCounts() throws -> [WishCount] {
        try query(
            """
            SELECT s.service, w.status, count(*),
                sum(CASE WHEN EXISTS (SELECT 1 FROM wish_offer o WHERE o.wish = w.id AND o.status = 'open')
                    THEN 1 ELSE 0 END)
            FROM wish_service s JOIN wish w ON w.id = s.wish
            GROUP BY s.service, w.status ORDER BY s.service, w.status
            """
        ).compactMap { row in
            guard let status = Wish.Status(rawValue: try row.value(at: 1)) else { return nil }
            return WishCount(
                service: ServiceID(try row.value(at: 0)), status: status, count: try row.value(at: 2),
                offered: try row.value(at: 3, as: Int?.self) ?? 0)
        }
    }

    /// Erases the contact of wishes that ended before `cutoff` (their anonymous rows stay for the
    /// statistics); returns how many.
    package func eraseWishContacts(endedBefore cutoff: Instant) throws -> Int {
        try execute(
            """
            UPDATE wish SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, link_secret = NULL
            WHERE ended_at < ? AND (contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL)
            """, [cutoff.secondsSinceEpoch])
        return changes
    }

    // MARK: Offers

    /// Stores a new open offer.
    package func insertOffer(_ offer: WishOffer, tokenHash: [UInt8], linkSecret: [UInt8]?) throws {
        try execute(
            """
            INSERT INTO wish_offer (id, token_hash, link_secret, wish, office, hold, counter, services, persons, channel,
                starts_at, ends_at, created_at, expires_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                offer.id, tokenHash, linkSecret, offer.wish.rawValue, offer.office.rawValue, offer.hold.rawValue,
                offer.counter.rawValue, Self.join(offer.services), offer.persons, offer.channel.rawValue,
                offer.start.secondsSinceEpoch, offer.end.secondsSinceEpoch, offer.createdAt.secondsSinceEpoch,
                offer.expiresAt.secondsSinceEpoch, offer.status.rawValue,
            ])
    }

    /// Closes an open offer (booked with `booking`, declined, run out, withdrawn); its sealed token
    /// is erased.
    package func closeOffer(_ id: String, status: WishOffer.Status, at now: Instant, booking: BookingID? = nil) throws {
        try execute(
            """
            UPDATE wish_offer SET status = ?, answered_at = ?, booking = ?, link_secret = NULL
            WHERE id = ? AND status = 'open'
            """, [status.rawValue, now.secondsSinceEpoch, booking?.rawValue, id])
        guard changes == 1 else { throw StorageConflict.recordChanged(id) }
    }

    /// The offer `id`.
    package func offer(id: String) throws -> StoredOffer? {
        try queryFirst("SELECT \(Self.offerColumns) FROM wish_offer WHERE id = ?", [id]).map(Self.storedOffer)
    }

    /// Every open offer, oldest first.
    package func openOffers() throws -> [WishOffer] {
        try query("SELECT \(Self.offerColumns) FROM wish_offer WHERE status = 'open' ORDER BY created_at, id").map {
            try Self.storedOffer($0).offer
        }
    }

    /// The offers of `wish`, newest first.
    package func offers(wish: WishID) throws -> [WishOffer] {
        try query(
            "SELECT \(Self.offerColumns) FROM wish_offer WHERE wish = ? ORDER BY created_at DESC, id DESC",
            [wish.rawValue]
        ).map { try Self.storedOffer($0).offer }
    }

    /// The times each waiting wish declined or let run out.
    package func refusedTimes() throws -> [WishID: Set<OfferedTime>] {
        var result: [WishID: Set<OfferedTime>] = [:]
        for row in try query(
            """
            SELECT o.wish, o.office, o.starts_at FROM wish_offer o JOIN wish w ON w.id = o.wish
            WHERE w.status = 'waiting' AND o.status IN ('declined', 'expired')
            """)
        {
            result[WishID(try row.value(at: 0)), default: []].insert(
                OfferedTime(
                    office: OfficeID(try row.value(at: 1)),
                    start: Instant(secondsSinceEpoch: try row.value(at: 2))))
        }
        return result
    }

    // MARK: Changes with a writer's command

    /// Stores `changes`; an office writer's command made `outcome` (the hold of a new offer, the
    /// booking of a booked one).
    package func applyWishChanges(_ changes: [WishChange], outcome: OfficeOutcome?, at now: Instant) throws {
        for change in changes {
            switch change {
            case .offer(let new):
                guard case .hold(let hold)? = outcome else { throw StorageConflict.recordChanged(new.id) }
                try insertOffer(
                    WishOffer(
                        id: new.id, wish: new.wish, office: hold.office, hold: hold.id, counter: hold.counter,
                        services: hold.services, persons: hold.persons, start: hold.start, end: hold.end,
                        channel: hold.channel, createdAt: new.createdAt, expiresAt: new.expiresAt),
                    tokenHash: new.tokenHash, linkSecret: new.linkSecret)
            case .closeOffer(let id, let status, let at):
                try closeOffer(id, status: status, at: at)
            case .bookOffer(let id, let wish, let at):
                guard case .booking(let booking, _)? = outcome else { throw StorageConflict.recordChanged(id) }
                try closeOffer(id, status: .booked, at: at, booking: booking.id)
                try endWish(wish, status: .booked, at: at, booking: booking.id)
            case .endWish(let id, let status, let at):
                try endWish(id, status: status, at: at)
            case .unanswered(let id, let count):
                try execute("UPDATE wish SET unanswered = ? WHERE id = ?", [count, id.rawValue])
            case .messages(let messages):
                try insertWishMessages(messages, at: now)
            }
        }
    }

    // MARK: Reading rows

    private static func storedWish(_ row: Row) throws -> StoredWish {
        let status: String = try row.value(at: 17)
        guard let known = Wish.Status(rawValue: status) else { throw StorageConflict.unknownRecord(status) }
        let wish = Wish(
            id: WishID(try row.value(at: 0)), services: split(try row.value(at: 3)), persons: try row.value(at: 4),
            offices: try row.value(at: 5, as: String.self).split(separator: ",").map { OfficeID(String($0)) },
            weekdays: Set(
                try row.value(at: 6, as: String.self).split(separator: ",").compactMap { Weekday(key: String($0)) }),
            times: try row.value(at: 7, as: String.self).split(separator: ",").compactMap { DayTimeRange(text: $0) },
            earliest: LocalDate(dayNumber: try row.value(at: 8)), latest: LocalDate(dayNumber: try row.value(at: 9)),
            channel: Channel(rawValue: try row.value(at: 10)) ?? .online,
            contact: Contact(
                name: try row.value(at: 12, as: String?.self) ?? "", email: try row.value(at: 13),
                phone: try row.value(at: 14)),
            language: Language(rawValue: try row.value(at: 11)) ?? .german,
            createdAt: Instant(secondsSinceEpoch: try row.value(at: 15)),
            confirmedAt: try row.value(at: 16, as: Int64?.self).map(Instant.init(secondsSinceEpoch:)), status: known,
            unanswered: try row.value(at: 18),
            booking: try row.value(at: 19, as: String?.self).map { BookingID($0) })
        return StoredWish(wish: wish, tokenHash: try row.value(at: 1), linkSecret: try row.value(at: 2))
    }

    private static func storedOffer(_ row: Row) throws -> StoredOffer {
        let status: String = try row.value(at: 14)
        guard let known = WishOffer.Status(rawValue: status) else { throw StorageConflict.unknownRecord(status) }
        let offer = WishOffer(
            id: try row.value(at: 0), wish: WishID(try row.value(at: 3)), office: OfficeID(try row.value(at: 4)),
            hold: HoldID(try row.value(at: 5)), counter: CounterID(try row.value(at: 6)),
            services: split(try row.value(at: 7)), persons: try row.value(at: 8),
            start: Instant(secondsSinceEpoch: try row.value(at: 10)),
            end: Instant(secondsSinceEpoch: try row.value(at: 11)),
            channel: Channel(rawValue: try row.value(at: 9)) ?? .online,
            createdAt: Instant(secondsSinceEpoch: try row.value(at: 12)),
            expiresAt: Instant(secondsSinceEpoch: try row.value(at: 13)), status: known,
            booking: try row.value(at: 15, as: String?.self).map { BookingID($0) })
        return StoredOffer(offer: offer, tokenHash: try row.value(at: 1), linkSecret: try row.value(at: 2))
    }
}
