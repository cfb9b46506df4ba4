import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Who may use the administration console and its API (Documentation/Administration.md, "Who may
/// change what"): signed-in office managers for the offices they manage, administrators for
/// everything, tokens for integrations; everyone else is refused.
@Suite struct AdministrationAccessTests {
    func openOffice() throws -> APIHarness {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T09:30"))
        return api
    }

    /// The demo document with the first service renamed: a change of the town-wide parts.
    static func renamingAService(_ api: APIHarness) throws -> String {
        let document = try #require(api.api.configuration.current.document)
        var services = document.root["services"]?.items ?? []
        let first = try #require(services.first)
        services[0] = first.setting("name", to: .string("Personalausweis (neu)"))
        return document.root.setting("services", to: .array(services)).text(pretty: false)
    }

    func signedIn(_ api: APIHarness, _ login: String, name: String = "Lena Leitung", roles: String) throws
        -> StaffBrowser
    {
        try api.addStaff(login, name: name, roles: roles)
        let browser = StaffBrowser(api)
        #expect(browser.signIn(login).status == 303)
        #expect(browser.get("/staff").status == 200, "the start page, with the session's form token")
        return browser
    }

    @Test func anOfficeManagerClosesADayAtTheirOfficeOnly() throws {
        let api = try openOffice()
        let renamed = try Self.renamingAService(api)
        let booked = api.book("2026-12-08T08:00:00+01:00")
        let id = try #require(booked.json["id"] as? String)
        let manager = try signedIn(api, "leitung", roles: "office-manager:rathaus")
        let console = manager.get("/staff/administration")
        #expect(console.status == 200)
        #expect(console.text.contains("Angemeldet: Lena Leitung"))
        #expect(console.text.contains(#"<option value="rathaus">Bürgerbüro im Rathaus</option>"#))
        #expect(!console.text.contains(#"<option value="nord">"#), "only the offices they manage")
        #expect(!console.text.contains("token-panel"))
        #expect(manager.script(.get, "/v1/configuration").header("ETag") == "\"1\"")

        let closing = try ConfigurationRouteTests.closing(api, date: "2026-12-08", reason: "Warnstreik")
        let preview = manager.script(
            .post, "/staff/administration/offices/rathaus/preview",
            json: #"{"document":\#(closing),"decision":"cancel","weekFrom":"2026-12-07"}"#)
        #expect(preview.text.contains("data-outcome=\"valid\""))
        #expect(preview.text.contains(try #require(booked.json["reference"] as? String)))
        let saved = manager.script(
            .put, "/v1/configuration", json: ConfigurationRouteTests.body(closing, decisions: [id: "cancel"]),
            headers: [("If-Match", "\"1\"")])
        #expect(saved.status == 200)
        #expect(saved.json["version"] as? Int == 2)
        let day = api.send(
            .get, "/v1/offices/rathaus/availability?service=personalausweis&from=2026-12-08&to=2026-12-08")
        #expect(
            (day.json["days"] as? [[String: Any]])?.allSatisfy { ($0["slots"] as? [String])?.isEmpty ?? true } == true)
        let change = try #require(try api.auditEntries().first { $0.action == "reconfigure" })
        #expect(change.actorName == "Lena Leitung" && change.role == "person")
        let history = manager.get("/staff/administration/history/entries")
        let version = try #require(history.text.firstMatch(of: #/Version 2<span class="cell-note">([^<]*)</span>/#))
        #expect(version.output.1.contains("Lena Leitung"), "the version names the person who made it")
        #expect(history.text.contains("<td>Lena Leitung</td><td>Einstellungen übernommen</td>"))
        #expect(!history.text.contains("<td>Angemeldet</td>"), "the town's sign-ins are for administrators")

        let nord = try ConfigurationRouteTests.closing(api, date: "2026-12-08", office: "nord")
        for target in ["/v1/configuration/preview", "/v1/configuration"] {
            let refused = manager.script(
                target.hasSuffix("preview") ? .post : .put, target, json: ConfigurationRouteTests.body(nord))
            #expect(refused.status == 403, "\(target)")
            #expect(refused.problemKind == "forbidden")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(refused.text.contains("office nord"))
        }
        let service = manager.script(.put, "/v1/configuration", json: ConfigurationRouteTests.body(renamed))
        #expect(service.status == 403)
        #expect(service.text.contains("only administrators"))
        #expect(api.api.configuration.version == 2, "nothing refused was saved")

        #expect(manager.get("/staff/administration/offices/nord/editor").status == 403)
        #expect(manager.get("/staff/administration/offices/nord/flagged").status == 403)
        #expect(manager.script(.get, "/v1/offices/nord/week").status == 403)
        let editor = manager.get("/staff/administration/offices/rathaus/editor")
        #expect(editor.text.contains("data-path=\"offices[0].openingHours[0].from\""))
        #expect(!editor.text.contains("data-path=\"services[0]"), "the town's services are not theirs to change")
        #expect(manager.script(.get, "/v1/audit-log?office=rathaus").status == 200)
        #expect(manager.script(.get, "/v1/audit-log?office=nord").status == 403)
        #expect(manager.script(.get, "/v1/audit-log").status == 403, "the whole town's log is for administrators")
        #expect(manager.get("/staff").text.contains(#"href="/staff/administration""#))
    }

    @Test func theDemoAccountUsesTheConsoleForEveryOfficeButNotTheServices() throws {
        let api = try openOffice()
        let renamed = try Self.renamingAService(api)
        let demo = try signedIn(api, "leitung", roles: StaffAccess.demoAccountRoles)
        let console = demo.get("/staff/administration")
        #expect(console.text.contains(#"<option value="rathaus">"#) && console.text.contains(#"<option value="nord">"#))
        #expect(demo.get("/staff").text.contains(#"href="/staff/administration""#))
        let nord = try ConfigurationRouteTests.closing(api, date: "2026-12-08", office: "nord")
        #expect(demo.script(.put, "/v1/configuration", json: ConfigurationRouteTests.body(nord)).status == 200)
        let service = demo.script(.put, "/v1/configuration", json: ConfigurationRouteTests.body(renamed))
        #expect(service.status == 403)
    }

    @Test func anAdministratorChangesTheServicesToo() throws {
        let api = try openOffice()
        let renamed = try Self.renamingAService(api)
        let admin = try signedIn(api, "it", name: "Ida IT", roles: "admin")
        let console = admin.get("/staff/administration")
        #expect(console.text.contains(#"<option value="rathaus">"#) && console.text.contains(#"<option value="nord">"#))
        #expect(admin.get("/staff/administration/offices/nord/editor").text.contains("data-path=\"services[0].name\""))
        let saved = admin.script(.put, "/v1/configuration", json: ConfigurationRouteTests.body(renamed))
        #expect(saved.status == 200)
        #expect(admin.script(.get, "/v1/audit-log").status == 200)
        let history = admin.get("/staff/administration/history/entries")
        #expect(history.text.contains("<td>Ida IT</td><td>Angemeldet</td>"), "the whole town's actions")
    }

    @Test func tokensKeepTheAPIAnOfficeManagersTokenForItsOfficeOnly() throws {
        let api = try openOffice()
        let renamed = try Self.renamingAService(api)
        let integration = try api.staffToken(.officeManager, office: "rathaus")
        let rathaus = try ConfigurationRouteTests.closing(api, date: "2026-12-08")
        let nord = try ConfigurationRouteTests.closing(api, date: "2026-12-08", office: "nord")
        #expect(api.send(.get, "/v1/configuration", headers: [api.bearer(integration)]).status == 200)
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(integration)],
                json: ConfigurationRouteTests.body(rathaus)
            ).status == 200)
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(integration)], json: ConfigurationRouteTests.body(nord)
            )
            .status == 403)
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(integration)],
                json: ConfigurationRouteTests.body(renamed)
            ).status == 403)
        let admin = try api.staffToken(.admin)
        #expect(
            api.send(.put, "/v1/configuration", headers: [api.bearer(admin)], json: ConfigurationRouteTests.body(nord))
                .status == 200)
    }

    @Test func aHotlinePersonIsRefusedAndASignedOutVisitorIsSentToSignIn() throws {
        let api = try openOffice()
        let hotline = try signedIn(api, "hanna", name: "Hanna Hotline", roles: "hotline")
        let refused = hotline.get("/staff/administration")
        #expect(refused.status == 403)
        #expect(refused.text.contains("Keine Berechtigung"))
        #expect(hotline.get("/staff/administration/history").status == 403)
        #expect(hotline.script(.get, "/v1/configuration").status == 403)
        let closing = try ConfigurationRouteTests.closing(api, date: "2026-12-08")
        #expect(hotline.script(.put, "/v1/configuration", json: ConfigurationRouteTests.body(closing)).status == 403)
        #expect(!hotline.get("/staff").text.contains(#"href="/staff/administration""#))

        let visitor = StaffBrowser(api)
        for page in ["/staff/administration", "/staff/administration/history"] {
            let answer = visitor.get(page)
            #expect(answer.status == 303)
            #expect(answer.header("Location") == "/staff/sign-in?next=" + FormEncoding.encode(page))
        }
        #expect(visitor.script(.get, "/v1/configuration").status == 401)
        #expect(api.api.configuration.version == 1)
    }
}
