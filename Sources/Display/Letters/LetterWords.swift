/// The words of the messages to citizens, German and English, in one place: `LetterText` puts
/// them together. Dates and amounts come from `DateText`, as on the pages.
package struct LetterWords: Sendable {
    /// „Guten Tag Erika Mustermann,".
    var greeting: @Sendable (String) -> String
    var closing: String
    var automatic: String
    var subjects: @Sendable (Letter.Kind, _ when: String, _ reference: String) -> String
    /// The first paragraph, by kind and cause.
    var opening: @Sendable (Letter) -> String
    var referenceLabel: String
    var whenLabel: String
    var whereLabel: String
    var servicesLabel: String
    var previousLabel: String
    var persons: @Sendable (Int) -> String
    var referenceHint: String
    var documentsHeading: String
    var noDocuments: String
    var feeLabel: String
    var feeUnknown: String
    var feeFree: String
    var feeForPersons: @Sendable (Int) -> String
    var feePayment: String
    var manageLabel: String
    var moveLabel: String
    var cancelLabel: String
    var confirmLabel: String
    var bookAgainLabel: String
    var linksPrivate: String
    var noLinks: String
    var calendarInvitation: String
    var calendarUpdate: String
    var calendarCancel: String
    var reminderCantCome: String
    var requestIgnore: String
    var reason: @Sendable (Letter.Reason) -> String
    var sorry: String
}

extension LetterWords {
    static let german = LetterWords(
        greeting: { "Guten Tag \($0)," },
        closing: "Mit freundlichen Grüßen",
        automatic: "Diese E-Mail wurde automatisch versandt.",
        subjects: { kind, when, reference in
            switch kind {
            case .confirmation: "Terminbestätigung \(reference): \(when)"
            case .confirmationRequest: "Bitte bestätigen Sie Ihren Termin am \(when)"
            case .reminder: "Erinnerung an Ihren Termin am \(when) (\(reference))"
            case .moved: "Ihr Termin \(reference) ist verschoben: jetzt \(when)"
            case .cancelled: "Ihr Termin am \(when) ist abgesagt (\(reference))"
            case .released: "Ihr Termin am \(when) wurde nicht bestätigt und ist freigegeben"
            }
        },
        opening: { letter in
            switch (letter.kind, letter.cause) {
            case (.confirmation, _): "Ihr Termin ist gebucht. Hier ist alles, was Sie dafür brauchen."
            case (.confirmationRequest, _):
                "Sie haben einen Termin reserviert. Er gilt erst, wenn Sie ihn über den Link unten bestätigen"
                    + (letter.confirmBy.map { " – bis \(LetterText.moment($0, .german))" } ?? "")
                    + ". Ohne Bestätigung wird die Zeit wieder für andere freigegeben."
            case (.reminder, _): "wir erinnern Sie an Ihren Termin."
            case (.moved, .configuration?):
                "wir mussten Ihren Termin leider verschieben"
                    + (letter.reason.map { ", weil \(LetterWords.germanReason($0))" } ?? "") + "."
            case (.moved, .staff?): "Ihr Termin wurde wie besprochen verschoben."
            case (.moved, _): "Sie haben Ihren Termin verschoben."
            case (.cancelled, .configuration?):
                "wir mussten Ihren Termin leider absagen"
                    + (letter.reason.map { ", weil \(LetterWords.germanReason($0))" } ?? "") + "."
            case (.cancelled, .staff?): "Ihr Termin wurde abgesagt."
            case (.cancelled, _): "Sie haben Ihren Termin abgesagt. Danke: So bekommt jemand anderes die Zeit."
            case (.released, _):
                "Sie haben Ihren Termin nicht"
                    + (letter.confirmBy.map { " bis \(LetterText.moment($0, .german))" } ?? "")
                    + " bestätigt. Die Zeit ist deshalb wieder frei für andere."
            }
        },
        referenceLabel: "Buchungsnummer",
        whenLabel: "Wann",
        whereLabel: "Wo",
        servicesLabel: "Anliegen",
        previousLabel: "Bisher",
        persons: { $0 == 1 ? "1 Person" : "\($0) Personen" },
        referenceHint:
            "Nennen Sie die Buchungsnummer am Schalter oder tippen Sie sie am Wartemarkenautomaten ein.",
        documentsHeading: "Bitte mitbringen:",
        noDocuments: "Sie brauchen keine Unterlagen mitzubringen.",
        feeLabel: "Gebühr",
        feeUnknown: "Die Gebühr richtet sich nach Ihrem Anliegen; Sie erfahren sie am Schalter.",
        feeFree: "gebührenfrei.",
        feeForPersons: { "für \($0) Personen" },
        feePayment: "Sie zahlen beim Termin.",
        manageLabel: "Termin ansehen",
        moveLabel: "Termin verschieben",
        cancelLabel: "Termin absagen",
        confirmLabel: "Termin bestätigen",
        bookAgainLabel: "Neuen Termin buchen",
        linksPrivate: "Bitte geben Sie diese E-Mail nicht weiter: Die Links öffnen Ihren Termin.",
        noLinks: "Ihren Termin verwalten Sie über den Link aus Ihrer Terminbestätigung.",
        calendarInvitation: "Der Termin hängt für Ihren Kalender an (Termin.ics).",
        calendarUpdate: "Die neue Zeit hängt für Ihren Kalender an (Termin.ics); sie ersetzt die alte.",
        calendarCancel: "Ihr Kalenderprogramm kann den Termin mit dieser E-Mail entfernen.",
        reminderCantCome:
            "Wenn Sie nicht kommen können, sagen Sie bitte ab, damit jemand anderes die Zeit bekommt.",
        requestIgnore: "Wenn Sie diesen Termin nicht reserviert haben, müssen Sie nichts tun.",
        reason: germanReason,
        sorry: "Bitte entschuldigen Sie die Umstände."
    )

    static let english = LetterWords(
        greeting: { "Dear \($0)," },
        closing: "Kind regards",
        automatic: "This e-mail was sent automatically.",
        subjects: { kind, when, reference in
            switch kind {
            case .confirmation: "Appointment confirmed \(reference): \(when)"
            case .confirmationRequest: "Please confirm your appointment on \(when)"
            case .reminder: "Reminder: your appointment on \(when) (\(reference))"
            case .moved: "Your appointment \(reference) has moved: now \(when)"
            case .cancelled: "Your appointment on \(when) is cancelled (\(reference))"
            case .released: "Your appointment on \(when) was not confirmed and has been released"
            }
        },
        opening: { letter in
            switch (letter.kind, letter.cause) {
            case (.confirmation, _): "Your appointment is booked. Here is everything you need for it."
            case (.confirmationRequest, _):
                "You have reserved an appointment. It only counts once you confirm it with the link below"
                    + (letter.confirmBy.map { " – by \(LetterText.moment($0, .english))" } ?? "")
                    + ". Without a confirmation the time is released for others."
            case (.reminder, _): "This is a reminder of your appointment."
            case (.moved, .configuration?):
                "We had to move your appointment"
                    + (letter.reason.map { " because \(LetterWords.englishReason($0))" } ?? "") + "."
            case (.moved, .staff?): "Your appointment has been moved as agreed."
            case (.moved, _): "You have moved your appointment."
            case (.cancelled, .configuration?):
                "We had to cancel your appointment"
                    + (letter.reason.map { " because \(LetterWords.englishReason($0))" } ?? "") + "."
            case (.cancelled, .staff?): "Your appointment has been cancelled."
            case (.cancelled, _): "You have cancelled your appointment. Thank you: someone else can now have the time."
            case (.released, _):
                "You did not confirm your appointment"
                    + (letter.confirmBy.map { " by \(LetterText.moment($0, .english))" } ?? "")
                    + ", so the time has been released for others."
            }
        },
        referenceLabel: "Booking reference",
        whenLabel: "When",
        whereLabel: "Where",
        servicesLabel: "Services",
        previousLabel: "Before",
        persons: { $0 == 1 ? "1 person" : "\($0) people" },
        referenceHint: "Give the booking reference at the counter or type it in at the ticket machine.",
        documentsHeading: "Please bring:",
        noDocuments: "You do not need to bring any documents.",
        feeLabel: "Fee",
        feeUnknown: "The fee depends on your case; you will learn it at the counter.",
        feeFree: "free of charge.",
        feeForPersons: { "for \($0) people" },
        feePayment: "You pay at the appointment.",
        manageLabel: "View your appointment",
        moveLabel: "Move your appointment",
        cancelLabel: "Cancel your appointment",
        confirmLabel: "Confirm your appointment",
        bookAgainLabel: "Book a new appointment",
        linksPrivate: "Please do not forward this e-mail: its links open your appointment.",
        noLinks: "You can manage your appointment with the link in your confirmation.",
        calendarInvitation: "The appointment is attached for your calendar (Termin.ics).",
        calendarUpdate: "The new time is attached for your calendar (Termin.ics); it replaces the old one.",
        calendarCancel: "Your calendar program can remove the appointment with this e-mail.",
        reminderCantCome: "If you cannot come, please cancel, so that someone else can have the time.",
        requestIgnore: "If you did not reserve this appointment, you need not do anything.",
        reason: englishReason,
        sorry: "We apologise for the inconvenience."
    )

    /// Why a change moved or cancelled it, after „weil".
    static func germanReason(_ reason: Letter.Reason) -> String {
        switch reason {
        case .closed(let names):
            "der Standort an diesem Tag geschlossen ist" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
        case .hours: "sich die Öffnungszeiten des Standorts geändert haben"
        case .service: "Ihr Anliegen dort zu dieser Zeit nicht mehr bearbeitet wird"
        }
    }

    /// Why a change moved or cancelled it, after "because".
    static func englishReason(_ reason: Letter.Reason) -> String {
        switch reason {
        case .closed(let names):
            "the office is closed that day" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
        case .hours: "the office's opening hours have changed"
        case .service: "your service is no longer handled there at that time"
        }
    }
}
