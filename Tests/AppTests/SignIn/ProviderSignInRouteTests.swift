import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Signing in at a real OpenID Connect provider (oidc-provider-mock, `Scripts/oidc-test-provider`)
/// through Rathaus's own routes: the sign-in page's button, the provider's form, the callback, and
/// the refusals of answers that do not belong to the sign-in (Core 1.0 §3.1.3.7). The provider
/// lets a test set any claim of its tokens (`PUT /users/<sub>`), `iss`, `aud`, `nonce` and `exp`
/// included, and signs what it issues with its own key.
@Suite(.enabled(if: MockIdentityProvider.isInstalled, "python3 with oidc-provider-mock is not installed"))
struct ProviderSignInRouteTests {
    static let redirectURI = "http://127.0.0.1:9/staff/sign-in/callback"

    func provider() throws -> MockIdentityProvider {
        try MockIdentityProvider.shared.get()
    }

    /// The demo town with the provider configured; the clock is the real one (the provider's
    /// tokens carry real times), and walk-in tickets and calls work at any hour.
    func openOffice() throws -> APIHarness {
        var configuration = OpenIDConfiguration(
            issuer: try provider().issuer, clientID: "rathaus", clientSecret: "s3cret", redirectURI: Self.redirectURI)
        configuration.allowsLoopbackHTTP = true
        var settings = APIHarness.testSignIn
        settings.provider = configuration
        let api = try APIHarness(signIn: settings)
        api.clock.set(Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        return api
    }

    /// A new subject per test, with `claims` (JSON members) in its tokens.
    func subject(_ name: String, claims: String) throws -> String {
        let subject = name + "-" + UUID().uuidString.prefix(8).lowercased()
        try provider().setClaims(of: subject, "{" + claims + "}")
        return subject
    }

    /// Presses the sign-in page's provider button and completes the provider's form as `subject`;
    /// returns the target of the way back (the callback's path and query). `editing` changes the
    /// authorization URL first, as a tampering browser could.
    func toProvider(
        _ browser: StaffBrowser, as subject: String, next: String = "/staff", editing: (String) -> String = { $0 }
    ) throws -> String {
        let page = browser.get("/staff/sign-in?next=" + FormEncoding.encode(next))
        #expect(page.text.contains("Mit dem Dienstkonto anmelden"))
        let token = try #require(StaffBrowser.field("csrf", in: page.text))
        let start = browser.post("/staff/sign-in/provider", [("csrf", token), ("next", next)])
        #expect(start.status == 303)
        let url = try #require(start.header("Location"))
        #expect(url.hasPrefix(try provider().issuer + "/oauth2/authorize?response_type=code&client_id=rathaus&"))
        #expect(url.contains("code_challenge_method=S256"))
        let cookie = try #require(APIHarness.setCookies(start).first { $0.hasPrefix("rathaus_sign_in=") })
        #expect(cookie.contains("; Path=/staff/sign-in; Max-Age=600; HttpOnly; SameSite=Lax"))
        let back = try provider().redirect(editing(url), as: subject)
        #expect(back.hasPrefix(Self.redirectURI + "?"))
        return String(back.dropFirst("http://127.0.0.1:9".count))
    }

    /// The callback's query with `name` set to `value`.
    func replacing(_ name: String, with value: String, in target: String) -> String {
        let parts = target.split(separator: "?", maxSplits: 1)
        let pairs = parts.last?.split(separator: "&").map { pair in
            pair.hasPrefix(name + "=") ? name + "=" + FormEncoding.encode(value) : String(pair)
        }
        return String(parts[0]) + "?" + (pairs ?? []).joined(separator: "&")
    }

    @Test func aClerkSignsInAtTheProviderAndTheirCallLandsInTheAuditTrail() throws {
        let api = try openOffice()
        let subject = try subject(
            "erika", claims: #""name": "Erika Mustermann", "rathaus_roles": ["counter:rathaus", "vpn-users"]"#)
        let clerk = StaffBrowser(api)
        let callback = try toProvider(clerk, as: subject, next: "/counter/rathaus/4")
        let back = clerk.get(callback)
        #expect(back.status == 303)
        #expect(back.header("Location") == "/counter/rathaus/4")
        #expect(APIHarness.setCookies(back).contains { $0.hasPrefix("rathaus_sign_in=;") && $0.contains("Max-Age=0") })
        #expect(clerk.session != nil)
        let page = clerk.get("/counter/rathaus/4")
        #expect(page.status == 200)
        #expect(page.text.contains("Angemeldet: Erika Mustermann"))

        let kiosk = try api.staffToken(.kiosk, office: "rathaus")
        let issued = api.send(
            .post, "/v1/offices/rathaus/tickets", headers: [api.bearer(kiosk)], json: #"{"services":["reisepass"]}"#)
        let number = try #require(issued.json["number"] as? String)
        let called = clerk.script(.post, "/v1/offices/rathaus/counters/4/call-next")
        #expect(called.status == 200)
        #expect(called.json["number"] as? String == number)

        let entries = try api.auditEntries()
        let call = try #require(entries.first { $0.action == "call-next" })
        #expect(call.actorName == "Erika Mustermann")
        #expect(call.role == "person")
        let member = try #require(try api.database.reader.sync { try $0.staffMember(id: call.actor) })
        #expect(member.issuer == (try provider().issuer))
        #expect(member.subject == subject)
        #expect(member.roles == "counter:rathaus", "roles from the claim; other groups ignored")
        #expect(entries.contains { $0.action == "sign-in" && $0.detail == "identity provider" })
        #expect(!entries.contains { ($0.detail ?? "").contains(subject) })
    }

    /// A refused way back: a 403 page that says so, no session, and an audit entry with the reason.
    func expectRefused(
        _ answer: APIHarness.Answer, _ browser: StaffBrowser, _ api: APIHarness, reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(answer.status == 403, sourceLocation: sourceLocation)
        #expect(
            answer.text.contains("Die Anmeldung beim Dienstkonto hat nicht geklappt."), sourceLocation: sourceLocation)
        #expect(browser.session == nil, sourceLocation: sourceLocation)
        let failure = try #require(try api.auditEntries().first, sourceLocation: sourceLocation)
        #expect(failure.action == "sign-in-failed", sourceLocation: sourceLocation)
        #expect(failure.detail?.contains(reason) == true, "\(failure.detail ?? "")", sourceLocation: sourceLocation)
    }

    @Test func anAnswerWithAnotherStateIsRefused() throws {
        let api = try openOffice()
        let subject = try subject("erika", claims: #""rathaus_roles": ["counter:rathaus"]"#)
        let browser = StaffBrowser(api)
        let callback = try toProvider(browser, as: subject)
        let answer = browser.get(replacing("state", with: Secrets.base64URL(Secrets.bytes(32)), in: callback))
        try expectRefused(answer, browser, api, reason: "state missing or different")
        #expect(browser.get(callback).status == 400, "the sign-in was used up by the refused answer")
    }

    @Test func aCodeIsRedeemedOnceAndACallbackUsedOnce() throws {
        let api = try openOffice()
        let subject = try subject("erika", claims: #""rathaus_roles": ["counter:rathaus"]"#)
        let browser = StaffBrowser(api)
        let callback = try toProvider(browser, as: subject)
        #expect(browser.get(callback).status == 303)
        // The same way back again: the sign-in it belonged to is gone.
        let again = browser.get(callback)
        #expect(again.status == 400)
        #expect(again.text.contains("Die Anmeldung ist abgelaufen."))
        // The code under a new sign-in's state: the provider refuses a code used before.
        let second = try toProvider(browser, as: subject)
        let code = try #require(callback.split(separator: "code=").last?.split(separator: "&").first)
        let replayed = browser.get(replacing("code", with: String(code), in: second))
        #expect(replayed.status == 403)
        let failure = try #require(try api.auditEntries().first)
        #expect(failure.detail?.contains("invalid_grant") == true, "\(failure.detail ?? "")")
    }

    @Test func aCallbackOpenedInAnotherBrowserFindsNoSignIn() throws {
        let api = try openOffice()
        let subject = try subject("erika", claims: #""rathaus_roles": ["counter:rathaus"]"#)
        let callback = try toProvider(StaffBrowser(api), as: subject)
        let other = StaffBrowser(api)
        let answer = other.get(callback)
        #expect(answer.status == 400)
        #expect(other.session == nil)
    }

    @Test(arguments: [
        (#""nonce": "a-nonce-of-another-sign-in""#, "nonce missing or different"),
        (#""iss": "https://login.example.org/realms/other""#, "was issued by https://login.example.org/realms/other"),
        (#""aud": "another-client""#, "meant for another-client"),
        (#""exp": 1700000000"#, "expired"),
    ])
    func anIDTokenThatIsNotForThisSignInIsRefused(claim: String, reason: String) throws {
        let api = try openOffice()
        let subject = try subject("mallory", claims: #""rathaus_roles": ["admin"], "# + claim)
        let browser = StaffBrowser(api)
        let answer = browser.get(try toProvider(browser, as: subject))
        try expectRefused(answer, browser, api, reason: reason)
        #expect(try api.count("staff_member") == 0)
    }

    @Test func aPersonWithoutARoleIsRefusedAndNamedInTheAuditTrail() throws {
        let api = try openOffice()
        let subject = try subject("max", claims: #""name": "Max Muster", "rathaus_roles": ["vpn-users"]"#)
        let browser = StaffBrowser(api)
        let answer = browser.get(try toProvider(browser, as: subject))
        #expect(answer.status == 403)
        #expect(answer.text.contains("Ihr Dienstkonto hat keine Rolle in Rathaus."))
        #expect(browser.session == nil)
        let failure = try #require(try api.auditEntries().first)
        #expect(failure.actorName == "Max Muster")
        #expect(failure.detail?.hasPrefix("no role in the claim rathaus_roles") == true)
    }

    @Test func aDisabledPersonIsRefusedAtTheirNextSignIn() throws {
        let api = try openOffice()
        let subject = try subject("erika", claims: #""rathaus_roles": ["hotline"]"#)
        let browser = StaffBrowser(api)
        #expect(browser.get(try toProvider(browser, as: subject)).status == 303)
        let member = try #require(try api.database.reader.sync { try $0.staffMembers() }.first)
        _ = try api.database.committer.withConnection { try $0.disableStaffMember(id: member.id, now: api.clock.now) }
        #expect(browser.get("/staff/hotline").status == 303, "the open session ended")
        let again = browser.get(try toProvider(browser, as: subject))
        #expect(again.status == 403)
        #expect(again.text.contains("Dieses Konto ist gesperrt."))
    }

    @Test func signingOutOffersTheProvidersSignOut() throws {
        let api = try openOffice()
        let subject = try subject("erika", claims: #""rathaus_roles": ["hotline"]"#)
        let browser = StaffBrowser(api)
        browser.get(try toProvider(browser, as: subject))
        let home = browser.get("/staff")
        let token = try #require(StaffBrowser.field("csrf", in: home.text))
        let out = browser.post("/staff/sign-out", [("csrf", token)])
        #expect(out.status == 303)
        #expect(out.header("Location") == "/staff/signed-out?provider")
        #expect(browser.session == nil)
        let page = browser.get("/staff/signed-out?provider")
        let signOut =
            (try provider().issuer) + "/oauth2/end_session?client_id=rathaus"
            + "&amp;post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fstaff%2Fsigned-out"
        #expect(
            page.text.contains(#"<a class="button button-primary" href="\#(signOut)">Beim Anmeldedienst abmelden</a>"#))
    }

    @Test func theSignInPageLetsItsFormGoOnToTheProvider() throws {
        let api = try openOffice()
        let page = StaffBrowser(api).get("/staff/sign-in")
        let policy = try #require(page.header("Content-Security-Policy"))
        #expect(policy.hasSuffix("; form-action 'self' \(try provider().issuer)"))
        let elsewhere = StaffBrowser(api).get("/staff/signed-out").header("Content-Security-Policy")
        #expect(elsewhere?.hasSuffix("; form-action 'self'") == true, "only the sign-in page names the provider")
    }
}
