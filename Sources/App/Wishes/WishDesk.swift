package import Dispatch
package import Scheduling
package import Storage
import Synchronization

/// Wishes and their offers (Documentation/Wishes.md): it stores the wishes citizens and the
/// hotline leave, and applies the fair rule (`WishMatcher`) whenever counter time may have come
/// free: after a cancellation, a move, a released hold or unconfirmed booking, a new
/// configuration (the office writers' observers wake it) and on the sweep timer (new days
/// released, offers run out, wishes past their latest date).
///
/// It runs on a serial queue of its own, where it may wait for the database and the writers; one
/// thing at a time, so a citizen's answer and a run of the rule never cross. It holds no state of
/// its own: each run reads the wishes and open offers from the database, and every change is
/// stored before it is answered. An offer's time is a hold placed by its office's writer, with
/// the offer and its message in the hold's transaction (`LinkedChange.wish`).
package final class WishDesk: Sendable {
    let configuration: LiveConfiguration
    let database: Database
    let clock: @Sendable () -> Instant
    let log: @Sendable (String) -> Void
    /// Seals wishes' and offers' tokens for the links of their messages (`LinkSecret`).
    let linkKey: [UInt8]
    /// The desk's own queue: every run and every citizen's change happens here.
    package let queue = DispatchQueue(label: "rathaus.wishes")
    private let woken = Mutex(false)
    /// Called after a change of the desk is stored, whose messages may now wait to be sent (the
    /// wishes' mailer's `wake`, set by whoever sends them).
    private let stored = Mutex<(@Sendable () -> Void)?>(nil)

    package init(
        configuration: LiveConfiguration, database: Database, clock: @escaping @Sendable () -> Instant,
        log: @escaping @Sendable (String) -> Void = Log.standardError
    ) throws {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        self.log = log
        linkKey = database.messageLinkKey
    }

    var municipality: Municipality { configuration.municipality }

    /// Calls `action` after every change the desk stores (its messages wait in the wishes' outbox).
    package func afterStoring(_ action: @escaping @Sendable () -> Void) {
        stored.withLock { $0 = action }
    }

    /// Tells whoever sends the messages that some may wait.
    func messagesMayWait() {
        stored.withLock { $0 }?()
    }
    var policy: WishPolicy { municipality.wishes }

    // MARK: Waking

    /// Asks for a run of the rule on the desk's queue; wakes that come while one is waiting to
    /// start share it.
    package func wake() {
        let start = woken.withLock { waiting -> Bool in
            if waiting { return false }
            waiting = true
            return true
        }
        guard start else { return }
        queue.async {
            self.woken.withLock { $0 = false }
            self.run()
        }
    }

    /// Whether a committed change may have freed counter time a wish could take: a cancellation
    /// or move, a released hold, holds run out, an unconfirmed booking released, a new
    /// configuration.
    package static func freesTime(_ change: OfficeWriter.Change) -> Bool {
        switch change.outcome {
        case .booking(let booking, _): !booking.isActive || change.command == "reschedule"
        case .holdReleased: true
        case .swept(let holds, let bookings): holds > 0 || !bookings.isEmpty
        case .reconfigured: true
        default: false
        }
    }

    /// Runs the rule now and waits for it (tests, tools; never on an event loop).
    package func runNow() {
        BlockingCheck.assertMayBlock("WishDesk.runNow")
        OfficeWriter.assertNotOnAnOfficeQueue()
        queue.sync { run() }
    }

    // MARK: The rule

    /// An open offer being closed, with what to store about it before its hold is handed on or
    /// released.
    struct Closing {
        var offer: WishOffer
        var status: WishOffer.Status
        var changes: [WishChange]
    }

    /// The waiting wishes, the open offers and the times each wish let go.
    private struct Snapshot {
        var waiting: [Wish]
        var unconfirmed: [Wish]
        var open: [WishOffer]
        var refused: [WishID: Set<OfferedTime>]
    }

    /// Applies the rule once (on the desk's queue): wishes never confirmed and wishes past their
    /// latest date end, offers past their time run out, then the closed offers' times and every
    /// free time are offered to the waiting wishes, longest waiting first; `requested` are offers
    /// a citizen just declined or whose wish was withdrawn.
    func run(closing requested: [Closing] = []) {
        let now = clock()
        let policy = policy
        let snapshot: Snapshot
        do {
            snapshot = try database.reader.sync { connection in
                Snapshot(
                    waiting: try connection.wishes(status: .waiting),
                    unconfirmed: try connection.wishes(status: .unconfirmed), open: try connection.openOffers(),
                    refused: try connection.refusedTimes())
            }
        } catch {
            log("level=error event=wishes.read error=\"\(String(describing: error).prefix(200))\"")
            return
        }
        var closings = requested
        var refused = snapshot.refused
        var standalone: [WishChange] = []
        var waiting = Dictionary(snapshot.waiting.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for closing in requested {
            for case .endWish(let id, _, _) in closing.changes { waiting[id] = nil }
            if closing.status.refused { refused[closing.offer.wish, default: []].insert(closing.offer.time) }
        }
        for wish in snapshot.unconfirmed where wish.createdAt.adding(minutes: policy.confirmMinutes) <= now {
            standalone.append(.endWish(wish.id, status: .ended, at: now))
        }
        func isClosing(_ offer: WishOffer) -> Bool { closings.contains { $0.offer.id == offer.id } }
        for wish in snapshot.waiting where waiting[wish.id] != nil && wish.latest < today(for: wish, at: now) {
            waiting[wish.id] = nil
            let end = ended(wish, at: now)
            if let offer = snapshot.open.first(where: { $0.wish == wish.id && !isClosing($0) }) {
                closings.append(
                    Closing(
                        offer: offer, status: .withdrawn,
                        changes: [.closeOffer(offer.id, status: .withdrawn, at: now)] + end))
            } else {
                standalone += end
            }
        }
        for offer in snapshot.open where offer.expiresAt <= now && !isClosing(offer) {
            guard var wish = waiting[offer.wish] else { continue }
            wish.unanswered += 1
            refused[wish.id, default: []].insert(offer.time)
            var changes: [WishChange] = [
                .closeOffer(offer.id, status: .expired, at: now), .unanswered(wish.id, wish.unanswered),
            ]
            if wish.unanswered >= policy.maxUnansweredOffers {
                changes += ended(wish, at: now)
                waiting[wish.id] = nil
            } else {
                waiting[wish.id] = wish
            }
            closings.append(Closing(offer: offer, status: .expired, changes: changes))
        }
        // The closed offers and ended wishes are stored first, on their own: an offer for a wish
        // whose old offer closes in this run then never meets that offer still open. Their holds
        // are handed on or released by the steps below; a crash in between leaves a hold that
        // runs out by itself.
        let changes = closings.flatMap(\.changes) + standalone
        if !changes.isEmpty, case .failure(let error) = store(changes, at: now) {
            log("level=error event=wishes.store error=\"\(String(describing: error).prefix(200))\"")
            return
        }
        offer(to: Array(waiting.values), open: snapshot.open, refused: refused, closing: closings, now: now)
    }

    /// The rule itself: the closed offers' times and every free time go to the waiting wishes,
    /// each step carried out by the office's writer.
    private func offer(
        to waiting: [Wish], open: [WishOffer], refused: [WishID: Set<OfferedTime>], closing closings: [Closing],
        now: Instant
    ) {
        let closed = Set(closings.map(\.offer.id))
        let offered = Set(open.filter { !closed.contains($0.id) }.map(\.wish))
        let candidates = waiting.map {
            WishCandidate(wish: $0, hasOpenOffer: offered.contains($0.id), refused: refused[$0.id] ?? [])
        }
        var schedules: [OfficeID: OfficeSchedule] = [:]
        for office in municipality.offices {
            if let writer = database.writers[office.id] { schedules[office.id] = writer.capacity }
        }
        var matcher = WishMatcher(schedules: schedules, now: now)
        for closing in closings { matcher.close(closing.offer) }
        let until = now.adding(minutes: policy.offerMinutes)
        let steps = matcher.steps(for: candidates, offerUntil: until.adding(minutes: policy.offerGraceMinutes))
        let wishes = Dictionary(waiting.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Holds no wish takes are released first: nothing in this run wants their time.
        for case .release(let hold, let office) in steps { release(hold, office: office) }
        for case .offer(let plan) in steps {
            if let wish = wishes[plan.wish] { carryOut(plan, for: wish, until: until, now: now) }
        }
    }

    /// Holds the planned time for the wish (taking over the holds of the closed offers it
    /// replaces, in the same decision), with the new offer and its message, in one transaction.
    /// If the time is gone meanwhile, the replaced holds are released and the wish waits for the
    /// next run.
    private func carryOut(_ plan: OfferPlan, for wish: Wish, until: Instant, now: Instant) {
        guard let writer = database.writers[plan.office] else { return }
        let id = RecordID.make(office: plan.office)
        let token = Secrets.token()
        let new = NewOffer(
            id: id, wish: wish.id, tokenHash: Secrets.hash(token: token),
            linkSecret: LinkSecret.seal(token, id: id, key: linkKey), createdAt: now, expiresAt: until)
        let message = WishMessage(kind: .offer, wish: wish.id, offer: id, language: wish.language, notBefore: now)
        let result = writer.perform(
            .placeOffer(
                plan.request, until: until.adding(minutes: policy.offerGraceMinutes), replacing: plan.replacing),
            linked: .wish([.offer(new), .messages([message])]))
        if case .failure(let error) = result {
            log("level=info event=wishes.offer-refused office=\(plan.office) error=\"\(error)\"")
            for hold in plan.replacing { release(hold, office: plan.office) }
        } else {
            messagesMayWait()
        }
    }

    /// Releases the hold of a closed offer that no wish takes (it may be gone already: run out).
    private func release(_ hold: HoldID, office: OfficeID) {
        _ = database.writers[office]?.perform(.releaseHold(hold))
    }

    /// A wish ending without a booking, and the message that tells so.
    func ended(_ wish: Wish, at now: Instant) -> [WishChange] {
        [
            .endWish(wish.id, status: .ended, at: now),
            .messages([WishMessage(kind: .ended, wish: wish.id, language: wish.language, notBefore: now)]),
        ]
    }

    /// Today in the zone of the wish's first office.
    func today(for wish: Wish, at now: Instant) -> LocalDate {
        let zone = wish.offices.first.flatMap { configuration.office($0) }?.timeZone ?? municipality.offices[0].timeZone
        return zone.local(now).date
    }

    // MARK: Storing

    /// Stores `changes` on their own, waiting for the commit.
    func store(_ changes: [WishChange], at now: Instant) -> Result<Void, any Error> {
        commit { connection in try connection.applyWishChanges(changes, outcome: nil, at: now) }
    }

    /// Commits `write` (in the committer's next transaction) and waits for it.
    func commit(_ write: @escaping Committer.WriteSet) -> Result<Void, any Error> {
        let stored = database.committer.submitAndWait([write]).first ?? .success(())
        if case .success = stored { messagesMayWait() }
        return stored
    }
}
