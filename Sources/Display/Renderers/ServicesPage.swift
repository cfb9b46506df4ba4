/// Step 1 of a booking at `/` and `/en/`: the services, grouped as the office groups them, and the
/// number of persons. A plain GET form to the documents step, so it works without JavaScript.
package enum ServicesPage {
    /// The page; `chosen` are the ids ticked (after a problem or when coming back), `issues` what
    /// to put right; with `remoteTickets`, a link to take a ticket from home for today.
    package static func html(
        language: PageLanguage, town: String, services: [ServiceChoice], chosen: [String] = [], persons: Int = 1,
        maxPersons: Int = 6, issues: [FieldIssue] = [], remoteTickets: Bool = false
    ) -> String {
        let text = language.text
        let query = chosen.map { "service=" + HTML.pathSegment($0) } + ["persons=\(persons)"]
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.servicesTitle, step: 1,
            switchPath: chosen.isEmpty ? "/" : "/?" + query.joined(separator: "&"), hasErrors: !issues.isEmpty)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(nil, issues: issues, language: language, into: &writer)
            writer.open("<form class=\"flow-form\" method=\"get\" action=\"\(language.prefix)/unterlagen\" novalidate>")
            let serviceIssue = issues.first { $0.field.hasPrefix("service") }
            writer.open(
                "<fieldset class=\"services\"\(serviceIssue == nil ? "" : " aria-describedby=\"services-error\"")>")
            writer.line("<legend class=\"page-heading\"><h1>\(text.servicesHeading)</h1></legend>")
            writer.line("<p class=\"lead\">\(text.servicesIntro)</p>")
            if remoteTickets {
                writer.line(
                    "<p><a href=\"\(language.prefix)/wartemarke\">\(HTML.escape(TicketWords.of(language).remoteLink))</a></p>"
                )
            }
            if let serviceIssue {
                writer.line(
                    "<p class=\"field-error\" id=\"services-error\"><span class=\"visually-hidden\">"
                        + "\(text.errorPrefix)</span>\(HTML.escape(serviceIssue.message))</p>")
            }
            var groups: [String] = []
            for service in services where !groups.contains(service.group) { groups.append(service.group) }
            for group in groups {
                writer.open("<fieldset class=\"service-group\">")
                writer.line("<legend\(language == .german ? "" : " lang=\"de\"")>\(HTML.escape(group))</legend>")
                writer.open("<ul class=\"service-list\">")
                for service in services where service.group == group {
                    item(service, chosen: chosen.contains(service.id), language: language, into: &writer)
                }
                writer.close("</ul>")
                writer.close("</fieldset>")
            }
            writer.close("</fieldset>")
            let personsIssue = issues.first { $0.field == "persons" }
            writer.open("<div class=\"field\(personsIssue == nil ? "" : " field-invalid")\">")
            writer.line("<label class=\"field-label\" for=\"persons\">\(text.personsQuestion)</label>")
            writer.line("<p class=\"field-hint\" id=\"persons-hint\">\(text.personsHint)</p>")
            var described = "persons-hint"
            if let personsIssue {
                writer.line(
                    "<p class=\"field-error\" id=\"persons-error\"><span class=\"visually-hidden\">"
                        + "\(text.errorPrefix)</span>\(HTML.escape(personsIssue.message))</p>")
                described += " persons-error"
            }
            writer.open(
                "<select class=\"select select-short\" id=\"persons\" name=\"persons\" aria-describedby=\"\(described)\""
                    + "\(personsIssue == nil ? "" : " aria-invalid=\"true\"")>")
            for count in 1...max(1, maxPersons) {
                writer.line("<option value=\"\(count)\"\(count == persons ? " selected" : "")>\(count)</option>")
            }
            writer.close("</select>")
            writer.close("</div>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(text.continueButton)</button>")
            writer.close("</form>")
        }
    }

    private static func item(
        _ service: ServiceChoice, chosen: Bool, language: PageLanguage, into writer: inout HTMLWriter
    ) {
        let text = language.text
        let id = "service-" + HTML.escape(service.id)
        let name = CitizenShell.serviceName(service.name, language: language)
        switch service.access {
        case .online:
            writer.open("<li>")
            writer.open("<label class=\"check\" for=\"\(id)\">")
            writer.line(
                "<input type=\"checkbox\" id=\"\(id)\" name=\"service\" value=\"\(HTML.escape(service.id))\""
                    + "\(chosen ? " checked" : "")>")
            writer.line("<span class=\"check-label\">\(name)</span>")
            writer.line("<span class=\"check-hint\">\(text.minutesPerPerson(service.minutesPerPerson))</span>")
            writer.close("</label>")
            writer.close("</li>")
        case .byPhone, .byDraw:
            writer.open("<li class=\"service-off\">")
            writer.line("<span class=\"check-label\">\(name)</span>")
            let note = service.access == .byPhone ? text.byPhoneOnly : text.byDraw
            writer.line("<span class=\"check-hint\">\(note)</span>")
            if service.access == .byDraw {
                writer.line(
                    "<a class=\"draw-link\" href=\"\(language.prefix)/verlosung/\(HTML.pathSegment(service.id))\">"
                        + "\(text.draw.servicesLink)<span class=\"visually-hidden\">: \(name)</span></a>")
            }
            writer.close("</li>")
        }
    }
}
