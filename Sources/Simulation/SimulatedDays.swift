import App
package import Scheduling
import Storage

/// Plays a range of days into a database file: the entry of `rathaus-tools simulate` and of
/// `rathaus serve --demo-month`.
package enum SimulatedDays {
    /// Plays `from` through `through` of `municipality` into the database at `path` (made when
    /// missing) and rolls the days up into the statistics; returns what happened. The clock starts
    /// before the first day by the plan's longest lead time, so the first days are booked too.
    package static func play(
        municipality: Municipality, path: String, from: LocalDate, through: LocalDate, seed: UInt64,
        rollUp: Bool = true, configure: (inout SimulationPlan) -> Void = { _ in }
    ) throws -> SimulationTruth {
        var days: [LocalDate] = []
        var day = from
        while day <= through {
            days.append(day)
            day = day.adding(days: 1)
        }
        var plan = SimulationPlan(days: days, seed: seed)
        configure(&plan)
        let zone = municipality.offices.first?.timeZone ?? OfficeTimeZone(identifier: "UTC")
        let startDay = from.adding(days: -plan.maxLeadDays - 1)
        let clock = SimulationClock(
            zone.map { $0.frame(of: startDay).instant(elapsed: 6 * 60) } ?? Instant(secondsSinceEpoch: 0))
        // Speed over durability: a simulated file that a crash spoils is played again.
        var configuration = SQLiteConnection.Configuration()
        configuration.synchronous = .normal
        let database = try Database.open(
            path: path, municipality: municipality, clock: clock.read, configuration: configuration)
        let app = try RathausApp(
            municipality: municipality, database: database, clock: clock.read, tokenCacheSeconds: 3600)
        let truth = try DaySimulator(app: app, clock: clock, plan: plan).run(database: database)
        if let last = municipality.offices.first?.timeZone.frame(of: through.adding(days: 1)) {
            clock.move(to: last.instant(elapsed: 60))
        }
        if rollUp {
            try database.rollUpStatistics(
                offices: municipality.offices, services: municipality.services, now: clock.now)
        }
        try database.checkpoint()
        return truth
    }
}
