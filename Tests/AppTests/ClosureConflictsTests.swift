import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

@Suite struct ClosureConflictsTests {
    @Test func bookingsOnAClosureAddedLaterAreListedAndOthersAreNot() throws {
        try withTemporaryDirectory { directory in
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:00"))
            let office = Fixtures.office(counters: [Fixtures.counter("1"), Fixtures.counter("2")])
            var town = Municipality(name: "T", services: [Fixtures.service("pass")], groups: [], offices: [office])
            let database = try Database.open(path: directory.file("db.sqlite"), municipality: town, clock: clock.read)
            let writer = try #require(database.writers["rathaus"])
            var references: [String] = []
            for (start, email) in [
                ("2026-12-08T09:00", "a@x.de"), ("2026-12-08T09:00", "b@x.de"), ("2026-12-09T09:00", "c@x.de"),
            ] {
                guard
                    case .success(.booking(let booking, _)) = writer.perform(
                        .book(Fixtures.request(start), contact: Contact(name: "X", email: email)))
                else {
                    Issue.record("not booked")
                    return
                }
                references.append(booking.reference)
            }
            // The office adds a staff assembly on Tuesday morning and closes counter 2 that day.
            town.offices[0].closures = [
                Closure(
                    date: Fixtures.date("2026-12-08"), from: Fixtures.time("08:30"), to: Fixtures.time("10:00"),
                    reason: "Personalversammlung", counters: ["1"]),
                Closure(date: Fixtures.date("2026-12-08"), reason: "Fortbildung", counters: ["2"]),
            ]
            let stored = try database.reader.sync { try $0.activeBookings(endingAfter: clock.now) }
            let conflicts = ClosureConflicts.find(stored, in: town)
            #expect(conflicts.map(\.reference).sorted() == references.prefix(2).sorted())
            #expect(Set(conflicts.map(\.reason)) == ["Personalversammlung", "Fortbildung"])
        }
    }
}
