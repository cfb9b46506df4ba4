import App
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import rathaus_tools

/// Vaccination Monday in small (issue 8): a few hundred virtual citizens from the load generator
/// against a real server on port 0, for 50 slots released at one moment. Whatever the timing,
/// every slot is booked exactly once, no counter is booked twice, and no 5xx other than a 503
/// with Retry-After appears. Times are measured by Scripts/bench-rush, never asserted here.
@Suite struct RushLoadTests {
    /// Two offices of two counters, open on Monday 14 December 2026 08:00–12:10 (25 ten-minute
    /// starts each, 50 slots), released on Monday 7 December at 07:00; one books first come,
    /// the other through a waiting room that admits everyone in the first minute.
    static let configuration = """
        {
          "municipality": "Testhausen",
          "services": [
            { "id": "impfung", "name": "Impfung", "group": "I", "durationMinutes": 10, "maxActivePerContact": 1,
              "window": { "minNoticeDays": 1, "maxAdvanceDays": 14,
                          "weeklyRelease": { "weekday": "mon", "time": "07:00", "weeksAhead": 1 } } },
            { "id": "impfung-warteraum", "name": "Impfung (Warteraum)", "group": "I", "durationMinutes": 10,
              "maxActivePerContact": 1,
              "window": { "minNoticeDays": 1, "maxAdvanceDays": 14,
                          "weeklyRelease": { "weekday": "mon", "time": "07:00", "weeksAhead": 1 } },
              "waitingRoom": { "opensMinutesBefore": 30, "admitPerMinute": 1000, "admissionMinutes": 15,
                               "activeMinutesAfter": 240 } }
          ],
          "offices": [
            { "id": "halle", "name": "Halle", "state": "DE-SH",
              "openingHours": [{ "days": ["mon"], "from": "08:00", "to": "12:10",
                                 "validFrom": "2026-12-14", "validUntil": "2026-12-14" }],
              "counters": [{ "id": "1", "name": "Kabine 1", "skills": ["impfung"] },
                           { "id": "2", "name": "Kabine 2", "skills": ["impfung"] }] },
            { "id": "warteraum", "name": "Halle mit Warteraum", "state": "DE-SH",
              "openingHours": [{ "days": ["mon"], "from": "08:00", "to": "12:10",
                                 "validFrom": "2026-12-14", "validUntil": "2026-12-14" }],
              "counters": [{ "id": "1", "name": "Kabine 1", "skills": ["impfung-warteraum"] },
                           { "id": "2", "name": "Kabine 2", "skills": ["impfung-warteraum"] }] }
          ]
        }
        """

    /// Runs `citizens` against a fresh server whose clock stands 2 s before the release.
    func rush(citizens: Int, waitingRoom: Bool) throws -> RushRun.Result {
        try withTemporaryDirectory { directory in
            let path = directory.file("testhausen.json")
            try Self.configuration.write(toFile: path, atomically: true, encoding: .utf8)
            let town = try MunicipalityLoader.load(path: path)
            var http = HTTPServer.Configuration()
            http.port = 0
            var admission = AdmissionConfiguration()
            admission.trustedProxies = ["127.0.0.1"]
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("rush.sqlite"), configuration: http,
                admission: admission,
                clock: ServerClock.starting(at: Fixtures.instant("2026-12-07T07:00").adding(seconds: -2)),
                log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(2))
                server.waitUntilStopped()
            }
            var options = RushScenario.Options()
            options.waitingRoom = waitingRoom
            options.office = waitingRoom ? "warteraum" : "halle"
            options.service = waitingRoom ? "impfung-warteraum" : "impfung"
            options.citizens = citizens
            options.before = 1
            options.after = 1
            options.poll = 0.2
            options.roomPoll = 0.5
            var generator = LoadGenerator.Configuration()
            generator.port = server.port
            generator.connections = 32
            generator.maxSeconds = 60
            return try RushRun(
                options: options, generator: generator, town: town, databasePath: directory.file("rush.sqlite"),
                expectedSlots: 50
            ).run()
        }
    }

    @Test func everySlotIsBookedExactlyOnceInARush() throws {
        let result = try rush(citizens: 300, waitingRoom: false)
        #expect(result.slots == 50)
        #expect(result.bookings == 50)
        #expect(result.audit?.bookedForService == 50)
        #expect(result.audit?.overbookedMinutes == 0)
        #expect(result.leftFree == 0)
        #expect(result.outcomes[.soldOut] == 250, "everyone else is told that nothing is left")
        #expect(result.problems == [])
    }

    @Test func everySlotIsBookedExactlyOnceThroughTheWaitingRoom() throws {
        let result = try rush(citizens: 200, waitingRoom: true)
        #expect(result.bookings == 50)
        #expect(result.audit?.bookedForService == 50)
        #expect(result.audit?.overbookedMinutes == 0)
        #expect(result.problems == [])
        let fairness = try #require(result.fairness)
        #expect(fairness.entrants == 200, "every citizen got a place")
    }

    @Test func overlappingBookingsAreCountedAsOverbookedMinutes() throws {
        try withTemporaryDirectory { directory in
            let connection = try SQLiteConnectionOpener.migrated(directory.file("audit.sqlite"))
            for (id, start, end) in [("a", 0, 600), ("b", 300, 900), ("c", 900, 1200), ("d", 0, 1200)] {
                try connection.execute(
                    """
                    INSERT INTO booking (id, reference, token_hash, office, counter, services, persons, starts_at, ends_at,
                        day, channel, status, created_at, updated_at, sequence)
                    VALUES (?, ?, x'00', 'halle', ?, 'impfung', 1, ?, ?, 0, 'online', 'booked', 0, 0, 1)
                    """, [id, id.uppercased(), id == "d" ? "2" : "1", 1_800_000_000 + start, 1_800_000_000 + end])
            }
            try connection.close()
            let audit = try BookingAudit.read(path: directory.file("audit.sqlite"), office: "halle", service: "impfung")
            #expect(audit.booked == 4)
            #expect(audit.overbookedMinutes == 5, "a and b share 300 seconds on counter 1; c follows b")
        }
    }

    @Test func spearmanIsZeroForAShuffleAndOneForTheSameOrder() {
        #expect(RushRun.spearman([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]) == 1)
        #expect(RushRun.spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]) == -1)
        #expect(abs(RushRun.spearman([1, 2, 3, 4, 5], [2, 5, 3, 1, 4])) < 0.5)
    }
}
