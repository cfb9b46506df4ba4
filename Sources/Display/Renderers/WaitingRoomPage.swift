/// A service's waiting room at `/warteraum/{service}`: how the room works, a button to enter it,
/// then where the citizen stands (waiting for the draw at the release, the place and the expected
/// admission, admitted with a link into the booking steps, or the admission run out with a button
/// to queue again).
///
/// The page updates itself while the citizen waits: `citizen.js` loads it again every
/// `data-refresh` seconds and replaces its `<main>` without moving the focus, announcing in the
/// polite live region only when `data-announce` changes (the place drawn, a new expected time,
/// the admission); without JavaScript a `<meta http-equiv="refresh">` inside `<noscript>` reloads
/// it (a browser with scripting parses that element as text, so it never refreshes a page whose
/// script already does), and a button reloads it by hand.
package enum WaitingRoomPage {
    /// Where the citizen stands.
    package enum State: Equatable, Sendable {
        /// The room opens at this day and clock time.
        case notOpen(CalendarDate, String)
        /// Open, and the citizen has not entered.
        case joinable
        /// Entered before the release: the place is drawn then.
        case waiting
        /// In the queue at `place` (1 is first), expected at clock time `admission`, in `minutes`.
        case queued(place: Int, admission: String, minutes: Int)
        /// Admitted until this clock time.
        case admitted(until: String)
        /// The admission ran out.
        case expired
        /// The room has closed after its release.
        case closed

        /// Whether the page reloads itself in this state.
        var waits: Bool {
            switch self {
            case .notOpen, .waiting, .queued: true
            default: false
            }
        }

        var key: String {
            switch self {
            case .notOpen: "not-open"
            case .joinable: "joinable"
            case .waiting: "waiting"
            case .queued: "queued"
            case .admitted: "admitted"
            case .expired: "expired"
            case .closed: "closed"
            }
        }
    }

    /// The room as the page shows it.
    package struct Room: Equatable, Sendable {
        package var service: ServiceChoice
        package var office: OfficeSummary
        /// The release: its day and clock time.
        package var releaseDate: CalendarDate
        package var releaseTime: String
        package var admitPerMinute: Int
        package var admissionMinutes: Int
        package var holdMinutes: Int
        /// The room's page without the language prefix, with the choice (`/warteraum/impfung?…`).
        package var path: String
        /// The times for the choice, without the language prefix (`/zeiten?…`).
        package var timesPath: String
        /// The choice the join form carries on: the services chosen together (ids) and persons.
        package var chosen: [String]
        package var persons: Int

        package init(
            service: ServiceChoice, office: OfficeSummary, releaseDate: CalendarDate, releaseTime: String,
            admitPerMinute: Int, admissionMinutes: Int, holdMinutes: Int, path: String, timesPath: String,
            chosen: [String], persons: Int
        ) {
            self.service = service
            self.office = office
            self.releaseDate = releaseDate
            self.releaseTime = releaseTime
            self.admitPerMinute = admitPerMinute
            self.admissionMinutes = admissionMinutes
            self.holdMinutes = holdMinutes
            self.path = path
            self.timesPath = timesPath
            self.chosen = chosen
            self.persons = persons
        }
    }

    /// The page; `refreshSeconds` is how soon it reloads itself while the citizen waits.
    package static func html(
        language: PageLanguage, town: String, room: Room, state: State, formToken: String, refreshSeconds: Int,
        notice: Notice? = nil
    ) -> String {
        let text = language.text.room
        let refresh = max(5, refreshSeconds)
        var frame = CitizenShell.Frame(
            language: language, town: town, title: text.title, switchPath: room.path, hasErrors: notice?.kind == .error)
        if state.waits {
            frame.extraHead = ["<noscript><meta http-equiv=\"refresh\" content=\"\(refresh)\"></noscript>"]
        }
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            writer.line("<h1>\(text.title)</h1>")
            writer.line(
                "<p class=\"lead\">\(CitizenShell.serviceName(room.service.name, language: language)) – "
                    + "\(HTML.escape(room.office.name))</p>")
            status(room, state: state, language: language, formToken: formToken, refresh: refresh, into: &writer)
            writer.open("<section class=\"panel\" aria-labelledby=\"how-heading\">")
            writer.line("<h2 id=\"how-heading\">\(text.howHeading)</h2>")
            writer.line(
                "<p>\(text.howItWorks(DateText.at(room.releaseDate, room.releaseTime, language), room.admitPerMinute, room.admissionMinutes))</p>"
            )
            writer.line("<p>\(text.cookieNote)</p>")
            writer.close("</section>")
            writer.line(
                "<p class=\"back-link\"><a href=\"\(language.prefix)\(HTML.escape(room.timesPath))\">\(text.backToTimes)</a></p>"
            )
        }
    }

    /// The status panel: a heading with where the citizen stands, what it means and what to do.
    private static func status(
        _ room: Room, state: State, language: PageLanguage, formToken: String, refresh: Int,
        into writer: inout HTMLWriter
    ) {
        let text = language.text.room
        let (title, announce) = words(room, state: state, language: language)
        let waiting = state.waits ? " data-refresh=\"\(refresh)\"" : ""
        writer.open(
            "<section class=\"panel room-status\" id=\"room-status\" data-state=\"\(state.key)\"\(waiting) "
                + "data-announce=\"\(HTML.escape(announce))\" aria-labelledby=\"room-status-heading\">")
        writer.line("<h2 id=\"room-status-heading\" tabindex=\"-1\">\(title)</h2>")
        switch state {
        case .notOpen(let date, let time):
            writer.line("<p>\(text.notOpenDetail(DateText.at(date, time, language)))</p>")
        case .joinable:
            joinForm(room, label: text.joinButton, language: language, formToken: formToken, into: &writer)
        case .waiting:
            writer.line("<p>\(text.waitingDetail(DateText.time(room.releaseTime, language)))</p>")
        case .queued(let place, let admission, let minutes):
            writer.open("<dl class=\"summary room-facts\">")
            writer.line("<div><dt>\(text.placeLabel)</dt><dd class=\"room-place\">\(place)</dd></div>")
            writer.line(
                "<div><dt>\(text.admissionLabel)</dt><dd>"
                    + "\(text.admissionValue(DateText.time(admission, language), minutes))</dd></div>")
            writer.close("</dl>")
            writer.line("<p>\(text.queuedDetail)</p>")
        case .admitted(let until):
            writer.line("<p>\(text.admittedDetail(DateText.time(until, language), room.holdMinutes))</p>")
            writer.line(
                "<p><a class=\"button button-primary\" id=\"room-continue\" href=\"\(language.prefix)"
                    + "\(HTML.escape(room.timesPath))\">\(text.continueButton)</a></p>")
        case .expired:
            writer.line("<p>\(text.expiredDetail)</p>")
            joinForm(room, label: text.rejoinButton, language: language, formToken: formToken, into: &writer)
        case .closed:
            writer.line("<p>\(text.closedDetail)</p>")
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(language.prefix)\(HTML.escape(room.timesPath))\">"
                    + "\(text.closedButton)</a></p>")
        }
        if state.waits {
            writer.line(
                "<p class=\"refresh-note\">\(text.refreshNote) "
                    + "<a href=\"\(language.prefix)\(HTML.escape(room.path))\" id=\"room-refresh\">\(text.refreshButton)</a></p>"
            )
        }
        writer.close("</section>")
    }

    /// The heading of a state and the sentence the live region announces when it changes.
    private static func words(_ room: Room, state: State, language: PageLanguage) -> (String, String) {
        let text = language.text.room
        switch state {
        case .notOpen: return (text.notOpenTitle, text.notOpenTitle)
        case .joinable: return (text.joinTitle, "")
        case .waiting: return (text.waitingTitle, text.waitingTitle)
        case .queued(let place, let admission, _):
            return (text.queuedTitle, text.queuedAnnouncement(place, DateText.time(admission, language)))
        case .admitted(let until):
            return (
                text.admittedTitle,
                "\(text.admittedTitle). \(text.admittedDetail(DateText.time(until, language), room.holdMinutes))"
            )
        case .expired: return (text.expiredTitle, text.expiredTitle)
        case .closed: return (text.closedTitle, text.closedTitle)
        }
    }

    private static func joinForm(
        _ room: Room, label: String, language: PageLanguage, formToken: String, into writer: inout HTMLWriter
    ) {
        writer.open(
            "<form class=\"flow-form\" method=\"post\" action=\"\(language.prefix)/warteraum/"
                + "\(HTML.pathSegment(room.service.id))\">")
        CitizenShell.formToken(formToken, into: &writer)
        for id in room.chosen {
            writer.line("<input type=\"hidden\" name=\"service\" value=\"\(HTML.escape(id))\">")
        }
        writer.line("<input type=\"hidden\" name=\"persons\" value=\"\(room.persons)\">")
        writer.line("<input type=\"hidden\" name=\"office\" value=\"\(HTML.escape(room.office.id))\">")
        writer.line("<button type=\"submit\" class=\"button button-primary\" id=\"room-join\">\(label)</button>")
        writer.close("</form>")
    }
}
