package import Scheduling
package import Storage

/// What a citizen (or the hotline for a caller) fills in to leave a wish.
package struct WishDraft: Sendable {
    package var services: [ServiceID]
    package var persons: Int
    package var offices: [OfficeID]
    package var weekdays: Set<Weekday>
    package var times: [DayTimeRange]
    package var earliest: LocalDate
    package var latest: LocalDate
    package var contact: Contact
    package var language: Language

    package init(
        services: [ServiceID], persons: Int, offices: [OfficeID], weekdays: Set<Weekday>, times: [DayTimeRange],
        earliest: LocalDate, latest: LocalDate, contact: Contact, language: Language
    ) {
        self.services = services
        self.persons = persons
        self.offices = offices
        self.weekdays = weekdays
        self.times = times
        self.earliest = earliest
        self.latest = latest
        self.contact = contact
        self.language = language
    }
}

/// A wish as its holder sees it: the wish, its open offer, and how many wait ahead of it.
package struct WishView: Sendable {
    package var wish: Wish
    package var offer: WishOffer?
    package var ahead: Int
}

/// What the citizens' and the hotline's requests ask of the desk. Every function runs on the
/// desk's queue (the routes hand it there) and answers only once its change is stored.
extension WishDesk {
    // MARK: Leaving and confirming

    /// Stores a new wish and its message: a citizen's waits unconfirmed for its address to be
    /// confirmed (a request to confirm goes out); one the hotline left for a caller (`staff`)
    /// counts at once (the caller is told so). Returns the wish and its token, shown this once.
    package func leave(_ draft: WishDraft, staff: StaffActor?) throws(APIProblem) -> (wish: Wish, token: String) {
        let now = clock()
        let policy = policy
        guard let first = draft.offices.first.flatMap({ configuration.office($0) }) ?? municipality.offices.first
        else { throw .notFound("There is no office.") }
        let confirmed = staff != nil
        let wish = Wish(
            id: WishID(RecordID.make(office: first.id)), services: draft.services, persons: draft.persons,
            offices: draft.offices, weekdays: draft.weekdays, times: draft.times, earliest: draft.earliest,
            latest: draft.latest, channel: confirmed ? .hotline : .online, contact: draft.contact,
            language: draft.language, createdAt: now, confirmedAt: confirmed ? now : nil,
            status: confirmed ? .waiting : .unconfirmed)
        var schedules: [OfficeID: OfficeSchedule] = [:]
        for office in municipality.offices {
            if let writer = database.writers[office.id] { schedules[office.id] = writer.capacity }
        }
        do throws(WishError) {
            try wish.check(
                schedules: schedules, services: municipality.services, policy: policy,
                today: first.timeZone.local(now).date)
        } catch {
            throw APIProblem(error, office: first)
        }
        let key = wish.contact.key ?? wish.id.rawValue
        let open = (try? database.reader.sync { try $0.openWishCount(contactKey: key) }) ?? 0
        guard open < policy.maxActivePerContact else {
            throw APIProblem(WishError.tooManyWishes(limit: policy.maxActivePerContact), office: first)
        }
        let token = Secrets.token()
        let hash = Secrets.hash(token: token)
        let sealed = LinkSecret.seal(token, id: wish.id.rawValue, key: linkKey)
        let message = WishMessage(
            kind: confirmed ? .registered : .confirmationRequest, wish: wish.id, language: wish.language,
            notBefore: now)
        let actor = staff?.id
        switch commit({ connection in
            try connection.insertWish(wish, tokenHash: hash, linkSecret: sealed, actor: actor)
            try connection.insertWishMessages([message], at: now)
        }) {
        case .success:
            break
        case .failure(WishStorageError.alreadyWishing(let service)):
            throw APIProblem(WishError.alreadyWishing(service), office: first)
        case .failure:
            throw .internalError()
        }
        if confirmed { run() }
        return (wish, token)
    }

    /// Confirms a wish by the link of its request to confirm: from now on it waits, in line by
    /// this moment. A second click changes nothing.
    package func confirm(_ id: WishID, token: String) throws(APIProblem) -> WishView {
        let stored = try storedWish(id, token: token)
        let now = clock()
        switch stored.wish.status {
        case .waiting:
            return try view(stored.wish)
        case .unconfirmed:
            guard now < stored.wish.createdAt.adding(minutes: policy.confirmMinutes) else {
                throw APIProblem(WishError.confirmationExpired(id), office: nil)
            }
        case .booked, .withdrawn, .ended:
            throw APIProblem(WishError.wishClosed(id, status: stored.wish.status), office: nil)
        }
        let wish = stored.wish
        switch commit({ connection in try connection.confirmWish(wish, at: now) }) {
        case .success:
            break
        case .failure(WishStorageError.alreadyWishing(let service)):
            throw APIProblem(WishError.alreadyWishing(service), office: nil)
        case .failure:
            throw .internalError()
        }
        run()
        return try view(try storedWish(id, token: token).wish)
    }

    /// Withdraws a wish by its link: an open offer's time goes on to the next wish that fits, and
    /// the wish's contact is erased at once. Withdrawing twice changes nothing.
    package func withdraw(_ id: WishID, token: String) throws(APIProblem) -> WishView {
        let stored = try storedWish(id, token: token)
        let now = clock()
        switch stored.wish.status {
        case .withdrawn:
            return try view(stored.wish)
        case .booked, .ended:
            throw APIProblem(WishError.wishClosed(id, status: stored.wish.status), office: nil)
        case .unconfirmed, .waiting:
            break
        }
        let end: [WishChange] = [.endWish(id, status: .withdrawn, at: now)]
        let open = try? database.reader.sync { try $0.offers(wish: id).first { $0.status == .open } }
        if let offer = open ?? nil {
            run(
                closing: [
                    Closing(
                        offer: offer, status: .withdrawn,
                        changes: [.closeOffer(offer.id, status: .withdrawn, at: now)] + end)
                ])
        } else if case .failure = store(end, at: now) {
            throw .internalError()
        }
        return try view(try storedWish(id, token: token).wish)
    }

    // MARK: Offers

    /// Books an open offer for its wish: the hold becomes a booking that carries the wish's
    /// contact, and the offer and the wish end with it, in one transaction. Returns the booking
    /// with its token (shown once) and its office.
    package func book(offer id: String, token: String) throws(APIProblem) -> (
        booking: Booking, token: String, office: Office
    ) {
        let (offer, wish) = try openOffer(id, token: token)
        guard let office = configuration.office(offer.office), let writer = database.writers[offer.office] else {
            throw .notFound("There is no office \(offer.office).")
        }
        let now = clock()
        let result = writer.perform(
            .bookHold(offer.hold, channel: offer.channel, contact: wish.contact),
            linked: .wish([.bookOffer(offer.id, wish: wish.id, at: now)]))
        switch result {
        case .success(.booking(let booking, let made?)):
            return (booking, made, office)
        case .failure(.scheduling(.holdNotFound)), .failure(.scheduling(.holdExpired)):
            expire(offer, wish: wish, now: now)
            throw APIProblem(WishError.offerExpired(id), office: office)
        case .failure(let error):
            throw APIProblem(error, office: office)
        case .success:
            throw .internalError()
        }
    }

    /// Declines an open offer: its time goes on to the next wish that fits (never back to this
    /// one), and the wish keeps waiting.
    package func decline(offer id: String, token: String) throws(APIProblem) -> WishOffer {
        let (offer, wish) = try openOffer(id, token: token)
        let now = clock()
        run(
            closing: [
                Closing(
                    offer: offer, status: .declined,
                    changes: [.closeOffer(offer.id, status: .declined, at: now), .unanswered(wish.id, 0)])
            ])
        return (try? database.reader.sync { try $0.offer(id: id)?.offer } ?? nil) ?? offer
    }

    /// Closes an offer whose hold is gone as run out.
    private func expire(_ offer: WishOffer, wish: Wish, now: Instant) {
        var changes: [WishChange] = [
            .closeOffer(offer.id, status: .expired, at: now), .unanswered(wish.id, wish.unanswered + 1),
        ]
        if wish.unanswered + 1 >= policy.maxUnansweredOffers { changes += ended(wish, at: now) }
        run(closing: [Closing(offer: offer, status: .expired, changes: changes)])
    }

    // MARK: Reading

    /// The wish `id`, if `token` opens it, as its holder sees it.
    package func wish(_ id: WishID, token: String) throws(APIProblem) -> WishView {
        try view(try storedWish(id, token: token).wish)
    }

    /// The offer `id` and its wish, if `token` opens it (the offer's token or its wish's).
    package func offer(_ id: String, token: String) throws(APIProblem) -> (offer: WishOffer, wish: Wish) {
        let (stored, wish) = try storedOffer(id, token: token)
        return (stored.offer, wish.wish)
    }

    private func view(_ wish: Wish) throws(APIProblem) -> WishView {
        do {
            return try database.reader.sync { connection in
                WishView(
                    wish: wish, offer: try connection.offers(wish: wish.id).first { $0.status == .open },
                    ahead: wish.isWaiting ? try connection.wishesAhead(of: wish) : 0)
            }
        } catch {
            throw .internalError()
        }
    }

    private func storedWish(_ id: WishID, token: String) throws(APIProblem) -> StoredWish {
        let found = try? database.reader.sync { try $0.wish(id: id) }
        guard let stored = found ?? nil else { throw APIProblem(WishError.wishNotFound(id), office: nil) }
        guard HMAC.equal(Secrets.hash(token: token), stored.tokenHash) else {
            throw .forbidden("This token does not open wish \(id).")
        }
        return stored
    }

    private func storedOffer(_ id: String, token: String) throws(APIProblem) -> (StoredOffer, StoredWish) {
        let found = try? database.reader.sync { connection -> (StoredOffer, StoredWish)? in
            guard let offer = try connection.offer(id: id), let wish = try connection.wish(id: offer.offer.wish) else {
                return nil
            }
            return (offer, wish)
        }
        guard let (offer, wish) = found ?? nil else { throw APIProblem(WishError.offerNotFound(id), office: nil) }
        let hash = Secrets.hash(token: token)
        guard HMAC.equal(hash, offer.tokenHash) || HMAC.equal(hash, wish.tokenHash) else {
            throw .forbidden("This token does not open offer \(id).")
        }
        return (offer, wish)
    }

    /// The open offer `id` with its wish; one that ran out is closed now (its time goes on).
    private func openOffer(_ id: String, token: String) throws(APIProblem) -> (WishOffer, Wish) {
        let (stored, wish) = try storedOffer(id, token: token)
        let offer = stored.offer
        guard offer.status == .open else {
            if offer.status == .expired { throw APIProblem(WishError.offerExpired(id), office: nil) }
            throw APIProblem(WishError.offerClosed(id, status: offer.status), office: nil)
        }
        guard clock() < offer.expiresAt else {
            run()
            throw APIProblem(WishError.offerExpired(id), office: nil)
        }
        return (offer, wish.wish)
    }
}
