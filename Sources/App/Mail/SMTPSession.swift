import Mail

/// One connection to the relay after EHLO: sends messages one after another and knows whether
/// the connection can still be used. Confined to the thread of `SMTPTransport.deliver`.
final class SMTPSession {
    /// Why a session could not be opened, applied to every message of the batch.
    struct OpenFailure: Error {
        var result: DeliveryResult
    }

    private let connection: SMTPConnection
    private let configuration: SMTPTransport.Configuration
    private let extensions: SMTPExtensions
    /// A `MAIL FROM` was sent and its transaction did not end with a reply to the final `.`:
    /// `RSET` goes before the next message (RFC 5321 §4.1.1.5).
    private var transactionOpen = false
    /// Why the connection can no longer be used, or nil while it can.
    private(set) var lostConnection: String?

    private var relay: String { "\(configuration.host):\(configuration.port)" }

    private init(connection: SMTPConnection, configuration: SMTPTransport.Configuration, extensions: SMTPExtensions) {
        self.connection = connection
        self.configuration = configuration
        self.extensions = extensions
    }

    /// Connects, reads the greeting and says EHLO, or HELO when EHLO gets a 5xx. Any failure
    /// here is about the relay, not a message, so it is a temporary failure for all of them.
    static func open(_ configuration: SMTPTransport.Configuration) -> Result<SMTPSession, OpenFailure> {
        let relay = "\(configuration.host):\(configuration.port)"
        let timeouts = configuration.timeouts
        let connection: SMTPConnection
        do {
            connection = try SMTPConnection(
                host: configuration.host, port: configuration.port, timeout: timeouts.connect)
        } catch {
            let text = error.text(waitingFor: "the connection", relay: relay, timeout: timeouts.connect)
            return .failure(OpenFailure(result: .temporaryFailure(text)))
        }
        func fail(_ text: String) -> Result<SMTPSession, OpenFailure> {
            connection.close()
            return .failure(OpenFailure(result: .temporaryFailure(text)))
        }
        func exchange(_ command: String?, _ step: String, _ timeout: Duration) -> Result<SMTPReply, OpenFailure> {
            do {
                if let command { try connection.send(Array((command + "\r\n").utf8), timeout: timeouts.mail) }
                return .success(try connection.readReply(timeout: timeout))
            } catch {
                connection.close()
                let text = error.text(waitingFor: step, relay: relay, timeout: timeout)
                return .failure(OpenFailure(result: .temporaryFailure(text)))
            }
        }
        let greeting: SMTPReply
        switch exchange(nil, "the greeting", timeouts.greeting) {
        case .success(let reply): greeting = reply
        case .failure(let failure): return .failure(failure)
        }
        guard greeting.code == 220 else {
            _ = try? connection.send(Array("QUIT\r\n".utf8), timeout: timeouts.quit)
            return fail("\(relay) refused the session: " + greeting.text)
        }
        let name = configuration.clientName
        let ehlo: SMTPReply
        switch exchange("EHLO " + name, "the reply to EHLO", timeouts.mail) {
        case .success(let reply): ehlo = reply
        case .failure(let failure): return .failure(failure)
        }
        if ehlo.isCompletion {
            return .success(
                SMTPSession(
                    connection: connection, configuration: configuration, extensions: SMTPExtensions(ehlo: ehlo)))
        }
        // RFC 5321 §3.2: a server that does not know EHLO answers 5xx; the client falls back to HELO.
        guard ehlo.isPermanentFailure else { return fail("\(relay) refused EHLO: " + ehlo.text) }
        switch exchange("HELO " + name, "the reply to HELO", timeouts.mail) {
        case .success(let helo) where helo.isCompletion:
            return .success(
                SMTPSession(connection: connection, configuration: configuration, extensions: SMTPExtensions()))
        case .success(let helo): return fail("\(relay) refused EHLO and HELO: " + helo.text)
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Sends one message and returns its result; sets `lostConnection` when the connection can
    /// no longer be used.
    func send(_ message: OutgoingMessage) -> DeliveryResult {
        let data = SMTPData(message: message.content)
        if let limit = extensions.size, limit > 0, data.messageSize > limit {
            return .permanentFailure(
                "the message has \(data.messageSize) octets, more than the SIZE of \(limit) that \(relay) takes")
        }
        let needsUTF8 = message.requiresSMTPUTF8
        if needsUTF8, !extensions.smtpUTF8 {
            return .permanentFailure("an address or the header is UTF-8 and \(relay) does not offer SMTPUTF8")
        }
        let eightBit = message.hasEightBitBody
        if eightBit, !extensions.eightBitMIME, !needsUTF8 {
            return .permanentFailure("the body is 8-bit and \(relay) does not offer 8BITMIME")
        }
        guard !message.recipients.isEmpty else { return .permanentFailure("the message has no recipient") }
        var mail = "MAIL FROM:<" + message.sender.addressSpec + ">"
        if extensions.size != nil { mail += " SIZE=\(data.messageSize)" }
        if eightBit, extensions.eightBitMIME { mail += " BODY=8BITMIME" }
        if needsUTF8 { mail += " SMTPUTF8" }
        let recipients = message.recipients.map { "RCPT TO:<" + $0.addressSpec + ">" }
        do {
            return try transact(mail: mail, recipients: recipients, data: data)
        } catch {
            connection.close()
            lostConnection = error.text
            return .temporaryFailure(error.text)
        }
    }

    /// Says QUIT, waits briefly for the reply, and closes.
    func quit() {
        if lostConnection == nil {
            do {
                try connection.send(Array("QUIT\r\n".utf8), timeout: configuration.timeouts.quit)
                _ = try connection.readReply(timeout: configuration.timeouts.quit)
            } catch {
                // Every result is known; a relay that does not answer QUIT changes none.
            }
        }
        connection.close()
        lostConnection = lostConnection ?? "the session ended"
    }

    /// A failure that ends the connection, with what it was waiting for.
    private struct Lost: Error {
        var text: String
    }

    private func transact(mail: String, recipients: [String], data: SMTPData) throws(Lost) -> DeliveryResult {
        let timeouts = configuration.timeouts
        let pipelined = configuration.usesPipelining && extensions.pipelining
        let resetFirst = transactionOpen
        transactionOpen = true
        var dataReply: SMTPReply?
        let mailReply: SMTPReply
        var recipientReplies: [SMTPReply] = []
        if pipelined {
            // RFC 2920 §3.1: RSET, MAIL and RCPT may be grouped, and DATA last in the group; with one
            // recipient a refused RCPT makes the server refuse DATA too (§3.1, RFC 5321 §3.3), so
            // nothing is sent that should not be.
            let dataInGroup = recipients.count == 1
            var group = resetFirst ? "RSET\r\n" : ""
            group += ([mail] + recipients + (dataInGroup ? ["DATA"] : [])).map { $0 + "\r\n" }.joined()
            try send(group, "the relay to take the commands", timeouts.mail)
            if resetFirst { try expectReset() }
            mailReply = try read("the reply to MAIL FROM", timeouts.mail)
            for _ in recipients { recipientReplies.append(try read("the reply to RCPT TO", timeouts.recipient)) }
            if dataInGroup { dataReply = try read("the reply to DATA", timeouts.dataInitiation) }
        } else {
            if resetFirst {
                try send("RSET\r\n", "the relay to take RSET", timeouts.mail)
                try expectReset()
            }
            try send(mail + "\r\n", "the relay to take MAIL FROM", timeouts.mail)
            mailReply = try read("the reply to MAIL FROM", timeouts.mail)
            if mailReply.isCompletion {
                for recipient in recipients {
                    try send(recipient + "\r\n", "the relay to take RCPT TO", timeouts.recipient)
                    let reply = try read("the reply to RCPT TO", timeouts.recipient)
                    recipientReplies.append(reply)
                    if !reply.isCompletion { break }
                }
            }
        }
        let refusal = [mailReply].filter { !$0.isCompletion } + recipientReplies.filter { !$0.isCompletion }
        if let first = refusal.first {
            if dataReply?.code == 354 {
                // A server that opened DATA although a command was refused: ending the data would
                // send an empty message, so the connection is dropped instead.
                throw Lost(text: "\(relay) accepted DATA after refusing a command")
            }
            return try result(of: first)
        }
        if dataReply == nil {
            try send("DATA\r\n", "the relay to take DATA", timeouts.dataInitiation)
            dataReply = try read("the reply to DATA", timeouts.dataInitiation)
        }
        guard let dataReply, dataReply.code == 354 else {
            return try result(of: dataReply ?? SMTPReply(code: 451, lines: []))
        }
        try send(data.bytes, "the relay to take the message", timeouts.dataBlock)
        let final = try read("the reply to the end of the data", timeouts.dataTermination)
        // RFC 5321 §4.1.1.4: the reply to the final dot ends the transaction, taken or not.
        transactionOpen = false
        return final.isCompletion ? .delivered : try result(of: final)
    }

    /// The result a refusal gives the message: 4xx temporary, 5xx permanent. A 421 means the
    /// server is closing the connection (RFC 5321 §3.8); any other code where a refusal was
    /// expected leaves the client unsure of the server's state, so the connection is dropped.
    private func result(of reply: SMTPReply) throws(Lost) -> DeliveryResult {
        if reply.code == 421 {
            connection.close()
            lostConnection = "\(relay) closed the session: " + reply.text
            return .temporaryFailure(reply.text)
        }
        if reply.isTransientFailure { return .temporaryFailure(reply.text) }
        if reply.isPermanentFailure { return .permanentFailure(reply.text) }
        throw Lost(text: "\(relay) sent an unexpected reply: " + reply.text)
    }

    private func expectReset() throws(Lost) {
        let reply = try read("the reply to RSET", configuration.timeouts.mail)
        guard reply.isCompletion else { throw Lost(text: "\(relay) refused RSET: " + reply.text) }
    }

    private func send(_ text: String, _ step: String, _ timeout: Duration) throws(Lost) {
        try send(Array(text.utf8), step, timeout)
    }

    private func send(_ bytes: [UInt8], _ step: String, _ timeout: Duration) throws(Lost) {
        do {
            try connection.send(bytes, timeout: timeout)
        } catch {
            throw Lost(text: error.text(waitingFor: step, relay: relay, timeout: timeout))
        }
    }

    private func read(_ step: String, _ timeout: Duration) throws(Lost) -> SMTPReply {
        do {
            return try connection.readReply(timeout: timeout)
        } catch {
            throw Lost(text: error.text(waitingFor: step, relay: relay, timeout: timeout))
        }
    }
}
