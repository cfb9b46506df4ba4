/// The page that hands out tickets from home, `/wartemarke` (`/en/wartemarke`): what happens
/// (take it, come in time, confirm the arrival at the kiosk), and per office that offers it its
/// window and a form with its services, each group with its waiting count, estimate and the
/// tickets left today. No personal data is asked for. A browser that holds an active ticket is
/// shown a link to it instead of the forms.
package enum RemoteTicketPage {
    /// A ticket this browser already holds: its number and its page.
    package struct Held: Equatable, Sendable {
        package var number: String
        package var href: String

        /// The ticket `number` at `href`.
        package init(number: String, href: String) {
            self.number = number
            self.href = href
        }
    }

    /// The page; with `held`, a link to the browser's ticket instead of the forms; `notice` says
    /// why a ticket was not issued.
    package static func html(
        language: PageLanguage, town: String, offices: [RemoteOffice], formToken: String, held: Held? = nil,
        notice: Notice? = nil
    ) -> String {
        let words = TicketWords.of(language)
        var frame = CitizenShell.Frame(
            language: language, town: town, title: words.remoteTitle, step: nil, switchPath: "/wartemarke",
            hasErrors: notice?.kind == .error)
        frame.stylesheets = ["citizen.css", "mobile-ticket.css"]
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            writer.line("<h1>\(HTML.escape(words.remoteTitle))</h1>")
            writer.line("<p class=\"lead\">\(HTML.escape(words.remoteIntro))</p>")
            writer.open("<ol class=\"remote-steps\">")
            for step in words.remoteSteps {
                writer.line("<li>\(HTML.escape(step))</li>")
            }
            writer.close("</ol>")
            writer.line("<p>\(HTML.escape(words.remoteNoData))</p>")
            if let held {
                writer.open("<div class=\"notice\" data-kind=\"info\" role=\"status\">")
                writer.line("<h2 class=\"notice-title\">\(HTML.escape(words.remoteHaveOne(held.number)))</h2>")
                writer.line("<p class=\"notice-detail\">\(HTML.escape(words.remoteHaveOneDetail))</p>")
                writer.line(
                    "<p><a class=\"button button-primary\" href=\"\(HTML.escape(held.href))\">"
                        + "\(HTML.escape(words.remoteOpenTicket))</a></p>")
                writer.close("</div>")
                return
            }
            if offices.isEmpty {
                writer.line("<p>\(HTML.escape(words.remoteNone))</p>")
            }
            for office in offices {
                officeForm(office, language: language, words: words, formToken: formToken, into: &writer)
            }
        }
    }

    private static func officeForm(
        _ office: RemoteOffice, language: PageLanguage, words: TicketWords, formToken: String,
        into writer: inout HTMLWriter
    ) {
        let id = HTML.escape(office.id)
        writer.open("<section class=\"panel remote-office\" aria-labelledby=\"remote-\(id)\">")
        writer.line("<h2 id=\"remote-\(id)\">\(HTML.escape(office.name))</h2>")
        if !office.address.isEmpty {
            writer.line("<p class=\"office-address\">\(office.address.map(HTML.escape).joined(separator: ", "))</p>")
        }
        guard office.isOpen, office.groups.contains(where: { $0.left > 0 }) else {
            writer.line("<p>\(HTML.escape(words.remoteClosed(office.from, office.until)))</p>")
            writer.close("</section>")
            return
        }
        writer.line("<p>\(HTML.escape(words.remoteWindow(office.from, office.until)))</p>")
        writer.open("<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)/wartemarke\">")
        CitizenShell.formToken(formToken, into: &writer)
        writer.line("<input type=\"hidden\" name=\"office\" value=\"\(id)\">")
        writer.open("<fieldset class=\"remote-services\">")
        writer.line("<legend>\(HTML.escape(words.remoteServiceLegend(office.name)))</legend>")
        for group in office.groups where group.left > 0 {
            let letter = HTML.escape(group.letter)
            writer.open("<div class=\"remote-group\">")
            writer.line(
                "<p class=\"remote-group-name\"><span class=\"group-letter\" aria-hidden=\"true\">\(letter)</span> "
                    + "\(CitizenShell.serviceName(group.name, language: language))</p>")
            writer.line(
                "<p class=\"check-hint\">\(HTML.escape(words.remoteWaiting(group.waiting, group.estimatedWaitMinutes)))"
                    + " · \(HTML.escape(words.remoteLeft(group.left)))</p>")
            writer.open("<ul class=\"remote-service-list\">")
            for service in group.services {
                let input = "remote-\(id)-\(HTML.escape(service.id))"
                writer.open("<li>")
                writer.open("<label class=\"check\" for=\"\(input)\">")
                writer.line(
                    "<input type=\"radio\" id=\"\(input)\" name=\"service\" value=\"\(HTML.escape(service.id))\" required>"
                )
                writer.line(
                    "<span class=\"check-label\">\(CitizenShell.serviceName(service.name, language: language))</span>")
                writer.close("</label>")
                writer.close("</li>")
            }
            writer.close("</ul>")
            writer.close("</div>")
        }
        writer.close("</fieldset>")
        writer.line(
            "<button type=\"submit\" class=\"button button-primary\">\(HTML.escape(words.remoteButton))</button>")
        writer.close("</form>")
        writer.close("</section>")
    }
}
