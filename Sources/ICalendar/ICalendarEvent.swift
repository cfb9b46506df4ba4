package import Scheduling

/// A VEVENT (RFC 5545 §3.6.1) with the properties Rathaus reads and writes.
///
/// Read from a file or built for writing: a holiday, a local closure, a booking confirmation.
/// All-day events have `.date` start and end (end exclusive, §3.6.1); timed events have DATE-TIME
/// values.
package struct ICalendarEvent: Hashable, Sendable {
    /// UID (§3.8.4.7); empty when a file leaves it out.
    package var uid: String
    /// DTSTAMP (§3.8.7.2); the writer uses the document's stamp when nil.
    package var timestamp: Instant?
    /// DTSTART.
    package var start: ICalendarTime
    /// DTEND (exclusive); nil when the event has a duration or neither.
    package var end: ICalendarTime?
    /// DURATION, the alternative to `end`.
    package var duration: ICalendarDuration?
    /// SUMMARY: the title, e.g. `Personalversammlung`.
    package var summary: String?
    /// DESCRIPTION: free text, line breaks kept.
    package var description: String?
    /// LOCATION: where the event takes place.
    package var location: String?
    /// STATUS; cancelled events are not expanded.
    package var status: EventStatus?
    /// SEQUENCE (§3.8.7.4): the revision, raised with each change the attendees should see.
    package var sequence: Int?
    /// TRANSP:TRANSPARENT: the event does not block free/busy time (holidays are written so).
    package var isTransparent: Bool
    /// CATEGORIES, in the order written.
    package var categories: [String]
    /// RRULE.
    package var recurrenceRule: RecurrenceRule?
    /// RDATE: further occurrence starts (DATE or DATE-TIME values).
    package var recurrenceDates: [ICalendarTime]
    /// EXDATE: occurrence starts removed from the recurrence set.
    package var exceptionDates: [ICalendarTime]
    /// RECURRENCE-ID: set on an override, the start of the instance it replaces.
    package var recurrenceID: ICalendarTime?
    /// The line of `BEGIN:VEVENT` in the input; nil for events built in code.
    package var sourceLine: Int?

    /// An event with the given properties; only UID and DTSTART are required.
    package init(
        uid: String, start: ICalendarTime, end: ICalendarTime? = nil, duration: ICalendarDuration? = nil,
        summary: String? = nil, description: String? = nil, location: String? = nil, timestamp: Instant? = nil,
        status: EventStatus? = nil, sequence: Int? = nil, isTransparent: Bool = false, categories: [String] = [],
        recurrenceRule: RecurrenceRule? = nil, recurrenceDates: [ICalendarTime] = [],
        exceptionDates: [ICalendarTime] = [], recurrenceID: ICalendarTime? = nil, sourceLine: Int? = nil
    ) {
        self.uid = uid
        self.timestamp = timestamp
        self.start = start
        self.end = end
        self.duration = duration
        self.summary = summary
        self.description = description
        self.location = location
        self.status = status
        self.sequence = sequence
        self.isTransparent = isTransparent
        self.categories = categories
        self.recurrenceRule = recurrenceRule
        self.recurrenceDates = recurrenceDates
        self.exceptionDates = exceptionDates
        self.recurrenceID = recurrenceID
        self.sourceLine = sourceLine
    }

    /// An all-day event from `first` through `last` (inclusive), written as DTSTART and an
    /// exclusive DTEND (§3.6.1).
    package static func allDay(
        uid: String, from first: LocalDate, through last: LocalDate, summary: String
    ) -> ICalendarEvent {
        ICalendarEvent(uid: uid, start: .date(first), end: .date(last.adding(days: 1)), summary: summary)
    }
}

/// STATUS of an event (RFC 5545 §3.8.1.11). An open set: other values are kept as written.
package struct EventStatus: Hashable, Sendable {
    /// The value as written, upper-cased.
    package let rawValue: String

    /// The status named `rawValue` (any letter case).
    package init(_ rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// TENTATIVE.
    package static let tentative = EventStatus("TENTATIVE")
    /// CONFIRMED.
    package static let confirmed = EventStatus("CONFIRMED")
    /// CANCELLED: the event (or the instance, for an override) does not take place.
    package static let cancelled = EventStatus("CANCELLED")
}

/// The contents of an iCalendar stream: the calendar's own properties and its events.
package struct ICalendarDocument: Hashable, Sendable {
    /// PRODID (§3.7.3), e.g. `-//Rathaus//Feiertage//DE`.
    package var productID: String
    /// METHOD (§3.7.2, RFC 5546): `PUBLISH`, `REQUEST`, `CANCEL`; nil when absent.
    package var method: String?
    /// X-WR-CALNAME: the calendar's display name, as Google, Apple and Outlook read it.
    package var name: String?
    /// X-WR-CALDESC: a description of the calendar.
    package var calendarDescription: String?
    /// The VEVENTs in the order written, overrides included.
    package var events: [ICalendarEvent]

    /// A document with the given calendar properties and events.
    package init(
        productID: String, method: String? = nil, name: String? = nil, calendarDescription: String? = nil,
        events: [ICalendarEvent] = []
    ) {
        self.productID = productID
        self.method = method
        self.name = name
        self.calendarDescription = calendarDescription
        self.events = events
    }
}
