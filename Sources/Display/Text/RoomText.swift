/// The words of releases and waiting rooms: the note on the times page (when new times come, the
/// room before them) and the room's own page. Times and dates come in worded
/// („Montag, 7. Dezember 2026, 07:00 Uhr").
package struct RoomText: Sendable {
    // MARK: On the times page
    package var releaseHeading: String
    /// When the next times are released (date and time) and the last day they open.
    package var releaseNote: @Sendable (String, String) -> String
    package var roomHeading: String
    /// A room opens before the release (date and time it opens).
    package var roomOpens: @Sendable (String) -> String
    /// The room is open before the release (its clock time).
    package var roomOpenEarly: @Sendable (String) -> String
    package var roomOpen: String
    /// Admitted until a clock time.
    package var roomAdmitted: @Sendable (String) -> String
    package var roomButton: String

    // MARK: The room's page
    package var title: String
    /// What the room does: the release (date and time), admitted per minute, minutes per admission.
    package var howItWorks: @Sendable (String, Int, Int) -> String
    package var howHeading: String
    package var joinTitle: String
    package var joinButton: String
    package var notOpenTitle: String
    package var notOpenDetail: @Sendable (String) -> String
    package var waitingTitle: String
    /// Joined before the release (its clock time): the place is drawn then.
    package var waitingDetail: @Sendable (String) -> String
    package var queuedTitle: String
    package var queuedDetail: String
    package var placeLabel: String
    package var admissionLabel: String
    /// The expected admission: a clock time and the minutes until then.
    package var admissionValue: @Sendable (String, Int) -> String
    /// What the live region says when the place or the expected time changes: the place, the time.
    package var queuedAnnouncement: @Sendable (Int, String) -> String
    package var admittedTitle: String
    /// Admitted until a clock time; the hold's minutes.
    package var admittedDetail: @Sendable (String, Int) -> String
    package var continueButton: String
    package var expiredTitle: String
    package var expiredDetail: String
    package var rejoinButton: String
    package var closedTitle: String
    package var closedDetail: String
    package var closedButton: String
    package var refreshNote: String
    package var refreshButton: String
    package var cookieNote: String
    package var backToTimes: String

    /// Deutsch.
    package static let german = RoomText(
        releaseHeading: "Neue Termine",
        releaseNote: { "Termine bis \($1), werden am \($0) freigegeben." },
        roomHeading: "Warteraum",
        roomOpens: {
            "Vor der Freigabe öffnet am \($0) ein Warteraum. Wer vor der Freigabe eintritt, bekommt einen zufällig gelosten Platz: Früh da zu sein bringt keinen Vorteil."
        },
        roomOpenEarly: {
            "Der Warteraum ist schon geöffnet. Wer bis \($0) eintritt, bekommt dann einen zufällig gelosten Platz: Früh da zu sein bringt keinen Vorteil, Sie können aber jetzt schon eintreten."
        },
        roomOpen:
            "Die Termine werden gerade über einen Warteraum vergeben. Stellen Sie sich dort an; wenn Sie dran sind, wählen Sie hier eine Uhrzeit.",
        roomAdmitted: { "Sie sind aus dem Warteraum eingelassen: Wählen Sie bis \($0) eine Uhrzeit." },
        roomButton: "In den Warteraum",

        title: "Warteraum",
        howItWorks: { release, rate, minutes in
            "Am \(release) werden neue Termine freigegeben. Wer vorher eintritt, bekommt dann einen zufällig gelosten Platz; wer später kommt, stellt sich hinten an. Jede Minute lassen wir \(rate) Personen ein. Wer eingelassen ist, hat \(minutes) Minuten Zeit, eine Uhrzeit zu reservieren."
        },
        howHeading: "So funktioniert der Warteraum",
        joinTitle: "Stellen Sie sich an",
        joinButton: "In den Warteraum eintreten",
        notOpenTitle: "Der Warteraum ist noch nicht geöffnet",
        notOpenDetail: { "Er öffnet am \($0). Kommen Sie dann wieder auf diese Seite." },
        waitingTitle: "Sie sind im Warteraum",
        waitingDetail: { "Um \($0) wird Ihr Platz ausgelost. Lassen Sie diese Seite geöffnet." },
        queuedTitle: "Sie sind in der Warteschlange",
        queuedDetail:
            "Lassen Sie diese Seite geöffnet. Wenn Sie dran sind, erscheint hier der Weg zu den freien Zeiten.",
        placeLabel: "Ihr Platz",
        admissionLabel: "Sie sind voraussichtlich dran",
        admissionValue: { time, minutes in
            minutes <= 1 ? "um \(time), also gleich" : "um \(time), in etwa \(minutes) Minuten"
        },
        queuedAnnouncement: { "Ihr Platz: \($0). Sie sind voraussichtlich um \($1) dran." },
        admittedTitle: "Sie sind dran",
        admittedDetail: { until, hold in
            "Wählen Sie jetzt bis \(until) eine Uhrzeit. Ist sie reserviert, haben Sie \(hold) Minuten Zeit für Ihre Angaben."
        },
        continueButton: "Weiter zu den freien Zeiten",
        expiredTitle: "Ihr Einlass ist abgelaufen",
        expiredDetail:
            "Die Zeit, in der Sie eine Uhrzeit reservieren konnten, ist vorbei. Sie können sich erneut anstellen; Sie kommen dann hinter alle, die schon warten.",
        rejoinButton: "Erneut anstellen",
        closedTitle: "Der Warteraum ist geschlossen",
        closedDetail: "Die Termine werden wieder wie gewohnt vergeben.",
        closedButton: "Zu den freien Zeiten",
        refreshNote: "Diese Seite aktualisiert sich von selbst. Sie können sie auch selbst neu laden.",
        refreshButton: "Jetzt aktualisieren",
        cookieNote:
            "Ihr Platz ist in diesem Browser gespeichert (in einem Cookie). Bleiben Sie im selben Browser, bis Sie gebucht haben.",
        backToTimes: "Zurück zu den Zeiten"
    )

    /// English.
    package static let english = RoomText(
        releaseHeading: "New appointments",
        releaseNote: { "Appointments up to \($1) will be released on \($0)." },
        roomHeading: "Waiting room",
        roomOpens: {
            "A waiting room opens before the release, on \($0). Everyone who enters before the release gets a place drawn at random: coming early is no advantage."
        },
        roomOpenEarly: {
            "The waiting room is already open. Everyone who enters by \($0) then gets a place drawn at random: coming early is no advantage, but you may enter now."
        },
        roomOpen:
            "Appointments are being handed out through a waiting room right now. Queue there; when it is your turn, you choose a time here.",
        roomAdmitted: { "You have been admitted from the waiting room: choose a time by \($0)." },
        roomButton: "Go to the waiting room",

        title: "Waiting room",
        howItWorks: { release, rate, minutes in
            "New appointments will be released on \(release). Everyone who enters before then gets a place drawn at random; whoever comes later queues behind. We admit \(rate) people a minute. Once admitted, you have \(minutes) minutes to hold a time."
        },
        howHeading: "How the waiting room works",
        joinTitle: "Join the queue",
        joinButton: "Enter the waiting room",
        notOpenTitle: "The waiting room is not open yet",
        notOpenDetail: { "It opens on \($0). Please come back to this page then." },
        waitingTitle: "You are in the waiting room",
        waitingDetail: { "At \($0) your place will be drawn. Keep this page open." },
        queuedTitle: "You are in the queue",
        queuedDetail: "Keep this page open. When it is your turn, the way to the free times appears here.",
        placeLabel: "Your place",
        admissionLabel: "Your turn is expected",
        admissionValue: { time, minutes in
            minutes <= 1 ? "at \(time), any moment now" : "at \(time), in about \(minutes) minutes"
        },
        queuedAnnouncement: { "Your place: \($0). Your turn is expected at \($1)." },
        admittedTitle: "It is your turn",
        admittedDetail: { until, hold in
            "Choose a time now, by \(until). Once it is held, you have \(hold) minutes for your details."
        },
        continueButton: "Continue to the free times",
        expiredTitle: "Your admission has run out",
        expiredDetail:
            "The time in which you could hold a time is over. You can queue again; you will then be behind everyone already waiting.",
        rejoinButton: "Queue again",
        closedTitle: "The waiting room is closed",
        closedDetail: "Appointments are handed out as usual again.",
        closedButton: "Go to the free times",
        refreshNote: "This page updates by itself. You can also reload it yourself.",
        refreshButton: "Update now",
        cookieNote:
            "Your place is kept in this browser (in a cookie). Stay in the same browser until you have booked.",
        backToTimes: "Back to the times"
    )
}
