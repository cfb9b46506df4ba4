import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// Schema step 11: the CHECKs that allow a column one of three or more constants, rewritten from
/// IN lists to comparisons in place (`PRAGMA writable_schema`), for new files and for files of
/// version 10 with their rows.
@Suite struct ConstantsCheckTests {
    /// The values the program writes into each rewritten column, from the types that write them.
    static let goodValues: [String: [String]] = [
        "booking.channel": Channel.allCases.map(\.rawValue),
        "outbox.status": OutboxMessage.Status.allCases.map(\.rawValue),
        "wish_message.status": StoredWishMessage.Status.allCases.map(\.rawValue),
        "wish.channel": Channel.allCases.map(\.rawValue),
        "wish.status": Wish.Status.allCases.map(\.rawValue),
        "wish_offer.status": WishOffer.Status.allCases.map(\.rawValue),
        "draw_entry.status": DrawEntry.Status.allCases.map(\.rawValue),
        "staff_token.role": StaffRole.allCases.map(\.rawValue),
    ]

    /// The tables that hold a rewritten constraint, and the two that refer to them in the fixture.
    static let tables = [
        "booking", "occupancy", "outbox", "wish", "wish_offer", "wish_message", "draw_entry", "staff_token",
    ]

    /// The steps up to this one (later steps are tested on their own).
    static let upTo11 = Migrator(
        applicationID: RathausSchema.applicationID, migrations: Array(RathausSchema.migrations.prefix(11)))

    /// A file migrated up to version 10 (before this step), with rows that use every good value of
    /// every constraint the step rewrites.
    func fileAtVersion10(in directory: TemporaryDirectory) throws -> SQLiteConnection {
        let db = try makeConnection(in: directory.path)
        let upTo10 = Migrator(
            applicationID: RathausSchema.applicationID, migrations: Array(RathausSchema.migrations.prefix(10)))
        #expect(try upTo10.migrate(db) == Array(1...10))
        try insertRows(db)
        return db
    }

    /// One row for every good value of every constraint the step rewrites, and the rows they refer
    /// to; valid in the schema of version 10 and of version 11.
    func insertRows(_ db: SQLiteConnection) throws {
        try db.transaction {
            for (index, channel) in Channel.allCases.enumerated() {
                try db.execute(
                    """
                    INSERT INTO booking (id, reference, token_hash, office, counter, services, persons, starts_at,
                        ends_at, day, channel, contact_name, contact_email, status, created_at, updated_at, sequence)
                    VALUES (?, ?, x'00', 'rathaus', '1', 'pass', 1, ?, ?, 20430, ?, 'Erika Müller',
                        'erika@example.org', 'booked', 0, 0, 1)
                    """,
                    [
                        "b\(index)", "REF\(index)", 1_765_000_000 + index * 900, 1_765_000_900 + index * 900,
                        channel.rawValue,
                    ])
                try db.execute(
                    "INSERT INTO occupancy (office, counter, minute, booking) VALUES ('rathaus', '1', ?, ?)",
                    [29_416_667 + index * 15, "b\(index)"])
            }
            for status in OutboxMessage.Status.allCases {
                try db.execute(
                    """
                    INSERT INTO outbox (booking, office, kind, sequence, language, created_at, not_before, status,
                        next_attempt_at)
                    VALUES ('b0', 'rathaus', 'confirmation', 1, 'de', 0, 0, ?, 0)
                    """, [status.rawValue])
            }
            for (index, status) in Wish.Status.allCases.enumerated() {
                try db.execute(
                    """
                    INSERT INTO wish (id, token_hash, services, persons, offices, weekdays, times, earliest_day,
                        latest_day, channel, language, contact_key, created_at, status)
                    VALUES (?, x'01', 'pass', 1, 'rathaus', 'mon', '08:00-12:00', 20430, 20460, ?, 'de', ?, 0, ?)
                    """,
                    [
                        "w\(index)", Channel.allCases[index % Channel.allCases.count].rawValue, "k\(index)",
                        status.rawValue,
                    ])
            }
            for (index, status) in WishOffer.Status.allCases.enumerated() {
                try db.execute(
                    """
                    INSERT INTO wish_offer (id, token_hash, wish, office, hold, counter, services, persons, channel,
                        starts_at, ends_at, created_at, expires_at, status)
                    VALUES (?, x'02', ?, 'rathaus', 'h', '1', 'pass', 1, 'online', 0, 900, 0, 3600, ?)
                    """, ["o\(index)", "w\(index)", status.rawValue])
            }
            for status in StoredWishMessage.Status.allCases {
                try db.execute(
                    """
                    INSERT INTO wish_message (wish, kind, language, created_at, not_before, status, next_attempt_at)
                    VALUES ('w0', 'offer', 'de', 0, 0, ?, 0)
                    """, [status.rawValue])
            }
            for (index, status) in DrawEntry.Status.allCases.enumerated() {
                try db.execute(
                    """
                    INSERT INTO draw_entry (id, token_hash, service, office, closes_at, priority, persons,
                        registered_at, status)
                    VALUES (?, x'03', 'pass', 'rathaus', 0, 'general', 1, 0, ?)
                    """, ["d\(index)", status.rawValue])
            }
            for (index, role) in StaffRole.allCases.enumerated() {
                try db.execute(
                    "INSERT INTO staff_token (id, token_hash, role, created_at) VALUES (?, ?, ?, 0)",
                    ["t\(index)", [UInt8(index)], role.rawValue])
            }
        }
    }

    /// Every row of `table`, in rowid order (the rowid included, so renumbering would show).
    func rows(_ table: String, _ db: SQLiteConnection) throws -> [[SQLiteValue]] {
        let key = table == "occupancy" ? "office, counter, minute" : "rowid"
        return try db.query("SELECT \(key), * FROM \(table) ORDER BY \(key)").map(\.values)
    }

    /// Whether SQL may write the schema table once `PRAGMA writable_schema` is on, which defensive
    /// mode forbids (the write changes nothing: it sets each definition to itself).
    func schemaTableIsWritable(_ db: SQLiteConnection) throws -> Bool {
        try db.execute("PRAGMA writable_schema = ON")
        defer { try? db.execute("PRAGMA writable_schema = OFF") }
        return thrownError(as: SQLiteError.self) {
            try db.execute("UPDATE sqlite_schema SET sql = sql WHERE name = 'booking'")
        } == nil
    }

    /// The opcodes of `sql`'s program (sqlite.org/opcode.html), its `?` parameters bound to NULL.
    func opcodes(_ sql: String, _ db: SQLiteConnection) throws -> [String] {
        let parameters = [SQLiteValue](repeating: .null, count: sql.filter { $0 == "?" }.count)
        return try db.query("EXPLAIN \(sql)", parameters).map { try $0.value(at: 1, as: String.self) }
    }

    /// Sets `column` of `table`'s first row to each good value (accepted) and to values that are
    /// not (refused as CHECK failures), on the connection that migrated.
    func expectChecks(_ db: SQLiteConnection) throws {
        for check in RathausSchema.constantsChecksWithInLists {
            let good = try #require(Self.goodValues["\(check.table).\(check.column)"])
            let update =
                "UPDATE \(check.table) SET \(check.column) = ? WHERE rowid = (SELECT min(rowid) FROM \(check.table))"
            try db.transaction {
                for value in good {
                    try db.execute(update, [value])
                    #expect(db.changes == 1, "\(check.table).\(check.column) = \(value)")
                }
                for bad in ["unknown", good[0].uppercased(), good[0] + " ", ""] {
                    let error = thrownError(as: SQLiteError.self) { try db.execute(update, [bad]) }
                    #expect(error?.extendedCode == .constraintCheck, "\(check.table).\(check.column) = '\(bad)'")
                }
            }
        }
    }

    @Test func everyConstantsCheckOfTheSchemaIsRewrittenAndTestedHere() {
        let rewritten = Set(RathausSchema.constantsChecksWithInLists.map { "\($0.table).\($0.column)" })
        #expect(rewritten == Set(Self.goodValues.keys))
        for check in RathausSchema.constantsChecksWithInLists {
            #expect(
                Set(check.values) == Set(Self.goodValues["\(check.table).\(check.column)"] ?? []),
                "\(check.table).\(check.column)")
        }
    }

    @Test func aNewFileHasNoINListOfMoreThanTwoConstants() throws {
        try withTemporaryDirectory { directory in
            let db = try makeConnection(in: directory.path)
            try RathausSchema.migrator.migrate(db)
            let definitions = try db.query("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").map {
                (try $0.value(at: 0, as: String.self), try $0.value(at: 1, as: String.self))
            }
            var lists = 0
            for (table, sql) in definitions {
                for range in sql.ranges(of: " IN (") {
                    let list = sql[range.upperBound...].prefix { $0 != ")" }
                    #expect(list.split(separator: ",").count <= 2, "\(table): IN (\(list))")
                    lists += 1
                }
            }
            #expect(lists == 2, "booking.status and staff_session.method keep their two-value lists")
            try insertRows(db)
            #expect(try db.integrityCheck() == [])
            try expectChecks(db)
        }
    }

    @Test func aFileAtVersion10KeepsItsRowsAndGetsTheRewrittenChecks() throws {
        try withTemporaryDirectory { directory in
            let db = try fileAtVersion10(in: directory)
            let before = try Self.tables.map { try rows($0, db) }
            let definitionsBefore = try db.query("SELECT type, name, tbl_name, rootpage FROM sqlite_schema").map(
                \.values)
            for check in RathausSchema.constantsChecksWithInLists {
                let sql = try #require(
                    try db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?", [check.table], as: String.self))
                #expect(sql.contains(check.inListText))
                #expect(try opcodes("UPDATE \(check.table) SET \(check.column) = ?", db).contains("OpenEphemeral"))
            }

            #expect(try Self.upTo11.migrate(db) == [11])
            #expect(try db.scalar("PRAGMA user_version", as: Int.self) == 11)
            #expect(try Self.tables.map { try rows($0, db) } == before)
            #expect(before.allSatisfy { !$0.isEmpty })
            #expect(
                try db.query("SELECT type, name, tbl_name, rootpage FROM sqlite_schema").map(\.values)
                    == definitionsBefore, "no table, index or page moved")
            #expect(try db.integrityCheck() == [])
            #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
            for check in RathausSchema.constantsChecksWithInLists {
                let sql = try #require(
                    try db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?", [check.table], as: String.self))
                #expect(!sql.contains(check.inListText) && sql.contains(check.comparisonsText), "\(check.table)")
                #expect(!(try opcodes("UPDATE \(check.table) SET \(check.column) = ?", db).contains("OpenEphemeral")))
            }
            try expectChecks(db)

            // Another connection reads the new definitions too, with the foreign keys intact.
            let other = try makeConnection(in: directory.path)
            let error = thrownError(as: SQLiteError.self) {
                try other.execute("UPDATE booking SET channel = 'post' WHERE id = 'b0'")
            }
            #expect(error?.extendedCode == .constraintCheck)
            let orphan = thrownError(as: SQLiteError.self) {
                try other.execute(
                    """
                    INSERT INTO outbox (booking, office, kind, sequence, language, created_at, not_before, status,
                        next_attempt_at)
                    VALUES ('nobody', 'rathaus', 'confirmation', 1, 'de', 0, 0, 'waiting', 0)
                    """)
            }
            #expect(orphan?.extendedCode == .constraintForeignKey)
        }
    }

    @Test func theWritersBookingAndOutboxInsertsBuildNoEphemeralTable() throws {
        try withTemporaryDirectory { directory in
            let database = try Database.open(
                path: directory.file("rathaus.sqlite"), municipality: OfficeWriterTests.town(),
                clock: SharedClock(Fixtures.instant("2026-12-01T10:00")).read)
            let writer = try #require(database.writers["rathaus"])
            let outcome = writer.perform(
                .book(Fixtures.request("2026-12-07T09:00"), contact: Fixtures.contact()))
            guard case .success(.booking) = outcome else {
                Issue.record("not booked")
                return
            }
            try database.committer.withConnection { db in
                let inserts = db.cachedStatementTexts.filter {
                    $0.hasPrefix("INSERT INTO booking ") || $0.hasPrefix("INSERT INTO outbox ")
                }
                #expect(inserts.filter { $0.hasPrefix("INSERT INTO booking ") }.count == 1)
                #expect(inserts.filter { $0.hasPrefix("INSERT INTO outbox ") }.count == 1)
                for sql in inserts {
                    let ops = try opcodes(sql, db)
                    #expect(ops.contains("Insert"))
                    #expect(!ops.contains("OpenEphemeral"), "\(sql)")
                }
            }
        }
    }

    @Test func defensiveModeIsOnAgainAfterTheStep() throws {
        try withTemporaryDirectory { directory in
            let db = try fileAtVersion10(in: directory)
            #expect(try Self.upTo11.migrate(db) == [11])
            #expect(try schemaTableIsWritable(db) == false)
            let withoutDefensiveMode = try makeConnection(in: directory.path) { $0.defensive = false }
            #expect(try schemaTableIsWritable(withoutDefensiveMode), "the probe can tell")
        }
    }

    @Test func aFailedEditChangesNothingAndRestoresDefensiveMode() throws {
        try withTemporaryDirectory { directory in
            let db = try fileAtVersion10(in: directory)
            let definitions = try db.query("SELECT sql FROM sqlite_schema").map(\.values)
            let edits: [[SQLiteConnection.TableDefinitionEdit]] = [
                // Text that is not there, and a table that is not there: refused before any write.
                [.init(table: "booking", old: "CHECK (channel IN ('online'))", new: "CHECK (1)")],
                [.init(table: "appointment", old: "CHECK", new: "CHECK")],
                // A constraint that a stored row breaks: found by the integrity check, rolled back.
                [
                    RathausSchema.constantsChecksWithInLists[0].edit,
                    .init(
                        table: "outbox", old: "CHECK (status IN ('waiting', 'sent', 'failed', 'dropped'))",
                        new: "CHECK (status = 'waiting')"),
                ],
            ]
            for edit in edits {
                let error = thrownError(as: SQLiteError.self) {
                    try db.transaction { try db.editTableDefinitions(edit) }
                }
                #expect(error != nil, "\(edit)")
                #expect(try db.query("SELECT sql FROM sqlite_schema").map(\.values) == definitions)
                #expect(try schemaTableIsWritable(db) == false, "defensive mode is on again")
                #expect(
                    thrownError(as: SQLiteError.self) {
                        try db.execute("UPDATE booking SET channel = 'post' WHERE id = 'b0'")
                    }?.extendedCode == .constraintCheck)
            }
            let outside = thrownError(as: SQLiteError.self) {
                try db.editTableDefinitions([RathausSchema.constantsChecksWithInLists[0].edit])
            }
            #expect(outside?.code == .misuse)
            #expect(try Self.upTo11.migrate(db) == [11])
        }
    }
}
