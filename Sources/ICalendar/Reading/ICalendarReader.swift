package import Scheduling

/// Reads iCalendar text (RFC 5545) into an `ICalendarDocument`.
///
/// Pure: it takes the text or bytes (callers read the file) and never reads the clock. What it
/// reads: VCALENDAR (VERSION 2.0, CALSCALE, PRODID, METHOD, X-WR-CALNAME, X-WR-CALDESC), VTIMEZONE
/// (only its TZID and X-LIC-LOCATION; zone rules come from the system's tz database) and VEVENT.
/// Other components (VTODO, VJOURNAL, VALARM, VFREEBUSY, X- components) and unknown or X-
/// properties are skipped. Anything malformed throws an `ICalendarError` naming the line.
package struct ICalendarReader: Sendable {
    /// The zone for floating times and for TZIDs that name no known zone (the office's zone).
    package var defaultZone: OfficeTimeZone
    /// The limits enforced while reading.
    package var limits: ICalendarLimits

    /// A reader placing floating and unknown-zone times in `defaultZone`.
    package init(defaultZone: OfficeTimeZone, limits: ICalendarLimits = ICalendarLimits()) {
        self.defaultZone = defaultZone
        self.limits = limits
    }

    /// Reads `text`.
    package func read(_ text: String) throws(ICalendarError) -> ICalendarReading {
        try read(bytes: Array(text.utf8))
    }

    /// Reads raw bytes (UTF-8, CRLF or LF line ends, an optional byte order mark).
    package func read(bytes: [UInt8]) throws(ICalendarError) -> ICalendarReading {
        let lines = try ContentLineParser(limits: limits).parse(bytes)
        let calendars = try ICalendarComponent.tree(of: lines, limits: limits)
        var interpreter = Interpreter(defaultZone: defaultZone)
        return try interpreter.read(calendars)
    }
}

/// What `ICalendarReader` read: the document and any warnings about it.
package struct ICalendarReading: Sendable {
    /// The calendar properties and events read.
    package var document: ICalendarDocument
    /// What was read other than exactly as written, in input order.
    package var warnings: [ICalendarWarning]
}

/// The interpretation of the component tree; collects warnings and caches resolved zones.
private struct Interpreter {
    let defaultZone: OfficeTimeZone
    var locations: [String: String] = [:]
    var zones: [String: OfficeTimeZone] = [:]
    var warnings: [ICalendarWarning] = []

    init(defaultZone: OfficeTimeZone) {
        self.defaultZone = defaultZone
    }

    mutating func read(_ calendars: [ICalendarComponent]) throws(ICalendarError) -> ICalendarReading {
        var document = ICalendarDocument(productID: "")
        for (index, calendar) in calendars.enumerated() {
            if let version = try calendar.single("VERSION"), version.value.trimmed() != "2.0" {
                throw .unsupportedVersion(line: version.line, version: MessageText.excerpt(version.value))
            }
            if let scale = try calendar.single("CALSCALE"), scale.value.trimmed().uppercased() != "GREGORIAN" {
                throw .unsupportedCalendarScale(line: scale.line, scale: MessageText.excerpt(scale.value))
            }
            if index == 0 {
                document.productID = try calendar.single("PRODID")?.text ?? ""
                document.method = try calendar.single("METHOD")?.value.trimmed().uppercased()
                document.name = calendar.properties("X-WR-CALNAME").first?.text
                document.calendarDescription = calendar.properties("X-WR-CALDESC").first?.text
            }
            // Zones first: RFC 5545 §3.6.5 does not require VTIMEZONE before the events using it.
            for timeZone in calendar.components where timeZone.name == "VTIMEZONE" {
                if let tzid = timeZone.properties("TZID").first?.value,
                    let location = timeZone.properties("X-LIC-LOCATION").first?.value
                {
                    locations[tzid.trimmed()] = location.trimmed()
                }
            }
        }
        for calendar in calendars {
            for component in calendar.components where component.name == "VEVENT" {
                document.events.append(try event(component))
            }
        }
        return ICalendarReading(document: document, warnings: warnings)
    }

    private mutating func event(_ component: ICalendarComponent) throws(ICalendarError) -> ICalendarEvent {
        guard let startProperty = try component.single("DTSTART") else {
            throw .missingProperty(line: component.line, component: "VEVENT", property: "DTSTART")
        }
        let start = try time(startProperty.value, of: startProperty)
        var event = ICalendarEvent(uid: try component.single("UID")?.text ?? "", start: start)
        event.sourceLine = component.line

        let endProperty = try component.single("DTEND")
        let durationProperty = try component.single("DURATION")
        if let endProperty {
            if durationProperty != nil { throw .endAndDuration(line: endProperty.line) }
            let end = try time(endProperty.value, of: endProperty)
            // §3.8.2.2: DTEND has the value type of DTSTART.
            guard end.isDate == start.isDate else {
                throw .valueTypeMismatch(line: endProperty.line, property: "DTEND")
            }
            guard end.instant(in: defaultZone) >= start.instant(in: defaultZone) else {
                throw .endBeforeStart(line: endProperty.line)
            }
            event.end = end
        }
        if let durationProperty {
            guard let duration = ICalendarDuration.parse(durationProperty.value.trimmed()) else {
                throw .invalidValue(
                    line: durationProperty.line, property: "DURATION",
                    value: MessageText.excerpt(durationProperty.value))
            }
            guard !duration.isNegative else { throw .endBeforeStart(line: durationProperty.line) }
            event.duration = duration
        }
        if let stamp = try component.single("DTSTAMP") {
            event.timestamp = try time(stamp.value, of: stamp).instant(in: defaultZone)
        }
        event.summary = component.properties("SUMMARY").first?.text
        event.description = component.properties("DESCRIPTION").first?.text
        event.location = component.properties("LOCATION").first?.text
        if let status = component.properties("STATUS").first {
            event.status = EventStatus(status.value.trimmed())
        }
        if let sequence = try component.single("SEQUENCE") {
            guard let value = signedInteger(sequence.value.trimmed()), value >= 0 else {
                throw .invalidValue(
                    line: sequence.line, property: "SEQUENCE", value: MessageText.excerpt(sequence.value))
            }
            event.sequence = value
        }
        event.isTransparent = component.properties("TRANSP").first?.value.trimmed().uppercased() == "TRANSPARENT"
        event.categories = component.properties("CATEGORIES").flatMap { TextEscaping.splitList($0.value) }
        if let rule = try component.single("RRULE") {
            event.recurrenceRule = try RecurrenceRule.parse(rule.value.trimmed(), line: rule.line)
        }
        for property in component.properties("EXDATE") {
            event.exceptionDates += try timeList(property)
        }
        for property in component.properties("RDATE") {
            event.recurrenceDates += try timeList(property)
        }
        if let recurrenceID = try component.single("RECURRENCE-ID") {
            event.recurrenceID = try time(recurrenceID.value, of: recurrenceID)
            if recurrenceID.parameter("RANGE")?.uppercased() == "THISANDFUTURE" {
                warnings.append(.recurrenceRangeIgnored(line: recurrenceID.line))
            }
        }
        return event
    }

    /// A comma-separated list of DATE or DATE-TIME values (EXDATE, RDATE, §3.8.5.1–2).
    private mutating func timeList(_ property: ContentLine) throws(ICalendarError) -> [ICalendarTime] {
        var result: [ICalendarTime] = []
        let isPeriod = property.parameter("VALUE")?.uppercased() == "PERIOD"
        if isPeriod { warnings.append(.periodEndIgnored(line: property.line)) }
        for item in property.value.split(separator: ",") {
            var value = item
            if isPeriod {
                // §3.3.9: a period is `start/end` or `start/duration`; the start is a DATE-TIME.
                value = item.split(separator: "/", maxSplits: 1).first ?? item
            }
            result.append(try time(value, of: property, forceDateTime: isPeriod))
        }
        return result
    }

    /// A DATE or DATE-TIME value of `property`, honouring its VALUE and TZID parameters.
    private mutating func time(
        _ value: some StringProtocol, of property: ContentLine, forceDateTime: Bool = false
    ) throws(ICalendarError) -> ICalendarTime {
        let text = value.trimmed()
        let isDate: Bool
        switch property.parameter("VALUE")?.uppercased() {
        case "DATE": isDate = true
        case "DATE-TIME": isDate = false
        case nil: isDate = text.utf8.count == 8
        case "PERIOD" where forceDateTime: isDate = false
        case .some(let other):
            throw .invalidValue(
                line: property.line, property: property.name + ";VALUE", value: MessageText.excerpt(other))
        }
        var zone: OfficeTimeZone?
        if !isDate, let tzid = property.parameter("TZID") { zone = self.zone(tzid, line: property.line) }
        guard let time = ICalendarTime.parse(text, isDate: isDate, zone: zone) else {
            throw .invalidValue(line: property.line, property: property.name, value: MessageText.excerpt(text))
        }
        return time
    }

    private mutating func zone(_ tzid: String, line: Int) -> OfficeTimeZone {
        if let known = zones[tzid] { return known }
        let zone: OfficeTimeZone
        if let found = TimeZoneNames.zone(forTZID: tzid, locations: locations) {
            zone = found
        } else {
            zone = defaultZone
            warnings.append(
                .unknownTimeZone(line: line, tzid: MessageText.excerpt(tzid), fallback: defaultZone.identifier))
        }
        zones[tzid] = zone
        return zone
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmed() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
