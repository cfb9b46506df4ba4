/// The words of the offices page and of an office's details elsewhere (the booking's page, the
/// draw's): the address, the way there on a map, the opening hours and the days closed.
package struct PlaceText: Sendable {
    package var pageTitle: String
    package var intro: String
    /// The link in the footer and on the choice of office.
    package var detailsLink: String
    package var findUsHeading: String
    package var hoursHeading: String
    package var closed: String
    /// Between the last two spans of a day („08:00–12:30 und 14:00–16:00 Uhr").
    package var and: String
    package var holidaysNote: String
    /// The map link of an office (its name), which opens another website.
    package var mapLink: @Sendable (String) -> String
    package var closuresHeading: String
    package var noAddress: String

    /// Deutsch.
    package static let german = PlaceText(
        pageTitle: "Standorte und Öffnungszeiten",
        intro:
            "Hier finden Sie unsere Standorte, ihre Öffnungszeiten und den Weg dorthin. Einen Termin buchen Sie online oder telefonisch über die 115.",
        detailsLink: "Öffnungszeiten und Anfahrt",
        findUsHeading: "So finden Sie uns",
        hoursHeading: "Öffnungszeiten",
        closed: "geschlossen",
        and: "und",
        holidaysNote: "An gesetzlichen Feiertagen geschlossen.",
        mapLink: { "\($0) auf der Karte (andere Website)" },
        closuresHeading: "Demnächst geschlossen",
        noAddress: "Die Anschrift erfahren Sie unter der 115."
    )

    /// English.
    package static let english = PlaceText(
        pageTitle: "Offices and opening hours",
        intro:
            "Here are our offices, their opening hours and the way there. You book an appointment online or by phone on 115.",
        detailsLink: "Opening hours and directions",
        findUsHeading: "How to find us",
        hoursHeading: "Opening hours",
        closed: "closed",
        and: "and",
        holidaysNote: "Closed on public holidays.",
        mapLink: { "\($0) on the map (another website)" },
        closuresHeading: "Closed soon",
        noAddress: "Call 115 for the address."
    )
}
