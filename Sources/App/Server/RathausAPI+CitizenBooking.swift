import Display
import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    /// Reads the booking of the route and checks `token` (from the link or the form) against its
    /// stored hash, then calls `body` on the reading queue; a wrong token is answered like a
    /// booking that does not exist, so the page tells nothing about other bookings.
    func withPageBooking(
        _ request: HTTPRequest, token: String?, _ context: PageContext, _ reply: @escaping @Sendable (Reply) -> Void,
        _ body: @escaping @Sendable (Booking, Office, String) -> Void
    ) {
        let id = BookingID(request.parameters["booking"] ?? "")
        let gone = messagePage(
            Notice(.error, title: context.text.bookingGoneTitle, detail: context.text.bookingGoneDetail), status: 404,
            context)
        guard let token, !token.isEmpty, let office = try? office(ofRecord: id.rawValue) else {
            reply(gone)
            return
        }
        database.reader.async { connection in
            guard let found = try? connection.booking(id: id), found.booking.office == office.id,
                HMAC.equal(Secrets.hash(token: token), found.tokenHash)
            else {
                reply(gone)
                return
            }
            body(found.booking, office, token)
        }
    }

    /// `GET /termin/{booking}?token=…[&status=booked|moved|cancelled]`: the booking's page.
    func bookingPage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let query = request.query
        withPageBooking(request, token: query["token"], context, reply) { booking, office, token in
            let arrival = query["status"].flatMap(BookingPage.Arrival.init(rawValue:)) ?? .viewed
            reply(
                self.citizenPage(
                    BookingPage.html(
                        language: context.language, town: self.municipality.name,
                        booking: self.bookingSummary(booking, token: token, office: office, now: self.clock()),
                        arrival: arrival), context))
        }
    }

    /// `GET /termin/{booking}/absagen?token=…`: asks before cancelling.
    func cancelQuestion(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        withPageBooking(request, token: request.query["token"], context, reply) { booking, office, token in
            let summary = self.bookingSummary(booking, token: token, office: office, now: self.clock())
            let html =
                summary.changeable
                ? BookingPage.confirmCancel(
                    language: context.language, town: self.municipality.name, booking: summary,
                    formToken: context.formToken)
                : BookingPage.html(language: context.language, town: self.municipality.name, booking: summary)
            reply(self.citizenPage(html, context))
        }
    }

    /// `POST /termin/{booking}/absagen` (token): cancels and shows the booking as cancelled.
    func cancelPageBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withForm(request, reply) { context, form in
            withPageBooking(request, token: form["token"], context, reply) { booking, office, token in
                self.perform(.cancel(booking.id, channel: .online), at: office) { outcome in
                    reply(
                        self.changed(
                            outcome, context, booking: booking, office: office, token: token, status: "cancelled"))
                }
            }
        }
    }

    /// `GET /termin/{booking}/verschieben?token=…[&from=DATE][&date=DATE]`: the free times for the
    /// booking's services at its office.
    func moveTimes(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let query = request.query
        withPageBooking(request, token: query["token"], context, reply) { booking, office, token in
            guard booking.status == .booked, self.clock() < booking.start else {
                reply(
                    self.citizenPage(
                        BookingPage.html(
                            language: context.language, town: self.municipality.name,
                            booking: self.bookingSummary(booking, token: token, office: office, now: self.clock())),
                        context))
                return
            }
            reply(
                self.timesPage(
                    context, self.chosen(booking, office: office), office: office,
                    mode: self.moveMode(booking, office: office, token: token),
                    from: query["from"].flatMap { LocalDate(iso: $0) }, date: query["date"]))
        }
    }

    /// `POST /termin/{booking}/verschieben` (token, start): moves in one step (the old time is kept
    /// if the new one is gone) and shows the booking.
    func movePageBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withForm(request, reply) { context, form in
            withPageBooking(request, token: form["token"], context, reply) { booking, office, token in
                let chosen = self.chosen(booking, office: office)
                let mode = self.moveMode(booking, office: office, token: token)
                guard let start = form["start"].flatMap({ RFC3339.parse($0)?.instant }) else {
                    reply(
                        self.timesPage(
                            context, chosen, office: office, mode: mode, from: nil, date: nil,
                            notice: Self.notice(
                                APIProblem(status: 422, kind: "start-not-offered", title: ""), context.text),
                            status: 422))
                    return
                }
                self.perform(.reschedule(booking.id, start: start, channel: .online), at: office) { outcome in
                    if case .failure(.scheduling(.slotUnavailable)) = outcome {
                        reply(self.takenPage(context, chosen, office: office, mode: mode, start: start))
                    } else {
                        reply(
                            self.changed(
                                outcome, context, booking: booking, office: office, token: token, status: "moved"))
                    }
                }
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
            let problem = APIProblem.from(error, office: office)
            return messagePage(
                Self.notice(problem, context.text), status: problem.status, context,
                link: (page, context.text.backToBooking))
        case .success:
            return messagePage(Self.notice(.internalError(), context.text), status: 500, context)
        }
    }

    // MARK: The accessibility statement and the hotline console

    /// `GET /barrierefreiheit` and `/en/barrierefreiheit`.
    func accessibilityStatement(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let first = municipality.offices.first
        let slug = String(municipality.name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) })
        let contact = AccessibilityPage.Contact(
            office: first?.name ?? "", address: first?.address ?? [],
            email: "barrierefreiheit@\(slug.isEmpty ? "stadt" : slug).example", phone: "115")
        reply(
            citizenPage(
                AccessibilityPage.html(
                    language: context.language, town: municipality.name, contact: contact,
                    reviewed: CalendarDate(year: 2026, month: 11, day: 21, weekday: 6),
                    holdMinutes: first?.booking.holdMinutes ?? 10, extensions: first?.booking.maxHoldExtensions ?? 2),
                context))
    }

    /// `GET /staff/hotline`: the console (its script asks for a hotline token).
    func hotlinePage(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let services = municipality.services.filter { service in
            municipality.offices.contains { $0.offeredServices.contains(service.id) }
        }
        reply(
            Self.page(
                HotlinePage.html(
                    town: municipality.name,
                    services: services.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    offices: municipality.offices.map { ServiceOption(id: $0.id.rawValue, name: $0.name) },
                    timeZone: municipality.offices.first?.timeZone.identifier,
                    serverTime: clock().secondsSinceEpoch * 1000)))
    }
}
