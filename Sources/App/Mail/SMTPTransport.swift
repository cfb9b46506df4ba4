import Mail

/// Delivers messages to an SMTP relay (RFC 5321, submission as in RFC 6409), several over one
/// connection.
///
/// Per batch: connect, read the greeting, EHLO (HELO when the relay refuses EHLO with a 5xx), then
/// each message: `MAIL FROM`, `RCPT TO` for each recipient, `DATA`, the dot-stuffed content and
/// the final `.`; with PIPELINING offered (RFC 2920) these commands go in one write, `DATA` with
/// them when the message has one recipient. After a transaction that did not complete, `RSET`
/// goes before the next. `QUIT` at the end.
///
/// Results: a 2xx to the final `.` is `delivered`; a 4xx, no connection, a timeout or a lost
/// connection is a temporary failure, a 5xx a permanent one, each with the reply. A 5xx for one
/// message does not stop the next. A connection lost after at least one message was answered is
/// opened again for the rest (a relay may limit messages per connection); one lost before that
/// leaves the rest of the batch as temporary failures. Checked before anything is sent: a message
/// larger than the relay's SIZE (RFC 1870), or one that needs SMTPUTF8 or 8BITMIME the relay does
/// not offer, fails permanently.
package struct SMTPTransport: MailTransport {
    package let configuration: Configuration

    package init(configuration: Configuration) throws(ConfigurationError) {
        guard (1...65_535).contains(configuration.port) else { throw .invalidPort }
        guard SMTPTransport.isClientName(configuration.clientName) else { throw .invalidClientName }
        self.configuration = configuration
    }

    package func deliver(_ messages: [OutgoingMessage]) -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        results.reserveCapacity(messages.count)
        while results.count < messages.count {
            let session: SMTPSession
            switch SMTPSession.open(configuration) {
            case .success(let opened): session = opened
            case .failure(let failure):
                results += Array(repeating: failure.result, count: messages.count - results.count)
                return results
            }
            var answered = 0
            for message in messages[results.count...] {
                if let lost = session.lostConnection {
                    // Open again for the rest only if this connection got somewhere.
                    if answered > 0 { break }
                    results.append(.temporaryFailure("not attempted: " + lost))
                    continue
                }
                let result = session.send(message)
                results.append(result)
                if session.lostConnection == nil { answered += 1 }
            }
            session.quit()
        }
        return results
    }

    /// RFC 5321 §4.1.2: a domain of letter-digit-hyphen labels, or an address literal in brackets.
    private static func isClientName(_ name: String) -> Bool {
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        if name.hasPrefix("["), name.hasSuffix("]") {
            let inner = name.utf8.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { isLetterOrDigit($0) || $0 == 0x2E || $0 == 0x3A || $0 == 0x2D }
        }
        return name.utf8.split(separator: 0x2E, omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != 0x2D && label.last != 0x2D
                && label.allSatisfy { isLetterOrDigit($0) || $0 == 0x2D }
        }
    }
}
