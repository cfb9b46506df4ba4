import ICalendar
package import Scheduling

/// The calendar file of a booking (RFC 5545): one event with the office's VTIMEZONE, a stable
/// UID, SEQUENCE raised with every change, METHOD:CANCEL once cancelled, and the address and
/// the document checklist in the event. It carries the reference, never the token.
package enum BookingCalendar {
    /// The calendar file of the `.ics` download: METHOD:PUBLISH, or CANCEL once cancelled.
    package static func ics(
        _ booking: Booking, office: Office, services: [Service], language: Language = .german
    ) -> String {
        let cancelled = booking.status == .cancelled
        let document = ICalendarDocument(
            productID: "-//Rathaus//Termine//DE", method: cancelled ? "CANCEL" : "PUBLISH",
            events: [event(booking, office: office, services: services, language: language)])
        return document.serialized(stamp: booking.updatedAt)
    }

    /// The iMIP form of the same event (RFC 6047, RFC 5546 §3.2.2 and §3.2.5): METHOD:REQUEST, or
    /// CANCEL for a cancelled booking, with the office's address as ORGANIZER and the citizen as
    /// ATTENDEE (accepted, no reply wanted: they booked it), the UID and SEQUENCE of the download,
    /// so that a calendar program adds the event, moves it when SEQUENCE rises, and removes it.
    package static func invitation(
        _ booking: Booking, office: Office, services: [Service], language: Language, organizer: (String, name: String),
        attendee: (String, name: String)
    ) -> String {
        let cancelled = booking.status == .cancelled
        let document = ICalendarDocument(
            productID: "-//Rathaus//Termine//DE", method: cancelled ? "CANCEL" : "REQUEST",
            events: [event(booking, office: office, services: services, language: language)])
        var calendar = document.component(stamp: booking.updatedAt)
        if let index = calendar.components.firstIndex(where: { $0.name == "VEVENT" }) {
            calendar.components[index].properties += [
                ContentLine(
                    name: "ORGANIZER", parameters: [ICalendarParameter(name: "CN", values: [organizer.name])],
                    value: "mailto:" + organizer.0),
                ContentLine(
                    name: "ATTENDEE",
                    parameters: [
                        ICalendarParameter(name: "CN", values: [attendee.name]),
                        ICalendarParameter(name: "ROLE", values: ["REQ-PARTICIPANT"]),
                        ICalendarParameter(name: "PARTSTAT", values: [cancelled ? "DECLINED" : "ACCEPTED"]),
                        ICalendarParameter(name: "RSVP", values: ["FALSE"]),
                    ], value: "mailto:" + attendee.0),
            ]
        }
        return calendar.serialized
    }

    /// The booking as one event: a stable UID, SEQUENCE raised with every change, the address
    /// and the document checklist. It carries the reference, never the token.
    static func event(_ booking: Booking, office: Office, services: [Service], language: Language) -> ICalendarEvent {
        let english = language == .english
        let chosen = booking.services.compactMap { id in services.first { $0.id == id } }
        let cancelled = booking.status == .cancelled
        var description = ["\(english ? "Booking reference" : "Buchungsnummer"): \(booking.reference)"]
        if booking.persons > 1 { description.append("\(english ? "Persons" : "Personen"): \(booking.persons)") }
        let checklist = DocumentChecklist.merge(chosen)
        if !checklist.isEmpty {
            description.append("")
            description.append(english ? "Please bring:" : "Bitte mitbringen:")
            for document in checklist {
                var line = "- \(document.name)"
                if let note = document.note { line += " (\(note))" }
                if let condition = document.condition { line += " – \(condition)" }
                description.append(line)
            }
        }
        let title =
            cancelled ? (english ? "Cancelled: " : "Abgesagt: ") : (english ? "Appointment: " : "Termin: ")
        return ICalendarEvent(
            uid: "\(booking.id.rawValue)@rathaus", start: time(booking.start, in: office),
            end: time(booking.end, in: office),
            summary: title + chosen.map(\.name).joined(separator: ", ") + " – " + office.name,
            description: description.joined(separator: "\n"),
            location: ([office.name] + office.address).joined(separator: ", "), timestamp: booking.updatedAt,
            status: cancelled ? .cancelled : .confirmed, sequence: booking.sequence)
    }

    /// The office's local time of `instant` with its zone; UTC for the second pass through a
    /// repeated autumn hour, which a zoned time could not name (RFC 5545 §3.3.5 takes the first).
    static func time(_ instant: Instant, in office: Office) -> ICalendarTime {
        let local = office.timeZone.local(instant)
        let frame = office.timeZone.frame(of: local.date)
        let wall = LocalTime(minutes: local.secondOfDay / 60) ?? .midnight
        guard frame.instant(elapsed: frame.elapsed(wall: wall)).adding(seconds: local.secondOfDay % 60) == instant
        else {
            return .utc(instant)
        }
        return .zoned(local.date, secondOfDay: local.secondOfDay, office.timeZone)
    }

    /// The office's closures as a calendar anyone can subscribe to, for `dates`.
    package static func closures(of office: Office, dates: ClosedRange<LocalDate>, stamp: Instant) -> String {
        var events: [ICalendarEvent] = []
        var date = dates.lowerBound
        while date <= dates.upperBound {
            for (index, closure) in office.closures(on: date).enumerated() {
                let uid = "\(office.id.rawValue)-\(date.iso)-\(index)@rathaus"
                let who =
                    closure.counters.isEmpty
                    ? "" : " (" + closure.counters.map(\.rawValue).sorted().joined(separator: ", ") + ")"
                if closure.isWholeDay {
                    events.append(.allDay(uid: uid, from: date, through: date, summary: closure.reason + who))
                } else {
                    let frame = office.timeZone.frame(of: date)
                    let from = frame.instant(elapsed: frame.elapsed(wall: closure.from ?? .midnight))
                    let to = frame.instant(elapsed: frame.elapsed(wall: closure.to ?? .endOfDay))
                    events.append(
                        ICalendarEvent(
                            uid: uid, start: time(from, in: office), end: time(to, in: office),
                            summary: closure.reason + who))
                }
            }
            date = date.adding(days: 1)
        }
        return ICalendarDocument(
            productID: "-//Rathaus//Schliesstage//DE", method: "PUBLISH", name: "Schließtage \(office.name)",
            events: events
        ).serialized(stamp: stamp)
    }
}
