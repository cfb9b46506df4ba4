/// `rathaus check [CONFIG]`: validates a municipality's configuration and prints a summary.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "validate a municipality's configuration and print a summary"
    static let usage = """
        usage: rathaus check [CONFIG]

        Validates the configuration (default: Calendars/musterstadt/musterstadt.json) and prints its
        offices, counters, services and bookable hours per week. Exits 1 when it is invalid.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let path = try arguments.positional() ?? "Calendars/musterstadt/musterstadt.json"
        try arguments.finish()
        throw CommandFailure("\(path): configuration loading is not built yet")
    }
}
