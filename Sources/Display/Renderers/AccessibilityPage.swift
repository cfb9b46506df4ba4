/// The accessibility statement (Erklärung zur Barrierefreiheit) at `/barrierefreiheit`, as the
/// EU Web Accessibility Directive and BITV 2.0 ask of a public body's site: how far the pages
/// conform, what does not, how it was assessed, where to report a barrier and the enforcement
/// procedure. Musterstadt is a demo town; a real town replaces the contact and the state's
/// enforcement body.
package enum AccessibilityPage {
    /// Where to report a barrier.
    package struct Contact: Equatable, Sendable {
        package var office: String
        package var address: [String]
        package var email: String
        package var phone: String

        package init(office: String, address: [String], email: String, phone: String) {
            self.office = office
            self.address = address
            self.email = email
            self.phone = phone
        }
    }

    /// The statement; `reviewed` is the day of the last assessment, `holdMinutes` and
    /// `extensions` the hold's length and extensions it describes.
    package static func html(
        language: PageLanguage, town: String, contact: Contact, reviewed: CalendarDate, holdMinutes: Int,
        extensions: Int
    ) -> String {
        let text = language.text
        let frame = CitizenShell.Frame(
            language: language, town: town, title: text.accessibilityLink, step: nil, switchPath: "/barrierefreiheit")
        let townName = HTML.escape(town)
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(text.accessibilityLink)</h1>")
            writer.open("<div class=\"prose\">")
            let sections =
                language == .german
                ? german(town: townName, reviewed: reviewed, holdMinutes: holdMinutes, extensions: extensions)
                : english(town: townName, reviewed: reviewed, holdMinutes: holdMinutes, extensions: extensions)
            for line in sections.before { writer.line(line) }
            writer.line("<h2>\(language == .german ? "Barrieren melden: Kontakt" : "Reporting barriers: contact")</h2>")
            writer.line(
                language == .german
                    ? "<p>Ist Ihnen ein Mangel beim barrierefreien Zugang aufgefallen, oder brauchen Sie Inhalte dieser "
                        + "Seiten in einer anderen Form? Dann schreiben Sie uns oder rufen Sie an:</p>"
                    : "<p>Have you found a barrier, or do you need content of these pages in another form? Write to "
                        + "us or call:</p>")
            writer.open("<address class=\"contact\">")
            writer.line("\(townName), \(HTML.escape(contact.office))<br>")
            for line in contact.address { writer.line("\(HTML.escape(line))<br>") }
            writer.line(
                "\(language == .german ? "E-Mail" : "Email"): <a href=\"mailto:\(HTML.escape(contact.email))\">"
                    + "\(HTML.escape(contact.email))</a><br>")
            writer.line("\(language == .german ? "Telefon" : "Phone"): \(HTML.escape(contact.phone))")
            writer.close("</address>")
            for line in sections.after { writer.line(line) }
            writer.close("</div>")
        }
    }

    private static func german(town: String, reviewed: CalendarDate, holdMinutes: Int, extensions: Int) -> (
        before: [String], after: [String]
    ) {
        (
            [
                "<p>Die Stadt \(town) ist bemüht, ihre Terminvereinbarung im Internet im Einklang mit den Vorschriften "
                    + "zur Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen. Maßstab sind die "
                    + "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Norm EN 301 549, die für "
                    + "Webseiten die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA zugrunde legt.</p>",
                "<p>Diese Erklärung gilt für die Seiten der Terminvereinbarung: die Auswahl der Dienstleistungen, die "
                    + "Auswahl von Tag und Uhrzeit, die Buchung und die Seiten, auf denen Sie einen Termin ansehen, "
                    + "verschieben oder absagen.</p>",
                "<p><strong>\(town) ist eine Demo-Stadt.</strong> Diese Erklärung ist ein Muster für Kommunen, die "
                    + "Rathaus einsetzen; Anschriften und Kontaktdaten sind Beispiele.</p>",
                "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>",
                "<p>Die Seiten sind mit den Anforderungen <strong>teilweise vereinbar</strong>: Die unten genannten "
                    + "Inhalte sind nicht barrierefrei.</p>",
                "<h3>Was wir umgesetzt haben</h3>",
                "<ul class=\"bullets\">",
                "<li>Alle Schritte lassen sich mit der Tastatur bedienen, in einer sinnvollen Reihenfolge; der "
                    + "Tastaturfokus ist deutlich sichtbar.</li>",
                "<li>Die Terminauswahl ist eine Liste von Tagen und Uhrzeiten statt einer Kalendertabelle, damit sie "
                    + "mit Screenreadern gut zu bedienen ist.</li>",
                "<li>Formularfelder haben sichtbare Beschriftungen und die Angaben für das automatische Ausfüllen. "
                    + "Fehler werden im Text benannt, zusammen mit einem Vorschlag, wie Sie sie beheben.</li>",
                "<li>Eine gewählte Uhrzeit ist \(holdMinutes) Minuten für Sie reserviert. Zwei Minuten vor Ablauf "
                    + "erscheint eine Warnung, und Sie können die Reservierung \(extensions)-mal verlängern, jedes Mal "
                    + "wieder auf \(holdMinutes) Minuten. Läuft sie ab, geht nichts verloren: Ihre Angaben bleiben, und "
                    + "wir buchen die Zeit trotzdem, wenn sie noch frei ist.</li>",
                "<li>Meldungen, etwa dass eine Zeit inzwischen vergeben ist, werden Screenreadern angesagt.</li>",
                "<li>Texte haben einen Kontrast von mindestens 4,5 : 1, Bedienelemente und ihre Ränder von mindestens "
                    + "3 : 1. Die Seiten lassen sich auf 200 % vergrößern und sind ab 320 Pixeln Breite ohne "
                    + "waagerechtes Scrollen nutzbar.</li>",
                "<li>Die Seiten funktionieren auch ohne JavaScript.</li>",
                "<li>Die Seiten gibt es auf Deutsch und Englisch; die Sprache ist jeweils ausgezeichnet.</li>",
                "</ul>",
                "<h3>Nicht barrierefreie Inhalte</h3>",
                "<ul class=\"bullets\">",
                "<li>Informationen in Deutscher Gebärdensprache und in Leichter Sprache fehlen noch.</li>",
                "<li>Auf den englischen Seiten stehen die Namen der Dienstleistungen und die Hinweise zu Unterlagen "
                    + "und Gebühren nur auf Deutsch. Sie sind als deutsch ausgezeichnet, damit Screenreader sie richtig "
                    + "aussprechen.</li>",
                "<li>Die Kalenderdatei (.ics) zeigt Ihr Kalenderprogramm an; wie zugänglich sie dort ist, hängt von "
                    + "diesem Programm ab.</li>",
                "</ul>",
                "<p>Alle Termine können Sie auch telefonisch über die Behördennummer 115 vereinbaren, verschieben und "
                    + "absagen.</p>",
                "<h2>Erstellung dieser Erklärung</h2>",
                "<p>Diese Erklärung wurde am \(DateText.plain(reviewed, .german)) "
                    + "erstellt. Sie beruht auf einer Selbstbewertung: automatische Prüfungen mit axe-core in einem "
                    + "Browser bei jeder Änderung sowie Tests mit der Tastatur, bei 320 Pixeln Breite und bei 200 % "
                    + "Vergrößerung.</p>",
            ],
            [
                "<p>Wir antworten Ihnen so bald wie möglich, spätestens innerhalb eines Monats.</p>",
                "<h2>Durchsetzungsverfahren</h2>",
                "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an "
                    + "die Durchsetzungs- und Schlichtungsstelle Ihres Landes wenden. Für die Demo-Stadt in "
                    + "Schleswig-Holstein ist das die Beschwerdestelle für Barrierefreiheit bei der Landesbeauftragten "
                    + "für Menschen mit Behinderung. Das Verfahren ist kostenlos, und Sie brauchen keinen "
                    + "Rechtsbeistand.</p>",
            ]
        )
    }

    private static func english(town: String, reviewed: CalendarDate, holdMinutes: Int, extensions: Int) -> (
        before: [String], after: [String]
    ) {
        (
            [
                "<p>The town of \(town) strives to make its online appointment booking accessible in accordance with "
                    + "the laws implementing Directive (EU) 2016/2102. The benchmark is the German Barrier-Free "
                    + "Information Technology Ordinance (BITV 2.0) and the standard EN 301 549, which applies the Web "
                    + "Content Accessibility Guidelines (WCAG) 2.1 at level AA to websites.</p>",
                "<p>This statement covers the appointment pages: choosing services, choosing a day and time, booking, "
                    + "and the pages where you view, move or cancel an appointment.</p>",
                "<p><strong>\(town) is a demo town.</strong> This statement is a model for towns that use Rathaus; "
                    + "addresses and contact details are examples.</p>",
                "<h2>Compliance status</h2>",
                "<p>These pages are <strong>partially compliant</strong>: the content listed below is not "
                    + "accessible.</p>",
                "<h3>What we have done</h3>",
                "<ul class=\"bullets\">",
                "<li>Every step works with the keyboard alone, in a meaningful order, and the keyboard focus is "
                    + "clearly visible.</li>",
                "<li>Days and times are a plain list rather than a calendar table, so they work well with screen "
                    + "readers.</li>",
                "<li>Form fields have visible labels and autocomplete hints. Errors are described in text, with a "
                    + "suggestion how to fix them.</li>",
                "<li>A chosen time is held for you for \(holdMinutes) minutes. Two minutes before it runs out a "
                    + "warning appears, and you can extend the hold \(extensions) times, each time to \(holdMinutes) "
                    + "minutes again. If it runs out, nothing is lost: your entries stay, and we still book the time if "
                    + "it is free.</li>",
                "<li>Messages, such as a time having just been taken, are announced to screen readers.</li>",
                "<li>Text has a contrast of at least 4.5:1, controls and their borders at least 3:1. The pages can be "
                    + "zoomed to 200% and work from 320 pixels wide without horizontal scrolling.</li>",
                "<li>The pages also work without JavaScript.</li>",
                "<li>The pages are in German and English, and each marks its language.</li>",
                "</ul>",
                "<h3>Content that is not accessible</h3>",
                "<ul class=\"bullets\">",
                "<li>There is no information in German Sign Language or in Easy Language yet.</li>",
                "<li>On the English pages, the names of services and the notes on documents and fees are in German "
                    + "only. They are marked as German so that screen readers pronounce them correctly.</li>",
                "<li>The calendar file (.ics) is shown by your calendar program; how accessible it is there depends "
                    + "on that program.</li>",
                "</ul>",
                "<p>You can also book, move and cancel any appointment by phone on 115, the public service "
                    + "number.</p>",
                "<h2>Preparation of this statement</h2>",
                "<p>This statement was prepared on \(DateText.plain(reviewed, .english)). "
                    + "It is based on a self-assessment: automated checks with axe-core in a browser on every change, "
                    + "and tests with the keyboard, at 320 pixels wide and at 200% zoom.</p>",
            ],
            [
                "<p>We answer as soon as we can, at the latest within one month.</p>",
                "<h2>Enforcement procedure</h2>",
                "<p>If you receive no answer, or no satisfactory one, you can turn to the enforcement and conciliation "
                    + "body of your state. For the demo town in Schleswig-Holstein, that is the complaints office for "
                    + "accessibility at the State Commissioner for People with Disabilities. The procedure is free of "
                    + "charge, and you do not need a lawyer.</p>",
            ]
        )
    }
}
