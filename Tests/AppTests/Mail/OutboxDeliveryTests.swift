import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The outbox end to end against a real relay: bookings made through the API, the sender
/// delivering to aiosmtpd (`Scripts/smtp-test-server`), and what arrives read by Python's `email`
/// package and its calendar parts by `icalendar`, as a citizen's mail and calendar programs
/// would read them.
@Suite(
    .enabled(if: SMTPTestServer.isAvailable, "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"),
    .enabled(if: PythonEmail.readsCalendars, "no python3 with icalendar (apt-get install python3-icalendar)"))
struct OutboxDeliveryTests {
    @Test func theConfirmationHoldsWhatACitizenNeedsAndItsInvitationTheDownloadsEvent() throws {
        let relay = try SMTPTestServer(["--pipelining"])
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let start = try #require(api.freeStart(persons: 2))
        try #require(start == "2026-12-08T08:00:00+01:00", "the first time of the demo's Tuesday")
        let booked = api.bookForMail(start)
        #expect(booked.status == 201)
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        let reference = try #require(booked.json["reference"] as? String)
        #expect(try api.sender.deliverDue().sent == 1)
        let mail = try #require(try relay.parsed().first)
        #expect(mail.defects.isEmpty)
        #expect(mail.value("Subject") == "Terminbestätigung \(reference): Di., 8. Dez. 2026, 08:00 Uhr")
        #expect(mail.addresses("From").map(\.1) == ["termine@musterstadt.example"])
        #expect(mail.addresses("To").map { [$0.0, $0.1] } == [["Anna Müller", "anna.mueller@example.org"]])
        #expect(mail.value("Auto-Submitted") == "auto-generated")
        let entry = try #require(try api.outbox().first)
        #expect(
            mail.value("Message-ID") == "<rathaus.\(entry.id).\(entry.createdAt.secondsSinceEpoch)@musterstadt.example>"
        )
        // What the citizen reads.
        let text = mail.text
        for expected in [
            "Guten Tag Anna Müller,", "Buchungsnummer: \(reference)",
            "Wann: Dienstag, 8. Dezember 2026, 08:00–08:40 Uhr",
            "Wo: Bürgerbüro im Rathaus, Marktplatz 1, 24100 Musterstadt",
            "Anliegen: Personalausweis beantragen (2 Personen)", "Bitte mitbringen:",
            "- Bisheriger Personalausweis oder Reisepass (auch wenn er abgelaufen ist)",
            "- Zustimmung beider Sorgeberechtigten und deren Ausweise – nur bei Personen unter 16 Jahren",
            "Gebühr: 74,00 € für 2 Personen.",
            "http://127.0.0.1:8080/termin/\(id)?token=\(token)",
            "http://127.0.0.1:8080/termin/\(id)/verschieben?token=\(token)",
            "http://127.0.0.1:8080/termin/\(id)/absagen?token=\(token)",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        // The manage link opens the booking's page.
        let page = api.send(.get, "/termin/\(id)?token=\(token)")
        #expect(page.status == 200)
        #expect(page.text.contains(reference))
        // The invitation: REQUEST, the download's UID and SEQUENCE, organizer and attendee.
        #expect(mail.structure == "multipart/mixed(multipart/alternative(text/plain,text/calendar),application/ics)")
        #expect(mail.parts("text/calendar").first?.parameters["method"] == "REQUEST")
        let calendar = try #require(mail.calendar)
        #expect(calendar.method == "REQUEST")
        let event = try #require(calendar.events.first)
        let download = api.send(.get, "/v1/bookings/\(id)/calendar.ics?token=\(token)")
        #expect(download.text.contains("UID:\(event.uid)\r\n"))
        #expect(event.uid == "\(id)@rathaus")
        #expect(event.sequence == 0)
        #expect(event.start == "2026-12-08T08:00:00+01:00")
        #expect(event.organizer?.address == "mailto:termine@musterstadt.example")
        #expect(event.attendees.map(\.address) == ["mailto:anna.mueller@example.org"])
        #expect(event.attendees.first?.parameters["RSVP"] == "FALSE")
        #expect(mail.parts("application/ics").first?.fileName == "Termin.ics")
    }

    @Test func aBookingOnTheEnglishPagesGetsItsMailInEnglish() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        let browser = FormBrowser(api)
        let times = browser.get("/en/zeiten?service=personalausweis&persons=1&office=rathaus")
        let start = try #require(FormBrowser.starts(times.text).first)
        let fields = [("service", "personalausweis"), ("persons", "1"), ("office", "rathaus")]
        let held = browser.post("/en/reservierung", fields + [("start", start)], from: times)
        let address = try #require(held.header("Location"))
        let contact = browser.get(address)
        let booked = browser.post(
            address + "/buchen", fields + [("name", "Ann Smith"), ("email", "ann@example.org")], from: contact)
        #expect(booked.status == 303)
        #expect(try api.sender.deliverDue().sent == 1)
        let mail = try #require(try relay.parsed().first)
        #expect(mail.value("Subject")?.hasPrefix("Appointment confirmed ") == true)
        #expect(mail.text.contains("Dear Ann Smith,"))
        #expect(mail.text.contains("Please bring:"))
        #expect(mail.text.contains("http://127.0.0.1:8080/en/termin/"))
        #expect(mail.calendar?.events.first?.summary.hasPrefix("Appointment: ") == true)
    }

    @Test func aMoveAndACancellationSendNoticesThatMoveAndRemoveTheEvent() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let booked = api.bookForMail(try #require(api.freeStart(persons: 2)))
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        _ = try api.sender.deliverDue()
        let moved = api.send(
            .post, "/v1/bookings/\(id)/reschedule?token=\(token)", json: #"{"start":"2026-12-09T10:00:00+01:00"}"#)
        #expect(moved.status == 200)
        #expect(try api.sender.deliverDue().sent == 1)
        let staff = try api.staffToken(.hotline)
        #expect(api.send(.delete, "/v1/bookings/\(id)", headers: [api.bearer(staff)]).status == 200)
        #expect(try api.sender.deliverDue().sent == 1)
        let mails = try relay.parsed()
        #expect(mails.count == 3)
        let notice = mails[1]
        #expect(notice.value("Subject")?.contains("ist verschoben: jetzt Mi., 9. Dez. 2026, 10:00 Uhr") == true)
        #expect(notice.text.contains("Sie haben Ihren Termin verschoben."))
        #expect(notice.text.contains("Bisher: Dienstag, 8. Dezember 2026, 08:00 Uhr"))
        #expect(notice.text.contains("Wann: Mittwoch, 9. Dezember 2026, 10:00–10:40 Uhr"))
        #expect(notice.calendar?.method == "REQUEST")
        #expect(notice.calendar?.events.first?.uid == "\(id)@rathaus")
        #expect(notice.calendar?.events.first?.sequence == 1)
        #expect(notice.calendar?.events.first?.start == "2026-12-09T10:00:00+01:00")
        let cancelled = mails[2]
        #expect(cancelled.text.contains("Ihr Termin wurde abgesagt."))
        #expect(cancelled.text.contains("http://127.0.0.1:8080/"))
        #expect(!cancelled.text.contains("token="), "a cancelled booking's mail carries no manage link")
        #expect(cancelled.parts("text/calendar").first?.parameters["method"] == "CANCEL")
        #expect(cancelled.calendar?.method == "CANCEL")
        #expect(cancelled.calendar?.events.first?.uid == "\(id)@rathaus")
        #expect(cancelled.calendar?.events.first?.sequence == 2)
        #expect(cancelled.calendar?.events.first?.status == "CANCELLED")
        // The stale reminder of the first time was dropped; the one of the second, too.
        let reminders = try api.outbox().filter { $0.intent.kind == .reminder }
        #expect(reminders.map(\.status) == [.dropped, .dropped])
    }

    @Test func theReminderGoesOutADayBeforeAndNotOnceTheBookingChanged() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let first = api.bookForMail("2026-12-09T10:00:00+01:00")
        let second = api.bookForMail("2026-12-09T11:00:00+01:00", email: "max@example.org")
        #expect(first.status == 201 && second.status == 201)
        let secondID = try #require(second.json["id"] as? String)
        let token = try #require(second.json["token"] as? String)
        #expect(try api.sender.deliverDue().sent == 2)
        api.clock.set(Fixtures.instant("2026-12-08T09:59"))
        #expect(try api.sender.deliverDue() == OutboxSender.Round(), "not before 24 hours before")
        #expect(
            api.send(
                .post, "/v1/bookings/\(secondID)/reschedule?token=\(token)",
                json: #"{"start":"2026-12-09T11:40:00+01:00"}"#
            ).status == 200)
        api.clock.set(Fixtures.instant("2026-12-08T11:00"))
        let round = try api.sender.deliverDue()
        #expect(round.sent == 2, "the first reminder and the move's notice; the new reminder is due at 11:40")
        let subjects = try relay.parsed().compactMap { $0.value("Subject") }
        #expect(
            subjects.filter { $0.hasPrefix("Erinnerung an Ihren Termin am Mi., 9. Dez. 2026, 10:00 Uhr") }.count == 1)
        #expect(subjects.filter { $0.hasPrefix("Erinnerung") }.count == 1)
        api.clock.set(Fixtures.instant("2026-12-09T11:45"))
        #expect(try api.sender.deliverDue().dropped == 1, "the appointment has begun")
    }

    @Test func aChangeOfTheOfficesConfigurationTellsEachCitizenItMovedOrCancelledAndWhy() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let moved = api.bookForMail("2026-12-09T10:00:00+01:00", email: "moved@example.org")
        let cancelled = api.bookForMail("2026-12-09T11:00:00+01:00", email: "cancelled@example.org", language: "en")
        let movedID = BookingID(try #require(moved.json["id"] as? String))
        let cancelledID = BookingID(try #require(cancelled.json["id"] as? String))
        _ = try api.sender.deliverDue()
        let town = api.api.municipality
        var office = try #require(town.office("rathaus"))
        office.closures.append(Closure(date: Fixtures.date("2026-12-09"), reason: "Betriebsausflug"))
        let writer = try #require(api.database.writers["rathaus"])
        let change = Reconfiguration(
            office: office, services: town.services, groups: town.groups,
            decisions: [movedID: .move, cancelledID: .cancel])
        guard case .success(.reconfigured(let result)) = writer.perform(.reconfigure(change)) else {
            Issue.record("not reconfigured")
            return
        }
        #expect(result.moved.map(\.from.id) == [movedID])
        #expect(result.cancelled.map(\.id) == [cancelledID])
        #expect(try api.sender.deliverDue().sent == 2)
        let mails = try relay.parsed().suffix(2)
        let notice = try #require(mails.first { $0.addresses("To").map(\.1) == ["moved@example.org"] })
        #expect(
            notice.text.contains(
                "wir mussten Ihren Termin leider verschieben, weil der Standort an diesem Tag geschlossen ist (Betriebsausflug)."
            ))
        #expect(notice.text.contains("Bisher: Mittwoch, 9. Dezember 2026, 10:00 Uhr"))
        let english = try #require(mails.first { $0.addresses("To").map(\.1) == ["cancelled@example.org"] })
        #expect(
            english.text.contains(
                "We had to cancel your appointment because the office is closed that day (Betriebsausflug)."))
        #expect(english.text.contains("Book a new appointment:\nhttp://127.0.0.1:8080/en/"))
        #expect(english.calendar?.method == "CANCEL")
    }

    @Test func aBookingWithOnlyAPhoneNumberGetsNoMail() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let answer = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"\#(try #require(api.freeStart()))","contact":{"name":"Max","phone":"0431 123456"}}"#
        )
        #expect(answer.status == 201)
        #expect(try api.outbox().isEmpty)
        let id = try #require(answer.json["id"] as? String)
        let staff = try api.staffToken(.hotline)
        let resend = api.send(.post, "/v1/bookings/\(id)/messages", headers: [api.bearer(staff)])
        #expect(resend.status == 409)
        #expect(resend.problemKind == "nothing-to-send")
    }

    @Test func staffSeeTheMailStateAndSendTheConfirmationAgain() throws {
        let relay = try SMTPTestServer()
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        let booked = api.bookForMail(try #require(api.freeStart(persons: 2)))
        let id = try #require(booked.json["id"] as? String)
        _ = try api.sender.deliverDue()
        let staff = try api.staffToken(.hotline)
        #expect(api.send(.get, "/v1/bookings/\(id)/messages").status == 401)
        let state = api.send(.get, "/v1/bookings/\(id)/messages", headers: [api.bearer(staff)])
        let messages = try #require(state.json["messages"] as? [[String: Any]])
        #expect(messages.map { $0["kind"] as? String } == ["confirmation", "reminder"])
        #expect(messages.map { $0["status"] as? String } == ["sent", "waiting"])
        #expect(!state.text.contains("anna.mueller"), "no address in the state")
        let again = api.send(.post, "/v1/bookings/\(id)/messages", headers: [api.bearer(staff)])
        #expect(again.status == 202)
        #expect(again.json["queued"] as? String == "confirmation")
        #expect(try api.sender.deliverDue().sent == 1)
        let mails = try relay.parsed()
        #expect(mails.count == 2)
        #expect(mails[0].value("Subject") == mails[1].value("Subject"))
        #expect(mails[0].value("Message-ID") != mails[1].value("Message-ID"))
    }

    @Test func theMetricsCountMessagesByKind() throws {
        let relay = try SMTPTestServer(["--reject", "max@example.org"])
        let api = try APIHarness(mail: MailFixtures.smtp(port: relay.port))
        _ = api.bookForMail("2026-12-09T10:00:00+01:00")
        _ = api.bookForMail("2026-12-09T11:00:00+01:00", email: "max@example.org")
        _ = try api.sender.deliverDue()
        let metrics = api.send(.get, "/metrics").text
        for line in [
            #"rathaus_messages_queued_total{kind="confirmation"} 2"#,
            #"rathaus_messages_queued_total{kind="reminder"} 2"#,
            #"rathaus_messages_sent_total{kind="confirmation"} 1"#,
            #"rathaus_messages_failed_total{kind="confirmation"} 1"#,
        ] {
            #expect(metrics.contains(line + "\n"), "\(line)")
        }
    }
}
