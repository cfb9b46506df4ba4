/// The printed ticket (Wartemarke) at `/kiosk/{office}/tickets/{id}`: a page sized for an 80 mm
/// receipt printer by `ticket.css` (`@page` of 80 mm width, no margins), with the number huge, the
/// services, the time it was drawn, the tickets ahead, the estimated wait and the documents to have
/// ready, and a QR code of the ticket's own page (`/t/{key}`), where the holder follows the line on
/// the phone. `ticket.js` prints it on load and, when it was opened from the kiosk, returns there.
///
/// A checked-in booking shows its appointment time instead of the tickets ahead and the estimate:
/// appointments are called by their time, not by their place in the line.
package enum TicketSlipPage {
    /// The printable page for `slip`.
    package static func html(_ slip: TicketSlip) -> String {
        PageShell.document(
            title: "Wartemarke \(slip.number) – \(slip.officeName)",
            stylesheets: ["ticket.css"],
            scripts: ["ticket.js"],
            bodyAttributes: [("class", "ticket-page"), ("data-return-seconds", "20")]
        ) { writer in
            writer.open("<main class=\"slip\">")
            writer.line("<p class=\"slip-office\">\(HTML.escape(slip.officeName))</p>")
            writer.open("<h1 class=\"slip-heading\">")
            writer.line("<span class=\"slip-label\">Ihre Wartenummer</span>")
            writer.line("<span class=\"slip-number\">\(HTML.escape(slip.number))</span>")
            writer.close("</h1>")
            if slip.isAppointment {
                let time = slip.appointmentTime.map { " um \(HTML.escape($0))" } ?? ""
                writer.line("<p class=\"slip-appointment\">Termin\(time)</p>")
            }
            if let notice = slip.notice {
                writer.line("<p class=\"slip-notice\">\(HTML.escape(notice))</p>")
            }
            if !slip.services.isEmpty {
                writer.open("<ul class=\"slip-services\">")
                for service in slip.services {
                    writer.line("<li>\(HTML.escape(service))</li>")
                }
                writer.close("</ul>")
            }
            writer.open("<dl class=\"slip-facts\">")
            fact("Gezogen", HTML.escape(slip.issuedAt), into: &writer)
            if !slip.isAppointment {
                fact("Vor Ihnen", WaitText.ahead(slip.ahead), into: &writer)
                fact("Wartezeit", WaitText.estimate(minutes: slip.estimatedWaitMinutes), into: &writer)
            }
            writer.close("</dl>")
            if let url = slip.pageURL, let code = try? QRCode(text: url, errorCorrection: .medium) {
                let words = TicketWords.german
                writer.open("<div class=\"slip-qr\">")
                writer.line(code.svg(label: words.slipQRLabel(slip.number), moduleSize: 3))
                writer.line("<p class=\"slip-qr-hint\">\(HTML.escape(words.slipQRHint))</p>")
                writer.close("</div>")
            }
            if !slip.documents.isEmpty {
                writer.open("<section class=\"slip-documents\" aria-labelledby=\"slip-documents-heading\">")
                writer.line("<h2 id=\"slip-documents-heading\">Bitte halten Sie bereit</h2>")
                writer.open("<ul class=\"slip-checklist\">")
                for document in slip.documents {
                    writer.open("<li>")
                    writer.line("<span class=\"slip-document\">\(HTML.escape(document.name))</span>")
                    if let condition = document.condition {
                        writer.line("<span class=\"slip-condition\">\(HTML.escape(condition))</span>")
                    }
                    if let note = document.note {
                        writer.line("<span class=\"slip-note\">\(HTML.escape(note))</span>")
                    }
                    writer.close("</li>")
                }
                writer.close("</ul>")
                writer.close("</section>")
            }
            let callText =
                slip.isAppointment
                ? "Sie werden zu Ihrer Terminzeit aufgerufen. Bitte achten Sie auf die Anzeige im Wartebereich."
                : "Bitte achten Sie auf die Anzeige im Wartebereich. Dort wird Ihre Nummer aufgerufen."
            writer.line("<p class=\"slip-footer\">\(callText)</p>")
            writer.close("</main>")
            writer.open("<div class=\"slip-actions\">")
            writer.line(
                "<p class=\"slip-status\" id=\"slip-status\" role=\"status\">Ihre Wartemarke wird gedruckt.</p>")
            writer.line("<p class=\"slip-countdown\" id=\"slip-countdown\"></p>")
            writer.line("<button type=\"button\" class=\"button\" id=\"slip-print\">Noch einmal drucken</button>")
            writer.line("<a class=\"button button-primary\" id=\"slip-done\" href=\"#\" hidden>Fertig</a>")
            writer.close("</div>")
        }
    }

    private static func fact(_ term: String, _ value: String, into writer: inout HTMLWriter) {
        writer.line("<div><dt>\(term)</dt><dd>\(value)</dd></div>")
    }
}
