/// What a message to a citizen is about (Documentation/Mail.md, "The messages").
package enum MessageKind: String, Hashable, Sendable, CaseIterable {
    /// The booking is made (or confirmed by its link): the details and the calendar invitation.
    case confirmation
    /// Double opt-in: the booking waits for the citizen to follow the link in this message.
    case confirmationRequest = "confirmation-request"
    /// The appointment comes soon.
    case reminder
    /// The booking was moved: the new time and the updated invitation.
    case moved
    /// The booking was cancelled: the calendar's cancellation.
    case cancelled
    /// The booking was not confirmed in time and was released.
    case released
}

/// Who or what made the change a notice tells of.
package enum MessageCause: String, Hashable, Sendable, CaseIterable {
    /// The citizen, on the pages or through the API with the booking's token.
    case citizen
    /// Staff (the hotline, a counter) for the citizen.
    case staff
    /// A change of the office's configuration (hours, closures, counters).
    case configuration
}

/// A message the change of a booking causes, as its office writer stores it in the outbox in the
/// same transaction as the change: what it is about, never its text. The text is written when it
/// is sent, from the booking as it is then.
package struct MessageIntent: Equatable, Sendable {
    package var kind: MessageKind
    package var booking: BookingID
    package var office: OfficeID
    /// The booking's version the message is about: a reminder whose booking has changed since is
    /// not sent.
    package var sequence: Int
    package var language: Language
    /// Not to be sent before then (a reminder: its lead before the start; else the change).
    package var notBefore: Instant
    /// Who made the change (notices only).
    package var cause: MessageCause?
    /// Where a moved booking was.
    package var previousStart: Instant?
    /// Why a change of the configuration moved or cancelled it.
    package var reason: BookingMisfit?

    package init(
        kind: MessageKind, booking: BookingID, office: OfficeID, sequence: Int, language: Language, notBefore: Instant,
        cause: MessageCause? = nil, previousStart: Instant? = nil, reason: BookingMisfit? = nil
    ) {
        self.kind = kind
        self.booking = booking
        self.office = office
        self.sequence = sequence
        self.language = language
        self.notBefore = notBefore
        self.cause = cause
        self.previousStart = previousStart
        self.reason = reason
    }
}

/// A change of a booking that the citizen is told of.
package enum BookingChange: Sendable {
    /// Just made (unconfirmed when the office asks for double opt-in).
    case booked(Booking)
    /// Confirmed by the citizen's link.
    case confirmed(Booking)
    /// Moved from one time to another.
    case moved(from: Booking, to: Booking, cause: MessageCause, reason: BookingMisfit? = nil)
    /// Cancelled.
    case cancelled(Booking, cause: MessageCause, reason: BookingMisfit? = nil)
    /// Released at its confirmation deadline.
    case released(Booking)
    /// Staff send the confirmation (or the request to confirm) again.
    case sentAgain(Booking)
}

/// Which messages each change of a booking causes: one confirmation per booking (or one request
/// to confirm, then the confirmation), one notice per change, and a reminder a set time before
/// each time it is booked for. A booking without an e-mail address gets none.
package struct MessagePolicy: Hashable, Sendable {
    /// Whether messages are written at all (false: mail is switched off).
    package var isEnabled: Bool
    /// How long before the start the reminder goes out; nil or 0: no reminders. A booking made
    /// (or moved) closer to its start than this gets no reminder.
    package var reminderLeadMinutes: Int?

    package init(isEnabled: Bool = true, reminderLeadMinutes: Int? = 24 * 60) {
        self.isEnabled = isEnabled
        self.reminderLeadMinutes = reminderLeadMinutes
    }

    /// Mail switched off: no change causes a message.
    package static let off = MessagePolicy(isEnabled: false)

    /// The messages `change`, made at `now`, causes.
    package func messages(for change: BookingChange, now: Instant) -> [MessageIntent] {
        guard isEnabled else { return [] }
        switch change {
        case .booked(let booking):
            guard booking.contact.mailAddress != nil else { return [] }
            if booking.isUnconfirmed { return [intent(.confirmationRequest, booking, now: now)] }
            return [intent(.confirmation, booking, now: now)] + reminder(booking, now: now)
        case .confirmed(let booking):
            guard booking.contact.mailAddress != nil else { return [] }
            return [intent(.confirmation, booking, now: now)] + reminder(booking, now: now)
        case .moved(let from, let to, let cause, let reason):
            guard to.contact.mailAddress != nil else { return [] }
            var notice = intent(.moved, to, now: now, cause: cause, reason: reason)
            notice.previousStart = from.start
            return [notice] + (to.isUnconfirmed ? [] : reminder(to, now: now))
        case .cancelled(let booking, let cause, let reason):
            guard booking.contact.mailAddress != nil else { return [] }
            return [intent(.cancelled, booking, now: now, cause: cause, reason: reason)]
        case .released(let booking):
            guard booking.contact.mailAddress != nil else { return [] }
            return [intent(.released, booking, now: now)]
        case .sentAgain(let booking):
            guard booking.contact.mailAddress != nil, booking.isActive else { return [] }
            return [intent(booking.isUnconfirmed ? .confirmationRequest : .confirmation, booking, now: now)]
        }
    }

    private func intent(
        _ kind: MessageKind, _ booking: Booking, now: Instant, cause: MessageCause? = nil,
        reason: BookingMisfit? = nil
    ) -> MessageIntent {
        MessageIntent(
            kind: kind, booking: booking.id, office: booking.office, sequence: booking.sequence,
            language: booking.contact.language, notBefore: now, cause: cause, reason: reason)
    }

    /// The reminder of `booking`, unless its time to go out has passed already.
    private func reminder(_ booking: Booking, now: Instant) -> [MessageIntent] {
        guard let minutes = reminderLeadMinutes, minutes > 0 else { return [] }
        let due = booking.start.adding(minutes: -minutes)
        guard due > now else { return [] }
        var reminder = intent(.reminder, booking, now: now)
        reminder.notBefore = due
        return [reminder]
    }
}

extension BookingMisfit {
    /// A short code for storage: `counter`, `grid`, `service`, `closed`, `hours`.
    package var code: String {
        switch self {
        case .counterRemoved: "counter"
        case .offGrid: "grid"
        case .serviceNotDone: "service"
        case .closed: "closed"
        case .outsideHours: "hours"
        }
    }

    /// What goes with the code: the counter, the service, the closures' reasons (one a line).
    package var detail: String? {
        switch self {
        case .counterRemoved(let counter): counter.rawValue
        case .serviceNotDone(let service): service.rawValue
        case .closed(let reasons): reasons.joined(separator: "\n")
        case .offGrid, .outsideHours: nil
        }
    }

    /// The misfit stored as `code` and `detail`; nil for an unknown code.
    package init?(code: String, detail: String?) {
        switch code {
        case "counter": self = .counterRemoved(CounterID(detail ?? ""))
        case "grid": self = .offGrid
        case "service": self = .serviceNotDone(ServiceID(detail ?? ""))
        case "closed":
            let reasons = detail ?? ""
            self = .closed(
                reasons.isEmpty ? [] : reasons.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            )
        case "hours": self = .outsideHours
        default: return nil
        }
    }
}
