package import Scheduling

/// A message to one or more recipients, checked when it is made and written as Internet Message
/// Format with MIME (RFC 5322, RFC 2045–2047) by `bytes`.
///
/// Pure: the date, the Message-ID and the seed of the multipart boundaries come from the caller,
/// so the same values always give the same bytes. Nothing given here can add a header or a MIME
/// part: addresses, display names and the subject are refused when they hold a line break or a
/// control character, and bodies are encoded.
package struct MailMessage: Equatable, Sendable {
    /// The author, written as `From`; also the envelope sender the transports use.
    package let from: MailAddress
    /// The recipients, written as `To`; also the envelope recipients.
    package let to: [MailAddress]
    /// Where answers go, written as `Reply-To`, or nil.
    package let replyTo: MailAddress?
    /// The subject, any text without control characters or line separators.
    package let subject: String
    /// The instant written as `Date`.
    package let date: Instant
    /// The `Message-ID`, stable across redeliveries.
    package let messageID: MessageID
    /// The body: one part or a multipart tree.
    package let body: MailPart
    /// The seed of the multipart boundaries.
    package let boundarySeed: UInt64

    /// Checks every value and fails on the first that cannot be written as given.
    package init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, date: Instant,
        messageID: MessageID, body: MailPart, boundarySeed: UInt64
    ) throws(MailError) {
        guard !to.isEmpty else { throw .noRecipient }
        guard HeaderText.isAllowed(subject) else { throw .invalidSubject }
        try MailMessage.check(body)
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
        self.boundarySeed = boundarySeed
    }

    /// Whether an address of the message goes beyond ASCII, so that it needs a relay that offers
    /// SMTPUTF8 (RFC 6531); every other part of the message is 7-bit.
    package var requiresSMTPUTF8: Bool {
        from.requiresSMTPUTF8 || to.contains(where: \.requiresSMTPUTF8) || replyTo?.requiresSMTPUTF8 == true
    }

    private static func check(_ part: MailPart) throws(MailError) {
        switch part {
        case .text, .html:
            return
        case .calendar(let text, let method):
            guard CalendarMethodLine.method(in: text) == method.rawValue else {
                throw .calendarMethodMismatch(expected: method)
            }
        case .attachment(let attachment):
            guard !attachment.fileName.isEmpty, attachment.fileName.utf8.count <= MailLimits.maximumFileNameOctets,
                attachment.fileName.utf8.allSatisfy({
                    ASCII.isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
                        || $0 == UInt8(ascii: "-")
                })
            else { throw .invalidFileName }
            let halves = attachment.mediaType.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard halves.count == 2,
                halves.allSatisfy({ !$0.isEmpty && $0.count <= 64 && $0.allSatisfy(ASCII.isTokenCharacter) })
            else { throw .invalidMediaType }
        case .alternative(let parts), .mixed(let parts):
            guard !parts.isEmpty else { throw .emptyMultipart }
            for part in parts { try check(part) }
        }
    }
}

/// Finds the `METHOD` property of iCalendar text without parsing the rest.
enum CalendarMethodLine {
    /// The upper-cased value of the first `METHOD` content line (unfolded, RFC 5545 §3.1), or nil.
    static func method(in text: String) -> String? {
        var logical = ""
        var found: String?
        func finish() {
            guard found == nil else { return }
            let upper = logical.uppercased()
            if upper.hasPrefix("METHOD:") { found = String(upper.dropFirst(7)) }
        }
        for var line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.last == 0x0D { line = line.dropLast() }
            if line.first == 0x20 || line.first == 0x09 {
                logical += String(decoding: line.dropFirst(), as: UTF8.self)
            } else {
                finish()
                logical = String(decoding: line, as: UTF8.self)
            }
        }
        finish()
        return found
    }
}
