/// An office's bookings of a day at `/staff/bookings?office=…&date=…`, for the hotline and the
/// counters: time, counter, services, persons, reference, the contact's name and whether the
/// appointment is checked in (with its ticket's number) or cancelled, for signed-in hotline and
/// counter staff. `daylist.js` loads `GET /v1/offices/{office}/bookings?date=…` with the session's
/// cookie and fills the table; the office and the day are
/// a plain GET form, so the address says which list is shown and holds nothing personal.
package enum DayListPage {
    /// The page; `offices` to choose from, `office` and `date` (`YYYY-MM-DD`) shown first; `person`
    /// and `formToken` the signed-in staff member's name and their session's form token.
    package static func html(
        town: String, offices: [ServiceOption], office: String, date: String, timeZone: String?,
        person: String? = nil, formToken: String? = nil
    ) -> String {
        var attributes: [(String, String)] = [
            ("class", "hotline-page day-list-page"),
            ("data-services-url", "/v1/services"),
        ]
        if let timeZone { attributes.append(("data-time-zone", timeZone)) }
        if let formToken { attributes.append(("data-csrf", formToken)) }
        return PageShell.document(
            title: "Termine des Tages – \(town)", stylesheets: ["hotline.css"], scripts: ["common.js", "daylist.js"],
            bodyAttributes: attributes
        ) { writer in
            writer.open("<header class=\"page-header hotline-header\">")
            writer.open("<h1 class=\"page-title\">")
            writer.line("Termine des Tages")
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(town))</span>")
            writer.close("</h1>")
            writer.line("<nav class=\"staff-nav\" aria-label=\"Bereiche\"><a href=\"/staff/hotline\">Hotline</a></nav>")
            if let person, let formToken {
                StaffParts.signOut(person: person, formToken: formToken, into: &writer)
            }
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.line("<div class=\"visually-hidden\" id=\"live\" aria-live=\"polite\"></div>")
            writer.open("<main class=\"day-list-main\" id=\"main\">")
            writer.open("<form class=\"day-form\" id=\"day-form\" method=\"get\" action=\"/staff/bookings\">")
            writer.open("<div>")
            writer.line("<label class=\"field-label\" for=\"day-office\">Standort</label>")
            writer.open("<select class=\"select\" id=\"day-office\" name=\"office\">")
            for item in offices {
                let selected = item.id == office ? " selected" : ""
                writer.line("<option value=\"\(HTML.escape(item.id))\"\(selected)>\(HTML.escape(item.name))</option>")
            }
            writer.close("</select>")
            writer.close("</div>")
            writer.open("<div>")
            writer.line("<label class=\"field-label\" for=\"day-date\">Tag</label>")
            writer.line(
                "<input class=\"text-input\" id=\"day-date\" name=\"date\" type=\"date\" value=\"\(HTML.escape(date))\" required>"
            )
            writer.close("</div>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">Anzeigen</button>")
            writer.close("</form>")
            writer.line("<h2 class=\"panel-heading\" id=\"day-heading\">Termine</h2>")
            writer.line("<p class=\"empty\" id=\"day-summary\" role=\"status\">Wird geladen …</p>")
            writer.open("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"day-heading\">")
            writer.open("<table class=\"day-table\" id=\"day-table\" hidden>")
            writer.line("<caption class=\"visually-hidden\" id=\"day-caption\">Termine des Tages</caption>")
            writer.open("<thead>")
            writer.line(
                "<tr><th scope=\"col\">Uhrzeit</th><th scope=\"col\">Schalter</th><th scope=\"col\">Anliegen</th>"
                    + "<th scope=\"col\">Personen</th><th scope=\"col\">Buchungsnummer</th><th scope=\"col\">Name</th>"
                    + "<th scope=\"col\">Angemeldet</th></tr>")
            writer.close("</thead>")
            writer.line("<tbody id=\"day-rows\"></tbody>")
            writer.close("</table>")
            writer.close("</div>")
            writer.close("</main>")
            StaffParts.noScript(into: &writer)
        }
    }
}
