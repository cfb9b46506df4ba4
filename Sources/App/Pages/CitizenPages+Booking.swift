import Display
import HTTPServer
import Scheduling
import Storage

extension CitizenPages {
    /// Reads the booking of the route and checks `token` (from the link or the form) against its
    /// stored hash, then continues with `body` on the reading queue; a wrong token is answered like
    /// a booking that does not exist, so the page tells nothing about other bookings.
    func withPageBooking(
        _ request: HTTPRequest, token: String?, _ context: PageContext,
        _ body: @escaping @Sendable (Booking, Office, String) throws -> Outcome
    ) -> Outcome {
        let id = BookingID(request.parameters["booking"] ?? "")
        let gone = messagePage(
            Notice(.error, title: context.text.bookingGoneTitle, detail: context.text.bookingGoneDetail), status: 404,
            context)
        guard let token, !token.isEmpty, let office = try? directory.office(ofRecord: id.rawValue) else {
            return .reply(gone)
        }
        return .read { connection in
            guard let found = try connection.booking(id: id), found.booking.office == office.id,
                HMAC.equal(Secrets.hash(token: token), found.tokenHash)
            else { return .reply(gone) }
            return try body(found.booking, office, token)
        }
    }

    /// `GET /termin/{booking}?token=…[&status=booked|moved|cancelled]`: the booking's page.
    func bookingPage(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        return withPageBooking(incoming.request, token: query["token"], context) { booking, office, token in
            let arrival = query["status"].flatMap(BookingPage.Arrival.init(rawValue:)) ?? .viewed
            return .reply(
                citizenPage(
                    BookingPage.html(
                        language: context.language, town: municipality.name,
                        booking: bookingSummary(booking, token: token, office: office, now: directory.clock()),
                        arrival: arrival), context))
        }
    }

    /// `GET /termin/{booking}/absagen?token=…`: asks before cancelling.
    func cancelQuestion(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        return withPageBooking(incoming.request, token: incoming.query["token"], context) { booking, office, token in
            let summary = bookingSummary(booking, token: token, office: office, now: directory.clock())
            let html =
                summary.changeable
                ? BookingPage.confirmCancel(
                    language: context.language, town: municipality.name, booking: summary, formToken: context.formToken)
                : BookingPage.html(language: context.language, town: municipality.name, booking: summary)
            return .reply(citizenPage(html, context))
        }
    }

    /// `POST /termin/{booking}/absagen` (token): cancels and shows the booking as cancelled.
    func cancelBooking(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        return withPageBooking(incoming.request, token: form["token"], context) { booking, office, token in
            .command(.cancel(booking.id, channel: .online), to: try writer(office)) { outcome in
                .reply(changed(outcome, context, booking: booking, office: office, token: token, status: "cancelled"))
            }
        }
    }

    /// `GET /termin/{booking}/verschieben?token=…[&from=DATE][&date=DATE]`: the free times for the
    /// booking's services at its office.
    func moveTimes(_ incoming: RequestContext) throws -> Outcome {
        let context = pageContext(incoming.request)
        let query = incoming.query
        return withPageBooking(incoming.request, token: query["token"], context) { booking, office, token in
            let now = directory.clock()
            guard booking.status == .booked, now < booking.start else {
                return .reply(
                    citizenPage(
                        BookingPage.html(
                            language: context.language, town: municipality.name,
                            booking: bookingSummary(booking, token: token, office: office, now: now)),
                        context))
            }
            return .reply(
                timesPage(
                    context, chosen(booking, office: office), office: office,
                    mode: moveMode(booking, office: office, token: token),
                    from: query["from"].flatMap { LocalDate(iso: $0) }, date: query["date"]))
        }
    }

    /// `POST /termin/{booking}/verschieben` (token, start): moves in one step (the old time is kept
    /// if the new one is gone) and shows the booking.
    func moveBooking(_ incoming: RequestContext) throws -> Outcome {
        let (context, form) = try self.form(incoming.request)
        return withPageBooking(incoming.request, token: form["token"], context) { booking, office, token in
            let chosen = chosen(booking, office: office)
            let mode = moveMode(booking, office: office, token: token)
            guard let start = form["start"].flatMap({ RFC3339.parse($0)?.instant }) else {
                return .reply(
                    timesPage(
                        context, chosen, office: office, mode: mode, from: nil, date: nil,
                        notice: Self.notice(APIProblem(.startNotOffered), context.text), status: 422))
            }
            return .command(.reschedule(booking.id, start: start, channel: .online), to: try writer(office)) {
                outcome in
                if case .failure(.scheduling(.slotUnavailable)) = outcome {
                    return .reply(takenPage(context, chosen, office: office, mode: mode, start: start))
                }
                return .reply(
                    changed(outcome, context, booking: booking, office: office, token: token, status: "moved"))
            }
        }
    }

    private func chosen(_ booking: Booking, office: Office) -> Chosen {
        Chosen(
            services: booking.services.compactMap { municipality.service($0) }, persons: booking.persons, office: office
        )
    }

    private func moveMode(_ booking: Booking, office: Office, token: String) -> TimesPage.Mode {
        .move(booking: booking.id.rawValue, token: token, current: Self.datedTime(booking.start, in: office))
    }

    /// After a cancellation or a move: the booking's page (303), or the page again with the problem.
    private func changed(
        _ outcome: Result<OfficeOutcome, WriterError>, _ context: PageContext, booking: Booking, office: Office,
        token: String, status: String
    ) -> Reply {
        let page = "\(context.prefix)/termin/\(HTML.pathSegment(booking.id.rawValue))?token=\(HTML.pathSegment(token))"
        switch outcome {
        case .success(.booking):
            return seeOther(page + "&status=\(status)", context)
        case .failure(let error):
            let problem = APIProblem(error, office: office)
            return messagePage(
                Self.notice(problem, context.text), status: problem.status, context,
                link: (page, context.text.backToBooking))
        case .success:
            return messagePage(Self.notice(.internalError(), context.text), status: 500, context)
        }
    }
}
