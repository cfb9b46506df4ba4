import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// Schema step 13: a booking's messages are found through the index of booking ids without their
/// office (`outbox_booking_made`), the bookings not erased through the index by creation time
/// (`booking_unerased`). The queries must use them, and must find exactly what the whole id and
/// the end time say, also for ids that share their time-ordered part or have no office at all.
@Suite struct IndexOrderTests {
    let now = Fixtures.instant("2026-12-01T10:00")

    func open(_ directory: TemporaryDirectory) throws -> Database {
        let now = self.now
        return try Database.open(
            path: directory.file("rathaus.sqlite"), municipality: OfficeWriterTests.town(), clock: { now })
    }

    /// The detail lines of SQLite's plan for `sql`, with `parameters` values bound.
    func plan(_ connection: SQLiteConnection, _ sql: String, parameters: Int) throws -> [String] {
        try connection.query(
            "EXPLAIN QUERY PLAN " + sql, Array(repeating: "x" as any SQLiteValueConvertible, count: parameters)
        ).map { try $0.value(at: 3, as: String.self) }
    }

    @Test func theQueriesByBookingAndOfBookingsNotErasedUseTheirIndexes() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            try database.committer.withConnection { connection in
                let expected: [(sql: String, parameters: Int, uses: [String])] = [
                    (
                        SQLiteConnection.dropWaitingMessagesSQL(kinds: 2), 5,
                        ["SEARCH outbox USING INDEX outbox_booking_made (<expr>=?)"]
                    ),
                    (
                        SQLiteConnection.bookingMessagesSQL, 1,
                        ["SEARCH outbox USING INDEX outbox_booking_made (<expr>=?)"]
                    ),
                    (
                        SQLiteConnection.dueMessagesSQL, 2,
                        [
                            "SEARCH o USING INDEX outbox_due (next_attempt_at<?)",
                            "SEARCH e USING INDEX outbox_booking_made (<expr>=? AND rowid<?)",
                        ]
                    ),
                    (
                        SQLiteConnection.unerasedBookingsEndingAfter, 1,
                        ["SCAN booking USING INDEX booking_unerased"]
                    ),
                    (
                        Database.eraseBookingContactsSQL, 2,
                        ["SEARCH booking USING INDEX booking_unerased (created_at<?)"]
                    ),
                    (SQLiteConnection.eraseLinkSecretsSQL, 1, ["SCAN booking USING INDEX booking_unerased"]),
                ]
                for (sql, parameters, uses) in expected {
                    let lines = try plan(connection, sql, parameters: parameters)
                    for use in uses {
                        #expect(lines.contains(use), "\(sql)\n\(lines)")
                    }
                    #expect(!lines.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") }, "\(sql)\n\(lines)")
                }
            }
        }
    }

    /// A booking row with nothing but what its columns require (the outbox refers to it).
    func insertBooking(_ connection: SQLiteConnection, id: String, office: String, end: Instant, created: Instant)
        throws
    {
        try connection.execute(
            """
            INSERT INTO booking (id, reference, token_hash, office, counter, services, persons, starts_at, ends_at,
                day, channel, contact_name, contact_email, status, created_at, updated_at, sequence, link_secret)
            VALUES (?1, ?1, x'00', ?2, 'c1', 's', 1, ?3 - 600, ?3, 0, 'online', 'Erika Müller', 'e@example.org',
                'booked', ?4, ?4, 1, x'01')
            """, [id, office, end.secondsSinceEpoch, created.secondsSinceEpoch])
    }

    /// Seeded: messages of ids at several offices, including ids that share their part after the
    /// office, ids without an office and ids with a second dot, are inserted, deferred and
    /// dropped at random; the messages of each booking, the drops and the due messages agree with
    /// a model that compares whole ids.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func aBookingsMessagesAreExactlyThoseOfItsWholeId(seed: UInt64) throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            var random = SeededGenerator(seed: seed)
            let shared = RecordID.make(office: "a").split(separator: ".").last.map(String.init) ?? "x"
            var ids = ["a.\(shared)", "b.\(shared)", "legacy", "x.y.z", "y.z", "c.", ".c"]
            for office in ["a", "b", "c"] {
                for _ in 0..<4 { ids.append(RecordID.make(office: OfficeID(office))) }
            }
            // The model: every message's booking, kind, next attempt and whether it still waits.
            var model:
                [(id: Int64, booking: String, kind: MessageKind, next: Instant, notBefore: Instant, waits: Bool)] =
                    []
            try database.committer.withConnection { connection in
                for id in ids {
                    try insertBooking(
                        connection, id: id, office: RecordID.office(of: id)?.rawValue ?? "none",
                        end: now.adding(minutes: 60), created: now)
                }
                for _ in 0..<120 {
                    let booking = ids.randomElement(using: &random)!
                    switch random.next() % 4 {
                    case 0, 1:
                        let kind = MessageKind.allCases.randomElement(using: &random)!
                        let notBefore = now.adding(minutes: Int(random.next() % 21) - 10)
                        try connection.insertMessages(
                            [
                                MessageIntent(
                                    kind: kind, booking: BookingID(booking), office: "a", sequence: 1,
                                    language: .german, notBefore: notBefore)
                            ], at: now)
                        model.append((connection.lastInsertRowID, booking, kind, notBefore, notBefore, true))
                    case 2:
                        let kinds = MessageKind.allCases.filter { _ in random.next() % 2 == 0 }
                        try connection.dropWaitingMessages(
                            booking: BookingID(booking), kinds: kinds, reason: "test", at: now)
                        for index in model.indices
                        where model[index].booking == booking && model[index].waits && kinds.contains(model[index].kind)
                        {
                            model[index].waits = false
                        }
                    default:
                        guard let index = model.indices.filter({ model[$0].waits }).randomElement(using: &random)
                        else { continue }
                        let next = now.adding(minutes: Int(random.next() % 21) - 10)
                        try connection.recordMessageDeferred(model[index].id, at: now, next: next, result: "451")
                        model[index].next = next
                    }
                }
                for booking in ids {
                    let stored = try connection.messages(booking: BookingID(booking))
                    #expect(stored.map(\.id) == model.filter { $0.booking == booking }.map(\.id), "\(booking)")
                    #expect(
                        stored.map { $0.status == .waiting } == model.filter { $0.booking == booking }.map(\.waits),
                        "\(booking)")
                }
                let due = model.filter { message in
                    message.waits && message.next <= now
                        && !model.contains {
                            $0.booking == message.booking && $0.waits && $0.id < message.id && $0.notBefore <= now
                        }
                }.map(\.id)
                #expect(try connection.dueMessages(at: now, limit: 1000).map(\.id) == due)
                #expect(try connection.dueMessages(at: now, limit: 3).map(\.id) == Array(due.prefix(3)))
            }
        }
    }

    /// Retention and the staff's search read the bookings not erased: retention erases exactly
    /// those that ended before the cutoff (contact and token), the search finds the others that
    /// end after its start, soonest first.
    @Test func retentionAndTheSearchReadTheBookingsNotErased() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let day = 86_400
            // Made 40 days ago and ended 35 days ago, made 40 days ago and ending tomorrow, made
            // today and ending in two days, made 10 days ago and ended 9 days ago.
            let rows: [(id: String, end: Int, created: Int)] = [
                ("a.1", -35 * day, -40 * day), ("a.2", day, -40 * day), ("b.3", 2 * day, 0),
                ("b.4", -9 * day, -10 * day),
            ]
            try database.committer.withConnection { connection in
                for row in rows {
                    try insertBooking(
                        connection, id: row.id, office: String(row.id.prefix(1)), end: now.adding(seconds: row.end),
                        created: now.adding(seconds: row.created))
                }
            }
            #expect(try database.erasePersonalData(olderThanDays: 30, now: now) == 1)
            try database.committer.withConnection { connection in
                let kept = try connection.query(
                    "SELECT id, contact_name IS NULL, link_secret IS NULL, erased_at IS NULL FROM booking ORDER BY id"
                ).map { row in
                    [try row.value(at: 0, as: String.self)]
                        + (try (1...3).map { index in try row.value(at: index, as: Int.self) == 1 ? "yes" : "no" })
                }
                // Erased: a.1; the token goes for every booking that is over (b.4 too).
                #expect(
                    kept == [
                        ["a.1", "yes", "yes", "no"], ["a.2", "no", "no", "yes"], ["b.3", "no", "no", "yes"],
                        ["b.4", "no", "yes", "yes"],
                    ])
                let found = try connection.searchBookings(
                    #require(BookingSearch("Erika")), endingAfter: now.adding(seconds: -10 * day))
                #expect(found.bookings.map(\.id.rawValue) == ["b.4", "a.2", "b.3"])
                #expect(!found.more)
            }
        }
    }
}
