/// One call on the board: a ticket number sent to a counter.
package struct BoardCall: Equatable, Sendable {
    /// The ticket's id, which with ``recalls`` identifies one announcement.
    package var ticket: String
    /// The number the citizen holds ("A017").
    package var number: String
    /// The counter's id ("4").
    package var counter: String
    /// The counter's name as the hall sees it ("Schalter 4").
    package var counterName: String
    /// The office's wall-clock time of the (latest) call ("09:40").
    package var calledAt: String
    /// How often the ticket was called again after the first call.
    package var recalls: Int
    /// `called` (the citizen is on the way) or `serving` (at the counter); see ``isWaitingForCitizen``.
    package var state: String

    /// A call.
    package init(
        ticket: String, number: String, counter: String, counterName: String, calledAt: String, recalls: Int = 0,
        state: String = "called"
    ) {
        self.ticket = ticket
        self.number = number
        self.counter = counter
        self.counterName = counterName
        self.calledAt = calledAt
        self.recalls = recalls
        self.state = state
    }

    /// Whether the counter still waits for the citizen (the call is shown with the "Bitte" cue).
    package var isWaitingForCitizen: Bool { state == "called" }
}
