import Foundation
import RathausCommandLine
import Scheduling
import Simulation

/// `rathaus serve --demo-month`: last month, played by the day simulator into a new file before
/// the server starts on it (Documentation/Statistics.md, "A simulated month").
enum DemoMonth {
    static func play(town: Municipality, path: String, today: LocalDate?) throws {
        guard let today else { return }
        let firstOfMonth = today.adding(days: 1 - today.day)
        let through = firstOfMonth.adding(days: -1)
        let from = through.adding(days: 1 - through.day)
        print("Playing \(from.iso) to \(through.iso) with the day simulator into \(path) (once; a minute or two) …")
        fflush(nil)
        let started = Date()
        let truth = try SimulatedDays.play(municipality: town, path: path, from: from, through: through, seed: 2026)
        print(
            "  \(truth.bookings.count) bookings and \(truth.visits.count) tickets in "
                + "\(String(format: "%.0f", Date().timeIntervalSince(started))) s. The statistics: /staff/statistics, "
                + "signed in as the account the next lines name.")
    }
}

extension Instant {
    /// The local date of this instant at `office`.
    func local(in office: Office) -> LocalDate {
        office.timeZone.local(self).date
    }
}
