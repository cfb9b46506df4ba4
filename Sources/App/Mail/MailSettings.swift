import Foundation
package import Mail
package import Scheduling

/// How Rathaus sends mail: the sender, the transport and the sender's pace, each with a default
/// (Documentation/Mail.md, "Configuration"). Read from the municipality file's `mail` object;
/// `rathaus serve --mail` chooses another transport.
package struct MailSettings: Sendable {
    /// Where messages go.
    package enum Transport: Sendable {
        /// No mail: changes write no messages at all.
        case off
        /// A Maildir folder; nil: `<database name>-mail` next to the database (the default).
        case maildir(String?)
        /// An SMTP relay.
        case smtp(SMTPTransport.Configuration)
        /// A sendmail-compatible program.
        case sendmail(SendmailTransport.Configuration)
    }

    /// The sender's address (`From`, and the envelope sender where bounces go). Default
    /// `termine@` the host of `publicURL`, else `termine@localhost`.
    package var from: String?
    /// The name shown with it. Default: the municipality's name.
    package var fromName: String?
    /// Where replies go (`Reply-To`); none by default.
    package var replyTo: String?
    package var transport = Transport.maildir(nil)
    /// Hours before the start that the reminder goes out; 0: no reminders. Default 24.
    package var reminderHours = 24
    /// A message not delivered within this many hours of being due is dropped. Default 48.
    package var maxAgeHours = 48
    /// The most messages handed to the transport per minute. Default 600.
    package var perMinute = 600
    /// The most messages handed over in one batch (one connection). Default 50.
    package var batchSize = 50
    /// The wait before the first retry after a temporary failure; it doubles with each further
    /// one. Default 60 s.
    package var firstRetrySeconds = 60
    /// The longest wait between two attempts. Default 1 h.
    package var maxRetrySeconds = 3600
    /// `/healthz` reports the relay once it has been unreachable this long. Default 15 min.
    package var relayAlertMinutes = 15

    package init() {}

    /// The messages the office writers write with these settings.
    package var policy: MessagePolicy {
        if case .off = transport { return .off }
        return MessagePolicy(isEnabled: true, reminderLeadMinutes: reminderHours > 0 ? reminderHours * 60 : nil)
    }

    /// Whether mail is switched off.
    package var isOff: Bool {
        if case .off = transport { true } else { false }
    }

    /// The sender's address for a town served at `publicURL`.
    package func sender(publicURL: String?, town: String) throws(MailError) -> MailAddress {
        let host = publicURL.flatMap(MailSettings.host) ?? "localhost"
        return try MailAddress(from ?? "termine@" + host, displayName: fromName ?? town)
    }

    /// The domain of the Message-IDs: the host of `publicURL`, else the sender's domain.
    package func messageIDDomain(publicURL: String?) -> String {
        if let host = publicURL.flatMap(MailSettings.host) { return host }
        let domain = (from ?? "termine@localhost").split(separator: "@").last.map(String.init) ?? "localhost"
        return domain.allSatisfy { $0.isASCII } ? domain : "localhost"
    }

    /// The Maildir folder of the default transport for the database at `databasePath`:
    /// `rathaus.sqlite` → `rathaus-mail` beside it.
    package static func defaultMaildir(databasePath: String) -> String {
        (databasePath as NSString).deletingPathExtension + "-mail"
    }

    /// The transport these settings name, for the database at `databasePath`; nil when mail is
    /// off.
    package func makeTransport(databasePath: String) throws -> (any MailTransport)? {
        switch transport {
        case .off: return nil
        case .maildir(let folder):
            return MaildirTransport(directory: folder ?? MailSettings.defaultMaildir(databasePath: databasePath))
        case .smtp(let configuration): return try SMTPTransport(configuration: configuration)
        case .sendmail(let configuration): return SendmailTransport(configuration: configuration)
        }
    }

    /// The Maildir folder messages go to, when that is the transport.
    package func maildirFolder(databasePath: String) -> String? {
        if case .maildir(let folder) = transport {
            return folder ?? MailSettings.defaultMaildir(databasePath: databasePath)
        }
        return nil
    }

    /// A short description for logs and `rathaus mail status` (no addresses).
    package var transportDescription: String {
        switch transport {
        case .off: "off"
        case .maildir(let folder): "maildir \(folder ?? "(beside the database)")"
        case .smtp(let configuration): "smtp \(configuration.host):\(configuration.port)"
        case .sendmail(let configuration): "sendmail \(configuration.executable)"
        }
    }

    /// The host of an `http(s)://host[:port]/…` address, lower case, without the port.
    static func host(of url: String) -> String? {
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        var host = String(parts[2]).lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if host.hasPrefix("[") { return nil }
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
        else { return nil }
        return host
    }
}
