package import Scheduling

/// The holiday calendars as iCalendar files: what `rathaus holidays` writes and what
/// `Calendars/holidays/` holds.
///
/// The output depends only on the calendar and the years, so the committed files can be checked
/// byte for byte: DTSTAMP is 1 January of the first year at 00:00 UTC, UIDs are
/// `<calendar>-<date>-<rule>@rathaus` (`DE-BY-2026-12-25-weihnachtstag-1@rathaus`), and events
/// are in date order.
package enum HolidayICalendar {
    /// The years of the files committed in `Calendars/holidays/`.
    package static let committedYears: ClosedRange<Int> = 2020...2040

    /// PRODID of the holiday files (RFC 5545 §3.7.3).
    package static let productID = "-//Rathaus//Feiertage//DE"

    /// The iCalendar text of `calendar`'s holidays in `years` (which must lie in
    /// `HolidayCalendar.supportedYears` to contain anything).
    package static func text(for calendar: HolidayCalendar, years: ClosedRange<Int>) -> String {
        document(for: calendar, years: years).serialized(stamp: stamp(for: years))
    }

    /// The document behind `text(for:years:)`.
    package static func document(for calendar: HolidayCalendar, years: ClosedRange<Int>) -> ICalendarDocument {
        let span =
            years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
        let events = calendar.holidays(years: years).map { holiday in
            var event = ICalendarEvent.allDay(
                uid: "\(calendar.identifier)-\(holiday.date.iso)-\(holiday.key)@rathaus", from: holiday.date,
                through: holiday.date, summary: holiday.name)
            event.description = "Gesetzlicher Feiertag \(calendar.area)."
            event.isTransparent = true
            event.categories = ["Feiertag"]
            return event
        }
        return ICalendarDocument(
            productID: productID, method: "PUBLISH", name: calendar.name,
            calendarDescription: "Gesetzliche Feiertage \(calendar.area), \(span). Erzeugt von Rathaus.",
            events: events)
    }

    /// 1 January of the first year, 00:00 UTC: a DTSTAMP that does not change when the file is
    /// generated again.
    static func stamp(for years: ClosedRange<Int>) -> Instant {
        let day = LocalDate(year: years.lowerBound, month: 1, day: 1)?.dayNumber ?? 0
        return Instant(secondsSinceEpoch: Int64(day) * 86_400)
    }
}
