import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// The outbox as the office writers fill it: each message in the transaction of its change, never
/// for a refused one; what the sender reads and records.
@Suite struct OutboxTests {
    let clock = SharedClock(Fixtures.instant("2026-12-01T10:00"))

    func town(confirmMinutes: Int? = nil) -> Municipality {
        var town = OfficeWriterTests.town()
        town.offices[0].booking.confirmByEmailMinutes = confirmMinutes
        return town
    }

    func open(_ directory: TemporaryDirectory, _ town: Municipality? = nil, messages: MessagePolicy = MessagePolicy())
        throws -> Database
    {
        try Database.open(
            path: directory.file("rathaus.sqlite"), municipality: town ?? self.town(), clock: clock.read,
            messages: messages)
    }

    func book(
        _ writer: OfficeWriter, _ local: String, email: String? = "erika@example.org", phone: String? = nil,
        language: Language = .german
    ) -> Result<OfficeOutcome, WriterError> {
        writer.perform(
            .book(
                Fixtures.request(local),
                contact: Contact(name: "Erika Müller", email: email, phone: phone, language: language)))
    }

    func messages(_ database: Database) throws -> [OutboxMessage] {
        try database.reader.sync { try $0.recentMessages(limit: 100) }.reversed()
    }

    @Test func aBookingWritesItsConfirmationAndReminderWithItsLanguage() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard
                case .success(.booking(let booking, let token?)) = book(writer, "2026-12-07T09:00", language: .english)
            else {
                Issue.record("not booked")
                return
            }
            let stored = try messages(database)
            #expect(stored.map(\.intent.kind) == [.confirmation, .reminder])
            #expect(stored.allSatisfy { $0.intent.booking == booking.id && $0.intent.language == .english })
            #expect(stored.allSatisfy { $0.status == .waiting && $0.content == nil && $0.recipient == nil })
            #expect(stored[0].nextAttemptAt == clock.now)
            #expect(stored[1].nextAttemptAt == Fixtures.instant("2026-12-06T09:00"))
            #expect(
                try database.reader.sync { try $0.dueMessages(at: clock.now, limit: 10) }.map(\.id) == [stored[0].id])
            let sealed = try #require(try database.reader.sync { try $0.linkSecret(booking: booking.id) })
            #expect(LinkSecret.open(sealed, booking: booking.id, key: database.messageLinkKey) == token)
            #expect(try database.reader.sync { try $0.booking(id: booking.id) }?.booking.contact.language == .english)
        }
    }

    @Test func aRefusedBookingAndAPhoneOnlyBookingWriteNoMessage() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            _ = book(writer, "2026-12-07T09:00")
            _ = book(writer, "2026-12-07T09:00", email: "max@example.org")
            _ = book(writer, "2026-12-07T09:00", email: "eva@example.org")  // two counters: the third is refused
            _ = book(writer, "2026-12-08T09:00", email: nil, phone: "0431 123456")
            #expect(try messages(database).map(\.intent.kind) == [.confirmation, .reminder, .confirmation, .reminder])
            let mailOff = try withTemporaryDirectory { other in
                let database = try open(other, messages: .off)
                _ = book(try #require(database.writers["rathaus"]), "2026-12-07T09:00")
                return try messages(database).count
            }
            #expect(mailOff == 0)
        }
    }

    @Test func aMoveWritesOneNoticeAndANewReminderAndDropsTheOld() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let booking, _)) = book(writer, "2026-12-07T09:00") else {
                Issue.record("not booked")
                return
            }
            _ = writer.perform(.reschedule(booking.id, start: Fixtures.instant("2026-12-09T11:00"), channel: .hotline))
            let stored = try messages(database)
            #expect(stored.map(\.intent.kind) == [.confirmation, .reminder, .moved, .reminder])
            #expect(stored.map(\.status) == [.waiting, .dropped, .waiting, .waiting])
            #expect(stored[1].result == "the booking was moved")
            #expect(stored[2].intent.previousStart == booking.start)
            #expect(stored[2].intent.cause == .staff)
            #expect(stored[2].intent.sequence == 1)
            #expect(stored[3].nextAttemptAt == Fixtures.instant("2026-12-08T11:00"))
        }
    }

    @Test func aCancellationWritesOneNoticeAndDropsTheReminder() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let booking, _)) = book(writer, "2026-12-07T09:00") else {
                Issue.record("not booked")
                return
            }
            _ = writer.perform(.cancel(booking.id, channel: .online))
            let stored = try messages(database)
            #expect(stored.map(\.intent.kind) == [.confirmation, .reminder, .cancelled])
            #expect(stored.map(\.status) == [.waiting, .dropped, .waiting])
            #expect(stored[2].intent.cause == .citizen)
            #expect(try database.reader.sync { try $0.linkSecret(booking: booking.id) } == nil, "the token goes")
        }
    }

    @Test func anUnconfirmedBookingGetsItsRequestThenItsConfirmationOrItsRelease() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory, town(confirmMinutes: 30))
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let confirmed, _)) = book(writer, "2026-12-07T09:00"),
                case .success(.booking(let released, _)) = book(writer, "2026-12-08T09:00", email: "max@example.org")
            else {
                Issue.record("not booked")
                return
            }
            #expect(confirmed.isUnconfirmed)
            guard case .success(.booking(let now, _)) = writer.perform(.confirm(confirmed.id)) else {
                Issue.record("not confirmed")
                return
            }
            #expect(!now.isUnconfirmed)
            guard case .success(.booking(let again, _)) = writer.perform(.confirm(confirmed.id)) else {
                Issue.record("a second confirmation failed")
                return
            }
            #expect(again == now)
            clock.advance(minutes: 30)
            guard case .success(.swept(_, let gone)) = writer.perform(.sweep) else {
                Issue.record("no sweep")
                return
            }
            #expect(gone.map(\.id) == [released.id])
            let stored = try messages(database)
            #expect(
                stored.map(\.intent.kind) == [
                    .confirmationRequest, .confirmationRequest, .confirmation, .reminder, .released,
                ])
            #expect(
                stored.filter { $0.intent.booking == confirmed.id }.map(\.status) == [.dropped, .waiting, .waiting])
            #expect(stored.filter { $0.intent.booking == released.id }.map(\.status) == [.dropped, .waiting])
            let row = try #require(try database.reader.sync { try $0.booking(id: released.id) })
            #expect(row.booking.wasReleased, "kept as released in the file")
            // After a restart the released time is free and the confirmed one taken.
            let reopened = try open(directory, town(confirmMinutes: 30))
            let schedule = try #require(reopened.writers["rathaus"]).capacity
            let day = Fixtures.date("2026-12-08")
            let offered = try schedule.availability(
                services: ["pass"], persons: 1, channel: .online, from: day, to: day, now: clock.now
            ).days.flatMap(\.starts)
            #expect(offered.contains(released.start))
            guard case .failure = try #require(reopened.writers["rathaus"]).perform(.confirm(released.id)) else {
                Issue.record("a released booking was confirmed after a restart")
                return
            }
        }
    }

    @Test func anUnconfirmedBookingStillUnconfirmedAtARestartIsReleasedByTheNextSweep() throws {
        try withTemporaryDirectory { directory in
            let booking: Booking
            do {
                let database = try open(directory, town(confirmMinutes: 30))
                guard
                    case .success(.booking(let made, _)) = book(
                        try #require(database.writers["rathaus"]), "2026-12-07T09:00")
                else {
                    Issue.record("not booked")
                    return
                }
                booking = made
            }
            clock.advance(minutes: 31)
            let database = try open(directory, town(confirmMinutes: 30))
            let writer = try #require(database.writers["rathaus"])
            #expect(writer.inspect { schedule, _ in schedule.unconfirmed.keys.sorted() } == [booking.id])
            guard case .success(.swept(_, let gone)) = writer.perform(.sweep) else {
                Issue.record("no sweep")
                return
            }
            #expect(gone.map(\.id) == [booking.id])
        }
    }

    @Test func sendingAgainNeedsAnAddressAndWritesTheConfirmationOnly() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let mailed, _)) = book(writer, "2026-12-07T09:00"),
                case .success(.booking(let phoned, _)) = book(
                    writer, "2026-12-08T09:00", email: nil, phone: "0431 1234")
            else {
                Issue.record("not booked")
                return
            }
            #expect(throws: Never.self) { try writer.perform(.sendAgain(mailed.id)).get() }
            guard case .failure(.nothingToSend(let id)) = writer.perform(.sendAgain(phoned.id)) else {
                Issue.record("a booking without an address got a message")
                return
            }
            #expect(id == phoned.id)
            #expect(try messages(database).map(\.intent.kind) == [.confirmation, .reminder, .confirmation])
        }
    }

    @Test func theSendersRecordsKeepTheBytesUntilSentAndEraseThemAfter() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            _ = book(try #require(database.writers["rathaus"]), "2026-12-07T09:00")
            let first = try #require(try messages(database).first)
            try database.committer.withConnection { connection in
                try connection.storeComposedMessage(first.id, recipient: "erika@example.org", content: [1, 2, 3])
                try connection.recordMessageDeferred(
                    first.id, at: clock.now, next: clock.now.adding(seconds: 60), result: "451 try later")
            }
            var stored = try #require(try messages(database).first)
            #expect(stored.content == [1, 2, 3])
            #expect(stored.attempts == 1)
            #expect(stored.result == "451 try later")
            #expect(try database.reader.sync { try $0.dueMessages(at: clock.now, limit: 10) }.isEmpty)
            #expect(try database.reader.sync { try $0.nextMessageDue() } == clock.now.adding(seconds: 60))
            try database.committer.withConnection { try $0.recordMessageSent(first.id, at: clock.now) }
            stored = try #require(try messages(database).first)
            #expect(stored.status == .sent)
            #expect(stored.content == nil && stored.recipient == nil && stored.result == nil)
            #expect(stored.attempts == 2)
        }
    }

    @Test func aBookingsMessagesAreDueInTheOrderOfItsChanges() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            guard case .success(.booking(let booking, _)) = book(writer, "2026-12-07T09:00") else {
                Issue.record("not booked")
                return
            }
            _ = writer.perform(.cancel(booking.id, channel: .online))
            let confirmation = try #require(try messages(database).first)
            try database.committer.withConnection { connection in
                try connection.recordMessageDeferred(
                    confirmation.id, at: clock.now, next: clock.now.adding(seconds: 60), result: "451")
            }
            #expect(
                try database.reader.sync { try $0.dueMessages(at: clock.now, limit: 10) }.isEmpty,
                "the cancellation waits for the confirmation before it")
            let later = clock.now.adding(seconds: 60)
            #expect(
                try database.reader.sync { try $0.dueMessages(at: later, limit: 10) }.map(\.intent.kind)
                    == [.confirmation])
        }
    }

    @Test func retentionErasesWhatTheOutboxKeepsOfErasedBookings() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            _ = book(writer, "2026-12-07T09:00")
            let first = try #require(try messages(database).first)
            try database.committer.withConnection { connection in
                try connection.storeComposedMessage(first.id, recipient: "erika@example.org", content: [1])
                try connection.recordMessageFailed(first.id, at: clock.now, result: "550 <erika@example.org> unknown")
            }
            _ = try database.erasePersonalData(olderThanDays: 7, now: Fixtures.instant("2026-12-20T12:00"))
            let stored = try messages(database)
            #expect(stored.map(\.status) == [.failed, .dropped])
            #expect(stored.allSatisfy { $0.recipient == nil && $0.content == nil })
            #expect(stored[0].result == nil, "the relay's reply named the address")
            #expect(stored[1].result == "the contact was erased")
            #expect(stored.map(\.intent.kind) == [.confirmation, .reminder], "kind and times stay")
        }
    }
}
