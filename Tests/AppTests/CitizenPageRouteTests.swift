import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// A browser without JavaScript: it keeps the cookies it is given (by name; paths are not
/// compared), sends forms as `application/x-www-form-urlencoded` with the fetch metadata a browser
/// adds, and follows nothing by itself, so every redirect can be looked at.
final class FormBrowser {
    let api: APIHarness
    private(set) var cookies: [String: String] = [:]
    /// The `Cookie` header it sends.
    var cookie: String? {
        cookies.isEmpty
            ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
    /// Every address the browser was sent to or asked for.
    private(set) var addresses: [String] = []

    init(_ api: APIHarness) {
        self.api = api
    }

    func get(_ target: String) -> APIHarness.Answer {
        addresses.append(target)
        return keep(api.send(.get, target, headers: cookie.map { [("Cookie", $0)] } ?? []))
    }

    /// Posts `fields` (with the form token of `page`, if given) as a same-origin browser would.
    func post(
        _ target: String, _ fields: [(String, String)], from page: APIHarness.Answer? = nil,
        headers extra: [(String, String)] = [("Sec-Fetch-Site", "same-origin")]
    ) -> APIHarness.Answer {
        var all = fields
        if let page, let token = Self.formToken(page.text) { all.insert(("csrf", token), at: 0) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = extra + [("Content-Type", "application/x-www-form-urlencoded"), ("Host", "127.0.0.1:8080")]
        if let cookie { headers.append(("Cookie", cookie)) }
        addresses.append(target)
        let answer = keep(api.send(.post, target, headers: headers, json: body))
        if let location = answer.header("Location") { addresses.append(location) }
        return answer
    }

    private func keep(_ answer: APIHarness.Answer) -> APIHarness.Answer {
        for (name, value) in answer.headers where name.lowercased() == "set-cookie" {
            guard let pair = value.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { cookies[parts[0]] = parts[1] }
        }
        return answer
    }

    /// Forgets a cookie (one that ran out).
    func forget(_ name: String) {
        cookies[name] = nil
    }

    static func formToken(_ html: String) -> String? {
        html.firstMatch(of: #/name="csrf" value="([^"]+)"/#).map { String($0.output.1) }
    }

    /// The values of `name="start"` buttons, in order.
    static func starts(_ html: String) -> [String] {
        html.matches(of: #/name="start" value="([^"]+)"/#).map { String($0.output.1) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

@Suite struct CitizenPageRouteTests {
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        return api
    }

    /// The fields that choose one Personalausweis for `persons` at the Rathaus.
    func choice(persons: Int = 1, start: String? = nil) -> [(String, String)] {
        var fields = [("service", "personalausweis"), ("persons", "\(persons)"), ("office", "rathaus")]
        if let start { fields.append(("start", start)) }
        return fields
    }

    /// Times page, then a hold of its first time; returns the hold page's address and the times page.
    func hold(_ browser: FormBrowser, persons: Int = 1) throws -> (address: String, times: APIHarness.Answer) {
        let times = browser.get("/zeiten?service=personalausweis&persons=\(persons)&office=rathaus")
        let start = try #require(FormBrowser.starts(times.text).first)
        let held = browser.post("/reservierung", choice(persons: persons, start: start), from: times)
        #expect(held.status == 303)
        let address = try #require(held.header("Location"))
        #expect(address.hasPrefix("/reservierung/rathaus."))
        return (address, times)
    }

    /// Takes `start` on every counter that could serve it, through the API.
    func takeEverywhere(_ api: APIHarness, start: String, persons: Int = 1) {
        for _ in 0..<10 {
            let answer = api.send(
                .post, "/v1/holds",
                json: #"{"office":"rathaus","services":["personalausweis"],"persons":\#(persons),"start":"\#(start)"}"#)
            if answer.status != 201 { break }
        }
    }

    @Test func theStartPageSetsTheFormCookieAndOffersWhatCitizensCanBook() throws {
        let api = try openOffice()
        let start = api.send(.get, "/")
        #expect(start.status == 200)
        #expect(start.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        let cookie = try #require(start.header("Set-Cookie"))
        #expect(cookie.hasPrefix("rathaus_form=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        #expect(!cookie.contains("Secure"), "plain HTTP on 127.0.0.1")
        #expect(
            api.send(.get, "/", headers: [("X-Forwarded-Proto", "https")]).header("Set-Cookie")?.contains("Secure")
                == true)
        #expect(start.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(start.header("Referrer-Policy") == "same-origin")
        #expect(start.header("Cache-Control") == "no-store")
        #expect(start.text.contains("value=\"personalausweis\""))
        #expect(!start.text.contains("value=\"fundsachen\""), "the Fundbüro is booked by phone only")
        #expect(start.text.contains("Termin nur telefonisch über die 115"))
        #expect(!start.text.contains("value=\"impfaktion\""), "drawn")
        let english = api.send(.get, "/en/")
        #expect(english.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(english.text.contains("What do you need an appointment for?"))
        #expect(api.send(.get, "/en").header("Location") == "/en/")
        let browser = FormBrowser(api)
        _ = browser.get("/")
        #expect(browser.get("/").header("Set-Cookie") == nil, "a browser with the cookie keeps it")
    }

    @Test func theDocumentsStepMergesTheChecklistAndOffersEachOfficeWithItsEarliestTime() throws {
        let api = try openOffice()
        let page = api.send(.get, "/unterlagen?service=personalausweis&service=reisepass&persons=2")
        #expect(page.status == 200)
        #expect(page.text.ranges(of: "Ein aktuelles biometrisches Lichtbild").count == 1)
        // Both have a lower rate for those under 24: the range, not the adult rate for everyone.
        #expect(page.text.contains("<strong>120,60 € bis 214,00 €</strong> für 2 Personen"))
        #expect(page.text.contains("Für 2 Personen, Dauer etwa 80 Minuten."))
        #expect(page.text.contains("Frühester Termin: Di., 8. Dez., 08:00 Uhr"))
        #expect(page.text.contains("id=\"office-rathaus\" name=\"office\" value=\"rathaus\" checked"))

        let none = api.send(.get, "/unterlagen?persons=1")
        #expect(none.status == 400)
        #expect(none.text.contains("<title>Fehler: "))
        #expect(
            none.text.contains(
                "<li><a href=\"#service-personalausweis\">Wählen Sie mindestens eine Dienstleistung aus."))
        let many = api.send(.get, "/unterlagen?service=personalausweis&persons=5")
        #expect(many.status == 400)
        #expect(many.text.contains("höchstens 4 Personen"))
        #expect(many.text.contains("aria-invalid=\"true\""))
        let phoneOnly = api.send(.get, "/unterlagen?service=fundsachen")
        #expect(phoneOnly.status == 400)
        #expect(phoneOnly.text.contains("über die 115"))
        let noOffice = api.send(.get, "/zeiten?service=personalausweis&persons=1")
        #expect(noOffice.status == 400)
        #expect(noOffice.text.contains("Wählen Sie einen Standort aus."))
    }

    @Test func aCitizenBooksMovesAndCancelsWithoutJavaScript() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        _ = browser.get("/")
        let (address, times) = try hold(browser, persons: 2)
        #expect(times.text.contains("Freie Zeiten am Dienstag, 8. Dezember 2026"))
        let contact = browser.get(address)
        #expect(contact.status == 200)
        #expect(contact.text.contains("Wir halten diese Zeit bis 09:40 Uhr für Sie frei."))
        #expect(contact.text.contains("data-remaining-seconds=\"600\""))

        let person = [("name", "Erika Mustermann"), ("email", "erika@example.org"), ("phone", "")]
        let review = browser.post(address + "/pruefen", choice(persons: 2) + person, from: contact)
        #expect(review.status == 200)
        #expect(review.text.contains("Bitte prüfen Sie Ihre Angaben"))
        #expect(review.text.contains("<input type=\"hidden\" name=\"email\" value=\"erika@example.org\">"))
        let changed = browser.post(address + "/aendern", choice(persons: 2) + person, from: review)
        #expect(changed.text.contains("value=\"Erika Mustermann\""), "back to the form, filled in")

        let booked = browser.post(address + "/buchen", choice(persons: 2) + person, from: review)
        #expect(booked.status == 303)
        let confirmation = try #require(booked.header("Location"))
        #expect(confirmation.hasPrefix("/termin/rathaus.") && confirmation.hasSuffix("&status=booked"))
        let page = browser.get(confirmation)
        #expect(page.status == 200)
        #expect(page.text.contains("Ihr Termin ist gebucht"))
        #expect(page.text.contains("Ein aktuelles biometrisches Lichtbild"))
        #expect(page.text.contains("<strong>45,60 € bis 74,00 €</strong> für 2 Personen"))
        let reference = try #require(page.text.firstMatch(of: #/id="reference">([A-Z0-9-]+)</#)?.output.1)
        let calendar = try #require(
            page.text.firstMatch(of: #/href="(/v1/bookings/[^"]+/calendar\.ics\?token=[^"]+)"/#))
        let ics = api.send(.get, String(calendar.output.1))
        #expect(ics.status == 200 && ics.text.contains("BEGIN:VEVENT"))
        #expect(try api.count("booking") == 1)
        #expect(
            api.send(.get, "/v1/bookings?reference=\(reference)", headers: [api.bearer(try api.staffToken(.hotline))])
                .json["channel"] as? String == "online")

        // Move to Wednesday's first time, through the booking's own link.
        let manage = String(confirmation.dropLast("&status=booked".count))
        let moveTimes = browser.get(
            manage.replacingOccurrences(of: "?token", with: "/verschieben?token") + "&date=2026-12-09")
        #expect(moveTimes.status == 200)
        #expect(moveTimes.text.contains("Bisher: <strong>Dienstag, 8. Dezember 2026, 08:00 Uhr</strong>"))
        let wednesday = try #require(FormBrowser.starts(moveTimes.text).first { $0.hasPrefix("2026-12-09") })
        let token = String(manage.split(separator: "token=")[1])
        let path = String(manage.split(separator: "?")[0])
        let moved = browser.post(path + "/verschieben", [("token", token), ("start", wednesday)], from: moveTimes)
        #expect(moved.status == 303 && moved.header("Location")?.hasSuffix("&status=moved") == true)
        let after = browser.get(try #require(moved.header("Location")))
        #expect(after.text.contains("Termin verschoben"))
        #expect(after.text.contains("Mittwoch, 9. Dezember 2026"))

        // Cancel, after the question.
        let question = browser.get(path + "/absagen?token=" + token)
        #expect(question.text.contains("Termin wirklich absagen?"))
        let cancelled = browser.post(path + "/absagen", [("token", token)], from: question)
        #expect(cancelled.status == 303 && cancelled.header("Location")?.hasSuffix("&status=cancelled") == true)
        let gone = browser.get(try #require(cancelled.header("Location")))
        #expect(gone.text.contains("Dieser Termin ist abgesagt"))
        #expect(!gone.text.contains("/verschieben"), "a cancelled booking offers no move")

        // Name and e-mail never went into an address.
        for address in browser.addresses {
            #expect(!address.contains("Erika") && !address.contains("erika") && !address.contains("%40"), "\(address)")
        }
    }

    @Test func formsFromElsewhereAreRefusedAndChangeNothing() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let times = browser.get("/zeiten?service=personalausweis&persons=1&office=rathaus")
        let start = try #require(FormBrowser.starts(times.text).first)
        let fields = choice(start: start)
        let token = try #require(FormBrowser.formToken(times.text))

        // No cookie: a page of another site posting to us, or a browser refusing cookies.
        let stranger = FormBrowser(api)
        let noCookie = stranger.post("/reservierung", [("csrf", token)] + fields)
        #expect(noCookie.status == 403)
        #expect(noCookie.text.contains("Das Formular ist abgelaufen"))
        #expect(noCookie.header("Set-Cookie") != nil, "the refusal gives a cookie, so that a reload works")
        // Cookie, but no or a wrong token.
        #expect(browser.post("/reservierung", fields).status == 403)
        #expect(browser.post("/reservierung", [("csrf", "AAAA")] + fields).status == 403)
        // A token made for another browser's cookie.
        let other = FormBrowser(api)
        let otherPage = other.get("/")
        #expect(browser.post("/reservierung", fields, from: otherPage).status == 403)
        // Fetch metadata and Origin of another site.
        #expect(
            browser.post("/reservierung", fields, from: times, headers: [("Sec-Fetch-Site", "cross-site")]).status
                == 403)
        #expect(
            browser.post("/reservierung", fields, from: times, headers: [("Sec-Fetch-Site", "same-site")]).status == 403
        )
        #expect(
            browser.post("/reservierung", fields, from: times, headers: [("Origin", "https://evil.example")]).status
                == 403)
        #expect(browser.post("/reservierung", fields, from: times, headers: [("Origin", "null")]).status == 403)
        #expect(try api.count("hold") == 0)
        // The same form from this site passes (with Origin only, as older browsers send it).
        #expect(
            browser.post("/reservierung", fields, from: times, headers: [("Origin", "http://127.0.0.1:8080")]).status
                == 303)
        #expect(try api.count("hold") == 1)
    }

    @Test func everyFormPostIsGuarded() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let posts = [
            "/reservierung", address + "/pruefen", address + "/aendern", address + "/verlaengern",
            address + "/freigeben", address + "/buchen", "/termin/rathaus.x/absagen", "/termin/rathaus.x/verschieben",
            "/en/reservierung",
        ]
        for target in posts {
            let refused = browser.post(target, choice() + [("name", "Erika"), ("email", "e@example.org")])
            #expect(refused.status == 403, "\(target)")
        }
        #expect(try api.count("hold") == 1)
        #expect(try api.count("booking") == 0)
    }

    @Test func aTimeTakenMeanwhileIsAnsweredWithTheNextFreeTimes() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let times = browser.get("/zeiten?service=personalausweis&persons=1&office=rathaus")
        let start = try #require(FormBrowser.starts(times.text).first)
        takeEverywhere(api, start: start)
        let taken = browser.post("/reservierung", choice(start: start), from: times)
        #expect(taken.status == 409)
        #expect(taken.text.contains("Diese Zeit ist leider schon vergeben"))
        #expect(taken.text.contains("Jemand anderes hat Dienstag, 8. Dezember 2026, 08:00 Uhr gerade gebucht."))
        #expect(taken.text.contains("role=\"alert\""))
        let next = taken.text.firstMatch(of: #/id="next-times"[\s\S]*?</section>/#).map { String($0.output) } ?? ""
        let offered = FormBrowser.starts(next)
        #expect(!offered.isEmpty && offered.count <= 6)
        #expect(offered.allSatisfy { $0 > start })
        let instead = browser.post("/reservierung", choice(start: offered[0]), from: taken)
        #expect(instead.status == 303, "a next free time can be held at once")

        let english = FormBrowser(api)
        let englishTimes = english.get("/en/zeiten?service=personalausweis&persons=1&office=rathaus")
        let takenInEnglish = english.post("/en/reservierung", choice(start: start), from: englishTimes)
        #expect(takenInEnglish.status == 409)
        #expect(takenInEnglish.text.contains("Sorry, this time has just been taken"))
    }

    @Test func aHoldThatRanOutIsStillBookedWhileItsTimeIsFree() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let contact = browser.get(address)
        api.clock.advance(minutes: 11)
        let expired = browser.get(address)
        #expect(expired.text.contains("data-remaining-seconds=\"0\""))
        let booked = browser.post(
            address + "/buchen",
            choice(start: "2026-12-08T08:00:00+01:00") + [("name", "Erika"), ("phone", "0431 1234")],
            from: contact)
        #expect(booked.status == 303)
        #expect(booked.header("Location")?.contains("/termin/rathaus.") == true)
        #expect(try api.count("booking") == 1)
    }

    @Test func aHoldThatRanOutAndWhoseTimeWasTakenOffersTheNextFreeTimes() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, times) = try hold(browser)
        let start = try #require(FormBrowser.starts(times.text).first)
        api.clock.advance(minutes: 11)
        takeEverywhere(api, start: start)
        let answer = browser.post(
            address + "/buchen", choice(start: start) + [("name", "Erika"), ("email", "erika@example.org")], from: times
        )
        #expect(answer.status == 409)
        #expect(answer.text.contains("Die Reservierung ist abgelaufen, und die Zeit ist vergeben"))
        #expect(answer.text.contains("id=\"next-times\""))
        #expect(try api.count("booking") == 0)
    }

    @Test func theContactIsCheckedAndEachProblemIsNamedWithASuggestion() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let contact = browser.get(address)
        let wrong = browser.post(
            address + "/pruefen", choice() + [("name", " "), ("email", "erika(at)example"), ("phone", "12")],
            from: contact)
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("<title>Fehler: Ihre Angaben"))
        #expect(wrong.text.contains("<li><a href=\"#name\">Geben Sie Ihren Vor- und Nachnamen ein.</a></li>"))
        #expect(wrong.text.contains("Geben Sie die E-Mail-Adresse in der Form name@beispiel.de ein."))
        #expect(wrong.text.contains("zum Beispiel 0431 123456"))
        #expect(
            wrong.text.contains("value=\"erika(at)example\" aria-describedby=\"email-error\" aria-invalid=\"true\""))
        let neither = browser.post(address + "/pruefen", choice() + [("name", "Erika")], from: contact)
        #expect(neither.status == 422)
        #expect(neither.text.contains("Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an"))
        let hostile = browser.post(
            address + "/pruefen", choice() + [("name", "<script>alert(1)</script>"), ("phone", "0431 123456")],
            from: contact)
        #expect(hostile.status == 200)
        #expect(!hostile.text.contains("<script>alert") && hostile.text.contains("&lt;script&gt;alert(1)"))
        // Booking with a bad contact sends the form back, and books nothing.
        #expect(browser.post(address + "/buchen", choice() + [("name", "Erika")], from: contact).status == 422)
        #expect(try api.count("booking") == 0)
    }

    @Test func theFormRefusesInvisibleCharactersLikeTheAPI() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let contact = browser.get(address)
        for (name, email) in [
            ("Nul\u{0}Name", "grenz.test\u{200B}@example.org"), ("Line\nBreak", "mailto:grenz.test@example.org"),
            ("\u{200B}", "x6@-example.org"),
        ] {
            let wrong = browser.post(
                address + "/buchen", choice() + [("name", name), ("email", email)], from: contact)
            #expect(wrong.status == 422)
            #expect(wrong.text.contains("Geben Sie Ihren Namen in Buchstaben ein"))
            #expect(wrong.text.contains("Geben Sie die E-Mail-Adresse in der Form name@beispiel.de ein."))
        }
        #expect(try api.count("booking") == 0)
        let international = browser.post(
            address + "/pruefen", choice() + [("name", "Jürgen Müller"), ("email", "jürgen@müller.de")], from: contact)
        #expect(international.status == 200)
    }

    @Test func theHoldIsExtendedUntilItsLimitKeepingWhatWasTyped() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let contact = browser.get(address)
        api.clock.advance(minutes: 8)
        let typed = [("name", "Erika Mustermann"), ("email", ""), ("phone", ""), ("step", "contact")]
        let first = browser.post(address + "/verlaengern", choice() + typed, from: contact)
        #expect(first.status == 200)
        #expect(first.text.contains("Reservierung verlängert bis 09:48 Uhr."))
        #expect(first.text.contains("value=\"Erika Mustermann\""))
        // The demo allows ten extensions (WCAG 2.2.1); the page counts them down.
        #expect(first.text.contains("Sie können noch 9-mal verlängern;"))
        var page = first
        for _ in 2...9 { page = browser.post(address + "/verlaengern", choice() + typed, from: page) }
        #expect(page.text.contains("Sie können noch einmal verlängern;"))
        let last = browser.post(address + "/verlaengern", choice() + typed, from: page)
        #expect(last.text.contains("Die Reservierung kann nicht mehr verlängert werden."))
        #expect(!last.text.contains("data-extend"))
        let beyond = browser.post(address + "/verlaengern", choice() + typed, from: last)
        #expect(beyond.status == 409)
        #expect(beyond.text.contains("Die Reservierung kann nicht mehr verlängert werden"))
        // From the review, the review comes back.
        let review = [("name", "Erika Mustermann"), ("email", "erika@example.org"), ("phone", ""), ("step", "review")]
        #expect(browser.post(address + "/verlaengern", choice() + review, from: last).text.contains("review-form"))
    }

    @Test func anExtensionTooLateSaysThatTheTimeIsStillBookedIfFree() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, _) = try hold(browser)
        let contact = browser.get(address)
        api.clock.advance(minutes: 12)
        let late = browser.post(
            address + "/verlaengern", choice(start: "2026-12-08T08:00:00+01:00") + [("name", "Erika")], from: contact)
        #expect(late.status == 410)
        #expect(late.text.contains("Ist die Zeit noch frei, buchen wir sie."))
        #expect(late.text.contains("value=\"Erika\""))
    }

    @Test func theTimesOfADayBeyondTheFirstTwoWeeksAreShown() throws {
        let api = try openOffice()
        let page = api.send(.get, "/zeiten?service=personalausweis&persons=1&office=rathaus&date=2027-01-05")
        #expect(page.status == 200)
        #expect(page.text.contains("Freie Zeiten am Dienstag, 5. Januar 2027"))
        #expect(page.text.contains("Frühere Tage"))
    }

    @Test func releasingTheHoldGoesBackToTheTimesOfItsDay() throws {
        let api = try openOffice()
        let browser = FormBrowser(api)
        let (address, times) = try hold(browser)
        let released = browser.post(address + "/freigeben", choice(start: "2026-12-08T08:00:00+01:00"), from: times)
        #expect(released.status == 303)
        #expect(
            released.header("Location")
                == "/zeiten?service=personalausweis&persons=1&office=rathaus&date=2026-12-08")
        #expect(try api.count("hold") == 0)
        let gone = browser.get(address)
        #expect(gone.status == 404)
        #expect(gone.text.contains("Diese Reservierung gibt es nicht mehr"))
        #expect(browser.get("/reservierung/nowhere.x").status == 404)
    }

    @Test func aBookingsPageOpensOnlyWithItsToken() throws {
        let api = try openOffice()
        let made = api.book("2026-12-08T09:00:00+01:00")
        let id = try #require(made.json["id"] as? String)
        let manage = try #require((made.json["links"] as? [String: String])?["manage"])
        #expect(manage.hasPrefix("/termin/\(id)?token="), "the API's manage link is this page")
        let page = api.send(.get, manage)
        #expect(page.status == 200)
        #expect(page.text.contains("Erika Mustermann"))
        #expect(page.text.contains("<h1>Ihr Termin</h1>"))
        for wrong in [
            "/termin/\(id)?token=wrong", "/termin/\(id)", "/termin/nord.x?token=x", "/termin/\(id)/absagen?token=y",
        ] {
            let refused = api.send(.get, wrong)
            #expect(refused.status == 404, "\(wrong)")
            #expect(!refused.text.contains("Erika"), "\(wrong)")
        }
        let english = api.send(.get, "/en" + manage)
        #expect(english.text.contains("<h1>Your appointment</h1>"))
    }

    @Test func theStatementAndTheHotlineConsoleAreServed() throws {
        let api = try openOffice()
        let statement = api.send(.get, "/barrierefreiheit")
        #expect(statement.status == 200)
        #expect(statement.text.contains("Erklärung zur Barrierefreiheit"))
        #expect(statement.text.contains("teilweise vereinbar"))
        #expect(statement.text.contains("Demo-Stadt"))
        #expect(api.send(.get, "/en/barrierefreiheit").text.contains("Accessibility statement"))
        try api.addStaff("jonas", name: "Jonas Anrufer", roles: "hotline")
        let hotline = StaffBrowser(api)
        hotline.signIn("jonas")
        let console = hotline.get("/staff/hotline")
        #expect(console.status == 200)
        #expect(console.header("Content-Security-Policy") != nil)
        #expect(console.text.contains("<option value=\"fundsachen\">"), "the hotline books what citizens cannot")
        #expect(
            console.text.contains(
                "data-server-time=\"\(Fixtures.instant("2026-12-07T09:30").secondsSinceEpoch * 1000)\""))
        #expect(api.send(.get, "/assets/citizen.js").status == 200)
        #expect(api.send(.get, "/assets/hotline.js").status == 200)
    }

    @Test func theFormKeyOutlivesARestart() throws {
        let api = try openOffice()
        let again = try FormGuard(database: api.database)
        var request = HTTPRequest(method: .get, target: "/")
        request.headers.add("Cookie", "rathaus_form=" + String(repeating: "A", count: 43))
        #expect(again.issue(for: request).token == api.api.forms.issue(for: request).token)
        #expect(again.issue(for: request).setCookie == nil)
    }
}
