/// The administration console at `/staff/administration` (Documentation/Administration.md): an
/// office manager closes a day in two clicks, edits hours, breaks, closures, extra opening times,
/// counters and services, sees the week and the bookings a change affects before saving, and
/// chooses what becomes of each. The staff member is signed in: `administration.js` loads the
/// document and the fragments below with the session (its form token in `data-csrf`), writes what
/// is entered into the document (each field names its path in it) and sends it for a preview and
/// to be saved.
package enum AdministrationPage {
    /// The page. `offices` are id and name (those the staff member manages); `tomorrow` the date
    /// the "close a day" form starts with (ISO); `thisWeek` the Monday the week view starts with;
    /// `timeZone` the zone the times of the answers are shown in; `person` and `formToken` the
    /// signed-in staff member's name and their session's form token.
    package static func html(
        town: String, offices: [ServiceOption], tomorrow: String, thisWeek: String, timeZone: String?,
        person: String? = nil, formToken: String? = nil
    ) -> String {
        var attributes = [
            ("class", "administration-page"), ("data-configuration-url", "/v1/configuration"),
            ("data-fragments-url", "/staff/administration/offices"),
        ]
        if let timeZone { attributes.append(("data-time-zone", timeZone)) }
        if let formToken { attributes.append(("data-csrf", formToken)) }
        return PageShell.document(
            title: "Verwaltung – \(town)", stylesheets: ["administration.css"],
            scripts: ["common.js", "administration.js"],
            bodyAttributes: attributes
        ) { writer in
            header(town: town, current: .console, person: person, formToken: formToken, into: &writer)
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.line("<div class=\"visually-hidden\" id=\"live\" aria-live=\"polite\"></div>")
            writer.open("<main class=\"administration-main\" id=\"main\">")
            writer.open("<div class=\"office-picker\">")
            writer.line("<label class=\"field-label\" for=\"office\">Standort</label>")
            writer.open("<select class=\"select\" id=\"office\" name=\"office\">")
            for office in offices {
                writer.line("<option value=\"\(HTML.escape(office.id))\">\(HTML.escape(office.name))</option>")
            }
            writer.close("</select>")
            writer.line("<p class=\"version-note\" id=\"version-note\" aria-live=\"polite\"></p>")
            writer.close("</div>")
            closeDay(tomorrow: tomorrow, into: &writer)
            writer.open(
                "<section class=\"panel preview-panel\" id=\"preview-panel\" aria-labelledby=\"preview-heading\" "
                    + "tabindex=\"-1\" hidden>")
            writer.line("<h2 id=\"preview-heading\">Vor dem Speichern prüfen</h2>")
            writer.line("<div id=\"preview\" aria-busy=\"false\"></div>")
            writer.line(
                "<p class=\"panel-actions\"><button type=\"button\" class=\"button\" id=\"preview-back\">"
                    + "Zurück, nichts speichern</button></p>")
            writer.close("</section>")
            writer.open(
                "<section class=\"panel result-panel\" id=\"result-panel\" aria-labelledby=\"result-heading\" "
                    + "tabindex=\"-1\" hidden>")
            writer.line("<h2 id=\"result-heading\">Gespeichert</h2>")
            writer.line("<p id=\"result-summary\"></p>")
            writer.line("<div id=\"result-notices\"></div>")
            writer.close("</section>")
            week(thisWeek: thisWeek, into: &writer)
            writer.open("<section class=\"panel\" aria-labelledby=\"flagged-heading\">")
            writer.line("<h2 id=\"flagged-heading\">Markierte Termine</h2>")
            writer.line(
                "<p class=\"explanation\">Termine, die nach einer Änderung außerhalb der Öffnungszeiten liegen und "
                    + "behalten wurden. Das Personal entscheidet: am Schalter bedienen, über die Hotline verschieben oder "
                    + "absagen.</p>")
            writer.line("<div id=\"flagged\" aria-busy=\"true\"></div>")
            writer.close("</section>")
            writer.open("<section class=\"panel\" aria-labelledby=\"editor-heading\">")
            writer.line("<h2 id=\"editor-heading\">Einstellungen bearbeiten</h2>")
            writer.line(
                "<p class=\"explanation\">Ändern Sie hier Öffnungszeiten, Pausen, Schließungen, zusätzliche "
                    + "Öffnungszeiten, Schalter und Dienstleistungen. Gespeichert wird erst, wenn Sie die Änderung "
                    + "geprüft und bestätigt haben; vorher sehen Sie die Woche und die betroffenen Termine.</p>")
            writer.line("<div id=\"editor\" aria-busy=\"true\"><p class=\"empty\">Wird geladen …</p></div>")
            writer.open("<p class=\"panel-actions editor-actions\">")
            writer.line(
                "<button type=\"button\" class=\"button button-primary\" id=\"check-change\">Änderungen prüfen</button>"
            )
            writer.line("<button type=\"button\" class=\"button\" id=\"discard-change\">Änderungen verwerfen</button>")
            writer.close("</p>")
            writer.close("</section>")
            writer.close("</main>")
            StaffParts.noScript(into: &writer)
        }
    }

    /// Which page of the administration is shown (its link in the navigation is marked).
    enum Current {
        case console
        case history
    }

    /// The header: the page's title, the administration's navigation (with the way back to the
    /// staff's start page) and, when signed in, the name and the sign-out button.
    static func header(
        town: String, current: Current, person: String?, formToken: String?, into writer: inout HTMLWriter
    ) {
        writer.open("<header class=\"page-header\">")
        writer.open("<h1 class=\"page-title\">")
        writer.line(current == .console ? "Verwaltung" : "Verwaltung: Verlauf")
        writer.line("<span class=\"page-subtitle\">\(HTML.escape(town))</span>")
        writer.close("</h1>")
        writer.open("<nav class=\"administration-nav\" aria-label=\"Verwaltung\">")
        let links: [(Current, String, String)] = [
            (.console, "/staff/administration", "Einstellungen"),
            (.history, "/staff/administration/history", "Verlauf"),
        ]
        writer.line("<a class=\"nav-link\" href=\"/staff\">Übersicht</a>")
        for (page, href, label) in links {
            let mark = page == current ? " aria-current=\"page\"" : ""
            writer.line("<a class=\"nav-link\" href=\"\(href)\"\(mark)>\(label)</a>")
        }
        writer.close("</nav>")
        if let person, let formToken {
            StaffParts.signOut(person: person, formToken: formToken, into: &writer)
        }
        writer.close("</header>")
    }

    private static func closeDay(tomorrow: String, into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel close-day\" aria-labelledby=\"close-day-heading\">")
        writer.line("<h2 id=\"close-day-heading\">Tag schließen</h2>")
        writer.line(
            "<p class=\"explanation\">Schließt den gewählten Standort für einen ganzen Tag, etwa bei Streik oder "
                + "IT-Störung. Vor dem Speichern sehen Sie alle Termine des Tages; sie werden abgesagt und die "
                + "Bürgerinnen und Bürger benachrichtigt.</p>")
        writer.open("<form class=\"close-day-form\" id=\"close-day-form\">")
        writer.open("<div class=\"field\">")
        writer.line("<label class=\"field-label\" for=\"close-day-date\">Datum</label>")
        writer.line(
            "<input class=\"text-input\" id=\"close-day-date\" name=\"date\" type=\"date\" "
                + "value=\"\(HTML.escape(tomorrow))\" required aria-describedby=\"close-day-date-error\">")
        writer.line("<p class=\"field-error\" id=\"close-day-date-error\" hidden></p>")
        writer.close("</div>")
        writer.open("<div class=\"field field-wide\">")
        writer.line("<label class=\"field-label\" for=\"close-day-reason\">Grund (steht in der Absage)</label>")
        writer.line(
            "<input class=\"text-input\" id=\"close-day-reason\" name=\"reason\" type=\"text\" maxlength=\"200\" "
                + "value=\"Kurzfristige Schließung\" required>")
        writer.close("</div>")
        writer.line(
            "<button type=\"submit\" class=\"button button-primary button-large\" id=\"close-day-button\">"
                + "Tag schließen …</button>")
        writer.close("</form>")
        writer.close("</section>")
    }

    private static func week(thisWeek: String, into writer: inout HTMLWriter) {
        writer.open("<section class=\"panel\" aria-labelledby=\"week-heading\">")
        writer.line("<h2 id=\"week-heading\">Wochenansicht</h2>")
        writer.line(
            "<p class=\"explanation\">Wann jeder Schalter geöffnet ist und für wen: online buchbar, nur für die "
                + "Hotline, nur am Schalter buchbar oder ohne Termin (Wartemarke).</p>")
        writer.open("<div class=\"week-nav\">")
        writer.line("<button type=\"button\" class=\"button button-small\" id=\"week-previous\">Vorige Woche</button>")
        writer.open("<div class=\"field\">")
        writer.line("<label class=\"field-label\" for=\"week-from\">Woche ab</label>")
        writer.line(
            "<input class=\"text-input\" id=\"week-from\" type=\"date\" value=\"\(HTML.escape(thisWeek))\">")
        writer.close("</div>")
        writer.line("<button type=\"button\" class=\"button button-small\" id=\"week-next\">Nächste Woche</button>")
        writer.close("</div>")
        writer.line("<div id=\"week\" aria-live=\"polite\" aria-busy=\"true\"></div>")
        writer.close("</section>")
    }

    // MARK: The editor

    /// The editor of one office (and the town's services): a fragment `administration.js` puts
    /// into the page and renders again after a row is added or removed.
    package static func editor(_ sections: [EditorSection]) -> String {
        var writer = HTMLWriter()
        writer.open("<div class=\"editor\">")
        writer.open("<nav class=\"editor-contents\" aria-label=\"Abschnitte der Einstellungen\">")
        writer.open("<ul>")
        for section in sections {
            writer.line("<li><a href=\"#section-\(section.id)\">\(HTML.escape(section.heading))</a></li>")
        }
        writer.close("</ul>")
        writer.close("</nav>")
        for section in sections {
            writer.open(
                "<section class=\"editor-section\" id=\"section-\(section.id)\" "
                    + "aria-labelledby=\"section-\(section.id)-heading\">")
            writer.line("<h3 id=\"section-\(section.id)-heading\">\(HTML.escape(section.heading))</h3>")
            if let explanation = section.explanation {
                writer.line("<p class=\"explanation\">\(HTML.escape(explanation))</p>")
            }
            if !section.fields.isEmpty {
                writer.open("<div class=\"field-grid\">")
                for field in section.fields { self.field(field, into: &writer) }
                writer.close("</div>")
            }
            for list in section.lists { self.list(list, level: 4, into: &writer) }
            writer.close("</section>")
        }
        writer.close("</div>")
        return writer.output
    }

    /// The id of the element of the field at `path` (`offices[0].closures[1].to` →
    /// `f-offices-0-closures-1-to`).
    package static func fieldID(_ path: String) -> String {
        var id = "f-"
        var dash = false
        for scalar in path.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
                dash = false
            } else if !dash {
                id += "-"
                dash = true
            }
        }
        return dash ? String(id.dropLast()) : id
    }

    private static func list(_ list: EditorList, level: Int, into writer: inout HTMLWriter) {
        let heading = "h\(min(level, 6))"
        writer.open(
            "<div class=\"editor-list\" id=\"list-\(list.id)\" data-list-path=\"\(HTML.escape(list.path))\" "
                + "role=\"group\" aria-labelledby=\"list-\(list.id)-heading\">")
        writer.line("<\(heading) id=\"list-\(list.id)-heading\">\(HTML.escape(list.heading))</\(heading)>")
        if let explanation = list.explanation {
            writer.line("<p class=\"explanation\">\(HTML.escape(explanation))</p>")
        }
        if list.rows.isEmpty { writer.line("<p class=\"empty\">\(HTML.escape(list.emptyText))</p>") }
        for row in list.rows { self.row(row, level: level + 1, into: &writer) }
        if let add = list.addLabel {
            writer.line(
                "<button type=\"button\" class=\"button button-small add-row\" data-add=\"\(HTML.escape(list.path))\" "
                    + "data-item=\"\(HTML.escape(list.newItem))\">\(HTML.escape(add))</button>")
        }
        writer.close("</div>")
    }

    private static func row(_ row: EditorList.Row, level: Int, into writer: inout HTMLWriter) {
        let path = HTML.escape(row.path)
        let id = fieldID(row.path)
        if row.folded {
            writer.open("<details class=\"editor-row\" data-path=\"\(path)\" id=\"\(id)\">")
            writer.line("<summary>\(HTML.escape(row.title))</summary>")
            writer.open("<div class=\"row-body\">")
        } else {
            writer.open("<fieldset class=\"editor-row\" data-path=\"\(path)\" id=\"\(id)\">")
            writer.line("<legend>\(HTML.escape(row.title))</legend>")
        }
        writer.line("<p class=\"field-error row-error\" id=\"\(id)-error\" hidden></p>")
        writer.open("<div class=\"field-grid\">")
        for field in row.fields { self.field(field, into: &writer) }
        writer.close("</div>")
        for list in row.lists { self.list(list, level: level, into: &writer) }
        if row.removable {
            writer.line(
                "<button type=\"button\" class=\"button button-small remove-row\" data-remove=\"\(path)\">"
                    + "\(HTML.escape(row.title)) entfernen</button>")
        }
        if row.folded {
            writer.close("</div>")
            writer.close("</details>")
        } else {
            writer.close("</fieldset>")
        }
    }

    private static func field(_ field: EditorField, into writer: inout HTMLWriter) {
        let id = fieldID(field.path)
        let path = HTML.escape(field.path)
        let optional = field.optional ? " data-optional=\"true\"" : ""
        let described =
            " aria-describedby=\"\(field.hint == nil ? "" : id + "-hint ")\(id)-error\""
        let hint = field.hint.map { "<p class=\"field-hint\" id=\"\(id)-hint\">\(HTML.escape($0))</p>" }
        let error = "<p class=\"field-error\" id=\"\(id)-error\" hidden></p>"
        switch field.kind {
        case .checkboxes(let options):
            writer.open(
                "<fieldset class=\"field choices\" data-field-path=\"\(path)\" id=\"\(id)\"\(described)>")
            writer.line("<legend class=\"field-label\">\(HTML.escape(field.label))</legend>")
            writer.open("<div class=\"choice-list\">")
            for option in options {
                let checked = field.values.contains(option.value) ? " checked" : ""
                writer.line(
                    "<label class=\"choice\"><input type=\"checkbox\" data-path=\"\(path)\" data-kind=\"set\" "
                        + "value=\"\(HTML.escape(option.value))\"\(checked)> \(HTML.escape(option.label))</label>")
            }
            writer.close("</div>")
            if let hint { writer.line(hint) }
            writer.line(error)
            writer.close("</fieldset>")
            return
        case .toggle:
            writer.open("<div class=\"field field-toggle\" data-field-path=\"\(path)\">")
            let checked = field.value == "true" ? " checked" : ""
            writer.line(
                "<label class=\"choice\"><input type=\"checkbox\" id=\"\(id)\" data-path=\"\(path)\" "
                    + "data-kind=\"toggle\"\(checked)\(described)> \(HTML.escape(field.label))</label>")
            if let hint { writer.line(hint) }
            writer.line(error)
            writer.close("</div>")
            return
        default:
            break
        }
        let wide = field.kind == .text ? " field-wide" : ""
        writer.open("<div class=\"field\(wide)\" data-field-path=\"\(path)\">")
        writer.line("<label class=\"field-label\" for=\"\(id)\">\(HTML.escape(field.label))</label>")
        let value = HTML.escape(field.value)
        let common = "id=\"\(id)\" data-path=\"\(path)\"\(optional)\(described)"
        let required = field.optional ? "" : " required"
        switch field.kind {
        case .text:
            writer.line(
                "<input class=\"text-input\" type=\"text\" \(common) data-kind=\"text\" value=\"\(value)\" "
                    + "maxlength=\"500\"\(required)>")
        case .time:
            writer.line(
                "<input class=\"text-input\" type=\"time\" \(common) data-kind=\"time\" value=\"\(value)\"\(required)>")
        case .date, .oneDay:
            let kind = field.kind == .oneDay ? "one-day" : "date"
            writer.line(
                "<input class=\"text-input\" type=\"date\" \(common) data-kind=\"\(kind)\" value=\"\(value)\"\(required)>"
            )
        case .number(let min, let max):
            writer.line(
                "<input class=\"text-input\" type=\"number\" inputmode=\"numeric\" min=\"\(min)\" max=\"\(max)\" "
                    + "step=\"1\" \(common) data-kind=\"number\" value=\"\(value)\"\(required)>")
        case .euro:
            writer.line(
                "<input class=\"text-input\" type=\"text\" inputmode=\"decimal\" \(common) data-kind=\"euro\" "
                    + "value=\"\(value)\" pattern=\"[0-9]+([,.][0-9]{1,2})?\"\(required)>")
        case .choice(let options):
            writer.open("<select class=\"select\" \(common) data-kind=\"choice\">")
            for option in options {
                let selected = option.value == field.value ? " selected" : ""
                writer.line(
                    "<option value=\"\(HTML.escape(option.value))\"\(selected)>\(HTML.escape(option.label))</option>")
            }
            writer.close("</select>")
        case .everyWeeks:
            writer.open("<select class=\"select\" \(common) data-kind=\"every-weeks\">")
            for weeks in 1...8 {
                let selected = String(weeks) == (field.value.isEmpty ? "1" : field.value) ? " selected" : ""
                let label = weeks == 1 ? "jede Woche" : "alle \(weeks) Wochen"
                writer.line("<option value=\"\(weeks)\"\(selected)>\(label)</option>")
            }
            writer.close("</select>")
        case .checkboxes, .toggle:
            break
        }
        if let hint { writer.line(hint) }
        writer.line(error)
        writer.close("</div>")
    }
}
