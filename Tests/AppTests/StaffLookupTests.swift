import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The hotline finds a caller's bookings by phone, e-mail or name; an office's list of a day says
/// which appointments are checked in.
@Suite struct StaffLookupTests {
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        return api
    }

    /// The free starts of `service` at `office` for the hotline, soonest first.
    func starts(_ api: APIHarness, token: String, office: String = "rathaus", service: String = "personalausweis")
        -> [String]
    {
        let answer = api.send(
            .get, "/v1/offices/\(office)/availability?service=\(service)", headers: [api.bearer(token)])
        return ((answer.json["days"] as? [[String: Any]]) ?? []).flatMap { ($0["slots"] as? [String]) ?? [] }
    }

    /// Books `start` for a caller through the hotline.
    @discardableResult
    func book(
        _ api: APIHarness, token: String, start: String, name: String, phone: String? = nil, email: String? = nil,
        office: String = "rathaus", service: String = "personalausweis"
    ) -> APIHarness.Answer {
        var contact = #""name":"\#(name)""#
        if let phone { contact += #","phone":"\#(phone)""# }
        if let email { contact += #","email":"\#(email)""# }
        return api.send(
            .post, "/v1/bookings", headers: [api.bearer(token)],
            json: #"{"office":"\#(office)","services":["\#(service)"],"start":"\#(start)","contact":{\#(contact)}}"#)
    }

    func search(_ api: APIHarness, token: String, _ query: String) -> APIHarness.Answer {
        api.send(
            .post, "/v1/bookings/search", headers: [api.bearer(token)],
            json: #"{"query":"\#(query.replacingOccurrences(of: "\"", with: "\\\""))"}"#)
    }

    func references(_ answer: APIHarness.Answer) -> [String] {
        ((answer.json["bookings"] as? [[String: Any]]) ?? []).compactMap { $0["reference"] as? String }
    }

    @Test func theHotlineFindsACallerByPhoneEmailOrName() throws {
        let api = try openOffice()
        let hotline = try api.staffToken(.hotline)
        let free = starts(api, token: hotline)
        let erika = book(
            api, token: hotline, start: free[0], name: "Jürgen Müller-Lüdenscheidt", phone: "0431 / 987654")
        #expect(erika.status == 201)
        let other = book(api, token: hotline, start: free[1], name: "Erika Mustermann", email: "erika@example.org")
        let reference = try #require(erika.json["reference"] as? String)
        let otherReference = try #require(other.json["reference"] as? String)

        for query in ["+49 431 987654", "0431987654", "987654", "00494319 87654"] {
            let found = search(api, token: hotline, query)
            #expect(found.status == 200, "\(query)")
            #expect(found.json["kind"] as? String == "phone", "\(query)")
            #expect(references(found) == [reference], "\(query)")
        }
        let byName = search(api, token: hotline, "mueller")
        #expect(byName.json["kind"] as? String == "name")
        #expect(references(byName) == [reference])
        #expect(references(search(api, token: hotline, "Lüdenscheidt jürgen")) == [reference])
        #expect(references(search(api, token: hotline, "MULLER")) == [reference], "the umlaut left out")
        #expect(references(search(api, token: hotline, "ERIKA@example")) == [otherReference])
        #expect(search(api, token: hotline, "erika@example").json["kind"] as? String == "email")
        #expect(references(search(api, token: hotline, reference.lowercased())) == [reference])
        #expect(references(search(api, token: hotline, "Schmidt")).isEmpty)
        let found = try #require((search(api, token: hotline, "987654").json["bookings"] as? [[String: Any]])?.first)
        #expect((found["contact"] as? [String: Any])?["name"] as? String == "Jürgen Müller-Lüdenscheidt")
        #expect(found["sequence"] is Int, "what a move or cancellation needs for If-Match")
    }

    @Test func searchesAreForStaffOnlyNeedThreeCharactersAndShowAtMostTwenty() throws {
        let api = try openOffice()
        let hotline = try api.staffToken(.hotline)
        #expect(search(api, token: "nothing", "Mustermann").status == 401)
        #expect(api.send(.post, "/v1/bookings/search", json: #"{"query":"Mustermann"}"#).status == 401)
        #expect(search(api, token: try api.staffToken(.kiosk), "Mustermann").status == 403)
        let short = search(api, token: hotline, "ab")
        #expect(short.status == 400)
        #expect(short.problemKind == "validation")
        #expect(
            api.send(.post, "/v1/bookings/search?query=Mustermann", headers: [api.bearer(hotline)], json: "{}").status
                == 400, "no search term in the address")
        let free = starts(api, token: hotline)
        for index in 0..<22 {
            #expect(
                book(api, token: hotline, start: free[index], name: "Anna Becker", email: "anna\(index)@example.org")
                    .status
                    == 201)
        }
        let many = search(api, token: hotline, "Becker")
        #expect(references(many).count == 20)
        #expect(many.json["more"] as? Bool == true)
        let starts = ((many.json["bookings"] as? [[String: Any]]) ?? []).compactMap { $0["start"] as? String }
        #expect(starts == starts.sorted(), "soonest first")
    }

    @Test func aCounterTokenOfOneOfficeFindsOnlyThatOfficesBookings() throws {
        let api = try openOffice()
        let hotline = try api.staffToken(.hotline)
        book(
            api, token: hotline, start: try #require(starts(api, token: hotline).first), name: "Anna Becker",
            phone: "0431 111111")
        let nord = try #require(starts(api, token: hotline, office: "nord").first)
        book(api, token: hotline, start: nord, name: "Anna Becker", phone: "0431 222222", office: "nord")
        #expect(references(search(api, token: hotline, "Becker")).count == 2)
        let counter = try api.staffToken(.counter, office: "nord")
        let found = search(api, token: counter, "Becker")
        #expect(references(found).count == 1)
        #expect((found.json["bookings"] as? [[String: Any]])?.first?["office"] as? String == "nord")
    }

    @Test func theDayListSaysWhoIsCheckedInWithTheirTicket() throws {
        let api = try openOffice()
        let hotline = try api.staffToken(.hotline)
        let first = book(
            api, token: hotline, start: "2026-12-08T08:00:00+01:00", name: "Erika Mustermann", phone: "0431 123456")
        let second = book(
            api, token: hotline, start: "2026-12-08T08:20:00+01:00", name: "Otto Normal", phone: "0431 654321")
        #expect(first.status == 201 && second.status == 201)
        api.clock.set(Fixtures.instant("2026-12-08T07:55"))
        let kiosk = try api.staffToken(.kiosk)
        let reference = try #require(first.json["reference"] as? String)
        let ticket = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(reference)"}"#
        )
        #expect(ticket.status == 201)
        let list = api.send(.get, "/v1/offices/rathaus/bookings?date=2026-12-08", headers: [api.bearer(hotline)])
        let bookings = try #require(list.json["bookings"] as? [[String: Any]])
        #expect(bookings.map { $0["checkedIn"] as? Bool } == [true, false])
        #expect(bookings[0]["ticket"] as? String == ticket.json["number"] as? String)
        #expect(bookings[1]["ticket"] == nil)

        #expect(api.send(.get, "/staff/bookings").status == 303, "for signed-in staff only")
        try api.addStaff("jonas", name: "Jonas Anrufer", roles: "hotline")
        let clerk = StaffBrowser(api)
        clerk.signIn("jonas")
        let page = clerk.get("/staff/bookings?office=nord&date=2026-12-14")
        #expect(page.status == 200)
        #expect(page.text.contains("<option value=\"nord\" selected>Stadtteilbüro Nord</option>"))
        #expect(page.text.contains("value=\"2026-12-14\""))
        #expect(page.text.contains("<script src=\"/assets/daylist.js\" defer></script>"))
        #expect(clerk.get("/staff/bookings").text.contains("value=\"2026-12-08\""), "today by default")
    }

    @Test func problemsCarryTheValuesTheirWordingNeeds() throws {
        let api = try openOffice()
        let hotline = try api.staffToken(.hotline)
        let free = starts(api, token: hotline)
        for index in 0..<2 {
            #expect(
                book(api, token: hotline, start: free[index], name: "Erika", email: "erika@example.org").status == 201)
        }
        let third = book(api, token: hotline, start: free[2], name: "Erika", email: "erika@example.org")
        #expect(third.problemKind == "limit-reached")
        #expect(third.json["service"] as? String == "personalausweis")
        #expect(third.json["limit"] as? String == "2")
        #expect(third.json["title"] as? String == "Too many active bookings", "the API's words stay as they were")

        let reference = try #require(
            book(api, token: hotline, start: "2026-12-09T08:00:00+01:00", name: "Otto", phone: "0431 1234567")
                .json["reference"] as? String)
        let kiosk = try api.staffToken(.kiosk)
        let notToday = api.send(
            .post, "/v1/offices/rathaus/check-in", headers: [api.bearer(kiosk)], json: #"{"reference":"\#(reference)"}"#
        )
        #expect(notToday.problemKind == "not-today")
        #expect(notToday.json["date"] as? String == "2026-12-09")
    }

    @Test func feesWithSeveralRatesAreARangeAndTheChecklistNamesItsServices() throws {
        let api = try openOffice()
        let services = api.send(.get, "/v1/services").body
        let list = try #require(try JSONSerialization.jsonObject(with: Data(services)) as? [[String: Any]])
        let passport = try #require(list.first { $0["id"] as? String == "personalausweis" })
        let fee = try #require(passport["fee"] as? [String: Any])
        #expect(fee["lowestCents"] as? Int == 2280)
        #expect(fee["text"] as? String == "22,80 € bis 37,00 €")
        let hotline = try api.staffToken(.hotline)
        let booked = api.send(
            .post, "/v1/bookings", headers: [api.bearer(hotline)],
            json:
                #"{"office":"rathaus","services":["personalausweis","meldebescheinigung"],"persons":2,"start":"2026-12-08T08:00:00+01:00","contact":{"name":"Erika","phone":"0431 123456"}}"#
        )
        #expect(booked.status == 201)
        let total = try #require(booked.json["fee"] as? [String: Any])
        #expect(total["cents"] as? Int == 9400)
        #expect(total["lowestCents"] as? Int == 6560)
        #expect(total["text"] as? String == "65,60 € bis 94,00 €")
        let documents = try #require(booked.json["documents"] as? [[String: Any]])
        let photo = try #require(documents.first { ($0["name"] as? String)?.contains("Lichtbild") == true })
        #expect(photo["services"] as? [String] == ["personalausweis"])
        let office = api.send(.get, "/v1/offices/rathaus")
        #expect((office.json["mapURL"] as? String)?.hasPrefix("https://") == true)
    }
}

/// A page address that does not exist, or a hall page of an office that does not exist, gets a
/// page in the language of its path; the API keeps its problem JSON.
@Suite struct PageProblemTests {
    @Test func anUnknownPageAddressGetsAPageInItsLanguage() throws {
        let api = try APIHarness()
        let german = api.send(.get, "/termine-buchen")
        #expect(german.status == 404)
        #expect(german.header("Content-Type") == "text/html; charset=utf-8")
        #expect(german.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(german.text.contains("<html lang=\"de\">"))
        #expect(german.text.contains("<h1>Diese Seite gibt es nicht</h1>"))
        #expect(!german.text.contains("termine-buchen"), "the address typed is not echoed")
        let english = api.send(.get, "/en/appointments")
        #expect(english.status == 404)
        #expect(english.text.contains("<h1>There is no such page</h1>"))
        #expect(api.send(.post, "/nothing/here").header("Content-Type") == "text/html; charset=utf-8")
        let json = api.send(.get, "/v1/nothing")
        #expect(json.status == 404)
        #expect(json.header("Content-Type") == "application/problem+json")
        #expect(json.problemKind == "not-found")
        #expect(api.send(.delete, "/v1/offices").status == 405, "a path of another method stays a 405")
    }

    @Test func hallPagesOfUnknownOfficesCountersAndTicketsArePages() throws {
        let api = try APIHarness()
        try api.addStaff("erika", roles: "counter:*")
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        for path in ["/kiosk/atlantis", "/display/atlantis", "/counter/rathaus/99", "/kiosk/rathaus/tickets/nothing"] {
            let page = clerk.get(path)
            #expect(page.status == 404, "\(path)")
            #expect(page.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
            #expect(page.text.contains("<h1>Diese Seite gibt es nicht</h1>"), "\(path)")
            #expect(!page.text.contains("atlantis") && !page.text.contains("There is"), "\(path)")
        }
    }

    @Test func theOfficesPageShowsHoursTheWayThereAndDaysClosed() throws {
        let api = try APIHarness()
        let page = api.send(.get, "/standorte")
        #expect(page.status == 200)
        #expect(page.text.contains("<h2 id=\"office-rathaus\">Bürgerbüro im Rathaus</h2>"))
        #expect(page.text.contains("<div><dt>Donnerstag</dt><dd>08:00–12:30 und 13:30–18:00 Uhr</dd></div>"))
        #expect(page.text.contains("<div><dt>Dienstag</dt><dd>08:00–12:30 und 14:00–16:00 Uhr</dd></div>"))
        #expect(page.text.contains("<div><dt>Samstag</dt><dd>09:00–12:00 Uhr</dd></div>"), "Nord opens on Saturdays")
        #expect(page.text.contains("href=\"https://www.openstreetmap.org/?mlat=54.32063&amp;mlon=10.13451"))
        #expect(page.text.contains("Donnerstag, 24. Dezember 2026: <span>Heiligabend und Silvester"))
        #expect(page.text.contains("Freitag, 25. Dezember 2026: <span>1. Weihnachtsfeiertag</span>"))
        #expect(
            api.send(.get, "/en/standorte").text.contains(
                "<div><dt>Thursday</dt><dd>08:00–12:30 and 13:30–18:00</dd></div>"))
    }
}
