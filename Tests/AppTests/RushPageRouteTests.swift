import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The waiting room and the draw on the citizen pages, driven as a browser without JavaScript
/// drives them (forms, redirects, cookies), over the demo town: the vaccination (`impfung`, a
/// waiting room before Monday's 07:00 release at the Stadtteilbüro Nord) and the drawn
/// `impfaktion`.
@Suite struct WaitingRoomPageTests {
    static let times = "/zeiten?service=impfung&persons=1&office=nord"
    static let room = "/warteraum/impfung?service=impfung&persons=1&office=nord"

    /// Joins the room from its page; returns the room page after the redirect.
    func join(_ browser: FormBrowser) throws -> APIHarness.Answer {
        let page = browser.get(Self.room)
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"room-join\""))
        let joined = browser.post(
            "/warteraum/impfung", [("service", "impfung"), ("persons", "1"), ("office", "nord")], from: page)
        #expect(joined.status == 303)
        let location = try #require(joined.header("Location"))
        #expect(location == Self.room)
        let cookies = joined.headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1)
        #expect(cookies.contains { $0.hasPrefix("rathaus_room=") && $0.contains("Path=/warteraum/impfung;") })
        #expect(cookies.contains { $0.hasPrefix("rathaus_room=") && $0.contains("Path=/en/warteraum/impfung;") })
        #expect(
            cookies.allSatisfy {
                !$0.hasPrefix("rathaus_room=") || ($0.contains("HttpOnly") && $0.contains("SameSite=Strict"))
            })
        return browser.get(location)
    }

    @Test func beforeTheReleaseTheTimesPageSaysWhenAndLinksToTheRoom() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:20"))
        let early = FormBrowser(api).get(Self.times)
        #expect(early.status == 200)
        #expect(
            early.text.contains(
                "Termine bis Sonntag, 20. Dezember 2026, werden am Montag, 7. Dezember 2026, um 07:00 Uhr freigegeben.")
        )
        #expect(early.text.contains("Vor der Freigabe öffnet am Montag, 7. Dezember 2026, um 06:30 Uhr ein Warteraum."))
        api.clock.set(Fixtures.instant("2026-12-07T06:50"))
        let open = FormBrowser(api).get(Self.times)
        #expect(open.text.contains("Der Warteraum ist schon geöffnet. Wer bis 07:00 Uhr eintritt,"))
        #expect(open.text.contains("href=\"/warteraum/impfung?service=impfung&amp;persons=1&amp;office=nord\""))
        let english = FormBrowser(api).get("/en" + Self.times)
        #expect(english.text.contains("href=\"/en/warteraum/impfung?"))
        #expect(english.text.contains("will be released on Monday, 7 December 2026, at 07:00."))
    }

    @Test func aCitizenWaitsIsAdmittedAndBooksThroughTheSteps() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:50"))
        let browser = FormBrowser(api)
        let waiting = try join(browser)
        #expect(waiting.text.contains("data-state=\"waiting\""))
        #expect(waiting.text.contains("Um 07:00 Uhr wird Ihr Platz ausgelost."))
        #expect(waiting.text.contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>"))
        #expect(!browser.addresses.contains { $0.contains("rathaus_room") || $0.contains("entry") })

        // Without an admission the time cannot be held: the page says so and leads to the room.
        api.clock.set(Fixtures.instant("2026-12-07T07:00").adding(seconds: 20))
        let stranger = FormBrowser(api)
        let times = stranger.get(Self.times)
        #expect(times.text.contains("Die Termine werden gerade über einen Warteraum vergeben."))
        let start = try #require(FormBrowser.starts(times.text).first)
        let refused = stranger.post(
            "/reservierung", [("service", "impfung"), ("persons", "1"), ("office", "nord"), ("start", start)],
            from: times)
        #expect(refused.status == 403)
        #expect(refused.text.contains("Bitte stellen Sie sich im Warteraum an"))
        #expect(
            refused.text.contains(
                "href=\"/warteraum/impfung?service=impfung&amp;persons=1&amp;office=nord\">In den Warteraum</a>"))

        // At the release the room admits the first sixty: the page says so and sets the admission.
        let admitted = browser.get(Self.room)
        #expect(admitted.text.contains("data-state=\"admitted\""))
        #expect(admitted.text.contains("Wählen Sie jetzt bis 07:15 Uhr eine Uhrzeit."))
        #expect(!admitted.text.contains("http-equiv=\"refresh\""), "nothing to wait for")
        let admission = try #require(admitted.headers.first { $0.1.hasPrefix("rathaus_admission=") }?.1)
        #expect(admission.contains("Path=/;") && admission.contains("HttpOnly") && admission.contains("Max-Age=88"))
        let offered = browser.get(Self.times)
        #expect(offered.text.contains("Sie sind aus dem Warteraum eingelassen: Wählen Sie bis 07:15 Uhr eine Uhrzeit."))
        let held = browser.post(
            "/reservierung", [("service", "impfung"), ("persons", "1"), ("office", "nord"), ("start", start)],
            from: offered)
        #expect(held.status == 303)
        let hold = try #require(held.header("Location"))
        let contact = browser.get(hold)
        let review = browser.post(
            hold + "/pruefen", [("name", "Erika Mustermann"), ("email", "erika@example.org")], from: contact)
        #expect(review.status == 200)
        let booked = browser.post(
            hold + "/buchen", [("name", "Erika Mustermann"), ("email", "erika@example.org")], from: review)
        #expect(booked.status == 303)
        #expect(booked.header("Location")?.contains("/termin/nord.") == true)
        let list = api.send(
            .get, "/v1/offices/nord/bookings?date=2026-12-14", headers: [api.bearer(try api.staffToken(.hotline))])
        #expect((list.json["bookings"] as? [Any])?.count == 1)
        #expect(
            browser.addresses.allSatisfy {
                !$0.contains("Erika") && !$0.contains("example.org") && !$0.contains("impfung.")
            })
    }

    @Test func anAdmissionThatRanOutSaysSoAndTheCitizenCanQueueAgain() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:55"))
        let browser = FormBrowser(api)
        _ = try join(browser)
        api.clock.set(Fixtures.instant("2026-12-07T07:01"))
        #expect(browser.get(Self.room).text.contains("data-state=\"admitted\""))
        api.clock.set(Fixtures.instant("2026-12-07T07:16"))
        // The browser still sends the admission it was given (a cookie kept past its Max-Age).
        let times = browser.get(Self.times)
        let start = try #require(FormBrowser.starts(times.text).first)
        let late = browser.post(
            "/reservierung", [("service", "impfung"), ("persons", "1"), ("office", "nord"), ("start", start)],
            from: times)
        #expect(late.status == 403)
        #expect(late.text.contains("Ihr Einlass ist abgelaufen"))
        let expired = browser.get(Self.room)
        #expect(expired.text.contains("data-state=\"expired\""))
        #expect(expired.text.contains("Erneut anstellen"))
        let again = browser.post(
            "/warteraum/impfung", [("service", "impfung"), ("persons", "1"), ("office", "nord")], from: expired)
        #expect(again.status == 303)
        #expect(browser.get(Self.room).text.contains("data-state=\"admitted\""), "the queue has moved past")
    }

    @Test func aLaterArrivalSeesItsPlaceAndWhenItIsAdmitted() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:40"))
        for _ in 0..<130 { _ = api.send(.post, "/v1/waiting-rooms/impfung") }
        api.clock.set(Fixtures.instant("2026-12-07T07:00").adding(seconds: 30))
        let queued = try join(FormBrowser(api))
        #expect(queued.text.contains("data-state=\"queued\""))
        #expect(queued.text.contains("<dd class=\"room-place\">131</dd>"))
        #expect(queued.text.contains("um 07:02 Uhr, in etwa 2 Minuten"))
        #expect(queued.text.contains("data-announce=\"Ihr Platz: 131. Sie sind voraussichtlich um 07:02 Uhr dran.\""))
        #expect(queued.text.contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>"))
    }

    @Test func beforeTheRoomOpensItsPageSaysWhenAndEnteringIsRefused() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:00"))
        let browser = FormBrowser(api)
        let page = browser.get(Self.room)
        #expect(page.text.contains("data-state=\"not-open\""))
        #expect(page.text.contains("Er öffnet am Montag, 7. Dezember 2026, um 06:30 Uhr."))
        #expect(!page.text.contains("id=\"room-join\""))
        // A form from an older page, sent too early.
        let early = browser.post(
            "/warteraum/impfung", [("service", "impfung"), ("persons", "1"), ("office", "nord")],
            from: browser.get(Self.times))
        #expect(early.status == 409)
        #expect(early.text.contains("Der Warteraum ist noch nicht geöffnet"))
        #expect(early.text.contains("data-state=\"not-open\""))
        #expect(early.headers.allSatisfy { !$0.1.hasPrefix("rathaus_room=") })
    }

    @Test func theRoomPageOfAServiceWithoutOneIsNotFound() throws {
        let api = try APIHarness()
        let page = FormBrowser(api).get("/warteraum/personalausweis")
        #expect(page.status == 404)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<h1>Diese Seite gibt es nicht</h1>"))
    }
}

@Suite struct DrawPageTests {
    static let form = "/verlosung/impfaktion"

    func register(_ browser: FormBrowser, name: String, email: String, priority: String) throws -> String {
        let page = browser.get(Self.form)
        let posted = browser.post(Self.form, [("priority", priority), ("name", name), ("email", email)], from: page)
        #expect(posted.status == 303)
        return try #require(posted.header("Location"))
    }

    @Test func theStartPageLinksTheDrawAndItsFormExplainsTheGroups() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let start = api.send(.get, "/")
        #expect(start.text.contains("href=\"/verlosung/impfaktion\">Zur Verlosung anmelden"))
        let form = api.send(.get, Self.form)
        #expect(form.status == 200)
        #expect(form.text.contains("Donnerstag, 10. Dezember 2026, um 12:00 Uhr"))
        #expect(form.text.contains("14. Dezember 2026 bis 20. Dezember 2026"))
        #expect(form.text.contains("Die Gruppen kommen in dieser Reihenfolge an die Reihe."))
        #expect(form.text.contains("80 Jahre und älter</span>"))
        #expect(form.text.contains("Gruppe 1 von 3"))
    }

    @Test func aRegistrationIsConfirmedWonAndWithdrawn() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let browser = FormBrowser(api)
        let missing = browser.post(Self.form, [("name", "Erika Mustermann")], from: browser.get(Self.form))
        #expect(missing.status == 422)
        #expect(missing.text.contains("Wählen Sie Ihre Gruppe aus."))
        #expect(missing.text.contains("value=\"Erika Mustermann\""), "what was typed comes back")

        let entry = try register(browser, name: "Erika Mustermann", email: "erika@example.org", priority: "60plus")
        #expect(entry.hasPrefix("/verlosung/impfaktion/anmeldung/nord.") && entry.hasSuffix("&status=registered"))
        let registered = browser.get(entry)
        #expect(registered.text.contains("id=\"draw-status\">angemeldet</strong>"))
        #expect(registered.text.contains("Sie sind angemeldet"))
        let twice = browser.post(
            Self.form, [("priority", "alle"), ("name", "Erika M."), ("email", "ERIKA@example.org")],
            from: browser.get(Self.form))
        #expect(twice.status == 409)
        #expect(twice.text.contains("Sie sind schon angemeldet"))
        let other = try register(FormBrowser(api), name: "Otto Normal", email: "otto@example.org", priority: "alle")

        api.clock.set(Fixtures.instant("2026-12-10T12:01"))
        api.api.rush.runDueDraws()
        let won = browser.get(entry.replacingOccurrences(of: "&status=registered", with: ""))
        #expect(won.text.contains("id=\"draw-status\">gewonnen</strong>"))
        #expect(won.text.contains("Montag, 14. Dezember 2026, 08:30–08:40 Uhr"))
        #expect(won.text.contains(#/<p class="reference" id="reference">[A-Z0-9]{3}-[A-Z0-9]{3}</p>/#))
        #expect(won.text.contains("So finden Sie uns"))
        #expect(browser.get(other).text.contains("gewonnen"))

        let question = browser.get(
            entry.replacingOccurrences(of: "&status=registered", with: "").replacingOccurrences(
                of: "?token=", with: "/abmelden?token="))
        #expect(question.text.contains("Ihr gewonnener Termin wird dann abgesagt"))
        let id = try #require(entry.firstMatch(of: #/anmeldung/([^?]+)\?/#)).output.1
        let token = try #require(entry.firstMatch(of: #/token=([^&]+)/#)).output.1
        let withdrawn = browser.post(
            "/verlosung/impfaktion/anmeldung/\(id)/abmelden", [("token", String(token))], from: question)
        #expect(withdrawn.status == 303)
        let after = browser.get(try #require(withdrawn.header("Location")))
        #expect(after.text.contains("id=\"draw-status\">abgemeldet</strong>"))
        #expect(browser.addresses.allSatisfy { !$0.contains("Erika") && !$0.contains("example.org") })
    }

    @Test func aWrongTokenShowsTheSamePageAsNoEntry() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let browser = FormBrowser(api)
        let entry = try register(browser, name: "Erika Mustermann", email: "erika@example.org", priority: "alle")
        let wrong = browser.get(entry.replacing(#/token=[^&]+/#, with: "token=wrong"))
        #expect(wrong.status == 404)
        #expect(wrong.text.contains("Diese Anmeldung finden wir nicht"))
        #expect(browser.get("/verlosung/impfaktion/anmeldung/nord.nothing?token=x").text == wrong.text)
    }

    @Test func afterTheDeadlineTheFormSaysRegistrationHasClosed() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-10T12:00"))
        let page = api.send(.get, "/en/verlosung/impfaktion")
        #expect(page.text.contains("Registration has closed"))
        #expect(!page.text.contains("id=\"draw-form\""))
    }
}
