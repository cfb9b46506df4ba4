import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Wishes end to end on the demo town, with the messages delivered to a real SMTP server
/// (aiosmtpd, `Scripts/smtp-test-server`) and read back by Python's `email` package: the demo's
/// Tuesday is fully booked, a citizen leaves a wish on the pages and confirms it by the link in
/// the mail, a second citizen leaves one too; someone cancels, the first is offered the time by
/// mail, declines it and it goes to the second, who books it from the mail's link; another
/// cancellation, and the first books that one.
@Suite(
    .enabled(
        if: SMTPTestServer.isAvailable && PythonEmail.isAvailable,
        "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"))
struct WishMailEndToEndTests {
    static let tuesday = "2026-12-08"
    static let base = "http://127.0.0.1:8080"

    /// Books every time of Personalausweis at the Rathaus on Tuesday the public can see, each for
    /// another citizen; returns their ids and tokens.
    static func fillTuesday(_ api: APIHarness) throws -> [(id: String, token: String, start: String)] {
        var booked: [(id: String, token: String, start: String)] = []
        while let start = api.freeStart(day: tuesday) {
            let answer = api.book(start, email: "kunde\(booked.count)@example.org")
            guard answer.status == 201 else {
                Issue.record("could not fill Tuesday: \(answer.text)")
                break
            }
            booked.append(
                (try #require(answer.json["id"] as? String), try #require(answer.json["token"] as? String), start))
        }
        return booked
    }

    /// The messages the server took since `count`, read by Python, with their recipients.
    static func mails(_ server: SMTPTestServer, after count: Int) throws -> [(to: [String], mail: ParsedMail)] {
        let received = try server.received()
        return try received.dropFirst(count).map { ($0.recipients, try PythonEmail.parse($0.content)) }
    }

    /// The first link of the site in a message's text, as a path with its query.
    static func link(_ mail: ParsedMail, _ prefix: String) throws -> String {
        let text = try #require(mail.parts.first?.text)
        let match = try #require(text.firstMatch(of: #/http://127\.0\.0\.1:8080(/[^\s]+)/#), "no link in \(text)")
        let path = String(match.output.1)
        #expect(path.hasPrefix(prefix), "\(path)")
        return path
    }

    /// The value of the hidden `token` field of a page's form.
    static func hiddenToken(_ html: String) throws -> String {
        String(try #require(html.firstMatch(of: #/name="token" value="([^"]+)"/#)).output.1)
    }

    @Test func aCitizenFindsNothingLeavesAWishAndBooksATimeSomeoneCancelledFromTheMail() throws {
        let server = try SMTPTestServer()
        let api = try APIHarness()
        let mailer = try WishMailer(
            database: api.database, configuration: api.api.configuration,
            transport: try MailTransportFixtures.smtp(port: server.port),
            settings: WishMailer.Settings(
                sender: "termine@musterstadt.example", senderName: "Bürgerbüro Musterstadt",
                messageIDDomain: "rathaus.musterstadt.example"),
            clock: api.clock.read, baseURL: { Self.base })
        let booked = try Self.fillTuesday(api)
        #expect(booked.count > 10)
        #expect(api.freeStart(day: Self.tuesday) == nil, "Tuesday is fully booked")

        // Anna finds nothing free that Tuesday and leaves a wish on the pages.
        let anna = FormBrowser(api)
        let times = anna.get("/zeiten?service=personalausweis&persons=1&office=rathaus&date=\(Self.tuesday)")
        #expect(times.text.contains("/terminwunsch?service=personalausweis&amp;persons=1&amp;office=rathaus"))
        let form = anna.get("/terminwunsch?service=personalausweis&persons=1&office=rathaus")
        #expect(form.status == 200)
        let left = anna.post(
            "/terminwunsch",
            [
                ("service", "personalausweis"), ("persons", "1"), ("office", "rathaus"), ("day", "2"),
                ("time", "morning"), ("time", "afternoon"), ("earliest", Self.tuesday), ("latest", Self.tuesday),
                ("name", "Anna Schmidt"), ("email", "anna@example.org"),
            ], from: form)
        #expect(left.status == 303 && left.header("Location") == "/terminwunsch/gesendet", "\(left.text)")
        #expect(mailer.deliverDue().sent == 1)
        let request = try #require(try Self.mails(server, after: 0).first)
        #expect(request.to == ["anna@example.org"])
        #expect(request.mail.value("Subject") == "Bitte bestätigen: Ihr Terminwunsch – Personalausweis beantragen")
        #expect(request.mail.addresses("From").map(\.1) == ["termine@musterstadt.example"])
        #expect(request.mail.defects.isEmpty)

        // She follows the link: one button confirms the wish.
        let confirmPage = anna.get(try Self.link(request.mail, "/terminwunsch/"))
        #expect(confirmPage.status == 200 && confirmPage.text.contains("Wunsch bestätigen"))
        let wishPath = try #require(confirmPage.text.firstMatch(of: #/action="(/terminwunsch/[^"]+)/bestaetigen"/#))
            .output.1
        let confirmed = anna.post(
            "\(wishPath)/bestaetigen", [("token", try Self.hiddenToken(confirmPage.text))], from: confirmPage)
        #expect(confirmed.status == 303)
        let status = anna.get(try #require(confirmed.header("Location")))
        #expect(status.text.contains("Danke, Ihr Wunsch ist bestätigt"))

        // Ben leaves one through the API a minute later, and confirms it.
        api.clock.advance(minutes: 1)
        let ben = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["personalausweis"],"offices":["rathaus"],"weekdays":["tue"],"earliest":"2026-12-08","latest":"2026-12-08","contact":{"name":"Ben Weber","email":"ben@example.org"},"language":"en"}"#
        )
        let benID = try #require(ben.json["id"] as? String)
        let benToken = try #require(ben.json["token"] as? String)
        #expect(api.send(.post, "/v1/wishes/\(benID)/confirm?token=\(benToken)").status == 200)
        #expect(mailer.deliverDue().dropped == 1, "his request to confirm was overtaken")

        // Someone cancels: Anna, who waited longer, is offered the time by mail; nobody else sees it.
        let first = booked[booked.count / 2]
        #expect(api.send(.delete, "/v1/bookings/\(first.id)", headers: [api.bearer(first.token)]).status == 200)
        api.api.wishes.runNow()
        #expect(api.freeStart(day: Self.tuesday) == nil, "the offered time is not public")
        #expect(mailer.deliverDue().sent == 1)
        let offer = try #require(try Self.mails(server, after: 1).first)
        #expect(offer.to == ["anna@example.org"])
        #expect(offer.mail.value("Subject")?.hasPrefix("Termin frei: Dienstag, 8. Dezember 2026, ") == true)
        let offerPage = anna.get(try Self.link(offer.mail, "/angebot/"))
        #expect(offerPage.text.contains("Diesen Termin buchen"))

        // She declines: the time goes to Ben, by mail, in English.
        let offerPath = try #require(offerPage.text.firstMatch(of: #/action="(/angebot/[^"]+)/buchen"/#)).output.1
        let declined = anna.post(
            "\(offerPath)/ablehnen", [("token", try Self.hiddenToken(offerPage.text))], from: offerPage)
        #expect(declined.status == 200 && declined.text.contains("Sie haben den Termin abgelehnt"))
        #expect(mailer.deliverDue().sent == 1)
        let passed = try #require(try Self.mails(server, after: 2).first)
        #expect(passed.to == ["ben@example.org"])
        #expect(passed.mail.value("Subject")?.hasPrefix("Appointment free: Tuesday, 8 December 2026, ") == true)
        let clock = String(first.start.dropFirst(11).prefix(5))
        #expect(passed.mail.parts.first?.text?.contains("Tuesday, 8 December 2026, \(clock)") == true)

        // Ben follows his link and books: the booking's page, the booking his.
        let benBrowser = FormBrowser(api)
        let benOffer = benBrowser.get(try Self.link(passed.mail, "/en/angebot/"))
        #expect(benOffer.text.contains("Book this appointment"))
        let benPath = try #require(benOffer.text.firstMatch(of: #/action="(/en/angebot/[^"]+)/buchen"/#)).output.1
        let benBooked = benBrowser.post(
            "\(benPath)/buchen", [("token", try Self.hiddenToken(benOffer.text))], from: benOffer)
        #expect(benBooked.status == 303)
        let bookingPage = benBrowser.get(try #require(benBooked.header("Location")))
        #expect(bookingPage.status == 200)
        #expect(try Self.bookedEmails(api).filter { $0 == "ben@example.org" }.count == 1)

        // Another cancellation at another time (she declined the first, and is not offered that
        // start again, on any counter): Anna gets it and books.
        let second = try #require(booked.last { $0.start != first.start })
        #expect(api.send(.delete, "/v1/bookings/\(second.id)", headers: [api.bearer(second.token)]).status == 200)
        api.api.wishes.runNow()
        #expect(mailer.deliverDue().sent == 1)
        let again = try #require(try Self.mails(server, after: 3).first)
        #expect(again.to == ["anna@example.org"])
        let againPage = anna.get(try Self.link(again.mail, "/angebot/"))
        let againPath = try #require(againPage.text.firstMatch(of: #/action="(/angebot/[^"]+)/buchen"/#)).output.1
        let annaBooked = anna.post(
            "\(againPath)/buchen", [("token", try Self.hiddenToken(againPage.text))], from: againPage)
        #expect(annaBooked.status == 303)
        #expect(anna.get(try #require(annaBooked.header("Location"))).text.contains("Ihr Termin"))
        #expect(try Self.bookedEmails(api).filter { $0 == "anna@example.org" }.count == 1)
        #expect(try server.received().count == 4)
    }

    /// The e-mail addresses of the active bookings on Tuesday.
    static func bookedEmails(_ api: APIHarness) throws -> [String] {
        try api.database.reader.sync { connection in
            try connection.bookings(office: "rathaus", day: LocalDate(iso: tuesday) ?? LocalDate(dayNumber: 0))
        }.filter(\.isActive).compactMap(\.contact.email)
    }
}

extension APIHarness {
    /// The first time of Personalausweis at the Rathaus on `day` the public can book.
    func freeStart(day: String) -> String? {
        let answer = send(
            .get, "/v1/offices/rathaus/availability?service=personalausweis&persons=1&from=\(day)&to=\(day)")
        return ((answer.json["days"] as? [[String: Any]])?.first?["slots"] as? [String])?.first
    }
}
