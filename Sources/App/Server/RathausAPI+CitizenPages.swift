import Display
import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    /// The citizen pages (German at `/`, English under `/en/` with the same paths), the booking's
    /// own pages and the hotline console. Not API routes: not in the OpenAPI document.
    static let citizenRoutes: [Route] = {
        var routes: [Route] = [
            Route(.get, "/en", "English start page", documented: false) { _ in
                { _, reply in reply(.response(HTTPResponse(status: .seeOther, headers: ["Location": "/en/"]))) }
            },
            Route(.get, "/staff/hotline", "The hotline console", documented: false) { api in
                { api.hotlinePage($0, $1) }
            },
        ]
        for prefix in ["", "/en"] {
            routes += [
                Route(.get, prefix + "/", "Booking, step 1: services", documented: false) { api in
                    { api.servicesStep($0, $1) }
                },
                Route(.get, prefix + "/unterlagen", "Booking, step 2: documents, fees, office", documented: false) {
                    api in { api.selectionStep($0, $1) }
                },
                Route(.get, prefix + "/zeiten", "Booking, step 3: day and time", documented: false) { api in
                    { api.timesStep($0, $1) }
                },
                Route(.post, prefix + "/reservierung", "Hold the chosen time", documented: false) { api in
                    { api.placePageHold($0, $1) }
                },
                Route(.get, prefix + "/reservierung/{hold}", "Booking, step 4: contact", documented: false) { api in
                    { api.holdStep($0, $1) }
                },
                Route(.post, prefix + "/reservierung/{hold}/pruefen", "Booking, step 5: review", documented: false) {
                    api in { api.reviewStep($0, $1) }
                },
                Route(.post, prefix + "/reservierung/{hold}/aendern", "Back to the contact", documented: false) {
                    api in { api.changeStep($0, $1) }
                },
                Route(.post, prefix + "/reservierung/{hold}/verlaengern", "Extend the hold", documented: false) {
                    api in { api.extendPageHold($0, $1) }
                },
                Route(.post, prefix + "/reservierung/{hold}/freigeben", "Release the hold", documented: false) {
                    api in { api.releasePageHold($0, $1) }
                },
                Route(.post, prefix + "/reservierung/{hold}/buchen", "Book the held time", documented: false) {
                    api in { api.bookPageHold($0, $1) }
                },
                Route(.get, prefix + "/termin/{booking}", "A booking's page", documented: false) { api in
                    { api.bookingPage($0, $1) }
                },
                Route(.get, prefix + "/termin/{booking}/absagen", "Cancel: the question", documented: false) { api in
                    { api.cancelQuestion($0, $1) }
                },
                Route(.post, prefix + "/termin/{booking}/absagen", "Cancel a booking", documented: false) { api in
                    { api.cancelPageBooking($0, $1) }
                },
                Route(.get, prefix + "/termin/{booking}/verschieben", "Move: the times", documented: false) { api in
                    { api.moveTimes($0, $1) }
                },
                Route(.post, prefix + "/termin/{booking}/verschieben", "Move a booking", documented: false) { api in
                    { api.movePageBooking($0, $1) }
                },
                Route(.get, prefix + "/barrierefreiheit", "The accessibility statement", documented: false) { api in
                    { api.accessibilityStatement($0, $1) }
                },
            ]
        }
        return routes
    }()

    /// The days of times one page shows.
    static let pageDays = 14

    // MARK: Answers

    /// What a citizen page's handler needs: its language and the token for its forms (with the
    /// cookie to set, when the browser has none yet).
    struct PageContext: Sendable {
        var language: PageLanguage
        var formToken: String
        var setCookie: String?

        var text: CitizenText { language.text }
        var prefix: String { language.prefix }
    }

    func pageContext(_ request: HTTPRequest) -> PageContext {
        let issued = forms.issue(for: request)
        return PageContext(
            language: PageLanguage.of(path: request.path), formToken: issued.token, setCookie: issued.setCookie)
    }

    /// The headers of every citizen page: the Content-Security-Policy of the hall's pages, no
    /// caching (they show personal data and holds), and `Referrer-Policy: same-origin`, so the
    /// booking's link never leaves the site in a `Referer` while the site's own form posts still
    /// carry their `Origin` (with `no-referrer` browsers send `Origin: null`).
    private static func pageHeaders(_ context: PageContext) -> HTTPHeaders {
        var headers: HTTPHeaders = [
            "Content-Security-Policy": contentSecurityPolicy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
        ]
        if let cookie = context.setCookie { headers.add("Set-Cookie", cookie) }
        return headers
    }

    /// A citizen page.
    func citizenPage(_ html: String, status: Int = 200, _ context: PageContext) -> Reply {
        var headers = Self.pageHeaders(context)
        headers.set("Content-Type", "text/html; charset=utf-8")
        return .response(HTTPResponse(status: HTTPStatus(code: status), headers: headers, body: Array(html.utf8)))
    }

    /// 303 to `location` (after a POST, so that reloading does not send the form again).
    func seeOther(_ location: String, _ context: PageContext) -> Reply {
        var headers = Self.pageHeaders(context)
        headers.set("Location", location)
        return .response(HTTPResponse(status: .seeOther, headers: headers))
    }

    /// A page that only says `notice`, with a link onwards (the start by default).
    func messagePage(
        _ notice: Notice, status: Int, _ context: PageContext, link: (href: String, label: String)? = nil
    ) -> Reply {
        citizenPage(
            MessagePage.html(language: context.language, town: municipality.name, notice: notice, link: link),
            status: status, context)
    }

    /// The notice for an API problem, worded for citizens.
    static func notice(_ problem: APIProblem, _ text: CitizenText) -> Notice {
        let words = text.problem(problem.kind)
        return Notice(.error, title: words.title, detail: words.detail)
    }

    /// The form fields of a POST (`application/x-www-form-urlencoded`); none for other bodies.
    static func formFields(_ request: HTTPRequest) -> QueryParameters {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return QueryParameters("") }
        return QueryParameters(String(decoding: request.body, as: UTF8.self))
    }

    /// Runs `body` for a form POST that passed the cross-site checks (`FormGuard`); refuses it
    /// with a page that says what to do otherwise.
    func withForm(
        _ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void,
        _ body: (PageContext, QueryParameters) -> Void
    ) {
        let context = pageContext(request)
        let form = Self.formFields(request)
        if let refusal = forms.check(request, formToken: form["csrf"]) {
            metrics.count("rathaus_form_refusals_total", [("reason", "\(refusal)")])
            reply(
                messagePage(
                    Notice(.error, title: context.text.formRefusedTitle, detail: context.text.formRefusedDetail),
                    status: 403, context, link: (context.prefix + "/", context.text.reloadButton)))
            return
        }
        body(context, form)
    }

    /// Runs a writer command for a page, counted in the metrics like the API's.
    func perform(
        _ command: OfficeCommand, at office: Office,
        _ completion: @escaping @Sendable (Result<OfficeOutcome, WriterError>) -> Void
    ) {
        guard let writer = database.writers[office.id] else {
            completion(.failure(.storage("no writer for \(office.id)")))
            return
        }
        let metrics = metrics
        writer.submit(command) { outcome in
            Self.count(outcome, command: command, office: office.id, metrics: metrics)
            completion(outcome)
        }
    }

    // MARK: What was chosen

    /// The services, persons and office of a query or form, checked.
    struct Chosen: Sendable {
        var services: [Service]
        var persons: Int
        var office: Office?

        var ids: [ServiceID] { services.map(\.id) }
    }

    /// Reads `service`, `persons` and (with `office`) `office`; the problems are worded in `text`,
    /// each naming the field to put right.
    func readChosen(_ fields: QueryParameters, text: CitizenText, office needed: Bool) -> (Chosen?, [FieldIssue]) {
        var issues: [FieldIssue] = []
        var ids: [ServiceID] = []
        for value in fields.values(for: "service") where !ids.contains(ServiceID(value)) {
            ids.append(ServiceID(value))
        }
        let firstField = "service-" + (offeredServices.first { serviceChoice($0).access == .online }?.id.rawValue ?? "")
        var services: [Service] = []
        for id in ids {
            guard let service = municipality.service(id) else {
                issues.append(FieldIssue(field: firstField, message: text.serviceUnknown))
                continue
            }
            switch serviceChoice(service).access {
            case .online: services.append(service)
            case .byPhone:
                issues.append(
                    FieldIssue(field: firstField, message: text.problem("service-not-bookable-online").detail))
            case .byDraw: issues.append(FieldIssue(field: firstField, message: text.problem("by-draw").detail))
            }
        }
        if ids.isEmpty { issues.append(FieldIssue(field: firstField, message: text.serviceMissing)) }
        let persons = min(20, max(1, Int(fields["persons"] ?? "") ?? 1))
        if let strictest = services.min(by: { $0.maxPersons < $1.maxPersons }), persons > strictest.maxPersons {
            issues.append(
                FieldIssue(field: "persons", message: text.tooManyPersons(strictest.name, strictest.maxPersons)))
        }
        var office: Office?
        if needed {
            let id = OfficeID(fields["office"] ?? "")
            if let found = offices[id], Set(ids).isSubset(of: found.offeredServices) {
                office = found
            } else {
                let first = municipality.offices.first.map { "office-" + $0.id.rawValue } ?? "office"
                issues.append(FieldIssue(field: first, message: text.officeMissing))
            }
        }
        guard issues.isEmpty else { return (nil, issues) }
        return (Chosen(services: services, persons: persons, office: office), [])
    }

    // MARK: Step 1: services

    /// `GET /` and `/en/`: the services and the number of persons.
    func servicesStep(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let query = request.query
        reply(servicesPage(context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1))
    }

    func servicesPage(_ context: PageContext, chosen: [String], persons: Int, issues: [FieldIssue] = []) -> Reply {
        let choices = offeredServices.map(serviceChoice)
        let most = choices.filter { $0.access == .online }.map(\.maxPersons).max() ?? 1
        return citizenPage(
            ServicesPage.html(
                language: context.language, town: municipality.name, services: choices, chosen: chosen,
                persons: min(max(1, persons), most), maxPersons: min(20, most), issues: issues),
            status: issues.isEmpty ? 200 : 400, context)
    }

    // MARK: Step 2: documents, fees, office

    /// `GET /unterlagen?service=…&persons=…`: the checklist, the fee, and the offices that do all
    /// the services in one appointment, each with its earliest free time.
    func selectionStep(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let query = request.query
        let (chosen, issues) = readChosen(query, text: context.text, office: false)
        guard let chosen else {
            reply(
                servicesPage(
                    context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1,
                    issues: issues))
            return
        }
        reply(selectionPage(context, chosen, chosenOffice: query["office"]))
    }

    func selectionPage(
        _ context: PageContext, _ chosen: Chosen, chosenOffice: String?, issues: [FieldIssue] = []
    ) -> Reply {
        let now = clock()
        var choices: [OfficeSummary] = []
        for office in municipality.offices where Set(chosen.ids).isSubset(of: office.offeredServices) {
            guard let capacity = database.writers[office.id]?.capacity else { continue }
            let today = office.timeZone.local(now).date
            let availability: Availability
            do throws(SchedulingError) {
                availability = try capacity.availability(
                    services: chosen.ids, persons: chosen.persons, channel: .online, from: today,
                    to: today.adding(days: min(office.booking.window.maxAdvanceDays, OfficeSchedule.maxQueryDays - 1)),
                    now: now)
            } catch {
                continue  // no counter does them together, or the window is empty
            }
            let first = availability.days.first { !$0.startMinutes.isEmpty }?.starts.first
            choices.append(Self.officeSummary(office, earliest: first.map { Self.datedTime($0, in: office) }))
        }
        return citizenPage(
            SelectionPage.html(
                language: context.language, town: municipality.name,
                selection: selection(chosen.services, persons: chosen.persons), offices: choices,
                chosenOffice: chosenOffice, issues: issues),
            status: issues.isEmpty ? 200 : 400, context)
    }

    // MARK: Step 3: day and time

    /// `GET /zeiten?service=…&persons=…&office=…[&from=DATE][&date=DATE]`.
    func timesStep(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        let context = pageContext(request)
        let query = request.query
        let (chosen, issues) = readChosen(query, text: context.text, office: true)
        guard let chosen, let office = chosen.office else {
            let (services, _) = readChosen(query, text: context.text, office: false)
            if let services {
                reply(selectionPage(context, services, chosenOffice: nil, issues: issues))
            } else {
                reply(
                    servicesPage(
                        context, chosen: query.values(for: "service"), persons: Int(query["persons"] ?? "") ?? 1,
                        issues: issues))
            }
            return
        }
        reply(
            timesPage(
                context, chosen, office: office, mode: .book, from: query["from"].flatMap { LocalDate(iso: $0) },
                date: query["date"]))
    }

    /// The times page for `chosen` at `office` from `from` (today when nil or past), showing
    /// `date`'s times; with `notice` and `nextTimes` after a time was taken.
    func timesPage(
        _ context: PageContext, _ chosen: Chosen, office: Office, mode: TimesPage.Mode, from: LocalDate?,
        date: String?, notice: Notice? = nil, nextTimes: [DatedTime] = [], status: Int = 200
    ) -> Reply {
        let now = clock()
        let today = office.timeZone.local(now).date
        let last = today.adding(days: office.booking.window.maxAdvanceDays)
        // Without `from`, the page that shows `date` (a day after the first page's two weeks).
        let later = date.flatMap { LocalDate(iso: $0) }.flatMap { $0 >= today.adding(days: Self.pageDays) ? $0 : nil }
        let start = min(max(from ?? later ?? today, today), last)
        let end = start.adding(days: Self.pageDays - 1)
        var days: [DayTimes] = []
        var problem: Notice?
        if let capacity = database.writers[office.id]?.capacity {
            do throws(SchedulingError) {
                let availability = try capacity.availability(
                    services: chosen.ids, persons: chosen.persons, channel: .online, from: start, to: end, now: now)
                days = Self.dayTimes(availability, office: office)
            } catch {
                problem = Self.notice(APIProblem.from(error, office: office), context.text)
            }
        }
        let window = TimesPage.Window(
            from: start.iso, earlier: start > today ? max(today, start.adding(days: -Self.pageDays)).iso : nil,
            later: end < last ? end.adding(days: 1).iso : nil)
        return citizenPage(
            TimesPage.html(
                language: context.language, town: municipality.name,
                selection: selection(chosen.services, persons: chosen.persons, office: office), mode: mode, days: days,
                chosenDate: date, window: window, formToken: context.formToken,
                holdMinutes: office.booking.holdMinutes, notice: notice ?? problem, nextTimes: nextTimes),
            status: problem != nil && notice == nil ? 422 : status, context)
    }

    /// The free starts after `start` (at most `count`, within two weeks), offered when `start` was
    /// taken meanwhile.
    func nextFreeTimes(after start: Instant, _ chosen: Chosen, office: Office, count: Int = 6) -> [DatedTime] {
        guard let capacity = database.writers[office.id]?.capacity else { return [] }
        let day = office.timeZone.local(start).date
        let found: Availability
        do throws(SchedulingError) {
            found = try capacity.availability(
                services: chosen.ids, persons: chosen.persons, channel: .online, from: day,
                to: day.adding(days: Self.pageDays - 1), now: clock())
        } catch {
            return []
        }
        return found.days.flatMap(\.starts).filter { $0 > start }.prefix(count).map { Self.datedTime($0, in: office) }
    }

    /// The times page after `start` was taken: says so and offers the next free times (409).
    func takenPage(
        _ context: PageContext, _ chosen: Chosen, office: Office, mode: TimesPage.Mode, start: Instant,
        title: String? = nil
    ) -> Reply {
        let text = context.text
        let next = nextFreeTimes(after: start, chosen, office: office)
        let taken = Self.datedTime(start, in: office)
        let when =
            DateText.long(taken.date, context.language) + ", " + DateText.time(taken.time.label, context.language)
        let notice = Notice(
            .error, title: title ?? text.takenTitle,
            detail: next.isEmpty ? text.takenNoneDetail : text.takenDetail(when))
        return timesPage(
            context, chosen, office: office, mode: mode, from: nil, date: taken.date.iso, notice: notice,
            nextTimes: next, status: 409)
    }

    /// `POST /reservierung` (service, persons, office, start): holds the time and sends the
    /// browser to the contact step, or answers the times page with what went wrong.
    func placePageHold(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withForm(request, reply) { context, form in
            let (chosen, issues) = readChosen(form, text: context.text, office: true)
            guard let chosen, let office = chosen.office else {
                reply(servicesPage(context, chosen: form.values(for: "service"), persons: 1, issues: issues))
                return
            }
            guard let start = form["start"].flatMap({ RFC3339.parse($0)?.instant }) else {
                reply(
                    timesPage(
                        context, chosen, office: office, mode: .book, from: nil, date: nil,
                        notice: Self.notice(
                            APIProblem(status: 422, kind: "start-not-offered", title: ""), context.text),
                        status: 422))
                return
            }
            let caller = Caller.citizen(bookingToken: nil)
            do throws(APIProblem) {
                try refuseDrawServices(chosen.ids, caller: caller)
                try rush.checkAdmission(chosen.ids, token: nil, caller: caller)
            } catch {
                reply(
                    timesPage(
                        context, chosen, office: office, mode: .book, from: nil, date: nil,
                        notice: Self.notice(error, context.text), status: error.status))
                return
            }
            let wanted = SlotRequest(services: chosen.ids, persons: chosen.persons, start: start, channel: .online)
            perform(.placeHold(wanted), at: office) { outcome in
                switch outcome {
                case .success(.hold(let hold)):
                    reply(
                        self.seeOther(context.prefix + "/reservierung/" + HTML.pathSegment(hold.id.rawValue), context))
                case .failure(.scheduling(.slotUnavailable)):
                    reply(self.takenPage(context, chosen, office: office, mode: .book, start: start))
                case .failure(let error):
                    let problem = APIProblem.from(error, office: office)
                    reply(
                        self.timesPage(
                            context, chosen, office: office, mode: .book, from: nil,
                            date: office.timeZone.local(start).date.iso, notice: Self.notice(problem, context.text),
                            status: problem.status))
                case .success:
                    reply(self.messagePage(Self.notice(.internalError(), context.text), status: 500, context))
                }
            }
        }
    }
}
