/// The clerk's page at `/counter/{office}/{counter}`: call the next ticket, recall, start, finish,
/// mark a no-show, park, transfer, and put parked tickets back in line; the current ticket with its
/// services and document checklist. Served to a signed-in clerk: `counter.js` calls the staff API
/// with the session's cookie and its form token (`data-csrf`) and follows the office's event
/// stream to keep the waiting count current.
package enum CounterPage {
    /// One action button: what the script calls it, its label and its keyboard shortcut.
    struct Action {
        var name: String
        var label: String
        var key: String
        var style: String
    }

    /// The actions in the order shown; `counter.js` binds the same keys.
    static let actions: [Action] = [
        Action(name: "next", label: "Nächste aufrufen", key: "N", style: "button-primary"),
        Action(name: "recall", label: "Erneut aufrufen", key: "R", style: ""),
        Action(name: "start", label: "Bedienung beginnen", key: "B", style: ""),
        Action(name: "finish", label: "Fertig", key: "F", style: "button-primary"),
        Action(name: "no-show", label: "Nicht erschienen", key: "X", style: ""),
        Action(name: "park", label: "Parken", key: "P", style: ""),
        Action(name: "transfer", label: "Weiterleiten …", key: "W", style: ""),
    ]

    /// The page of one counter. `services` and `counters` are the transfer choices (the counter
    /// itself is left out of `counters`); `timeZone` (IANA) is the zone the script shows times in,
    /// nil for the device's; `person` and `formToken` are the signed-in clerk's name and their
    /// session's form token.
    package static func html(
        officeID: String, officeName: String, counterID: String, counterName: String, services: [ServiceOption],
        counters: [CounterOption] = [], timeZone: String? = nil, person: String? = nil, formToken: String? = nil
    ) -> String {
        let office = HTML.pathSegment(officeID)
        let counter = HTML.pathSegment(counterID)
        var attributes: [(String, String)] = [
            ("class", "counter-page"),
            ("data-office", officeID),
            ("data-counter", counterID),
            ("data-counter-url", "/v1/offices/\(office)/counters/\(counter)"),
            ("data-call-next-url", "/v1/offices/\(office)/counters/\(counter)/call-next"),
            ("data-tickets-url", "/v1/tickets"),
            ("data-events-url", "/v1/offices/\(office)/queue/events"),
        ]
        if let timeZone {
            attributes.append(("data-time-zone", timeZone))
        }
        if let formToken {
            attributes.append(("data-csrf", formToken))
        }
        return PageShell.document(
            title: "\(counterName) – \(officeName)",
            stylesheets: ["counter.css"],
            scripts: ["common.js", "counter.js"],
            bodyAttributes: attributes
        ) { writer in
            writer.open("<header class=\"page-header counter-header\">")
            writer.open("<h1 class=\"page-title\">")
            writer.line(HTML.escape(counterName))
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(officeName))</span>")
            writer.close("</h1>")
            writer.open("<p class=\"waiting-summary\">")
            writer.line("<span class=\"waiting-count\" id=\"waiting-count\">–</span> warten auf diesen Schalter")
            writer.close("</p>")
            writer.line(
                "<p class=\"connection-note\" id=\"connection\" role=\"status\" hidden>Verbindung wird wiederhergestellt …</p>"
            )
            if let person, let formToken {
                StaffParts.signOut(person: person, formToken: formToken, into: &writer)
            }
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.open("<main class=\"counter-main\" id=\"main\">")
            current(into: &writer)
            controls(into: &writer)
            writer.close("</main>")
            transferDialog(services: services, counters: counters.filter { $0.id != counterID }, into: &writer)
            StaffParts.noScript(into: &writer)
            templates(into: &writer)
        }
    }

    private static func current(into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel current\" aria-labelledby=\"current-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"current-heading\">Am Schalter</h2>")
        writer.line(
            "<p class=\"current-empty\" id=\"current-empty\">Keine Wartemarke am Schalter. "
                + "Rufen Sie die nächste auf (<kbd>N</kbd>).</p>"
        )
        writer.open("<article class=\"ticket-card\" id=\"ticket-card\" aria-labelledby=\"ticket-number\" hidden>")
        writer.open("<div class=\"ticket-head\">")
        writer.line("<p class=\"ticket-number\" id=\"ticket-number\"></p>")
        writer.line("<p class=\"ticket-state\" id=\"ticket-state\"></p>")
        writer.close("</div>")
        writer.open("<dl class=\"ticket-facts\">")
        writer.line("<div><dt>Gezogen</dt><dd id=\"ticket-issued\"></dd></div>")
        writer.line(
            "<div id=\"ticket-appointment-row\" hidden><dt>Termin</dt><dd id=\"ticket-appointment\"></dd></div>")
        writer.close("</dl>")
        writer.line("<h3 class=\"ticket-subheading\">Anliegen</h3>")
        writer.line("<ul class=\"ticket-services\" id=\"ticket-services\"></ul>")
        writer.line("<h3 class=\"ticket-subheading\">Unterlagen</h3>")
        writer.line("<ul class=\"checklist\" id=\"ticket-documents\"></ul>")
        writer.line("<p class=\"ticket-no-documents\" id=\"ticket-no-documents\" hidden>Keine Unterlagen nötig.</p>")
        writer.close("</article>")
        writer.close("</section>")
    }

    private static func controls(into writer: inout HTMLWriter) {
        writer.open("<div class=\"counter-side\">")
        writer.open("<section class=\"panel actions\" aria-labelledby=\"actions-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"actions-heading\">Aktionen</h2>")
        writer.open("<div class=\"action-list\">")
        for action in actions {
            let style = action.style.isEmpty ? "" : " \(action.style)"
            writer.line(
                "<button type=\"button\" class=\"button action\(style)\" data-action=\"\(action.name)\" "
                    + "aria-keyshortcuts=\"\(action.key)\" disabled>\(action.label) <kbd>\(action.key)</kbd></button>"
            )
        }
        writer.close("</div>")
        writer.close("</section>")
        writer.open("<section class=\"panel parked\" aria-labelledby=\"parked-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"parked-heading\">Geparkt</h2>")
        writer.line("<ul class=\"parked-list\" id=\"parked-list\"></ul>")
        writer.line("<p class=\"parked-empty\" id=\"parked-empty\">Keine geparkten Wartemarken.</p>")
        writer.close("</section>")
        writer.open("<section class=\"panel shortcuts\" aria-labelledby=\"shortcuts-heading\">")
        writer.line("<h2 class=\"panel-heading\" id=\"shortcuts-heading\">Tastenkürzel</h2>")
        writer.open("<dl class=\"shortcut-list\">")
        for action in actions {
            writer.line("<div><dt><kbd>\(action.key)</kbd></dt><dd>\(action.label)</dd></div>")
        }
        writer.line("<div><dt><kbd>Esc</kbd></dt><dd>Dialog schließen</dd></div>")
        writer.close("</dl>")
        writer.line("<p class=\"shortcut-note\">Die Kürzel wirken nicht, solange ein Eingabefeld den Fokus hat.</p>")
        writer.close("</section>")
        writer.close("</div>")
    }

    private static func transferDialog(
        services: [ServiceOption], counters: [CounterOption], into writer: inout HTMLWriter
    ) {
        writer.open("<dialog class=\"transfer-dialog\" id=\"transfer-dialog\" aria-labelledby=\"transfer-heading\">")
        writer.open("<form class=\"transfer-form\" id=\"transfer-form\">")
        writer.line("<h2 id=\"transfer-heading\">Weiterleiten</h2>")
        writer.open("<fieldset class=\"transfer-services\">")
        writer.line("<legend>An Anliegen (leer lassen: Anliegen bleiben)</legend>")
        for service in services {
            writer.line(
                "<label class=\"check\"><input type=\"checkbox\" name=\"service\" value=\"\(HTML.escape(service.id))\" "
                    + "data-service=\"\(HTML.escape(service.id))\" data-service-name=\"\(HTML.escape(service.name))\"> "
                    + "\(HTML.escape(service.name))</label>"
            )
        }
        writer.close("</fieldset>")
        if !counters.isEmpty {
            writer.line("<label class=\"field-label\" for=\"transfer-counter\">An Schalter</label>")
            writer.open("<select class=\"select\" id=\"transfer-counter\" name=\"counter\">")
            writer.line("<option value=\"\">jeder passende Schalter</option>")
            for counter in counters {
                writer.line("<option value=\"\(HTML.escape(counter.id))\">\(HTML.escape(counter.name))</option>")
            }
            writer.close("</select>")
        }
        writer.open("<div class=\"dialog-buttons\">")
        writer.line("<button type=\"submit\" class=\"button button-primary\">Weiterleiten</button>")
        writer.line("<button type=\"button\" class=\"button\" id=\"transfer-cancel\">Abbrechen</button>")
        writer.close("</div>")
        writer.close("</form>")
        writer.close("</dialog>")
    }

    /// Markup the script clones for a parked ticket.
    private static func templates(into writer: inout HTMLWriter) {
        writer.open("<template id=\"parked-template\">")
        writer.open("<li class=\"parked-item\">")
        writer.line("<span class=\"parked-number\"></span>")
        writer.line("<span class=\"parked-services\"></span>")
        writer.line("<button type=\"button\" class=\"button button-small\" data-resume>Wieder einreihen</button>")
        writer.close("</li>")
        writer.close("</template>")
    }
}
