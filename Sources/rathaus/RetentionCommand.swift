import App
import Foundation
import RathausCommandLine
import Scheduling
import Storage

/// `rathaus retention`: erases the personal data of past appointments now (the server also does
/// it every hour).
enum RetentionCommand: Subcommand {
    static let name = "retention"
    static let summary = "erase name, e-mail and phone of appointments older than the retention period"
    static let usage = """
        usage: rathaus retention [--config FILE] [--db FILE] [--days N]

        Erases the contact data of bookings that ended more than N days ago (default: the
        configuration's retentionDays, 30), keeping the anonymous records, and prints how many.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let db = DatabaseLocation.path(explicit: try arguments.option("db"))
        let days = try arguments.intOption("days", in: 1...3650)
        try arguments.finish()
        let town = try MunicipalityLoader.load(path: config)
        guard FileManager.default.fileExists(atPath: db) else { throw CommandFailure("\(db): no such database") }
        let database = try Database.open(path: db, municipality: town, clock: { Instant.current })
        // The statistics take finished days while their records are whole (Documentation/Statistics.md).
        try database.rollUpStatistics(offices: town.offices, services: town.services, now: Instant.current)
        let erased = try database.erasePersonalData(olderThanDays: days ?? town.retentionDays, now: Instant.current)
        print(
            "erased the contact data of \(erased) bookings that ended more than \(days ?? town.retentionDays) days ago")
        return 0
    }
}
