import Dispatch
import Display
import Mail
package import Scheduling
package import Storage
import Synchronization

/// Delivers the wishes' outbox (Documentation/Wishes.md, "The messages") through a mail
/// transport, on a queue of its own: each due message is written once from the wish (and its
/// offer) as they are then, its bytes kept, handed to the transport, and recorded: sent (the
/// bytes erased), tried again later with a growing wait, or failed for good. A message no longer
/// worth sending (a request to confirm a wish that was confirmed, an offer that closed) is
/// dropped. Delivery is at least once, with the same Message-ID on every attempt.
package final class WishMailer: Sendable {
    /// Who the messages come from and how they are named.
    package struct Settings: Sendable {
        /// The From address (`termine@musterstadt.example`) and its display name.
        package var sender: String
        package var senderName: String?
        /// The domain of the Message-IDs.
        package var messageIDDomain: String
        package var batchSize: Int
        package var firstRetrySeconds: Int
        package var maxRetrySeconds: Int
        /// A message not delivered within this many hours is dropped.
        package var maxAgeHours: Int

        package init(
            sender: String, senderName: String? = nil, messageIDDomain: String, batchSize: Int = 50,
            firstRetrySeconds: Int = 60, maxRetrySeconds: Int = 3600, maxAgeHours: Int = 48
        ) {
            self.sender = sender
            self.senderName = senderName
            self.messageIDDomain = messageIDDomain
            self.batchSize = batchSize
            self.firstRetrySeconds = firstRetrySeconds
            self.maxRetrySeconds = maxRetrySeconds
            self.maxAgeHours = maxAgeHours
        }
    }

    /// What one call of `deliverDue` did.
    package struct Round: Sendable, Equatable {
        package var sent = 0
        package var deferred = 0
        package var failed = 0
        package var dropped = 0

        package init() {}
    }

    private let database: Database
    private let configuration: LiveConfiguration
    private let transport: any MailTransport
    private let settings: Settings
    private let linkKey: [UInt8]
    private let clock: @Sendable () -> Instant
    private let baseURL: @Sendable () -> String
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "rathaus.wishes.mail")
    private let wakePending = Atomic<Bool>(false)
    private let isStarted = Atomic<Bool>(false)

    package init(
        database: Database, configuration: LiveConfiguration, transport: any MailTransport, settings: Settings,
        clock: @escaping @Sendable () -> Instant, baseURL: @escaping @Sendable () -> String,
        log: @escaping @Sendable (String) -> Void = Log.standardError
    ) throws {
        self.database = database
        self.configuration = configuration
        self.transport = transport
        self.settings = settings
        self.clock = clock
        self.baseURL = baseURL
        self.log = log
        linkKey = database.messageLinkKey
    }

    /// Starts delivering: now and after every `wake` (the server starts it; tests deliver with
    /// `deliverDue`).
    package func start() {
        isStarted.store(true, ordering: .releasing)
        wake()
    }

    /// Asks for a round soon, once started; wakes that come while one is asked for are one.
    package func wake() {
        guard isStarted.load(ordering: .acquiring) else { return }
        guard !wakePending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            self.wakePending.store(false, ordering: .releasing)
            let round = self.deliver()
            if round != Round() {
                self.log(
                    "level=info event=wishes.mail sent=\(round.sent) deferred=\(round.deferred) failed=\(round.failed) dropped=\(round.dropped)"
                )
            }
        }
    }

    /// Delivers what is due now and waits for it (tests, tools).
    @discardableResult
    package func deliverDue() -> Round {
        BlockingCheck.assertMayBlock("WishMailer.deliverDue")
        return queue.sync { deliver() }
    }

    private func deliver() -> Round {
        var round = Round()
        while true {
            let now = clock()
            guard
                let due = try? database.reader.sync({ try $0.dueWishMessages(at: now, limit: settings.batchSize) }),
                !due.isEmpty, deliver(due, now: now, into: &round)
            else { break }
        }
        return round
    }

    /// One batch: prepared, kept, handed over, recorded; false when its records could not be
    /// stored.
    private func deliver(_ due: [StoredWishMessage], now: Instant, into round: inout Round) -> Bool {
        var before: [Committer.WriteSet] = []
        var batch: [(entry: StoredWishMessage, message: OutgoingMessage)] = []
        for entry in due {
            switch prepare(entry, now: now) {
            case .drop(let reason):
                before.append { try $0.recordWishMessage(entry.id, status: .dropped, at: now, result: reason) }
                round.dropped += 1
            case .fail(let reason):
                before.append { try $0.recordWishMessage(entry.id, status: .failed, at: now, result: reason) }
                round.failed += 1
            case .send(let message, let fresh):
                if fresh {
                    let recipient = message.recipients.first?.addressSpec ?? ""
                    let content = message.content
                    before.append { try $0.storeComposedWishMessage(entry.id, recipient: recipient, content: content) }
                }
                batch.append((entry, message))
            }
        }
        guard commit(before) else { return false }
        let results = batch.isEmpty ? [] : transport.deliver(batch.map(\.message))
        let finished = clock()
        var after: [Committer.WriteSet] = []
        for ((entry, _), result) in zip(batch, results) {
            switch result {
            case .delivered:
                after.append { try $0.recordWishMessage(entry.id, status: .sent, at: finished) }
                round.sent += 1
            case .temporaryFailure(let text):
                let next = finished.adding(seconds: retryDelay(afterAttempts: entry.attempts + 1))
                after.append {
                    try $0.recordWishMessage(entry.id, status: .waiting, at: finished, next: next, result: text)
                }
                round.deferred += 1
            case .permanentFailure(let text):
                after.append { try $0.recordWishMessage(entry.id, status: .failed, at: finished, result: text) }
                round.failed += 1
            }
        }
        return commit(after)
    }

    /// The wait before attempt `attempts + 1`: doubling from `firstRetrySeconds` up to
    /// `maxRetrySeconds`.
    func retryDelay(afterAttempts attempts: Int) -> Int {
        var delay = settings.firstRetrySeconds
        for _ in 1..<max(1, min(attempts, 30)) where delay < settings.maxRetrySeconds { delay *= 2 }
        return min(delay, settings.maxRetrySeconds)
    }

    private enum Preparation {
        case send(OutgoingMessage, fresh: Bool)
        case drop(String)
        case fail(String)
    }

    /// What to do with `entry` now: send it (written now, or as kept), drop it, or fail it.
    private func prepare(_ entry: StoredWishMessage, now: Instant) -> Preparation {
        let message = entry.message
        let found: (StoredWish, StoredOffer?)?
        do {
            found = try database.reader.sync { connection in
                try connection.wish(id: message.wish).map { wish in
                    (wish, try message.offer.flatMap { try connection.offer(id: $0) })
                }
            }
        } catch {
            return .drop("the wish could not be read")
        }
        guard let (stored, offer) = found else { return .drop("the wish is gone") }
        let wish = stored.wish
        guard let address = wish.contact.email, !address.isEmpty else { return .drop("the wish has no e-mail address") }
        if now.seconds(until: message.notBefore) < -Int64(settings.maxAgeHours) * 3600 {
            return .drop("not delivered within \(settings.maxAgeHours) hours")
        }
        switch message.kind {
        case .confirmationRequest:
            if wish.status != .unconfirmed { return .drop("the wish is no longer waiting for its confirmation") }
        case .registered:
            if wish.status != .waiting { return .drop("the wish is over") }
        case .offer:
            guard let offer, offer.offer.status == .open, now < offer.offer.expiresAt else {
                return .drop("the offer is closed")
            }
        case .ended:
            break
        }
        let sender: MailAddress
        do {
            sender = try MailAddress(settings.sender, displayName: settings.senderName)
        } catch {
            return .fail("the sender's address in the configuration cannot be written in a message")
        }
        if let content = entry.content, let recipient = entry.recipient, let kept = try? MailAddress(recipient) {
            return .send(OutgoingMessage(sender: sender, recipients: [kept], content: content), fresh: false)
        }
        let recipient: MailAddress
        if let named = try? MailAddress(address, displayName: wish.contact.name) {
            recipient = named
        } else if let plain = try? MailAddress(address) {
            recipient = plain
        } else {
            return .fail("the address cannot be written in a message")
        }
        let letter = WishLetters.letter(
            message, wish: wish, offer: offer?.offer, municipality: configuration.municipality,
            wishToken: stored.linkSecret.flatMap { LinkSecret.open($0, id: wish.id.rawValue, key: linkKey) },
            offerToken: offer?.linkSecret.flatMap { LinkSecret.open($0, id: offer?.offer.id ?? "", key: linkKey) },
            baseURL: baseURL())
        do {
            let mail = try MailMessage(
                from: sender, to: [recipient], subject: WishLetterText.subject(letter), date: now,
                messageID: try MessageID(
                    localPart: "rathaus.wish.\(entry.id).\(entry.createdAt.secondsSinceEpoch)",
                    domain: settings.messageIDDomain),
                body: .text(WishLetterText.body(letter)), boundarySeed: UInt64(bitPattern: entry.id))
            return .send(OutgoingMessage(mail), fresh: true)
        } catch {
            return .fail("the message could not be written")
        }
    }

    /// Commits `writes` through the committer and waits.
    private func commit(_ writes: [Committer.WriteSet]) -> Bool {
        let failed = database.committer.submitAndWait(writes).contains { if case .failure = $0 { true } else { false } }
        if failed {
            log("level=error event=wishes.mail.record error=\"a record of the wishes' outbox could not be stored\"")
        }
        return !failed
    }
}
