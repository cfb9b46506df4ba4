import Dispatch
import RathausTesting
import Scheduling
import Synchronization
import Testing

@testable import Storage

/// The office writer against real database files: durability, restart, group commit, races.
@Suite struct OfficeWriterTests {
    static let services = [
        Fixtures.service("pass", minutes: 15, group: "A"), Fixtures.service("hund", minutes: 10, group: "B"),
    ]
    static let groups = [ServiceGroup(letter: "A", name: "Pass"), ServiceGroup(letter: "B", name: "Hund")]

    static func town(counters: Int = 2, holdBack: Int = 0) -> Municipality {
        let office = Fixtures.office(
            hours: [Fixtures.rule(from: "08:00", to: "16:00")],
            counters: (1...counters).map { Fixtures.counter(CounterID("\($0)"), skills: ["pass", "hund"]) },
            booking: BookingPolicy(
                window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 30), cancellationHoldBackMinutes: holdBack))
        return Municipality(name: "Test", services: services, groups: groups, offices: [office])
    }

    let clock = SharedClock(Fixtures.instant("2026-12-07T07:00"))

    func open(_ directory: TemporaryDirectory, _ town: Municipality = town()) throws -> Database {
        try Database.open(path: directory.file("rathaus.sqlite"), municipality: town, clock: clock.read)
    }

    func starts(_ writer: OfficeWriter, channel: Channel = .online) throws -> [Instant] {
        let monday = Fixtures.date("2026-12-07")
        return try writer.capacity.availability(
            services: ["pass"], persons: 1, channel: channel, from: monday, to: monday.adding(days: 6), now: clock.now
        ).days.flatMap(\.starts)
    }

    func book(_ writer: OfficeWriter, _ local: String, email: String = "erika@example.org") -> Result<
        OfficeOutcome, WriterError
    > {
        writer.perform(.book(Fixtures.request(local), contact: Contact(name: "Erika Müller", email: email)))
    }

    @Test func anAnsweredBookingIsInTheFileWithItsTokenHashed() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let booking, let token?)) = book(writer, "2026-12-07T09:00") else {
                Issue.record("not booked")
                return
            }
            let check = try SQLiteConnection(path: directory.file("rathaus.sqlite"))
            let row = try #require(
                try check.queryFirst(
                    "SELECT reference, token_hash, contact_name FROM booking WHERE id = ?", [booking.id.rawValue]))
            #expect(try row.value(at: 0, as: String.self) == booking.reference)
            #expect(try row.value(at: 1, as: [UInt8].self) == Secrets.hash(token: token))
            #expect(try row.value(at: 2, as: String.self) == "Erika Müller")
            #expect(
                try check.scalar(
                    "SELECT count(*) FROM occupancy WHERE booking = ?", [booking.id.rawValue], as: Int.self) == 3)
            let texts = try check.query("SELECT * FROM booking").flatMap(\.values).compactMap { value -> String? in
                if case .text(let text) = value { return text }
                return nil
            }
            #expect(!texts.isEmpty)
            #expect(!texts.contains { $0.contains(token) }, "the token itself is never stored")
        }
    }

    /// Cancelling and moving find a booking's occupancy by the office, counter and minutes (there
    /// is no index by booking): exactly its rows go, its neighbours' rows on the same counter stay,
    /// and the delete searches the key, not the whole table.
    @Test func cancellingAndMovingTakeExactlyTheBookingsOccupancy() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory, Self.town(counters: 1))
            let writer = try #require(database.writers["rathaus"])
            var bookings: [Booking] = []
            for start in ["2026-12-08T09:00", "2026-12-08T09:20", "2026-12-08T09:40", "2026-12-08T10:00"] {
                let result = writer.perform(
                    .book(Fixtures.request(start, channel: .hotline), contact: Contact(name: "Erika Müller")))
                guard case .success(.booking(let booking, _)) = result else {
                    Issue.record("not booked: \(start): \(result)")
                    return
                }
                bookings.append(booking)
            }
            let check = try SQLiteConnection(path: directory.file("rathaus.sqlite"))
            func units(_ booking: Booking) throws -> Int? {
                try check.scalar(
                    "SELECT count(*) FROM occupancy WHERE booking = ?", [booking.id.rawValue], as: Int.self)
            }
            #expect(try bookings.map(units) == [3, 3, 3, 3])
            guard case .success = writer.perform(.cancel(bookings[1].id, channel: .online)) else {
                Issue.record("not cancelled")
                return
            }
            #expect(try bookings.map(units) == [3, 0, 3, 3])
            guard
                case .success(.booking(let moved, _)) = writer.perform(
                    .reschedule(bookings[2].id, start: Fixtures.instant("2026-12-08T09:20"), channel: .hotline))
            else {
                Issue.record("not moved")
                return
            }
            #expect(try bookings.map(units) == [3, 0, 3, 3])
            let minutes = try check.query(
                "SELECT minute FROM occupancy WHERE booking = ? ORDER BY minute", [moved.id.rawValue]
            ).map { try $0.value(at: 0, as: Int64.self) }
            #expect(minutes == [0, 5, 10].map { Fixtures.instant("2026-12-08T09:20").secondsSinceEpoch / 60 + $0 })
            #expect(try check.scalar("SELECT count(*) FROM occupancy", as: Int.self) == 9)
            let plan = try check.query(
                "EXPLAIN QUERY PLAN " + SQLiteConnection.deleteOccupancySQL, ["x"]
            ).map { try $0.value(at: 3, as: String.self) }
            #expect(
                plan.contains {
                    $0.contains("occupancy USING PRIMARY KEY (office=? AND counter=? AND minute>? AND minute<?)")
                }, "\(plan)")
        }
    }

    @Test func aRestartGivesIdenticalAvailabilityHoldsAndQueue() throws {
        try withTemporaryDirectory { directory in
            let before: (offered: [Instant], hotline: [Instant], tickets: [Ticket], holds: [HoldID])
            do {
                let database = try open(directory, Self.town(holdBack: 30))
                let writer = try #require(database.writers["rathaus"])
                _ = book(writer, "2026-12-07T09:00")
                _ = book(writer, "2026-12-07T09:00", email: "max@example.org")
                guard case .success(.booking(let cancelled, _)) = book(writer, "2026-12-08T10:00", email: "a@x.de")
                else {
                    Issue.record("not booked")
                    return
                }
                _ = writer.perform(.cancel(cancelled.id, channel: .online))
                guard case .success(.booking(let moved, _)) = book(writer, "2026-12-09T10:00", email: "b@x.de") else {
                    Issue.record("not booked")
                    return
                }
                _ = writer.perform(
                    .reschedule(moved.id, start: Fixtures.instant("2026-12-09T11:00"), channel: .hotline))
                _ = writer.perform(.placeHold(Fixtures.request("2026-12-10T08:30")))
                _ = writer.perform(.issueTicket(services: ["pass"]))
                _ = writer.perform(.issueTicket(services: ["hund"]))
                _ = writer.perform(.callNext("1"))
                before = (
                    try starts(writer), try starts(writer, channel: .hotline), writer.queueState.tickets,
                    writer.inspect { schedule, _ in schedule.holds.keys.sorted() }
                )
            }
            let database = try open(directory, Self.town(holdBack: 30))
            let writer = try #require(database.writers["rathaus"])
            #expect(try starts(writer) == before.offered, "held-back time and the hold stay closed to citizens")
            #expect(try starts(writer, channel: .hotline) == before.hotline)
            #expect(writer.queueState.tickets == before.tickets)
            #expect(writer.inspect { schedule, _ in schedule.holds.keys.sorted() } == before.holds)
            guard case .success(.queue(_, let ticket, _)) = writer.perform(.issueTicket(services: ["pass"])) else {
                Issue.record("no ticket")
                return
            }
            #expect(ticket.number == "A002", "numbering continues after the restart")
        }
    }

    @Test func expiredHoldsAreNotRestoredAndTheSweepDeletesThem() throws {
        try withTemporaryDirectory { directory in
            do {
                let writer = try #require(try open(directory).writers["rathaus"])
                _ = writer.perform(.placeHold(Fixtures.request("2026-12-07T09:00")))
            }
            clock.advance(minutes: 11)
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            #expect(try starts(writer).contains(Fixtures.instant("2026-12-07T09:00")))
            guard case .success(.swept) = writer.perform(.sweep) else {
                Issue.record("sweep failed")
                return
            }
            #expect(try database.reader.sync { try $0.scalar("SELECT count(*) FROM hold", as: Int.self) } == 0)
        }
    }

    @Test func concurrentCallersAreGroupCommittedAndNeverDoubleBooked() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory, Self.town(counters: 3))
            let writer = try #require(database.writers["rathaus"])
            let outcomes = Mutex<[Result<OfficeOutcome, WriterError>]>([])
            let group = DispatchGroup()
            // 64 callers for 8 start times on 3 counters: 24 can win.
            for caller in 0..<64 {
                group.enter()
                let start = "2026-12-07T\(8 + caller % 8 < 10 ? "0" : "")\(8 + caller % 8):00"
                writer.submit(.book(Fixtures.request(start), contact: Contact(name: "P", email: "p\(caller)@x.de"))) {
                    outcome in
                    outcomes.withLock { $0.append(outcome) }
                    group.leave()
                }
            }
            group.wait()
            let results = outcomes.withLock { $0 }
            let booked = results.compactMap { result -> Booking? in
                if case .success(.booking(let booking, _)) = result { return booking }
                return nil
            }
            #expect(booked.count == 24)
            #expect(results.count - booked.count == 40)
            let places = Set(booked.map { "\($0.counter)@\($0.start)" })
            #expect(places.count == booked.count, "no counter time given twice")
            let stored = try database.reader.sync { try $0.scalar("SELECT count(*) FROM booking", as: Int.self) }
            #expect(stored == 24)
            let counts = database.committer.counts
            #expect(counts.transactions < 24, "\(counts.transactions) transactions for 24 bookings: not grouped")
        }
    }

    @Test func twoWritersRacingForOneSlotGetExactlyOneBooking() throws {
        // Two processes' worth of writers on one file, each with its own memory: the database's
        // occupancy key lets only one of them store the booking.
        try withTemporaryDirectory { directory in
            for round in 0..<10 {
                let first = try open(directory, Self.town(counters: 1))
                let second = try open(directory, Self.town(counters: 1))
                let start = Fixtures.instant("2026-12-07T08:00").adding(minutes: 20 * round)
                let request = SlotRequest(services: ["pass"], persons: 1, start: start, channel: .online)
                let outcomes = Mutex<[Result<OfficeOutcome, WriterError>]>([])
                let group = DispatchGroup()
                for (index, database) in [first, second].enumerated() {
                    group.enter()
                    database.writers["rathaus"]?.submit(
                        .book(request, contact: Contact(name: "P", email: "p\(round)-\(index)@x.de"))
                    ) { outcome in
                        outcomes.withLock { $0.append(outcome) }
                        group.leave()
                    }
                }
                group.wait()
                let results = outcomes.withLock { $0 }
                let wins = results.filter { if case .success = $0 { true } else { false } }
                #expect(wins.count == 1, "round \(round): \(results)")
                let losses = results.filter {
                    if case .failure(.scheduling(.slotUnavailable)) = $0 { true } else { false }
                }
                #expect(losses.count == 1, "round \(round): \(results)")
                let stored = try first.reader.sync {
                    try $0.scalar(
                        "SELECT count(*) FROM booking WHERE starts_at = ?", [start.secondsSinceEpoch], as: Int.self)
                }
                #expect(stored == 1)
            }
        }
    }

    @Test func aFailedCommitRollsTheDecisionBackInMemory() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            _ = book(writer, "2026-12-07T08:00")
            // A trigger makes SQLite refuse one particular booking, as a full disk or an I/O error would.
            try database.committer.withConnection { connection in
                try connection.execute(
                    """
                    CREATE TEMP TRIGGER refuse BEFORE INSERT ON booking WHEN NEW.contact_email = 'fail@x.de'
                    BEGIN SELECT RAISE(ABORT, 'refused by test'); END
                    """)
            }
            let before = try starts(writer)
            let inMemoryBefore = writer.inspect { schedule, _ in schedule.bookings.count }
            guard case .failure(.storage) = book(writer, "2026-12-07T10:00", email: "fail@x.de") else {
                Issue.record("the refused booking was answered as booked")
                return
            }
            #expect(try starts(writer) == before)
            #expect(writer.inspect { schedule, _ in schedule.bookings.count } == inMemoryBefore)
            #expect(
                writer.inspect { schedule, _ in
                    schedule.day(Fixtures.date("2026-12-07")).counters.map(\.taken.population)
                } == [3, 0])
            guard case .success = book(writer, "2026-12-07T10:00", email: "ok@x.de") else {
                Issue.record("the time stayed lost after the failure")
                return
            }
        }
    }

    @Test func retentionErasesPersonalDataOfPastBookingsOnly() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            _ = book(writer, "2026-12-07T08:00", email: "old@x.de")
            _ = book(writer, "2026-12-21T08:00", email: "new@x.de")
            let erased = try database.erasePersonalData(olderThanDays: 7, now: Fixtures.instant("2026-12-20T12:00"))
            #expect(erased == 1)
            let rows = try database.reader.sync { connection in
                try connection.query(
                    "SELECT contact_email, erased_at IS NOT NULL, persons FROM booking ORDER BY starts_at")
            }
            #expect(try rows[0].value(at: 0, as: String?.self) == nil)
            #expect(try rows[0].value(at: 1, as: Bool.self))
            #expect(try rows[0].value(at: 2, as: Int.self) == 1, "the anonymous record stays")
            #expect(try rows[1].value(at: 0, as: String?.self) == "new@x.de")
        }
    }

    @Test func staffActionsAreAudited() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            let actor = StaffActor(id: "tok-1", role: "hotline")
            guard
                case .success(.booking(let booking, _)) = writer.perform(
                    .book(Fixtures.request("2026-12-07T09:00", channel: .hotline), contact: Contact(name: "Caller")),
                    actor: actor)
            else {
                Issue.record("not booked")
                return
            }
            _ = writer.perform(.cancel(booking.id, channel: .hotline), actor: actor)
            let actions = try database.reader.sync { connection in
                try connection.query("SELECT action, actor, target FROM audit_log ORDER BY id").map {
                    "\(try $0.value(at: 0, as: String.self)) \(try $0.value(at: 1, as: String.self)) \(try $0.value(at: 2, as: String.self))"
                }
            }
            #expect(actions == ["book tok-1 \(booking.reference)", "cancel tok-1 \(booking.reference)"])
        }
    }

    @Test func aRefusalIsAnsweredWithoutWaitingForTheCommitOfItsBatch() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory, Self.town(counters: 1))
            let writer = try #require(database.writers["rathaus"])
            // Hold the writer's queue so that both requests are decided in one batch, and the
            // committer's so that the batch's commit waits.
            let writerGate = DispatchSemaphore(value: 0)
            let committerGate = DispatchSemaphore(value: 0)
            let held = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                writer.inspect { _, _ in
                    held.signal()
                    writerGate.wait()
                }
            }
            held.wait()
            DispatchQueue.global().async {
                database.committer.withConnection { _ in
                    held.signal()
                    committerGate.wait()
                }
            }
            held.wait()
            let answers = Mutex<[String]>([])
            let answered = DispatchGroup()
            let first = DispatchSemaphore(value: 0)
            for email in ["erika@example.org", "max@example.org"] {
                answered.enter()
                writer.submit(.book(Fixtures.request("2026-12-07T09:00"), contact: Contact(name: "E", email: email))) {
                    outcome in
                    answers.withLock { $0.append((try? outcome.get()) == nil ? "refused" : "booked") }
                    first.signal()
                    answered.leave()
                }
            }
            writerGate.signal()
            // The second request, refused, is answered while the first one's commit still waits.
            _ = first.wait(timeout: .now() + 10)
            #expect(answers.withLock { $0 } == ["refused"])
            committerGate.signal()
            answered.wait()
            #expect(answers.withLock { $0 } == ["refused", "booked"])
        }
    }
}
