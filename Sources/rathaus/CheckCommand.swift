import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus check [CONFIG]`: validates a municipality's configuration and prints a summary.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "validate a municipality's configuration and print a summary"
    static let usage = """
        usage: rathaus check [CONFIG] [--week YYYY-MM-DD] [--db FILE]

        Validates the configuration (default: \(MunicipalityLoader.demoPath)) and prints its offices,
        counters, services and bookable hours in the week starting on the Monday on or after --week
        (default: today). Exits 1 with the file, the path of the bad field and the reason when the
        configuration is invalid.

        When the database (--db, else $RATHAUS_DB, else ./rathaus.sqlite) exists, it also lists the
        coming bookings that now fall on a closure or outside their counter's hours, so that the
        office can move them.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let week = try arguments.option("week")
        let db = DatabaseLocation.path(explicit: try arguments.option("db"))
        let path = try arguments.positional() ?? MunicipalityLoader.demoPath
        try arguments.finish()
        var start = OfficeTimeZone(identifier: "Europe/Berlin")?.local(Instant.current).date
        if let week {
            guard let date = LocalDate(iso: week) else { throw UsageError("--week must be a date YYYY-MM-DD") }
            start = date
        }
        let municipality = try MunicipalityLoader.load(path: path)
        print(
            ConfigurationSummary.text(
                municipality, week: ConfigurationSummary.monday(onOrAfter: start ?? LocalDate(dayNumber: 0))))
        guard FileManager.default.fileExists(atPath: db) else { return 0 }
        let connection = try SQLiteConnection(path: db, configuration: .reader)
        try RathausSchema.migrator.verifyCurrent(connection)
        let conflicts = ClosureConflicts.find(
            try connection.activeBookings(endingAfter: Instant.current), in: municipality)
        guard !conflicts.isEmpty else {
            print("\(db): no coming booking falls on a closure")
            return 0
        }
        print(
            "\(db): \(conflicts.count) coming bookings fall on a closure or outside their counter's hours; move them:")
        for conflict in conflicts {
            let offset = municipality.office(conflict.office)?.timeZone.offsetSeconds(at: conflict.start) ?? 0
            let start = RFC3339.format(conflict.start, offsetSeconds: offset)
            print(
                "  \(conflict.reference)  \(conflict.office)  counter \(conflict.counter)  \(start)  \(conflict.reason)"
            )
        }
        return 0
    }
}
