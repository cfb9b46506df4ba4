import App
import Dispatch
import Foundation
import RathausCommandLine
import Scheduling
import Storage
import Synchronization

/// `rathaus-tools crash-test`: kills a booking process with SIGKILL at random moments, many times, and
/// checks that every booking it answered is in the database, complete, and that no counter is
/// double-booked (issue 3, "Crash test").
enum CrashTestCommand: Subcommand {
    static let name = "crash-test"
    static let summary = "kill a busy writer with SIGKILL many times and check that no answered booking is lost"
    static let usage = """
        usage: rathaus-tools crash-test [--rounds N] [--db FILE] [--config FILE] [--seed N]

        Starts 'rathaus-tools crash-test --child' (16 callers booking and cancelling through the office
        writers, printing each answered change), kills it with SIGKILL at a random moment, and
        after every round checks the database: every answered booking is present and complete,
        every answered cancellation is stored, no counter time is taken twice, the file passes
        PRAGMA integrity_check, and the office writers load it again. Exits 1 on the first
        violation. --db names a new file to use (an existing one is refused); default: a new
        temporary file.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        let child = try arguments.flag("child")
        let rounds = try arguments.intOption("rounds", in: 1...10_000) ?? 20
        let seed = UInt64(try arguments.intOption("seed", in: 0...Int.max) ?? Int(Date().timeIntervalSince1970))
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let explicitDB = try arguments.option("db")
        try arguments.finish()
        let town = try MunicipalityLoader.load(path: config)
        if child {
            guard let path = explicitDB else { throw UsageError("--child needs --db") }
            return try runChild(path: path, town: town, seed: seed)
        }
        if let explicitDB, FileManager.default.fileExists(atPath: explicitDB) {
            throw CommandFailure("\(explicitDB) exists; the crash test books into a new file only")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rathaus-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if explicitDB == nil { try? FileManager.default.removeItem(at: directory) } }
        let path = explicitDB ?? directory.appendingPathComponent("crash.sqlite").path
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        return try runParent(
            executable: executable, path: path, config: config, town: town, rounds: rounds, seed: seed)
    }

    // MARK: The child: book and cancel until killed

    static func runChild(path: String, town: Municipality, seed: UInt64) throws -> Int32 {
        let database = try Database.open(path: path, municipality: town, clock: { Instant.current })
        let offices = town.offices.compactMap { database.writers[$0.id] }
        let random = Mutex(SplitMix(seed: seed))
        let booked = Mutex<[BookingID: OfficeID]>([:])
        let output = FileHandle.standardOutput
        output.write(Data("READY\n".utf8))

        @Sendable func next() {
            let (writer, command) = random.withLock { generator -> (OfficeWriter, OfficeCommand) in
                let writer = offices[Int(generator.next() % UInt64(offices.count))]
                if generator.next() % 8 == 0,
                    let victim = booked.withLock({ $0.first(where: { $0.value == writer.office.id })?.key })
                {
                    booked.withLock { $0[victim] = nil }
                    return (writer, .cancel(victim, channel: .counter))
                }
                return (
                    writer,
                    .book(
                        request(for: writer, &generator),
                        contact: Contact(name: "Crash Test", email: "c\(generator.next() % 1_000_000)@example.org"))
                )
            }
            writer.submit(command) { result in
                switch result {
                case .success(.booking(let booking, _)) where booking.status == .booked:
                    booked.withLock { $0[booking.id] = booking.office }
                    output.write(
                        Data(
                            "BOOKED \(booking.id) \(booking.office) \(booking.counter) \(booking.start.secondsSinceEpoch) \(booking.end.secondsSinceEpoch) \(booking.reference)\n"
                                .utf8))
                case .success(.booking(let booking, _)):
                    output.write(Data("CANCELLED \(booking.id)\n".utf8))
                default:
                    break
                }
                next()
            }
        }
        for _ in 0..<16 { next() }
        dispatchMain()
    }

    /// A booking request at a free start of a random day, on the counter channel (any time).
    static func request(for writer: OfficeWriter, _ generator: inout SplitMix) -> SlotRequest {
        let capacity = writer.capacity
        let now = Instant.current
        let services = capacity.office.offeredServices.sorted()
        let service = services[Int(generator.next() % UInt64(services.count))]
        let today = capacity.frame(containing: now).date
        let day = today.adding(days: 1 + Int(generator.next() % 30))
        let starts =
            (try? capacity.availability(
                services: [service], persons: 1, channel: .counter, from: day, to: day, now: now))?
            .days.first?.starts ?? []
        let start = starts.isEmpty ? now : starts[Int(generator.next() % UInt64(starts.count))]
        return SlotRequest(services: [service], persons: 1, start: start, channel: .counter)
    }

    // MARK: The parent: kill, check, repeat

    /// Runs `rounds` kill rounds of `executable` (a rathaus-tools binary) on the database at `path`.
    static func runParent(
        executable: String, path: String, config: String, town: Municipality, rounds: Int, seed: UInt64
    ) throws -> Int32 {
        var generator = SplitMix(seed: seed)
        var reported: [String: (office: String, counter: String, start: Int64, end: Int64, reference: String)] = [:]
        var cancelled: Set<String> = []
        for round in 1...rounds {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [
                "crash-test", "--child", "--db", path, "--config", config, "--seed",
                "\(generator.next() % 1_000_000_000)",
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let lines = LineCollector(pipe.fileHandleForReading)
            // Let it get going (it has answered at least a few), then kill it at a random moment.
            guard lines.wait(forLines: 3, seconds: 20) else {
                process.terminate()
                throw CommandFailure("round \(round): the child did not start booking (\(lines.text.prefix(200)))")
            }
            usleep(UInt32(generator.next() % 300_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for line in lines.finish() {
                let fields = line.split(separator: " ").map(String.init)
                if fields.first == "BOOKED", fields.count == 7, let start = Int64(fields[4]), let end = Int64(fields[5])
                {
                    reported[fields[1]] = (fields[2], fields[3], start, end, fields[6])
                } else if fields.first == "CANCELLED", fields.count == 2 {
                    cancelled.insert(fields[1])
                }
            }
            let problems = try verify(path: path, town: town, reported: reported, cancelled: cancelled)
            if let problem = problems.first {
                throw CommandFailure("round \(round): \(problem) (\(problems.count) problems)")
            }
        }
        let stored = try SQLiteConnection(path: path).bookingCount()
        print(
            "crash test: \(rounds) kills, \(reported.count) answered bookings and \(cancelled.count) answered cancellations all stored complete; \(stored) bookings in the file; no counter time taken twice; integrity ok"
        )
        return 0
    }

    /// Every way the database could disagree with what the child answered.
    static func verify(
        path: String, town: Municipality,
        reported: [String: (office: String, counter: String, start: Int64, end: Int64, reference: String)],
        cancelled: Set<String>
    ) throws -> [String] {
        var problems: [String] = []
        let connection = try SQLiteConnection(path: path)
        defer { try? connection.close() }
        let integrity = try connection.integrityCheck()
        if !integrity.isEmpty { problems.append("integrity check: \(integrity.joined(separator: "; "))") }
        var rows:
            [String: (
                office: String, counter: String, start: Int64, end: Int64, reference: String, status: String,
                complete: Bool, units: Int
            )] = [:]
        for row in try connection.query(
            """
            SELECT b.id, b.office, b.counter, b.starts_at, b.ends_at, b.reference, b.status,
                b.token_hash IS NOT NULL AND length(b.token_hash) = 32 AND b.contact_name IS NOT NULL AND b.services <> '',
                coalesce(o.units, 0)
            FROM booking b LEFT JOIN (SELECT booking, count(*) AS units FROM occupancy GROUP BY booking) o ON o.booking = b.id
            """)
        {
            rows[try row.value(at: 0)] = (
                try row.value(at: 1), try row.value(at: 2), try row.value(at: 3), try row.value(at: 4),
                try row.value(at: 5),
                try row.value(at: 6), try row.value(at: 7), try row.value(at: 8)
            )
        }
        for (id, expected) in reported {
            guard let row = rows[id] else {
                problems.append("answered booking \(id) is missing")
                continue
            }
            if !cancelled.contains(id),
                (row.office, row.counter, row.start, row.end, row.reference) != (
                    expected.office, expected.counter, expected.start, expected.end, expected.reference
                )
            {
                problems.append("answered booking \(id) is stored differently")
            }
            if !row.complete { problems.append("booking \(id) is incomplete") }
        }
        for id in cancelled where rows[id]?.status != "cancelled" {
            problems.append("answered cancellation of \(id) is not stored")
        }
        for (id, row) in rows {
            guard let office = town.office(OfficeID(row.office)) else { continue }
            let expectedUnits = Int(row.end - row.start) / 60 / office.gridMinutes
            let units = row.status == "booked" ? expectedUnits : 0
            if row.units != units { problems.append("booking \(id) has \(row.units) occupancy rows, not \(units)") }
        }
        let overlaps =
            try connection.scalar(
                """
                SELECT count(*) FROM booking a JOIN booking b ON a.office = b.office AND a.counter = b.counter AND a.id < b.id
                WHERE a.status = 'booked' AND b.status = 'booked' AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                """, as: Int.self) ?? 0
        if overlaps > 0 { problems.append("\(overlaps) pairs of bookings share counter time") }
        return problems
    }
}

/// Collects the lines a child writes, on a thread of its own, and wakes a waiter at a count.
final class LineCollector: @unchecked Sendable {
    // Invariant: `state` is behind a mutex; `handle` is read only by the reading thread.
    private let state = Mutex<(data: [UInt8], lines: Int, done: Bool)>(([], 0, false))
    private let changed = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                state.withLock {
                    $0.data += chunk
                    $0.lines = $0.data.filter { $0 == 0x0A }.count
                    if chunk.isEmpty { $0.done = true }
                }
                changed.signal()
                if chunk.isEmpty { break }
            }
            finished.signal()
        }
    }

    var text: String { String(decoding: state.withLock { $0.data }, as: UTF8.self) }

    /// Waits until `count` lines (after the READY line) have arrived, or the child ended, or time ran out.
    func wait(forLines count: Int, seconds: Double) -> Bool {
        let deadline = DispatchTime.now() + seconds
        while true {
            let (lines, done) = state.withLock { ($0.lines, $0.done) }
            if lines > count { return true }
            if done || changed.wait(timeout: deadline) == .timedOut { return false }
        }
    }

    /// Waits for the end of the output and returns its complete lines.
    func finish() -> [String] {
        finished.wait()
        let text = self.text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !text.hasSuffix("\n") { lines.removeLast() }  // a line cut by the kill is not an answer
        return lines
    }
}
