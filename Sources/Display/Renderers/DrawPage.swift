/// A draw's pages: the registration at `/verlosung/{service}` (contact and priority group), the
/// registration's own page at `/verlosung/{service}/anmeldung/{entry}?token=…` (registered, the
/// time won with its checklist, the place on the waiting list, withdrawn), and the question
/// before withdrawing. As with a booking, the token in the entry's link is the only key in a URL;
/// name, e-mail and phone travel in the POST body only.
package enum DrawPage {
    /// The registration form, or while registration is closed the draw with that note.
    package static func form(
        language: PageLanguage, town: String, draw: DrawSummary, contact: ContactEntry, priority: String?,
        persons: Int, formToken: String, notice: Notice? = nil
    ) -> String {
        let text = language.text
        let words = text.draw
        let service = HTML.pathSegment(draw.service.id)
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.formTitle, switchPath: "/verlosung/\(service)",
            hasErrors: !contact.issues.isEmpty || notice?.kind == .error)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, issues: contact.issues, language: language, into: &writer)
            writer.line("<h1>\(words.formHeading)</h1>")
            facts(draw, language: language, into: &writer)
            guard draw.isOpen else {
                writer.open("<div class=\"notice\" data-kind=\"info\" role=\"status\">")
                writer.line("<h2 class=\"notice-title\">\(words.closedTitle)</h2>")
                writer.line(
                    "<p class=\"notice-detail\">\(words.closedDetail(DateText.at(draw.closesDate, draw.closesTime, language)))</p>"
                )
                writer.close("</div>")
                return
            }
            writer.line("<p>\(words.howItWorks)</p>")
            writer.open(
                "<form class=\"flow-form\" id=\"draw-form\" method=\"post\" action=\"\(language.prefix)/verlosung/\(service)\" novalidate>"
            )
            CitizenShell.formToken(formToken, into: &writer)
            priorities(draw, chosen: priority, issue: contact.issue("priority"), language: language, into: &writer)
            if draw.service.maxPersons > 1 {
                writer.open("<div class=\"field\">")
                writer.line("<label class=\"field-label\" for=\"persons\">\(text.personsQuestion)</label>")
                writer.open("<select class=\"select select-short\" id=\"persons\" name=\"persons\">")
                for count in 1...draw.service.maxPersons {
                    writer.line("<option value=\"\(count)\"\(count == persons ? " selected" : "")>\(count)</option>")
                }
                writer.close("</select>")
                writer.close("</div>")
            }
            CitizenShell.field(
                id: "name", label: text.nameLabel, value: contact.name,
                attributes: "type=\"text\" autocomplete=\"name\" maxlength=\"200\" required spellcheck=\"false\"",
                issue: contact.issue("name"), language: language, into: &writer)
            writer.open("<fieldset class=\"reach\" aria-describedby=\"reach-hint\">")
            writer.line("<legend class=\"field-label\">\(text.reachLegend)</legend>")
            writer.line("<p class=\"field-hint\" id=\"reach-hint\">\(words.reachHint)</p>")
            CitizenShell.field(
                id: "email", label: text.emailLabel, value: contact.email,
                attributes:
                    "type=\"email\" autocomplete=\"email\" inputmode=\"email\" maxlength=\"254\" spellcheck=\"false\"",
                issue: contact.issue("email"), language: language, into: &writer)
            CitizenShell.field(
                id: "phone", label: text.phoneLabel, value: contact.phone,
                attributes: "type=\"tel\" autocomplete=\"tel\" maxlength=\"40\"", issue: contact.issue("phone"),
                language: language, into: &writer)
            writer.close("</fieldset>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(words.registerButton)</button>")
            writer.close("</form>")
        }
    }

    /// The priority groups as radio buttons, in the order they are served, with that order
    /// explained.
    private static func priorities(
        _ draw: DrawSummary, chosen: String?, issue: FieldIssue?, language: PageLanguage,
        into writer: inout HTMLWriter
    ) {
        let text = language.text
        let words = text.draw
        let described = "priority-hint" + (issue == nil ? "" : " priority-error")
        writer.open("<fieldset class=\"office-choice\" aria-describedby=\"\(described)\">")
        writer.line("<legend class=\"field-label\">\(words.priorityLegend)</legend>")
        writer.line("<p class=\"field-hint\" id=\"priority-hint\">\(words.priorityHint)</p>")
        if let issue {
            writer.line(
                "<p class=\"field-error\" id=\"priority-error\"><span class=\"visually-hidden\">\(text.errorPrefix)</span>"
                    + "\(HTML.escape(issue.message))</p>")
        }
        writer.open("<ul class=\"office-list\">")
        let german = language == .german ? "" : " lang=\"de\""
        for (index, priority) in draw.priorities.enumerated() {
            let id = index == 0 ? "priority" : "priority-\(HTML.escape(priority.id))"
            writer.open("<li>")
            writer.open("<label class=\"check office-option\" for=\"\(id)\">")
            writer.line(
                "<input type=\"radio\" id=\"\(id)\" name=\"priority\" value=\"\(HTML.escape(priority.id))\""
                    + "\(priority.id == chosen ? " checked" : "")\(issue == nil ? "" : " aria-invalid=\"true\"")>")
            writer.line("<span class=\"check-label\"\(german)>\(HTML.escape(priority.name))</span>")
            writer.line(
                "<span class=\"check-hint\">\(words.priorityPosition(index + 1, draw.priorities.count))</span>")
            writer.close("</label>")
            writer.close("</li>")
        }
        writer.close("</ul>")
        writer.close("</fieldset>")
    }

    /// What is drawn, where, and until when one can register.
    private static func facts(_ draw: DrawSummary, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        writer.open("<dl class=\"summary\">")
        writer.line(
            "<div><dt>\(text.servicesLabel)</dt><dd>\(CitizenShell.serviceName(draw.service.name, language: language))</dd></div>"
        )
        writer.open("<div><dt>\(text.whereLabel)</dt><dd>")
        writer.line("<span class=\"office-name\">\(HTML.escape(draw.office.name))</span>")
        for line in draw.office.address {
            writer.line("<span class=\"office-address\">\(HTML.escape(line))</span>")
        }
        writer.close("</dd></div>")
        writer.line(
            "<div><dt>\(text.draw.slotsLabel)</dt><dd>"
                + "\(text.draw.slotsValue(DateText.plain(draw.slotsFrom, language), DateText.plain(draw.slotsTo, language)))</dd></div>"
        )
        writer.line(
            "<div><dt>\(text.draw.closesLabel)</dt><dd>\(DateText.at(draw.closesDate, draw.closesTime, language))</dd></div>"
        )
        writer.close("</dl>")
    }

    /// Why the entry's page is shown.
    package enum Arrival: String, Equatable, Sendable {
        case registered
        case withdrawn
        case viewed
    }

    /// The entry's own page: its status, the time won with where and what to bring, and the
    /// withdrawal.
    package static func entry(
        language: PageLanguage, town: String, draw: DrawSummary, entry: DrawEntrySummary, arrival: Arrival = .viewed
    ) -> String {
        let text = language.text
        let words = text.draw
        let link = entryPath(draw, entry)
        let frame = CitizenShell.Frame(language: language, town: town, title: words.statusTitle, switchPath: link)
        return CitizenShell.document(frame) { writer in
            switch arrival {
            case .registered:
                CitizenShell.notice(
                    Notice(.success, title: words.registeredNoticeTitle, detail: words.registeredNoticeDetail),
                    language: language, into: &writer)
            case .withdrawn:
                CitizenShell.notice(
                    Notice(.success, title: words.withdrawnNoticeTitle), language: language, into: &writer)
            case .viewed:
                break
            }
            writer.line("<h1>\(words.statusTitle)</h1>")
            let (status, detail) = statusWords(entry.status, draw: draw, language: language)
            writer.open("<dl class=\"summary draw-entry\">")
            writer.line(
                "<div><dt>\(words.statusLabel)</dt><dd><strong class=\"draw-status\" id=\"draw-status\">\(status)</strong></dd></div>"
            )
            writer.line(
                "<div><dt>\(words.groupLabel)</dt><dd\(language == .german ? "" : " lang=\"de\"")>"
                    + "\(HTML.escape(entry.priority))</dd></div>")
            writer.close("</dl>")
            writer.line("<p class=\"lead\">\(detail)</p>")
            if case .won(let booking) = entry.status {
                won(booking, draw: draw, language: language, into: &writer)
            } else {
                facts(draw, language: language, into: &writer)
            }
            guard entry.status != .withdrawn else { return }
            writer.open("<section class=\"panel\" aria-labelledby=\"manage-heading\">")
            writer.line("<h2 id=\"manage-heading\">\(text.manageHeading)</h2>")
            writer.line("<p>\(words.keepLinkHint)</p>")
            writer.open("<div class=\"button-row\">")
            writer.line(
                "<a class=\"button button-danger\" href=\"\(language.prefix)\(entryPath(draw, entry, "/abmelden"))\">"
                    + "\(words.withdrawButton)</a>")
            writer.line(
                "<button type=\"button\" class=\"button button-quiet\" data-print hidden>\(text.printButton)</button>")
            writer.close("</div>")
            writer.close("</section>")
        }
    }

    /// The time won: reference, when and where, how to get there, what to bring.
    private static func won(
        _ booking: DrawnBooking, draw: DrawSummary, language: PageLanguage, into writer: inout HTMLWriter
    ) {
        let text = language.text
        writer.open("<div class=\"reference-box\">")
        writer.line("<p class=\"reference-label\">\(text.referenceLabel)</p>")
        writer.line("<p class=\"reference\" id=\"reference\">\(HTML.escape(booking.reference))</p>")
        writer.line("<p class=\"reference-hint\">\(text.referenceHint)</p>")
        writer.close("</div>")
        CitizenShell.summary(
            Selection(services: [draw.service], persons: booking.persons, office: draw.office), date: booking.date,
            time: DateText.span(booking.start, booking.end, language), language: language, into: &writer)
        writer.open("<section class=\"panel\" aria-labelledby=\"find-us-heading\">")
        writer.line("<h2 id=\"find-us-heading\">\(text.places.findUsHeading)</h2>")
        CitizenShell.officeDetails(
            draw.office, level: 2, anchor: "find-us-office", showName: false, language: language, into: &writer)
        writer.close("</section>")
        writer.open("<section class=\"panel\" aria-labelledby=\"documents-heading\">")
        writer.line("<h2 id=\"documents-heading\">\(text.documentsHeading)</h2>")
        CitizenShell.checklist(booking.documents, language: language, into: &writer)
        writer.close("</section>")
    }

    private static func statusWords(
        _ status: DrawEntrySummary.Status, draw: DrawSummary, language: PageLanguage
    ) -> (String, String) {
        let words = language.text.draw
        switch status {
        case .registered:
            return (
                words.registeredStatus, words.registeredDetail(DateText.at(draw.closesDate, draw.closesTime, language))
            )
        case .won: return (words.wonStatus, words.wonDetail)
        case .waitlisted(let place): return (words.waitlistedStatus(place), words.waitlistedDetail)
        case .withdrawn: return (words.withdrawnStatus, words.withdrawnDetail)
        }
    }

    /// The question before withdrawing, with a POST button to do it.
    package static func confirmWithdraw(
        language: PageLanguage, town: String, draw: DrawSummary, entry: DrawEntrySummary, formToken: String
    ) -> String {
        let words = language.text.draw
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.withdrawQuestion,
            switchPath: entryPath(draw, entry, "/abmelden"))
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(words.withdrawQuestion)</h1>")
            facts(draw, language: language, into: &writer)
            if case .won = entry.status {
                writer.line("<p>\(words.withdrawWonExplanation)</p>")
            } else {
                writer.line("<p>\(words.withdrawExplanation)</p>")
            }
            let action =
                "\(language.prefix)/verlosung/\(HTML.pathSegment(draw.service.id))/anmeldung/"
                + "\(HTML.pathSegment(entry.id))/abmelden"
            writer.open("<form class=\"flow-form\" method=\"post\" action=\"\(action)\">")
            CitizenShell.formToken(formToken, into: &writer)
            writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(entry.token))\">")
            writer.open("<div class=\"button-row\">")
            writer.line(
                "<button type=\"submit\" class=\"button button-danger\">\(words.withdrawConfirmButton)</button>")
            writer.line(
                "<a class=\"button\" href=\"\(language.prefix)\(entryPath(draw, entry))\">\(words.withdrawBackButton)</a>"
            )
            writer.close("</div>")
            writer.close("</form>")
        }
    }

    /// The entry's page (or a page below it) with its token, without the language prefix.
    package static func entryPath(_ draw: DrawSummary, _ entry: DrawEntrySummary, _ suffix: String = "") -> String {
        "/verlosung/\(HTML.pathSegment(draw.service.id))/anmeldung/\(HTML.pathSegment(entry.id))\(suffix)"
            + "?token=\(HTML.pathSegment(entry.token))"
    }
}
