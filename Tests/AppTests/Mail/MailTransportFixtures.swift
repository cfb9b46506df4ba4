import App
import Mail
import Scheduling

/// Small factories for the transport tests.
enum MailTransportFixtures {
    static func message(
        number: Int = 1, to recipient: String = "max.mueller@example.org", text: String? = nil
    ) throws -> OutgoingMessage {
        let message = try MailMessage(
            from: MailAddress("termine@musterstadt.example", displayName: "Bürgerbüro Musterstadt"),
            to: [MailAddress(recipient, displayName: "Max Müller")], subject: "Ihr Termin Nr. \(number)",
            date: Instant(secondsSinceEpoch: 1_796_625_000),
            messageID: MessageID(localPart: "outbox-\(number)", domain: "rathaus.musterstadt.example"),
            body: .text(text ?? "Guten Tag,\n\nIhr Termin Nr. \(number) ist bestätigt.\n"), boundarySeed: UInt64(number)
        )
        return OutgoingMessage(message)
    }

    /// An SMTP transport to 127.0.0.1:`port` with short timeouts, so that a test of a silent relay
    /// ends quickly.
    static func smtp(port: Int, pipelining: Bool = true, timeout: Duration = .seconds(20)) throws -> SMTPTransport {
        var configuration = SMTPTransport.Configuration()
        configuration.port = port
        configuration.clientName = "rathaus.test"
        configuration.usesPipelining = pipelining
        configuration.timeouts.connect = timeout
        configuration.timeouts.greeting = timeout
        configuration.timeouts.mail = timeout
        configuration.timeouts.recipient = timeout
        configuration.timeouts.dataInitiation = timeout
        configuration.timeouts.dataBlock = timeout
        configuration.timeouts.dataTermination = timeout
        configuration.timeouts.quit = timeout
        return try SMTPTransport(configuration: configuration)
    }

    static func isTemporary(_ result: DeliveryResult, containing text: String) -> Bool {
        if case .temporaryFailure(let reason) = result { return reason.contains(text) }
        return false
    }

    static func isPermanent(_ result: DeliveryResult, containing text: String) -> Bool {
        if case .permanentFailure(let reason) = result { return reason.contains(text) }
        return false
    }
}
