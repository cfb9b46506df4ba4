import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Double opt-in end to end: a booking at an office with `confirmByEmailMinutes` waits for the
/// link of its e-mail, which only the e-mail carries; confirmed, it gets its confirmation; not
/// confirmed, it is released at its deadline and its time offered again.
@Suite(.enabled(if: SMTPTestServer.isAvailable, "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"))
struct DoubleOptInTests {
    /// The confirmation link of the request in `mail`.
    static func link(_ mail: ParsedMail) throws -> String {
        let line = mail.text.split(separator: "\n").first { $0.contains("/bestaetigen?") }
        return try #require(line.map(String.init)).replacingOccurrences(of: "http://127.0.0.1:8080", with: "")
    }

    @Test func theLinkInTheMailConfirmsAndTheConfirmationFollows() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(town: MailFixtures.confirmingTown(), mail: MailFixtures.smtp(port: relay.port))
        let booked = api.bookForMail(try #require(api.freeStart(persons: 2)))
        #expect(booked.status == 201)
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        #expect(booked.json["confirmBy"] as? String == "2026-12-07T08:00:00+01:00")
        #expect(!booked.text.contains("code"), "the answer does not carry the confirmation's code")
        // The booking's own token does not confirm it: only the mail's code does.
        let byToken = api.send(.post, "/v1/bookings/\(id)/confirm", json: #"{"code":"\#(token)"}"#)
        #expect(byToken.status == 403)
        #expect(try api.sender.deliverDue().sent == 1)
        let request = try #require(try relay.parsed().first)
        #expect(request.value("Subject")?.hasPrefix("Bitte bestätigen Sie Ihren Termin") == true)
        #expect(request.text.contains("bis Montag, 7. Dezember 2026, 08:00 Uhr"))
        #expect(request.parts("text/calendar").isEmpty, "no invitation before it is confirmed")
        // A mail scanner that follows the link confirms nothing; the page's button does.
        let browser = FormBrowser(api)
        let link = try Self.link(request)
        let page = browser.get(link)
        #expect(page.status == 200)
        #expect(page.text.contains("Termin bestätigen"))
        #expect(try api.outbox().filter { $0.intent.kind == .confirmation }.isEmpty)
        let code = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "code" }?.value)
        let confirmed = browser.post(
            "/termin/\(id)/bestaetigen", [("token", token), ("code", code)], from: page)
        #expect(confirmed.status == 303)
        #expect(confirmed.header("Location")?.hasSuffix("&status=confirmed") == true)
        #expect(try api.sender.deliverDue().sent == 1)
        let confirmation = try #require(try relay.parsed().last)
        #expect(confirmation.value("Subject")?.hasPrefix("Terminbestätigung") == true)
        #expect(confirmation.calendar?.method == "REQUEST")
        #expect(confirmation.calendar?.events.first?.sequence == 1)
        let shown = api.send(.get, "/v1/bookings/\(id)?token=\(token)")
        #expect(shown.json["confirmBy"] == nil)
    }

    @Test func anUnconfirmedBookingIsReleasedAtItsDeadlineAndItsTimeOfferedAgain() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(town: MailFixtures.confirmingTown(), mail: MailFixtures.smtp(port: relay.port))
        let start = try #require(api.freeStart(persons: 2))
        let writer = try #require(api.database.writers["rathaus"])
        let tuesday = Fixtures.date("2026-12-08")
        let taken: () -> Int = { writer.capacity.day(tuesday).counters.reduce(0) { $0 + $1.taken.population } }
        let before = taken()
        let booked = api.bookForMail(start)
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        let during = taken()
        #expect(during == before + 8, "its 40 minutes stay taken while it waits")
        _ = try api.sender.deliverDue()
        let link = try Self.link(try #require(try relay.parsed().first))
        api.clock.advance(minutes: 30)
        guard case .success(.swept(_, let released)) = writer.perform(.sweep) else {
            Issue.record("no sweep")
            return
        }
        #expect(released.map(\.id.rawValue) == [id])
        #expect(taken() == before, "its time is free again")
        #expect(api.freeStart(persons: 2) == start)
        #expect(try api.sender.deliverDue().sent == 1)
        let notice = try #require(try relay.parsed().last)
        #expect(notice.value("Subject")?.contains("wurde nicht bestätigt und ist freigegeben") == true)
        #expect(notice.text.contains("Neuen Termin buchen:"))
        // The link now says so instead of confirming.
        let browser = FormBrowser(api)
        let page = browser.get(link)
        #expect(page.text.contains("Dieser Termin wurde freigegeben"))
        let code = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "code" }?.value)
        let late = api.send(.post, "/v1/bookings/\(id)/confirm", json: #"{"code":"\#(code)"}"#)
        #expect(late.status == 410)
        #expect(late.problemKind == "confirmation-expired")
        #expect(api.send(.get, "/v1/bookings/\(id)?token=\(token)").json["released"] as? Bool == true)
    }

    @Test func anOnlineBookingWithoutAnAddressIsRefusedWhereConfirmationIsAsked() throws {
        let api = try APIHarness(town: MailFixtures.confirmingTown())
        let answer = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"\#(try #require(api.freeStart()))","contact":{"name":"Max","phone":"0431 123456"}}"#
        )
        #expect(answer.status == 400)
        #expect(answer.text.contains("contact.email"))
        #expect(try api.count("booking") == 0)
    }
}

/// What staff see of mail without a relay: previews of each kind and the demo's folder.
@Suite struct MailStaffTests {
    @Test(arguments: MessageKind.allCases)
    func everyKindPreviewsInBothLanguagesAsAValidMessage(kind: MessageKind) throws {
        let api = try APIHarness()
        let staff = try api.staffToken(.hotline)
        #expect(api.send(.get, "/v1/messages/preview/\(kind.rawValue)").status == 401)
        for language in ["de", "en"] {
            let answer = api.send(
                .get, "/v1/messages/preview/\(kind.rawValue)?language=\(language)", headers: [api.bearer(staff)])
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/plain; charset=utf-8")
            guard PythonEmail.isAvailable else { continue }
            let parsed = try PythonEmail.parse(answer.body)
            #expect(parsed.defects.isEmpty)
            #expect(parsed.addresses("To").map(\.1) == ["erika.mustermann@example.org"])
            #expect(parsed.text.contains(language == "de" ? "Guten Tag Erika Mustermann," : "Dear Erika Mustermann,"))
            // The readable form for people reads what Python's email package reads.
            let readable = ReadableMessage.text(answer.body)
            #expect(readable.contains("Subject: " + (parsed.value("Subject") ?? "?") + "\n"))
            #expect(readable.contains("To: Erika Mustermann <erika.mustermann@example.org>\n"))
            #expect(readable.contains(parsed.text))
        }
        #expect(
            api.send(.get, "/v1/messages/preview/postcard", headers: [api.bearer(staff)]).status == 404)
    }

    @Test func theDemoFolderHoldsEachMessageAsAFileStaffCanList() throws {
        let api = try APIHarness()
        _ = api.bookForMail(try #require(api.freeStart(persons: 2)))
        #expect(try api.sender.deliverDue().sent == 1)
        let folder = try #require(api.api.mail.maildir)
        #expect(folder == api.directory.file("api-mail"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/new")
        #expect(files.count == 1)
        let staff = try api.staffToken(.hotline)
        let list = api.send(.get, "/v1/messages", headers: [api.bearer(staff)])
        #expect(list.status == 200)
        let messages = try #require(list.json["messages"] as? [[String: Any]])
        let sent = try #require(messages.first { $0["status"] as? String == "sent" })
        #expect(sent["file"] as? String == files.first)
        let name = try #require(files.first)
        let file = api.send(.get, "/v1/mail/folder/\(name)?format=raw", headers: [api.bearer(staff)])
        #expect(file.status == 200)
        #expect(file.text.contains("Subject: =?UTF-8?Q?Terminbest=C3=A4tigung?="))
        let readable = api.send(.get, "/v1/mail/folder/\(name)", headers: [api.bearer(staff)])
        #expect(readable.text.contains("Subject: Terminbestätigung "))
        #expect(readable.text.contains("Guten Tag Anna Müller,\n"))
        #expect(readable.text.contains("--- attachment Termin.ics, application/ics; name=\"Termin.ics\", "))
        #expect(api.send(.get, "/v1/mail/folder/..%2Fapi.sqlite", headers: [api.bearer(staff)]).status == 404)
        #expect(api.send(.get, "/staff/mail", headers: [api.bearer(staff)]).status == 200)
        #expect(api.send(.get, "/staff/mail").status != 200, "the mail page is for signed-in staff")
    }
}
