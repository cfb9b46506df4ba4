/// The history of the administration at `/staff/administration/history`: every version of the
/// configuration with who made it, when and what it changed (each version's document can be read
/// and downloaded as JSON), and the staff's actions from the audit log. `administration.js` loads
/// the entries (`entries`, a fragment) with the signed-in staff member's session and does the
/// downloads.
package enum AdministrationHistoryPage {
    /// The page. `offices` are the ids of the offices whose actions the staff member reads (empty:
    /// the whole town's, for administrators), which the export asks the audit log for; `person`
    /// and `formToken` the signed-in staff member's name and their session's form token.
    package static func html(
        town: String, offices: [String] = [], person: String? = nil, formToken: String? = nil
    ) -> String {
        var attributes = [
            ("class", "administration-page history-page"),
            ("data-entries-url", "/staff/administration/history/entries"),
        ]
        if !offices.isEmpty { attributes.append(("data-log-offices", offices.joined(separator: " "))) }
        if let formToken { attributes.append(("data-csrf", formToken)) }
        return PageShell.document(
            title: "Verlauf – Verwaltung – \(town)", stylesheets: ["administration.css"],
            scripts: ["common.js", "administration.js"], bodyAttributes: attributes
        ) { writer in
            AdministrationPage.header(
                town: town, current: .history, person: person, formToken: formToken, into: &writer)
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.open("<main class=\"administration-main\" id=\"main\">")
            writer.open("<p class=\"panel-actions\">")
            writer.line(
                "<button type=\"button\" class=\"button\" id=\"export-history\">Verlauf als JSON exportieren</button>")
            writer.close("</p>")
            writer.line("<div id=\"history\" aria-busy=\"true\"><p class=\"empty\">Wird geladen …</p></div>")
            writer.open(
                "<section class=\"panel\" id=\"document-panel\" aria-labelledby=\"document-heading\" tabindex=\"-1\" "
                    + "hidden>")
            writer.line("<h2 id=\"document-heading\">Dokument</h2>")
            writer.line("<pre class=\"document-text\" id=\"document-text\" tabindex=\"0\"></pre>")
            writer.close("</section>")
            writer.close("</main>")
            StaffParts.noScript(into: &writer)
        }
    }

    /// The entries (a fragment): the versions, then the staff's actions.
    package static func entries(_ view: HistoryView) -> String {
        var writer = HTMLWriter()
        writer.open("<section class=\"panel\" aria-labelledby=\"versions-heading\">")
        writer.line("<h2 id=\"versions-heading\">Änderungen der Einstellungen</h2>")
        writer.line(
            "<p class=\"explanation\">Jede gespeicherte Fassung mit Zeit, Person und Änderungen. Der Verlauf wird "
                + "\(view.keptDays) Tage aufbewahrt, die aktuelle Fassung immer.</p>")
        if view.versions.isEmpty { writer.line("<p class=\"empty\">Keine Fassungen gespeichert.</p>") }
        writer.open("<ol class=\"version-list\">")
        for version in view.versions {
            writer.open("<li class=\"version\" id=\"version-\(version.number)\">")
            writer.line(
                "<h3>Version \(version.number)<span class=\"cell-note\">\(HTML.escape(version.when)), "
                    + "\(HTML.escape(version.who)) (\(HTML.escape(version.source)))</span></h3>")
            if version.changes.isEmpty {
                writer.line("<p class=\"empty\">Keine Änderung.</p>")
            } else {
                writer.open("<ul class=\"change-list\">")
                for change in version.changes { writer.line("<li>\(HTML.escape(change))</li>") }
                writer.close("</ul>")
            }
            writer.open("<p class=\"panel-actions\">")
            writer.line(
                "<button type=\"button\" class=\"button button-small\" data-show-version=\"\(version.number)\">"
                    + "Dokument von Version \(version.number) ansehen</button>")
            writer.line(
                "<button type=\"button\" class=\"button button-small\" data-download-version=\"\(version.number)\">"
                    + "Version \(version.number) als JSON herunterladen</button>")
            writer.close("</p>")
            writer.close("</li>")
        }
        writer.close("</ol>")
        writer.close("</section>")
        writer.open("<section class=\"panel\" aria-labelledby=\"actions-heading\">")
        writer.line("<h2 id=\"actions-heading\">Aktionen des Personals</h2>")
        if view.actions.isEmpty {
            writer.line("<p class=\"empty\">Keine Aktionen aufgezeichnet.</p>")
        } else {
            writer.open(
                "<div class=\"table-frame\" role=\"region\" aria-labelledby=\"actions-caption\" tabindex=\"0\">")
            writer.open("<table class=\"data-table\">")
            writer.line("<caption id=\"actions-caption\">Die letzten \(view.actions.count) Aktionen</caption>")
            writer.line(
                "<thead><tr><th scope=\"col\">Wann</th><th scope=\"col\">Wer</th><th scope=\"col\">Was</th>"
                    + "<th scope=\"col\">Standort</th><th scope=\"col\">Datensatz</th><th scope=\"col\">Details</th>"
                    + "</tr></thead>")
            writer.open("<tbody>")
            for action in view.actions {
                writer.line(
                    "<tr><th scope=\"row\">\(HTML.escape(action.when))</th><td>\(HTML.escape(action.who))</td>"
                        + "<td>\(HTML.escape(action.action))</td><td>\(HTML.escape(action.office))</td>"
                        + "<td>\(HTML.escape(action.target))</td><td>\(HTML.escape(action.detail))</td></tr>")
            }
            writer.close("</tbody>")
            writer.close("</table>")
            writer.close("</div>")
        }
        writer.close("</section>")
        return writer.output
    }
}
