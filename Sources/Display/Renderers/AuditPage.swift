/// One line of the audit trail as the page shows it, already in words.
package struct AuditLine: Equatable, Sendable {
    /// The local time, `09:41:07`.
    package var time: String
    /// Who: a person's name, or a token's name and role.
    package var who: String
    /// What, in words (`Wartemarke aufgerufen`).
    package var action: String
    /// Which record (`A017`, `K7M-4PQ`), or empty.
    package var target: String
    /// More (how someone signed in, why a sign-in failed), or empty.
    package var detail: String

    package init(time: String, who: String, action: String, target: String, detail: String) {
        self.time = time
        self.who = who
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// The audit trail at `/staff/audit`: who did what in an office on a day, newest first, for its
/// office managers (and administrators, who may also see the whole town's: sign-ins, accounts).
/// The choice of office and day is a GET form: it carries nothing secret.
package enum AuditPage {
    /// What the page shows.
    package struct Model: Equatable, Sendable {
        /// The offices the caller may choose; an empty id is the whole town (administrators).
        package var offices: [ServiceOption]
        /// The chosen office's id (empty: the whole town).
        package var office: String
        /// The day, `YYYY-MM-DD`, and how the page names it.
        package var date: String
        package var dateText: String
        package var lines: [AuditLine]
        /// Whether more entries were there than shown.
        package var truncated: Bool

        package init(
            offices: [ServiceOption], office: String, date: String, dateText: String, lines: [AuditLine],
            truncated: Bool
        ) {
            self.offices = offices
            self.office = office
            self.date = date
            self.dateText = dateText
            self.lines = lines
            self.truncated = truncated
        }
    }

    package static func html(_ frame: StaffFrame, _ model: Model) -> String {
        StaffShell.document(frame, bodyClass: "audit-page") { writer in
            writer.line("<h1>Protokoll</h1>")
            writer.open("<form class=\"audit-filter\" method=\"get\" action=\"/staff/audit\">")
            writer.open("<div>")
            writer.line("<label class=\"field-label\" for=\"audit-office\">Standort</label>")
            writer.open("<select class=\"select\" id=\"audit-office\" name=\"office\">")
            for office in model.offices {
                let selected = office.id == model.office ? " selected" : ""
                writer.line(
                    "<option value=\"\(HTML.escape(office.id))\"\(selected)>\(HTML.escape(office.name))</option>")
            }
            writer.close("</select>")
            writer.close("</div>")
            writer.open("<div>")
            writer.line("<label class=\"field-label\" for=\"audit-date\">Tag</label>")
            writer.line(
                "<input class=\"text-input\" id=\"audit-date\" name=\"date\" type=\"date\" "
                    + "value=\"\(HTML.escape(model.date))\" required>")
            writer.close("</div>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">Anzeigen</button>")
            writer.close("</form>")
            let officeName = model.offices.first { $0.id == model.office }?.name ?? model.office
            guard !model.lines.isEmpty else {
                writer.line(
                    "<p class=\"empty\">Am \(HTML.escape(model.dateText)) ist für \(HTML.escape(officeName)) nichts verzeichnet.</p>"
                )
                return
            }
            writer.open("<table class=\"audit-table\">")
            writer.line("<caption>\(HTML.escape(officeName)), \(HTML.escape(model.dateText)), neueste zuerst</caption>")
            writer.line(
                "<thead><tr><th scope=\"col\">Zeit</th><th scope=\"col\">Wer</th><th scope=\"col\">Was</th>"
                    + "<th scope=\"col\">Betrifft</th><th scope=\"col\">Näheres</th></tr></thead>")
            writer.open("<tbody>")
            for line in model.lines {
                writer.line(
                    "<tr><td>\(HTML.escape(line.time))</td><td>\(HTML.escape(line.who))</td>"
                        + "<td>\(HTML.escape(line.action))</td><td>\(HTML.escape(line.target))</td>"
                        + "<td>\(HTML.escape(line.detail))</td></tr>")
            }
            writer.close("</tbody>")
            writer.close("</table>")
            if model.truncated {
                writer.line("<p class=\"empty\">Es gibt mehr Einträge, als hier stehen; die API liefert alle.</p>")
            }
        }
    }
}
