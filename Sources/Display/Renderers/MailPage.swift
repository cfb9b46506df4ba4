/// The staff's mail page at `/staff/mail` (Documentation/Mail.md, "Staff"): the outbox's newest
/// messages with what became of each (and, with the demo's Maildir folder, the message itself),
/// and a preview of every kind of message in German and English, for signed-in staff. `mail.js`
/// loads everything from the API with the session.
package enum MailPage {
    /// The kinds of message, as the preview offers them: API name and label.
    package static let kinds: [(String, String)] = [
        ("confirmation", "Terminbestätigung"), ("confirmation-request", "Bitte um Bestätigung (Double-Opt-in)"),
        ("reminder", "Erinnerung"), ("moved", "Verschoben"), ("cancelled", "Abgesagt"),
        ("released", "Nicht bestätigt, freigegeben"),
    ]

    /// The page for `person` (their name and sign-out button), whose session's form token is
    /// `formToken`.
    package static func html(town: String, person: String? = nil, formToken: String? = nil) -> String {
        var attributes: [(String, String)] = [("class", "mail-page")]
        if let formToken { attributes.append(("data-csrf", formToken)) }
        return PageShell.document(
            title: "E-Mail – \(town)", stylesheets: ["mail.css"], scripts: ["common.js", "mail.js"],
            bodyAttributes: attributes
        ) { writer in
            writer.open("<header class=\"page-header\">")
            writer.open("<h1 class=\"page-title\">")
            writer.line("E-Mail")
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(town))</span>")
            writer.close("</h1>")
            if let person, let formToken {
                StaffParts.signOut(person: person, formToken: formToken, into: &writer)
            }
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.open("<main class=\"mail-main\" id=\"main\">")
            writer.open("<section class=\"mail-section\" aria-labelledby=\"outbox-heading\">")
            writer.line("<h2 id=\"outbox-heading\">Postausgang</h2>")
            writer.line("<p class=\"mail-transport\" id=\"transport\"></p>")
            writer.open("<form class=\"mail-form\" id=\"outbox-form\">")
            writer.line("<label class=\"field-label\" for=\"outbox-status\">Stand</label>")
            writer.open("<select class=\"select\" id=\"outbox-status\">")
            for (value, label) in [
                ("", "alle"), ("waiting", "wartet"), ("sent", "versandt"), ("failed", "nicht zugestellt"),
                ("dropped", "verworfen"),
            ] {
                writer.line("<option value=\"\(value)\">\(label)</option>")
            }
            writer.close("</select>")
            writer.line("<button type=\"submit\" class=\"button\">Aktualisieren</button>")
            writer.close("</form>")
            writer.open("<table class=\"mail-table\">")
            writer.line("<caption class=\"visually-hidden\">Die neuesten Nachrichten</caption>")
            writer.line(
                "<thead><tr><th scope=\"col\">Erstellt</th><th scope=\"col\">Art</th><th scope=\"col\">Buchung</th>"
                    + "<th scope=\"col\">Sprache</th><th scope=\"col\">Stand</th><th scope=\"col\">Versuche</th>"
                    + "<th scope=\"col\">Ergebnis</th><th scope=\"col\">Nachricht</th></tr></thead>")
            writer.line("<tbody id=\"messages\"><tr><td colspan=\"8\">Wird geladen …</td></tr></tbody>")
            writer.close("</table>")
            writer.close("</section>")
            writer.open("<section class=\"mail-section\" aria-labelledby=\"preview-heading\">")
            writer.line("<h2 id=\"preview-heading\">Vorschau mit einer Beispielbuchung</h2>")
            writer.open("<form class=\"mail-form\" id=\"preview-form\">")
            writer.line("<label class=\"field-label\" for=\"preview-kind\">Art</label>")
            writer.open("<select class=\"select\" id=\"preview-kind\">")
            for (value, label) in kinds { writer.line("<option value=\"\(value)\">\(HTML.escape(label))</option>") }
            writer.close("</select>")
            writer.line("<label class=\"field-label\" for=\"preview-language\">Sprache</label>")
            writer.open("<select class=\"select\" id=\"preview-language\">")
            writer.line("<option value=\"de\">Deutsch</option>")
            writer.line("<option value=\"en\">Englisch</option>")
            writer.close("</select>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">Anzeigen</button>")
            writer.close("</form>")
            writer.close("</section>")
            writer.open("<section class=\"mail-section\" aria-labelledby=\"viewer-heading\">")
            writer.line("<h2 id=\"viewer-heading\" tabindex=\"-1\">Nachricht</h2>")
            writer.line(
                "<pre class=\"mail-viewer\" id=\"viewer\" aria-live=\"polite\">Eine Nachricht oder eine Vorschau wählen.</pre>"
            )
            writer.close("</section>")
            writer.close("</main>")
            StaffParts.noScript(into: &writer)
        }
    }
}
