/// The words of a draw's pages: the registration form, the entry's page with its status (the time
/// won, the place on the waiting list) and the withdrawal.
package struct DrawText: Sendable {
    package var servicesLink: String
    package var formTitle: String
    package var formHeading: String
    package var slotsLabel: String
    /// The days whose times are drawn (first and last, worded).
    package var slotsValue: @Sendable (String, String) -> String
    package var closesLabel: String
    package var howItWorks: String
    package var priorityLegend: String
    package var priorityHint: String
    /// An option's place in the order (position, count).
    package var priorityPosition: @Sendable (Int, Int) -> String
    package var priorityMissing: String
    package var reachHint: String
    package var registerButton: String
    package var closedTitle: String
    /// Registration ended (date and time).
    package var closedDetail: @Sendable (String) -> String
    package var statusTitle: String
    package var statusLabel: String
    package var groupLabel: String
    package var registeredStatus: String
    /// The draw follows the deadline (date and time).
    package var registeredDetail: @Sendable (String) -> String
    package var registeredNoticeTitle: String
    package var registeredNoticeDetail: String
    package var wonStatus: String
    package var wonDetail: String
    /// The place on the waiting list.
    package var waitlistedStatus: @Sendable (Int) -> String
    package var waitlistedDetail: String
    package var withdrawnStatus: String
    package var withdrawnDetail: String
    package var withdrawnNoticeTitle: String
    package var keepLinkHint: String
    package var withdrawButton: String
    package var withdrawQuestion: String
    package var withdrawExplanation: String
    package var withdrawWonExplanation: String
    package var withdrawConfirmButton: String
    package var withdrawBackButton: String
    package var backToEntry: String
    package var entryGoneTitle: String
    package var entryGoneDetail: String

    /// Deutsch.
    package static let german = DrawText(
        servicesLink: "Zur Verlosung anmelden",
        formTitle: "Anmeldung zur Verlosung",
        formHeading: "Anmeldung zur Verlosung",
        slotsLabel: "Termine",
        slotsValue: { "\($0) bis \($1)" },
        closesLabel: "Anmeldung bis",
        howItWorks:
            "Nach dem Anmeldeschluss verlosen wir die Termine: zuerst unter allen der ersten Gruppe, dann unter der nächsten. Wer keinen Termin bekommt, kommt auf die Warteliste und rückt nach, wenn jemand absagt.",
        priorityLegend: "Zu welcher Gruppe gehören Sie?",
        priorityHint:
            "Die Gruppen kommen in dieser Reihenfolge an die Reihe. Wählen Sie die Gruppe, die für Sie gilt; zum Termin bringen Sie einen Nachweis mit.",
        priorityPosition: { "Gruppe \($0) von \($1)" },
        priorityMissing: "Wählen Sie Ihre Gruppe aus.",
        reachHint:
            "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an. Mit jeder kann sich nur eine Person anmelden.",
        registerButton: "Zur Verlosung anmelden",
        closedTitle: "Die Anmeldung ist geschlossen",
        closedDetail: { "Die Anmeldung endete am \($0); die Termine sind verlost." },
        statusTitle: "Ihre Anmeldung zur Verlosung",
        statusLabel: "Stand",
        groupLabel: "Gruppe",
        registeredStatus: "angemeldet",
        registeredDetail: {
            "Wir verlosen die Termine nach dem Anmeldeschluss am \($0). Schauen Sie danach wieder auf diese Seite."
        },
        registeredNoticeTitle: "Sie sind angemeldet",
        registeredNoticeDetail:
            "Bitte speichern Sie diese Seite: Über ihre Adresse sehen Sie nach der Verlosung, ob Sie einen Termin gewonnen haben. Wir schicken keine E-Mail. Legen Sie ein Lesezeichen an oder drucken Sie die Seite.",
        wonStatus: "gewonnen",
        wonDetail:
            "Sie haben einen Termin gewonnen. Bitte kommen Sie zu dieser Zeit und bringen Sie die Unterlagen mit.",
        waitlistedStatus: { "auf der Warteliste, Platz \($0)" },
        waitlistedDetail:
            "Sie haben diesmal keinen Termin bekommen. Sagt jemand ab, bekommt die erste Person auf der Warteliste den Termin; diese Seite zeigt ihn dann.",
        withdrawnStatus: "abgemeldet",
        withdrawnDetail: "Sie haben sich von der Verlosung abgemeldet.",
        withdrawnNoticeTitle: "Sie sind abgemeldet",
        keepLinkHint:
            "Die Adresse dieser Seite ist Ihr Zugang zur Anmeldung. Legen Sie ein Lesezeichen an und geben Sie sie nicht weiter.",
        withdrawButton: "Von der Verlosung abmelden",
        withdrawQuestion: "Wirklich abmelden?",
        withdrawExplanation: "Ihre Anmeldung gilt dann nicht mehr. Das lässt sich nicht rückgängig machen.",
        withdrawWonExplanation:
            "Ihr gewonnener Termin wird dann abgesagt und geht an die nächste Person auf der Warteliste. Das lässt sich nicht rückgängig machen.",
        withdrawConfirmButton: "Ja, abmelden",
        withdrawBackButton: "Nein, zurück",
        backToEntry: "Zurück zur Anmeldung",
        entryGoneTitle: "Diese Anmeldung finden wir nicht",
        entryGoneDetail:
            "Prüfen Sie, ob Sie die Adresse aus Ihrer Bestätigung vollständig geöffnet haben. Oder rufen Sie die 115 an."
    )

    /// English.
    package static let english = DrawText(
        servicesLink: "Register for the lottery",
        formTitle: "Register for the lottery",
        formHeading: "Register for the lottery",
        slotsLabel: "Appointments",
        slotsValue: { "\($0) to \($1)" },
        closesLabel: "Registration until",
        howItWorks:
            "After registration closes we draw the appointments: first among everyone in the first group, then in the next. Whoever gets no appointment goes on the waiting list and moves up when someone cancels.",
        priorityLegend: "Which group do you belong to?",
        priorityHint:
            "The groups take their turn in this order. Choose the group that applies to you; bring proof of it to the appointment.",
        priorityPosition: { "Group \($0) of \($1)" },
        priorityMissing: "Choose your group.",
        reachHint: "Give an email address or a phone number. Each can be used by one person only.",
        registerButton: "Register for the lottery",
        closedTitle: "Registration has closed",
        closedDetail: { "Registration ended on \($0); the appointments have been drawn." },
        statusTitle: "Your lottery registration",
        statusLabel: "Status",
        groupLabel: "Group",
        registeredStatus: "registered",
        registeredDetail: {
            "We draw the appointments after registration closes on \($0). Please look at this page again afterwards."
        },
        registeredNoticeTitle: "You are registered",
        registeredNoticeDetail:
            "Please keep this page: its address shows you after the draw whether you have won an appointment. We do not send an email. Bookmark or print the page.",
        wonStatus: "won",
        wonDetail: "You have won an appointment. Please come at this time and bring the documents.",
        waitlistedStatus: { "on the waiting list, place \($0)" },
        waitlistedDetail:
            "You did not get an appointment this time. When someone cancels, the first person on the waiting list gets the appointment; this page then shows it.",
        withdrawnStatus: "withdrawn",
        withdrawnDetail: "You have withdrawn from the lottery.",
        withdrawnNoticeTitle: "You have withdrawn",
        keepLinkHint:
            "The address of this page is your access to the registration. Bookmark it and do not pass it on.",
        withdrawButton: "Withdraw from the lottery",
        withdrawQuestion: "Withdraw for good?",
        withdrawExplanation: "Your registration will no longer count. This cannot be undone.",
        withdrawWonExplanation:
            "The appointment you won will be cancelled and go to the next person on the waiting list. This cannot be undone.",
        withdrawConfirmButton: "Yes, withdraw",
        withdrawBackButton: "No, go back",
        backToEntry: "Back to the registration",
        entryGoneTitle: "We cannot find this registration",
        entryGoneDetail: "Check that you opened the whole address from your confirmation. Or call 115."
    )
}
