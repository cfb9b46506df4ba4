/// A ticket's own page at `/t/{key}` (`/en/t/{key}` in English), opened from the QR code on the
/// printed ticket or after taking a ticket from home: the number, how many are ahead in its own
/// line, the estimated wait and when to be back, or, once called, "Bitte zu Schalter 4" in large
/// type. Never a name: ``TicketView`` has no field that could hold one.
///
/// Without JavaScript the page is complete and reloads itself every 30 seconds (a `refresh` in a
/// `noscript` of the head, so a page with its script is never reloaded under it). With it,
/// `mobile-ticket.js` follows `/t/{key}/events` and updates the status in place, and on a call
/// vibrates, sounds a chime (after the "Ton an" button: browsers play sound only after a tap) and
/// shows a system notification where allowed; a recall is announced again.
package enum MobileTicketPage {
    /// Seconds between reloads without JavaScript.
    package static let reloadSeconds = 30

    /// The page of `view`; `path` is its address without the language prefix (`/t/{key}`).
    package static func html(view: TicketView, language: PageLanguage, town: String, path: String) -> String {
        let words = TicketWords.of(language)
        let status = words.status(view)
        let live =
            view.status != .expired && view.status != .done && view.status != .noShow
            && view.status != .passedOver
        var frame = CitizenShell.Frame(
            language: language, town: town, title: words.title(view.number), step: nil, switchPath: path)
        frame.stylesheets = ["citizen.css", "mobile-ticket.css"]
        frame.scripts = live ? ["mobile-ticket.js"] : []
        frame.bodyClass = "citizen mobile-ticket"
        if live {
            frame.extraHead = [
                "<noscript><meta http-equiv=\"refresh\" content=\"\(reloadSeconds)\"></noscript>"
            ]
            frame.bodyAttributes = [
                ("data-events", language.prefix + path + "/events"),
                ("data-number", view.number),
                ("data-sound-worker", Assets.path("mobile-ticket-worker.js")),
            ]
        }
        return CitizenShell.document(frame) { writer in
            writer.line("<p class=\"ticket-office\">\(HTML.escape(view.officeName))</p>")
            writer.open("<h1 class=\"ticket-heading\">")
            writer.line("<span class=\"ticket-label\">\(HTML.escape(words.numberLabel))</span>")
            writer.line("<span class=\"ticket-number\">\(HTML.escape(view.number))</span>")
            writer.close("</h1>")
            writer.open(
                "<section class=\"ticket-status\" id=\"ticket-status\" data-status=\"\(view.status.rawValue)\" "
                    + "aria-live=\"polite\" aria-atomic=\"true\">")
            writer.line("<p class=\"ticket-headline\" id=\"ticket-headline\">\(HTML.escape(status.headline))</p>")
            writer.line("<p class=\"ticket-detail\" id=\"ticket-detail\">\(HTML.escape(status.detail))</p>")
            writer.close("</section>")
            writer.line("<div class=\"visually-hidden\" id=\"ticket-alert\" role=\"alert\"></div>")
            facts(view, words, shown: view.status == .waiting || view.status == .awaitingArrival, into: &writer)
            if view.status == .awaitingArrival, let code = view.arrivalCode {
                arrival(code: code, by: view.arriveBy ?? "", words, into: &writer)
            }
            if live {
                alerts(words, into: &writer)
            }
            writer.open("<p class=\"ticket-refresh\">")
            writer.line(
                "<a href=\"\(HTML.escape(language.prefix + path))\" id=\"ticket-refresh\">\(HTML.escape(words.refreshLink))</a>"
            )
            if live {
                writer.line(
                    "<span class=\"ticket-live-note\" id=\"ticket-live-note\">\(HTML.escape(words.reloadNote))</span>")
                writer.line(
                    "<span class=\"ticket-connection\" id=\"ticket-connection\" hidden>\(HTML.escape(words.connectionLost))</span>"
                )
            }
            writer.close("</p>")
            writer.line("<p class=\"ticket-privacy\">\(HTML.escape(words.privacyNote))</p>")
            if live {
                writer.line(
                    "<template id=\"ticket-words\" data-live-note=\"\(HTML.escape(words.liveNote))\" "
                        + "data-sound-on=\"\(HTML.escape(words.soundOnButton))\" "
                        + "data-notify-on=\"\(HTML.escape(words.notifyOnButton))\" "
                        + "data-notify-blocked=\"\(HTML.escape(words.notifyBlocked))\"></template>")
            }
        }
    }

    private static func facts(_ view: TicketView, _ words: TicketWords, shown: Bool, into writer: inout HTMLWriter) {
        writer.open("<dl class=\"ticket-facts\" id=\"ticket-facts\"\(shown ? "" : " hidden")>")
        if view.appointmentTime == nil {
            writer.line(
                "<div><dt>\(HTML.escape(words.aheadLabel))</dt><dd id=\"fact-ahead\">"
                    + "\(HTML.escape(words.ahead(view.ahead)))</dd></div>")
            writer.line(
                "<div><dt>\(HTML.escape(words.waitLabel))</dt><dd id=\"fact-wait\">"
                    + "\(HTML.escape(words.wait(view.estimatedWaitMinutes)))</dd></div>")
        }
        writer.line(
            "<div><dt>\(HTML.escape(words.issuedLabel))</dt><dd>\(HTML.escape(view.issuedAt))</dd></div>")
        writer.line(
            "<div><dt>\(HTML.escape(words.asOfLabel))</dt><dd id=\"fact-as-of\">"
                + "\(TicketView.clock(view.nowMinute))</dd></div>")
        writer.close("</dl>")
    }

    private static func arrival(code: String, by deadline: String, _ words: TicketWords, into writer: inout HTMLWriter)
    {
        writer.open(
            "<section class=\"panel ticket-arrival\" id=\"ticket-arrival\" aria-labelledby=\"arrival-heading\">")
        writer.line("<h2 id=\"arrival-heading\">\(HTML.escape(words.arrivalHeading))</h2>")
        writer.line("<p class=\"arrival-label\">\(HTML.escape(words.arrivalCodeLabel))</p>")
        writer.line("<p class=\"arrival-code\" id=\"arrival-code\">\(HTML.escape(code))</p>")
        writer.line("<div class=\"arrival-qr\">\(ReferenceCode.svg(code, label: words.arrivalQRLabel(code)))</div>")
        writer.line("<p>\(HTML.escape(words.arrivalHint(deadline)))</p>")
        writer.close("</section>")
    }

    private static func alerts(_ words: TicketWords, into writer: inout HTMLWriter) {
        writer.open(
            "<section class=\"panel ticket-alerts\" id=\"ticket-alerts\" aria-labelledby=\"alerts-heading\" hidden>")
        writer.line("<h2 id=\"alerts-heading\">\(HTML.escape(words.alertsHeading))</h2>")
        writer.open("<div class=\"button-row\">")
        writer.line(
            "<button type=\"button\" class=\"button button-primary\" id=\"sound-on\" aria-describedby=\"sound-hint\">"
                + "\(HTML.escape(words.soundButton))</button>")
        writer.line(
            "<button type=\"button\" class=\"button\" id=\"notify-on\" aria-describedby=\"notify-hint\" hidden>"
                + "\(HTML.escape(words.notifyButton))</button>")
        writer.close("</div>")
        writer.line("<p class=\"field-hint\" id=\"sound-hint\">\(HTML.escape(words.soundHint))</p>")
        writer.line("<p class=\"field-hint\" id=\"notify-hint\" hidden>\(HTML.escape(words.notifyHint))</p>")
        writer.line("<p class=\"field-hint\">\(HTML.escape(words.keepOpenHint))</p>")
        writer.close("</section>")
    }
}

/// The QR code of a booking reference or an arrival code (`K7M-4PQ`): what the kiosk's hand
/// scanner reads off a confirmation, a phone or a printed mail. Upper-case letters, digits and
/// `-` are the QR code's alphanumeric mode, so the symbol is the smallest there is (version 1,
/// 21 × 21 modules) even at level Q, which survives a scratched or glare-struck screen.
package enum ReferenceCode {
    /// The code of `reference` as an inline SVG image named `label` (also for mail bodies);
    /// `moduleSize` CSS pixels a module.
    package static func svg(_ reference: String, label: String, moduleSize: Int = 6) -> String {
        guard let code = try? QRCode(text: reference.uppercased(), errorCorrection: .quartile) else { return "" }
        return code.svg(label: label, moduleSize: moduleSize)
    }
}
