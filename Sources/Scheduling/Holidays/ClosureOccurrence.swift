/// One closed period of an office on one local day: the whole day, or from one wall-clock time to
/// another.
///
/// This is what public holidays and closure calendars (`.ics` files) turn into; the core removes
/// these periods from availability. A closure that spans several days is one value per day, and
/// a timed closure that crosses midnight is split at it.
package struct ClosureOccurrence: Hashable, Sendable {
    /// The office's local date.
    package let date: LocalDate
    /// Wall-clock start, `00:00` for a closure from the start of the day.
    package let from: LocalTime
    /// Wall-clock end (exclusive), `24:00` for a closure until the end of the day; always after
    /// `from`.
    package let to: LocalTime
    /// Why the office is closed, e.g. `Neujahr` or `Personalversammlung`, for staff to read.
    package let reason: String

    /// A closure from `from` to `to` (exclusive) on `date`. Callers pass `from < to`.
    package init(date: LocalDate, from: LocalTime, to: LocalTime, reason: String) {
        self.date = date
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// A closure of the whole of `date`.
    package init(date: LocalDate, reason: String) {
        self.init(date: date, from: .midnight, to: .endOfDay, reason: reason)
    }

    /// Whether the office is closed from the start to the end of the day.
    package var isWholeDay: Bool { from == .midnight && to == .endOfDay }
}
