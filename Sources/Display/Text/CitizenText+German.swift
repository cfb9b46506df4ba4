extension CitizenText {
    /// Deutsch: the language of the pages at `/`.
    package static let german = CitizenText(
        languageName: "Deutsch",
        languageNavigation: "Sprache",
        siteTitle: "Termine im Bürgerbüro",
        skipLink: "Zum Inhalt springen",
        step: { "Schritt \($0) von \($1)" },
        stepNames: ["Anliegen", "Unterlagen und Ort", "Tag und Uhrzeit", "Ihre Angaben", "Prüfen und buchen"],
        accessibilityLink: "Erklärung zur Barrierefreiheit",
        hotlineNote: "Termine auch telefonisch: 115",
        demoNote: "Demo-Stadt, keine echten Termine",
        errorTitlePrefix: "Fehler: ",
        errorPrefix: "Fehler: ",
        errorSummaryTitle: "Bitte prüfen Sie Ihre Angaben",
        startOverButton: "Zur Terminvereinbarung",

        servicesTitle: "Anliegen wählen",
        servicesHeading: "Wofür brauchen Sie einen Termin?",
        servicesIntro:
            "Wählen Sie eine oder mehrere Dienstleistungen. Was Sie zusammen wählen, erledigen wir in einem Termin.",
        minutesPerPerson: { "etwa \($0) Minuten je Person" },
        byPhoneOnly: "Termin nur telefonisch über die 115",
        byDraw: "Die Termine werden unter allen Angemeldeten verlost.",
        personsQuestion: "Für wie viele Personen?",
        personsHint: "Zum Beispiel Eltern, die mit ihren Kindern kommen und alle einen Ausweis brauchen.",
        continueButton: "Weiter",
        serviceMissing: "Wählen Sie mindestens eine Dienstleistung aus.",
        serviceUnknown: "Diese Dienstleistung gibt es nicht. Wählen Sie bitte aus der Liste.",
        tooManyPersons: {
            "„\($0)“ ist für höchstens \($1) Personen in einem Termin möglich. Wählen Sie weniger Personen oder buchen Sie einen zweiten Termin."
        },

        selectionTitle: "Unterlagen und Ort",
        selectionHeading: "Unterlagen, Gebühren und Ort",
        chosenHeading: "Ihr Anliegen",
        personsAndDuration: { persons, minutes in
            (persons == 1 ? "Für 1 Person" : "Für \(persons) Personen") + ", Dauer etwa \(minutes) Minuten."
        },
        changeServices: "Auswahl ändern",
        documentsHeading: "Bitte bringen Sie mit",
        noDocuments: "Sie brauchen keine Unterlagen.",
        feesHeading: "Gebühren",
        feeUnknown: "Die Gebühr richtet sich nach Ihrem Anliegen; Sie erfahren sie am Schalter.",
        feeFree: "Gebührenfrei.",
        feeForPersons: { "für \($0) Personen" },
        feePayment: "Sie zahlen beim Termin.",
        officeQuestion: "Wo möchten Sie hin?",
        earliestLabel: "Frühester Termin",
        noFreeTimes: "Zurzeit keine freien Termine",
        noOfficeTitle: "Kein Standort bietet alles zusammen an",
        noOfficeDetail:
            "Diese Dienstleistungen gibt es an keinem Standort in einem Termin. Buchen Sie sie bitte einzeln.",
        showTimesButton: "Freie Zeiten anzeigen",
        officeMissing: "Wählen Sie einen Standort aus.",

        timesTitle: "Tag und Uhrzeit wählen",
        holdHint: { "Die Uhrzeit, die Sie wählen, ist dann \($0) Minuten für Sie reserviert." },
        daysHeading: "Tage mit freien Zeiten",
        timesCount: { $0 == 1 ? "1 freie Zeit" : "\($0) freie Zeiten" },
        noDaysInRange: "In diesem Zeitraum ist leider nichts frei.",
        earlierDays: "Frühere Tage",
        laterDays: "Spätere Tage",
        timesOn: { "Freie Zeiten am \($0)" },
        morning: "Vormittags",
        afternoon: "Nachmittags",
        timeSuffix: { " Uhr, \($0)" },
        noTimesHeading: "Keine freien Zeiten",
        noTimesDetail: "Schauen Sie bei den späteren Tagen oder wählen Sie einen anderen Standort.",
        nextTimesHeading: "Die nächsten freien Zeiten",
        otherOffice: "Anderen Standort wählen",
        takenTitle: "Diese Zeit ist leider schon vergeben",
        takenDetail: { "Jemand anderes hat \($0) gerade gebucht. Wählen Sie bitte eine der nächsten freien Zeiten." },
        takenNoneDetail: "Jemand anderes hat diese Zeit gerade gebucht. Wählen Sie bitte eine andere Zeit.",

        contactTitle: "Ihre Angaben",
        contactHeading: "Ihre Angaben",
        heldHeading: "Für Sie reserviert",
        heldUntil: { "Wir halten diese Zeit bis \($0) für Sie frei." },
        extendButton: "Reservierung verlängern",
        releaseButton: "Andere Zeit wählen",
        extensionsLeft: { left, minutes in
            switch left {
            case 0: "Die Reservierung kann nicht mehr verlängert werden."
            case 1: "Sie können noch einmal verlängern; dann gilt sie wieder \(minutes) Minuten."
            default: "Sie können noch \(left)-mal verlängern; jedes Mal gilt sie wieder \(minutes) Minuten."
            }
        },
        holdActionsTitle: "Mehr Zeit nötig oder eine andere Uhrzeit?",
        countdownLeft: "(noch %s Minuten)",
        holdWarning:
            "Ihre Reservierung läuft in 2 Minuten ab. Wenn Sie mehr Zeit brauchen, wählen Sie unten „Reservierung verlängern“.",
        holdExpired:
            "Die Reservierung ist abgelaufen. Sie können trotzdem weitermachen: Ist die Zeit noch frei, buchen wir sie.",
        extendedNotice: { "Reservierung verlängert bis \($0)." },
        nameLabel: "Vor- und Nachname",
        reachLegend: "So erreichen wir Sie",
        reachHint:
            "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie bei Änderungen erreichen.",
        emailLabel: "E-Mail-Adresse",
        phoneLabel: "Telefonnummer",
        privacyNote: { "Wir verwenden Ihre Angaben nur für diesen Termin und löschen sie \($0) Tage danach." },
        reviewButton: "Weiter zur Prüfung",
        nameMissing: "Geben Sie Ihren Vor- und Nachnamen ein.",
        nameTooLong: "Der Name ist zu lang. Geben Sie höchstens 200 Zeichen ein.",
        nameInvalid: "Geben Sie Ihren Namen in Buchstaben ein, ohne Sonderzeichen wie Zeilenumbrüche.",
        contactMissing:
            "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, zum Beispiel name@beispiel.de oder 0431 123456.",
        emailInvalid: "Geben Sie die E-Mail-Adresse in der Form name@beispiel.de ein.",
        phoneInvalid: "Geben Sie eine Telefonnummer mit 5 bis 20 Ziffern ein, zum Beispiel 0431 123456.",
        reviewTitle: "Prüfen und buchen",
        reviewHeading: "Bitte prüfen Sie Ihre Angaben",
        contactSummaryHeading: "Ihre Kontaktdaten",
        bookingTerms:
            "Mit „Verbindlich buchen“ ist der Termin für Sie gebucht. Bis zum Beginn können Sie ihn verschieben oder absagen.",
        bookButton: "Verbindlich buchen",
        changeDetails: "Angaben ändern",
        whenLabel: "Wann",
        whereLabel: "Wo",
        servicesLabel: "Anliegen",
        personsLabel: "Personen",
        holdGoneTitle: "Diese Reservierung gibt es nicht mehr",
        holdGoneDetail:
            "Sie ist abgelaufen oder wurde schon gebucht. Wählen Sie bitte noch einmal eine Zeit.",
        expiredTakenTitle: "Die Reservierung ist abgelaufen, und die Zeit ist vergeben",

        bookedHeading: "Ihr Termin ist gebucht",
        bookingHeading: "Ihr Termin",
        cancelledHeading: "Dieser Termin ist abgesagt",
        bookedNoticeTitle: "Bitte speichern Sie diese Seite",
        bookedNoticeDetail:
            "Über die Adresse dieser Seite können Sie den Termin ansehen, verschieben oder absagen: Legen Sie ein Lesezeichen an oder drucken Sie die Seite.",
        movedNoticeTitle: "Termin verschoben",
        movedNoticeDetail: "Ihr Termin hat jetzt die unten genannte Zeit. Die alte Zeit ist wieder frei.",
        cancelledNoticeTitle: "Termin abgesagt",
        cancelledNoticeDetail: "Die Zeit ist wieder frei für andere. Danke, dass Sie abgesagt haben.",
        referenceLabel: "Buchungsnummer",
        referenceHint: "Nennen Sie sie am Schalter oder tippen Sie sie am Wartemarkenautomaten ein.",
        manageHeading: "Termin verwalten",
        keepLinkHint:
            "Die Adresse dieser Seite ist Ihr Zugang zum Termin. Legen Sie ein Lesezeichen an und geben Sie sie nicht weiter.",
        calendarButton: "In den Kalender (.ics)",
        moveButton: "Termin verschieben",
        cancelButton: "Termin absagen",
        printButton: "Drucken",
        notChangeable: "Der Termin hat begonnen oder ist vorbei. Er kann nicht mehr geändert werden.",
        newBookingButton: "Neuen Termin buchen",
        cancelQuestion: "Termin wirklich absagen?",
        cancelExplanation: "Wenn Sie absagen, wird die Zeit für andere frei. Das lässt sich nicht rückgängig machen.",
        cancelConfirmButton: "Ja, Termin absagen",
        cancelBackButton: "Nein, zurück",
        moveTitle: "Termin verschieben",
        currentTime: "Bisher",
        moveKeepsOld: "Ihr bisheriger Termin bleibt bestehen, bis die neue Zeit gebucht ist.",
        backToBooking: "Zurück zum Termin",
        bookingGoneTitle: "Diesen Termin finden wir nicht",
        bookingGoneDetail:
            "Prüfen Sie, ob Sie die Adresse aus Ihrer Bestätigung vollständig geöffnet haben. Oder rufen Sie die 115 an.",

        pageNotFoundTitle: "Diese Seite gibt es nicht",
        pageNotFoundDetail:
            "Vielleicht ist die Adresse falsch geschrieben oder veraltet. Beginnen Sie auf der Startseite der Terminvereinbarung, oder rufen Sie die 115 an.",
        feeRange: { "\($0) bis \($1)" },
        documentFor: { "für: \($0)" },
        places: .german,
        room: .german,
        draw: .german,

        formRefusedTitle: "Das Formular ist abgelaufen",
        formRefusedDetail:
            "Aus Sicherheitsgründen nehmen wir nur Formulare an, die von dieser Website stammen. Laden Sie die Seite neu und senden Sie das Formular noch einmal. Ihr Browser muss dafür Cookies dieser Website erlauben.",
        reloadButton: "Zur Terminvereinbarung",
        problems: [
            "slot-unavailable": (
                "Diese Zeit ist leider schon vergeben", "Wählen Sie bitte eine andere Zeit."
            ),
            "hold-expired": (
                "Die Reservierung ist abgelaufen", "Wählen Sie bitte noch einmal eine Zeit."
            ),
            "hold-extension-limit": (
                "Die Reservierung kann nicht mehr verlängert werden",
                "Buchen Sie jetzt, oder wählen Sie danach eine neue Zeit."
            ),
            "limit-reached": (
                "Sie haben schon Termine für diese Dienstleistung",
                "Mit dieser E-Mail-Adresse oder Telefonnummer sind schon so viele Termine gebucht, wie erlaubt sind. Sagen Sie einen ab, bevor Sie einen neuen buchen."
            ),
            "outside-booking-window": (
                "Diese Zeit kann nicht gebucht werden",
                "Sie liegt zu früh oder zu weit in der Zukunft. Wählen Sie bitte eine Zeit aus der Liste."
            ),
            "start-not-offered": (
                "Diese Zeit wird nicht angeboten", "Wählen Sie bitte eine Zeit aus der Liste."
            ),
            "service-not-offered": (
                "Nicht an diesem Standort", "Wählen Sie bitte einen anderen Standort."
            ),
            "services-not-combinable": (
                "Nicht in einem Termin möglich", "Buchen Sie diese Dienstleistungen bitte einzeln."
            ),
            "service-not-bookable-online": (
                "Nur telefonisch buchbar", "Diesen Termin vereinbaren Sie bitte über die 115."
            ),
            "unknown-service": (
                "Diese Dienstleistung gibt es nicht", "Wählen Sie bitte aus der Liste."
            ),
            "booking-cancelled": (
                "Der Termin ist abgesagt", "Ein abgesagter Termin kann nicht mehr geändert werden."
            ),
            "booking-started": (
                "Der Termin hat begonnen", "Er kann nicht mehr verschoben oder abgesagt werden."
            ),
            "by-draw": (
                "Termine werden verlost",
                "Für diese Dienstleistung werden die Termine unter allen Angemeldeten verlost."
            ),
            "admission-required": (
                "Bitte stellen Sie sich im Warteraum an",
                "Für diese Dienstleistung werden die Termine gerade über einen Warteraum vergeben. Wenn Sie dran sind, wählen Sie dort eine Zeit."
            ),
            "admission-invalid": (
                "Ihr Einlass ist abgelaufen",
                "Die Zeit, in der Sie nach dem Warteraum eine Uhrzeit reservieren konnten, ist vorbei. Stellen Sie sich bitte erneut an."
            ),
            "waiting-room-not-open": (
                "Der Warteraum ist noch nicht geöffnet", "Er öffnet kurz vor der Freigabe der Termine."
            ),
            "waiting-room-closed": (
                "Der Warteraum ist geschlossen", "Die Termine werden wieder wie gewohnt vergeben."
            ),
            "registration-closed": (
                "Die Anmeldung ist geschlossen", "Die Termine dieser Verlosung sind schon verlost."
            ),
            "already-registered": (
                "Sie sind schon angemeldet",
                "Mit dieser E-Mail-Adresse oder Telefonnummer ist schon jemand für diese Verlosung angemeldet. Jede Person kann sich nur einmal anmelden."
            ),
            "not-found": (
                "Das gibt es nicht (mehr)", "Prüfen Sie die Adresse, oder beginnen Sie auf der Startseite."
            ),
            "rate-limited": (
                "Zu viele Anfragen", "Warten Sie bitte einen Moment und versuchen Sie es dann noch einmal."
            ),
            "overloaded": (
                "Gerade sehr viel los", "Versuchen Sie es bitte in ein paar Sekunden noch einmal."
            ),
            "precondition-failed": (
                "Der Termin wurde inzwischen geändert", "Laden Sie die Seite neu und versuchen Sie es noch einmal."
            ),
        ],
        problemFallback: (
            "Das hat leider nicht geklappt",
            "Es ist ein Fehler aufgetreten; es wurde nichts geändert. Versuchen Sie es bitte noch einmal oder rufen Sie die 115 an."
        )
    )
}
