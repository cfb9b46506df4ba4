/// Step 3 at `/zeiten` (and the choice of a new time at `/termin/{id}/verschieben`): the days with
/// free times as a list of links, then the free times of one day as buttons of one POST form,
/// morning and afternoon apart. A plain list rather than a calendar grid, so keyboards and screen
/// readers meet one day and one time after another; each button names its day for those who jump
/// from button to button.
///
/// When the time someone chose was taken meanwhile, the page says so at the top (an alert; with
/// JavaScript also announced without a reload) and offers the next free times first. With
/// `wishes`, it offers to leave a wish (Documentation/Wishes.md), prominently when nothing is free.
package enum TimesPage {
    /// What the times are chosen for.
    package enum Mode: Equatable, Sendable {
        /// A new booking: the chosen time is held.
        case book
        /// Moving a booking (its id and token) from its current time.
        case move(booking: String, token: String, current: DatedTime)
    }

    /// The days shown and the ones before and after them.
    package struct Window: Equatable, Sendable {
        /// The first day of the range shown.
        package var from: String
        /// The `from` of the range before and after, nil where there is none.
        package var earlier: String?
        package var later: String?

        package init(from: String, earlier: String? = nil, later: String? = nil) {
            self.from = from
            self.earlier = earlier
            self.later = later
        }
    }

    /// What the page says about new times and a waiting room before them.
    package struct Release: Equatable, Sendable {
        /// The waiting room of the services, as far as the citizen is concerned.
        package enum Room: Equatable, Sendable {
            /// It opens at this day and clock time; `href` is its page.
            case opens(CalendarDate, String, href: String)
            /// It is open before the release (at this clock time): entering now gives a place drawn then.
            case openEarly(String, href: String)
            /// It is open: times are booked through it.
            case open(href: String)
            /// The citizen was admitted until this clock time.
            case admitted(until: String)
        }

        /// The next release (day and clock time) and the last day it opens; nil without one.
        package var next: (date: CalendarDate, time: String, through: CalendarDate)?
        package var room: Room?

        package init(next: (date: CalendarDate, time: String, through: CalendarDate)? = nil, room: Room? = nil) {
            self.next = next
            self.room = room
        }

        package static func == (lhs: Release, rhs: Release) -> Bool {
            lhs.room == rhs.room && lhs.next?.date == rhs.next?.date && lhs.next?.time == rhs.next?.time
                && lhs.next?.through == rhs.next?.through
        }
    }

    /// The page. `days` are the days of the window that have free times; `chosenDate` the day whose
    /// times are shown (nil: the first); `nextTimes` the free times after one that was taken;
    /// `release` the note on new times and a waiting room.
    package static func html(
        language: PageLanguage, town: String, selection: Selection, mode: Mode, days: [DayTimes],
        chosenDate: String? = nil, window: Window, formToken: String, holdMinutes: Int, notice: Notice? = nil,
        nextTimes: [DatedTime] = [], release: Release? = nil, wishes: Bool = false
    ) -> String {
        let text = language.text
        let base: String
        let action: String
        switch mode {
        case .book:
            base = "/zeiten?" + selection.query
            action = language.prefix + "/reservierung"
        case .move(let booking, let token, _):
            base = "/termin/\(HTML.pathSegment(booking))/verschieben?token=\(HTML.pathSegment(token))"
            action = language.prefix + "/termin/\(HTML.pathSegment(booking))/verschieben"
        }
        let shown = days.first { $0.date.iso == chosenDate } ?? days.first
        let here = base + "&from=\(window.from)" + (shown.map { "&date=\($0.date.iso)" } ?? "")
        var title = text.timesTitle
        if case .move = mode { title = text.moveTitle }
        let frame = CitizenShell.Frame(
            language: language, town: town, title: title, step: mode == .book ? 3 : nil, switchPath: here,
            hasErrors: notice?.kind == .error)
        return CitizenShell.document(frame) { writer in
            CitizenShell.notice(notice, language: language, into: &writer)
            writer.line("<h1>\(title)</h1>")
            if case .move(_, _, let current) = mode {
                writer.line(
                    "<p class=\"lead\">\(text.currentTime): <strong>\(DateText.long(current.date, language)), "
                        + "\(DateText.time(current.time.label, language))</strong>. \(text.moveKeepsOld)</p>")
            }
            CitizenShell.summary(selection, language: language, into: &writer)
            if let release {
                releaseNote(release, language: language, into: &writer)
            }
            if mode == .book {
                writer.line("<p>\(text.holdHint(holdMinutes))</p>")
            }
            writer.open(
                "<form class=\"time-form\" id=\"time-form\" method=\"post\" action=\"\(action)\" data-enhance>")
            CitizenShell.formToken(formToken, into: &writer)
            switch mode {
            case .book:
                CitizenShell.selectionFields(selection, into: &writer)
            case .move(_, let token, _):
                writer.line("<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">")
            }
            if !nextTimes.isEmpty {
                writer.open("<section class=\"panel next-times\" id=\"next-times\" aria-labelledby=\"next-heading\">")
                writer.line("<h2 id=\"next-heading\">\(text.nextTimesHeading)</h2>")
                writer.open("<ul class=\"time-list time-list-dated\">")
                for next in nextTimes {
                    writer.line(
                        "<li><button type=\"submit\" class=\"time\" name=\"start\" value=\"\(HTML.escape(next.time.value))\">"
                            + "\(DateText.short(next.date, language)), \(DateText.time(next.time.label, language))"
                            + "</button></li>")
                }
                writer.close("</ul>")
                writer.close("</section>")
            }
            writer.open("<div class=\"times-layout\">")
            dayList(days, shown: shown, base: base, window: window, language: language, into: &writer)
            if let shown {
                times(shown, language: language, into: &writer)
            } else {
                writer.open("<section class=\"times\" aria-labelledby=\"times-heading\">")
                writer.line("<h2 id=\"times-heading\">\(text.noTimesHeading)</h2>")
                writer.line("<p>\(text.noTimesDetail)</p>")
                writer.close("</section>")
            }
            writer.close("</div>")
            writer.close("</form>")
            if mode == .book, wishes {
                WishPage.link(selection, language: language, nothingFree: days.isEmpty, into: &writer)
            }
            switch mode {
            case .book:
                writer.line(
                    "<p class=\"back-link\"><a href=\"\(language.prefix)/unterlagen?"
                        + "\(HTML.escape(Selection(services: selection.services, persons: selection.persons).query))"
                        + "\">\(text.otherOffice)</a></p>")
            case .move(let booking, let token, _):
                writer.line(
                    "<p class=\"back-link\"><a href=\"\(language.prefix)/termin/\(HTML.pathSegment(booking))?token="
                        + "\(HTML.pathSegment(token))\">\(text.backToBooking)</a></p>")
            }
        }
    }

    /// When new times come and how to get one through the waiting room.
    private static func releaseNote(_ release: Release, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text.room
        let isRoom = release.room != nil
        writer.open("<section class=\"panel release\" id=\"release\" aria-labelledby=\"release-heading\">")
        writer.line(
            "<h2 id=\"release-heading\">\(isRoom ? text.roomHeading : text.releaseHeading)</h2>")
        if let next = release.next {
            writer.line(
                "<p>\(text.releaseNote(DateText.at(next.date, next.time, language), DateText.long(next.through, language)))</p>"
            )
        }
        switch release.room {
        case .opens(let date, let time, let href):
            writer.line("<p>\(text.roomOpens(DateText.at(date, time, language)))</p>")
            writer.line("<p><a class=\"button\" href=\"\(HTML.escape(href))\">\(text.roomButton)</a></p>")
        case .openEarly(let time, let href):
            writer.line("<p>\(text.roomOpenEarly(DateText.time(time, language)))</p>")
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(HTML.escape(href))\">\(text.roomButton)</a></p>")
        case .open(let href):
            writer.line("<p>\(text.roomOpen)</p>")
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(HTML.escape(href))\">\(text.roomButton)</a></p>")
        case .admitted(let until):
            writer.line("<p><strong>\(text.roomAdmitted(DateText.time(until, language)))</strong></p>")
        case nil:
            break
        }
        writer.close("</section>")
    }

    private static func dayList(
        _ days: [DayTimes], shown: DayTimes?, base: String, window: Window, language: PageLanguage,
        into writer: inout HTMLWriter
    ) {
        let text = language.text
        writer.open("<nav class=\"days\" aria-labelledby=\"days-heading\">")
        writer.line("<h2 id=\"days-heading\">\(text.daysHeading)</h2>")
        if days.isEmpty {
            writer.line("<p>\(text.noDaysInRange)</p>")
        } else {
            writer.open("<ul class=\"day-list\">")
            for day in days {
                let current = day.date == shown?.date ? " aria-current=\"date\"" : ""
                writer.line(
                    "<li><a class=\"day\" href=\"\(language.prefix)\(HTML.escape(base))&amp;from=\(window.from)"
                        + "&amp;date=\(day.date.iso)#times-heading\"\(current)>"
                        + "<span class=\"day-name\">\(DateText.short(day.date, language))</span> "
                        + "<span class=\"day-count\">\(text.timesCount(day.times.count))</span></a></li>")
            }
            writer.close("</ul>")
        }
        if window.earlier != nil || window.later != nil {
            writer.open("<p class=\"day-pages\">")
            if let earlier = window.earlier {
                writer.line(
                    "<a href=\"\(language.prefix)\(HTML.escape(base))&amp;from=\(earlier)\">\(text.earlierDays)</a>")
            }
            if let later = window.later {
                writer.line(
                    "<a href=\"\(language.prefix)\(HTML.escape(base))&amp;from=\(later)\">\(text.laterDays)</a>")
            }
            writer.close("</p>")
        }
        writer.close("</nav>")
    }

    private static func times(_ day: DayTimes, language: PageLanguage, into writer: inout HTMLWriter) {
        let text = language.text
        let long = DateText.long(day.date, language)
        writer.open("<section class=\"times\" aria-labelledby=\"times-heading\">")
        writer.line("<h2 id=\"times-heading\" tabindex=\"-1\">\(text.timesOn(long))</h2>")
        for (heading, part) in [
            (text.morning, day.times.filter(\.isMorning)), (text.afternoon, day.times.filter { !$0.isMorning }),
        ] where !part.isEmpty {
            writer.line("<h3 class=\"part-heading\">\(heading)</h3>")
            writer.open("<ul class=\"time-list\">")
            for time in part {
                writer.line(
                    "<li><button type=\"submit\" class=\"time\" name=\"start\" value=\"\(HTML.escape(time.value))\">"
                        + "\(time.label)<span class=\"visually-hidden\">\(text.timeSuffix(long))</span></button></li>")
            }
            writer.close("</ul>")
        }
        writer.close("</section>")
    }
}
