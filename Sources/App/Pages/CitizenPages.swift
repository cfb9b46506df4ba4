import Display
import HTTPServer
import Scheduling
import Storage

/// The citizen pages (German at `/`, English under `/en/` with the same paths): choosing services,
/// the checklist and office, a time, the hold and contact, the review and the booking; a
/// booking's own pages (view, cancel, move) and the accessibility statement. Every form is
/// protected by `FormGuard`; nothing personal goes into a URL but the booking's manage link.
struct CitizenPages: Sendable {
    let directory: OfficeDirectory
    let forms: FormGuard
    let rush: RushDesk
    let metrics: Metrics
    /// The other instances, when offices are spread over several: the office choice asks them
    /// for their offices' earliest times.
    var peers: Peers? = nil
    let mail: MailDesk

    /// The days of times one page shows.
    static let pageDays = 14

    var endpoints: [Endpoint] {
        let form = Contract(body: .form)
        var endpoints: [Endpoint] = [
            Endpoint(.get, "/en") { _ in .response(HTTPResponse(status: .seeOther, headers: ["Location": "/en/"])) }
        ]
        for prefix in ["", "/en"] {
            endpoints += [
                Endpoint(.get, prefix + "/") { try servicesStep($0) },
                Endpoint(.get, prefix + "/unterlagen") { try selectionStep($0) },
                Endpoint(.get, prefix + "/zeiten") { try timesStep($0) },
                Endpoint(.post, prefix + "/reservierung", form) { try placeHold($0) },
                Endpoint(.get, prefix + "/reservierung/{hold}") { try holdStep($0) },
                Endpoint(.post, prefix + "/reservierung/{hold}/pruefen", form) { try reviewStep($0) },
                Endpoint(.post, prefix + "/reservierung/{hold}/aendern", form) { try changeStep($0) },
                Endpoint(.post, prefix + "/reservierung/{hold}/verlaengern", form) { try extendHold($0) },
                Endpoint(.post, prefix + "/reservierung/{hold}/freigeben", form) { try releaseHold($0) },
                Endpoint(.post, prefix + "/reservierung/{hold}/buchen", form) { try bookHold($0) },
                Endpoint(.get, prefix + "/termin/{booking}") { try bookingPage($0) },
                Endpoint(.get, prefix + "/termin/{booking}/absagen") { try cancelQuestion($0) },
                Endpoint(.post, prefix + "/termin/{booking}/absagen", form) { try cancelBooking($0) },
                Endpoint(.get, prefix + "/termin/{booking}/verschieben") { try moveTimes($0) },
                Endpoint(.post, prefix + "/termin/{booking}/verschieben", form) { try moveBooking($0) },
                Endpoint(.get, prefix + "/termin/{booking}/bestaetigen") { try confirmQuestion($0) },
                Endpoint(.post, prefix + "/termin/{booking}/bestaetigen", form) { try confirmBooking($0) },
                Endpoint(.get, prefix + "/barrierefreiheit") { accessibilityStatement($0) },
                Endpoint(.get, prefix + "/standorte") { officesPage($0) },
                Endpoint(.get, prefix + "/warteraum/{service}") { try roomPage($0) },
                Endpoint(.post, prefix + "/warteraum/{service}", form) { try joinRoom($0) },
                Endpoint(.get, prefix + "/verlosung/{service}") { try drawForm($0) },
                Endpoint(.post, prefix + "/verlosung/{service}", form) { try registerForDraw($0) },
                Endpoint(.get, prefix + "/verlosung/{service}/anmeldung/{entry}") { try drawEntryPage($0) },
                Endpoint(.get, prefix + "/verlosung/{service}/anmeldung/{entry}/abmelden") { try withdrawQuestion($0) },
                Endpoint(.post, prefix + "/verlosung/{service}/anmeldung/{entry}/abmelden", form) {
                    try withdrawFromDraw($0)
                },
            ]
        }
        return endpoints
    }

    var municipality: Municipality { directory.municipality }

    // MARK: Answers

    /// What a citizen page's handler needs: its language and the token for its forms (with the
    /// cookie to set, when the browser has none yet).
    struct PageContext: Sendable {
        var language: PageLanguage
        var formToken: String
        var setCookie: String?
        /// More cookies to set with the answer (a waiting room's entry, an admission).
        var cookies: [String] = []
        /// The admission from a waiting room the browser brought (cookie `rathaus_admission`).
        var admission: String?

        var text: CitizenText { language.text }
        var prefix: String { language.prefix }
    }

    func pageContext(_ request: HTTPRequest) -> PageContext {
        let issued = forms.issue(for: request)
        return PageContext(
            language: PageLanguage.of(path: request.path), formToken: issued.token, setCookie: issued.setCookie,
            admission: RoomCookies.admission(of: request))
    }

    /// The headers of every citizen page: the Content-Security-Policy of the hall's pages, no
    /// caching (they show personal data and holds), and `Referrer-Policy: same-origin`, so the
    /// booking's link never leaves the site in a `Referer` while the site's own form posts still
    /// carry their `Origin` (with `no-referrer` browsers send `Origin: null`).
    private static func pageHeaders(_ context: PageContext) -> HTTPHeaders {
        var headers: HTTPHeaders = [
            "Content-Security-Policy": PageAnswers.contentSecurityPolicy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
        ]
        if let cookie = context.setCookie { headers.add("Set-Cookie", cookie) }
        for cookie in context.cookies { headers.add("Set-Cookie", cookie) }
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
        let words = text.problem(problem.kind.name)
        return Notice(.error, title: words.title, detail: words.detail)
    }

    /// The page context and fields of a form POST that passed the cross-site checks
    /// (`FormGuard`); a refused one is answered with a page that says what to do.
    func form(_ request: HTTPRequest) throws(PageAnswer) -> (PageContext, QueryParameters) {
        let context = pageContext(request)
        let form = PageAnswers.formFields(request)
        if let refusal = forms.check(request, formToken: form["csrf"]) {
            metrics.count("rathaus_form_refusals_total", [("reason", "\(refusal)")])
            throw PageAnswer(
                reply: messagePage(
                    Notice(.error, title: context.text.formRefusedTitle, detail: context.text.formRefusedDetail),
                    status: 403, context, link: (context.prefix + "/", context.text.reloadButton)))
        }
        return (context, form)
    }

    /// The writer of `office` for a page's command.
    func writer(_ office: Office) throws -> OfficeWriter {
        try directory.writer(office)
    }

    // MARK: The accessibility statement

    /// `GET /barrierefreiheit` and `/en/barrierefreiheit`.
    func accessibilityStatement(_ incoming: RequestContext) -> Outcome {
        let context = pageContext(incoming.request)
        let first = municipality.offices.first
        let slug = String(municipality.name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) })
        let contact = AccessibilityPage.Contact(
            office: first?.name ?? "", address: first?.address ?? [],
            email: "barrierefreiheit@\(slug.isEmpty ? "stadt" : slug).example", phone: "115")
        return .reply(
            citizenPage(
                AccessibilityPage.html(
                    language: context.language, town: municipality.name, contact: contact,
                    reviewed: CalendarDate(year: 2026, month: 11, day: 21, weekday: 6),
                    holdMinutes: first?.booking.holdMinutes ?? 10, extensions: first?.booking.maxHoldExtensions ?? 2),
                context))
    }
}
