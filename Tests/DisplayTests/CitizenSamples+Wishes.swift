@testable import Display

extension CitizenSamples {
    /// The wish pages (Documentation/Wishes.md) as the golden files and the page checks see them:
    /// the times page with nothing free, the form (and with its problems), the request to confirm,
    /// the wish's page with an open offer, and the offer's page, in German and English.
    static func wishPages() -> [(name: String, html: String)] {
        let town = "Musterstadt"
        let window = TimesPage.Window(from: "2026-12-08", later: "2026-12-22")
        let offer = OfferSummary(
            id: "rathaus.0ffer", token: "t0ken_-x", office: office(), date: tuesday, start: "08:20", end: "08:40",
            expires: DatedTime(date: CalendarDate(year: 2026, month: 12, day: 7, weekday: 1), time: time("11:30")))
        let wish = WishSummary(
            id: "rathaus.w1sh", token: "t0ken_-x", status: "waiting", selection: selection(office: false),
            offices: ["Bürgerbüro im Rathaus", "Stadtteilbüro Nord"], weekdays: [2, 4], times: ["morning"],
            earliest: tuesday, latest: CalendarDate(year: 2027, month: 1, day: 29, weekday: 5),
            confirmedAt: DatedTime(date: CalendarDate(year: 2026, month: 12, day: 7, weekday: 1), time: time("09:12")),
            ahead: 3, offer: offer)
        let entry = WishEntry(
            offices: [("rathaus", "Bürgerbüro im Rathaus", true), ("nord", "Stadtteilbüro Nord", false)],
            weekdays: Set(1...5), morning: true, afternoon: true, earliest: "2026-12-07", latest: "2027-02-05",
            maxDate: "2027-06-05")
        var pages: [(String, String)] = []
        for language in PageLanguage.allCases {
            let suffix = language == .german ? "" : "-en"
            pages += [
                (
                    "citizen-times-wish\(suffix).html",
                    TimesPage.html(
                        language: language, town: town, selection: selection(), mode: .book, days: [],
                        window: window, formToken: "f0rm", holdMinutes: 10, wishes: true)
                ),
                (
                    "citizen-wish-form\(suffix).html",
                    WishPage.form(
                        language: language, town: town, selection: selection(office: false), entry: entry,
                        formToken: "f0rm", offerHours: 2, retentionDays: 30)
                ),
                (
                    "citizen-wish\(suffix).html",
                    WishPage.status(
                        language: language, town: town, wish: wish, formToken: "f0rm",
                        notice: Notice(
                            .success, title: language.wishText.confirmedTitle,
                            detail: language.wishText.confirmedDetail))
                ),
                (
                    "citizen-wish-offer\(suffix).html",
                    WishPage.offer(
                        language: language, town: town, offer: offer, selection: selection(office: false),
                        wishLink: nil, formToken: "f0rm")
                ),
            ]
        }
        var unconfirmed = wish
        unconfirmed.status = "unconfirmed"
        unconfirmed.offer = nil
        unconfirmed.confirmedAt = nil
        var problems = entry
        problems.offices = problems.offices.map { ($0.id, $0.name, false) }
        problems.weekdays = []
        problems.name = "<script>alert(1)</script>"
        problems.issues = [
            FieldIssue(field: "office-rathaus", message: PageLanguage.german.wishText.officesMissing),
            FieldIssue(field: "day-1", message: PageLanguage.german.wishText.weekdaysMissing),
            FieldIssue(field: "email", message: PageLanguage.german.wishText.emailMissing),
        ]
        pages += [
            (
                "citizen-wish-confirm.html",
                WishPage.confirm(language: .german, town: town, wish: unconfirmed, formToken: "f0rm")
            ),
            (
                "citizen-wish-form-problems.html",
                WishPage.form(
                    language: .german, town: town, selection: selection(office: false), entry: problems,
                    formToken: "f0rm", offerHours: 2, retentionDays: 30)
            ),
            ("citizen-wish-sent.html", WishPage.sent(language: .german, town: town, hours: 24)),
        ]
        return pages
    }
}
