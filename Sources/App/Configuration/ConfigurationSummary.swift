import Foundation
package import Scheduling

/// The summary `rathaus check` prints: offices, counters, services and bookable hours per week.
package enum ConfigurationSummary {
    /// A readable summary of `municipality` for the week starting on `monday`.
    package static func text(_ municipality: Municipality, week monday: LocalDate) -> String {
        let counters = municipality.offices.reduce(0) { $0 + $1.counters.count }
        var lines = [
            "\(municipality.name): \(municipality.offices.count) offices, \(counters) counters, "
                + "\(municipality.services.count) services, \(municipality.groups.count) ticket groups"
        ]
        let width = municipality.offices.map(\.id.rawValue.count).max() ?? 0
        for office in municipality.offices {
            let schedule = OfficeSchedule(office: office, services: municipality.services)
            let minutes = schedule.bookableMinutes(from: monday, days: 7)
            let walkInOnly = office.counters.filter { counter in
                counter.hours.isEmpty
                    ? counter.contingent == .walkIn : counter.hours.allSatisfy { $0.contingent == .walkIn }
            }
            let id = office.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append(
                "  \(id)  \(office.name) (\(office.state), \(office.timeZone.identifier)): "
                    + "\(office.counters.count) counters\(walkInOnly.isEmpty ? "" : " (\(walkInOnly.count) walk-in only)"), "
                    + "\(office.offeredServices.count) services")
            lines.append(
                "  " + String(repeating: " ", count: width) + "  bookable hours in the week of \(monday.iso): "
                    + "online \(hours(minutes[.online])), hotline \(hours(minutes[.hotline])), "
                    + "counter staff \(hours(minutes[.counter]))")
        }
        return lines.joined(separator: "\n")
    }

    private static func hours(_ minutes: Int?) -> String {
        let value = Double(minutes ?? 0) / 60
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) h" : "\(rounded) h"
    }

    /// The Monday on or after `date`.
    package static func monday(onOrAfter date: LocalDate) -> LocalDate {
        date.adding(days: (8 - date.weekday.rawValue) % 7)
    }
}
