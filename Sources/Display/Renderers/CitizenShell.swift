/// The frame of every citizen page: `lang`, a skip link, the header with the town and the
/// language switch, the step of the booking, a polite live region for the script's announcements,
/// the main content and a footer with the accessibility statement.
///
/// Pages work without JavaScript (forms and redirects); `citizen.js` only adds the hold's
/// countdown, the extension in place and answers to a taken time without a reload.
enum CitizenShell {
    /// The steps of a booking, in order.
    static let stepCount = 5

    /// What the frame shows around a page's content.
    struct Frame {
        var language: PageLanguage
        var town: String
        var title: String
        /// The booking step (1 … 5) the page belongs to, nil outside the booking.
        var step: Int?
        /// The same page in the other language (path and query), or nil for the other start page.
        var switchPath: String?
        /// Whether the page reports problems (its title then begins with „Fehler:").
        var hasErrors = false
        var bodyClass = "citizen"
        /// Stylesheets after `base.css`, and scripts.
        var stylesheets = ["citizen.css"]
        var scripts = ["citizen.js"]
        /// Lines added to the head (a ticket's page reloads itself without JavaScript).
        var extraHead: [String] = []
        /// Attributes of the body besides its class.
        var bodyAttributes: [(String, String)] = []
    }

    static func document(_ frame: Frame, body: (inout HTMLWriter) -> Void) -> String {
        let text = frame.language.text
        let title =
            (frame.hasErrors ? text.errorTitlePrefix : "") + "\(frame.title) – \(text.siteTitle) – \(frame.town)"
        return PageShell.document(
            title: title, stylesheets: frame.stylesheets, scripts: frame.scripts,
            bodyAttributes: [("class", frame.bodyClass)] + frame.bodyAttributes, extraHead: frame.extraHead,
            language: frame.language.code
        ) { writer in
            writer.line("<a class=\"skip-link\" href=\"#main\">\(text.skipLink)</a>")
            writer.open("<header class=\"page-header citizen-header\">")
            writer.open("<p class=\"site-title\">")
            writer.line(
                "<a class=\"site-link\" href=\"\(frame.language.prefix)/\">\(HTML.escape(frame.town))"
                    + "<span class=\"page-subtitle\">\(text.siteTitle)</span></a>")
            writer.close("</p>")
            let other = frame.language.other
            let target = frame.switchPath ?? "/"
            writer.open("<nav class=\"language-switch\" aria-label=\"\(text.languageNavigation)\">")
            writer.line(
                "<a href=\"\(HTML.escape(other.prefix + target))\" hreflang=\"\(other.code)\" lang=\"\(other.code)\">"
                    + "\(other.text.languageName)</a>")
            writer.close("</nav>")
            writer.close("</header>")
            writer.line("<div class=\"visually-hidden\" id=\"live\" aria-live=\"polite\"></div>")
            writer.open("<main class=\"citizen-main\" id=\"main\" tabindex=\"-1\">")
            if let step = frame.step {
                writer.line(
                    "<p class=\"step-indicator\">\(text.step(step, stepCount)): \(text.stepNames[step - 1])</p>")
            }
            body(&writer)
            writer.close("</main>")
            writer.open("<footer class=\"citizen-footer\">")
            writer.open("<ul class=\"footer-links\">")
            writer.line(
                "<li><a href=\"\(frame.language.prefix)/barrierefreiheit\">\(text.accessibilityLink)</a></li>")
            writer.line("<li><a href=\"\(frame.language.prefix)/standorte\">\(text.places.pageTitle)</a></li>")
            writer.line("<li>\(text.hotlineNote)</li>")
            writer.line("<li>\(text.demoNote)</li>")
            writer.close("</ul>")
            writer.close("</footer>")
        }
    }

    // MARK: Parts the pages share

    /// The message at the top of a page. Problems are an alert and list each bad field with a
    /// link to it (an error summary, WCAG 3.3.1); other notices are a status.
    static func notice(
        _ notice: Notice?, issues: [FieldIssue] = [], language: PageLanguage, into writer: inout HTMLWriter
    ) {
        let text = language.text
        guard notice != nil || !issues.isEmpty else { return }
        let kind = notice?.kind ?? .error
        let role = kind == .error ? "alert" : "status"
        writer.open(
            "<div class=\"notice\" id=\"notice\" data-kind=\"\(kind.rawValue)\" role=\"\(role)\" tabindex=\"-1\" "
                + "aria-labelledby=\"notice-title\">")
        let title = notice?.title ?? text.errorSummaryTitle
        writer.line("<h2 class=\"notice-title\" id=\"notice-title\">\(HTML.escape(title))</h2>")
        if let detail = notice?.detail, !detail.isEmpty {
            writer.line("<p class=\"notice-detail\">\(HTML.escape(detail))</p>")
        }
        if let link = notice?.link {
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(HTML.escape(link.href))\">\(HTML.escape(link.label))</a></p>"
            )
        }
        if !issues.isEmpty {
            writer.open("<ul class=\"error-list\">")
            for issue in issues {
                writer.line(
                    "<li><a href=\"#\(HTML.escape(issue.field))\">\(HTML.escape(issue.message))</a></li>")
            }
            writer.close("</ul>")
        }
        writer.close("</div>")
    }

    /// The hidden form field that proves the form came from this site (see `FormGuard` in App).
    static func formToken(_ token: String, into writer: inout HTMLWriter) {
        writer.line("<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">")
    }

    /// Hidden fields that carry the selection (services, persons, office) through a form.
    static func selectionFields(_ selection: Selection, into writer: inout HTMLWriter) {
        for service in selection.services {
            writer.line("<input type=\"hidden\" name=\"service\" value=\"\(HTML.escape(service.id))\">")
        }
        writer.line("<input type=\"hidden\" name=\"persons\" value=\"\(selection.persons)\">")
        if let office = selection.office {
            writer.line("<input type=\"hidden\" name=\"office\" value=\"\(HTML.escape(office.id))\">")
        }
    }

    /// A checklist of documents with their conditions and notes, or a line saying none are needed.
    static func checklist(_ documents: [SlipDocument], language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        guard !documents.isEmpty else {
            writer.line("<p>\(text.noDocuments)</p>")
            return
        }
        let german = language == .german ? "" : " lang=\"de\""
        writer.open("<ul class=\"checklist\">")
        for document in documents {
            writer.open("<li\(german)>")
            writer.line("<span class=\"document-name\">\(HTML.escape(document.name))</span>")
            if let condition = document.condition {
                writer.line("<span class=\"document-condition\">\(HTML.escape(condition))</span>")
            }
            if let note = document.note {
                writer.line("<span class=\"document-note\">\(HTML.escape(note))</span>")
            }
            if !document.services.isEmpty {
                // The names are German; on English pages the words around them are English.
                let names = HTML.escape(document.services.joined(separator: ", "))
                writer.line(
                    language == .german
                        ? "<span class=\"document-for\">\(text.documentFor(names))</span>"
                        : "<span class=\"document-for\" lang=\"en\">\(text.documentFor("<span lang=\"de\">\(names)</span>"))</span>"
                )
            }
            writer.close("</li>")
        }
        writer.close("</ul>")
    }

    /// A service's name, marked as German on English pages (names come from the configuration).
    static func serviceName(_ name: String, language: PageLanguage) -> String {
        language == .german ? HTML.escape(name) : "<span lang=\"de\">\(HTML.escape(name))</span>"
    }

    /// The fees of the selection: the total for all persons (from the lowest to the highest when a
    /// fee has several rates, such as a lower one for those under 24) and the notes of the
    /// configuration.
    static func fees(_ services: [ServiceChoice], persons: Int, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        let known = services.filter { $0.feeCents != nil }
        let german = language == .german ? "" : " lang=\"de\""
        if known.isEmpty && services.allSatisfy({ $0.feeNote == nil }) {
            writer.line("<p>\(text.feeUnknown)</p>")
            return
        }
        let highest = known.reduce(0) { $0 + ($1.feeCents ?? 0) } * persons
        let lowest = known.reduce(0) { $0 + ($1.lowestFeeCents ?? $1.feeCents ?? 0) } * persons
        if highest == 0 && known.count == services.count {
            writer.line("<p>\(text.feeFree)</p>")
        } else if !known.isEmpty {
            let amount =
                lowest < highest
                ? text.feeRange(DateText.euros(lowest, language), DateText.euros(highest, language))
                : DateText.euros(highest, language)
            writer.line(
                "<p><strong>\(amount)</strong>"
                    + (persons > 1 ? " \(text.feeForPersons(persons))" : "") + ". \(text.feePayment)</p>")
        }
        let notes = services.filter { $0.feeNote != nil }
        if !notes.isEmpty {
            writer.open("<ul class=\"fee-notes\">")
            for service in notes {
                writer.line(
                    "<li>\(serviceName(service.name, language: language)): "
                        + "<span\(german)>\(HTML.escape(service.feeNote ?? ""))</span></li>")
            }
            writer.close("</ul>")
        }
    }

    /// An office's address, the link to its map and its opening hours, under a heading of
    /// `level` (2 or 3) with the id `anchor` (for links to it).
    static func officeDetails(
        _ office: OfficeSummary, level: Int, anchor: String, showName: Bool, language: PageLanguage,
        into writer: inout HTMLWriter
    ) {
        let text = language.text.places
        if showName {
            writer.line("<h\(level) id=\"\(HTML.escape(anchor))\">\(HTML.escape(office.name))</h\(level)>")
        }
        if office.address.isEmpty {
            writer.line("<p>\(text.noAddress)</p>")
        } else {
            writer.open("<p class=\"office-address-block\">")
            writer.line(office.address.map(HTML.escape).joined(separator: "<br>"))
            writer.close("</p>")
        }
        if let map = office.mapURL {
            writer.line(
                "<p><a class=\"map-link\" href=\"\(HTML.escape(map))\" rel=\"noopener noreferrer\">"
                    + "\(HTML.escape(text.mapLink(office.name)))</a></p>")
        }
        guard !office.hours.isEmpty else { return }
        let sub = min(level + 1, 6)
        writer.line("<h\(sub) class=\"hours-heading\">\(text.hoursHeading)</h\(sub)>")
        writer.open("<dl class=\"hours\">")
        for day in office.hours {
            let parts = day.spans.map { "\($0.from)–\($0.to)" }
            let joined =
                parts.count > 1
                ? parts.dropLast().joined(separator: ", ") + " \(text.and) " + (parts.last ?? "") : parts.first ?? ""
            let spans = day.spans.isEmpty ? text.closed : DateText.time(joined, language)
            writer.line(
                "<div><dt>\(DateText.weekday(day.weekday, language))</dt><dd>\(HTML.escape(spans))</dd></div>")
        }
        writer.close("</dl>")
        writer.line("<p class=\"hours-note\">\(text.holidaysNote)</p>")
        if !office.closures.isEmpty {
            writer.line("<h\(sub)>\(text.closuresHeading)</h\(sub)>")
            writer.open("<ul class=\"closed-days\">")
            let german = language == .german ? "" : " lang=\"de\""
            for day in office.closures {
                writer.line(
                    "<li>\(DateText.long(day.date, language)): <span\(german)>\(HTML.escape(day.reason))</span></li>")
            }
            writer.close("</ul>")
        }
    }

    /// A form field with its label, hint, error and the input itself; the input names the hint and
    /// the error in `aria-describedby` and is `aria-invalid` while it has an error.
    static func field(
        id: String, label: String, value: String, attributes: String, hint: String? = nil, issue: FieldIssue?,
        language: PageLanguage, into writer: inout HTMLWriter
    ) {
        let text = language.text
        writer.open("<div class=\"field\(issue == nil ? "" : " field-invalid")\">")
        writer.line("<label class=\"field-label\" for=\"\(id)\">\(label)</label>")
        var described: [String] = []
        if let hint {
            writer.line("<p class=\"field-hint\" id=\"\(id)-hint\">\(hint)</p>")
            described.append("\(id)-hint")
        }
        if let issue {
            writer.line(
                "<p class=\"field-error\" id=\"\(id)-error\"><span class=\"visually-hidden\">\(text.errorPrefix)</span>"
                    + "\(HTML.escape(issue.message))</p>")
            described.append("\(id)-error")
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        let invalid = issue == nil ? "" : " aria-invalid=\"true\""
        writer.line(
            "<input class=\"text-input\" id=\"\(id)\" name=\"\(id)\" \(attributes) value=\"\(HTML.escape(value))\""
                + "\(describedBy)\(invalid)>")
        writer.close("</div>")
    }

    /// The chosen services, persons and office as a description list.
    static func summary(
        _ selection: Selection, date: CalendarDate? = nil, time: String? = nil, language: PageLanguage,
        into writer: inout HTMLWriter
    ) {
        let text = language.text
        writer.open("<dl class=\"summary\">")
        if let date, let time {
            writer.line(
                "<div><dt>\(text.whenLabel)</dt><dd>\(DateText.long(date, language)), \(HTML.escape(time))</dd></div>")
        }
        if let office = selection.office {
            writer.open("<div><dt>\(text.whereLabel)</dt><dd>")
            writer.line("<span class=\"office-name\">\(HTML.escape(office.name))</span>")
            for line in office.address {
                writer.line("<span class=\"office-address\">\(HTML.escape(line))</span>")
            }
            writer.close("</dd></div>")
        }
        let names = selection.services.map { serviceName($0.name, language: language) }
        writer.line("<div><dt>\(text.servicesLabel)</dt><dd>\(names.joined(separator: ", "))</dd></div>")
        writer.line("<div><dt>\(text.personsLabel)</dt><dd>\(selection.persons)</dd></div>")
        writer.close("</dl>")
    }
}
