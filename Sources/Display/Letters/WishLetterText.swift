/// A message about a wish as a subject and a plain-text body, in the letter's language. Pure: the
/// same letter always gives the same text. Lines end in `\n` (the mail writer makes them CRLF).
package enum WishLetterText {
    /// The subject line.
    package static func subject(_ letter: WishLetter) -> String {
        let german = letter.language == .german
        let service = letter.services.map(\.name).joined(separator: ", ")
        switch letter.kind {
        case .confirmationRequest:
            return german ? "Bitte bestätigen: Ihr Terminwunsch – \(service)" : "Please confirm your wish – \(service)"
        case .registered:
            return german ? "Ihr Terminwunsch ist aufgenommen – \(service)" : "Your wish is registered – \(service)"
        case .offer:
            guard let offer = letter.offer else { return german ? "Ein Termin für Sie" : "An appointment for you" }
            let when = moment(offer.start, letter.language)
            let until = DateText.time(offer.expires.time, letter.language)
            return german
                ? "Termin frei: \(when) – bitte bis \(until) buchen" : "Appointment free: \(when) – book it by \(until)"
        case .ended:
            return german ? "Ihr Terminwunsch ist beendet – \(service)" : "Your wish has ended – \(service)"
        }
    }

    /// The body.
    package static func body(_ letter: WishLetter) -> String {
        let german = letter.language == .german
        var lines = [german ? "Guten Tag \(letter.name)," : "Dear \(letter.name),", ""]
        switch letter.kind {
        case .confirmationRequest:
            lines += [
                german ? "Sie haben einen Terminwunsch hinterlassen:" : "You left a wish for an appointment:", "",
            ]
            lines += facts(letter)
            lines += [
                "",
                german
                    ? "Ihr Wunsch zählt, sobald Sie ihn bestätigen. Öffnen Sie dazu diesen Link und drücken Sie „Wunsch bestätigen“:"
                    : "Your wish counts once you confirm it. Open this link and press “Confirm the wish”:",
                letter.wishLink ?? "", "",
            ]
            if let by = letter.confirmBy {
                lines.append(
                    german
                        ? "Der Link gilt bis \(moment(by, letter.language))."
                        : "The link works until \(moment(by, letter.language)).")
            }
            lines += [
                german
                    ? "Haben Sie keinen Terminwunsch hinterlassen, tun Sie nichts: Ohne Bestätigung löschen wir ihn."
                    : "If you did not leave a wish, do nothing: without a confirmation we delete it.",
                "",
            ]
            lines += rule(letter)
        case .registered:
            lines += [
                german
                    ? "wie am Telefon besprochen haben wir Ihren Terminwunsch aufgenommen:"
                    : "as agreed on the phone, we have registered your wish:", "",
            ]
            lines += facts(letter)
            lines += [""] + rule(letter)
            lines += [
                german ? "Stand Ihres Wunsches, und ihn zurückziehen:" : "Where your wish stands, and withdrawing it:",
                letter.wishLink ?? "", "",
            ]
        case .offer:
            lines += offer(letter)
        case .ended:
            lines += [
                letter.endedUnanswered
                    ? (german
                        ? "Ihr Terminwunsch ist beendet: Unsere letzten Angebote blieben unbeantwortet."
                        : "Your wish has ended: our last offers went unanswered.")
                    : (german
                        ? "Ihr Terminwunsch ist beendet: Bis zu Ihrem letzten Datum ist kein passender Termin frei geworden."
                        : "Your wish has ended: no time that suits you became free before your last date."),
                "",
            ]
            lines += facts(letter)
            lines += [
                "",
                german
                    ? "Brauchen Sie noch einen Termin, buchen Sie ihn oder hinterlassen Sie einen neuen Wunsch:"
                    : "If you still need an appointment, book it or leave a new wish:", letter.bookAgain, "",
            ]
        }
        lines += [german ? "Mit freundlichen Grüßen" : "Kind regards", letter.town, "", "-- "]
        lines.append(
            german
                ? "Diese Nachricht wurde automatisch verschickt. Bitte antworten Sie nicht darauf."
                : "This message was sent automatically. Please do not reply to it.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The offer: when and where, until when it is held, the link, and what happens otherwise.
    private static func offer(_ letter: WishLetter) -> [String] {
        let german = letter.language == .german
        guard let offer = letter.offer else { return [] }
        var lines = [
            german
                ? "ein Termin ist frei geworden, der zu Ihrem Wunsch passt:"
                : "an appointment that fits your wish has become free:", "",
        ]
        let when =
            DateText.long(offer.start.date, letter.language) + ", "
            + DateText.span(offer.start.time, offer.end, letter.language)
        lines.append((german ? "Wann: " : "When: ") + when)
        lines.append(
            (german ? "Wo: " : "Where: ") + ([offer.office.name] + offer.office.address).joined(separator: ", "))
        lines.append((german ? "Dienstleistung: " : "Service: ") + letter.services.map(\.name).joined(separator: ", "))
        lines.append((german ? "Personen: " : "Persons: ") + String(letter.persons))
        lines += [
            "",
            german
                ? "Wir halten ihn bis \(moment(offer.expires, letter.language)) für Sie frei; niemand sonst kann ihn so lange buchen. Buchen oder ablehnen:"
                : "We hold it for you until \(moment(offer.expires, letter.language)); nobody else can book it until then. Book or decline it here:",
            letter.offerLink ?? "", "",
            german
                ? "Buchen Sie nicht rechtzeitig oder lehnen Sie ab, geht der Termin an den nächsten Wunsch; Ihr Wunsch wartet dann weiter."
                : "If you do not book it in time or decline it, the time goes to the next wish; yours keeps waiting.",
            "",
        ]
        if let wish = letter.wishLink {
            lines += [german ? "Ihr Wunsch:" : "Your wish:", wish, ""]
        }
        return lines
    }

    /// What the wish asks for.
    private static func facts(_ letter: WishLetter) -> [String] {
        let german = letter.language == .german
        let names =
            german
            ? ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let days = letter.weekdays.filter { (1...7).contains($0) }.map { names[$0 - 1] }
        let times = WishPage.times(letter.times, language: letter.language)
        return [
            (german ? "Dienstleistung: " : "Service: ") + letter.services.map(\.name).joined(separator: ", "),
            (german ? "Personen: " : "Persons: ") + String(letter.persons),
            (german ? "Standorte: " : "Offices: ") + letter.offices.joined(separator: ", "),
            (german ? "Tage: " : "Days: ") + days.joined(separator: ", "),
            (german ? "Tageszeit: " : "Time of day: ") + times,
            (german ? "Zeitraum: " : "Period: ") + DateText.plain(letter.earliest, letter.language)
                + (german ? " bis " : " to ") + DateText.plain(letter.latest, letter.language),
        ]
    }

    /// How offers work.
    private static func rule(_ letter: WishLetter) -> [String] {
        letter.language == .german
            ? [
                "Wird ein passender Termin frei, bieten wir ihn Ihnen per E-Mail an – in der Reihenfolge, in der die Wünsche bestätigt wurden.",
                "",
            ]
            : [
                "When a time that suits you becomes free, we offer it to you by e-mail – in the order in which the wishes were confirmed.",
                "",
            ]
    }

    /// „Dienstag, 8. Dezember 2026, 09:30 Uhr" / "Tuesday, 8 December 2026, 09:30".
    static func moment(_ moment: WishLetter.Moment, _ language: PageLanguage) -> String {
        DateText.long(moment.date, language) + ", " + DateText.time(moment.time, language)
    }
}
