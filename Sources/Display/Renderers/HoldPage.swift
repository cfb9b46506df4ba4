/// Steps 4 and 5 at `/reservierung/{hold}`: the held time with its countdown, the contact form,
/// and the review before booking.
///
/// Without JavaScript the page says until when the time is held and offers the extension as a
/// button of the form (so what was typed is sent along and shown again, never put into a URL).
/// `citizen.js` counts down from `data-remaining-seconds` (the server's clock, so a wrong device
/// clock does not matter), warns two minutes before the end in an alert and extends in place
/// (WCAG 2.2.1). Name, e-mail and phone only ever travel in POST bodies.
package enum HoldPage {
    /// The contact form (step 4).
    package static func contact(
        language: PageLanguage, town: String, selection: Selection, hold: HoldSummary, contact: ContactEntry,
        formToken: String, retentionDays: Int, notice: Notice? = nil
    ) -> String {
        let text = language.text
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.contactTitle, step: 4,
            switchPath: "/reservierung/\(HTML.pathSegment(hold.id))", hasErrors: !contact.issues.isEmpty)
        let form = "contact-form"
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, issues: contact.issues, language: language, into: &writer)
            writer.line("<h1>\(text.contactHeading)</h1>")
            holdBox(hold, language: language, into: &writer)
            CitizenShell.summary(
                selection, date: hold.date, time: DateText.span(hold.start.label, hold.end, language),
                language: language, into: &writer)
            writer.open(
                "<form class=\"flow-form\" id=\"\(form)\" method=\"post\" "
                    + "action=\"\(language.prefix)/reservierung/\(HTML.pathSegment(hold.id))/pruefen\" novalidate>")
            CitizenShell.formToken(formToken, into: &writer)
            fallbackFields(selection, hold: hold, into: &writer)
            writer.line("<input type=\"hidden\" name=\"step\" value=\"contact\">")
            CitizenShell.field(
                id: "name", label: text.nameLabel, value: contact.name,
                attributes: "type=\"text\" autocomplete=\"name\" maxlength=\"200\" required spellcheck=\"false\"",
                issue: contact.issue("name"), language: language, into: &writer)
            writer.open("<fieldset class=\"reach\" aria-describedby=\"reach-hint\">")
            writer.line("<legend class=\"field-label\">\(text.reachLegend)</legend>")
            writer.line("<p class=\"field-hint\" id=\"reach-hint\">\(text.reachHint)</p>")
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
            writer.line("<p class=\"privacy-note\">\(text.privacyNote(retentionDays))</p>")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(text.reviewButton)</button>")
            holdActions(hold, language: language, into: &writer)
            writer.close("</form>")
        }
    }

    /// The review (step 5): everything once more, then book or go back to change the details.
    package static func review(
        language: PageLanguage, town: String, selection: Selection, hold: HoldSummary, contact: ContactEntry,
        formToken: String, notice: Notice? = nil
    ) -> String {
        let text = language.text
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.reviewTitle, step: 5,
            switchPath: "/reservierung/\(HTML.pathSegment(hold.id))", hasErrors: notice?.kind == .error)
        let form = "review-form"
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            writer.line("<h1>\(text.reviewHeading)</h1>")
            holdBox(hold, language: language, into: &writer)
            CitizenShell.summary(
                selection, date: hold.date, time: DateText.span(hold.start.label, hold.end, language),
                language: language, into: &writer)
            writer.open("<section class=\"panel\" aria-labelledby=\"fees-heading\">")
            writer.line("<h2 id=\"fees-heading\">\(text.feesHeading)</h2>")
            CitizenShell.fees(selection.services, persons: selection.persons, language: language, into: &writer)
            writer.close("</section>")
            writer.open("<section class=\"panel\" aria-labelledby=\"contact-heading\">")
            writer.line("<h2 id=\"contact-heading\">\(text.contactSummaryHeading)</h2>")
            writer.open("<dl class=\"summary\">")
            writer.line("<div><dt>\(text.nameLabel)</dt><dd>\(HTML.escape(contact.name))</dd></div>")
            if !contact.email.isEmpty {
                writer.line("<div><dt>\(text.emailLabel)</dt><dd>\(HTML.escape(contact.email))</dd></div>")
            }
            if !contact.phone.isEmpty {
                writer.line("<div><dt>\(text.phoneLabel)</dt><dd>\(HTML.escape(contact.phone))</dd></div>")
            }
            writer.close("</dl>")
            writer.close("</section>")
            let path = "\(language.prefix)/reservierung/\(HTML.pathSegment(hold.id))"
            writer.open("<form class=\"flow-form\" id=\"\(form)\" method=\"post\" action=\"\(path)/buchen\">")
            CitizenShell.formToken(formToken, into: &writer)
            fallbackFields(selection, hold: hold, into: &writer)
            writer.line("<input type=\"hidden\" name=\"step\" value=\"review\">")
            for (name, value) in [("name", contact.name), ("email", contact.email), ("phone", contact.phone)] {
                writer.line("<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape(value))\">")
            }
            writer.line("<p>\(text.bookingTerms)</p>")
            writer.open("<div class=\"button-row\">")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(text.bookButton)</button>")
            writer.line(
                "<button type=\"submit\" class=\"button\" formaction=\"\(path)/aendern\">\(text.changeDetails)</button>"
            )
            writer.close("</div>")
            holdActions(hold, language: language, into: &writer)
            writer.close("</form>")
        }
    }

    /// The held time: until when, and the countdown and warning the script runs. It comes first on
    /// the page; its buttons (``holdActions``) come after the form's own, so that Enter in a field
    /// sends the form rather than extending the hold (the first submit button is the default).
    static func holdBox(_ hold: HoldSummary, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        writer.open(
            "<section class=\"hold-box\" id=\"hold-box\" aria-labelledby=\"hold-heading\" "
                + "data-remaining-seconds=\"\(hold.remainingSeconds)\" data-warn-seconds=\"120\" "
                + "data-text-left=\"\(HTML.escape(text.countdownLeft))\" "
                + "data-text-warning=\"\(HTML.escape(text.holdWarning))\" "
                + "data-text-expired=\"\(HTML.escape(text.holdExpired))\">")
        writer.line("<h2 id=\"hold-heading\">\(text.heldHeading)</h2>")
        writer.open("<p class=\"hold-until\">")
        writer.line(
            "\(text.heldUntil(DateText.time(hold.expiresAt, language)))"
                + " <span class=\"countdown\" id=\"countdown\" role=\"timer\" hidden></span>")
        writer.close("</p>")
        writer.line("<div class=\"hold-warning\" id=\"hold-warning\" role=\"alert\"></div>")
        writer.close("</section>")
    }

    /// The hold's buttons, inside the form after its own: the extension (while one is left) and the
    /// way back to the times. They send what was typed along, so it comes back.
    static func holdActions(_ hold: HoldSummary, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        let path = "\(language.prefix)/reservierung/\(HTML.pathSegment(hold.id))"
        writer.open("<div class=\"hold-actions\" id=\"hold-actions\">")
        writer.line("<p class=\"hold-actions-title\">\(text.holdActionsTitle)</p>")
        writer.open("<div class=\"button-row\">")
        if hold.extensionsLeft > 0 {
            writer.line(
                "<button type=\"submit\" class=\"button\" formaction=\"\(path)/verlaengern\" formnovalidate "
                    + "data-extend>\(text.extendButton)</button>")
        }
        writer.line(
            "<button type=\"submit\" class=\"button button-quiet\" formaction=\"\(path)/freigeben\" "
                + "formnovalidate>\(text.releaseButton)</button>")
        writer.close("</div>")
        writer.line(
            "<p class=\"hold-extensions\" id=\"hold-extensions\">"
                + "\(text.extensionsLeft(hold.extensionsLeft, hold.holdMinutes))</p>")
        writer.close("</div>")
    }

    /// What the server needs when the hold is gone by the time the form comes back: the services,
    /// persons, office and start, to book the time directly if it is still free or to offer the
    /// next free times. None of it is personal.
    private static func fallbackFields(_ selection: Selection, hold: HoldSummary, into writer: inout HTMLWriter) {
        CitizenShell.selectionFields(selection, into: &writer)
        writer.line("<input type=\"hidden\" name=\"start\" value=\"\(HTML.escape(hold.start.value))\">")
    }
}
