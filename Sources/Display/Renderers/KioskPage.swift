/// The ticket kiosk (Wartemarkenautomat) at `/kiosk/{office}`: touch-sized buttons per service
/// group, then per service, to draw a walk-in ticket, and a check-in by booking reference (or the
/// arrival code of a ticket from home) with an on-screen keypad or a hand scanner. `kiosk.js` calls the API and opens the printable ticket.
///
/// All screens are rendered here; the script only shows one at a time. The kiosk's token comes
/// from the URL fragment once (`/kiosk/rathaus#token=…`), see `common.js`.
package enum KioskPage {
    /// The characters of a booking reference (`K7M-4PQ`), as the booking side issues them.
    package static let defaultReferenceAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

    /// The kiosk page of an office. Groups without services are left out; `referenceAlphabet` is
    /// the set of characters the keypad offers and the input accepts.
    package static func html(
        officeID: String, officeName: String, groups: [KioskGroup],
        referenceAlphabet: String = defaultReferenceAlphabet, timeZone: String? = nil
    ) -> String {
        let office = HTML.pathSegment(officeID)
        let groups = groups.filter { !$0.services.isEmpty }
        return PageShell.document(
            title: "Wartemarke ziehen – \(officeName)",
            stylesheets: ["kiosk.css"],
            scripts: ["common.js", "kiosk.js"],
            bodyAttributes: [
                ("class", "kiosk"),
                ("data-office", officeID),
                ("data-token-key", "rathaus:kiosk:\(officeID)"),
                ("data-tickets-url", "/v1/offices/\(office)/tickets"),
                ("data-check-in-url", "/v1/offices/\(office)/check-in"),
                ("data-board-url", "/v1/offices/\(office)/queue"),
                ("data-alphabet", referenceAlphabet),
            ] + (timeZone.map { [("data-time-zone", $0)] } ?? [])
        ) { writer in
            writer.open("<header class=\"page-header kiosk-header\">")
            writer.line("<h1 class=\"page-title\">\(HTML.escape(officeName))</h1>")
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.open("<main class=\"kiosk-main\" id=\"main\">")
            start(groups, into: &writer)
            for group in groups {
                groupScreen(group, into: &writer)
            }
            checkIn(referenceAlphabet, into: &writer)
            writer.open("<section class=\"screen screen-busy\" id=\"screen-busy\" data-screen=\"busy\" hidden>")
            writer.line("<p class=\"busy-text\">Ihre Wartemarke wird erstellt …</p>")
            writer.close("</section>")
            writer.close("</main>")
            StaffParts.tokenPanel(into: &writer)
            StaffParts.noScript(into: &writer)
        }
    }

    private static func start(_ groups: [KioskGroup], into writer: inout HTMLWriter) {
        writer.open(
            "<section class=\"screen\" id=\"screen-start\" data-screen=\"start\" aria-labelledby=\"start-heading\">")
        writer.open("<h2 class=\"screen-heading\" id=\"start-heading\">")
        writer.line("Bitte wählen Sie Ihr Anliegen")
        writer.line("<span class=\"translation\" lang=\"en\">Please choose what you have come for</span>")
        writer.close("</h2>")
        writer.open("<ul class=\"choice-list group-list\">")
        for group in groups {
            let letter = HTML.escape(group.letter)
            writer.open("<li>")
            writer.open("<button type=\"button\" class=\"choice group-choice\" data-group=\"\(letter)\">")
            writer.line("<span class=\"group-letter\" aria-hidden=\"true\">\(letter)</span>")
            writer.open("<span class=\"choice-text\">")
            writer.line("<span class=\"choice-name\">\(HTML.escape(group.name))</span>")
            let names = group.services.map { HTML.escape($0.name) }.joined(separator: " · ")
            writer.line("<span class=\"choice-detail\">\(names)</span>")
            writer.line("<span class=\"choice-wait\" data-wait-for=\"\(letter)\"></span>")
            writer.close("</span>")
            writer.close("</button>")
            writer.close("</li>")
        }
        writer.close("</ul>")
        writer.open("<button type=\"button\" class=\"choice check-in-choice\" data-show=\"check-in\">")
        writer.line("<span class=\"check-in-icon\" aria-hidden=\"true\">✓</span>")
        writer.open("<span class=\"choice-text\">")
        writer.line("<span class=\"choice-name\">Ich habe einen Termin</span>")
        writer.line("<span class=\"choice-detail\">oder eine Wartemarke aus dem Internet</span>")
        writer.line("<span class=\"choice-detail\" lang=\"en\">I have an appointment or an online ticket</span>")
        writer.close("</span>")
        writer.close("</button>")
        writer.close("</section>")
    }

    private static func groupScreen(_ group: KioskGroup, into writer: inout HTMLWriter) {
        let letter = HTML.escape(group.letter)
        writer.open(
            "<section class=\"screen\" id=\"screen-group-\(letter)\" data-screen=\"group-\(letter)\" "
                + "aria-labelledby=\"group-heading-\(letter)\" hidden>"
        )
        writer.open("<h2 class=\"screen-heading\" id=\"group-heading-\(letter)\">")
        writer.line("<span class=\"group-letter\" aria-hidden=\"true\">\(letter)</span>")
        writer.line(HTML.escape(group.name))
        writer.close("</h2>")
        writer.open("<ul class=\"choice-list service-list\">")
        for service in group.services {
            writer.line(
                "<li><button type=\"button\" class=\"choice service-choice\" data-service=\"\(HTML.escape(service.id))\" "
                    + "data-service-name=\"\(HTML.escape(service.name))\">"
                    + "<span class=\"choice-name\">\(HTML.escape(service.name))</span></button></li>"
            )
        }
        writer.close("</ul>")
        backButton(into: &writer)
        writer.close("</section>")
    }

    private static func checkIn(_ alphabet: String, into writer: inout HTMLWriter) {
        writer.open(
            "<section class=\"screen\" id=\"screen-check-in\" data-screen=\"check-in\" "
                + "aria-labelledby=\"check-in-heading\" hidden>"
        )
        writer.open("<h2 class=\"screen-heading\" id=\"check-in-heading\">")
        writer.line("Termin einchecken")
        writer.line("<span class=\"translation\" lang=\"en\">Check in for your appointment</span>")
        writer.close("</h2>")
        writer.open("<form class=\"check-in-form\" id=\"check-in-form\" novalidate>")
        writer.line(
            "<label class=\"field-label\" for=\"reference\">Ihre Buchungsnummer aus der Terminbestätigung, z. B. K7M-4PQ, "
                + "oder der Ankunftscode Ihrer Wartemarke aus dem Internet. Oder halten Sie den QR-Code an den Scanner.</label>"
        )
        writer.line(
            "<input class=\"reference-input\" id=\"reference\" name=\"reference\" autocomplete=\"off\" "
                + "autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"7\" required>"
        )
        writer.open("<div class=\"keypad\" role=\"group\" aria-label=\"Tastatur\">")
        for character in alphabet {
            let key = HTML.escape(String(character))
            writer.line("<button type=\"button\" class=\"key\" data-key=\"\(key)\">\(key)</button>")
        }
        writer.line(
            "<button type=\"button\" class=\"key key-wide\" data-key=\"Backspace\" aria-label=\"Zeichen löschen\">⌫</button>"
        )
        writer.close("</div>")
        writer.line("<button type=\"submit\" class=\"button button-primary button-large\">Einchecken</button>")
        writer.close("</form>")
        backButton(into: &writer)
        writer.close("</section>")
    }

    private static func backButton(into writer: inout HTMLWriter) {
        writer.line("<button type=\"button\" class=\"button back-button\" data-show=\"start\">← Zurück</button>")
    }
}
