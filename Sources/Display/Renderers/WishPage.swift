/// The wish pages (Terminwunsch, Documentation/Wishes.md): the form to leave one, the page that
/// asks to confirm the e-mail address, the confirmation behind the e-mail's link, the wish's own
/// page (where it stands, its open offer, withdrawing it) and the offer's page behind the offer
/// e-mail's link (book or decline).
///
/// Every change is a POST form with the form token; the e-mail's links only open pages, so a mail
/// scanner that follows them changes nothing. The pages work without JavaScript.
package enum WishPage {
    // MARK: The form

    /// `/terminwunsch`: the offices, days, times of day and dates that suit, name and e-mail.
    package static func form(
        language: PageLanguage, town: String, selection: Selection, entry: WishEntry, formToken: String,
        offerHours: Int, retentionDays: Int, notice: Notice? = nil
    ) -> String {
        let text = language.text
        let words = language.wishText
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.formTitle, step: nil,
            switchPath: "/terminwunsch?" + selection.query, hasErrors: !entry.issues.isEmpty || notice?.kind == .error)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, issues: entry.issues, language: language, into: &writer)
            writer.line("<h1>\(words.formTitle)</h1>")
            writer.line("<p class=\"lead\">\(words.formIntro)</p>")
            CitizenShell.summary(selection, language: language, into: &writer)
            writer.line("<p>\(words.offerRule(offerHours))</p>")
            writer.open(
                "<form class=\"flow-form\" id=\"wish-form\" method=\"post\" action=\"\(language.prefix)/terminwunsch\" "
                    + "novalidate>")
            CitizenShell.formToken(formToken, into: &writer)
            CitizenShell.selectionFields(
                Selection(services: selection.services, persons: selection.persons), into: &writer)
            checks(
                id: "office", legend: words.officesLegend, hint: words.officesHint, issue: entry.issue("office"),
                items: entry.offices.map { (HTML.escape($0.id), HTML.escape($0.name), $0.checked) },
                language: language, into: &writer)
            checks(
                id: "day", legend: words.weekdaysLegend, hint: nil, issue: entry.issue("day"),
                items: (1...7).map { ("\($0)", words.weekdayNames[$0 - 1], entry.weekdays.contains($0)) },
                language: language, into: &writer)
            checks(
                id: "time", legend: words.timesLegend, hint: nil, issue: entry.issue("time"),
                items: [
                    ("morning", words.morningLabel, entry.morning),
                    ("afternoon", words.afternoonLabel, entry.afternoon),
                ], language: language, into: &writer)
            let limits = "min=\"\(HTML.escape(entry.earliest))\" max=\"\(HTML.escape(entry.maxDate))\""
            CitizenShell.field(
                id: "earliest", label: words.earliestLabel, value: entry.earliest,
                attributes: "type=\"date\" required \(limits)", issue: entry.issue("earliest"), language: language,
                into: &writer)
            CitizenShell.field(
                id: "latest", label: words.latestLabel, value: entry.latest,
                attributes: "type=\"date\" required \(limits)", hint: words.latestHint(entry.maxDate),
                issue: entry.issue("latest"), language: language, into: &writer)
            CitizenShell.field(
                id: "name", label: text.nameLabel, value: entry.name,
                attributes: "type=\"text\" autocomplete=\"name\" maxlength=\"200\" required spellcheck=\"false\"",
                issue: entry.issue("name"), language: language, into: &writer)
            CitizenShell.field(
                id: "email", label: text.emailLabel, value: entry.email,
                attributes:
                    "type=\"email\" autocomplete=\"email\" inputmode=\"email\" maxlength=\"254\" required spellcheck=\"false\"",
                hint: words.emailHint, issue: entry.issue("email"), language: language, into: &writer)
            writer.line("<p class=\"privacy-note\">\(words.privacyNote(retentionDays))</p>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(words.submitButton)</button>")
            writer.close("</form>")
        }
    }

    /// A group of checkboxes named `id` with values and labels; its first box carries the id the
    /// error summary links to (`id-<first value>`).
    private static func checks(
        id: String, legend: String, hint: String?, issue: FieldIssue?,
        items: [(value: String, label: String, on: Bool)],
        language: PageLanguage, into writer: inout HTMLWriter
    ) {
        let text = language.text
        var described: [String] = []
        if hint != nil { described.append("\(id)-hint") }
        if issue != nil { described.append("\(id)-error") }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        writer.open("<fieldset class=\"field\(issue == nil ? "" : " field-invalid")\"\(describedBy)>")
        writer.line("<legend class=\"field-label\">\(legend)</legend>")
        if let hint { writer.line("<p class=\"field-hint\" id=\"\(id)-hint\">\(hint)</p>") }
        if let issue {
            writer.line(
                "<p class=\"field-error\" id=\"\(id)-error\"><span class=\"visually-hidden\">\(text.errorPrefix)</span>"
                    + "\(HTML.escape(issue.message))</p>")
        }
        writer.open("<ul class=\"office-list\">")
        for item in items {
            let box = "\(id)-\(item.value)"
            writer.open("<li>")
            writer.open("<label class=\"check\" for=\"\(box)\">")
            writer.line(
                "<input type=\"checkbox\" id=\"\(box)\" name=\"\(id)\" value=\"\(item.value)\"\(item.on ? " checked" : "")>"
            )
            writer.line("<span class=\"check-label\">\(item.label)</span>")
            writer.close("</label>")
            writer.close("</li>")
        }
        writer.close("</ul>")
        writer.close("</fieldset>")
    }

    // MARK: After leaving it

    /// The page after the form: the e-mail with the link to confirm is on its way.
    package static func sent(language: PageLanguage, town: String, hours: Int) -> String {
        let words = language.wishText
        return MessagePage.html(
            language: language, town: town,
            notice: Notice(.success, title: words.sentTitle, detail: words.sentDetail(hours)),
            switchPath: "/terminwunsch/gesendet")
    }

    /// `/terminwunsch/{wish}/bestaetigen`: what the wish asks for and one button to confirm it.
    package static func confirm(language: PageLanguage, town: String, wish: WishSummary, formToken: String) -> String {
        let words = language.wishText
        let path = "/terminwunsch/\(HTML.pathSegment(wish.id))"
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.confirmTitle, step: nil,
            switchPath: path + "/bestaetigen?token=" + HTML.pathSegment(wish.token))
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(words.confirmTitle)</h1>")
            writer.line("<p class=\"lead\">\(words.confirmLead)</p>")
            details(wish, language: language, into: &writer)
            writer.open("<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)\(path)/bestaetigen\">")
            CitizenShell.formToken(formToken, into: &writer)
            writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(wish.token))\">")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(words.confirmButton)</button>")
            writer.close("</form>")
        }
    }

    // MARK: The wish's page

    /// `/terminwunsch/{wish}`: where the wish stands, its open offer with book and decline, and
    /// withdrawing it.
    package static func status(
        language: PageLanguage, town: String, wish: WishSummary, formToken: String, notice: Notice? = nil
    ) -> String {
        let words = language.wishText
        let path = "/terminwunsch/\(HTML.pathSegment(wish.id))"
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.statusTitle, step: nil,
            switchPath: path + "?token=" + HTML.pathSegment(wish.token), hasErrors: notice?.kind == .error)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            writer.line("<h1>\(words.statusTitle)</h1>")
            if let offer = wish.offer {
                offerBox(offer, selection: wish.selection, language: language, formToken: formToken, into: &writer)
            }
            details(wish, language: language, into: &writer)
            switch wish.status {
            case "waiting":
                if let ahead = wish.ahead { writer.line("<p>\(words.ahead(ahead))</p>") }
                if let confirmed = wish.confirmedAt {
                    writer.line(
                        "<p>\(words.confirmedAt(DateText.plain(confirmed.date, language) + ", " + DateText.time(confirmed.time.label, language)))</p>"
                    )
                }
            case "unconfirmed":
                writer.open(
                    "<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)\(path)/bestaetigen\">")
                CitizenShell.formToken(formToken, into: &writer)
                writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(wish.token))\">")
                writer.line("<p>\(words.confirmLead)</p>")
                writer.line("<button type=\"submit\" class=\"button button-primary\">\(words.confirmButton)</button>")
                writer.close("</form>")
            case "booked": writer.line("<p>\(words.bookedDetail)</p>")
            case "withdrawn": writer.line("<p>\(words.withdrawnDetail)</p>")
            default: writer.line("<p>\(words.endedDetail)</p>")
            }
            if wish.status == "waiting" || wish.status == "unconfirmed" {
                writer.open("<section class=\"panel\" aria-labelledby=\"withdraw-heading\">")
                writer.line("<h2 id=\"withdraw-heading\">\(words.withdrawHeading)</h2>")
                writer.line("<p>\(words.withdrawExplanation)</p>")
                writer.open(
                    "<form method=\"post\" action=\"\(language.prefix)\(path)/zurueckziehen\">")
                CitizenShell.formToken(formToken, into: &writer)
                writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(wish.token))\">")
                writer.line(
                    "<button type=\"submit\" class=\"button button-danger\">\(words.withdrawButton)</button>")
                writer.close("</form>")
                writer.close("</section>")
                writer.line("<p class=\"privacy-note\">\(words.keepMailHint)</p>")
            }
        }
    }

    /// What the wish asks for, as a description list.
    private static func details(_ wish: WishSummary, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        let words = language.wishText
        writer.open("<dl class=\"summary\">")
        writer.line(
            "<div><dt>\(words.statusLabel)</dt><dd>\(HTML.escape(words.statusNames[wish.status] ?? wish.status))</dd></div>"
        )
        let names = wish.selection.services.map { CitizenShell.serviceName($0.name, language: language) }
        writer.line("<div><dt>\(text.servicesLabel)</dt><dd>\(names.joined(separator: ", "))</dd></div>")
        writer.line("<div><dt>\(text.personsLabel)</dt><dd>\(wish.selection.persons)</dd></div>")
        writer.line(
            "<div><dt>\(words.officesLabel)</dt><dd>\(wish.offices.map(HTML.escape).joined(separator: ", "))</dd></div>"
        )
        let days = wish.weekdays.filter { (1...7).contains($0) }.map { words.weekdayNames[$0 - 1] }
        writer.line("<div><dt>\(words.weekdaysLabel)</dt><dd>\(days.joined(separator: ", "))</dd></div>")
        let times = WishPage.times(wish.times, language: language)
        writer.line("<div><dt>\(words.timesLabel)</dt><dd>\(HTML.escape(times))</dd></div>")
        writer.line(
            "<div><dt>\(words.periodLabel)</dt><dd>"
                + "\(words.period(DateText.plain(wish.earliest, language), DateText.plain(wish.latest, language)))</dd></div>"
        )
        writer.close("</dl>")
    }

    /// The times of day of a wish in words: `morning` and `afternoon` as such, other ranges as
    /// clock times, none as the whole day.
    static func times(_ times: [String], language: PageLanguage) -> String {
        let words = language.wishText
        guard !times.isEmpty else { return words.wholeDay }
        return times.map { time in
            switch time {
            case "morning": words.morningLabel
            case "afternoon": words.afternoonLabel
            default: DateText.time(time, language)
            }
        }.joined(separator: ", ")
    }

    // MARK: Offers

    /// `/angebot/{offer}`: the time held for the wish, with book and decline.
    package static func offer(
        language: PageLanguage, town: String, offer: OfferSummary, selection: Selection, wishLink: String?,
        formToken: String, notice: Notice? = nil
    ) -> String {
        let words = language.wishText
        let frame = CitizenShell.Frame(
            language: language, town: town, title: words.offerHeading, step: nil,
            switchPath: "/angebot/\(HTML.pathSegment(offer.id))?token=\(HTML.pathSegment(offer.token))",
            hasErrors: notice?.kind == .error)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            offerBox(offer, selection: selection, language: language, formToken: formToken, heading: 1, into: &writer)
            if let wishLink {
                writer.line("<p class=\"back-link\"><a href=\"\(HTML.escape(wishLink))\">\(words.toWishLink)</a></p>")
            }
        }
    }

    /// The offer: when and where, until when it is held, and the form to book or decline it.
    private static func offerBox(
        _ offer: OfferSummary, selection: Selection, language: PageLanguage, formToken: String, heading: Int = 2,
        into writer: inout HTMLWriter
    ) {
        let words = language.wishText
        let path = "\(language.prefix)/angebot/\(HTML.pathSegment(offer.id))"
        writer.open("<section class=\"panel next-times\" id=\"offer\" aria-labelledby=\"offer-heading\">")
        writer.line("<h\(heading) id=\"offer-heading\">\(words.offerHeading)</h\(heading)>")
        let until =
            DateText.long(offer.expires.date, language) + ", " + DateText.time(offer.expires.time.label, language)
        writer.line("<p class=\"lead\">\(words.offerLead(until))</p>")
        var shown = selection
        shown.office = offer.office
        CitizenShell.summary(
            shown, date: offer.date, time: DateText.span(offer.start, offer.end, language), language: language,
            into: &writer)
        writer.open("<form method=\"post\" action=\"\(path)/buchen\">")
        CitizenShell.formToken(formToken, into: &writer)
        writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(offer.token))\">")
        writer.open("<div class=\"button-row\">")
        writer.line("<button type=\"submit\" class=\"button button-primary\">\(words.bookButton)</button>")
        writer.line(
            "<button type=\"submit\" class=\"button button-quiet\" formaction=\"\(path)/ablehnen\">"
                + "\(words.declineButton)</button>")
        writer.close("</div>")
        writer.line("<p class=\"field-hint\">\(words.declineHint)</p>")
        writer.close("</form>")
        writer.close("</section>")
    }

    // MARK: The link from the times page

    /// The way to leave a wish for `selection`, on the times page: prominent when nothing is free,
    /// a quiet panel otherwise.
    static func link(_ selection: Selection, language: PageLanguage, nothingFree: Bool, into writer: inout HTMLWriter) {
        let words = language.wishText
        writer.open("<section class=\"panel\" id=\"wish-link\" aria-labelledby=\"wish-link-heading\">")
        writer.line("<h2 id=\"wish-link-heading\">\(words.linkTitle)</h2>")
        writer.line("<p>\(words.linkDetail)</p>")
        writer.line(
            "<p><a class=\"button\(nothingFree ? " button-primary" : "")\" href=\"\(language.prefix)/terminwunsch?"
                + "\(HTML.escape(selection.query))\">\(words.linkButton)</a></p>")
        writer.close("</section>")
    }
}
