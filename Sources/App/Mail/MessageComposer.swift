import Display
import Mail
package import Scheduling
package import Storage

/// Writes the message of an outbox entry from the booking as it is when the message is first
/// sent (Documentation/Mail.md, "The messages"): the words of `LetterText` in the booking's
/// language, and for a confirmation, a move or a cancellation the event as an iMIP invitation or
/// cancellation (RFC 6047) beside a `Termin.ics` attachment, with the UID of the `.ics` download.
package struct MessageComposer: Sendable {
    /// Why a message cannot be written at all (a permanent failure, recorded for staff).
    package enum Failure: Error, Equatable, Sendable {
        /// The booking's address cannot stand in a message (MailAddress refuses it).
        case address
        /// The sender's configured address cannot.
        case sender
    }

    package let settings: MailSettings

    package init(settings: MailSettings) {
        self.settings = settings
    }

    /// What one message needs besides its outbox entry.
    package struct Context: Sendable {
        package var booking: Booking
        package var office: Office
        package var services: [Service]
        package var town: String
        /// The booking's token for the links, when it is kept.
        package var token: String?
        /// The code of its confirmation link (double opt-in).
        package var confirmationCode: String?
        /// The address of the site (`https://termine.musterstadt.de`), without a trailing `/`.
        package var baseURL: String
        package var publicURL: String?

        package init(
            booking: Booking, office: Office, services: [Service], town: String, token: String?,
            confirmationCode: String?, baseURL: String, publicURL: String?
        ) {
            self.booking = booking
            self.office = office
            self.services = services
            self.town = town
            self.token = token
            self.confirmationCode = confirmationCode
            self.baseURL = baseURL
            self.publicURL = publicURL
        }
    }

    /// The message of `entry`, written at `now`, with its envelope.
    package func compose(_ entry: OutboxMessage, _ context: Context, now: Instant) throws(Failure) -> OutgoingMessage {
        let booking = context.booking
        guard let address = booking.contact.mailAddress else { throw .address }
        let recipient: MailAddress
        do {
            recipient = try MailAddress(address, displayName: booking.contact.name)
        } catch .invalidDisplayName {
            guard let plain = try? MailAddress(address) else { throw .address }
            recipient = plain
        } catch {
            throw .address
        }
        let sender: MailAddress
        let replyTo: MailAddress?
        let messageID: MessageID
        do {
            sender = try settings.sender(publicURL: context.publicURL, town: context.town)
            replyTo = try settings.replyTo.map { address throws(MailError) in try MailAddress(address) }
            messageID = try MessageID(
                localPart: "rathaus.\(entry.id).\(entry.createdAt.secondsSinceEpoch)",
                domain: settings.messageIDDomain(publicURL: context.publicURL))
        } catch {
            throw .sender
        }
        let letter = Self.letter(entry.intent, context)
        let text = LetterText.body(letter)
        var body = MailPart.text(text)
        if letter.hasCalendar {
            let calendar = BookingCalendar.invitation(
                booking, office: context.office, services: context.services, language: booking.contact.language,
                organizer: (sender.addressSpec, sender.displayName ?? context.office.name),
                attendee: (recipient.addressSpec, booking.contact.name))
            let method: CalendarMethod = booking.status == .cancelled ? .cancel : .request
            body = .mixed([
                .alternative([.text(text), .calendar(calendar, method: method)]),
                .attachment(
                    MailAttachment(fileName: "Termin.ics", mediaType: "application/ics", content: Array(calendar.utf8))),
            ])
        }
        do {
            let message = try MailMessage(
                from: sender, to: [recipient], replyTo: replyTo, subject: LetterText.subject(letter), date: now,
                messageID: messageID, body: body, boundarySeed: UInt64(bitPattern: entry.id))
            return OutgoingMessage(message)
        } catch {
            throw .address
        }
    }

    /// What the message of `intent` says about `context`'s booking.
    static func letter(_ intent: MessageIntent, _ context: Context) -> Letter {
        let booking = context.booking
        let office = context.office
        let language: PageLanguage = booking.contact.language == .english ? .english : .german
        let chosen = booking.services.compactMap { id in context.services.first { $0.id == id } }
        let page = context.baseURL + language.prefix + "/termin/" + HTML.pathSegment(booking.id.rawValue)
        let token = context.token.map { "token=" + HTML.pathSegment($0) }
        let links = Letter.Links(
            manage: token.map { page + "?" + $0 }, move: token.map { page + "/verschieben?" + $0 },
            cancel: token.map { page + "/absagen?" + $0 },
            confirm: token.flatMap { token in
                context.confirmationCode.map { page + "/bestaetigen?" + token + "&code=" + HTML.pathSegment($0) }
            },
            bookAgain: context.baseURL + language.prefix + "/")
        let calendar: Bool =
            switch intent.kind {
            case .confirmation: booking.isActive && !booking.isUnconfirmed
            case .moved: booking.isActive && !booking.isUnconfirmed
            case .cancelled: !booking.wasReleased
            case .confirmationRequest, .reminder, .released: false
            }
        return Letter(
            kind: Letter.Kind(rawValue: intent.kind.rawValue) ?? .confirmation, language: language,
            town: context.town, name: booking.contact.name, reference: booking.reference,
            office: OfficeSummary(id: office.id.rawValue, name: office.name, address: office.address),
            start: moment(booking.start, office), end: QueueRepresentations.clock(booking.end, in: office),
            previous: intent.previousStart.map { moment($0, office) },
            services: chosen.map {
                ServiceChoice(
                    id: $0.id.rawValue, name: $0.name, group: $0.group, minutesPerPerson: $0.durationMinutes,
                    maxPersons: $0.maxPersons, feeCents: $0.feeCents, feeNote: $0.feeNote)
            }, persons: booking.persons,
            documents: DocumentChecklist.merge(chosen).map {
                SlipDocument(name: $0.name, note: $0.note, condition: $0.condition)
            }, links: links, confirmBy: booking.confirmationDeadline.map { moment($0, office) },
            cause: intent.cause.flatMap { Letter.Cause(rawValue: $0.rawValue) }, reason: intent.reason.map(reason),
            hasCalendar: calendar)
    }

    static func moment(_ instant: Instant, _ office: Office) -> Letter.Moment {
        Letter.Moment(
            date: CitizenPages.calendarDate(office.timeZone.local(instant).date),
            time: QueueRepresentations.clock(instant, in: office))
    }

    static func reason(_ misfit: BookingMisfit) -> Letter.Reason {
        switch misfit {
        case .closed(let reasons): .closed(reasons)
        case .serviceNotDone: .service
        case .counterRemoved, .offGrid, .outsideHours: .hours
        }
    }
}
