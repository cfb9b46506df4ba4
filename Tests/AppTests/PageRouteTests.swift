import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

@Suite struct PageRouteTests {
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        return api
    }

    @Test func theDisplayPageShowsCallsWithTheSecurityPolicyAndNoNames() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk)
        let clerk = try api.staffToken(.counter)
        _ = api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(kiosk)],
            json: #"{"services":["personalausweis"]}"#)
        _ = api.send(.post, "/v1/offices/rathaus/counters/4/call-next", headers: [api.bearer(clerk)])
        _ = api.book("2026-12-08T09:00:00+01:00", email: "erika.mustermann@example.org")
        let page = api.send(.get, "/display/rathaus")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(page.text.contains("A001"))
        #expect(page.text.contains("Schalter 4"))
        #expect(page.text.contains(#"data-sound="on""#), "the Rathaus announces calls")
        #expect(page.text.contains(#"data-languages="de en""#))
        #expect(!page.text.contains("Schutzimpfung"), "a group the office does not offer")
        #expect(!page.text.contains("Erika") && !page.text.contains("@"))
        #expect(api.send(.get, "/display/rathaus?sound=off&lang=de").text.contains(#"data-sound="off""#))
        #expect(api.send(.get, "/v1/offices/rathaus/queue.txt").text.contains("A001  Schalter 4"))
        #expect(api.send(.get, "/display/atlantis").status == 404)
    }

    @Test func theKioskTicketAndCounterPagesRender() throws {
        let api = try openOffice()
        let kiosk = try api.staffToken(.kiosk)
        let ticket = api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(kiosk)], json: #"{"services":["reisepass"]}"#)
        let print = try #require((ticket.json["links"] as? [String: String])?["print"])
        let slip = api.send(.get, print)
        #expect(slip.status == 200, "the kiosk opens the slip by navigation, without a token")
        #expect(slip.text.contains("A001"))
        #expect(slip.text.contains("Reisepass beantragen"))
        #expect(slip.text.contains("Ein aktuelles biometrisches Lichtbild"))
        #expect(api.send(.get, "/kiosk/rathaus/tickets/rathaus-2026-12-07-Z999").status == 404)
        let kioskPage = api.send(.get, "/kiosk/rathaus")
        #expect(kioskPage.text.contains(#"data-service="personalausweis""#))
        #expect(!kioskPage.text.contains("impfaktion"), "drawn services are not for walk-ins")
        try api.addStaff("erika", roles: "counter:rathaus")
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        let counter = clerk.get("/counter/rathaus/4")
        #expect(counter.text.contains("Schalter 4"))
        #expect(counter.header("Content-Security-Policy") != nil)
        #expect(clerk.get("/counter/rathaus/99").status == 404)
    }

    @Test func assetsAreRevalidatedWithETags() throws {
        let api = try openOffice()
        let script = api.send(.get, "/assets/display.js")
        #expect(script.status == 200)
        #expect(
            script.header("Content-Type")?.hasPrefix("text/javascript") == true
                || script.header("Content-Type")?.hasPrefix("application/javascript") == true)
        #expect(script.header("Cache-Control") == "no-cache")
        let tag = try #require(script.header("ETag"))
        #expect(api.send(.get, "/assets/display.js", headers: [("If-None-Match", tag)]).status == 304)
        #expect(api.send(.get, "/assets/nothing.js").status == 404)
        #expect(api.send(.get, "/favicon.ico").status == 204)
    }
}
