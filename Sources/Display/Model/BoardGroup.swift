/// One service group on the board: its letter, name, how many wait and for about how long.
package struct BoardGroup: Equatable, Sendable {
    /// The ticket letter ("A").
    package var letter: String
    /// The group's name ("Ausweise und Pässe").
    package var name: String
    /// Tickets of the group now waiting.
    package var waiting: Int
    /// The estimated wait of a ticket drawn now, in minutes.
    package var estimatedWaitMinutes: Int

    /// A group.
    package init(letter: String, name: String, waiting: Int, estimatedWaitMinutes: Int) {
        self.letter = letter
        self.name = name
        self.waiting = waiting
        self.estimatedWaitMinutes = estimatedWaitMinutes
    }
}
