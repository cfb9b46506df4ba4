/// Step 2 at `/unterlagen`: what the chosen services need (the merged checklist, the fee, the
/// time they take) and the choice of office, each with its earliest free time. A GET form to the
/// times.
package enum SelectionPage {
    /// The page; `offices` are those that offer every chosen service together (empty: none does).
    package static func html(
        language: PageLanguage, town: String, selection: Selection, offices: [OfficeSummary],
        chosenOffice: String? = nil, issues: [FieldIssue] = []
    ) -> String {
        let text = language.text
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.selectionTitle, step: 2,
            switchPath: "/unterlagen?" + selection.query, hasErrors: !issues.isEmpty)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(nil, issues: issues, language: language, into: &writer)
            writer.line("<h1>\(text.selectionHeading)</h1>")
            writer.open("<section class=\"panel\" aria-labelledby=\"chosen-heading\">")
            writer.line("<h2 id=\"chosen-heading\">\(text.chosenHeading)</h2>")
            writer.open("<ul class=\"chosen-list\">")
            for service in selection.services {
                writer.line("<li>\(CitizenShell.serviceName(service.name, language: language))</li>")
            }
            writer.close("</ul>")
            writer.line("<p>\(text.personsAndDuration(selection.persons, selection.minutes))</p>")
            let services = Selection(services: selection.services, persons: selection.persons)
            writer.line(
                "<p><a href=\"\(language.prefix)/?\(HTML.escape(services.query))\">\(text.changeServices)</a></p>")
            writer.close("</section>")
            writer.open("<section class=\"panel\" aria-labelledby=\"documents-heading\">")
            writer.line("<h2 id=\"documents-heading\">\(text.documentsHeading)</h2>")
            CitizenShell.checklist(selection.documents, language: language, into: &writer)
            writer.close("</section>")
            writer.open("<section class=\"panel\" aria-labelledby=\"fees-heading\">")
            writer.line("<h2 id=\"fees-heading\">\(text.feesHeading)</h2>")
            CitizenShell.fees(selection.services, persons: selection.persons, language: language, into: &writer)
            writer.close("</section>")
            guard !offices.isEmpty else {
                writer.open("<div class=\"notice\" data-kind=\"info\" role=\"status\">")
                writer.line("<h2 class=\"notice-title\">\(text.noOfficeTitle)</h2>")
                writer.line("<p class=\"notice-detail\">\(text.noOfficeDetail)</p>")
                writer.close("</div>")
                return
            }
            writer.open("<form class=\"flow-form\" method=\"get\" action=\"\(language.prefix)/zeiten\" novalidate>")
            CitizenShell.selectionFields(services, into: &writer)
            let issue = issues.first { $0.field.hasPrefix("office") }
            writer.open(
                "<fieldset class=\"office-choice\"\(issue == nil ? "" : " aria-describedby=\"office-error\"")>")
            writer.line("<legend><h2>\(text.officeQuestion)</h2></legend>")
            if let issue {
                writer.line(
                    "<p class=\"field-error\" id=\"office-error\"><span class=\"visually-hidden\">"
                        + "\(text.errorPrefix)</span>\(HTML.escape(issue.message))</p>")
            }
            writer.open("<ul class=\"office-list\">")
            // Without a choice yet, the office with the earliest free time is chosen.
            let soonest = offices.filter { $0.earliest != nil }.min {
                ($0.earliest?.time.value ?? "") < ($1.earliest?.time.value ?? "")
            }
            let preselected = chosenOffice ?? soonest?.id
            for office in offices {
                let id = "office-" + HTML.escape(office.id)
                let checked = office.id == preselected
                writer.open("<li>")
                writer.open("<label class=\"check office-option\" for=\"\(id)\">")
                writer.line(
                    "<input type=\"radio\" id=\"\(id)\" name=\"office\" value=\"\(HTML.escape(office.id))\""
                        + "\(checked ? " checked" : "")>")
                writer.line("<span class=\"check-label\">\(HTML.escape(office.name))</span>")
                if !office.address.isEmpty {
                    writer.line(
                        "<span class=\"check-hint\">\(office.address.map(HTML.escape).joined(separator: ", "))</span>")
                }
                if let earliest = office.earliest {
                    writer.line(
                        "<span class=\"check-hint earliest\">\(text.earliestLabel): "
                            + "\(DateText.short(earliest.date, language)), "
                            + "\(DateText.time(earliest.time.label, language))</span>")
                } else {
                    writer.line("<span class=\"check-hint earliest\">\(text.noFreeTimes)</span>")
                }
                writer.close("</label>")
                writer.line(
                    "<a class=\"office-details-link\" href=\"\(language.prefix)/standorte#\(id)\">"
                        + "\(text.places.detailsLink)<span class=\"visually-hidden\">: \(HTML.escape(office.name))</span></a>"
                )
                writer.close("</li>")
            }
            writer.close("</ul>")
            writer.close("</fieldset>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(text.showTimesButton)</button>")
            writer.close("</form>")
        }
    }
}
