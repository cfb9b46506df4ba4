import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Staff sign in with local accounts through the pages, keep a session in a cookie, and act with it
/// on the staff pages and the API (Documentation/SignIn.md).
@Suite struct SignInRouteTests {
    func openOffice(_ adjust: (inout SignInSettings) -> Void = { _ in }) throws -> APIHarness {
        var settings = APIHarness.testSignIn
        adjust(&settings)
        let api = try APIHarness(signIn: settings)
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        return api
    }

    @Test func aClerkSignsInAndGetsANewSessionCookieAndTheirCounterPage() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let clerk = StaffBrowser(api)
        let page = clerk.get("/counter/rathaus/4")
        #expect(page.status == 303, "without a session the counter page sends the clerk to sign in")
        #expect(page.header("Location") == "/staff/sign-in?next=%2Fcounter%2Frathaus%2F4")

        let signIn = clerk.get("/staff/sign-in?next=%2Fcounter%2Frathaus%2F4")
        #expect(signIn.text.contains(#"<form class="sign-in-form" method="post" action="/staff/sign-in">"#))
        #expect(signIn.text.contains(#"name="password" type="password" autocomplete="current-password""#))
        #expect(!signIn.text.contains("Mit dem Dienstkonto"), "no identity provider is configured")
        let answer = clerk.signIn("Erika", next: "/counter/rathaus/4")
        #expect(answer.status == 303)
        #expect(answer.header("Location") == "/counter/rathaus/4")
        let cookie = try #require(APIHarness.setCookies(answer).first { $0.hasPrefix("rathaus_session=") })
        #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Lax"))
        let session = try #require(clerk.session)
        #expect(session.utf8.count == 43, "256 random bits in base64url")
        let stored = try api.database.reader.sync { try $0.query("SELECT id_hash FROM staff_session") }
        #expect(stored.count == 1)
        #expect(try stored.first?.value(at: 0, as: [UInt8].self) == Secrets.hash(token: session), "only its hash")

        let counter = clerk.get("/counter/rathaus/4")
        #expect(counter.status == 200)
        #expect(counter.text.contains("Angemeldet: Erika Mustermann"))
        #expect(counter.text.contains(#"data-csrf=""#))
        #expect(!counter.text.contains("token-panel"))
        // Behind a TLS proxy the cookie is marked Secure.
        let overTLS = StaffBrowser(api)
        let form = overTLS.get("/staff/sign-in")
        let answerOverTLS = overTLS.send(
            .post, "/staff/sign-in",
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Forwarded-Proto", "https")],
            body: FormEncoding.encode([
                ("login", "erika"), ("password", StaffBrowser.password),
                ("csrf", StaffBrowser.field("csrf", in: form.text) ?? ""),
            ]))
        #expect(
            APIHarness.setCookies(answerOverTLS).contains {
                $0.hasPrefix("rathaus_session=") && $0.hasSuffix("; Secure")
            })
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndAreAudited() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let browser = StaffBrowser(api)
        let wrong = browser.signIn("erika", password: "not the password")
        let unknown = browser.signIn("mallory", password: "not the password")
        for answer in [wrong, unknown] {
            #expect(answer.status == 401)
            #expect(answer.text.contains("Benutzername oder Passwort stimmt nicht."))
            #expect(!APIHarness.setCookies(answer).contains { $0.hasPrefix("rathaus_session=") })
            #expect(!answer.text.contains("not the password"))
        }
        #expect(wrong.text.contains(#"value="erika""#), "the name is kept in the form, never the password")
        let entries = try api.auditEntries()
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.action == "sign-in-failed" })
        #expect(
            entries.contains { $0.actorName == "Erika Mustermann" && $0.detail?.hasPrefix("wrong password") == true })
        #expect(entries.contains { $0.actor == "-" && $0.detail?.hasPrefix("unknown login name") == true })
        #expect(!entries.contains { ($0.detail ?? "").contains("mallory") }, "an unknown name may be a password")
    }

    @Test func guessingIsThrottledPerNameAndTheRightPasswordWaitsTooUntilTheWindowPasses() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let attacker = StaffBrowser(api)
        for guess in 1...5 {
            #expect(attacker.signIn("erika", password: "guess number \(guess)").status == 401)
        }
        let refused = attacker.signIn("erika")
        #expect(refused.status == 429)
        #expect(refused.text.contains("Zu viele Fehlversuche."))
        #expect(refused.header("Retry-After") == "900")
        #expect(attacker.session == nil, "the right password is not even checked")
        #expect(try api.auditEntries().count == 5, "refusals before the check are counted, not stored")
        api.clock.advance(minutes: 15)
        #expect(attacker.signIn("erika").status == 303, "the window has passed")
    }

    @Test func guessingIsThrottledPerAddressAcrossNames() throws {
        let api = try openOffice { $0.addressFailures = 3 }
        try api.addStaff("erika", roles: "counter:rathaus")
        let attacker = StaffBrowser(api)
        for name in ["anna", "bernd", "carla"] {
            #expect(attacker.signIn(name, password: "some guess here").status == 401)
        }
        #expect(attacker.signIn("erika").status == 429, "the right password of a fourth name waits too")
    }

    @Test func aSessionIDSetBeforeSignInIsNeverKept() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        try api.addStaff("mallory", name: "Mallory", roles: "counter:rathaus")
        // The attacker signs in and plants their own session id in the clerk's browser.
        let attacker = StaffBrowser(api)
        attacker.signIn("mallory")
        let planted = try #require(attacker.session)
        let clerk = StaffBrowser(api)
        let page = clerk.send(.get, "/staff/sign-in", headers: [("Cookie", "rathaus_session=\(planted)")])
        #expect(page.status == 200)
        let token = StaffBrowser.field("csrf", in: page.text) ?? ""
        let form = FormEncoding.encode([
            ("login", "erika"), ("password", StaffBrowser.password), ("next", "/staff"), ("csrf", token),
        ])
        let cookies = clerk.cookies.map { "\($0.key)=\($0.value.value)" } + ["rathaus_session=\(planted)"]
        let signedIn = api.send(
            .post, "/staff/sign-in",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Sec-Fetch-Site", "same-origin"),
                ("Cookie", cookies.joined(separator: "; ")),
            ], json: form)
        #expect(signedIn.status == 303)
        let fresh = try #require(
            APIHarness.setCookies(signedIn).first { $0.hasPrefix("rathaus_session=") }?.split(separator: ";").first)
        #expect(fresh != "rathaus_session=\(planted)", "sign-in gives a new id")
        let withPlanted = api.send(.get, "/staff", headers: [("Cookie", "rathaus_session=\(planted)")])
        #expect(withPlanted.status == 303, "the id the browser brought is ended, whoever's it was")
        let withFresh = api.send(.get, "/staff", headers: [("Cookie", String(fresh))])
        #expect(withFresh.text.contains("Guten Tag, Erika Mustermann"))
        // A made-up id is not adopted either.
        let madeUp = Secrets.token()
        let other = api.send(.get, "/staff", headers: [("Cookie", "rathaus_session=\(madeUp)")])
        #expect(other.status == 303)
    }

    @Test func aDisabledAccountsOpenSessionEndsAtItsNextRequest() throws {
        let api = try openOffice()
        let member = try api.addStaff("erika", roles: "counter:rathaus")
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        #expect(clerk.get("/counter/rathaus/4").status == 200)
        #expect(clerk.script(.get, "/v1/offices/rathaus/counters/4").status == 200)
        // As `rathaus staff disable` does, from another process: straight into the database.
        _ = try api.database.committer.withConnection { try $0.disableStaffMember(id: member.id, now: api.clock.now) }
        #expect(clerk.script(.get, "/v1/offices/rathaus/counters/4").status == 401)
        #expect(clerk.get("/counter/rathaus/4").header("Location")?.hasPrefix("/staff/sign-in") == true)
        #expect(clerk.signIn("erika").text.contains("Dieses Konto ist gesperrt."))
        #expect(try api.count("staff_session") == 0)
    }

    @Test func aSessionEndsWhenIdleAndAtItsAbsoluteLimitAndAutomaticRefreshesAreNotActivity() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        let background = [(StaffSessions.backgroundHeader, "1")]
        for _ in 0..<5 {
            api.clock.advance(minutes: 11)
            #expect(clerk.script(.get, "/v1/offices/rathaus/counters/4", headers: background).status == 200)
        }
        api.clock.advance(minutes: 6)
        #expect(
            clerk.script(.get, "/v1/offices/rathaus/counters/4", headers: background).status == 401,
            "61 minutes of automatic refreshes and no action: the session ended")

        clerk.signIn("erika")
        for _ in 0..<23 {
            api.clock.advance(minutes: 30)
            #expect(clerk.get("/counter/rathaus/4").status == 200)
            api.api.signIn.sessions.settle()
        }
        api.clock.advance(minutes: 31)
        #expect(clerk.get("/counter/rathaus/4").status == 303, "twelve hours at most, however active")
    }

    @Test func aCookieAloneChangesNothingAClerksScriptWithTheFormTokenCallsTheNextTicket() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let issued = api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(kiosk)], json: #"{"services":["reisepass"]}"#)
        #expect(issued.status == 201)
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        clerk.get("/counter/rathaus/4")
        let callNext = "/v1/offices/rathaus/counters/4/call-next"
        // A page of another site posting with the clerk's cookie (SameSite=Lax keeps it off, but
        // an older browser might send it): no form token, so not the clerk.
        let forged = clerk.send(.post, callNext, site: "cross-site")
        #expect(forged.status == 401)
        let withoutToken = clerk.send(.post, callNext)
        #expect(withoutToken.status == 401)
        #expect(withoutToken.problemKind == "unauthorized")
        let crossSiteWithToken = clerk.send(
            .post, callNext, headers: [(StaffSessions.formTokenHeader, clerk.sessionFormToken ?? "")],
            site: "cross-site")
        #expect(crossSiteWithToken.status == 401, "the token is accepted from this site only")
        let called = clerk.script(.post, callNext)
        #expect(called.status == 200)
        #expect(called.json["number"] as? String == "A001")
        let entry = try #require(try api.auditEntries().first { $0.action == "call-next" })
        #expect(entry.actorName == "Erika Mustermann")
        #expect(entry.role == "person")
        #expect(entry.office == "rathaus")
        #expect(entry.target == "rathaus-2026-12-07-A001")
    }

    @Test func rolesPerOfficeDecideWhatAPersonMayDo() throws {
        let api = try openOffice()
        try api.addStaff("nora", name: "Nora Nord", roles: "counter:nord")
        let clerk = StaffBrowser(api)
        clerk.signIn("nora")
        #expect(clerk.get("/counter/nord/n1").status == 200)
        let other = clerk.get("/counter/rathaus/4")
        #expect(other.status == 403)
        #expect(other.text.contains("Keine Berechtigung"))
        #expect(other.text.contains("counter for office rathaus"))
        #expect(clerk.script(.post, "/v1/offices/rathaus/counters/4/call-next").status == 403)
        #expect(clerk.get("/staff/hotline").status == 200, "counter staff book for callers at the counter too")
        #expect(clerk.script(.get, "/v1/audit?office=nord").status == 403, "counter staff see no audit trail")
        #expect(clerk.get("/staff/audit?office=nord").status == 403)
        let home = clerk.get("/staff")
        #expect(home.text.contains("Sachbearbeitung: Stadtteilbüro Nord"))
        #expect(home.text.contains(#"href="/counter/nord/n1""#))
        #expect(!home.text.contains(#"href="/counter/rathaus/"#))
    }

    @Test func anOfficeManagerSeesWhoDidWhatInTheirOfficeOnly() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        try api.addStaff("leitung", name: "Lena Leitung", roles: "office-manager:rathaus")
        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        _ = api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(kiosk)], json: #"{"services":["reisepass"]}"#)
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        clerk.get("/counter/rathaus/4")
        #expect(clerk.script(.post, "/v1/offices/rathaus/counters/4/call-next").status == 200)

        let manager = StaffBrowser(api)
        manager.signIn("leitung")
        let trail = manager.script(.get, "/v1/audit?office=rathaus")
        #expect(trail.status == 200)
        #expect(trail.header("Cache-Control") == "no-store")
        let entries = try #require(trail.json["entries"] as? [[String: Any]])
        let call = try #require(entries.first { $0["action"] as? String == "call-next" })
        #expect(call["name"] as? String == "Erika Mustermann")
        #expect(call["at"] as? String == "2026-12-07T09:30:00+01:00")
        #expect(!trail.text.contains("@"), "no contact data")
        #expect(manager.script(.get, "/v1/audit?office=nord").status == 403)
        #expect(manager.script(.get, "/v1/audit").status == 403, "the whole town is for administrators")
        #expect(manager.get("/staff/audit").header("Location") == "/staff/audit?office=rathaus")
        let page = manager.get("/staff/audit?office=rathaus&date=2026-12-07")
        #expect(page.status == 200)
        #expect(page.text.contains("<td>09:30:00</td><td>Erika Mustermann</td><td>Wartemarke aufgerufen</td>"))
        let admin = try api.staffToken(.admin)
        let town = api.send(.get, "/v1/audit", headers: [api.bearer(admin)])
        #expect(town.status == 200)
        #expect((town.json["entries"] as? [[String: Any]])?.contains { $0["action"] as? String == "sign-in" } == true)
        #expect(
            api.send(.get, "/v1/audit?office=rathaus&from=2026-12-08&to=2026-12-01", headers: [api.bearer(admin)])
                .status == 400)
    }

    @Test func officeManagersReadTheStatisticsOfTheirOfficesOnly() throws {
        let api = try openOffice()
        try api.addStaff("leitung", name: "Lena Leitung", roles: "office-manager:rathaus")
        let manager = StaffBrowser(api)
        manager.signIn("leitung")
        let page = manager.get("/staff/statistics")
        #expect(page.status == 200)
        #expect(page.text.contains(#"<option value="rathaus">Bürgerbüro im Rathaus</option>"#))
        #expect(!page.text.contains(#"<option value="nord">"#), "only the offices they manage")
        #expect(page.text.contains("Angemeldet: Lena Leitung"))
        #expect(manager.get("/staff/statistics/rathaus/report").status == 200)
        #expect(manager.get("/staff/statistics/nord/report").status == 403)
        #expect(manager.script(.get, "/v1/offices/rathaus/statistics").status == 200)
        // An integration reads them with an office manager's token.
        let integration = try api.staffToken(.officeManager, office: "rathaus")
        #expect(api.send(.get, "/v1/offices/rathaus/statistics.csv", headers: [api.bearer(integration)]).status == 200)
        #expect(api.send(.get, "/v1/offices/nord/statistics", headers: [api.bearer(integration)]).status == 403)
        let clerk = StaffBrowser(api)
        try api.addStaff("erika", roles: "counter:rathaus")
        clerk.signIn("erika")
        #expect(clerk.get("/staff/statistics").status == 403, "counter staff see no statistics")
    }

    @Test func signingOutEndsTheSessionAndTakesTheFormToken() throws {
        let api = try openOffice()
        try api.addStaff("erika", roles: "counter:rathaus")
        let clerk = StaffBrowser(api)
        clerk.signIn("erika")
        let home = clerk.get("/staff")
        let session = try #require(clerk.session)
        let forged = clerk.post("/staff/sign-out", [("csrf", "not-the-token")])
        #expect(forged.status == 403, "a sign-out without the session's token ends nothing")
        #expect(clerk.get("/staff").status == 200)
        let token = try #require(StaffBrowser.field("csrf", in: home.text))
        let out = clerk.post("/staff/sign-out", [("csrf", token)])
        #expect(out.status == 303)
        #expect(out.header("Location") == "/staff/signed-out")
        #expect(clerk.session == nil)
        let reused = api.send(.get, "/staff", headers: [("Cookie", "rathaus_session=\(session)")])
        #expect(reused.status == 303)
        #expect(try api.auditEntries().first?.action == "sign-out")
    }

    @Test func theAPIsAnswersToAPersonWithoutARoleAreProblemsAndPagesRedirect() throws {
        let api = try openOffice()
        let anonymous = StaffBrowser(api)
        let problem = anonymous.script(.get, "/v1/offices/rathaus/counters/4")
        #expect(problem.status == 401)
        #expect(problem.header("Content-Type") == "application/problem+json")
        #expect(anonymous.get("/staff/audit").header("Location") == "/staff/sign-in?next=%2Fstaff%2Faudit")
        #expect(anonymous.get("/staff/hotline").status == 303)
        #expect(
            anonymous.get("/staff/sign-in?next=https%3A%2F%2Fevil.example%2F").text.contains(
                #"name="next" value="/staff""#))
        #expect(anonymous.get("/staff/sign-in?next=%2F%2Fevil.example").text.contains(#"name="next" value="/staff""#))
    }

    @Test func withoutLocalAccountsNobodySignsInWithAPassword() throws {
        let api = try openOffice { $0.localAccounts = false }
        try api.addStaff("erika", roles: "counter:rathaus")
        let browser = StaffBrowser(api)
        #expect(browser.get("/staff/sign-in").text.contains("Hier ist keine Anmeldung eingerichtet."))
        // The page has no form; the token every form of this browser would carry (`FormGuard`).
        let form = try #require(browser.cookies[FormGuard.cookieName]?.value)
        let token = api.api.forms.issue(
            for: HTTPRequest(method: .get, target: "/", headers: ["Cookie": "\(FormGuard.cookieName)=\(form)"])
        ).token
        let answer = browser.post(
            "/staff/sign-in", [("login", "erika"), ("password", StaffBrowser.password), ("csrf", token)])
        #expect(answer.status == 404)
        #expect(browser.session == nil)
    }
}
