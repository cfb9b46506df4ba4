import App
import Glibc
import Mail
import RathausTesting
import Testing

/// The SMTP client against a real SMTP server, aiosmtpd (`Scripts/smtp-test-server`), made to
/// misbehave where a test needs it.
@Suite(.enabled(if: SMTPTestServer.isAvailable, "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"))
struct SMTPTransportTests {
    @Test(arguments: [true, false])
    func severalMessagesArriveExactlyOverOneConnection(pipelining: Bool) throws {
        let server = try SMTPTestServer(["--pipelining"])
        let messages = try (1...3).map { try MailTransportFixtures.message(number: $0) }
        let results = try MailTransportFixtures.smtp(port: server.port, pipelining: pipelining).deliver(messages)
        #expect(results == [.delivered, .delivered, .delivered])
        let received = try server.received()
        #expect(received.map(\.content) == messages.map(\.content))
        #expect(Set(received.map(\.clientPort)).count == 1, "one connection")
        #expect(received.map(\.pipelined) == Array(repeating: pipelining, count: 3))
        #expect(received.allSatisfy { $0.sender == "termine@musterstadt.example" })
        #expect(received.allSatisfy { $0.recipients == ["max.mueller@example.org"] })
        #expect(received.allSatisfy { $0.mailOptions == ["SIZE=\($0.content.count)"] })
    }

    @Test func aRelayThatDoesNotOfferPipeliningGetsOneCommandAtATime() throws {
        let server = try SMTPTestServer()
        let messages = try (1...2).map { try MailTransportFixtures.message(number: $0) }
        #expect(try MailTransportFixtures.smtp(port: server.port).deliver(messages) == [.delivered, .delivered])
        #expect(try server.received().map(\.pipelined) == [false, false])
    }

    @Test func whatArrivesReadsBackInPython() throws {
        let server = try SMTPTestServer(["--pipelining"])
        let message = try MailTransportFixtures.message(number: 7)
        #expect(try MailTransportFixtures.smtp(port: server.port).deliver([message]) == [.delivered])
        let parsed = try PythonEmail.parse(try #require(try server.received().first).content)
        #expect(parsed.value("Subject") == "Ihr Termin Nr. 7")
        #expect(parsed.addresses("To").map(\.0) == ["Max Müller"])
        #expect(parsed.value("Message-ID") == "<outbox-7@rathaus.musterstadt.example>")
        #expect(parsed.parts.first?.text == "Guten Tag,\r\n\r\nIhr Termin Nr. 7 ist bestätigt.\r\n")
    }

    @Test(arguments: [true, false])
    func linesThatStartWithADotArriveUnchanged(pipelining: Bool) throws {
        let server = try SMTPTestServer(["--pipelining"])
        let text = ".\n..\n.Punkt am Anfang\n. \nEnde\n."
        let message = try MailTransportFixtures.message(text: text)
        #expect(
            try MailTransportFixtures.smtp(port: server.port, pipelining: pipelining).deliver([message]) == [.delivered]
        )
        let received = try #require(try server.received().first)
        #expect(received.content == message.content)
        #expect(
            try PythonEmail.parse(received.content).parts.first?.text
                == ".\r\n..\r\n.Punkt am Anfang\r\n. \r\nEnde\r\n.")
    }

    @Test(arguments: [true, false])
    func aTemporaryRefusalOfARecipientFailsOnlyThatMessage(pipelining: Bool) throws {
        let server = try SMTPTestServer(["--pipelining", "--fail-rcpt", "1:451"])
        let messages = try (1...2).map { try MailTransportFixtures.message(number: $0) }
        let results = try MailTransportFixtures.smtp(port: server.port, pipelining: pipelining).deliver(messages)
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "451 4.3.0"))
        #expect(results[1] == .delivered)
        let received = try server.received()
        #expect(received.map(\.content) == [messages[1].content])
    }

    @Test func aTemporaryRefusalOfTheDataFailsOnlyThatMessage() throws {
        let server = try SMTPTestServer(["--pipelining", "--fail-data", "1:451"])
        let messages = try (1...3).map { try MailTransportFixtures.message(number: $0) }
        let results = try MailTransportFixtures.smtp(port: server.port).deliver(messages)
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "451"))
        #expect(Array(results.dropFirst()) == [.delivered, .delivered])
        #expect(try server.received().map(\.content) == Array(messages.dropFirst()).map(\.content))
    }

    @Test func aClosingRelayFailsTheRestTemporarilyAndTheyArriveOnTheNextTry() throws {
        let server = try SMTPTestServer(["--pipelining", "--fail-rcpt", "1:421"])
        let messages = try (1...2).map { try MailTransportFixtures.message(number: $0) }
        let transport = try MailTransportFixtures.smtp(port: server.port)
        let first = transport.deliver(messages)
        #expect(MailTransportFixtures.isTemporary(first[0], containing: "421"))
        #expect(MailTransportFixtures.isTemporary(first[1], containing: "not attempted"))
        #expect(try server.received().isEmpty)
        #expect(transport.deliver(messages) == [.delivered, .delivered])
        #expect(try server.received().map(\.content) == messages.map(\.content))
    }

    @Test func aConnectionLostAfterProgressIsOpenedAgainForTheRest() throws {
        let server = try SMTPTestServer(["--pipelining", "--fail-data", "1:421:1"])
        let messages = try (1...3).map { try MailTransportFixtures.message(number: $0) }
        let results = try MailTransportFixtures.smtp(port: server.port).deliver(messages)
        #expect(results[0] == .delivered)
        #expect(MailTransportFixtures.isTemporary(results[1], containing: "421"))
        #expect(results[2] == .delivered)
        let received = try server.received()
        #expect(received.map(\.content) == [messages[0].content, messages[2].content])
        #expect(Set(received.map(\.clientPort)).count == 2, "a new connection after the 421")
    }

    @Test(arguments: [true, false])
    func aRefusedRecipientFailsPermanentlyAndTheNextMessageIsStillDelivered(pipelining: Bool) throws {
        let server = try SMTPTestServer(["--pipelining", "--reject", "niemand@example.org"])
        let messages = try [
            MailTransportFixtures.message(number: 1),
            MailTransportFixtures.message(number: 2, to: "niemand@example.org"),
            MailTransportFixtures.message(number: 3),
        ]
        let results = try MailTransportFixtures.smtp(port: server.port, pipelining: pipelining).deliver(messages)
        #expect(results[0] == .delivered)
        #expect(MailTransportFixtures.isPermanent(results[1], containing: "550 5.1.1"))
        #expect(results[2] == .delivered)
        let received = try server.received()
        #expect(received.map(\.content) == [messages[0].content, messages[2].content])
        #expect(Set(received.map(\.clientPort)).count == 1, "the same connection after the refusal")
    }

    @Test func aRelayThatNeverAnswersTimesOutAsATemporaryFailure() throws {
        let server = try SMTPTestServer(["--silent"])
        let transport = try MailTransportFixtures.smtp(port: server.port, timeout: .milliseconds(300))
        let results = transport.deliver(try (1...2).map { try MailTransportFixtures.message(number: $0) })
        #expect(results.count == 2)
        #expect(
            results.allSatisfy {
                MailTransportFixtures.isTemporary($0, containing: "timed out after 0.3 s waiting for the greeting")
            })
    }

    @Test func aRelayThatClosesDuringTheDataIsATemporaryFailure() throws {
        let server = try SMTPTestServer(["--close-in-data"])
        let results = try MailTransportFixtures.smtp(port: server.port).deliver([MailTransportFixtures.message()])
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "closed the connection"))
    }

    @Test func aRefusedConnectionIsATemporaryFailure() throws {
        // A bound socket that does not listen: the kernel refuses connections to its port.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let results = try MailTransportFixtures.smtp(port: port).deliver([MailTransportFixtures.message()])
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "Connection refused"))
    }

    @Test func aMessageLargerThanTheRelaysSizeFailsPermanentlyWithoutBeingSent() throws {
        let server = try SMTPTestServer(["--pipelining", "--size", "2000"])
        let large = try MailTransportFixtures.message(number: 1, text: String(repeating: "Langer Text. ", count: 200))
        let small = try MailTransportFixtures.message(number: 2)
        let results = try MailTransportFixtures.smtp(port: server.port).deliver([large, small])
        #expect(MailTransportFixtures.isPermanent(results[0], containing: "more than the SIZE of 2000"))
        #expect(results[1] == .delivered)
        #expect(try server.received().map(\.content) == [small.content])
    }

    @Test func anAddressBeyondASCIIGoesOnlyToARelayThatOffersSMTPUTF8() throws {
        let message = try MailTransportFixtures.message(to: "jürgen@bär.example")
        let plain = try SMTPTestServer(["--pipelining"])
        let refused = try MailTransportFixtures.smtp(port: plain.port).deliver([message])
        #expect(MailTransportFixtures.isPermanent(refused[0], containing: "SMTPUTF8"))
        #expect(try plain.received().isEmpty)
        let capable = try SMTPTestServer(["--pipelining", "--smtputf8"])
        #expect(try MailTransportFixtures.smtp(port: capable.port).deliver([message]) == [.delivered])
        let received = try #require(try capable.received().first)
        #expect(received.recipients == ["jürgen@bär.example"])
        #expect(received.mailOptions.contains("SMTPUTF8"))
        #expect(received.content == message.content)
    }

    @Test func aRelayThatRefusesEHLOIsGreetedWithHELO() throws {
        let server = try SMTPTestServer(["--no-ehlo"])
        let messages = try (1...2).map { try MailTransportFixtures.message(number: $0) }
        #expect(try MailTransportFixtures.smtp(port: server.port).deliver(messages) == [.delivered, .delivered])
        let received = try server.received()
        #expect(received.allSatisfy { $0.mailOptions.isEmpty }, "no SIZE parameter without EHLO")
        #expect(received.map(\.content) == messages.map(\.content))
    }

    @Test func anEmptyBatchOpensNoConnection() throws {
        let transport = try MailTransportFixtures.smtp(port: 9, timeout: .milliseconds(1))
        #expect(transport.deliver([]).isEmpty)
    }

    @Test func aConfigurationThatCannotWorkIsRefused() {
        var configuration = SMTPTransport.Configuration()
        configuration.port = 0
        #expect(throws: SMTPTransport.ConfigurationError.invalidPort) {
            try SMTPTransport(configuration: configuration)
        }
        configuration.port = 587
        for name in ["", "rathaus example", "rathaus\r\nRCPT TO:<x@y>", "-rathaus.example", "[]"] {
            configuration.clientName = name
            #expect(throws: SMTPTransport.ConfigurationError.invalidClientName) {
                try SMTPTransport(configuration: configuration)
            }
        }
        configuration.clientName = "[127.0.0.1]"
        #expect(throws: Never.self) { try SMTPTransport(configuration: configuration) }
    }
}
