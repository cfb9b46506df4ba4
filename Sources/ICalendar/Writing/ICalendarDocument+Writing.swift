package import Scheduling

extension ICalendarDocument {
    /// The document as iCalendar text (RFC 5545): CRLF line ends, lines folded at 75 octets, TEXT
    /// escaped, and a VTIMEZONE for every zone the events use (§3.6.5).
    ///
    /// `stamp` is the DTSTAMP of events that carry none; the writer never reads the clock, so the
    /// same document and stamp always give the same bytes.
    package func serialized(stamp: Instant) -> String {
        component(stamp: stamp).serialized
    }

    /// The VCALENDAR component `serialized(stamp:)` writes.
    package func component(stamp: Instant) -> ICalendarComponent {
        var properties = [
            ContentLine(name: "VERSION", value: "2.0"),
            ContentLine(text: "PRODID", productID),
            ContentLine(name: "CALSCALE", value: "GREGORIAN"),
        ]
        if let method { properties.append(ContentLine(name: "METHOD", value: method)) }
        if let name { properties.append(ContentLine(text: "X-WR-CALNAME", name)) }
        if let calendarDescription { properties.append(ContentLine(text: "X-WR-CALDESC", calendarDescription)) }

        var years: [OfficeTimeZone: ClosedRange<Int>] = [:]
        for event in events {
            for case .zoned(let date, _, let zone) in event.allTimes {
                let range = years[zone].map { min($0.lowerBound, date.year)...max($0.upperBound, date.year) }
                years[zone] = range ?? date.year...date.year
            }
        }
        let timeZones = years.sorted { $0.key.identifier < $1.key.identifier }.map {
            TimeZoneDefinition.component(for: $0.key, years: $0.value)
        }
        return ICalendarComponent(
            name: "VCALENDAR", properties: properties, components: timeZones + events.map { $0.component(stamp: stamp) }
        )
    }
}

extension ICalendarEvent {
    /// Every DATE and DATE-TIME value of the event.
    var allTimes: [ICalendarTime] {
        var times = [start] + recurrenceDates + exceptionDates
        if let end { times.append(end) }
        if let recurrenceID { times.append(recurrenceID) }
        if case .until(let until)? = recurrenceRule?.end { times.append(until) }
        return times
    }

    /// The VEVENT component, with `stamp` as DTSTAMP when the event has none.
    package func component(stamp: Instant) -> ICalendarComponent {
        var properties = [
            ContentLine(text: "UID", uid),
            ContentLine(name: "DTSTAMP", time: .utc(timestamp ?? stamp)),
            ContentLine(name: "DTSTART", time: start),
        ]
        if let end { properties.append(ContentLine(name: "DTEND", time: end)) }
        if let duration { properties.append(ContentLine(name: "DURATION", value: duration.text)) }
        if let recurrenceRule { properties.append(ContentLine(name: "RRULE", value: recurrenceRule.text)) }
        properties += recurrenceDates.map { ContentLine(name: "RDATE", time: $0) }
        properties += exceptionDates.map { ContentLine(name: "EXDATE", time: $0) }
        if let recurrenceID { properties.append(ContentLine(name: "RECURRENCE-ID", time: recurrenceID)) }
        if let sequence { properties.append(ContentLine(name: "SEQUENCE", value: String(sequence))) }
        if let status { properties.append(ContentLine(name: "STATUS", value: status.rawValue)) }
        if let summary { properties.append(ContentLine(text: "SUMMARY", summary)) }
        if let description { properties.append(ContentLine(text: "DESCRIPTION", description)) }
        if let location { properties.append(ContentLine(text: "LOCATION", location)) }
        if !categories.isEmpty {
            properties.append(
                ContentLine(name: "CATEGORIES", value: categories.map(TextEscaping.escape).joined(separator: ",")))
        }
        if isTransparent { properties.append(ContentLine(name: "TRANSP", value: "TRANSPARENT")) }
        return ICalendarComponent(name: "VEVENT", properties: properties)
    }
}
