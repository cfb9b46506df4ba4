import Dispatch
import Mail
package import Scheduling
package import Storage
import Synchronization

/// Delivers the outbox (Documentation/Mail.md, "The sender"), on a queue of its own: never on an
/// event loop, never on an office writer, so the booking path never waits for mail.
///
/// Each round takes the due messages in order (a booking's messages in the order of its
/// changes), drops those no longer worth sending, writes each new one once and keeps its bytes
/// (every retry sends the same message with the same Message-ID), hands them to the transport in
/// batches (one SMTP connection each), and records the results: sent (the body erased), tried
/// again later with a growing wait (4xx, no connection, a timeout), or failed for good (5xx,
/// kept for staff). Delivery is at least once: a crash after the relay took a message but before
/// it was recorded sends it again, with the same Message-ID. It is woken after every commit that
/// wrote messages and by a timer for the next one due, and keeps to `perMinute`.
///
/// Invariant that makes `@unchecked Sendable` sound: `timer`, `sentTimes` and `isStarted` are
/// touched only on `queue`; `relay` is behind a mutex, `wakePending` atomic.
package final class OutboxSender: @unchecked Sendable {
    /// What one call of `deliverDue` did.
    package struct Round: Sendable, Equatable {
        package var sent = 0
        package var deferred = 0
        package var failed = 0
        package var dropped = 0

        package init() {}
    }

    /// Whether the transport has been reachable.
    package struct RelayState: Sendable, Equatable {
        /// Since when every attempt failed temporarily (nil: the last one got through, or none
        /// was made).
        package var unreachableSince: Instant?
        /// The last delivery.
        package var lastDelivery: Instant?
    }

    private let database: Database
    private let configuration: LiveConfiguration
    private let transport: any MailTransport
    private let composer: MessageComposer
    private let metrics: Metrics
    private let clock: @Sendable () -> Instant
    private let log: @Sendable (String) -> Void
    private let baseURL: @Sendable () -> String
    private let queue = DispatchQueue(label: "rathaus.mail.sender")
    private let relay = Mutex(RelayState())
    private let wakePending = Atomic<Bool>(false)
    private var timer: (any DispatchSourceTimer)?
    private var sentTimes: [Instant] = []
    private var isStarted = false

    package var settings: MailSettings { composer.settings }

    package init(
        database: Database, configuration: LiveConfiguration, transport: any MailTransport, composer: MessageComposer,
        metrics: Metrics, clock: @escaping @Sendable () -> Instant, baseURL: @escaping @Sendable () -> String,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.database = database
        self.configuration = configuration
        self.transport = transport
        self.composer = composer
        self.metrics = metrics
        self.clock = clock
        self.baseURL = baseURL
        self.log = log
    }

    /// Starts delivering: now, after every `wake`, and when the next message is due.
    package func start() {
        queue.async {
            self.isStarted = true
            let timer = DispatchSource.makeTimerSource(queue: self.queue)
            timer.setEventHandler { [weak self] in self?.runRound() }
            timer.schedule(deadline: .now(), repeating: .never)
            timer.resume()
            self.timer = timer
        }
    }

    /// Stops the timer; a batch being delivered finishes.
    package func stop() {
        queue.async {
            self.isStarted = false
            self.timer?.cancel()
            self.timer = nil
        }
    }

    /// Asks for a round soon (after a commit that wrote messages); wakes that come while one is
    /// asked for are one.
    package func wake() {
        guard !wakePending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            self.wakePending.store(false, ordering: .releasing)
            if self.isStarted { self.runRound() }
        }
    }

    /// Delivers what is due now and waits for it (tests, `rathaus mail`); works whether or not
    /// the sender was started.
    @discardableResult
    package func deliverDue() -> Round {
        BlockingCheck.assertMayBlock("OutboxSender.deliverDue")
        return queue.sync { deliver() }
    }

    /// The transport's state, for `/healthz`.
    package var relayState: RelayState { relay.withLock { $0 } }

    // MARK: Rounds (on `queue`)

    private func runRound() {
        let round = deliver()
        if round != Round() {
            log(
                "level=info event=mail.round sent=\(round.sent) deferred=\(round.deferred) failed=\(round.failed) dropped=\(round.dropped)"
            )
        }
        scheduleNext()
    }

    /// Arms the timer for the next message due (at most a minute away, at least a second).
    private func scheduleNext() {
        guard isStarted, let timer else { return }
        let now = clock()
        var seconds = 60
        if let due = try? database.reader.sync({ try $0.nextMessageDue() }) {
            seconds = Int(max(1, min(60, now.seconds(until: due))))
        }
        if let allowed = nextAllowed(now: now) { seconds = max(1, min(seconds, Int(now.seconds(until: allowed)))) }
        timer.schedule(deadline: .now() + .seconds(seconds), repeating: .never)
    }

    /// Delivers batches until nothing more is due or the rate is used up.
    private func deliver() -> Round {
        var round = Round()
        while true {
            let now = clock()
            sentTimes.removeAll { now.seconds(until: $0) <= -60 }
            let allowance = settings.perMinute - sentTimes.count
            guard allowance > 0 else { break }
            let limit = min(settings.batchSize, allowance)
            let due: [OutboxMessage]
            do {
                due = try database.reader.sync { try $0.dueMessages(at: now, limit: limit) }
            } catch {
                log("level=error event=mail.read error=\"\(String(describing: error).prefix(200))\"")
                break
            }
            // Every message of a batch ends up finished or due later, so each turn makes
            // progress; a batch whose records could not be stored ends the round.
            guard !due.isEmpty, deliver(due, now: now, into: &round) else { break }
        }
        return round
    }

    /// One batch: prepared, kept, handed over, recorded; false when its records could not be
    /// stored.
    private func deliver(_ due: [OutboxMessage], now: Instant, into round: inout Round) -> Bool {
        var before: [Committer.WriteSet] = []
        var batch: [(entry: OutboxMessage, message: OutgoingMessage)] = []
        for entry in due {
            switch prepare(entry, now: now) {
            case .drop(let reason):
                before.append { try $0.recordMessageDropped(entry.id, at: now, reason: reason) }
                metrics.count("rathaus_messages_dropped_total", [("kind", entry.intent.kind.rawValue)])
                round.dropped += 1
            case .fail(let reason):
                before.append { try $0.recordMessageFailed(entry.id, at: now, result: reason) }
                metrics.count("rathaus_messages_failed_total", [("kind", entry.intent.kind.rawValue)])
                round.failed += 1
            case .send(let message, let fresh):
                if fresh {
                    let recipient = message.recipients.first?.addressSpec ?? ""
                    let content = message.content
                    before.append { try $0.storeComposedMessage(entry.id, recipient: recipient, content: content) }
                }
                batch.append((entry, message))
            }
        }
        // The bytes are on disk before they go out: a retry after a crash sends the same.
        guard commit(before) else { return false }
        sentTimes += Array(repeating: now, count: batch.count)
        let results = batch.isEmpty ? [] : transport.deliver(batch.map(\.message))
        let finished = clock()
        var after: [Committer.WriteSet] = []
        for ((entry, _), result) in zip(batch, results) {
            let kind = [("kind", entry.intent.kind.rawValue)]
            switch result {
            case .delivered:
                after.append { try $0.recordMessageSent(entry.id, at: finished) }
                metrics.count("rathaus_messages_sent_total", kind)
                round.sent += 1
            case .temporaryFailure(let text):
                let next = finished.adding(seconds: retryDelay(afterAttempts: entry.attempts + 1))
                after.append { try $0.recordMessageDeferred(entry.id, at: finished, next: next, result: text) }
                metrics.count("rathaus_messages_deferred_total", kind)
                round.deferred += 1
            case .permanentFailure(let text):
                after.append { try $0.recordMessageFailed(entry.id, at: finished, result: text) }
                metrics.count("rathaus_messages_failed_total", kind)
                round.failed += 1
            }
        }
        let recorded = commit(after)
        if !results.isEmpty {
            let delivered = results.contains(.delivered)
            let reachable = delivered || results.contains { if case .permanentFailure = $0 { true } else { false } }
            relay.withLock { state in
                if delivered { state.lastDelivery = finished }
                state.unreachableSince = reachable ? nil : state.unreachableSince ?? finished
            }
        }
        return recorded
    }

    /// The wait before attempt `attempts + 1`: the first retry after `firstRetrySeconds`, then
    /// twice as long each time, at most `maxRetrySeconds`.
    package func retryDelay(afterAttempts attempts: Int) -> Int {
        var delay = settings.firstRetrySeconds
        for _ in 1..<max(1, min(attempts, 30)) where delay < settings.maxRetrySeconds { delay *= 2 }
        return min(delay, settings.maxRetrySeconds)
    }

    /// When the rate allows the next message, if it allows none now.
    private func nextAllowed(now: Instant) -> Instant? {
        guard sentTimes.count >= settings.perMinute, let first = sentTimes.first else { return nil }
        return first.adding(seconds: 60)
    }

    private enum Preparation {
        case send(OutgoingMessage, fresh: Bool)
        case drop(String)
        case fail(String)
    }

    /// What to do with `entry` now: send it (written now, or as kept), drop it, or fail it.
    private func prepare(_ entry: OutboxMessage, now: Instant) -> Preparation {
        let intent = entry.intent
        let found: (booking: Booking, secret: [UInt8]?)?
        do {
            found = try database.reader.sync { connection in
                try connection.booking(id: intent.booking).map {
                    ($0.booking, try connection.linkSecret(booking: intent.booking))
                }
            }
        } catch {
            return .drop("the booking could not be read")
        }
        guard let (booking, secret) = found else { return .drop("the booking is gone") }
        guard booking.contact.mailAddress != nil else { return .drop("the booking has no e-mail address") }
        if now.seconds(until: intent.notBefore) < -Int64(settings.maxAgeHours) * 3600 {
            return .drop("not delivered within \(settings.maxAgeHours) hours")
        }
        switch intent.kind {
        case .reminder:
            if !booking.isActive { return .drop("the booking was cancelled") }
            if booking.sequence != intent.sequence { return .drop("the booking changed") }
            if now >= booking.start { return .drop("the appointment has begun") }
        case .confirmationRequest:
            if !booking.isUnconfirmed { return .drop("the booking is no longer waiting for its confirmation") }
        case .confirmation, .moved:
            if !booking.isActive { return .drop("the booking was cancelled before this was sent") }
        case .cancelled, .released:
            break
        }
        if let content = entry.content, let recipient = entry.recipient,
            let address = try? MailAddress(recipient),
            let sender = try? settings.sender(
                publicURL: configuration.municipality.publicURL, town: configuration.municipality.name)
        {
            return .send(OutgoingMessage(sender: sender, recipients: [address], content: content), fresh: false)
        }
        let municipality = configuration.municipality
        guard let office = municipality.office(intent.office) else { return .drop("the office no longer exists") }
        let context = MessageComposer.Context(
            booking: booking, office: office, services: municipality.services, town: municipality.name,
            token: secret.flatMap { LinkSecret.open($0, booking: booking.id, key: database.messageLinkKey) },
            confirmationCode: LinkSecret.confirmationCode(booking: booking.id, key: database.messageLinkKey),
            baseURL: baseURL(), publicURL: municipality.publicURL)
        do {
            return .send(try composer.compose(entry, context, now: now), fresh: true)
        } catch .address {
            return .fail("the address cannot be written in a message")
        } catch {
            return .fail("the sender's address in the configuration cannot be written in a message")
        }
    }

    /// Commits `writes` through the committer (with the offices' changes) and waits.
    private func commit(_ writes: [Committer.WriteSet]) -> Bool {
        let failed = database.committer.submitAndWait(writes).contains { if case .failure = $0 { true } else { false } }
        if failed { log("level=error event=mail.record error=\"a record of the outbox could not be stored\"") }
        return !failed
    }
}
