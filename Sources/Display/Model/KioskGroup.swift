/// One service group on the kiosk's start screen, with the services a ticket can be drawn for.
package struct KioskGroup: Equatable, Sendable {
    /// The ticket letter ("A").
    package var letter: String
    /// The group's name ("Ausweise und Pässe").
    package var name: String
    /// The services of the group that walk-ins can draw a ticket for, in the order shown.
    package var services: [ServiceOption]

    /// A group.
    package init(letter: String, name: String, services: [ServiceOption]) {
        self.letter = letter
        self.name = name
        self.services = services
    }
}
