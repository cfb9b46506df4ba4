@testable import Display

/// Small factories for renderer inputs, with realistic Musterstadt values by default.
enum Samples {
    static let hostile = "<script>alert(1)</script> & \"x\""

    static func call(
        _ number: String = "A017", counter: String = "4", counterName: String = "Schalter 4",
        calledAt: String = "09:40",
        recalls: Int = 0, state: String = "called"
    ) -> BoardCall {
        BoardCall(
            ticket: "rathaus-2026-12-07-\(number)", number: number, counter: counter, counterName: counterName,
            calledAt: calledAt, recalls: recalls, state: state)
    }

    static func groups() -> [BoardGroup] {
        [
            BoardGroup(letter: "A", name: "Ausweise und Pässe", waiting: 3, estimatedWaitMinutes: 25),
            BoardGroup(letter: "B", name: "Meldeangelegenheiten", waiting: 1, estimatedWaitMinutes: 10),
            BoardGroup(
                letter: "C", name: "Gewerbe, Führungszeugnis, Beglaubigung", waiting: 0, estimatedWaitMinutes: 0),
            BoardGroup(letter: "D", name: "Fundbüro, Hundesteuer, Wahlen", waiting: 7, estimatedWaitMinutes: 80),
        ]
    }

    static func snapshot(
        calls: [BoardCall]? = nil, recent: [BoardCall]? = nil, groups: [BoardGroup]? = nil,
        languages: [String] = ["de"], sound: Bool = false, timeZone: String? = "Europe/Berlin",
        officeName: String = "Bürgerbüro im Rathaus", serverTime: Int64? = 1_796_632_860_000
    ) -> BoardSnapshot {
        BoardSnapshot(
            officeID: "rathaus", officeName: officeName, date: "Montag, 7. Dezember 2026", time: "09:41",
            calls: calls ?? [
                call("A017"),
                call("B004", counter: "2", counterName: "Schalter 2", calledAt: "09:38", recalls: 1),
                call("A015", counter: "1", counterName: "Schalter 1", calledAt: "09:31", state: "serving"),
            ],
            recent: recent ?? [
                call("C002", counter: "3", counterName: "Schalter 3", calledAt: "09:29", state: "done"),
                call("A014", counter: "1", counterName: "Schalter 1", calledAt: "09:22", state: "done"),
                call("B003", counter: "2", counterName: "Schalter 2", calledAt: "09:20", state: "noShow"),
            ],
            groups: groups ?? Self.groups(), sequence: 42, languages: languages, sound: sound, timeZone: timeZone,
            serverTime: serverTime)
    }

    static func slip(appointment: Bool = false) -> TicketSlip {
        TicketSlip(
            officeName: "Bürgerbüro im Rathaus", number: appointment ? "A021" : "A017",
            services: ["Personalausweis beantragen"], issuedAt: "07.12.2026, 09:41", ahead: 2,
            estimatedWaitMinutes: 15, isAppointment: appointment, appointmentTime: appointment ? "09:30" : nil,
            documents: [
                SlipDocument(name: "Bisheriger Personalausweis oder Reisepass", note: "auch wenn er abgelaufen ist"),
                SlipDocument(
                    name: "Ein aktuelles biometrisches Lichtbild",
                    note: "digital vom zertifizierten Fotografen oder am Fotoautomaten im Bürgerbüro"),
                SlipDocument(
                    name: "Zustimmung beider Sorgeberechtigten und deren Ausweise",
                    condition: "nur bei Personen unter 16 Jahren"),
            ])
    }

    static func kioskGroups() -> [KioskGroup] {
        [
            KioskGroup(
                letter: "A", name: "Ausweise und Pässe",
                services: [
                    ServiceOption(id: "personalausweis", name: "Personalausweis beantragen"),
                    ServiceOption(id: "reisepass", name: "Reisepass beantragen"),
                    ServiceOption(id: "ausweis-abholen", name: "Personalausweis oder Reisepass abholen"),
                ]),
            KioskGroup(
                letter: "B", name: "Meldeangelegenheiten",
                services: [
                    ServiceOption(id: "anmeldung", name: "Wohnsitz anmelden oder ummelden"),
                    ServiceOption(id: "meldebescheinigung", name: "Meldebescheinigung ausstellen"),
                ]),
            KioskGroup(
                letter: "C", name: "Gewerbe, Führungszeugnis, Beglaubigung",
                services: [ServiceOption(id: "fuehrungszeugnis", name: "Führungszeugnis beantragen")]),
            KioskGroup(letter: "I", name: "Schutzimpfung", services: []),
        ]
    }

    static func kioskPage(groups: [KioskGroup]? = nil, officeName: String = "Bürgerbüro im Rathaus") -> String {
        KioskPage.html(
            officeID: "rathaus", officeName: officeName, groups: groups ?? kioskGroups(), timeZone: "Europe/Berlin")
    }

    static func counterPage(
        services: [ServiceOption]? = nil, counters: [CounterOption]? = nil, counterName: String = "Schalter 4",
        officeName: String = "Bürgerbüro im Rathaus"
    ) -> String {
        CounterPage.html(
            officeID: "rathaus", officeName: officeName, counterID: "4", counterName: counterName,
            services: services ?? [
                ServiceOption(id: "personalausweis", name: "Personalausweis beantragen"),
                ServiceOption(id: "reisepass", name: "Reisepass beantragen"),
                ServiceOption(id: "anmeldung", name: "Wohnsitz anmelden oder ummelden"),
            ],
            counters: counters ?? [
                CounterOption(id: "1", name: "Schalter 1"), CounterOption(id: "3", name: "Schalter 3"),
                CounterOption(id: "4", name: "Schalter 4"),
            ], timeZone: "Europe/Berlin", person: "Erika Mustermann", formToken: Samples.formToken)
    }

    /// A session's form token as the staff pages carry it.
    static let formToken = "c2Vzc2lvbi1mb3JtLXRva2VuLWZvci10aGUtdGVzdHM"

    /// Every page with its sample input, by a short name.
    static func pages() -> [(name: String, html: String)] {
        [
            ("board", BoardPage.html(snapshot())),
            ("board-sound", BoardPage.html(snapshot(languages: ["de", "en"], sound: true))),
            ("ticket", TicketSlipPage.html(slip())),
            ("kiosk", kioskPage()),
            ("counter", counterPage()),
            ("administration", AdministrationPageTests.console()),
            ("administration-history", AdministrationPageTests.historyPage()),
        ]
    }
}
