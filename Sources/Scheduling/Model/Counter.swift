/// One place where one clerk serves one party at a time (Schalter, Arbeitsplatz).
package struct Counter: Hashable, Sendable {
    package var id: CounterID
    /// What the display shows ("Schalter 4").
    package var name: String
    /// The services it can do.
    package var skills: Set<ServiceID>
    /// Its own hours with their contingents; empty: the office's hours with `contingent`.
    package var hours: [WeeklyRule]
    /// To whom the office's hours are opened when the counter has no hours of its own.
    package var contingent: Contingent
    /// Its own breaks, on top of the office's.
    package var breaks: [WeeklyRule]

    package init(
        id: CounterID, name: String, skills: Set<ServiceID>, hours: [WeeklyRule] = [],
        contingent: Contingent = .online, breaks: [WeeklyRule] = []
    ) {
        self.id = id
        self.name = name
        self.skills = skills
        self.hours = hours
        self.contingent = contingent
        self.breaks = breaks
    }
}
