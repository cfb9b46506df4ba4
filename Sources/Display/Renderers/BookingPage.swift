/// A booking's own page at `/termin/{id}?token=…`, the link the confirmation gives: the
/// confirmation after booking, and later the place to see, move or cancel the appointment. The
/// token in its address is the only personal key ever put in a URL; the page is served with
/// `Referrer-Policy: same-origin` and `Cache-Control: no-store`.
package enum BookingPage {
    /// Why the page is shown.
    package enum Arrival: String, Equatable, Sendable {
        /// Just booked: the confirmation.
        case booked
        /// Opened from the link.
        case viewed
        /// Just moved.
        case moved
        /// Just cancelled.
        case cancelled
        /// Just confirmed by the link in the e-mail (double opt-in).
        case confirmed
    }

    package static func html(
        language: PageLanguage, town: String, booking: BookingSummary, arrival: Arrival = .viewed
    ) -> String {
        let text = language.text
        let mail = BookingMailWords.of(language)
        let id = HTML.pathSegment(booking.id)
        let token = HTML.pathSegment(booking.token)
        let heading =
            booking.released
            ? mail.releasedHeading
            : booking.cancelled
                ? text.cancelledHeading
                : booking.confirmBy != nil
                    ? mail.unconfirmedHeading : arrival == .booked ? text.bookedHeading : text.bookingHeading
        let frame = CitizenShell.Frame(
            language: language, town: town, title: heading, step: nil,
            switchPath: "/termin/\(id)?token=\(token)")
        return CitizenShell.document(frame) { writer in
            if let deadline = booking.confirmBy, !booking.cancelled {
                CitizenShell.notice(
                    Notice(
                        .info, title: mail.unconfirmedTitle,
                        detail: mail.unconfirmedDetail(booking.contact.email, DateText.time(deadline, language))),
                    language: language, into: &writer)
            }
            if booking.released {
                CitizenShell.notice(
                    Notice(.info, title: mail.releasedHeading, detail: mail.releasedDetail), language: language,
                    into: &writer)
            }
            switch arrival {
            case .booked where booking.confirmBy == nil:
                let note: String =
                    switch booking.mail {
                    case .toAddress: mail.sent(booking.contact.email)
                    case .noAddress: mail.noAddress
                    case .off: mail.off
                    }
                CitizenShell.notice(
                    Notice(.success, title: text.bookedNoticeTitle, detail: note + " " + text.bookedNoticeDetail),
                    language: language, into: &writer)
            case .booked:
                break
            case .confirmed:
                CitizenShell.notice(
                    Notice(.success, title: mail.confirmedNoticeTitle, detail: mail.confirmedNoticeDetail),
                    language: language, into: &writer)
            case .moved:
                CitizenShell.notice(
                    Notice(.success, title: text.movedNoticeTitle, detail: text.movedNoticeDetail),
                    language: language, into: &writer)
            case .cancelled:
                CitizenShell.notice(
                    Notice(.success, title: text.cancelledNoticeTitle, detail: text.cancelledNoticeDetail),
                    language: language, into: &writer)
            case .viewed:
                break
            }
            writer.line("<h1>\(heading)</h1>")
            writer.open("<div class=\"reference-box\">")
            writer.line("<p class=\"reference-label\">\(text.referenceLabel)</p>")
            writer.line("<p class=\"reference\" id=\"reference\">\(HTML.escape(booking.reference))</p>")
            if !booking.cancelled {
                writer.line("<p class=\"reference-hint\">\(text.referenceHint)</p>")
                let words = TicketWords.of(language)
                writer.line(
                    "<div class=\"reference-qr\">"
                        + ReferenceCode.svg(
                            booking.reference, label: words.bookingQRLabel(booking.reference), moduleSize: 5)
                        + "</div>")
                writer.line("<p class=\"reference-hint\">\(HTML.escape(words.bookingQRHint))</p>")
            }
            writer.close("</div>")
            let selection = Selection(services: booking.services, persons: booking.persons, office: booking.office)
            CitizenShell.summary(
                selection, date: booking.date, time: DateText.span(booking.start.label, booking.end, language),
                language: language, into: &writer)
            if !booking.cancelled {
                writer.open("<section class=\"panel\" aria-labelledby=\"find-us-heading\">")
                writer.line("<h2 id=\"find-us-heading\">\(text.places.findUsHeading)</h2>")
                CitizenShell.officeDetails(
                    booking.office, level: 2, anchor: "find-us-office", showName: false, language: language,
                    into: &writer)
                writer.close("</section>")
                writer.open("<section class=\"panel\" aria-labelledby=\"documents-heading\">")
                writer.line("<h2 id=\"documents-heading\">\(text.documentsHeading)</h2>")
                CitizenShell.checklist(booking.documents, language: language, into: &writer)
                writer.close("</section>")
                writer.open("<section class=\"panel\" aria-labelledby=\"fees-heading\">")
                writer.line("<h2 id=\"fees-heading\">\(text.feesHeading)</h2>")
                CitizenShell.fees(booking.services, persons: booking.persons, language: language, into: &writer)
                writer.close("</section>")
                writer.open("<section class=\"panel\" aria-labelledby=\"manage-heading\">")
                writer.line("<h2 id=\"manage-heading\">\(text.manageHeading)</h2>")
                writer.line("<p>\(text.keepLinkHint)</p>")
                writer.open("<div class=\"button-row\">")
                writer.line(
                    "<a class=\"button\" href=\"/v1/bookings/\(id)/calendar.ics?token=\(token)\" download>"
                        + "\(text.calendarButton)</a>")
                if booking.changeable {
                    writer.line(
                        "<a class=\"button\" href=\"\(language.prefix)/termin/\(id)/verschieben?token=\(token)\">"
                            + "\(text.moveButton)</a>")
                    writer.line(
                        "<a class=\"button button-danger\" href=\"\(language.prefix)/termin/\(id)/absagen?token=\(token)\">"
                            + "\(text.cancelButton)</a>")
                }
                writer.line(
                    "<button type=\"button\" class=\"button button-quiet\" data-print hidden>\(text.printButton)</button>"
                )
                writer.close("</div>")
                if !booking.changeable {
                    writer.line("<p>\(text.notChangeable)</p>")
                }
                writer.close("</section>")
                writer.open("<section class=\"panel\" aria-labelledby=\"contact-heading\">")
                writer.line("<h2 id=\"contact-heading\">\(text.contactSummaryHeading)</h2>")
                writer.open("<dl class=\"summary\">")
                writer.line("<div><dt>\(text.nameLabel)</dt><dd>\(HTML.escape(booking.contact.name))</dd></div>")
                if !booking.contact.email.isEmpty {
                    writer.line(
                        "<div><dt>\(text.emailLabel)</dt><dd>\(HTML.escape(booking.contact.email))</dd></div>")
                }
                if !booking.contact.phone.isEmpty {
                    writer.line(
                        "<div><dt>\(text.phoneLabel)</dt><dd>\(HTML.escape(booking.contact.phone))</dd></div>")
                }
                writer.close("</dl>")
                writer.close("</section>")
            } else {
                writer.line(
                    "<p><a class=\"button button-primary\" href=\"\(language.prefix)/\">\(text.newBookingButton)</a></p>"
                )
            }
        }
    }

    /// The question before a cancellation: what is cancelled, and a POST button to do it.
    package static func confirmCancel(
        language: PageLanguage, town: String, booking: BookingSummary, formToken: String
    ) -> String {
        let text = language.text
        let id = HTML.pathSegment(booking.id)
        let token = HTML.pathSegment(booking.token)
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.cancelQuestion, step: nil,
            switchPath: "/termin/\(id)/absagen?token=\(token)")
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(text.cancelQuestion)</h1>")
            let selection = Selection(services: booking.services, persons: booking.persons, office: booking.office)
            CitizenShell.summary(
                selection, date: booking.date, time: DateText.span(booking.start.label, booking.end, language),
                language: language, into: &writer)
            writer.line("<p>\(text.cancelExplanation)</p>")
            writer.open(
                "<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)/termin/\(id)/absagen\">")
            CitizenShell.formToken(formToken, into: &writer)
            writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(booking.token))\">")
            writer.open("<div class=\"button-row\">")
            writer.line("<button type=\"submit\" class=\"button button-danger\">\(text.cancelConfirmButton)</button>")
            writer.line(
                "<a class=\"button\" href=\"\(language.prefix)/termin/\(id)?token=\(token)\">\(text.cancelBackButton)</a>"
            )
            writer.close("</div>")
            writer.close("</form>")
        }
    }
}

extension BookingPage {
    /// The page the link of a request to confirm opens (double opt-in): what is confirmed, and a
    /// POST button to do it (a link a mail scanner follows changes nothing).
    package static func confirmQuestion(
        language: PageLanguage, town: String, booking: BookingSummary, code: String, formToken: String
    ) -> String {
        let text = language.text
        let mail = BookingMailWords.of(language)
        let id = HTML.pathSegment(booking.id)
        let token = HTML.pathSegment(booking.token)
        let frame = CitizenShell.Frame(
            language: language, town: town, title: mail.confirmTitle, step: nil,
            switchPath: "/termin/\(id)/bestaetigen?token=\(token)&code=\(HTML.pathSegment(code))")
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(mail.confirmTitle)</h1>")
            let selection = Selection(services: booking.services, persons: booking.persons, office: booking.office)
            CitizenShell.summary(
                selection, date: booking.date, time: DateText.span(booking.start.label, booking.end, language),
                language: language, into: &writer)
            writer.line("<p>\(mail.confirmExplanation)</p>")
            writer.open(
                "<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)/termin/\(id)/bestaetigen\">")
            CitizenShell.formToken(formToken, into: &writer)
            writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(booking.token))\">")
            writer.line("<input type=\"hidden\" name=\"code\" value=\"\(HTML.escape(code))\">")
            writer.open("<div class=\"button-row\">")
            writer.line("<button type=\"submit\" class=\"button button-primary\">\(mail.confirmButton)</button>")
            writer.line(
                "<a class=\"button\" href=\"\(language.prefix)/termin/\(id)?token=\(token)\">\(text.backToBooking)</a>"
            )
            writer.close("</div>")
            writer.close("</form>")
        }
    }
}
