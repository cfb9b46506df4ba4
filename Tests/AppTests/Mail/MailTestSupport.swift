import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Small factories for the outbox's tests against a real relay (aiosmtpd).
enum MailFixtures {
    /// Mail to the SMTP server at 127.0.0.1:`port`, with `timeout` seconds for every wait.
    static func smtp(port: Int, timeout: Int = 20) -> MailSettings {
        var configuration = SMTPTransport.Configuration()
        configuration.port = port
        configuration.clientName = "rathaus.test"
        let wait = Duration.seconds(timeout)
        configuration.timeouts.connect = wait
        configuration.timeouts.greeting = wait
        configuration.timeouts.mail = wait
        configuration.timeouts.recipient = wait
        configuration.timeouts.dataInitiation = wait
        configuration.timeouts.dataBlock = wait
        configuration.timeouts.dataTermination = wait
        configuration.timeouts.quit = wait
        var settings = MailSettings()
        settings.from = "termine@musterstadt.example"
        settings.fromName = "Bürgerbüro Musterstadt"
        settings.transport = .smtp(configuration)
        return settings
    }

    /// The demo town with `confirmByEmailMinutes` at the Bürgerbüro im Rathaus.
    static func confirmingTown(minutes: Int = 30) throws -> Municipality {
        var town = try #require(APIHarness.demo)
        let index = try #require(town.offices.firstIndex { $0.id == "rathaus" })
        town.offices[index].booking.confirmByEmailMinutes = minutes
        return town
    }

    /// A free port of 127.0.0.1 nobody listens on (a relay that is down).
    static func closedPort() throws -> Int {
        let server = try SMTPTestServer()
        let port = server.port
        server.stop()
        return port
    }
}

extension APIHarness {
    /// Books `start` at the Bürgerbüro im Rathaus through the API; returns the answer's JSON.
    func bookForMail(
        _ start: String, name: String = "Anna Müller", email: String = "anna.mueller@example.org", persons: Int = 2,
        language: String = "de"
    ) -> Answer {
        send(
            .post, "/v1/bookings",
            json: #"""
                {"office":"rathaus","services":["personalausweis"],"persons":\#(persons),"start":"\#(start)",
                "contact":{"name":"\#(name)","email":"\#(email)","language":"\#(language)"}}
                """#)
    }

    /// The sender of the app.
    var sender: OutboxSender {
        get throws { try #require(api.mail.sender) }
    }

    /// Every outbox entry, oldest first.
    func outbox() throws -> [OutboxMessage] {
        try database.reader.sync { try $0.recentMessages(limit: 1000) }.reversed()
    }
}

extension SMTPTestServer {
    /// What arrived, read by Python's `email` package (and its calendar parts by icalendar).
    func parsed() throws -> [ParsedMail] {
        let messages = try received()
        return messages.isEmpty ? [] : try PythonEmail.parse(messages.map(\.content))
    }
}

extension ParsedMail {
    /// The plain text a citizen reads.
    var text: String {
        (parts("text/plain").first?.text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The calendar part of an invitation or a cancellation.
    var calendar: ParsedMail.Calendar? { parts("text/calendar").first?.calendar }
}
