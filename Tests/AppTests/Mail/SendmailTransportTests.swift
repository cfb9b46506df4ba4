import App
import Foundation
import Mail
import RathausTesting
import Testing

/// The pipe transport, with a shell script standing in for sendmail where the test is about exit
/// codes and arguments, and with msmtp (a real sendmail-compatible program) handing messages to
/// aiosmtpd.
@Suite struct SendmailTransportTests {
    /// A transport running `/bin/sh -c script`; the script sees the transport's arguments as `$@`.
    private func shell(
        _ script: String, timeout: Duration = .seconds(20), recipients: SendmailTransport.Recipients = .header
    )
        -> SendmailTransport
    {
        var configuration = SendmailTransport.Configuration()
        configuration.executable = "/bin/sh"
        configuration.arguments = ["-c", script, "sendmail", "-i"]
        configuration.timeout = timeout
        configuration.recipients = recipients
        return SendmailTransport(configuration: configuration)
    }

    @Test func theMessageGoesToStandardInputWithLFLineEndsAndTheSenderAndTOption() throws {
        try withTemporaryDirectory { directory in
            let message = try MailTransportFixtures.message(text: "Zeile 1\n.\nZeile 3\n")
            let results = shell(
                "printf '%s\\n' \"$@\" > \(directory.file("arguments")); cat > \(directory.file("input"))"
            )
            .deliver([message])
            #expect(results == [.delivered])
            let arguments = try String(contentsOfFile: directory.file("arguments"), encoding: .utf8)
            #expect(arguments == "-i\n-f\ntermine@musterstadt.example\n-t\n")
            let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.file("input"))))
            #expect(input == message.content.filter { $0 != 0x0D })
        }
    }

    @Test func recipientsCanGoOnTheCommandLineAfterDoubleDash() throws {
        try withTemporaryDirectory { directory in
            let message = try MailTransportFixtures.message()
            let transport = shell(
                "printf '%s\\n' \"$@\" > \(directory.file("arguments")); cat > /dev/null", recipients: .commandLine)
            #expect(transport.deliver([message]) == [.delivered])
            let arguments = try String(contentsOfFile: directory.file("arguments"), encoding: .utf8)
            #expect(arguments == "-i\n-f\ntermine@musterstadt.example\n--\nmax.mueller@example.org\n")
        }
    }

    @Test func exitStatus75IsTemporaryAndAnyOtherPermanent() throws {
        let message = try MailTransportFixtures.message()
        let temporary = shell("cat > /dev/null; echo 'queue full' >&2; exit 75").deliver([message])
        #expect(MailTransportFixtures.isTemporary(temporary[0], containing: "exited with 75 (EX_TEMPFAIL): queue full"))
        let permanent = shell("cat > /dev/null; echo 'no such user' >&2; exit 67").deliver([message])
        #expect(MailTransportFixtures.isPermanent(permanent[0], containing: "exited with 67: no such user"))
    }

    @Test func aProgramThatExitsWithoutReadingIsJudgedByItsExitStatus() throws {
        let large = try MailTransportFixtures.message(text: String(repeating: "Langer Text.\n", count: 20_000))
        #expect(shell("exit 0").deliver([large]) == [.delivered])
        #expect(MailTransportFixtures.isPermanent(shell("exit 1").deliver([large])[0], containing: "exited with 1"))
    }

    @Test func aProgramThatDoesNotFinishIsStoppedAsATemporaryFailure() throws {
        let results = shell("sleep 30 & wait", timeout: .milliseconds(200)).deliver([
            try MailTransportFixtures.message()
        ])
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "did not finish within 0.2 s"))
    }

    @Test func aProgramThatCannotBeStartedIsATemporaryFailure() throws {
        var configuration = SendmailTransport.Configuration()
        configuration.executable = "/nonexistent/sendmail"
        let results = SendmailTransport(configuration: configuration).deliver([try MailTransportFixtures.message()])
        #expect(MailTransportFixtures.isTemporary(results[0], containing: "cannot run /nonexistent/sendmail"))
    }

    static let msmtp = FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") && SMTPTestServer.isAvailable

    @Test(.enabled(if: msmtp, "msmtp or aiosmtpd is not installed (apt-get install msmtp python3-aiosmtpd)"))
    func msmtpHandsMessagesToARelay() throws {
        let server = try SMTPTestServer(["--reject", "niemand@example.org"])
        var configuration = SendmailTransport.Configuration()
        configuration.executable = "/usr/bin/msmtp"
        configuration.arguments = ["--host=127.0.0.1", "--port=\(server.port)", "--auth=off", "--tls=off", "-i"]
        let transport = SendmailTransport(configuration: configuration)
        let good = try MailTransportFixtures.message(number: 1, text: ".\nPunkt\n")
        let bad = try MailTransportFixtures.message(number: 2, to: "niemand@example.org")
        let results = transport.deliver([good, bad])
        #expect(results[0] == .delivered)
        #expect(MailTransportFixtures.isPermanent(results[1], containing: "exited with 65"))
        let received = try server.received()
        #expect(received.map(\.content) == [good.content])
        #expect(received.first?.recipients == ["max.mueller@example.org"])
        configuration.arguments = ["--host=127.0.0.1", "--port=1", "--auth=off", "--tls=off", "-i"]
        let refused = SendmailTransport(configuration: configuration).deliver([good])
        #expect(MailTransportFixtures.isTemporary(refused[0], containing: "exited with 75"))
    }
}
