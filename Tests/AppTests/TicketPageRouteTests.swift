import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// A browser without JavaScript that keeps every cookie it is given (the form cookie and the
/// ticket cookie), for the pages of tickets from home.
final class CookieBrowser {
    let api: APIHarness
    private(set) var cookies: [(String, String)] = []

    init(_ api: APIHarness) {
        self.api = api
    }

    var cookieHeader: [(String, String)] {
        cookies.isEmpty ? [] : [("Cookie", cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; "))]
    }

    func cookie(_ name: String) -> String? { cookies.first { $0.0 == name }?.1 }

    func get(_ target: String) -> APIHarness.Answer {
        keep(api.send(.get, target, headers: cookieHeader))
    }

    /// Posts `fields` with the form token of `page`, as a same-origin browser would.
    func post(_ target: String, _ fields: [(String, String)], from page: APIHarness.Answer) -> APIHarness.Answer {
        var all = fields
        if let token = FormBrowser.formToken(page.text) { all.insert(("csrf", token), at: 0) }
        let body = all.map { "\(FormBrowser.encode($0.0))=\(FormBrowser.encode($0.1))" }.joined(separator: "&")
        let headers =
            [
                ("Sec-Fetch-Site", "same-origin"), ("Content-Type", "application/x-www-form-urlencoded"),
                ("Host", "127.0.0.1:8080"),
            ] + cookieHeader
        return keep(api.send(.post, target, headers: headers, json: body))
    }

    private func keep(_ answer: APIHarness.Answer) -> APIHarness.Answer {
        for (name, value) in answer.headers where name.lowercased() == "set-cookie" {
            guard let pair = value.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            cookies.removeAll { $0.0 == parts[0] }
            cookies.append((parts[0], parts[1]))
        }
        return answer
    }
}

/// A ticket's own page: reached only by its key, live over its own stream, in German and English;
/// and tickets taken from home: no contact data, one per browser, called only after the arrival
/// is confirmed, passed over after the deadline.
@Suite struct TicketPageRouteTests {
    /// The demo at Monday 09:00, when the Rathaus is open and hands out tickets from home.
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:00"))
        return api
    }

    func draw(_ api: APIHarness, token: String, service: String = "personalausweis") -> APIHarness.Answer {
        api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(token)], json: #"{"services":["\#(service)"]}"#)
    }

    func links(_ answer: APIHarness.Answer) -> [String: String] {
        answer.json["links"] as? [String: String] ?? [:]
    }

    func callNext(_ api: APIHarness, counter: String, token: String) -> APIHarness.Answer {
        api.send(.post, "/v1/offices/rathaus/counters/\(counter)/call-next", headers: [api.bearer(token)])
    }

    func json(_ event: ServerSentEvent?) -> [String: Any] {
        guard let data = event?.data.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    @Test func aNewTicketLinksToItsPageByAnUnguessableKeyAndOnlyItsHashIsStored() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let ticket = draw(api, token: kiosk)
        let page = try #require(links(ticket)["page"])
        let id = try #require(ticket.json["id"] as? String)
        let key = String(page.dropFirst("/t/".count))
        #expect(page.hasPrefix("/t/") && key.count == 22 && !key.contains("A001") && !key.contains("rathaus"))
        #expect(links(ticket)["print"] == "/kiosk/rathaus/tickets/\(key)")
        let hash = Secrets.hash(token: key)
        let stored = try api.database.reader.sync { connection in
            try connection.scalar(
                "SELECT count(*) FROM ticket WHERE id = ? AND page_hash = ?", [id, hash], as: Int.self)
        }
        #expect(stored == 1)
        let keyed = try api.database.reader.sync { connection in
            try connection.scalar(
                "SELECT count(*) FROM ticket WHERE id = ? OR number = ? OR arrival_code = ?", [key, key, key],
                as: Int.self)
        }
        #expect(keyed == 0, "the key itself is nowhere in the file")

        let shown = api.send(.get, page)
        #expect(shown.status == 200)
        #expect(shown.text.contains(">A001<") && shown.text.contains("Sie sind als Nächstes dran"))
        #expect(shown.header("Referrer-Policy") == "no-referrer" && shown.header("Cache-Control") == "no-store")
        #expect(shown.text.contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>"))
        #expect(shown.text.contains("href=\"/en/t/\(key)\""), "the switch to English")
        #expect(api.send(.get, "/en" + page).text.contains("You are next"))
        let byID = api.send(.get, "/t/\(id)")
        #expect(byID.status == 404 && byID.text.contains("Wartemarke nicht gefunden"), "the ticket id is no address")
        #expect(api.send(.get, "/t/AAAAAAAAAAAAAAAAAAAAAA").status == 404)
        #expect(api.send(.get, "/t/AAAAAAAAAAAAAAAAAAAAAA/events").status == 404)

        let slip = api.send(.get, "/kiosk/rathaus/tickets/\(key)")
        #expect(slip.status == 200)
        #expect(
            slip.text.contains("<svg") && slip.text.contains("aria-label=\"Wartemarke A001 auf dem Handy verfolgen\""))
        #expect(api.send(.get, "/kiosk/rathaus/tickets/\(id)").status == 404, "the guessable id opens no slip")
        #expect(api.send(.get, "/kiosk/nord/tickets/\(key)").status == 404, "nor does another office")
    }

    @Test func thePageFollowsItsTicketLiveAndAnnouncesEachCallOnce() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let counter = try api.staffToken(.counter, office: "rathaus")
        _ = draw(api, token: kiosk)
        let mine = draw(api, token: kiosk)
        let page = try #require(links(mine)["page"])
        let german = try #require(api.openStream(page + "/events"))
        let english = try #require(api.openStream("/en" + page + "/events"))
        let first = json(german.wait(for: 1).first)
        #expect(first["status"] as? String == "waiting" && first["headline"] as? String == "Noch 1 vor Ihnen")
        #expect(first["isCall"] as? Bool == false && first["call"] == nil)

        _ = callNext(api, counter: "1", token: counter)
        let moved = json(german.wait(for: 2).last)
        #expect(moved["headline"] as? String == "Sie sind als Nächstes dran")
        #expect(callNext(api, counter: "4", token: counter).json["number"] as? String == "A002")
        let called = json(german.wait(for: 3).last)
        #expect(called["status"] as? String == "called" && called["headline"] as? String == "Bitte zu Schalter 4")
        #expect(
            called["isCall"] as? Bool == true && called["notification"] as? String == "Nummer A002: Bitte zu Schalter 4"
        )
        let firstCall = try #require(called["call"] as? String)
        #expect(json(english.wait(for: 3).last)["headline"] as? String == "Please go to Schalter 4")

        let id = try #require(mine.json["id"] as? String)
        #expect(api.send(.post, "/v1/tickets/\(id)/recall", headers: [api.bearer(counter)]).status == 200)
        let recalled = json(german.wait(for: 4).last)
        #expect(recalled["headline"] as? String == "2. Aufruf: Bitte zu Schalter 4")
        #expect((recalled["call"] as? String).map { $0 != firstCall } == true, "a recall is a new call to announce")

        _ = draw(api, token: kiosk)
        #expect(api.send(.post, "/v1/tickets/\(id)/start", headers: [api.bearer(counter)]).status == 200)
        let serving = german.wait(for: 5)
        #expect(
            json(serving.last)["status"] as? String == "serving", "the draw, which changed nothing here, sent nothing")
        _ = api.send(.post, "/v1/tickets/\(id)/finish", headers: [api.bearer(counter)])
        let done = json(german.wait(for: 6).last)
        #expect(done["status"] as? String == "done" && done["final"] as? Bool == true)
        for event in german.events + english.events { #expect(!event.data.contains("@")) }
    }

    @Test func aTicketOfAnEarlierDayHasExpired() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let page = try #require(links(draw(api, token: kiosk))["page"])
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let shown = api.send(.get, page)
        #expect(shown.status == 200 && shown.text.contains("Diese Wartemarke galt am 07.12.2026."))
        #expect(!shown.text.contains("mobile-ticket.js"), "nothing left to follow")
    }

    // MARK: Tickets from home

    func takeFromHome(_ browser: CookieBrowser, service: String = "personalausweis") -> APIHarness.Answer {
        let form = browser.get("/wartemarke")
        return browser.post("/wartemarke", [("office", "rathaus"), ("service", service)], from: form)
    }

    func arrivalCode(_ html: String) -> String? {
        html.firstMatch(of: #/id="arrival-code">([A-Z0-9]{3}-[A-Z0-9]{3})</#).map { String($0.output.1) }
    }

    @Test func aTicketFromHomeNeedsNoContactDataAndIsCalledOnlyAfterItsArrival() throws {
        let api = try openOffice()
        let counter = try api.staffToken(.counter, office: "rathaus")
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let browser = CookieBrowser(api)
        let form = browser.get("/wartemarke")
        #expect(form.status == 200 && form.text.contains("Bürgerbüro im Rathaus"))
        #expect(form.text.contains("name=\"service\" value=\"personalausweis\""))
        #expect(!form.text.contains("name=\"name\"") && !form.text.contains("email"), "no contact fields")
        let taken = browser.post("/wartemarke", [("office", "rathaus"), ("service", "personalausweis")], from: form)
        #expect(taken.status == 303)
        let location = try #require(taken.header("Location"))
        #expect(location.hasPrefix("/t/") && browser.cookie("rathaus_ticket") == String(location.dropFirst(3)))
        let setCookie = taken.headers.first { $0.0.lowercased() == "set-cookie" }?.1 ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))

        let page = browser.get(location)
        #expect(page.text.contains("Bitte bestätigen Sie Ihre Ankunft bis 09:30 Uhr"))
        let code = try #require(arrivalCode(page.text))
        #expect(page.text.contains("aria-label=\"Ankunftscode \(code) zum Scannen am Wartemarkenautomaten\""))
        #expect(callNext(api, counter: "1", token: counter).status == 204, "not called before it arrives")

        let arrived = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)],
            json: #"{"reference":"\#(code.lowercased().replacingOccurrences(of: "-", with: ""))"}"#)
        #expect(arrived.status == 200 && arrived.json["arrived"] as? Bool == true)
        #expect(arrived.json["awaitsArrival"] as? Bool == false && links(arrived)["print"] == nil)
        #expect(browser.get(location).text.contains("Sie sind als Nächstes dran"))
        let again = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(code)"}"#)
        #expect(again.status == 409 && again.problemKind == "already-arrived")
        #expect(callNext(api, counter: "1", token: counter).json["number"] as? String == "A001")
        #expect(browser.get(location).text.contains("Bitte zu Schalter 1"))
    }

    @Test func aTicketFromHomeNotConfirmedInTimeIsPassedOverAndToldSo() throws {
        let api = try openOffice()
        let counter = try api.staffToken(.counter, office: "rathaus")
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let browser = CookieBrowser(api)
        let location = try #require(takeFromHome(browser).header("Location"))
        let code = try #require(arrivalCode(browser.get(location).text))
        let stream = try #require(api.openStream(location + "/events"))
        #expect(json(stream.wait(for: 1).first)["status"] as? String == "awaitingArrival")
        let walkIn = draw(api, token: kiosk)
        #expect(walkIn.json["ahead"] as? Int == 1, "the ticket from home holds its place")

        api.clock.set(Fixtures.instant("2026-12-07T09:31"))
        let late = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(code)"}"#)
        #expect(late.status == 409 && late.problemKind == "arrival-too-late")
        #expect(browser.get(location).text.contains("Ankunft nicht rechtzeitig bestätigt"), "told before the sweep")

        let writer = try #require(api.database.writers["rathaus"])
        guard case .success(.passedOver(let events)) = writer.perform(.passOverLate) else {
            Issue.record("no pass-over")
            return
        }
        #expect(events.count == 1)
        let passed = json(stream.wait(for: 2).last)
        #expect(passed["status"] as? String == "passedOver" && passed["final"] as? Bool == true)
        #expect(callNext(api, counter: "1", token: counter).json["number"] as? String == "A002")
        let after = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(code)"}"#)
        #expect(after.problemKind == "arrival-too-late", "also once it is passed over")
        let kinds = try api.database.reader.sync { connection in
            try connection.queueEvents(office: "rathaus", day: Fixtures.date("2026-12-07")).map(\.kind)
        }
        #expect(kinds == ["issued", "issued", "passedOver", "called"])
        #expect(browser.get("/wartemarke").text.contains("name=\"service\""), "a passed-over ticket is no longer held")
    }

    @Test func aBrowserHoldsOneTicketFromHomeAtATime() throws {
        let api = try openOffice()
        let browser = CookieBrowser(api)
        let form = browser.get("/wartemarke")
        let location = try #require(
            browser.post("/wartemarke", [("office", "rathaus"), ("service", "personalausweis")], from: form)
                .header("Location"))
        let held = browser.get("/wartemarke")
        #expect(
            held.text.contains("Sie haben schon eine Wartemarke: A001") && held.text.contains("href=\"\(location)\""))
        #expect(!held.text.contains("name=\"service\""))
        let second = browser.post("/wartemarke", [("office", "rathaus"), ("service", "reisepass")], from: form)
        #expect(second.status == 409 && api.database.writers["rathaus"]?.queueState.tickets.count == 1)
        #expect(takeFromHome(CookieBrowser(api)).status == 303, "another browser takes its own")
    }

    @Test func ticketsFromHomeStopAtTheGroupsCapAndOutsideTheWindow() throws {
        let api = try openOffice()
        for _ in 0..<10 { #expect(takeFromHome(CookieBrowser(api), service: "beglaubigung").status == 303) }
        let refused = takeFromHome(CookieBrowser(api), service: "beglaubigung")
        #expect(refused.status == 409 && refused.text.contains("alle Wartemarken aus dem Internet"))
        #expect(!CookieBrowser(api).get("/wartemarke").text.contains("value=\"beglaubigung\""), "C is gone today")
        let late = CookieBrowser(api)
        let form = late.get("/wartemarke")
        api.clock.set(Fixtures.instant("2026-12-07T11:30"))
        let closed = CookieBrowser(api).get("/wartemarke")
        #expect(closed.text.contains("Zurzeit keine Wartemarken aus dem Internet (heute von 07:00 bis 11:30 Uhr)."))
        let refusedLate = late.post("/wartemarke", [("office", "rathaus"), ("service", "personalausweis")], from: form)
        #expect(
            refusedLate.status == 409 && refusedLate.text.contains("Wartemarken aus dem Internet gibt es jetzt nicht"))
        #expect(CookieBrowser(api).get("/en/wartemarke").text.contains("No tickets online at the moment"))
    }

    @Test func noTicketPageCarriesANameOrContact() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let start = try #require(api.freeStart(service: "personalausweis"))
        _ = api.book(start)
        let browser = CookieBrowser(api)
        let location = try #require(takeFromHome(browser).header("Location"))
        let printed = try #require(links(draw(api, token: kiosk))["page"])
        for page in [browser.get(location), api.send(.get, printed), browser.get("/wartemarke")] {
            #expect(!page.text.contains("Mustermann") && !page.text.contains("@"))
        }
    }
}
