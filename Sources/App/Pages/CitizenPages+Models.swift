import Display
import Scheduling
import Storage

/// The citizen pages' values (`Display`) made from the scheduling core's: dates and times in the
/// office's zone, services, offices, holds and bookings.
extension CitizenPages {
    /// `date` with its weekday, for `DateText`.
    static func calendarDate(_ date: LocalDate) -> CalendarDate {
        CalendarDate(year: date.year, month: date.month, day: date.day, weekday: date.weekday.rawValue)
    }

    /// A start as the form sends it (RFC 3339 with the office's offset) and as the page shows it.
    static func timeOption(_ instant: Instant, in office: Office) -> TimeOption {
        TimeOption(
            value: Representations.time(instant, in: office), label: QueueRepresentations.clock(instant, in: office))
    }

    static func datedTime(_ instant: Instant, in office: Office) -> DatedTime {
        DatedTime(date: calendarDate(office.timeZone.local(instant).date), time: timeOption(instant, in: office))
    }

    /// How citizens reach `service`: on these pages, by phone only, or by a draw.
    func serviceChoice(_ service: Service) -> ServiceChoice {
        let access: ServiceChoice.Access =
            rush.draw(of: service.id) != nil ? .byDraw : service.bookableOnline ? .online : .byPhone
        let group = municipality.groups.first { $0.letter == service.group }?.name ?? service.group
        return ServiceChoice(
            id: service.id.rawValue, name: service.name, group: group, minutesPerPerson: service.durationMinutes,
            maxPersons: service.maxPersons, feeCents: service.feeCents, lowestFeeCents: service.lowestFeeCents,
            feeNote: service.feeNote, access: access)
    }

    /// The services some office offers, in the configuration's order.
    var offeredServices: [Service] {
        let offered = municipality.offices.reduce(into: Set<ServiceID>()) { $0.formUnion($1.offeredServices) }
        return municipality.services.filter { offered.contains($0.id) }
    }

    static func officeSummary(_ office: Office, earliest: DatedTime? = nil) -> OfficeSummary {
        OfficeSummary(
            id: office.id.rawValue, name: office.name, address: office.address, earliest: earliest,
            mapURL: office.mapURL)
    }

    /// The selection of `services` for `persons` (at `office`), with the merged checklist.
    func selection(_ services: [Service], persons: Int, office: Office? = nil) -> Selection {
        Selection(
            services: services.map(serviceChoice), persons: persons, office: office.map { Self.officeSummary($0) },
            documents: Self.checklist(services))
    }

    /// The merged checklist of `services`; with several, each item that only some of them ask for
    /// names those.
    static func checklist(_ services: [Service]) -> [SlipDocument] {
        DocumentChecklist.mergeNamingServices(services).map { item in
            let partial = services.count > 1 && item.services.count < services.count
            return SlipDocument(
                name: item.document.name, note: item.document.note, condition: item.document.condition,
                services: partial ? services.filter { item.services.contains($0.id) }.map(\.name) : [])
        }
    }

    /// The days of `availability` that have free starts.
    static func dayTimes(_ availability: Availability, office: Office) -> [DayTimes] {
        availability.days.compactMap { day in
            let starts = day.starts
            guard !starts.isEmpty else { return nil }
            return DayTimes(
                date: calendarDate(day.date), times: starts.map { timeOption($0, in: office) })
        }
    }

    /// A hold as the contact and review steps show it, at `now`.
    static func holdSummary(_ hold: StoredHold, office: Office, now: Instant) -> HoldSummary {
        HoldSummary(
            id: hold.id.rawValue, date: calendarDate(office.timeZone.local(hold.start).date),
            start: timeOption(hold.start, in: office), end: QueueRepresentations.clock(hold.end, in: office),
            remainingSeconds: Int(max(0, now.seconds(until: hold.expiresAt))),
            expiresAt: QueueRepresentations.clock(hold.expiresAt, in: office), extensions: hold.extensions,
            maxExtensions: office.booking.maxHoldExtensions, holdMinutes: office.booking.holdMinutes)
    }

    /// A booking as its page shows it to the holder of `token`.
    func bookingSummary(_ booking: Booking, token: String, office: Office, now: Instant) -> BookingSummary {
        let chosen = booking.services.compactMap { municipality.service($0) }
        return BookingSummary(
            id: booking.id.rawValue, reference: booking.reference, token: token,
            cancelled: booking.status == .cancelled,
            changeable: booking.status == .booked && now < booking.start,
            office: Self.officeSummary(office, hoursFrom: office.timeZone.local(now).date),
            date: Self.calendarDate(office.timeZone.local(booking.start).date),
            start: Self.timeOption(booking.start, in: office), end: QueueRepresentations.clock(booking.end, in: office),
            services: chosen.map(serviceChoice), persons: booking.persons,
            documents: Self.checklist(chosen),
            contact: ContactEntry(
                name: booking.contact.name, email: booking.contact.email ?? "", phone: booking.contact.phone ?? ""),
            mail: mail.settings.isOff ? .off : booking.contact.mailAddress == nil ? .noAddress : .toAddress,
            confirmBy: booking.isUnconfirmed
                ? booking.confirmationDeadline.map { QueueRepresentations.clock($0, in: office) } : nil,
            released: booking.wasReleased)
    }
}
