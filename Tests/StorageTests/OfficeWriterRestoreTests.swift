import Foundation
import RathausTesting
import Testing

@testable import Scheduling
@testable import Storage

/// What an office writer keeps of its bookings in memory, before and after a restart.
@Suite struct OfficeWriterRestoreTests {
    let clock = SharedClock(Fixtures.instant("2026-12-07T07:00"))

    func open(_ directory: TemporaryDirectory) throws -> Database {
        try Database.open(
            path: directory.file("rathaus.sqlite"), municipality: OfficeWriterTests.town(), clock: clock.read)
    }

    @Test func aCheckpointLeavesEveryAnsweredBookingInTheFileAlone() throws {
        try withTemporaryDirectory { directory in
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            let request = Fixtures.request("2026-12-08T09:00")
            guard case .success(.booking(let booking, _)) = writer.perform(.book(request, contact: Contact(name: "A")))
            else {
                Issue.record("not booked")
                return
            }
            let log = directory.file("rathaus.sqlite-wal")
            #expect(try FileOperations.size(log) > 0)
            try database.checkpoint()
            #expect(try FileOperations.size(log) == 0)

            // A copy of the main file alone, as an operator might make after a clean stop.
            try FileManager.default.copyItem(
                atPath: directory.file("rathaus.sqlite"), toPath: directory.file("copy.sqlite"))
            let copy = try SQLiteConnection(path: directory.file("copy.sqlite"))
            #expect(
                try copy.scalar("SELECT count(*) FROM booking WHERE id = ?", [booking.id.rawValue], as: Int.self) == 1)
        }
    }

    @Test func aRestartReadsEveryActiveBookingBackAsItWasAnswered() throws {
        let contacts = [
            Contact(name: "Erika Müller", email: "Erika@Example.org"),
            Contact(name: "Anrufer", phone: "0431 123456"),
            Contact(name: "Zoë 😀 محمد", email: "zoë@bücher.example", phone: "+49 431"),
            Contact(name: "", email: "", phone: ""),
        ]
        try withTemporaryDirectory { directory in
            var answered: [Booking] = []
            do {
                let database = try open(directory)
                let writer = try #require(database.writers["rathaus"])
                for (index, contact) in contacts.enumerated() {
                    let request = Fixtures.request(
                        ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"][index] + "T09:00")
                    guard case .success(.booking(let booking, _)) = writer.perform(.book(request, contact: contact))
                    else {
                        Issue.record("not booked: \(contact.name)")
                        return
                    }
                    answered.append(booking)
                }
                let start = Fixtures.instant("2026-12-07T11:00")
                guard
                    case .success(.booking(let moved, _)) = writer.perform(
                        .reschedule(answered[0].id, start: start, channel: .hotline))
                else {
                    Issue.record("not moved")
                    return
                }
                answered[0] = moved
                let ids = answered.map(\.id)
                #expect(writer.inspect { schedule, _ in ids.map { schedule.bookings[$0] } } == answered)
            }
            let database = try open(directory)
            let writer = try #require(database.writers["rathaus"])
            let ids = answered.map(\.id)
            let restored = writer.inspect { schedule, _ in ids.map { schedule.bookings[$0] } }
            #expect(restored == answered)
            #expect(restored.map { $0?.contact.name.utf8.count } == answered.map { $0.contact.name.utf8.count })
            #expect(writer.inspect { schedule, _ in schedule.bookings.count } == answered.count)
        }
    }

    /// The ids the writers make, and those of the form before ids sorted by time, are kept in 16
    /// bytes (`CompactBookingID`); another form would cost memory per stored booking without
    /// failing anything else.
    @Test func idsTheWritersMakeAreKeptCompact() {
        let prefix = Array("buergerbuero-001.".utf8)
        for _ in 0..<200 {
            for (id, form) in [
                (RecordID.make(office: "buergerbuero-001"), CompactBookingID.Form.sortable),
                ("buergerbuero-001." + Secrets.identifier(), .base64URL),
            ] {
                #expect(CompactBookingID(id, prefix: prefix).form == form, "\(id)")
                #expect(CompactBookingID(id, prefix: prefix).text(prefix: prefix) == id)
            }
        }
    }
}
