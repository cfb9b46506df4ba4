import Foundation
import Mail
package import Scheduling
package import Storage
import Synchronization

/// Mail as the routes, the pages and the server see it (Documentation/Mail.md): the settings, the
/// composer, the sender (none when mail is off), the address links point at, previews with a
/// sample booking, the demo's Maildir folder and the relay's health.
package final class MailDesk: Sendable {
    package let settings: MailSettings
    package let composer: MessageComposer
    /// Delivers the outbox; nil when mail is off.
    package let sender: OutboxSender?
    /// The sender of the wishes' messages (Documentation/Wishes.md), through the same transport;
    /// none when mail is off.
    package let wishMailer: WishMailer?
    /// The Maildir folder messages go to, when that is the transport.
    package let maildir: String?
    private let configuration: LiveConfiguration
    private let clock: @Sendable () -> Instant
    private let linkKey: [UInt8]
    private let serverAddress = ServerAddress()

    /// The newest files of the Maildir folder the staff page lists.
    package static let folderListLimit = 100

    /// Mail over `database` with `settings`; `transport` replaces the one the settings name (tests).
    package init(
        settings: MailSettings, database: Database, configuration: LiveConfiguration, metrics: Metrics,
        clock: @escaping @Sendable () -> Instant, log: @escaping @Sendable (String) -> Void,
        transport: (any MailTransport)? = nil
    ) throws {
        self.settings = settings
        self.composer = MessageComposer(settings: settings)
        self.configuration = configuration
        self.clock = clock
        self.linkKey = database.messageLinkKey
        self.maildir = settings.maildirFolder(databasePath: database.path)
        let serverAddress = serverAddress
        if let transport = try transport ?? settings.makeTransport(databasePath: database.path), !settings.isOff {
            let baseURL: @Sendable () -> String = { configuration.municipality.publicURL ?? serverAddress.value }
            sender = OutboxSender(
                database: database, configuration: configuration, transport: transport, composer: composer,
                metrics: metrics, clock: clock, baseURL: baseURL, log: log)
            let municipality = configuration.municipality
            let from = try settings.sender(publicURL: municipality.publicURL, town: municipality.name)
            wishMailer = try WishMailer(
                database: database, configuration: configuration, transport: transport,
                settings: WishMailer.Settings(
                    sender: from.addressSpec, senderName: from.displayName,
                    messageIDDomain: settings.messageIDDomain(publicURL: municipality.publicURL)),
                clock: clock, baseURL: baseURL, log: log)
        } else {
            sender = nil
            wishMailer = nil
        }
    }

    /// The address the server listens at, for links when the municipality has no `publicURL`.
    package func setServerAddress(_ address: String) {
        serverAddress.value = address
    }

    /// Whether `code` is the code of `booking`'s confirmation link (double opt-in).
    package func acceptsConfirmation(_ code: String?, for booking: BookingID) -> Bool {
        guard let code, !code.isEmpty else { return false }
        return LinkSecret.isConfirmationCode(code, booking: booking, key: linkKey)
    }

    /// The address links in messages start with.
    package var baseURL: String {
        configuration.municipality.publicURL ?? serverAddress.value
    }

    /// What `/healthz` says about mail when the relay has been unreachable for longer than
    /// `relayAlertMinutes`: since when; nil when all is well.
    package func relayUnreachableSince(now: Instant) -> Instant? {
        guard let since = sender?.relayState.unreachableSince,
            since.seconds(until: now) >= Int64(settings.relayAlertMinutes) * 60
        else { return nil }
        return since
    }

    // MARK: Previews

    /// The message of `kind` in `language` for a sample booking at the first office (the
    /// municipality's first service it offers), as it would be sent now.
    package func preview(_ kind: MessageKind, language: Language) throws(MessageComposer.Failure) -> [UInt8] {
        let municipality = configuration.municipality
        let now = clock()
        guard let office = municipality.offices.first else { throw .sender }
        let service =
            municipality.services.first { office.offeredServices.contains($0.id) && !$0.documents.isEmpty }
            ?? municipality.services.first { office.offeredServices.contains($0.id) }
        let day = office.timeZone.local(now).date.adding(days: 7)
        let frame = office.timeZone.frame(of: day)
        let start = frame.instant(elapsed: 9 * 60 + 30)
        let minutes = (service?.durationMinutes ?? 20) * 2
        var booking = Booking(
            id: BookingID(office.id.rawValue + ".BEISPIEL"), reference: "K7M-4PQ", office: office.id,
            counter: office.counters.first?.id ?? CounterID("1"), services: service.map { [$0.id] } ?? [], persons: 2,
            start: start, end: start.adding(minutes: minutes), channel: .online,
            contact: Contact(name: "Erika Mustermann", email: "erika.mustermann@example.org", language: language),
            status: .booked, createdAt: now, updatedAt: now, sequence: 0,
            placement: Placement(date: day, counterIndex: 0, units: 0..<0))
        var intent = MessageIntent(
            kind: kind, booking: booking.id, office: office.id, sequence: 0, language: language, notBefore: now)
        switch kind {
        case .confirmationRequest:
            booking.confirmationDeadline = now.adding(minutes: office.booking.confirmByEmailMinutes ?? 30)
        case .moved:
            booking.sequence = 1
            intent.cause = .staff
            intent.previousStart = start.adding(seconds: -86_400)
        case .cancelled:
            booking.status = .cancelled
            booking.sequence = 1
            intent.cause = .citizen
        case .released:
            booking.status = .cancelled
            booking.confirmationDeadline = now
        case .confirmation, .reminder:
            break
        }
        let entry = OutboxMessage(
            id: 0, intent: intent, createdAt: now, status: .waiting, attempts: 0, nextAttemptAt: now)
        let context = MessageComposer.Context(
            booking: booking, office: office, services: municipality.services, town: municipality.name,
            token: "BEISPIEL-TOKEN", confirmationCode: "BEISPIEL-CODE", baseURL: baseURL,
            publicURL: municipality.publicURL)
        return try composer.compose(entry, context, now: now).content
    }

    // MARK: The demo's folder

    /// One message in the Maildir folder.
    package struct FolderEntry: Sendable, Equatable {
        /// The file's name in `new/` or `cur/`.
        package var name: String
        /// When it was written (the seconds the name begins with).
        package var writtenAt: Instant
        package var bytes: Int
        /// The message's Message-ID, as written.
        package var messageID: String?
    }

    /// The newest messages of the Maildir folder, newest first (none when the transport is not
    /// Maildir).
    package func folderEntries(limit: Int = MailDesk.folderListLimit) -> [FolderEntry] {
        guard let maildir else { return [] }
        var entries: [FolderEntry] = []
        for sub in ["new", "cur"] {
            let folder = maildir + "/" + sub
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".")
            {
                let seconds = Int64(name.prefix { $0.isNumber }) ?? 0
                let path = folder + "/" + name
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                entries.append(
                    FolderEntry(name: name, writtenAt: Instant(secondsSinceEpoch: seconds), bytes: size, messageID: nil)
                )
            }
        }
        entries.sort { ($0.writtenAt, $0.name) > ($1.writtenAt, $1.name) }
        return entries.prefix(limit).map { entry in
            var entry = entry
            entry.messageID = messageFile(named: entry.name).flatMap(MailDesk.messageID)
            return entry
        }
    }

    /// The bytes of the folder's message `name` (a file name of `new/` or `cur/`, nothing else).
    package func messageFile(named name: String) -> [UInt8]? {
        guard let maildir, !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), name.utf8.count <= 255 else {
            return nil
        }
        for sub in ["new", "cur"] {
            if let data = FileManager.default.contents(atPath: maildir + "/" + sub + "/" + name) { return Array(data) }
        }
        return nil
    }

    /// The Message-ID in the header of `message`.
    static func messageID(_ message: [UInt8]) -> String? {
        let header = String(decoding: message.prefix(8192), as: UTF8.self)
        for line in header.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty { break }
            if line.lowercased().hasPrefix("message-id:") {
                return line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The Message-ID of the outbox entry `id` made at `createdAt`.
    package func messageID(id: Int64, createdAt: Instant) -> String {
        "<rathaus.\(id).\(createdAt.secondsSinceEpoch)@\(settings.messageIDDomain(publicURL: configuration.municipality.publicURL))>"
    }
}

/// The address the server listens at, set once it has bound its socket.
private final class ServerAddress: Sendable {
    private let address = Mutex("http://127.0.0.1:8080")

    var value: String {
        get { address.withLock { $0 } }
        set { address.withLock { $0 = newValue } }
    }
}
