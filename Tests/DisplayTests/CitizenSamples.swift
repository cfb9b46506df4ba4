@testable import Display

/// Inputs for the citizen pages and the hotline console, with Musterstadt's values by default.
enum CitizenSamples {
    static let tuesday = CalendarDate(year: 2026, month: 12, day: 8, weekday: 2)
    static let wednesday = CalendarDate(year: 2026, month: 12, day: 9, weekday: 3)

    static func time(_ label: String, _ date: CalendarDate = tuesday) -> TimeOption {
        TimeOption(value: "\(date.iso)T\(label):00+01:00", label: label)
    }

    static func services() -> [ServiceChoice] {
        [
            ServiceChoice(
                id: "personalausweis", name: "Personalausweis beantragen", group: "Ausweise und Pässe",
                minutesPerPerson: 20, maxPersons: 4, feeCents: 3700, lowestFeeCents: 2280,
                feeNote: "37,00 € ab 24 Jahren, 22,80 € unter 24 Jahren"),
            ServiceChoice(
                id: "meldebescheinigung", name: "Meldebescheinigung ausstellen", group: "Meldeangelegenheiten",
                minutesPerPerson: 5, maxPersons: 6, feeCents: 1000, feeNote: "10,00 € je Bescheinigung"),
            ServiceChoice(
                id: "anmeldung", name: "Wohnsitz anmelden oder ummelden", group: "Meldeangelegenheiten",
                minutesPerPerson: 10, maxPersons: 6, feeCents: 0),
            ServiceChoice(
                id: "fundsachen", name: "Fundsache abgeben oder abholen", group: "Fundbüro, Hundesteuer, Wahlen",
                minutesPerPerson: 5, maxPersons: 1, access: .byPhone),
            ServiceChoice(
                id: "impfaktion", name: "Sonderimpfaktion (Termine werden verlost)", group: "Schutzimpfung",
                minutesPerPerson: 10, maxPersons: 1, feeCents: 0, access: .byDraw),
        ]
    }

    static func documents() -> [SlipDocument] {
        [
            SlipDocument(name: "Bisheriger Personalausweis oder Reisepass", note: "auch wenn er abgelaufen ist"),
            SlipDocument(
                name: "Zustimmung beider Sorgeberechtigten und deren Ausweise",
                condition: "nur bei Personen unter 16 Jahren"),
        ]
    }

    /// The checklist of a Personalausweis together with a Meldebescheinigung: what only one of
    /// them asks for names it.
    static func combinedDocuments() -> [SlipDocument] {
        [
            SlipDocument(
                name: "Bisheriger Personalausweis oder Reisepass", note: "auch wenn er abgelaufen ist",
                services: ["Personalausweis beantragen"]),
            SlipDocument(name: "Personalausweis oder Reisepass", services: ["Meldebescheinigung ausstellen"]),
            SlipDocument(name: "Ein aktuelles biometrisches Lichtbild", services: ["Personalausweis beantragen"]),
        ]
    }

    static func office(earliest: DatedTime? = nil) -> OfficeSummary {
        OfficeSummary(
            id: "rathaus", name: "Bürgerbüro im Rathaus", address: ["Marktplatz 1", "24100 Musterstadt"],
            earliest: earliest)
    }

    /// The office with its map link and the opening hours of a week, as the booking's page and
    /// the offices page show them.
    static func officeWithHours(closures: [ClosedDay] = []) -> OfficeSummary {
        var office = office()
        office.mapURL = "https://www.openstreetmap.org/?mlat=54.32063&mlon=10.13451"
        office.hours = [
            OfficeHours(weekday: 1, spans: [("08:00", "12:30")]),
            OfficeHours(weekday: 2, spans: [("08:00", "12:30"), ("14:00", "16:00")]),
            OfficeHours(weekday: 3, spans: [("08:00", "12:30")]),
            OfficeHours(weekday: 4, spans: [("08:00", "12:30"), ("13:30", "18:00")]),
            OfficeHours(weekday: 5, spans: [("08:00", "12:30")]),
            OfficeHours(weekday: 6, spans: []),
            OfficeHours(weekday: 7, spans: []),
        ]
        office.closures = closures
        return office
    }

    static func vaccination() -> ServiceChoice {
        ServiceChoice(
            id: "impfung", name: "Schutzimpfung (Grippe und Auffrischung)", group: "Schutzimpfung",
            minutesPerPerson: 10, maxPersons: 2, feeCents: 0)
    }

    static func room() -> WaitingRoomPage.Room {
        WaitingRoomPage.Room(
            service: vaccination(),
            office: OfficeSummary(id: "nord", name: "Stadtteilbüro Nord", address: ["Am Wasserturm 7"]),
            releaseDate: CalendarDate(year: 2026, month: 12, day: 7, weekday: 1), releaseTime: "07:00",
            admitPerMinute: 60, admissionMinutes: 15, holdMinutes: 10,
            path: "/warteraum/impfung?service=impfung&persons=1&office=nord",
            timesPath: "/zeiten?service=impfung&persons=1&office=nord", chosen: ["impfung"], persons: 1)
    }

    static func draw(open: Bool = true) -> DrawSummary {
        DrawSummary(
            service: services()[4],
            office: OfficeSummary(id: "nord", name: "Stadtteilbüro Nord", address: ["Am Wasserturm 7"]),
            closesDate: CalendarDate(year: 2026, month: 12, day: 10, weekday: 4), closesTime: "12:00",
            slotsFrom: CalendarDate(year: 2026, month: 12, day: 14, weekday: 1),
            slotsTo: CalendarDate(year: 2026, month: 12, day: 20, weekday: 7),
            priorities: [
                DrawSummary.Priority(id: "80plus", name: "80 Jahre und älter"),
                DrawSummary.Priority(id: "60plus", name: "60 bis 79 Jahre"),
                DrawSummary.Priority(id: "alle", name: "alle anderen"),
            ], isOpen: open)
    }

    static func drawEntry(_ status: DrawEntrySummary.Status) -> DrawEntrySummary {
        DrawEntrySummary(id: "nord.e0", token: "t0ken_-x", priority: "60 bis 79 Jahre", status: status)
    }

    static func selection(office: Bool = true) -> Selection {
        Selection(
            services: [services()[0]], persons: 2, office: office ? Self.office() : nil, documents: documents())
    }

    static func days() -> [DayTimes] {
        [
            DayTimes(date: tuesday, times: ["08:00", "08:10", "11:50", "14:00"].map { time($0) }),
            DayTimes(date: wednesday, times: ["09:30"].map { time($0, wednesday) }),
        ]
    }

    static func hold(remaining: Int = 600, extensions: Int = 0) -> HoldSummary {
        HoldSummary(
            id: "rathaus.h0ld", date: tuesday, start: time("08:00"), end: "08:40", remainingSeconds: remaining,
            expiresAt: "09:40", extensions: extensions, maxExtensions: 2, holdMinutes: 10)
    }

    static func booking(cancelled: Bool = false, changeable: Bool = true) -> BookingSummary {
        BookingSummary(
            id: "rathaus.b00k", reference: "K7M-4PQ", token: "t0ken_-x", cancelled: cancelled, changeable: changeable,
            office: officeWithHours(), date: tuesday, start: time("08:00"), end: "08:40", services: [services()[0]],
            persons: 2,
            documents: documents(),
            contact: ContactEntry(name: "Erika Mustermann", email: "erika@example.org", phone: ""))
    }

    static let statementContact = AccessibilityPage.Contact(
        office: "Bürgerbüro im Rathaus", address: ["Marktplatz 1", "24100 Musterstadt"],
        email: "barrierefreiheit@musterstadt.example", phone: "115")

    /// Every citizen page and the console with sample input, by the golden file's name.
    static func pages() -> [(name: String, html: String)] {
        let town = "Musterstadt"
        let window = TimesPage.Window(from: "2026-12-08", later: "2026-12-22")
        let taken = Notice(
            .error, title: PageLanguage.german.text.takenTitle,
            detail: PageLanguage.german.text.takenDetail("Dienstag, 8. Dezember 2026, 08:00 Uhr"))
        let contactIssues = [
            FieldIssue(field: "name", message: PageLanguage.german.text.nameMissing),
            FieldIssue(field: "email", message: PageLanguage.german.text.emailInvalid),
        ]
        var pages: [(String, String)] = []
        for language in PageLanguage.allCases {
            let suffix = language == .german ? "" : "-en"
            pages += [
                (
                    "citizen-start\(suffix).html",
                    ServicesPage.html(language: language, town: town, services: services())
                ),
                (
                    "citizen-selection\(suffix).html",
                    SelectionPage.html(
                        language: language, town: town,
                        selection: Selection(
                            services: [services()[0], services()[1]], persons: 2, documents: combinedDocuments()),
                        offices: [
                            office(earliest: DatedTime(date: tuesday, time: time("08:00"))),
                            OfficeSummary(id: "nord", name: "Stadtteilbüro Nord", address: ["Am Wasserturm 7"]),
                        ])
                ),
                (
                    "citizen-times\(suffix).html",
                    TimesPage.html(
                        language: language, town: town, selection: selection(), mode: .book, days: days(),
                        window: window, formToken: "f0rm", holdMinutes: 10)
                ),
                (
                    "citizen-contact\(suffix).html",
                    HoldPage.contact(
                        language: language, town: town, selection: selection(), hold: hold(),
                        contact: ContactEntry(), formToken: "f0rm", retentionDays: 30)
                ),
                (
                    "citizen-booking\(suffix).html",
                    BookingPage.html(language: language, town: town, booking: booking(), arrival: .booked)
                ),
                (
                    "citizen-accessibility\(suffix).html",
                    AccessibilityPage.html(
                        language: language, town: town, contact: statementContact,
                        reviewed: CalendarDate(year: 2026, month: 11, day: 21, weekday: 6), holdMinutes: 10,
                        extensions: 2)
                ),
            ]
        }
        pages += [
            (
                "citizen-times-taken.html",
                TimesPage.html(
                    language: .german, town: town, selection: selection(), mode: .book, days: days(),
                    chosenDate: "2026-12-08", window: window, formToken: "f0rm", holdMinutes: 10, notice: taken,
                    nextTimes: [DatedTime(date: tuesday, time: time("08:40"))])
            ),
            (
                "citizen-contact-problems.html",
                HoldPage.contact(
                    language: .german, town: town, selection: selection(), hold: hold(remaining: 90, extensions: 2),
                    contact: ContactEntry(name: "", email: "erika(at)example", phone: "", issues: contactIssues),
                    formToken: "f0rm", retentionDays: 30)
            ),
            (
                "citizen-review.html",
                HoldPage.review(
                    language: .german, town: town, selection: selection(), hold: hold(),
                    contact: ContactEntry(name: "Erika Mustermann", email: "erika@example.org", phone: "0431 123456"),
                    formToken: "f0rm")
            ),
            (
                "citizen-move.html",
                TimesPage.html(
                    language: .german, town: town, selection: selection(),
                    mode: .move(
                        booking: "rathaus.b00k", token: "t0ken_-x",
                        current: DatedTime(date: tuesday, time: time("08:00"))),
                    days: days(), chosenDate: "2026-12-09", window: window, formToken: "f0rm", holdMinutes: 10)
            ),
            (
                "citizen-cancel.html",
                BookingPage.confirmCancel(language: .german, town: town, booking: booking(), formToken: "f0rm")
            ),
            (
                "citizen-cancelled.html",
                BookingPage.html(
                    language: .german, town: town, booking: booking(cancelled: true, changeable: false),
                    arrival: .cancelled)
            ),
            (
                "citizen-message.html",
                MessagePage.html(
                    language: .german, town: town,
                    notice: Notice(
                        .error, title: PageLanguage.german.text.formRefusedTitle,
                        detail: PageLanguage.german.text.formRefusedDetail))
            ),
            ("hotline.html", hotlinePage()),
        ]
        return pages + rushPages() + placePages() + wishPages()
    }

    /// The waiting room in its states, the times page before a release, and a draw's pages.
    static func rushPages() -> [(name: String, html: String)] {
        let town = "Musterstadt"
        let monday = CalendarDate(year: 2026, month: 12, day: 7, weekday: 1)
        let nextMonday = CalendarDate(year: 2026, month: 12, day: 14, weekday: 1)
        let sunday = CalendarDate(year: 2026, month: 12, day: 20, weekday: 7)
        let vaccination = Selection(
            services: [vaccination()], persons: 1,
            office: OfficeSummary(id: "nord", name: "Stadtteilbüro Nord", address: ["Am Wasserturm 7"]))
        let window = TimesPage.Window(from: "2026-12-07", later: "2026-12-21")
        func room(_ state: WaitingRoomPage.State, _ language: PageLanguage = .german) -> String {
            WaitingRoomPage.html(
                language: language, town: town, room: Self.room(), state: state, formToken: "f0rm", refreshSeconds: 20)
        }
        let won = DrawnBooking(
            reference: "P8E-UXC", date: nextMonday, start: "08:30", end: "08:40", persons: 1,
            documents: [SlipDocument(name: "Impfpass", note: "oder ein anderer Nachweis früherer Impfungen")])
        var withHours = draw()
        withHours.office = officeWithHours()
        return [
            (
                "citizen-times-release.html",
                TimesPage.html(
                    language: .german, town: town, selection: vaccination, mode: .book, days: [], window: window,
                    formToken: "f0rm", holdMinutes: 10,
                    release: TimesPage.Release(
                        next: (monday, "07:00", sunday),
                        room: .open(href: "/warteraum/impfung?service=impfung&persons=1&office=nord")))
            ),
            ("citizen-room-joinable.html", room(.joinable)),
            ("citizen-room-waiting.html", room(.waiting)),
            ("citizen-room-queued.html", room(.queued(place: 37, admission: "07:01", minutes: 2))),
            ("citizen-room-admitted.html", room(.admitted(until: "07:15"))),
            ("citizen-room-admitted-en.html", room(.admitted(until: "07:15"), .english)),
            ("citizen-room-expired.html", room(.expired)),
            (
                "citizen-draw-form.html",
                DrawPage.form(
                    language: .german, town: town, draw: draw(), contact: ContactEntry(), priority: nil, persons: 1,
                    formToken: "f0rm")
            ),
            (
                "citizen-draw-problems.html",
                DrawPage.form(
                    language: .german, town: town, draw: draw(),
                    contact: ContactEntry(
                        name: "Erika Mustermann",
                        issues: [
                            FieldIssue(field: "priority", message: PageLanguage.german.text.draw.priorityMissing),
                            FieldIssue(field: "email", message: PageLanguage.german.text.contactMissing),
                        ]), priority: nil, persons: 1, formToken: "f0rm")
            ),
            (
                "citizen-draw-registered.html",
                DrawPage.entry(
                    language: .german, town: town, draw: draw(), entry: drawEntry(.registered), arrival: .registered)
            ),
            (
                "citizen-draw-won.html",
                DrawPage.entry(language: .german, town: town, draw: withHours, entry: drawEntry(.won(won)))
            ),
            (
                "citizen-draw-won-en.html",
                DrawPage.entry(language: .english, town: town, draw: withHours, entry: drawEntry(.won(won)))
            ),
            (
                "citizen-draw-waitlisted.html",
                DrawPage.entry(language: .german, town: town, draw: draw(open: false), entry: drawEntry(.waitlisted(3)))
            ),
            (
                "citizen-draw-withdraw.html",
                DrawPage.confirmWithdraw(
                    language: .german, town: town, draw: draw(), entry: drawEntry(.won(won)), formToken: "f0rm")
            ),
        ]
    }

    /// The offices page and a page that does not exist.
    static func placePages() -> [(name: String, html: String)] {
        let christmas = CalendarDate(year: 2026, month: 12, day: 24, weekday: 4)
        let text = PageLanguage.german.text
        return [
            (
                "citizen-offices.html",
                OfficesPage.html(
                    language: .german, town: "Musterstadt",
                    offices: [officeWithHours(closures: [ClosedDay(date: christmas, reason: "Heiligabend")])])
            ),
            (
                "citizen-not-found.html",
                MessagePage.html(
                    language: .german, town: "Musterstadt",
                    notice: Notice(.error, title: text.pageNotFoundTitle, detail: text.pageNotFoundDetail))
            ),
            (
                "staff-day.html",
                DayListPage.html(
                    town: "Musterstadt",
                    offices: [
                        ServiceOption(id: "rathaus", name: "Bürgerbüro im Rathaus"),
                        ServiceOption(id: "nord", name: "Stadtteilbüro Nord"),
                    ], office: "rathaus", date: "2026-12-08", timeZone: "Europe/Berlin")
            ),
        ]
    }

    static func hotlinePage() -> String {
        HotlinePage.html(
            town: "Musterstadt",
            services: [
                ServiceOption(id: "personalausweis", name: "Personalausweis beantragen"),
                ServiceOption(id: "fundsachen", name: "Fundsache abgeben oder abholen"),
            ],
            offices: [
                ServiceOption(id: "rathaus", name: "Bürgerbüro im Rathaus"),
                ServiceOption(id: "nord", name: "Stadtteilbüro Nord"),
            ], timeZone: "Europe/Berlin", serverTime: 1_796_632_860_000, person: "Jonas Anrufer",
            formToken: Samples.formToken)
    }
}
