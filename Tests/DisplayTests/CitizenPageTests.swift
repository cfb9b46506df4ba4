import Foundation
import Testing

@testable import Display

@Suite struct CitizenPageTests {
    @Test(arguments: CitizenSamples.pages().map(\.name))
    func thePageMatchesItsGoldenFile(name: String) throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == name }).html
        try Golden.expect(html, matches: name)
    }

    @Test func pagesRunUnderAStrictContentSecurityPolicyAndSayTheirLanguage() {
        for (name, html) in CitizenSamples.pages() {
            let lower = html.lowercased()
            #expect(lower.ranges(of: "<script").count == lower.ranges(of: "<script src=\"/assets/").count, "\(name)")
            #expect(
                !lower.contains("<style") && !lower.contains(" style=") && !lower.contains("javascript:"), "\(name)")
            #expect(!lower.contains(/\son[a-z]+\s*=/), "\(name)")
            let language = name.contains("-en") ? "en" : "de"
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">\n"), "\(name)")
        }
    }

    @Test func everyCitizenPageHasOneHeadingASkipLinkAndTheLanguageSwitch() {
        for (name, html) in CitizenSamples.pages() where name.hasPrefix("citizen") {
            #expect(html.ranges(of: "<h1").count == 1, "\(name)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(name)")
            #expect(html.contains("<main class=\"citizen-main\" id=\"main\" tabindex=\"-1\">"), "\(name)")
            #expect(html.contains("id=\"live\" aria-live=\"polite\""), "\(name)")
            let other =
                name.contains("-en") ? "hreflang=\"de\" lang=\"de\">Deutsch" : "hreflang=\"en\" lang=\"en\">English"
            #expect(html.contains(other), "\(name)")
        }
    }

    /// Every visible form control has a `<label for>` (WCAG 1.3.1, 3.3.2, 4.1.2).
    @Test func everyFieldHasALabel() {
        for (name, html) in CitizenSamples.pages() {
            for match in html.matches(of: #/<(input|select)[^>]* id="([^"]+)"/#) {
                let tag = String(match.output.0)
                guard !tag.contains("type=\"hidden\"") else { continue }
                #expect(html.contains("for=\"\(match.output.2)\""), "\(name): #\(match.output.2) has no label")
            }
            #expect(!html.contains(/<input(?![^>]*type="hidden")(?![^>]*\sid=)[^>]*>/), "\(name): an input without id")
        }
    }

    @Test func formsThatChangeSomethingPostAndCarryTheFormToken() {
        for (name, html) in CitizenSamples.pages() where name.hasPrefix("citizen") {
            let posts = html.ranges(of: "method=\"post\"").count
            #expect(html.ranges(of: "<input type=\"hidden\" name=\"csrf\" value=\"f0rm\">").count == posts, "\(name)")
        }
        // Nothing personal is in a link or a form's address: the contact goes in POST bodies only.
        let review = CitizenSamples.pages().first { $0.name == "citizen-review.html" }?.html ?? ""
        for match in review.matches(of: #/(?:href|action|formaction)="([^"]*)"/#) {
            #expect(!match.output.1.contains("Erika") && !match.output.1.contains("example.org"))
        }
        #expect(review.contains("<input type=\"hidden\" name=\"email\" value=\"erika@example.org\">"))
    }

    @Test func aProblemIsNamedInTextNextToItsFieldAndListedWithALink() throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == "citizen-contact-problems.html" }).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n"))
        #expect(html.contains("<title>Fehler: Ihre Angaben"))
        #expect(html.contains("role=\"alert\""))
        #expect(html.contains("<li><a href=\"#name\">Geben Sie Ihren Vor- und Nachnamen ein.</a></li>"))
        #expect(
            html.contains(
                "id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" inputmode=\"email\" maxlength=\"254\" "
                    + "spellcheck=\"false\" value=\"erika(at)example\" aria-describedby=\"email-error\" aria-invalid=\"true\">"
            ))
        #expect(html.contains("name@beispiel.de"), "the message suggests the right form")
        #expect(!html.contains("data-extend"), "no extension left")
        #expect(html.contains("data-remaining-seconds=\"90\""))
    }

    /// Enter in a text field sends the form with its first submit button (HTML §4.10.21.2): that must
    /// be the step's own button, not the hold's extension.
    @Test func enterInAFieldSendsTheFormNotTheExtension() throws {
        for name in ["citizen-contact.html", "citizen-review.html", "citizen-contact-en.html"] {
            let html = try #require(CitizenSamples.pages().first { $0.name == name }).html
            let primary = try #require(html.range(of: "class=\"button button-primary\""))
            let extend = try #require(html.range(of: "data-extend"))
            #expect(primary.lowerBound < extend.lowerBound, "\(name)")
            #expect(!html.contains(" form=\""), "\(name): no button outside its form")
        }
    }

    @Test func theContactFieldsSayWhatTheyAreForAutocomplete() throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == "citizen-contact.html" }).html
        #expect(html.contains("autocomplete=\"name\""))
        #expect(html.contains("autocomplete=\"email\""))
        #expect(html.contains("autocomplete=\"tel\""))
        #expect(html.contains("formaction=\"/reservierung/rathaus.h0ld/verlaengern\" formnovalidate data-extend"))
        #expect(html.contains("role=\"timer\""))
    }

    @Test func englishPagesMarkTheGermanNamesFromTheConfiguration() throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == "citizen-start-en.html" }).html
        #expect(html.contains("<span lang=\"de\">Personalausweis beantragen</span>"))
        #expect(html.contains("<legend lang=\"de\">Ausweise und Pässe</legend>"))
        #expect(html.contains("What do you need an appointment for?"))
        #expect(html.contains("action=\"/en/unterlagen\""))
        let german = try #require(CitizenSamples.pages().first { $0.name == "citizen-start.html" }).html
        #expect(!german.contains("lang=\"de\">Personalausweis"))
    }

    @Test func eachTimeButtonNamesItsDayForScreenReaders() throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == "citizen-times.html" }).html
        #expect(
            html.contains(
                "value=\"2026-12-08T08:00:00+01:00\">08:00<span class=\"visually-hidden\"> Uhr, Dienstag, 8. Dezember 2026"
                    + "</span></button>"))
        #expect(html.contains("aria-current=\"date\""))
        #expect(html.contains("<h3 class=\"part-heading\">Vormittags</h3>"))
        #expect(html.contains("<h3 class=\"part-heading\">Nachmittags</h3>"))
    }

    @Test func aTakenTimeIsReportedWithTheNextFreeTimesFirst() throws {
        let html = try #require(CitizenSamples.pages().first { $0.name == "citizen-times-taken.html" }).html
        let notice = try #require(html.range(of: "Diese Zeit ist leider schon vergeben"))
        let next = try #require(html.range(of: "Die nächsten freien Zeiten"))
        let days = try #require(html.range(of: "Tage mit freien Zeiten"))
        #expect(notice.lowerBound < next.lowerBound && next.lowerBound < days.lowerBound)
        #expect(html.contains("<title>Fehler: "))
    }

    @Test func everyValueIsEscaped() {
        let hostile = Samples.hostile
        var service = CitizenSamples.services()[0]
        service.name = hostile
        service.feeNote = hostile
        let selection = Selection(
            services: [service], persons: 1, office: OfficeSummary(id: hostile, name: hostile, address: [hostile]),
            documents: [SlipDocument(name: hostile, note: hostile, condition: hostile)])
        let pages = [
            ServicesPage.html(language: .english, town: hostile, services: [service], chosen: [hostile]),
            SelectionPage.html(language: .german, town: hostile, selection: selection, offices: [selection.office!]),
            HoldPage.review(
                language: .german, town: hostile, selection: selection, hold: CitizenSamples.hold(),
                contact: ContactEntry(name: hostile, email: hostile, phone: hostile), formToken: hostile),
            MessagePage.html(language: .german, town: hostile, notice: Notice(.error, title: hostile, detail: hostile)),
        ]
        for html in pages {
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func bothLanguagesWordTheSameProblemsAndSteps() {
        let german = CitizenText.german
        let english = CitizenText.english
        #expect(Set(german.problems.keys) == Set(english.problems.keys))
        #expect(german.stepNames.count == CitizenShell.stepCount && english.stepNames.count == CitizenShell.stepCount)
        #expect(german.problem("nothing-like-this").title == german.problemFallback.title)
        for kind in ["slot-unavailable", "hold-expired", "limit-reached", "outside-booking-window"] {
            #expect(german.problems[kind] != nil, "\(kind)")
        }
    }

    @Test func theCitizenAndHotlinePagesHaveTheContrastWCAGAsks() throws {
        for page in ["citizen.css", "hotline.css"] {
            var colours: [String: String] = [:]
            for name in ["base.css", page] {
                let css = String(decoding: try #require(Assets.file(named: name)).body, as: UTF8.self)
                for match in css.matches(of: #/--([a-z-]+): (#[0-9a-fA-F]{6});/#) {
                    colours[String(match.output.1)] = String(match.output.2)
                }
            }
            func ratio(_ a: String, _ b: String) throws -> Double {
                PaletteTests.contrast(try #require(colours[a]), try #require(colours[b]))
            }
            // Text, links and error text on every background they appear on (1.4.3).
            for (text, background) in [
                ("text", "bg"), ("text", "surface"), ("text", "primary-soft"), ("text", "danger-soft"),
                ("text", "success-soft"), ("muted", "bg"), ("muted", "surface"), ("muted", "primary-soft"),
                ("primary", "bg"), ("primary", "surface"), ("primary", "primary-soft"), ("on-primary", "primary"),
                ("on-primary", "primary-hover"), ("danger", "bg"), ("danger", "surface"), ("danger", "danger-soft"),
            ] {
                #expect(try ratio(text, background) >= 4.5, "\(page): --\(text) on --\(background)")
            }
            // Borders of controls and the focus ring (1.4.11).
            for (line, background) in [
                ("border", "surface"), ("border", "bg"), ("primary", "bg"), ("danger", "danger-soft"),
                ("success", "surface"), ("focus", "bg"), ("focus", "surface"), ("on-primary", "primary"),
            ] {
                #expect(try ratio(line, background) >= 3, "\(page): --\(line) on --\(background)")
            }
        }
    }

    /// What `citizen.js` and `hotline.js` look up exists on their pages.
    @Test func whatTheScriptsLookUpIsOnTheirPages() throws {
        let pages = CitizenSamples.pages()
        for (script, page) in [
            ("citizen.js", "citizen-contact-problems.html"), ("citizen.js", "citizen-room-queued.html"),
            ("hotline.js", "hotline.html"), ("daylist.js", "staff-day.html"),
        ] {
            let text = String(decoding: try #require(Assets.file(named: script)).body, as: UTF8.self)
            let html = try #require(pages.first { $0.name == page }).html
            // citizen.js serves several pages: the hold's parts on the contact page, the waiting
            // room's on the room's.
            let own = page == "citizen-room-queued.html" ? ["room-status", "main", "live"] : nil
            let ids = Set(text.matches(of: #/(?:\$|getElementById)\('([a-z0-9-]+)'\)/#).map { String($0.output.1) })
            #expect(!ids.isEmpty)
            for id in ids where own?.contains(id) ?? (id != "room-status") {
                #expect(html.contains(" id=\"\(id)\""), "\(script) looks up #\(id), which \(page) lacks")
            }
            let prefixed = text.matches(of: #/\$\(`\$\{prefix\}-([a-z]+)`\)/#).map { String($0.output.1) }
            // The facts of a booking (`booked-…`, `found-…`) and the day pickers (`day-…`, `move-…`).
            for id in prefixed {
                let found = [["booked", "found"], ["day", "move"]].contains { prefixes in
                    prefixes.allSatisfy { html.contains(" id=\"\($0)-\(id)\"") }
                }
                #expect(found, "\(script) looks up #…-\(id), which \(page) lacks")
            }
            let bodyLine = try #require(html.split(separator: "\n").first { $0.contains("<body ") })
            for key in Set(text.matches(of: #/body\.dataset\.([a-zA-Z]+)/#).map { String($0.output.1) }) {
                let attribute = "data-" + key.map { $0.isUppercase ? "-" + $0.lowercased() : String($0) }.joined()
                #expect(bodyLine.contains(" \(attribute)=\""), "\(script) reads \(attribute), which \(page) lacks")
            }
        }
    }

    @Test func theHotlineConsoleListsEveryShortcutItBinds() {
        let html = CitizenSamples.hotlinePage()
        for shortcut in HotlinePage.shortcuts {
            #expect(html.contains("<div><dt><kbd>\(shortcut.key)</kbd></dt><dd>\(shortcut.label)</dd></div>"))
        }
        for key in ["S", "N", "V", "F", "T", "U", "A"] {
            #expect(html.contains("aria-keyshortcuts=\"\(key)\""), "\(key)")
        }
        #expect(html.contains("data-server-time=\"1796632860000\""))
        #expect(html.contains("data-csrf=\"\(Samples.formToken)\""))
        #expect(!html.contains("token-panel"), "the console is for signed-in staff, not tokens")
    }
}
