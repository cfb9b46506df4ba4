/// What a booking's page says about mail, German and English: whether a confirmation is on its
/// way, the request to confirm a booking that waits for it (double opt-in), and a booking released
/// because nobody confirmed it.
package struct BookingMailWords: Sendable {
    /// „Sie bekommen eine Bestätigung … an anna@example.org."
    package var sent: @Sendable (String) -> String
    package var noAddress: String
    package var off: String
    package var unconfirmedHeading: String
    package var unconfirmedTitle: String
    /// The address and the deadline („10:15 Uhr").
    package var unconfirmedDetail: @Sendable (String, String) -> String
    package var releasedHeading: String
    package var releasedDetail: String
    package var confirmTitle: String
    package var confirmExplanation: String
    package var confirmButton: String
    package var confirmedNoticeTitle: String
    package var confirmedNoticeDetail: String

    /// The words of `language`.
    package static func of(_ language: PageLanguage) -> BookingMailWords {
        language == .german ? german : english
    }

    static let german = BookingMailWords(
        sent: { "Sie bekommen eine Bestätigung mit dem Termin für Ihren Kalender an \($0)." },
        noAddress: "Sie haben keine E-Mail-Adresse angegeben; deshalb schicken wir keine Bestätigung.",
        off: "Wir schicken keine E-Mail.",
        unconfirmedHeading: "Ihr Termin ist reserviert",
        unconfirmedTitle: "Bitte bestätigen Sie Ihren Termin",
        unconfirmedDetail: { email, time in
            "Wir haben Ihnen eine E-Mail an \(email) geschickt. Folgen Sie bis \(time) dem Link darin; sonst wird die Zeit wieder freigegeben."
        },
        releasedHeading: "Dieser Termin wurde freigegeben",
        releasedDetail:
            "Er wurde nicht rechtzeitig über den Link in der E-Mail bestätigt. Die Zeit ist wieder frei; Sie können einen neuen Termin buchen.",
        confirmTitle: "Termin bestätigen",
        confirmExplanation: "Bestätigen Sie, dass Sie diesen Termin wahrnehmen wollen. Erst dann gilt er.",
        confirmButton: "Termin bestätigen",
        confirmedNoticeTitle: "Termin bestätigt",
        confirmedNoticeDetail:
            "Danke. Ihr Termin gilt; die Bestätigung mit dem Termin für Ihren Kalender ist unterwegs."
    )

    static let english = BookingMailWords(
        sent: { "You will get a confirmation with the appointment for your calendar at \($0)." },
        noAddress: "You gave no email address, so we do not send a confirmation.",
        off: "We do not send an email.",
        unconfirmedHeading: "Your appointment is reserved",
        unconfirmedTitle: "Please confirm your appointment",
        unconfirmedDetail: { email, time in
            "We have sent an email to \(email). Follow the link in it by \(time); otherwise the time is released again."
        },
        releasedHeading: "This appointment has been released",
        releasedDetail:
            "It was not confirmed in time with the link in the email. The time is free again; you can book a new appointment.",
        confirmTitle: "Confirm your appointment",
        confirmExplanation: "Confirm that you will come to this appointment. Only then does it count.",
        confirmButton: "Confirm the appointment",
        confirmedNoticeTitle: "Appointment confirmed",
        confirmedNoticeDetail:
            "Thank you. Your appointment counts; the confirmation with the appointment for your calendar is on its way."
    )
}
