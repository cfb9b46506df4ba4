package import Scheduling

/// One occurrence of an event, placed in an office's time zone.
package struct ICalendarOccurrence: Hashable, Sendable {
    /// The event's UID.
    package var uid: String
    /// The event's SUMMARY (the override's, for a moved instance).
    package var summary: String?
    /// The event's LOCATION.
    package var location: String?
    /// The start of this instance as the file writes it (its RECURRENCE-ID for recurring events).
    package var start: ICalendarTime
    /// When the occurrence takes place.
    package var span: OccurrenceSpan

    /// An occurrence with the given properties.
    package init(uid: String, summary: String?, location: String?, start: ICalendarTime, span: OccurrenceSpan) {
        self.uid = uid
        self.summary = summary
        self.location = location
        self.start = start
        self.span = span
    }
}

/// When an occurrence takes place.
package enum OccurrenceSpan: Hashable, Sendable {
    /// All day, from `first` through `last` (inclusive), in whatever zone the office is in.
    case days(first: LocalDate, last: LocalDate)
    /// From `start` (inclusive) to `end` (exclusive).
    case time(start: Instant, end: Instant)
}
