import Display
import HTTPServer
import Scheduling
import Storage

/// Double opt-in on the pages: the link of the request to confirm (`/termin/{id}/bestaetigen?
/// token=…&code=…`) opens a page with one button; only its POST confirms, so a mail scanner that
/// follows the link changes nothing. The code comes only with the e-mail.
extension CitizenPages {
    /// `GET /termin/{booking}/bestaetigen?token=…&code=…`.
    func confirmQuestion(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        return withPageBooking(incoming.request, token: query["token"], context) { booking, office, token in
            let summary = bookingSummary(booking, token: token, office: office, now: directory.clock())
            guard booking.isUnconfirmed, let code = query["code"], mail.acceptsConfirmation(code, for: booking.id)
            else {
                return .reply(
                    citizenPage(
                        BookingPage.html(language: context.language, town: municipality.name, booking: summary),
                        context))
            }
            return .reply(
                citizenPage(
                    BookingPage.confirmQuestion(
                        language: context.language, town: municipality.name, booking: summary, code: code,
                        formToken: context.formToken), context))
        }
    }

    /// `POST /termin/{booking}/bestaetigen` (token, code): confirms and shows the booking.
    func confirmBooking(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        return withPageBooking(incoming.request, token: form["token"], context) { booking, office, token in
            let page =
                "\(context.prefix)/termin/\(HTML.pathSegment(booking.id.rawValue))?token=\(HTML.pathSegment(token))"
            guard mail.acceptsConfirmation(form["code"], for: booking.id) else {
                return .reply(seeOther(page, context))
            }
            let words = BookingMailWords.of(context.language)
            let expired = messagePage(
                Notice(.error, title: words.releasedHeading, detail: words.releasedDetail), status: 410, context,
                link: (context.prefix + "/", context.text.newBookingButton))
            if booking.wasReleased { return .reply(expired) }
            return .command(.confirm(booking.id), to: try writer(office)) { outcome in
                switch outcome {
                case .success(.booking):
                    return .reply(seeOther(page + "&status=confirmed", context))
                case .failure(.scheduling(.confirmationExpired)):
                    return .reply(expired)
                case .failure(let error):
                    let problem = APIProblem(error, office: office)
                    return .reply(
                        messagePage(
                            Self.notice(problem, context.text), status: problem.status, context,
                            link: (page, context.text.backToBooking)))
                case .success:
                    return .reply(messagePage(Self.notice(.internalError(), context.text), status: 500, context))
                }
            }
        }
    }
}
