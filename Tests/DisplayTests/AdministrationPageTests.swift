import Testing

@testable import Display

/// The administration console's page, its fragments and its history page.
@Suite struct AdministrationPageTests {
    static func console() -> String {
        AdministrationPage.html(
            town: "Musterstadt",
            offices: [
                ServiceOption(id: "rathaus", name: "Bürgerbüro im Rathaus"),
                ServiceOption(id: "nord", name: Samples.hostile),
            ], tomorrow: "2026-12-08", thisWeek: "2026-12-07", timeZone: "Europe/Berlin", person: "Lena Leitung",
            formToken: Samples.formToken)
    }

    /// The history page of an office manager of two offices.
    static func historyPage() -> String {
        AdministrationHistoryPage.html(
            town: "Musterstadt", offices: ["rathaus", "nord"], person: "Lena Leitung", formToken: Samples.formToken)
    }

    static func editor() -> String {
        AdministrationPage.editor([
            EditorSection(
                id: "closures", heading: "Schließungen",
                lists: [
                    EditorList(
                        id: "office-closures", heading: "Eingetragene Schließungen", path: "offices[0].closures",
                        rows: [
                            EditorList.Row(
                                path: "offices[0].closures[0]", title: "Schließung am Di 08.12.2026",
                                fields: [
                                    EditorField(
                                        path: "offices[0].closures[0].date", label: "Datum", kind: .date,
                                        value: "2026-12-08"),
                                    EditorField(
                                        path: "offices[0].closures[0].from", label: "von", kind: .time, optional: true),
                                    EditorField(
                                        path: "offices[0].closures[0].reason", label: "Grund", kind: .text,
                                        value: Samples.hostile, optional: true),
                                    EditorField(
                                        path: "offices[0].closures[0].counters", label: "Nur diese Schalter",
                                        kind: .checkboxes([.init("1", "Schalter 1"), .init("2", "Schalter 2")]),
                                        values: ["2"], optional: true),
                                ])
                        ], addLabel: "Schließung hinzufügen", newItem: #"{"date":"2026-12-08","reason":"geschlossen"}"#)
                ]),
            EditorSection(
                id: "services", heading: "Dienstleistungen",
                lists: [
                    EditorList(
                        id: "services", heading: "Dienstleistungen", path: "services",
                        rows: [
                            EditorList.Row(
                                path: "services[0]", title: "Personalausweis",
                                fields: [
                                    EditorField(
                                        path: "services[0].fee.cents", label: "Gebühr", kind: .euro, value: "37,00"),
                                    EditorField(
                                        path: "services[0].bookableOnline", label: "Online buchbar", kind: .toggle,
                                        value: "true"),
                                    EditorField(
                                        path: "services[0].durationMinutes", label: "Dauer",
                                        kind: .number(min: 1, max: 480),
                                        value: "20"),
                                ], folded: true)
                        ])
                ]),
        ])
    }

    static func week(changed: Bool = false) -> WeekView {
        WeekView(
            caption: "Bürgerbüro im Rathaus, Woche vom Mo 07.12.2026 bis So 13.12.2026",
            days: ["Mo 07.12.", "Di 08.12."], dates: ["2026-12-07", "2026-12-08"],
            rows: [
                WeekView.Row(
                    counter: "Schalter 1",
                    cells: [
                        WeekView.Cell(intervals: [.init(time: "08:00–12:30", openTo: "online")], closures: []),
                        WeekView.Cell(intervals: [], closures: ["Streik"], changed: changed),
                    ])
            ], previous: "2026-11-30", next: "2026-12-14")
    }

    static func affected(moveTo: String?) -> ChangePreview.Affected {
        ChangePreview.Affected(
            id: "rathaus.abc", reference: "K7M-4PQ", when: "Di 08.12.2026, 09:00–09:20 Uhr",
            office: "Bürgerbüro im Rathaus",
            counter: "Schalter 1", services: "Personalausweis beantragen", name: Samples.hostile,
            contact: "0431 987654",
            hasEmail: false, reason: "geschlossen: Streik", moveTo: moveTo)
    }

    static func preview(decision: String = "cancel") -> String {
        AdministrationPage.preview(
            ChangePreview(
                changes: ["Bürgerbüro im Rathaus, Schließungen: neu – Di 08.12.2026 ganztägig: Streik"],
                week: week(changed: true),
                affected: [affected(moveTo: "Mi 09.12.2026, 10:30 Uhr"), affected(moveTo: nil)],
                decision: decision, version: 3))
    }

    static func problems() -> String {
        AdministrationPage.preview(
            ChangePreview(problems: [
                ChangePreview.Problem(
                    path: "offices[0].openingHours[1].to", place: "Öffnungszeiten, Regel 2, bis",
                    text: "Das Ende muss nach dem Beginn (12:00 Uhr) liegen.")
            ]))
    }

    static func history() -> String {
        AdministrationHistoryPage.entries(
            HistoryView(
                versions: [
                    HistoryView.Version(
                        number: 2, when: "Mo 07.12.2026, 09:41 Uhr", who: "Amtsleitung", source: "Konsole",
                        changes: [Samples.hostile])
                ],
                actions: [
                    HistoryView.Action(
                        when: "Mo 07.12.2026, 09:41 Uhr", who: "Amtsleitung", action: "Termin abgesagt",
                        office: "Bürgerbüro im Rathaus", target: "K7M-4PQ", detail: "Einstellungen, Version 2")
                ], keptDays: 180))
    }

    @Test func theConsoleAndTheHistoryRunUnderTheStrictPolicy() {
        for (name, html) in [
            ("console", Self.console()), ("history", Self.historyPage()),
            ("editor", Self.editor()), ("preview", Self.preview()), ("problems", Self.problems()),
            ("entries", Self.history()), ("week", AdministrationPage.week(Self.week())),
        ] {
            let lower = html.lowercased()
            #expect(!lower.contains("<style") && !lower.contains(" style="), "\(name)")
            #expect(!lower.contains(/\son[a-z]+\s*=/), "\(name)")
            #expect(!html.contains("<script>alert"), "\(name) escapes what it shows")
            #expect(lower.ranges(of: "<script").count == lower.ranges(of: "<script src=\"/assets/").count, "\(name)")
        }
        #expect(Self.console().contains("<script src=\"/assets/administration.js\" defer></script>"))
    }

    @Test func everyIdTheScriptLooksUpIsOnAPageOrInAFragment() throws {
        let script = String(decoding: try #require(Assets.file(named: "administration.js")).body, as: UTF8.self)
        let all = [
            Self.console(), Self.historyPage(), Self.editor(), Self.preview(),
            Self.problems(), Self.history(),
        ].joined()
        let ids = Set(script.matches(of: #/\$\('([a-z0-9-]+)'\)/#).map { String($0.output.1) })
        #expect(ids.count > 20)
        for id in ids where id != "call-list" && id != "call-list-heading" {
            #expect(all.contains(" id=\"\(id)\""), "administration.js looks up #\(id), which no page has")
        }
    }

    @Test func bothPagesNameTheSignedInPersonAndCarryTheSessionsFormTokenNotATokenForm() {
        for html in [Self.console(), Self.historyPage()] {
            #expect(html.contains("data-csrf=\"\(Samples.formToken)\""))
            #expect(html.contains("<span class=\"signed-in-name\">Angemeldet: Lena Leitung</span>"))
            #expect(html.contains("<form class=\"signed-in\" method=\"post\" action=\"/staff/sign-out\">"))
            #expect(html.contains("<a class=\"nav-link\" href=\"/staff\">Übersicht</a>"))
            #expect(!html.contains("token-panel") && !html.contains("data-token-key"))
        }
        #expect(Self.historyPage().contains("data-log-offices=\"rathaus nord\""))
        #expect(!AdministrationHistoryPage.html(town: "Musterstadt").contains("data-log-offices"), "the whole town's")
    }

    @Test func fieldIDsAreThePathsWithDashes() {
        #expect(AdministrationPage.fieldID("offices[0].closures[1].to") == "f-offices-0-closures-1-to")
        #expect(AdministrationPage.fieldID("services[12]") == "f-services-12")
        let editor = Self.editor()
        // Each field's label points at it, and its error sits beside it for the script to fill.
        #expect(editor.contains("<label class=\"field-label\" for=\"f-offices-0-closures-0-date\">Datum</label>"))
        #expect(editor.contains("<p class=\"field-error\" id=\"f-offices-0-closures-0-date-error\" hidden></p>"))
        #expect(editor.contains("aria-describedby=\"f-offices-0-closures-0-date-error\""))
        #expect(editor.contains("data-path=\"offices[0].closures[0].from\" data-optional=\"true\""))
        #expect(editor.contains("value=\"2\" checked> Schalter 2"))
        #expect(
            editor.contains(
                "data-item=\"{&quot;date&quot;:&quot;2026-12-08&quot;,&quot;reason&quot;:&quot;geschlossen&quot;}\""))
        #expect(editor.contains("<details class=\"editor-row\" data-path=\"services[0]\" id=\"f-services-0\">"))
        #expect(editor.contains("<a href=\"#section-closures\">Schließungen</a>"))
    }

    @Test func thePreviewPreselectsTheDecisionAndOffersAMoveOnlyWhereThereIsATime() {
        let html = Self.preview()
        #expect(html.contains("name=\"decision-all\" value=\"cancel\" checked"))
        #expect(html.ranges(of: "value=\"cancel\" data-booking=\"rathaus.abc\" checked").count == 2)
        #expect(html.contains("verschieben auf Mi 09.12.2026, 10:30 Uhr"))
        #expect(html.contains("keine freie Zeit zum Verschieben"))
        #expect(html.contains("Telefon: 0431 987654"))
        #expect(html.contains("id=\"save-change\""))
        #expect(html.contains("<td class=\"changed\">"))
        let moving = Self.preview(decision: "move")
        #expect(moving.contains("value=\"move\" data-booking=\"rathaus.abc\" checked"))
        #expect(moving.contains("value=\"keep\" data-booking=\"rathaus.abc\" checked"), "no time to move to: kept")
    }

    @Test func aRefusedChangeListsItsProblemsWithLinksToTheirFields() {
        let html = Self.problems()
        #expect(html.contains("data-outcome=\"invalid\""))
        #expect(
            html.contains("<li data-path=\"offices[0].openingHours[1].to\"><a href=\"#f-offices-0-openingHours-1-to\">")
        )
        #expect(!html.contains("save-change"), "nothing to save")
    }
}
