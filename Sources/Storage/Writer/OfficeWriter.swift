package import Dispatch
package import Scheduling
import Synchronization

/// The single owner of one office's capacity and queue (Documentation/Architecture.md, "A
/// booking, end to end"): commands are decided one after another in memory by the scheduling
/// core, their changes are handed to the `Committer`, and callers are answered only once the
/// commit is durable.
/// Requests that arrive while a commit runs are decided together afterwards (group commit).
///
/// Readers never wait for it: after each commit it publishes a copy of the committed capacity and
/// queue, which `capacity` and `queue` return.
///
/// Invariant that makes `@unchecked Sendable` sound: `schedule`, `officeQueue`, `inFlight` and the
/// reload state are touched only by blocks on `queue`; `pending` and the published copies are
/// behind mutexes.
package final class OfficeWriter: @unchecked Sendable {
    package typealias Completion = @Sendable (Result<OfficeOutcome, WriterError>) -> Void

    /// One committed command, for the observers (event streams, caches, the mail sender).
    package struct Change: Sendable {
        package var command: String
        package var outcome: OfficeOutcome
        /// The kinds of the messages the change put in the outbox.
        package var messages: [MessageKind] = []
    }

    private struct Request: Sendable {
        var command: OfficeCommand
        var actor: StaffActor?
        var idempotency: IdempotencyMark?
        var linked: LinkedChange?
        var completion: Completion
        var attempts = 0
    }

    private struct Pending {
        var requests: [Request] = []
        var scheduled = false
    }

    /// The office's id (its configuration may change; its id never does).
    package let officeID: OfficeID
    /// The office as configured now (on `queue`; `office` publishes it).
    var currentOffice: Office
    var services: [Service]
    var groups: [ServiceGroup]
    let publishedOffice: Mutex<Office>
    private let committer: Committer
    private let references: ReferenceRegistry
    private let reader: SerialConnection
    private let clock: @Sendable () -> Instant
    /// Which messages each change causes, and the key for the links' tokens.
    let outbox: OutboxSettings
    private let queue: DispatchQueue
    private let pending = Mutex(Pending())
    private let publishedCapacity: Mutex<OfficeSchedule>
    private let publishedQueue: Mutex<OfficeQueue>
    private let observers = Mutex<[@Sendable ([Change]) -> Void]>([])
    private let version = Atomic<Int>(0)

    var schedule: OfficeSchedule
    var officeQueue: OfficeQueue
    /// The configuration and capacity before a reconfiguration not yet committed, put back if its
    /// commit fails.
    var reverting: (office: Office, services: [Service], groups: [ServiceGroup], schedule: OfficeSchedule)?
    private var inFlight = false

    /// The serial queue every office's queue runs on, one block at a time: bookings spread over
    /// many offices then wake one thread instead of one per office (7–15 % less CPU per booking at
    /// 100 offices). Safe because no block on an office queue waits for another office's queue:
    /// the blocking `perform` and `inspect` are for the desks' own queues, tools and tests.
    package static let offices = DispatchQueue(label: "rathaus.offices")

    /// Stops the program when called on an office's queue: waiting there for an office (this one
    /// or another, all run on `offices`) would never end.
    package static func assertNotOnAnOfficeQueue() {
        dispatchPrecondition(condition: .notOnQueue(offices))
    }

    /// The most commands decided together before their commit.
    package let maxBatch: Int

    /// Loads the office's state from the database (`reader`, a connection that sees committed
    /// data) and starts serving commands. Expired holds are not loaded (a later sweep deletes
    /// them).
    package init(
        office: Office, services: [Service], groups: [ServiceGroup], committer: Committer,
        references: ReferenceRegistry, reader: SerialConnection, clock: @escaping @Sendable () -> Instant,
        maxBatch: Int = 256, messages: OutboxSettings = OutboxSettings()
    ) throws {
        self.officeID = office.id
        self.currentOffice = office
        self.publishedOffice = Mutex(office)
        self.services = services
        self.groups = groups
        self.committer = committer
        self.references = references
        self.reader = reader
        self.clock = clock
        self.outbox = messages
        self.maxBatch = max(1, maxBatch)
        self.queue = DispatchQueue(label: "rathaus.office.\(office.id.rawValue)", target: Self.offices)
        let now = clock()
        let (schedule, officeQueue) = try OfficeWriter.load(
            office: office, services: services, groups: groups, reader: reader, now: now)
        self.schedule = schedule
        self.officeQueue = officeQueue
        self.publishedCapacity = Mutex(schedule.capacityView)
        self.publishedQueue = Mutex(officeQueue)
        try flagMisfits(now: now)
    }

    /// Flags the bookings to come that the configuration no longer fits and that carry no flag
    /// yet: a change made while the server was stopped (a new file) never leaves a booking in
    /// closed time unflagged.
    private func flagMisfits(now: Instant) throws {
        let flags = schedule.bookings.values.filter { $0.isActive && $0.start > now }.compactMap { booking in
            schedule.misfit(of: booking).map {
                BookingFlag(booking: booking.id, version: nil, reason: $0.reason, flaggedAt: now)
            }
        }
        guard !flags.isEmpty else { return }
        try committer.withConnection { connection in
            try connection.transaction(.immediate) {
                for flag in flags { try connection.flagBookingUnlessFlagged(flag) }
            }
        }
    }

    // MARK: Reading

    /// The office as configured now (a change of the configuration replaces it).
    package var office: Office { publishedOffice.withLock { $0 } }

    /// The committed capacity: availability answered from it is what can be booked now.
    package var capacity: OfficeSchedule { publishedCapacity.withLock { $0 } }

    /// The committed queue of today.
    package var queueState: OfficeQueue { publishedQueue.withLock { $0 } }

    /// Raised whenever the published capacity or queue changes (for caches of answers).
    package var capacityVersion: Int { version.load(ordering: .acquiring) }

    /// Calls `observer` after every commit with what changed (on the writer's queue: keep it short).
    package func observe(_ observer: @escaping @Sendable ([Change]) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Runs `body` on the writer's queue with its full in-memory state (tests and tools).
    package func inspect<T: Sendable>(_ body: @Sendable (OfficeSchedule, OfficeQueue) -> T) -> T {
        BlockingCheck.assertMayBlock("OfficeWriter.inspect")
        Self.assertNotOnAnOfficeQueue()
        return queue.sync { body(schedule, officeQueue) }
    }

    // MARK: Commands

    /// Decides `command`, stores the change (with the idempotency mark and the linked change, if
    /// any, in the same transaction) and then calls `completion` with the outcome, from another
    /// thread. A refusal stores nothing, not even the idempotency mark.
    package func submit(
        _ command: OfficeCommand, actor: StaffActor? = nil, idempotency: IdempotencyMark? = nil,
        linked: LinkedChange? = nil, completion: @escaping Completion
    ) {
        enqueue([
            Request(command: command, actor: actor, idempotency: idempotency, linked: linked, completion: completion)
        ])
    }

    /// `submit` for callers that can wait (tools, tests): blocks until the outcome is durable.
    package func perform(
        _ command: OfficeCommand, actor: StaffActor? = nil, linked: LinkedChange? = nil
    ) -> Result<OfficeOutcome, WriterError> {
        BlockingCheck.assertMayBlock("OfficeWriter.perform")
        Self.assertNotOnAnOfficeQueue()
        let result = Mutex<Result<OfficeOutcome, WriterError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        submit(command, actor: actor, linked: linked) { outcome in
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? .failure(.storage("no outcome"))
    }

    private func enqueue(_ requests: [Request], atFront: Bool = false) {
        let start = pending.withLock { state -> Bool in
            if atFront {
                state.requests.insert(contentsOf: requests, at: 0)
            } else {
                state.requests.append(contentsOf: requests)
            }
            if state.scheduled { return false }
            state.scheduled = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Takes the waiting commands (on `queue`), decides them and hands their writes on.
    private func drain() {
        guard !inFlight else { return }
        let batch = pending.withLock { state -> [Request] in
            let taken = Array(state.requests.prefix(maxBatch))
            state.requests.removeFirst(taken.count)
            if taken.isEmpty { state.scheduled = false }
            return taken
        }
        guard !batch.isEmpty else { return }
        let now = clock()
        var decisions: [Decision] = []
        var writes: [Committer.WriteSet] = []
        var refusals: [(Completion, Result<OfficeOutcome, WriterError>)] = []
        for request in batch {
            let (result, writeSet, messages) = decide(request, now: now)
            if let writeSet {
                decisions.append(Decision(request: request, result: result, write: writes.count, messages: messages))
                writes.append(writeSet)
            } else if case .failure = result {
                // A refusal stores nothing: it is answered now rather than after the batch's
                // commit (if that commit fails, the refusal may have been needless, never wrong
                // the other way).
                refusals.append((request.completion, result))
            } else {
                decisions.append(Decision(request: request, result: result, write: nil, messages: []))
            }
        }
        for (completion, result) in refusals { completion(result) }
        guard !writes.isEmpty else {
            for decision in decisions { decision.request.completion(decision.result) }
            drain()
            return
        }
        inFlight = true
        let decided = decisions
        committer.submit(writes) { results in
            self.queue.async { self.finish(decided, results, now: now) }
        }
    }

    /// After the commit (on `queue`): repairs memory if something was not stored, publishes, and
    /// answers.
    private func finish(_ decisions: [Decision], _ results: [Result<Void, any Error>], now: Instant) {
        var retry: [Request] = []
        var answers: [(Completion, Result<OfficeOutcome, WriterError>)] = []
        var changes: [Change] = []
        let failed = results.contains { if case .failure = $0 { true } else { false } }
        if failed, let (office, services, groups, _) = reverting {
            // A new configuration that was not stored: the old one stays.
            currentOffice = office
            self.services = services
            self.groups = groups
            publishedOffice.withLock { $0 = office }
        }
        reverting = nil
        if failed {
            // Memory holds decisions that are not stored: rebuild it from what is.
            reload(now: now)
        }
        for decision in decisions {
            guard let index = decision.write else {
                answers.append((decision.request.completion, decision.result))
                continue
            }
            switch results[index] {
            case .success:
                answers.append((decision.request.completion, decision.result))
                if case .success(let outcome) = decision.result {
                    changes.append(
                        Change(command: decision.request.command.name, outcome: outcome, messages: decision.messages))
                }
            case .failure(let error):
                let sqlite = error as? SQLiteError
                if sqlite?.extendedCode == .constraintUnique, decision.request.attempts < 3,
                    sqlite?.message.contains("booking.reference") == true
                {
                    // Another office drew the same reference: decide again with a new one.
                    var again = decision.request
                    again.attempts += 1
                    retry.append(again)
                } else if sqlite?.extendedCode == .constraintPrimaryKey, case .success(let outcome) = decision.result {
                    // Another writer stored a booking there first; after the reload memory knows.
                    answers.append((decision.request.completion, .failure(conflict(for: outcome))))
                } else {
                    answers.append((decision.request.completion, .failure(.storage(String(describing: error)))))
                }
            }
        }
        publishedCapacity.withLock { $0 = schedule.capacityView }
        publishedQueue.withLock { $0 = officeQueue }
        version.add(1, ordering: .releasing)
        inFlight = false
        if !changes.isEmpty {
            for observer in observers.withLock({ $0 }) { observer(changes) }
        }
        for (completion, result) in answers { completion(result) }
        if !retry.isEmpty { enqueue(retry, atFront: true) }
        drain()
    }

    private func conflict(for outcome: OfficeOutcome) -> WriterError {
        switch outcome {
        case .booking(let booking, _): .scheduling(.slotUnavailable(office: officeID, start: booking.start))
        case .hold(let hold): .scheduling(.slotUnavailable(office: officeID, start: hold.start))
        default: .storage("conflicting change by another writer")
        }
    }

    // MARK: Deciding

    /// A decided command: its outcome, the index of its write set, the kinds of its messages.
    private struct Decision: Sendable {
        var request: Request
        var result: Result<OfficeOutcome, WriterError>
        var write: Int?
        var messages: [MessageKind]
    }

    /// Applies `request` to memory and returns its outcome, the writes that store it (with the
    /// messages it causes, in the outbox) and the kinds of those messages.
    private func decide(
        _ request: Request, now: Instant
    ) -> (Result<OfficeOutcome, WriterError>, Committer.WriteSet?, [MessageKind]) {
        rollDay(now: now)
        let officeID = officeID
        var audit: (action: String, target: String)?
        var intents: [MessageIntent] = []
        let result: Result<(OfficeOutcome, Committer.WriteSet?), WriterError>
        do {
            switch request.command {
            case .placeHold(let slot):
                let hold = try schedule.placeHold(slot, id: HoldID(RecordID.make(office: officeID)), now: now)
                result = .success((.hold(hold), { try $0.insertHold(hold) }))
            case .placeOffer(let slot, let until, let replacing):
                result = .success(try placeOffer(slot, until: until, replacing: replacing, now: now))
            case .extendHold(let id):
                let hold = try schedule.extendHold(id, now: now)
                result = .success((.hold(hold), { try $0.updateHold(hold) }))
            case .releaseHold(let id):
                let hold = try schedule.releaseHold(id)
                result = .success((.holdReleased(hold), { try $0.deleteHold(hold.id) }))
            case .book(let slot, let contact):
                let booking = try schedule.book(
                    slot, id: BookingID(RecordID.make(office: officeID)), reference: references.claim(),
                    contact: contact, now: now)
                audit = ("book", booking.reference)
                intents = outbox.policy.messages(for: .booked(booking), now: now)
                result = .success(newBooking(booking, deletingHold: nil, mailed: !intents.isEmpty))
            case .bookHold(let holdID, let channel, let contact):
                let booking = try schedule.book(
                    hold: holdID, channel: channel, id: BookingID(RecordID.make(office: officeID)),
                    reference: references.claim(), contact: contact, now: now)
                audit = ("book", booking.reference)
                intents = outbox.policy.messages(for: .booked(booking), now: now)
                result = .success(newBooking(booking, deletingHold: holdID, mailed: !intents.isEmpty))
            case .cancel(let id, let channel, let ifSequence):
                try check(id, ifSequence)
                let booking = try schedule.cancel(id, now: now)
                let heldBack = schedule.heldBackTimes(after: now)
                let actor = request.actor?.id
                audit = ("cancel", booking.reference)
                intents = outbox.policy.messages(
                    for: .cancelled(booking, cause: channel == .online ? .citizen : .staff), now: now)
                result = .success(
                    (
                        .booking(booking, token: nil),
                        { connection in
                            try connection.cancelBooking(booking, channel: channel, actor: actor)
                            try connection.replaceHeldBack(office: officeID, heldBack)
                            try connection.dropWaitingMessages(
                                booking: booking.id, kinds: [.reminder, .confirmationRequest],
                                reason: "the booking was cancelled", at: now)
                        }
                    ))
            case .reschedule(let id, let start, let channel, let ifSequence):
                try check(id, ifSequence)
                let before = schedule.bookings[id]
                let previous = before?.start ?? start
                let booking = try schedule.reschedule(id, to: start, channel: channel, now: now)
                let units = schedule.unitStarts(of: booking.placement)
                let heldBack = schedule.heldBackTimes(after: now)
                audit = ("reschedule", booking.reference)
                if let before {
                    intents = outbox.policy.messages(
                        for: .moved(from: before, to: booking, cause: channel == .online ? .citizen : .staff),
                        now: now)
                }
                result = .success(
                    (
                        .booking(booking, token: nil),
                        { connection in
                            try connection.updateMovedBooking(booking, unitStarts: units)
                            try connection.insertBookingMove(booking, from: previous, channel: channel, at: now)
                            try connection.replaceHeldBack(office: officeID, heldBack)
                            try connection.dropWaitingMessages(
                                booking: booking.id, kinds: [.reminder], reason: "the booking was moved", at: now)
                        }
                    ))
            case .confirm(let id):
                let (outcome, write) = try confirm(id, now: now)
                if write != nil, case .booking(let booking, _) = outcome {
                    audit = ("confirm", booking.reference)
                    intents = outbox.policy.messages(for: .confirmed(booking), now: now)
                }
                result = .success((outcome, write))
            case .sendAgain(let id):
                guard let booking = schedule.bookings[id] else { throw WriterError.scheduling(.bookingNotFound(id)) }
                intents = outbox.policy.messages(for: .sentAgain(booking), now: now)
                guard !intents.isEmpty else { throw WriterError.nothingToSend(id) }
                audit = ("send-again", booking.reference)
                result = .success((.booking(booking, token: nil), { _ in }))
            case .issueTicket(let services):
                result = .success(
                    try queueChange(
                        officeQueue.issueWalkIn(services: services, now: now), issuedBy: Self.issuer(request.actor)))
            case .issueRemoteTicket(let services):
                let event = try officeQueue.issueRemote(
                    services: services, arrivalCode: references.claim(), now: now,
                    attended: schedule.countersAttended(at: now),
                    attendedUntil: schedule.attendedUntil(after: now, serving: services))
                result = .success(try queueChange(event, issuedBy: .online))
            case .confirmArrival(let code):
                let event = try officeQueue.confirmArrival(code: code, now: now)
                audit = ("confirm-arrival", event.ticket.rawValue)
                result = .success(try queueChange(event))
            case .passOverLate:
                result = .success(passOver(now: now))
            case .checkIn(let id):
                guard let booking = schedule.bookings[id] else { throw WriterError.scheduling(.bookingNotFound(id)) }
                result = .success(
                    try queueChange(officeQueue.checkIn(booking, now: now), issuedBy: Self.issuer(request.actor)))
            case .callNext(let counter):
                if let event = try officeQueue.callNext(counter: counter, now: now) {
                    audit = ("call-next", event.ticket.rawValue)
                    result = .success(try queueChange(event))
                } else {
                    result = .success((.nobodyWaiting, nil))
                }
            case .ticket(let id, let action, let services, let counter):
                audit = (action.rawValue, id.rawValue)
                result = .success(
                    try queueChange(ticketAction(id, action, services: services, counter: counter, now: now)))
            case .reconfigure(let change):
                audit = ("reconfigure", change.version.map { "version \($0.number)" } ?? "")
                let (outcome, write) = reconfigure(change, actor: request.actor, now: now)
                if case .reconfigured(let changed) = outcome { intents = messages(for: changed, now: now) }
                result = .success((outcome, write))
            case .sweep:
                let released = schedule.releaseExpired(at: now)
                let unconfirmed = schedule.releaseUnconfirmed(at: now)
                let heldBack = schedule.heldBackTimes(after: now)
                intents = unconfirmed.flatMap { outbox.policy.messages(for: .released($0), now: now) }
                result = .success(
                    (
                        .swept(releasedHolds: released.count, releasedBookings: unconfirmed),
                        { connection in
                            try connection.deleteExpiredHolds(office: officeID, at: now)
                            try connection.replaceHeldBack(office: officeID, heldBack)
                            for booking in unconfirmed {
                                try connection.cancelBooking(booking, channel: booking.channel, actor: nil)
                                try connection.dropWaitingMessages(
                                    booking: booking.id, kinds: [.reminder, .confirmationRequest],
                                    reason: "the booking was released", at: now)
                            }
                        }
                    ))
            }
        } catch let error as SchedulingError {
            result = .failure(.scheduling(error))
        } catch let error as QueueError {
            result = .failure(.queue(error))
        } catch let error as WriterError {
            result = .failure(error)
        } catch {
            result = .failure(.storage(String(describing: error)))
        }
        switch result {
        case .failure(let error):
            return (.failure(error), nil, [])
        case .success(let (outcome, write)):
            let actor = request.actor
            let linked = request.linked
            let mark = request.idempotency.flatMap { mark in IdempotentOutcome(outcome).map { (mark, $0) } }
            guard write != nil || mark != nil else { return (.success(outcome), nil, []) }
            let messages = write == nil ? [] : intents
            var token: String?
            if case .booking(_, let made) = outcome { token = made }
            if case .queue(_, _, let pageKey) = outcome { token = pageKey }
            let secret = token
            let audited = audit
            let changed: Committer.WriteSet = { connection in
                try write?(connection)
                if !messages.isEmpty { try connection.insertMessages(messages, at: now) }
                if write != nil, let actor, let audited {
                    try connection.insertAudit(
                        at: now, actor: actor, action: audited.action, office: officeID, target: audited.target)
                }
                switch linked {
                case .drawEntryWon(let entry)?:
                    if case .booking(let booking, _) = outcome {
                        try connection.updateDrawEntry(id: entry, status: .won, position: nil, booking: booking.id)
                    }
                case .drawEntryWithdrawn(let entry)?:
                    try connection.withdrawDrawEntry(id: entry)
                case .wish(let changes)?:
                    try connection.applyWishChanges(changes, outcome: outcome, at: now)
                case nil:
                    break
                }
                if let (mark, recorded) = mark {
                    try connection.insertIdempotencyMark(mark, outcome: recorded, secret: secret, at: now)
                }
            }
            return (.success(outcome), changed, messages.map(\.kind))
        }
    }

    /// The outcome of a booking just made, with its token (shown once), and the writes that
    /// store it with the token's hash (and delete the hold it came from); when it gets mail, the
    /// token sealed for its messages' links.
    private func newBooking(
        _ booking: Booking, deletingHold hold: HoldID?, mailed: Bool
    ) -> (OfficeOutcome, Committer.WriteSet?) {
        let token = Secrets.token()
        let hash = Secrets.hash(token: token)
        let units = schedule.unitStarts(of: booking.placement)
        let sealed = mailed ? LinkSecret.seal(token, booking: booking.id, key: outbox.preparedLinkKey) : nil
        return (
            .booking(booking, token: token),
            { connection in
                if let hold { try connection.deleteHold(hold) }
                try connection.insertBooking(booking, tokenHash: hash, unitStarts: units, linkSecret: sealed)
            }
        )
    }

    /// Holds `slot` for a wish until `until`, after releasing the `replacing` holds (offers being
    /// closed); if it cannot be held, the released holds are put back and nothing changes.
    private func placeOffer(
        _ slot: SlotRequest, until: Instant, replacing: [HoldID], now: Instant
    ) throws(SchedulingError) -> (OfficeOutcome, Committer.WriteSet?) {
        var released: [Hold] = []
        for id in replacing {
            if let hold = try? schedule.releaseHold(id) { released.append(hold) }
        }
        do {
            let hold = try schedule.placeHold(
                slot, id: HoldID(RecordID.make(office: officeID)), now: now, offerUntil: until)
            let replaced = released.map(\.id)
            return (
                .hold(hold),
                { connection in
                    for id in replaced { try connection.deleteHold(id) }
                    try connection.insertHold(hold)
                }
            )
        } catch {
            for hold in released { schedule.restore(hold, now: now) }
            throw error
        }
    }

    /// Refuses when the booking is no longer at `sequence` (a stale `If-Match`).
    private func check(_ id: BookingID, _ sequence: Int?) throws(WriterError) {
        guard let sequence, let booking = schedule.bookings[id] else { return }
        if booking.sequence != sequence { throw .stale(id, current: booking.sequence) }
    }

    private func ticketAction(
        _ id: TicketID, _ action: QueueAction, services: [ServiceID]?, counter: CounterID?, now: Instant
    ) throws(QueueError) -> QueueEvent {
        switch action {
        case .call: throw .invalidTransition(id, state: officeQueue.ticket(id)?.state ?? .waiting, action: .call)
        case .recall: try officeQueue.recall(id, now: now)
        case .start: try officeQueue.start(id, now: now)
        case .finish: try officeQueue.finish(id, now: now)
        case .noShow: try officeQueue.markNoShow(id, now: now)
        case .park: try officeQueue.park(id, now: now)
        case .resume: try officeQueue.resume(id, now: now)
        case .transfer: try officeQueue.transfer(id, services: services, counter: counter, now: now)
        case .markUrgent: try officeQueue.markUrgent(id, now: now)
        case .confirmArrival, .passOver:
            throw .invalidTransition(id, state: officeQueue.ticket(id)?.state ?? .waiting, action: action)
        }
    }

    /// Who issues a ticket, for the statistics: the kiosk, staff, or the citizen (no token).
    private static func issuer(_ actor: StaffActor?) -> Channel {
        guard let actor else { return .online }
        return actor.role == "kiosk" ? .kiosk : .counter
    }

    /// The outcome and writes of a queue event already applied to `officeQueue`. A new ticket
    /// gets the key of its page; only the key's hash is stored.
    private func queueChange(
        _ event: QueueEvent, issuedBy: Channel? = nil
    ) throws -> (OfficeOutcome, Committer.WriteSet?) {
        guard let ticket = officeQueue.ticket(event.ticket) else {
            throw WriterError.queue(.ticketNotFound(event.ticket))
        }
        let position = officeQueue.events.count - 1
        let officeID = officeID
        let day = officeQueue.date
        var pageKey: String?
        if case .issued = event { pageKey = Secrets.identifier() }
        let pageHash = pageKey.map { Secrets.hash(token: $0) }
        return (
            .queue(event, ticket, pageKey: pageKey),
            {
                try $0.insertQueueEvent(
                    event, office: officeID, day: day, position: position, pageHash: pageHash, issuedBy: issuedBy)
            }
        )
    }

    /// Passes over the tickets from home past their deadline and stores each as an event.
    private func passOver(now: Instant) -> (OfficeOutcome, Committer.WriteSet?) {
        let first = officeQueue.events.count
        let events = officeQueue.passOverLate(now: now)
        guard !events.isEmpty else { return (.passedOver([]), nil) }
        let officeID = office.id
        let day = officeQueue.date
        return (
            .passedOver(events),
            { connection in
                for (offset, event) in events.enumerated() {
                    try connection.insertQueueEvent(event, office: officeID, day: day, position: first + offset)
                }
            }
        )
    }

    /// Keeps the planned days and the queue on today.
    private func rollDay(now: Instant) {
        let today = schedule.frame(containing: now).date
        if officeQueue.date != today {
            officeQueue = OfficeQueue(office: currentOffice, services: services, groups: groups, date: today)
            schedule.forget(before: today.adding(days: -1))
            schedule.prepare(
                from: today, through: today.adding(days: OfficeWriter.horizon(of: currentOffice, services)))
        }
    }

    // MARK: Loading

    /// How many days ahead to plan: the longest booking window of the office and its services.
    static func horizon(of office: Office, _ services: [Service]) -> Int {
        ((services.compactMap { $0.window?.maxAdvanceDays } + [office.booking.window.maxAdvanceDays]).max() ?? 60) + 1
    }

    private func reload(now: Instant) {
        if let (schedule, officeQueue) = try? OfficeWriter.load(
            office: currentOffice, services: services, groups: groups, reader: reader, now: now)
        {
            self.schedule = schedule
            self.officeQueue = officeQueue
        }
    }

    /// Builds the office's capacity and today's queue from the database.
    static func load(
        office: Office, services: [Service], groups: [ServiceGroup], reader: SerialConnection, now: Instant
    ) throws -> (OfficeSchedule, OfficeQueue) {
        var schedule = OfficeSchedule(office: office, services: services)
        let today = schedule.frame(containing: now).date
        schedule.prepare(from: today.adding(days: -1), through: today.adding(days: horizon(of: office, services)))
        let dayStart = schedule.day(today).frame.start
        let (bookings, holds, heldBack, events) = try reader.sync { connection in
            try connection.transaction(.deferred) {
                (
                    try connection.activeBookings(office: office.id, endingAfter: dayStart),
                    try connection.liveHolds(office: office.id, at: now),
                    try connection.heldBack(office: office.id, at: now),
                    try connection.queueEvents(office: office.id, day: today)
                )
            }
        }
        schedule.reserveBookingCapacity(bookings.count)
        for stored in bookings {
            guard let placement = schedule.placement(counter: stored.counter, start: stored.start, end: stored.end)
            else {
                continue  // its counter or the grid changed: `rathaus check` lists it for the office to move
            }
            try schedule.restore(stored.booking(at: placement))
        }
        for stored in holds {
            guard let placement = schedule.placement(counter: stored.counter, start: stored.start, end: stored.end)
            else {
                continue
            }
            schedule.restore(stored.hold(at: placement), now: now)
        }
        for time in heldBack {
            schedule.restoreHeldBack(counter: time.counter, start: time.start, end: time.end, until: time.until)
        }
        var queue = OfficeQueue(office: office, services: services, groups: groups, date: today)
        for event in events { try queue.apply(event) }
        return (schedule, queue)
    }
}
