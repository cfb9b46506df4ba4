import Mail

extension MailSettings {
    /// The settings of the municipality file's `mail` object (Documentation/Configuration.md,
    /// "Mail"), every field checked; unknown fields are errors.
    package static func decode(_ reader: JSONReader) throws(JSONPathError) -> MailSettings {
        var object = try reader.object()
        var settings = MailSettings()
        if let field = object.optional("from") {
            let text = try field.text(maxLength: 254)
            guard MailAddress.problem(text) == nil, text.contains(".") || text.hasSuffix("@localhost") else {
                throw field.fail("not an e-mail address")
            }
            settings.from = text
        }
        if let field = object.optional("fromName") {
            let text = try field.text(maxLength: 200)
            guard HeaderText.isAllowed(text) else { throw field.fail("must not contain control characters") }
            settings.fromName = text
        }
        if let field = object.optional("replyTo") {
            let text = try field.text(maxLength: 254)
            guard MailAddress.problem(text) == nil else { throw field.fail("not an e-mail address") }
            settings.replyTo = text
        }
        let transportField = object.optional("transport")
        let maildir = object.optional("maildir")
        let smtp = object.optional("smtp")
        let sendmail = object.optional("sendmail")
        let transport = try transportField?.string() ?? "maildir"
        switch transport {
        case "off": settings.transport = .off
        case "maildir": settings.transport = .maildir(try maildir?.text(maxLength: 4096))
        case "smtp": settings.transport = .smtp(try smtpConfiguration(smtp, path: object.path))
        case "sendmail": settings.transport = .sendmail(try sendmailConfiguration(sendmail))
        default:
            throw transportField?.fail("one of maildir, smtp, sendmail, off")
                ?? JSONPathError(path: reader.path, message: "bad transport")
        }
        for (name, field) in [("maildir", maildir), ("smtp", smtp), ("sendmail", sendmail)] where name != transport {
            if let field { throw field.fail("set only for \"transport\": \"\(name)\"") }
        }
        settings.reminderHours = try object.optional("reminderHours")?.int(in: 0...720) ?? settings.reminderHours
        settings.maxAgeHours = try object.optional("maxAgeHours")?.int(in: 1...720) ?? settings.maxAgeHours
        settings.perMinute = try object.optional("perMinute")?.int(in: 1...100_000) ?? settings.perMinute
        settings.batchSize = try object.optional("batchSize")?.int(in: 1...1000) ?? settings.batchSize
        settings.firstRetrySeconds =
            try object.optional("firstRetrySeconds")?.int(in: 1...86_400) ?? settings.firstRetrySeconds
        settings.maxRetrySeconds =
            try object.optional("maxRetrySeconds")?.int(in: 1...86_400) ?? settings.maxRetrySeconds
        settings.relayAlertMinutes =
            try object.optional("relayAlertMinutes")?.int(in: 1...10_080) ?? settings.relayAlertMinutes
        try object.finish()
        return settings
    }

    /// `smtp`: `host`, `port`, `clientName`, `pipelining`, `timeouts` (seconds, by step).
    private static func smtpConfiguration(_ reader: JSONReader?, path: String) throws(JSONPathError)
        -> SMTPTransport.Configuration
    {
        var configuration = SMTPTransport.Configuration()
        guard let reader else { return configuration }
        var object = try reader.object()
        if let host = object.optional("host") { configuration.host = try host.text(maxLength: 255) }
        if let port = object.optional("port") { configuration.port = try port.int(in: 1...65_535) }
        if let name = object.optional("clientName") { configuration.clientName = try name.text(maxLength: 255) }
        if let pipelining = object.optional("pipelining") { configuration.usesPipelining = try pipelining.bool() }
        if var timeouts = try object.optional("timeouts")?.object() {
            func seconds(_ key: String, _ current: Duration) throws(JSONPathError) -> Duration {
                guard let field = timeouts.optional(key) else { return current }
                return .seconds(try field.int(in: 1...3600))
            }
            configuration.timeouts.connect = try seconds("connect", configuration.timeouts.connect)
            configuration.timeouts.greeting = try seconds("greeting", configuration.timeouts.greeting)
            configuration.timeouts.mail = try seconds("mail", configuration.timeouts.mail)
            configuration.timeouts.recipient = try seconds("recipient", configuration.timeouts.recipient)
            configuration.timeouts.dataInitiation = try seconds("dataInitiation", configuration.timeouts.dataInitiation)
            configuration.timeouts.dataBlock = try seconds("dataBlock", configuration.timeouts.dataBlock)
            configuration.timeouts.dataTermination =
                try seconds("dataTermination", configuration.timeouts.dataTermination)
            configuration.timeouts.quit = try seconds("quit", configuration.timeouts.quit)
            try timeouts.finish()
        }
        try object.finish()
        do {
            _ = try SMTPTransport(configuration: configuration)
        } catch .invalidClientName {
            throw reader.fail("clientName must be a domain name or an address literal in brackets")
        } catch {
            throw reader.fail("port must be 1 to 65535")
        }
        return configuration
    }

    /// `sendmail`: `path`, `arguments`, `recipients` (`header` or `commandLine`), `timeoutSeconds`.
    private static func sendmailConfiguration(_ reader: JSONReader?) throws(JSONPathError)
        -> SendmailTransport.Configuration
    {
        var configuration = SendmailTransport.Configuration()
        guard let reader else { return configuration }
        var object = try reader.object()
        if let path = object.optional("path") {
            let text = try path.text(maxLength: 4096)
            guard text.hasPrefix("/") else { throw path.fail("an absolute path, such as /usr/sbin/sendmail") }
            configuration.executable = text
        }
        if let arguments = object.optional("arguments") {
            configuration.arguments = try arguments.array().map { reader throws(JSONPathError) in
                try reader.string()
            }
        }
        if let recipients = object.optional("recipients") {
            switch try recipients.string() {
            case "header": configuration.recipients = .header
            case "commandLine": configuration.recipients = .commandLine
            default: throw recipients.fail("header or commandLine")
            }
        }
        if let timeout = object.optional("timeoutSeconds") {
            configuration.timeout = .seconds(try timeout.int(in: 1...3600))
        }
        try object.finish()
        return configuration
    }

    /// The settings with the transport of `rathaus serve --mail`: `off`, `maildir[:DIR]`,
    /// `smtp:HOST:PORT` or `sendmail[:PATH]`; nil when `text` names none of them.
    package func replacingTransport(_ text: String) -> MailSettings? {
        var settings = self
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first {
        case "off" where parts.count == 1:
            settings.transport = .off
        case "maildir":
            settings.transport = .maildir(parts.count == 2 ? parts[1] : nil)
        case "smtp" where parts.count == 2:
            guard let colon = parts[1].lastIndex(of: ":"), let port = Int(parts[1][parts[1].index(after: colon)...]),
                (1...65_535).contains(port), colon != parts[1].startIndex
            else { return nil }
            var configuration = SMTPTransport.Configuration()
            if case .smtp(let configured) = transport { configuration = configured }
            configuration.host = String(parts[1][..<colon])
            configuration.port = port
            settings.transport = .smtp(configuration)
        case "sendmail":
            var configuration = SendmailTransport.Configuration()
            if parts.count == 2 { configuration.executable = parts[1] }
            settings.transport = .sendmail(configuration)
        default:
            return nil
        }
        return settings
    }
}
