import Foundation

/// A confirmed appointment (Termin).
package struct Booking: Hashable, Sendable {
    package enum Status: String, Hashable, Sendable {
        case booked
        case cancelled
    }

    package var id: BookingID
    /// Short, readable on the phone (`K7M-4PQ`); chosen by the caller of the core.
    package var reference: String
    package var office: OfficeID
    package var counter: CounterID
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var end: Instant
    package var channel: Channel
    package var contact: Contact
    package var status: Status
    package var createdAt: Instant
    package var updatedAt: Instant
    /// Raised on every change (reschedule, cancellation); the calendar file's `SEQUENCE`.
    package var sequence: Int
    /// Where it sits in the office's capacity.
    package var placement: Placement
    /// Until when the citizen must confirm it by the link in the e-mail (double opt-in); nil once
    /// confirmed, or when it needed no confirmation. A booking cancelled while it still has one was
    /// released at that deadline (`releaseUnconfirmed`).
    package var confirmationDeadline: Instant?

    package var isActive: Bool { status == .booked }

    /// Whether it is booked but waits for the citizen's confirmation (its time stays taken).
    package var isUnconfirmed: Bool { isActive && confirmationDeadline != nil }

    /// Whether it was released because it was not confirmed in time.
    package var wasReleased: Bool { status == .cancelled && confirmationDeadline != nil }

    /// The contact's identity for the booking limit.
    package var contactKey: String? { contact.key }

    package init(
        id: BookingID, reference: String, office: OfficeID, counter: CounterID, services: [ServiceID], persons: Int,
        start: Instant, end: Instant, channel: Channel, contact: Contact, status: Status, createdAt: Instant,
        updatedAt: Instant, sequence: Int, placement: Placement, confirmationDeadline: Instant? = nil
    ) {
        self.id = id
        self.reference = reference
        self.office = office
        self.counter = counter
        self.services = services
        self.persons = persons
        self.start = start
        self.end = end
        self.channel = channel
        self.contact = contact
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.sequence = sequence
        self.placement = placement
        self.confirmationDeadline = confirmationDeadline
    }
}

/// Where a hold or booking sits: a counter and a run of units on a day.
package struct Placement: Hashable, Sendable {
    package var date: LocalDate
    /// Index of the counter in the office's counter list.
    package var counterIndex: Int
    package var units: Range<Int>

    package init(date: LocalDate, counterIndex: Int, units: Range<Int>) {
        self.date = date
        self.counterIndex = counterIndex
        self.units = units
    }
}

/// Capacity held for a short time while a citizen fills in the form (Reservierung).
package struct Hold: Hashable, Sendable {
    package var id: HoldID
    package var office: OfficeID
    package var counter: CounterID
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var end: Instant
    package var channel: Channel
    package var createdAt: Instant
    package var expiresAt: Instant
    /// How often it has been extended.
    package var extensions: Int
    package var placement: Placement

    package init(
        id: HoldID, office: OfficeID, counter: CounterID, services: [ServiceID], persons: Int, start: Instant,
        end: Instant, channel: Channel, createdAt: Instant, expiresAt: Instant, extensions: Int, placement: Placement
    ) {
        self.id = id
        self.office = office
        self.counter = counter
        self.services = services
        self.persons = persons
        self.start = start
        self.end = end
        self.channel = channel
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.extensions = extensions
        self.placement = placement
    }
}

/// How to reach the citizen, and in which language; never shown on a display or written to a
/// log.
package struct Contact: Hashable, Sendable {
    package var name: String
    package var email: String? {
        didSet { key = Contact.key(email: email, phone: phone) }
    }
    package var phone: String? {
        didSet { key = Contact.key(email: email, phone: phone) }
    }
    /// The identity used for the limit of active bookings: the e-mail address in lower case,
    /// else the phone number's digits (with a leading `+`); nil when neither is given.
    package private(set) var key: String?
    /// The language messages to the citizen are written in: the language of the pages they
    /// booked on (German by default).
    package var language: Language

    package init(name: String, email: String? = nil, phone: String? = nil, language: Language = .german) {
        self.name = name
        self.email = email
        self.phone = phone
        self.language = language
        self.key = Contact.key(email: email, phone: phone)
    }

    /// The e-mail address, when there is one to write to (a booking with only a phone number
    /// gets no mail).
    package var mailAddress: String? {
        guard let email, !email.isEmpty else { return nil }
        return email
    }

    static func key(email: String?, phone: String?) -> String? {
        if let email, !email.isEmpty {
            var bytes = Array(email.utf8)
            if bytes.allSatisfy({ $0 < 0x80 }) {
                // ASCII (nearly every address): trim and lower-case the bytes directly.
                while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
                while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
                for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20 }
                return "mail:" + String(decoding: bytes, as: UTF8.self)
            }
            // Composed (NFC), so that "ü" typed as u and U+0308 is the same address.
            return "mail:" + email.trimmingWhitespace.precomposedStringWithCanonicalMapping.lowercased()
        }
        if let phone {
            let digits = phone.filter(\.isASCIIDigitCharacter)
            guard !digits.isEmpty else { return nil }
            let international = phone.trimmingWhitespace.hasPrefix("+") || digits.hasPrefix("00")
            let normalized = digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
            return "tel:" + (international ? "+" : "") + normalized
        }
        return nil
    }
}

extension Character {
    package var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
