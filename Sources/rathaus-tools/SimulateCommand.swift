import App
import Foundation
import RathausCommandLine
import Scheduling
import Simulation
import Storage

/// `rathaus-tools simulate`: plays office days through the API into a database
/// (Documentation/Statistics.md, "The day simulator").
enum SimulateCommand: Subcommand {
    static let name = "simulate"
    static let summary = "play realistic office days through the API into a database, for the statistics"
    static let usage = """
        usage: rathaus-tools simulate --db FILE --from YYYY-MM-DD [--to YYYY-MM-DD] [--config FILE] [--seed N]
                                      [--truth FILE]

        Plays the days --from through --to (default: --from) of the municipality of --config
        (default: the demo town) into the database --db, which must not exist yet: bookings made
        days ahead on every channel, cancellations and moves, check-ins, walk-ins, calls, service
        times and no-shows, on a clock of its own, so a month takes a minute. Then rolls the days
        up into the statistics and prints what it did. --truth writes every visit and booking the
        simulator made (JSON), the truth the statistics must equal. The same --seed plays the same
        days.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        guard let db = try arguments.option("db") else { throw UsageError("--db FILE is required") }
        guard let fromText = try arguments.option("from"), let from = LocalDate(iso: fromText) else {
            throw UsageError("--from YYYY-MM-DD is required")
        }
        let toText = try arguments.option("to")
        guard let through = toText.map({ LocalDate(iso: $0) }) ?? from else {
            throw UsageError("--to must be a date YYYY-MM-DD")
        }
        let seed = try arguments.intOption("seed", in: 0...Int.max) ?? 1
        let truthPath = try arguments.option("truth")
        try arguments.finish()
        guard from <= through, from.days(until: through) < 400 else {
            throw UsageError("--to must be from --from to 400 days after it")
        }
        guard !FileManager.default.fileExists(atPath: db) else { throw CommandFailure("\(db) exists already") }
        let town = try MunicipalityLoader.load(path: config)
        let started = Date()
        let truth = try SimulatedDays.play(
            municipality: town, path: db, from: from, through: through, seed: UInt64(seed))
        let served = truth.visits.filter { $0.finishedAt != nil }.count
        print(
            "simulated \(from.iso) to \(through.iso) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: "
                + "\(truth.bookings.count) bookings (\(truth.bookings.filter { $0.cancelledAt != nil }.count) cancelled), "
                + "\(truth.visits.count) tickets, \(served) served, into \(db)")
        if let truthPath {
            try Data(TruthJSON.encode(truth)).write(to: URL(fileURLWithPath: truthPath))
            print("the truth: \(truthPath)")
        }
        return 0
    }
}

/// The simulator's truth as JSON: times as seconds since the epoch.
enum TruthJSON {
    static func encode(_ truth: SimulationTruth) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.array("visits") { json in
                for visit in truth.visits {
                    json.object { json in
                        json.string("office", visit.office.rawValue)
                        json.string("day", visit.day.iso)
                        json.string("kind", visit.kind.rawValue)
                        json.string("channel", ifPresent: visit.channel?.rawValue)
                        json.string("group", visit.group)
                        json.string("services", visit.services.map(\.rawValue).joined(separator: "+"))
                        json.int("persons", visit.persons)
                        json.int("issuedAt", Int(visit.issuedAt.secondsSinceEpoch))
                        json.int(
                            "appointmentStart", ifPresent: visit.appointmentStart.map { Int($0.secondsSinceEpoch) })
                        json.int("calledAt", ifPresent: visit.calledAt.map { Int($0.secondsSinceEpoch) })
                        json.string("counter", ifPresent: visit.counter?.rawValue)
                        json.int("startedAt", ifPresent: visit.startedAt.map { Int($0.secondsSinceEpoch) })
                        json.int("finishedAt", ifPresent: visit.finishedAt.map { Int($0.secondsSinceEpoch) })
                        json.bool("noShow", visit.noShow)
                    }
                }
            }
            json.array("bookings") { json in
                for booking in truth.bookings {
                    json.object { json in
                        json.string("office", booking.office.rawValue)
                        json.string("channel", booking.channel.rawValue)
                        json.string("services", booking.services.map(\.rawValue).joined(separator: "+"))
                        json.int("persons", booking.persons)
                        json.int("createdAt", Int(booking.createdAt.secondsSinceEpoch))
                        json.int("start", Int(booking.start.secondsSinceEpoch))
                        json.int("end", Int(booking.end.secondsSinceEpoch))
                        json.int("cancelledAt", ifPresent: booking.cancelledAt.map { Int($0.secondsSinceEpoch) })
                        json.string("cancelledBy", ifPresent: booking.cancelledBy?.rawValue)
                        json.array("moves") { json in for move in booking.moves { json.string(move.rawValue) } }
                        json.bool("attended", booking.attended)
                    }
                }
            }
        }
        return json.bytes
    }
}
