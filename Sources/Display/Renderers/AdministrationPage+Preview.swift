extension AdministrationPage {
    /// The words for to whom time is open (`openTo`), as the week view and the editor show them.
    package static let openToWords: [(key: String, label: String)] = [
        ("online", "online buchbar"), ("hotline", "Hotline und Schalter"), ("counter", "nur am Schalter buchbar"),
        ("walkIn", "ohne Termin (Wartemarke)"),
    ]

    private static func openToLabel(_ key: String) -> String {
        openToWords.first { $0.key == key }?.label ?? key
    }

    /// A week as a table (a fragment): a row per counter, a column per day; `id` makes its ids
    /// unique on the page.
    package static func week(_ view: WeekView, id: String = "week") -> String {
        var writer = HTMLWriter()
        week(view, id: id, into: &writer)
        return writer.output
    }

    static func week(_ view: WeekView, id: String, into writer: inout HTMLWriter) {
        writer.open(
            "<div class=\"table-frame\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\" "
                + "data-previous=\"\(HTML.escape(view.previous))\" data-next=\"\(HTML.escape(view.next))\">")
        writer.open("<table class=\"week-table\" id=\"\(id)-table\">")
        writer.line("<caption id=\"\(id)-caption\">\(HTML.escape(view.caption))</caption>")
        writer.open("<thead>")
        writer.line(
            "<tr><th scope=\"col\">Schalter</th>"
                + view.days.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>")
        writer.close("</thead>")
        writer.open("<tbody>")
        for row in view.rows {
            writer.open("<tr>")
            writer.line("<th scope=\"row\">\(HTML.escape(row.counter))</th>")
            for cell in row.cells {
                writer.open(cell.changed ? "<td class=\"changed\">" : "<td>")
                if cell.changed { writer.line("<strong class=\"mark\">geändert</strong>") }
                if cell.intervals.isEmpty && cell.closures.isEmpty {
                    writer.line("<span class=\"closed\">geschlossen</span>")
                }
                if !cell.intervals.isEmpty {
                    writer.open("<ul class=\"intervals\">")
                    for interval in cell.intervals {
                        writer.line(
                            "<li class=\"open-\(HTML.escape(interval.openTo))\">\(HTML.escape(interval.time)) "
                                + "<span class=\"open-to\">\(HTML.escape(openToLabel(interval.openTo)))</span></li>")
                    }
                    writer.close("</ul>")
                }
                for closure in cell.closures {
                    writer.line("<p class=\"closure\">geschlossen: \(HTML.escape(closure))</p>")
                }
                writer.close("</td>")
            }
            writer.close("</tr>")
        }
        writer.close("</tbody>")
        writer.close("</table>")
        writer.close("</div>")
    }

    /// The bookings kept and flagged for staff (a fragment): when, which, who, why.
    package static func flagged(_ items: [ChangePreview.Affected]) -> String {
        var writer = HTMLWriter()
        guard !items.isEmpty else {
            writer.line("<p class=\"empty\" id=\"flagged-empty\">Keine markierten Termine.</p>")
            return writer.output
        }
        writer.open("<div class=\"table-frame\" role=\"region\" aria-labelledby=\"flagged-caption\" tabindex=\"0\">")
        writer.open("<table class=\"data-table flagged-table\">")
        writer.line("<caption id=\"flagged-caption\">\(items.count) markierte Termine</caption>")
        writer.line(
            "<thead><tr><th scope=\"col\">Termin</th><th scope=\"col\">Buchung</th><th scope=\"col\">Wer</th>"
                + "<th scope=\"col\">Warum markiert</th></tr></thead>")
        writer.open("<tbody>")
        for item in items {
            let how = item.hasEmail ? "E-Mail" : "Telefon: \(item.contact)"
            writer.line(
                "<tr data-booking=\"\(HTML.escape(item.id))\"><th scope=\"row\">\(HTML.escape(item.when))"
                    + "<span class=\"cell-note\">\(HTML.escape(item.counter))</span></th>"
                    + "<td><span class=\"reference\">\(HTML.escape(item.reference))</span>"
                    + "<span class=\"cell-note\">\(HTML.escape(item.services))</span></td>"
                    + "<td>\(HTML.escape(item.name))<span class=\"cell-note\">\(HTML.escape(how))</span></td>"
                    + "<td>\(HTML.escape(item.reason))</td></tr>")
        }
        writer.close("</tbody>")
        writer.close("</table>")
        writer.close("</div>")
        return writer.output
    }

    /// The decisions a manager can take for an affected booking, with their labels.
    static let decisions: [(value: String, label: String)] = [
        ("keep", "behalten (für das Personal markiert)"), ("move", "verschieben"),
        ("cancel", "absagen und benachrichtigen"),
    ]

    /// The preview of a change (a fragment): its problems beside their fields, or what it changes,
    /// the week, the affected bookings with a choice for each, and the button that saves it.
    package static func preview(_ preview: ChangePreview) -> String {
        var writer = HTMLWriter()
        guard preview.problems.isEmpty else {
            writer.open("<div class=\"preview\" data-outcome=\"invalid\">")
            writer.line("<h3 id=\"preview-problems-heading\" tabindex=\"-1\">Bitte prüfen Sie diese Angaben</h3>")
            writer.line(
                "<p>Nichts wurde gespeichert. Die Hinweise stehen auch direkt am jeweiligen Feld.</p>")
            writer.open("<ul class=\"problem-list\">")
            for problem in preview.problems {
                writer.line(
                    "<li data-path=\"\(HTML.escape(problem.path))\"><a href=\"#\(fieldID(problem.path))\">"
                        + "\(HTML.escape(problem.place))</a>: <span class=\"problem-text\">\(HTML.escape(problem.text))"
                        + "</span></li>")
            }
            writer.close("</ul>")
            writer.close("</div>")
            return writer.output
        }
        writer.open("<div class=\"preview\" data-outcome=\"valid\" data-version=\"\(preview.version)\">")
        writer.line("<h3 id=\"preview-changes-heading\" tabindex=\"-1\">Was sich ändert</h3>")
        if preview.changes.isEmpty {
            writer.line("<p class=\"empty\">Nichts: die Einstellungen sind dieselben wie jetzt.</p>")
        } else {
            writer.open("<ul class=\"change-list\">")
            for change in preview.changes { writer.line("<li>\(HTML.escape(change))</li>") }
            writer.close("</ul>")
        }
        if let week = preview.week {
            writer.line("<h3>Die Woche danach</h3>")
            self.week(week, id: "preview-week", into: &writer)
        }
        affected(preview, into: &writer)
        writer.open("<p class=\"panel-actions\">")
        let label = preview.affected.isEmpty ? "Änderung speichern" : "Änderung speichern und Termine so behandeln"
        writer.line(
            "<button type=\"button\" class=\"button button-primary button-large\" data-action=\"save\" "
                + "id=\"save-change\">\(label)</button>")
        writer.close("</p>")
        writer.close("</div>")
        return writer.output
    }

    private static func affected(_ preview: ChangePreview, into writer: inout HTMLWriter) {
        let count = preview.affected.count
        writer.line("<h3 id=\"affected-heading\">Betroffene Termine: \(count)</h3>")
        guard count > 0 else {
            writer.line("<p class=\"empty\">Kein gebuchter Termin ist betroffen.</p>")
            return
        }
        writer.line(
            "<p class=\"explanation\">Diese Termine passen nicht mehr. Wählen Sie für alle zusammen oder für jeden "
                + "einzeln. Wer keine E-Mail-Adresse hat, steht nach dem Speichern in der Anrufliste für die "
                + "Hotline.</p>")
        writer.open("<fieldset class=\"decision-all\">")
        writer.line("<legend class=\"field-label\">Für alle \(count) Termine</legend>")
        writer.open("<div class=\"choice-list\">")
        for (value, label) in decisions {
            let checked = value == preview.decision ? " checked" : ""
            writer.line(
                "<label class=\"choice\"><input type=\"radio\" name=\"decision-all\" value=\"\(value)\"\(checked)> "
                    + "\(label)</label>")
        }
        writer.close("</div>")
        writer.close("</fieldset>")
        writer.open(
            "<div class=\"table-frame\" role=\"region\" aria-labelledby=\"affected-caption\" tabindex=\"0\">")
        writer.open("<table class=\"data-table affected-table\">")
        writer.line("<caption id=\"affected-caption\">Betroffene Termine</caption>")
        writer.line(
            "<thead><tr><th scope=\"col\">Termin</th><th scope=\"col\">Buchung</th><th scope=\"col\">Wer</th>"
                + "<th scope=\"col\">Warum</th><th scope=\"col\">Was geschieht</th></tr></thead>")
        writer.open("<tbody>")
        for item in preview.affected {
            let id = HTML.escape(item.id)
            writer.open("<tr data-booking=\"\(id)\">")
            writer.line(
                "<th scope=\"row\">\(HTML.escape(item.when))<span class=\"cell-note\">\(HTML.escape(item.office)), "
                    + "\(HTML.escape(item.counter))</span></th>")
            writer.line(
                "<td><span class=\"reference\">\(HTML.escape(item.reference))</span>"
                    + "<span class=\"cell-note\">\(HTML.escape(item.services))</span></td>")
            let how = item.hasEmail ? "E-Mail" : "Telefon: \(item.contact)"
            writer.line(
                "<td>\(HTML.escape(item.name))<span class=\"cell-note\">\(HTML.escape(how))</span></td>")
            writer.line("<td>\(HTML.escape(item.reason))</td>")
            writer.open("<td>")
            writer.open("<fieldset class=\"decision\">")
            writer.line("<legend class=\"visually-hidden\">Was mit \(HTML.escape(item.reference)) geschieht</legend>")
            for (value, label) in decisions {
                let text = value == "move" ? (item.moveTo.map { "verschieben auf \($0)" } ?? "") : label
                if value == "move", item.moveTo == nil {
                    writer.line("<span class=\"cell-note\">keine freie Zeit zum Verschieben</span>")
                    continue
                }
                let checked =
                    value == preview.decision || (value == "keep" && preview.decision == "move" && item.moveTo == nil)
                writer.line(
                    "<label class=\"choice\"><input type=\"radio\" name=\"decision-\(id)\" value=\"\(value)\" "
                        + "data-booking=\"\(id)\"\(checked ? " checked" : "")> \(HTML.escape(text))</label>")
            }
            writer.close("</fieldset>")
            writer.close("</td>")
            writer.close("</tr>")
        }
        writer.close("</tbody>")
        writer.close("</table>")
        writer.close("</div>")
    }
}
