import Foundation
import ICalendar
import RathausCommandLine
import Scheduling

/// `rathaus holidays --state DE-BY [--from 2020] [--to 2040] [--out FILE]`: writes a holiday
/// calendar as an iCalendar file.
enum HolidaysCommand: Subcommand {
    static let name = "holidays"
    static let summary = "write a state's (or region's) public holidays as an iCalendar file"
    static var usage: String {
        let identifiers = HolidayCalendar.all.map(\.identifier)
        let years = HolidayCalendar.supportedYears
        let committed = HolidayICalendar.committedYears
        return """
            usage: rathaus holidays --state CALENDAR [--from YEAR] [--to YEAR] [--out FILE]

            Writes the public holidays of CALENDAR from 1 January of --from (default \(committed.lowerBound)) to
            31 December of --to (default \(committed.upperBound)) as an iCalendar (RFC 5545) file, to FILE or
            standard output. Years from \(years.lowerBound) to \(years.upperBound). The output is the same
            bytes every time; Scripts/generate-holidays writes Calendars/holidays/ with it.

            CALENDAR is a state code or a regional calendar (which holds only its extra days):
              \(identifiers.prefix(8).joined(separator: " "))
              \(identifiers.dropFirst(8).prefix(8).joined(separator: " "))
              \(identifiers.dropFirst(16).joined(separator: " "))
            """
    }

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let years = HolidayCalendar.supportedYears
        guard let identifier = try arguments.option("state") else {
            throw UsageError("--state is required, e.g. --state DE-BY")
        }
        guard let calendar = HolidayCalendar(identifier: identifier) else {
            throw UsageError("unknown calendar '\(identifier)'; see 'rathaus help holidays'")
        }
        let from = try arguments.intOption("from", in: years) ?? HolidayICalendar.committedYears.lowerBound
        let to = try arguments.intOption("to", in: years) ?? HolidayICalendar.committedYears.upperBound
        guard from <= to else { throw UsageError("--from \(from) is after --to \(to)") }
        let output = try arguments.option("out")
        try arguments.finish()

        let data = Data(HolidayICalendar.text(for: calendar, years: from...to).utf8)
        if let output, output != "-" {
            var status = stat()
            if lstat(output, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                throw CommandFailure("\(output) is not a regular file; --out writes (or replaces) a regular file")
            }
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(String(decoding: data, as: UTF8.self), terminator: "")
        }
        return 0
    }
}
