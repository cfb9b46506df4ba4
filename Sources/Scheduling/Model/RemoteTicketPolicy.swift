/// An office's tickets from home (Documentation/Queue.md, "Tickets from home"): between `from`
/// and `until` each day a citizen may take a walk-in ticket of today on the web, without any
/// contact data. Such a ticket holds its place in line but no counter can call it until its
/// arrival is confirmed at the office; one not confirmed by its deadline is passed over.
package struct RemoteTicketPolicy: Hashable, Sendable {
    /// The local time from which tickets are handed out, each day the office is attended.
    package var from: LocalTime
    /// The local time until which they are handed out.
    package var until: LocalTime
    /// The tickets from home each group may hand out per day, by letter; a group not named hands
    /// out none. They also count towards the group's `dailyTicketCap`.
    package var dailyCaps: [String: Int]
    /// Minutes added to the estimated wait at the moment the ticket was taken: the arrival must be
    /// confirmed by then (the grace time).
    package var graceMinutes: Int

    /// The grace time when the configuration names none.
    package static let defaultGraceMinutes = 30

    /// A policy; `graceMinutes` defaults to ``defaultGraceMinutes``.
    package init(from: LocalTime, until: LocalTime, dailyCaps: [String: Int], graceMinutes: Int = defaultGraceMinutes) {
        self.from = from
        self.until = until
        self.dailyCaps = dailyCaps
        self.graceMinutes = graceMinutes
    }

    /// Whether the wall-clock `minute` of a day lies in the daily window.
    package func isOpen(atMinute minute: Int) -> Bool {
        minute >= from.minutes && minute < until.minutes
    }
}
