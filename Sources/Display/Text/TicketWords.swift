/// The words of a ticket's own page and of the page that hands out tickets from home, in German and
/// English. What a status says (``status(_:)``) is worded here once: the page renders it, and the
/// live updates send the same sentences, so the page reads the same with and without its script.
/// Strings are plain text (the renderers escape them); counter and service names come from the
/// configuration, in German.
package struct TicketWords: Sendable {
    /// What the page says about a ticket's status.
    package struct Status: Equatable, Sendable {
        /// One line, large: "Bitte zu Schalter 4", "Noch 3 vor Ihnen".
        package var headline: String
        /// What to do and when.
        package var detail: String
        /// Whether this is a call the holder must act on now (announced, vibrates, sounds).
        package var isCall: Bool
        /// The text of a system notification for a call.
        package var notification: String
    }

    package var language: PageLanguage
    package var title: @Sendable (String) -> String
    package var numberLabel: String
    package var aheadLabel: String
    package var waitLabel: String
    package var issuedLabel: String
    package var asOfLabel: String
    package var ahead: @Sendable (Int) -> String
    package var wait: @Sendable (Int) -> String
    package var arrivalHeading: String
    package var arrivalCodeLabel: String
    package var arrivalHint: @Sendable (String) -> String
    package var arrivalQRLabel: @Sendable (String) -> String
    package var alertsHeading: String
    package var soundButton: String
    package var soundOnButton: String
    package var soundHint: String
    package var notifyButton: String
    package var notifyOnButton: String
    package var notifyHint: String
    package var notifyBlocked: String
    package var keepOpenHint: String
    package var refreshLink: String
    package var reloadNote: String
    package var liveNote: String
    package var connectionLost: String
    package var privacyNote: String
    package var slipQRHint: String
    package var notFoundTitle: String
    package var notFoundDetail: String
    package var slipQRLabel: @Sendable (String) -> String
    package var bookingQRLabel: @Sendable (String) -> String
    package var bookingQRHint: String
    package var statusWords: @Sendable (TicketView) -> Status

    /// What the page says about `view`.
    package func status(_ view: TicketView) -> Status { statusWords(view) }

    // MARK: Tickets from home

    package var remoteTitle: String
    package var remoteIntro: String
    package var remoteSteps: [String]
    package var remoteNoData: String
    package var remoteWindow: @Sendable (String, String) -> String
    package var remoteClosed: @Sendable (String, String) -> String
    package var remoteNone: String
    package var remoteLeft: @Sendable (Int) -> String
    package var remoteWaiting: @Sendable (Int, Int) -> String
    package var remoteServiceLegend: @Sendable (String) -> String
    package var remoteButton: String
    package var remoteHaveOne: @Sendable (String) -> String
    package var remoteHaveOneDetail: String
    package var remoteOpenTicket: String
    package var remoteLink: String
    package var remoteProblemTitle: String
    package var remoteChooseService: String
    package var remoteGone: String
    package var remoteClosedNow: String

    /// The words in `language`.
    package static func of(_ language: PageLanguage) -> TicketWords {
        language == .german ? .german : .english
    }
}

extension TicketWords {
    /// German.
    package static let german = TicketWords(
        language: .german,
        title: { "Wartemarke \($0)" },
        numberLabel: "Ihre Wartenummer",
        aheadLabel: "Vor Ihnen",
        waitLabel: "Wartezeit",
        issuedLabel: "Gezogen",
        asOfLabel: "Stand",
        ahead: { $0 <= 0 ? "niemand" : $0 == 1 ? "1 Person" : "\($0) Personen" },
        wait: { WaitText.estimate(minutes: $0) },
        arrivalHeading: "Ankunft bestätigen",
        arrivalCodeLabel: "Ihr Ankunftscode",
        arrivalHint: {
            "Zeigen Sie diesen Code dem Scanner am Wartemarkenautomaten oder tippen Sie ihn dort unter „Ich habe einen Termin“ ein – spätestens um \($0) Uhr. Erst dann können Sie aufgerufen werden."
        },
        arrivalQRLabel: { "Ankunftscode \($0) zum Scannen am Wartemarkenautomaten" },
        alertsHeading: "Wenn Sie aufgerufen werden",
        soundButton: "Ton an",
        soundOnButton: "Ton ist an",
        soundHint:
            "Ihr Browser spielt Töne erst, nachdem Sie auf die Seite getippt haben. Tippen Sie einmal auf „Ton an“: Dann ertönt ein Gong, und das Telefon vibriert, wenn Ihre Nummer aufgerufen wird.",
        notifyButton: "Benachrichtigen",
        notifyOnButton: "Benachrichtigung ist an",
        notifyHint: "Mit „Benachrichtigen“ meldet sich Ihr Telefon auch, wenn diese Seite im Hintergrund ist.",
        notifyBlocked: "Benachrichtigungen sind in Ihrem Browser ausgeschaltet.",
        keepOpenHint:
            "Lassen Sie diese Seite geöffnet. Manche Telefone halten Seiten im Hintergrund nach einer Weile an; schauen Sie daher rechtzeitig wieder hinein.",
        refreshLink: "Jetzt aktualisieren",
        reloadNote: "Diese Seite lädt sich alle 30 Sekunden neu.",
        liveNote: "Diese Seite aktualisiert sich von selbst.",
        connectionLost: "Verbindung unterbrochen – wird wiederhergestellt …",
        privacyNote:
            "Diese Seite enthält keine persönlichen Daten: Wer den Link kennt, sieht nur Ihre Nummer und Ihren Platz in der Reihe.",
        slipQRHint: "Platz in der Reihe auf dem Handy verfolgen: Code scannen.",
        notFoundTitle: "Wartemarke nicht gefunden",
        notFoundDetail:
            "Zu dieser Adresse gibt es keine Wartemarke. Bitte scannen Sie den Code auf Ihrer Wartemarke noch einmal oder fragen Sie im Wartebereich.",
        slipQRLabel: { "Wartemarke \($0) auf dem Handy verfolgen" },
        bookingQRLabel: { "QR-Code der Buchungsnummer \($0)" },
        bookingQRHint: "Zum Einchecken: Halten Sie den Code an den Scanner des Wartemarkenautomaten.",
        statusWords: germanStatus,
        remoteTitle: "Wartemarke online ziehen",
        remoteIntro:
            "Ohne Termin heute ins Amt? Ziehen Sie hier eine Wartemarke für heute und verfolgen Sie auf dem Handy, wann Sie an der Reihe sind.",
        remoteSteps: [
            "Wählen Sie Ihr Anliegen und ziehen Sie die Wartemarke. Sie bekommen eine Seite mit Ihrer Nummer, Ihrem Platz in der Reihe und der geschätzten Wartezeit.",
            "Kommen Sie rechtzeitig ins Amt und bestätigen Sie Ihre Ankunft am Wartemarkenautomaten mit dem Code auf dieser Seite. Erst danach können Sie aufgerufen werden; Ihren Platz behalten Sie.",
            "Wer seine Ankunft nicht bis zur angegebenen Uhrzeit bestätigt, wird übergangen.",
        ],
        remoteNoData: "Wir fragen nach keinen persönlichen Daten. Pro Browser gibt es eine Wartemarke zur Zeit.",
        remoteWindow: { "Wartemarken aus dem Internet heute von \($0) bis \($1) Uhr." },
        remoteClosed: { "Zurzeit keine Wartemarken aus dem Internet (heute von \($0) bis \($1) Uhr)." },
        remoteNone: "Zurzeit gibt kein Standort Wartemarken über das Internet aus.",
        remoteLeft: { $0 <= 0 ? "heute keine mehr frei" : $0 == 1 ? "noch 1 Wartemarke" : "noch \($0) Wartemarken" },
        remoteWaiting: { waiting, minutes in
            "\(WaitText.waiting(waiting)) · \(WaitText.estimate(minutes: minutes))"
        },
        remoteServiceLegend: { "Ihr Anliegen bei: \($0)" },
        remoteButton: "Wartemarke ziehen",
        remoteHaveOne: { "Sie haben schon eine Wartemarke: \($0)" },
        remoteHaveOneDetail: "Eine neue gibt es, wenn diese erledigt oder verfallen ist.",
        remoteOpenTicket: "Zu Ihrer Wartemarke",
        remoteLink: "Heute ohne Termin? Wartemarke online ziehen",
        remoteProblemTitle: "Keine Wartemarke",
        remoteChooseService: "Bitte wählen Sie Ihr Anliegen.",
        remoteGone: "Für heute sind alle Wartemarken aus dem Internet für dieses Anliegen vergeben.",
        remoteClosedNow: "Wartemarken aus dem Internet gibt es jetzt nicht. Bitte ziehen Sie eine am Automaten im Amt."
    )

    private static let germanStatus: @Sendable (TicketView) -> Status = { view in
        let counter = view.counterName ?? "Ihrem Schalter"
        let notification = "Nummer \(view.number): Bitte zu \(counter)"
        func waiting() -> String {
            if let time = view.appointmentTime {
                return "Sie haben einen Termin um \(time) Uhr und werden zu Ihrer Terminzeit aufgerufen."
            }
            if view.isSoon { return "Bitte kommen Sie jetzt in den Wartebereich." }
            return
                "Voraussichtlich gegen \(view.expectedAt) Uhr an der Reihe. Bitte seien Sie spätestens um \(view.backBy) Uhr zurück im Wartebereich."
        }
        func headline() -> String {
            if view.appointmentTime != nil { return "Termin um \(view.appointmentTime ?? "") Uhr" }
            return view.ahead <= 0 ? "Sie sind als Nächstes dran" : "Noch \(view.ahead) vor Ihnen"
        }
        switch view.status {
        case .waiting:
            return Status(headline: headline(), detail: waiting(), isCall: false, notification: notification)
        case .awaitingArrival:
            return Status(
                headline: "Bitte bestätigen Sie Ihre Ankunft bis \(view.arriveBy ?? "") Uhr",
                detail: "\(headline()). \(waiting()) Bestätigen Sie vorher Ihre Ankunft am Wartemarkenautomaten.",
                isCall: false, notification: notification)
        case .called:
            let again = view.recalls > 0 ? "\(view.recalls + 1). Aufruf: " : ""
            return Status(
                headline: "\(again)Bitte zu \(counter)",
                detail:
                    "Ihre Nummer \(view.number) wurde um \(view.calledAt ?? "") Uhr aufgerufen. Bitte gehen Sie jetzt zu \(counter).",
                isCall: true, notification: notification)
        case .serving:
            return Status(
                headline: "Sie werden bedient", detail: "Sie sind an \(counter).", isCall: false,
                notification: notification)
        case .parked:
            return Status(
                headline: "Zurückgestellt",
                detail:
                    "Ihre Wartemarke wurde am Schalter zurückgestellt. Sie werden erneut aufgerufen; bitte bleiben Sie im Wartebereich.",
                isCall: false, notification: notification)
        case .done:
            return Status(
                headline: "Erledigt", detail: "Vielen Dank für Ihren Besuch.", isCall: false,
                notification: notification)
        case .noShow:
            return Status(
                headline: "Nicht erschienen",
                detail:
                    "Ihre Nummer wurde aufgerufen, Sie waren aber nicht am Schalter. Bitte ziehen Sie eine neue Wartemarke.",
                isCall: false, notification: notification)
        case .passedOver:
            return Status(
                headline: "Ankunft nicht rechtzeitig bestätigt",
                detail:
                    "Ihre Ankunft wurde nicht bis \(view.arriveBy ?? "") Uhr am Wartemarkenautomaten bestätigt; die Wartemarke ist verfallen. Bitte ziehen Sie im Amt eine neue.",
                isCall: false, notification: notification)
        case .expired:
            return Status(
                headline: "Abgelaufen", detail: "Diese Wartemarke galt am \(view.day).", isCall: false,
                notification: notification)
        }
    }
}

extension TicketWords {
    /// English.
    package static let english = TicketWords(
        language: .english,
        title: { "Ticket \($0)" },
        numberLabel: "Your number",
        aheadLabel: "Ahead of you",
        waitLabel: "Estimated wait",
        issuedLabel: "Taken at",
        asOfLabel: "As of",
        ahead: { $0 <= 0 ? "nobody" : $0 == 1 ? "1 person" : "\($0) people" },
        wait: { $0 <= 0 ? "no wait" : $0 < 120 ? "about \($0) min" : "about \(($0 + 30) / 60) h" },
        arrivalHeading: "Confirm your arrival",
        arrivalCodeLabel: "Your arrival code",
        arrivalHint: {
            "Show this code to the scanner of the ticket machine, or type it there under “I have an appointment”, by \($0) at the latest. Only then can you be called."
        },
        arrivalQRLabel: { "Arrival code \($0), to scan at the ticket machine" },
        alertsHeading: "When you are called",
        soundButton: "Sound on",
        soundOnButton: "Sound is on",
        soundHint:
            "Browsers play sound only after you have tapped the page. Tap “Sound on” once: a chime sounds and the phone vibrates when your number is called.",
        notifyButton: "Notify me",
        notifyOnButton: "Notifications are on",
        notifyHint: "With “Notify me” your phone alerts you even while this page is in the background.",
        notifyBlocked: "Notifications are switched off in your browser.",
        keepOpenHint:
            "Keep this page open. Some phones pause pages in the background after a while, so look in again in good time.",
        refreshLink: "Refresh now",
        reloadNote: "This page reloads every 30 seconds.",
        liveNote: "This page updates by itself.",
        connectionLost: "Connection lost – reconnecting …",
        privacyNote:
            "This page holds no personal data: whoever has the link sees only your number and your place in line.",
        slipQRHint: "Follow your place in line on your phone: scan the code.",
        notFoundTitle: "Ticket not found",
        notFoundDetail:
            "There is no ticket at this address. Please scan the code on your ticket again, or ask in the waiting area.",
        slipQRLabel: { "Follow ticket \($0) on your phone" },
        bookingQRLabel: { "QR code of booking reference \($0)" },
        bookingQRHint: "To check in, hold this code to the scanner of the ticket machine.",
        statusWords: englishStatus,
        remoteTitle: "Take a ticket online",
        remoteIntro:
            "Coming in today without an appointment? Take a ticket for today here and follow on your phone when it is your turn.",
        remoteSteps: [
            "Choose what you come for and take the ticket. You get a page with your number, your place in line and the estimated wait.",
            "Come to the office in time and confirm your arrival at the ticket machine with the code on that page. Only then can you be called; you keep your place.",
            "A ticket whose arrival is not confirmed by the time given is passed over.",
        ],
        remoteNoData: "We ask for no personal data. Each browser can hold one ticket at a time.",
        remoteWindow: { "Tickets online today from \($0) to \($1)." },
        remoteClosed: { "No tickets online at the moment (today from \($0) to \($1))." },
        remoteNone: "No office hands out tickets online at the moment.",
        remoteLeft: { $0 <= 0 ? "none left today" : $0 == 1 ? "1 ticket left" : "\($0) tickets left" },
        remoteWaiting: { waiting, minutes in
            "\(max(0, waiting)) waiting · \(minutes <= 0 ? "no wait" : "about \(minutes) min")"
        },
        remoteServiceLegend: { "What you come for at: \($0)" },
        remoteButton: "Take ticket",
        remoteHaveOne: { "You already have a ticket: \($0)" },
        remoteHaveOneDetail: "You can take a new one once it is done or has expired.",
        remoteOpenTicket: "Go to your ticket",
        remoteLink: "No appointment today? Take a ticket online",
        remoteProblemTitle: "No ticket",
        remoteChooseService: "Please choose what you come for.",
        remoteGone: "All online tickets for this service are taken for today.",
        remoteClosedNow: "No tickets online right now. Please take one at the ticket machine in the office."
    )

    private static let englishStatus: @Sendable (TicketView) -> Status = { view in
        let counter = view.counterName ?? "your counter"
        let notification = "Number \(view.number): please go to \(counter)"
        func waiting() -> String {
            if let time = view.appointmentTime {
                return "You have an appointment at \(time) and will be called at that time."
            }
            if view.isSoon { return "Please come to the waiting area now." }
            return "Expected around \(view.expectedAt). Please be back in the waiting area by \(view.backBy)."
        }
        func headline() -> String {
            if let time = view.appointmentTime { return "Appointment at \(time)" }
            return view.ahead <= 0 ? "You are next" : "\(view.ahead) ahead of you"
        }
        switch view.status {
        case .waiting:
            return Status(headline: headline(), detail: waiting(), isCall: false, notification: notification)
        case .awaitingArrival:
            return Status(
                headline: "Please confirm your arrival by \(view.arriveBy ?? "")",
                detail: "\(headline()). \(waiting()) Confirm your arrival at the ticket machine before that.",
                isCall: false, notification: notification)
        case .called:
            let again = view.recalls > 0 ? "Called again: " : ""
            return Status(
                headline: "\(again)Please go to \(counter)",
                detail: "Your number \(view.number) was called at \(view.calledAt ?? ""). Please go to \(counter) now.",
                isCall: true, notification: notification)
        case .serving:
            return Status(
                headline: "You are being served", detail: "You are at \(counter).", isCall: false,
                notification: notification)
        case .parked:
            return Status(
                headline: "On hold",
                detail:
                    "Your ticket was set aside at the counter. You will be called again; please stay in the waiting area.",
                isCall: false, notification: notification)
        case .done:
            return Status(
                headline: "Done", detail: "Thank you for your visit.", isCall: false, notification: notification)
        case .noShow:
            return Status(
                headline: "Missed",
                detail: "Your number was called but you were not at the counter. Please take a new ticket.",
                isCall: false, notification: notification)
        case .passedOver:
            return Status(
                headline: "Arrival not confirmed in time",
                detail:
                    "Your arrival was not confirmed at the ticket machine by \(view.arriveBy ?? ""); the ticket has lapsed. Please take a new one at the office.",
                isCall: false, notification: notification)
        case .expired:
            return Status(
                headline: "Expired", detail: "This ticket was for \(view.day).", isCall: false,
                notification: notification)
        }
    }
}
