import App
import Foundation
import Scheduling

/// `rathaus check [CONFIG]`: validates a municipality's configuration and prints a summary.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "validate a municipality's configuration and print a summary"
    static let usage = """
        usage: rathaus check [CONFIG] [--week YYYY-MM-DD]

        Validates the configuration (default: \(MunicipalityLoader.demoPath)) and prints its offices,
        counters, services and bookable hours in the week starting on the Monday on or after --week
        (default: today). Exits 1 with the file, the path of the bad field and the reason when the
        configuration is invalid.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let week = try arguments.option("week")
        let path = try arguments.positional() ?? MunicipalityLoader.demoPath
        try arguments.finish()
        var start = OfficeTimeZone(identifier: "Europe/Berlin")?.local(
            Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        ).date
        if let week {
            guard let date = LocalDate(iso: week) else { throw UsageError("--week must be a date YYYY-MM-DD") }
            start = date
        }
        let municipality = try MunicipalityLoader.load(path: path)
        print(
            ConfigurationSummary.text(
                municipality, week: ConfigurationSummary.monday(onOrAfter: start ?? LocalDate(dayNumber: 0))))
        return 0
    }
}
