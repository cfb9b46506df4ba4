package import Mail

/// A way out for messages: an SMTP relay, a `sendmail` program, a Maildir folder.
///
/// `deliver` blocks until every message has a result, so it runs on a thread of its own, never on
/// an event loop or an office writer. It takes several messages so that a transport can send them
/// over one connection. A transport never logs an address, a name or a body.
package protocol MailTransport: Sendable {
    /// Delivers `messages` in order and returns one result per message, in the same order.
    func deliver(_ messages: [OutgoingMessage]) -> [DeliveryResult]
}

/// A message with its envelope, ready for a transport.
package struct OutgoingMessage: Equatable, Sendable {
    /// The envelope sender (SMTP `MAIL FROM`, sendmail `-f`), where bounces go.
    package var sender: MailAddress
    /// The envelope recipients (SMTP `RCPT TO`); at least one.
    package var recipients: [MailAddress]
    /// The whole message, header and body, lines ending in CRLF.
    package var content: [UInt8]

    package init(sender: MailAddress, recipients: [MailAddress], content: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.content = content
    }

    /// `message`, from its author to its recipients.
    package init(_ message: MailMessage) {
        self.init(sender: message.from, recipients: message.to, content: message.bytes)
    }

    /// Whether the envelope or the header holds UTF-8, so that an SMTP relay must offer
    /// SMTPUTF8 (RFC 6531 §3.4). Bodies written by `MailMessage` are 7-bit.
    var requiresSMTPUTF8: Bool {
        if sender.requiresSMTPUTF8 || recipients.contains(where: \.requiresSMTPUTF8) { return true }
        return content[..<(headerEnd ?? content.count)].contains { $0 >= 0x80 }
    }

    /// Whether the body holds 8-bit bytes, so that an SMTP relay must offer 8BITMIME (RFC 6152).
    var hasEightBitBody: Bool {
        guard let end = headerEnd else { return false }
        return content[end...].contains { $0 >= 0x80 }
    }

    /// The index just past the empty line that ends the header, or nil when there is none.
    private var headerEnd: Int? {
        guard content.count >= 4 else { return nil }
        for index in 3..<content.count
        where content[index] == 0x0A && content[index - 1] == 0x0D && content[index - 2] == 0x0A
            && content[index - 3] == 0x0D
        {
            return index + 1
        }
        return nil
    }
}

/// What became of one message.
package enum DeliveryResult: Equatable, Sendable {
    /// The relay, the program or the folder took the message.
    case delivered
    /// Not delivered now; worth trying again later: a 4xx reply, no connection, a timeout, a
    /// program that exited with EX_TEMPFAIL, a full disk. The text says what happened, with the
    /// relay's reply where there was one.
    case temporaryFailure(String)
    /// Never deliverable as it is: a 5xx reply, a message the relay cannot take, a program that
    /// refused it. The text says why, with the relay's reply where there was one.
    ///
    /// Both texts may quote a relay's reply, which may name an address: show them to staff, store
    /// them with the message, never log them.
    case permanentFailure(String)
}
