extension WishText {
    /// Deutsch.
    package static let german = WishText(
        linkTitle: "Kein passender Termin frei?",
        linkDetail:
            "Hinterlassen Sie einen Terminwunsch. Wird ein Termin frei, der zu Ihrem Wunsch passt, bieten wir ihn Ihnen per E-Mail an – wer zuerst gewünscht hat, bekommt zuerst ein Angebot.",
        linkButton: "Terminwunsch hinterlassen",

        formTitle: "Terminwunsch hinterlassen",
        formIntro:
            "Sagen Sie uns, wann und wo ein Termin für Sie passt. Wird ein solcher Termin frei – weil jemand absagt oder neue Tage freigegeben werden –, bieten wir ihn Ihnen per E-Mail an. Die Reihenfolge richtet sich danach, wann Ihr Wunsch bestätigt wurde.",
        offerRule: {
            "Ein Angebot halten wir \($0) \($0 == 1 ? "Stunde" : "Stunden") für Sie frei. Sie buchen es mit einem Klick, oder Sie lehnen es ab; dann geht es an den nächsten Wunsch, und Ihr Wunsch wartet weiter."
        },
        officesLegend: "Welche Standorte passen?",
        officesHint: "Wählen Sie alle, die Sie erreichen können: Dann kommt ein Angebot schneller.",
        weekdaysLegend: "An welchen Tagen?",
        weekdayNames: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        timesLegend: "Zu welcher Tageszeit?",
        morningLabel: "Vormittags (Beginn vor 12 Uhr)",
        afternoonLabel: "Nachmittags (Beginn ab 12 Uhr)",
        earliestLabel: "Frühestens am",
        latestLabel: "Spätestens am",
        latestHint: { "Höchstens bis zum \($0). Danach endet Ihr Wunsch von selbst." },
        emailHint: "Dorthin schicken wir den Link zur Bestätigung und die Angebote.",
        privacyNote: {
            "Ihre Angaben nutzen wir nur für diesen Wunsch. Ziehen Sie ihn zurück, löschen wir sie sofort, sonst \($0) Tage nach seinem Ende."
        },
        submitButton: "Wunsch hinterlassen",
        officesMissing: "Wählen Sie mindestens einen Standort.",
        weekdaysMissing: "Wählen Sie mindestens einen Tag.",
        timesMissing: "Wählen Sie mindestens eine Tageszeit.",
        dateInvalid: "Geben Sie das Datum als TT.MM.JJJJ oder JJJJ-MM-TT ein.",
        datesReversed: "Das letzte Datum darf nicht vor dem ersten liegen und nicht vorbei sein.",
        emailMissing: "Geben Sie Ihre E-Mail-Adresse an: Angebote kommen per E-Mail.",

        sentTitle: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        sentDetail: {
            "Wir haben Ihnen eine E-Mail mit einem Link geschickt. Ihr Wunsch zählt, sobald Sie ihn damit bestätigt haben; der Link gilt \($0) Stunden. Keine E-Mail da? Sehen Sie auch im Spam-Ordner nach."
        },

        confirmTitle: "Terminwunsch bestätigen",
        confirmLead:
            "Bestätigen Sie, dass Sie diesen Wunsch hinterlassen haben. Ab dann zählt er, und Sie stehen in der Reihe.",
        confirmButton: "Wunsch bestätigen",
        confirmedTitle: "Danke, Ihr Wunsch ist bestätigt",
        confirmedDetail: "Wird ein passender Termin frei, schreiben wir Ihnen.",

        statusTitle: "Ihr Terminwunsch",
        statusLabel: "Stand",
        statusNames: [
            "unconfirmed": "Noch nicht bestätigt", "waiting": "Wartet auf einen passenden Termin", "booked": "Gebucht",
            "withdrawn": "Zurückgezogen", "ended": "Beendet",
        ],
        ahead: {
            $0 == 0
                ? "Sie sind für diese Dienstleistung als Nächstes an der Reihe."
                : "Vor Ihnen \($0 == 1 ? "wartet 1 Wunsch" : "warten \($0) Wünsche") für diese Dienstleistung."
        },
        confirmedAt: { "In der Reihe seit \($0)." },
        officesLabel: "Standorte",
        weekdaysLabel: "Tage",
        timesLabel: "Tageszeit",
        periodLabel: "Zeitraum",
        period: { "\($0) bis \($1)" },
        wholeDay: "ganztags",
        keepMailHint: "Bewahren Sie unsere E-Mail auf: Ihr Link öffnet diese Seite.",
        withdrawHeading: "Wunsch zurückziehen",
        withdrawExplanation:
            "Brauchen Sie keinen Termin mehr? Dann ziehen Sie Ihren Wunsch zurück. Ihre Angaben löschen wir sofort.",
        withdrawButton: "Wunsch zurückziehen",
        withdrawnTitle: "Ihr Wunsch ist zurückgezogen",
        withdrawnDetail: "Wir schicken Ihnen keine Angebote mehr; Ihre Angaben sind gelöscht.",
        bookedDetail: "Sie haben einen Termin gebucht; die Bestätigung kam per E-Mail.",
        endedDetail: "Ihr Wunsch ist beendet. Brauchen Sie noch einen Termin, hinterlassen Sie einen neuen Wunsch.",

        offerHeading: "Ein Termin für Sie",
        offerLead: {
            "Ein Termin ist frei geworden, der zu Ihrem Wunsch passt. Wir halten ihn bis \($0) für Sie frei; niemand sonst kann ihn so lange buchen."
        },
        bookButton: "Diesen Termin buchen",
        declineButton: "Ablehnen",
        declineHint: "Lehnen Sie ab, geht der Termin an den nächsten Wunsch; Ihr Wunsch wartet weiter.",
        declinedTitle: "Sie haben den Termin abgelehnt",
        declinedDetail: "Ihr Wunsch wartet weiter auf einen anderen passenden Termin.",
        toWishLink: "Zu Ihrem Terminwunsch",

        problems: [
            "no-wishes": (
                "Hier gibt es keine Terminwünsche",
                "Diese Termine werden verlost oder über einen Warteraum vergeben; dort gilt eine eigene Reihenfolge."
            ),
            "already-wishing": (
                "Sie haben schon einen Wunsch",
                "Für diese Dienstleistung wartet schon ein Wunsch mit Ihrer E-Mail-Adresse. Ändern können Sie ihn, indem Sie ihn über den Link in unserer E-Mail zurückziehen und neu hinterlassen."
            ),
            "too-many-wishes": (
                "Zu viele Wünsche",
                "Mit einer E-Mail-Adresse sind nur wenige Wünsche zugleich möglich. Ziehen Sie erst einen zurück."
            ),
            "wish-closed": ("Dieser Wunsch ist beendet", "Er wurde gebucht, zurückgezogen oder ist abgelaufen."),
            "wish-confirmation-expired": (
                "Der Link ist abgelaufen",
                "Ihr Wunsch wurde nicht rechtzeitig bestätigt. Hinterlassen Sie ihn bitte neu."
            ),
            "offer-expired": (
                "Dieses Angebot ist abgelaufen",
                "Der Termin wurde nicht rechtzeitig gebucht und ging an den nächsten Wunsch. Ihr Wunsch wartet weiter."
            ),
            "offer-closed": (
                "Dieses Angebot gilt nicht mehr",
                "Es wurde schon gebucht oder abgelehnt, oder der Wunsch wurde zurückgezogen."
            ),
            "not-found": (
                "Diesen Wunsch gibt es nicht",
                "Der Link ist unvollständig, oder der Wunsch wurde gelöscht. Kopieren Sie den Link vollständig aus der E-Mail."
            ),
        ])
}
