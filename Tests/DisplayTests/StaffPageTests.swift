import Testing

@testable import Display

/// The staff's own pages: sign-in, the start page, the audit trail, a refusal.
@Suite struct StaffPageTests {
    static func signIn(provider: Bool = true, local: Bool = true, notice: Notice? = nil) -> String {
        SignInPage.html(
            SignInPage.Model(
                town: "Musterstadt", provider: provider, localAccounts: local, next: "/counter/rathaus/4",
                formToken: "Zm9ybS10b2tlbi1vZi10aGUtcGFnZQ", login: "erika", notice: notice))
    }

    static let frame = StaffFrame(
        town: "Musterstadt", title: "Protokoll", person: "Lena Leitung", formToken: Samples.formToken)

    static func audit() -> String {
        AuditPage.html(
            frame,
            AuditPage.Model(
                offices: [
                    ServiceOption(id: "rathaus", name: "Bürgerbüro im Rathaus"),
                    ServiceOption(id: "", name: "Ganze Stadt"),
                ],
                office: "rathaus", date: "2026-12-07", dateText: "Montag, 7. Dezember 2026",
                lines: [
                    AuditLine(
                        time: "09:41:07", who: "Erika Mustermann", action: "Wartemarke aufgerufen",
                        target: "rathaus-2026-12-07-A017", detail: ""),
                    AuditLine(
                        time: "09:40:12", who: "Schlüssel Kiosk Eingang (kiosk)", action: "Termin gebucht",
                        target: "K7M-4PQ", detail: ""),
                ], truncated: false))
    }

    static func home() -> String {
        StaffHomePage.html(
            StaffFrame(
                town: "Musterstadt", title: "Übersicht", person: "Erika Mustermann", formToken: Samples.formToken),
            roles: ["Sachbearbeitung: Bürgerbüro im Rathaus", "Hotline"],
            groups: [
                StaffLinks(
                    title: "Schalter",
                    links: [StaffLink(href: "/counter/rathaus/4", label: "Bürgerbüro im Rathaus: Schalter 4")]),
                StaffLinks(
                    title: "Termine",
                    links: [StaffLink(href: "/staff/hotline", label: "Termine für Anrufende (Hotline)")]),
                StaffLinks(title: "Amtsleitung", links: []),
            ])
    }

    @Test(arguments: ["staff-sign-in.html", "staff-home.html", "staff-audit.html"])
    func thePageMatchesItsGoldenFile(name: String) throws {
        let html =
            switch name {
            case "staff-sign-in.html": Self.signIn()
            case "staff-home.html": Self.home()
            default: Self.audit()
            }
        try Golden.expect(html, matches: name)
    }

    @Test func theSignInFormsPostSoNoSecretGoesIntoAURL() {
        let html = Self.signIn()
        #expect(html.contains(#"<form method="post" action="/staff/sign-in/provider">"#))
        #expect(html.contains(#"<form class="sign-in-form" method="post" action="/staff/sign-in">"#))
        #expect(html.ranges(of: "<form").count == 2)
        #expect(html.ranges(of: #"method="post""#).count == 2, "every form posts")
        #expect(html.contains(#"name="password" type="password""#))
        #expect(!html.contains(#"name="token""#))
        #expect(!html.contains("<script"), "the sign-in works without JavaScript")
    }

    @Test func theSignInPageShowsOnlyTheWaysThatAreSetUp() {
        #expect(!Self.signIn(provider: false).contains("Dienstkonto"))
        #expect(!Self.signIn(local: false).contains("Passwort"))
        #expect(Self.signIn(provider: false, local: false).contains("keine Anmeldung eingerichtet"))
        let refused = Self.signIn(notice: Notice(.error, title: "Benutzername oder Passwort stimmt nicht."))
        #expect(refused.contains(#"<div class="message" role="alert" data-kind="error">"#))
    }

    @Test func theKiosksTokenFormSendsNothingWithoutItsScript() {
        let html = Samples.pages().first { $0.name == "kiosk" }?.html ?? ""
        #expect(html.contains(#"<form class="token-form" id="token-form" method="post">"#))
        #expect(html.contains(#"<input class="text-input" id="token-input" type="password""#))
        #expect(!html.contains(#"name="token""#), "a field without a name is never sent, in no URL")
    }

    @Test func everyValueOfTheStaffPagesIsEscaped() {
        let hostile = Samples.hostile
        let html = AuditPage.html(
            StaffFrame(town: hostile, title: hostile, person: hostile, formToken: hostile),
            AuditPage.Model(
                offices: [ServiceOption(id: hostile, name: hostile)], office: hostile, date: hostile, dateText: hostile,
                lines: [AuditLine(time: hostile, who: hostile, action: hostile, target: hostile, detail: hostile)],
                truncated: true))
        #expect(!html.contains("<script>alert"))
        let signIn = SignInPage.html(
            SignInPage.Model(
                town: hostile, provider: true, localAccounts: true, next: hostile, formToken: hostile, login: hostile))
        #expect(!signIn.contains("<script>alert"))
    }
}
