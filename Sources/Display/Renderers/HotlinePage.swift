/// The hotline console at `/staff/hotline`: one screen to find the earliest times for a service
/// across all offices, hold one and book it for the caller on the hotline contingent (or, with
/// nothing suitable free, leave a wish for the caller), find a booking by its reference, move or
/// cancel it, and read the checklist out. Served to signed-in hotline staff: `hotline.js` calls the
/// staff API with the session's cookie and its form token (`data-csrf`), which every change
/// carries.
package enum HotlinePage {
    /// One keyboard shortcut: the key, what it does, and the element it belongs to.
    struct Shortcut {
        var key: String
        var label: String
    }

    /// The shortcuts, in the order listed; `hotline.js` binds the same keys.
    static let shortcuts: [Shortcut] = [
        Shortcut(key: "S", label: "Termin suchen: Dienstleistung wählen"),
        Shortcut(key: "1–9", label: "Die Zeit mit dieser Nummer reservieren"),
        Shortcut(key: "N", label: "Zum Namen des Anrufers"),
        Shortcut(key: "V", label: "Reservierung verlängern"),
        Shortcut(key: "F", label: "Reservierung freigeben"),
        Shortcut(key: "T", label: "Termin finden: Buchungsnummer, Telefon, E-Mail oder Name"),
        Shortcut(key: "U", label: "Gefundenen Termin umbuchen"),
        Shortcut(key: "A", label: "Gefundenen Termin absagen"),
        Shortcut(key: "Esc", label: "Eingabefeld verlassen, Dialog schließen"),
    ]

    /// The console. `services` are every service (the hotline may book those not bookable online),
    /// `offices` the offices to limit a search to; `timeZone` the zone times are shown in and
    /// `serverTime` the server's clock in milliseconds, so that the hold's countdown does not depend
    /// on the device's clock; `person` and `formToken` are the signed-in staff member's name and
    /// their session's form token.
    package static func html(
        town: String, services: [ServiceOption], offices: [ServiceOption], timeZone: String?, serverTime: Int64?,
        person: String? = nil, formToken: String? = nil
    ) -> String {
        var attributes: [(String, String)] = [
            ("class", "hotline-page"),
            ("data-services-url", "/v1/services"),
            ("data-earliest-url", "/v1/availability/earliest"),
            ("data-offices-url", "/v1/offices"),
            ("data-holds-url", "/v1/holds"),
            ("data-bookings-url", "/v1/bookings"),
            ("data-search-url", "/v1/bookings/search"),
            ("data-wishes-url", "/v1/wishes"),
            ("data-wish-summary-url", "/v1/wishes/summary"),
        ]
        if let timeZone { attributes.append(("data-time-zone", timeZone)) }
        if let serverTime { attributes.append(("data-server-time", String(serverTime))) }
        if let formToken { attributes.append(("data-csrf", formToken)) }
        return PageShell.document(
            title: "Hotline – Termine – \(town)", stylesheets: ["hotline.css"], scripts: ["common.js", "hotline.js"],
            bodyAttributes: attributes
        ) { writer in
            writer.open("<header class=\"page-header hotline-header\">")
            writer.open("<h1 class=\"page-title\">")
            writer.line("Hotline: Termine")
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(town))</span>")
            writer.close("</h1>")
            writer.line("<p class=\"hotline-channel\">Bucht im Hotline-Kontingent</p>")
            writer.line(
                "<nav class=\"staff-nav\" aria-label=\"Bereiche\"><a href=\"/staff/bookings\">Termine des Tages</a></nav>"
            )
            if let person, let formToken {
                StaffParts.signOut(person: person, formToken: formToken, into: &writer)
            }
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.line("<div class=\"visually-hidden\" id=\"live\" aria-live=\"polite\"></div>")
            writer.open("<main class=\"hotline-main\" id=\"main\">")
            search(services: services, offices: offices, into: &writer)
            hold(into: &writer)
            lookup(into: &writer)
            shortcutList(into: &writer)
            writer.close("</main>")
            cancelDialog(into: &writer)
            StaffParts.noScript(into: &writer)
        }
    }

    private static func options(_ items: [ServiceOption], into writer: inout HTMLWriter) {
        for item in items {
            writer.line("<option value=\"\(HTML.escape(item.id))\">\(HTML.escape(item.name))</option>")
        }
    }

    private static func search(services: [ServiceOption], offices: [ServiceOption], into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel search-panel\" aria-labelledby=\"search-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"search-heading\">Termin suchen <kbd>S</kbd></h2>")
        writer.open("<form class=\"search-form\" id=\"search-form\">")
        writer.line("<label class=\"field-label\" for=\"search-service\">Dienstleistung</label>")
        writer.open("<select class=\"select\" id=\"search-service\" name=\"service\" aria-keyshortcuts=\"S\">")
        options(services, into: &writer)
        writer.close("</select>")
        writer.line("<label class=\"field-label\" for=\"search-extra\">Zusätzlich im selben Termin</label>")
        writer.open("<select class=\"select\" id=\"search-extra\" name=\"extra\">")
        writer.line("<option value=\"\">nichts weiter</option>")
        options(services, into: &writer)
        writer.close("</select>")
        writer.open("<div class=\"search-row\">")
        writer.open("<div>")
        writer.line("<label class=\"field-label\" for=\"search-persons\">Personen</label>")
        writer.line(
            "<input class=\"text-input\" id=\"search-persons\" name=\"persons\" type=\"number\" min=\"1\" max=\"20\" "
                + "value=\"1\" inputmode=\"numeric\">")
        writer.close("</div>")
        writer.open("<div>")
        writer.line("<label class=\"field-label\" for=\"search-office\">Standort</label>")
        writer.open("<select class=\"select\" id=\"search-office\" name=\"office\">")
        writer.line("<option value=\"\">alle Standorte</option>")
        options(offices, into: &writer)
        writer.close("</select>")
        writer.close("</div>")
        writer.close("</div>")
        writer.line("<button type=\"submit\" class=\"button button-primary\">Früheste Termine suchen</button>")
        writer.close("</form>")
        writer.line("<h3 class=\"subheading\" id=\"results-heading\">Früheste Termine</h3>")
        writer.line("<p class=\"empty\" id=\"results-empty\">Noch nicht gesucht.</p>")
        writer.line("<ol class=\"result-list\" id=\"results\" aria-labelledby=\"results-heading\"></ol>")
        writer.open("<div class=\"day-picker\" id=\"day-picker\" hidden>")
        writer.line("<h3 class=\"subheading\" id=\"day-heading\">Weitere Zeiten</h3>")
        writer.line("<label class=\"field-label\" for=\"day-select\">Tag</label>")
        writer.line("<select class=\"select\" id=\"day-select\"></select>")
        writer.line("<ul class=\"time-grid\" id=\"day-times\" aria-labelledby=\"day-heading\"></ul>")
        writer.close("</div>")
        wish(into: &writer)
        writer.close("</section>")
    }

    /// After a search: how many wishes wait for the service, and a wish for the caller
    /// (Documentation/Wishes.md), which counts at once and is offered a freed time by e-mail.
    private static func wish(into writer: inout HTMLWriter) {
        writer.open("<div class=\"wish-box\" id=\"wish-box\" hidden>")
        writer.line("<h3 class=\"subheading\" id=\"wish-heading\">Terminwünsche</h3>")
        writer.line("<p id=\"wish-count\"></p>")
        writer.open("<form class=\"book-form\" id=\"wish-form\" aria-labelledby=\"wish-heading\">")
        writer.line(
            "<p class=\"field-hint\">Nichts Passendes frei? Nehmen Sie einen Terminwunsch auf: Wird ein passender "
                + "Termin frei, wird er dem Anrufer per E-Mail angeboten.</p>")
        writer.line("<label class=\"field-label\" for=\"wish-name\">Name des Anrufers</label>")
        writer.line(
            "<input class=\"text-input\" id=\"wish-name\" name=\"name\" autocomplete=\"off\" maxlength=\"200\" required>"
        )
        writer.line("<label class=\"field-label\" for=\"wish-email\">E-Mail des Anrufers</label>")
        writer.line(
            "<input class=\"text-input\" id=\"wish-email\" name=\"email\" type=\"email\" autocomplete=\"off\" "
                + "maxlength=\"254\" required>")
        writer.line("<label class=\"field-label\" for=\"wish-latest\">Spätestens am</label>")
        writer.line("<input class=\"text-input\" id=\"wish-latest\" name=\"latest\" type=\"date\" required>")
        writer.line("<button type=\"submit\" class=\"button\">Terminwunsch aufnehmen</button>")
        writer.close("</form>")
        writer.close("</div>")
    }

    private static func hold(into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel hold-panel\" aria-labelledby=\"hold-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"hold-heading\">Reservierung und Buchung</h2>")
        writer.line(
            "<p class=\"empty\" id=\"hold-empty\">Keine Zeit reserviert. Wählen Sie eine Zeit "
                + "(<kbd>1</kbd> für die früheste).</p>")
        writer.open("<div class=\"hold-card\" id=\"hold-card\" hidden>")
        writer.line("<p class=\"hold-when\" id=\"hold-when\"></p>")
        writer.line("<p class=\"hold-where\" id=\"hold-where\"></p>")
        writer.line("<p class=\"hold-services\" id=\"hold-services\"></p>")
        writer.line(
            "<p class=\"hold-left\">Reserviert noch <span class=\"countdown\" id=\"hold-countdown\" role=\"timer\">"
                + "</span></p>")
        writer.open("<div class=\"button-row\">")
        writer.line(
            "<button type=\"button\" class=\"button button-small\" id=\"hold-extend\" aria-keyshortcuts=\"V\">"
                + "Verlängern <kbd>V</kbd></button>")
        writer.line(
            "<button type=\"button\" class=\"button button-small\" id=\"hold-release\" aria-keyshortcuts=\"F\">"
                + "Freigeben <kbd>F</kbd></button>")
        writer.close("</div>")
        writer.open("<form class=\"book-form\" id=\"book-form\">")
        writer.line("<label class=\"field-label\" for=\"book-name\">Name des Anrufers</label>")
        writer.line(
            "<input class=\"text-input\" id=\"book-name\" name=\"name\" autocomplete=\"off\" maxlength=\"200\" "
                + "required aria-keyshortcuts=\"N\">")
        writer.line("<label class=\"field-label\" for=\"book-phone\">Telefon</label>")
        writer.line(
            "<input class=\"text-input\" id=\"book-phone\" name=\"phone\" type=\"tel\" autocomplete=\"off\" "
                + "maxlength=\"40\">")
        writer.line("<label class=\"field-label\" for=\"book-email\">E-Mail (optional)</label>")
        writer.line(
            "<input class=\"text-input\" id=\"book-email\" name=\"email\" type=\"email\" autocomplete=\"off\" "
                + "maxlength=\"254\">")
        writer.line("<button type=\"submit\" class=\"button button-primary\">Buchen <kbd>Enter</kbd></button>")
        writer.close("</form>")
        writer.close("</div>")
        writer.open("<div class=\"booked-card\" id=\"booked-card\" tabindex=\"-1\" hidden>")
        writer.line("<h3 class=\"subheading\">Gebucht</h3>")
        bookingFacts(prefix: "booked", into: &writer)
        writer.close("</div>")
        writer.close("</section>")
    }

    /// The facts of a booking as the clerk reads them out: the reference (spelled), time, place,
    /// services, fee and the numbered checklist. `hotline.js` fills the elements `{prefix}-…`.
    private static func bookingFacts(prefix: String, into writer: inout HTMLWriter) {
        writer.line("<p class=\"reference\" id=\"\(prefix)-reference\"></p>")
        writer.line("<p class=\"spelled\" id=\"\(prefix)-spelled\"></p>")
        writer.open("<dl class=\"facts\">")
        writer.line("<div><dt>Wann</dt><dd id=\"\(prefix)-when\"></dd></div>")
        writer.line("<div><dt>Wo</dt><dd id=\"\(prefix)-where\"></dd></div>")
        writer.line("<div><dt>Anliegen</dt><dd id=\"\(prefix)-services\"></dd></div>")
        writer.line("<div><dt>Gebühr</dt><dd id=\"\(prefix)-fee\"></dd></div>")
        writer.close("</dl>")
        writer.line("<h4 class=\"checklist-heading\">Unterlagen vorlesen</h4>")
        writer.line("<ol class=\"checklist\" id=\"\(prefix)-documents\"></ol>")
    }

    private static func lookup(into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel lookup-panel\" aria-labelledby=\"lookup-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"lookup-heading\">Termin finden <kbd>T</kbd></h2>")
        writer.open("<form class=\"lookup-form\" id=\"lookup-form\">")
        writer.line(
            "<label class=\"field-label\" for=\"lookup-reference\">Buchungsnummer, Telefon, E-Mail oder Name</label>")
        writer.open("<div class=\"inline-form lookup-inline\">")
        writer.line(
            "<input class=\"text-input\" id=\"lookup-reference\" name=\"query\" autocomplete=\"off\" "
                + "spellcheck=\"false\" maxlength=\"200\" aria-keyshortcuts=\"T\" aria-describedby=\"lookup-hint\">")
        writer.line("<button type=\"submit\" class=\"button\">Finden</button>")
        writer.close("</div>")
        writer.line(
            "<p class=\"lookup-hint\" id=\"lookup-hint\">Zum Beispiel K7M-4PQ, 0431 123456, erika@beispiel.de oder "
                + "Mustermann. Findet heutige und kommende Termine, höchstens 20.</p>")
        writer.close("</form>")
        writer.line("<p class=\"empty\" id=\"lookup-count\" hidden></p>")
        writer.line(
            "<ul class=\"lookup-results\" id=\"lookup-results\" aria-labelledby=\"lookup-heading\" hidden></ul>")
        writer.open("<div class=\"found-card\" id=\"found-card\" tabindex=\"-1\" hidden>")
        writer.line("<h3 class=\"status\" id=\"found-status\"></h3>")
        bookingFacts(prefix: "found", into: &writer)
        writer.open("<dl class=\"facts\">")
        writer.line("<div><dt>Anrufer</dt><dd id=\"found-contact\"></dd></div>")
        writer.line("<div><dt>E-Mail</dt><dd><ul class=\"mail-status\" id=\"found-mail\"></ul></dd></div>")
        writer.close("</dl>")
        writer.open("<div class=\"button-row\">")
        writer.line(
            "<button type=\"button\" class=\"button button-small\" id=\"found-move\" aria-keyshortcuts=\"U\">"
                + "Umbuchen <kbd>U</kbd></button>")
        writer.line(
            "<button type=\"button\" class=\"button button-small button-danger\" id=\"found-cancel\" "
                + "aria-keyshortcuts=\"A\">Absagen <kbd>A</kbd></button>")
        writer.line(
            "<button type=\"button\" class=\"button button-small\" id=\"found-resend\" hidden>"
                + "Bestätigung erneut senden</button>")
        writer.close("</div>")
        writer.open("<div class=\"day-picker\" id=\"move-picker\" hidden>")
        writer.line("<h3 class=\"subheading\" id=\"move-heading\">Neue Zeit</h3>")
        writer.line("<label class=\"field-label\" for=\"move-day\">Tag</label>")
        writer.line("<select class=\"select\" id=\"move-day\"></select>")
        writer.line("<ul class=\"time-grid\" id=\"move-times\" aria-labelledby=\"move-heading\"></ul>")
        writer.close("</div>")
        writer.close("</div>")
        writer.close("</section>")
    }

    private static func shortcutList(into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel shortcuts-panel\" aria-labelledby=\"shortcuts-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"shortcuts-heading\">Tastenkürzel</h2>")
        writer.open("<dl class=\"shortcut-list\">")
        for shortcut in shortcuts {
            writer.line("<div><dt><kbd>\(shortcut.key)</kbd></dt><dd>\(shortcut.label)</dd></div>")
        }
        writer.close("</dl>")
        writer.line(
            "<p class=\"shortcut-note\">Die Buchstaben wirken, wenn kein Eingabefeld den Fokus hat; "
                + "<kbd>Enter</kbd> schickt das Formular ab, in dem Sie gerade sind.</p>")
        writer.close("</section>")
    }

    private static func cancelDialog(into writer: inout HTMLWriter) {
        writer.open("<dialog class=\"cancel-dialog\" id=\"cancel-dialog\" aria-labelledby=\"cancel-heading\">")
        writer.open("<form method=\"dialog\" class=\"dialog-form\">")
        writer.line("<h2 id=\"cancel-heading\">Termin wirklich absagen?</h2>")
        writer.line("<p id=\"cancel-what\"></p>")
        writer.open("<div class=\"button-row\">")
        writer.line("<button type=\"submit\" class=\"button button-danger\" value=\"cancel\">Ja, absagen</button>")
        writer.line("<button type=\"submit\" class=\"button\" value=\"keep\">Nein</button>")
        writer.close("</div>")
        writer.close("</form>")
        writer.close("</dialog>")
    }
}
