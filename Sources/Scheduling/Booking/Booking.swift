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

    package var isActive: Bool { status == .booked }
}

/// Where a hold or booking sits: a counter and a run of units on a day.
package struct Placement: Hashable, Sendable {
    package var date: LocalDate
    /// Index of the counter in the office's counter list.
    package var counterIndex: Int
    package var units: Range<Int>
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
}

/// How to reach the citizen; never shown on a display or written to a log.
package struct Contact: Hashable, Sendable {
    package var name: String
    package var email: String?
    package var phone: String?

    package init(name: String, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    /// The identity used for the limit of active bookings: the e-mail address in lower case,
    /// else the phone number's digits (with a leading `+`); nil when neither is given.
    package var key: String? {
        if let email, !email.isEmpty {
            return "mail:" + email.trimmingWhitespace.lowercased()
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

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
