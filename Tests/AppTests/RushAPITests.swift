import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

@Suite struct WaitingRoomAPITests {
    @Test func entrantsBeforeTheReleaseAreDrawnAndOnlyAdmittedOnesBook() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:00"))
        let info = api.send(.get, "/v1/waiting-rooms/impfung")
        #expect(info.json["releaseAt"] as? String == "2026-12-07T07:00:00+01:00")
        #expect(info.json["open"] as? Bool == false)
        #expect(api.send(.post, "/v1/waiting-rooms/impfung").problemKind == "waiting-room-not-open")

        api.clock.set(Fixtures.instant("2026-12-07T06:40"))
        var entries: [String] = []
        for _ in 0..<5 {
            let joined = api.send(.post, "/v1/waiting-rooms/impfung")
            #expect(joined.status == 201)
            #expect(joined.json["status"] as? String == "waiting")
            #expect(joined.json["place"] == nil, "places are drawn at the release")
            entries.append(try #require(joined.json["entry"] as? String))
        }
        #expect(try api.count("waiting_room_entry") == 5)
        #expect(
            try api.database.reader.sync {
                try $0.scalar(
                    "SELECT count(*) FROM waiting_room_entry WHERE entry_hash IN (\(entries.map { "'\($0)'" }.joined(separator: ",")))",
                    as: Int.self)
            } == 0, "only hashes are stored")

        api.clock.set(Fixtures.instant("2026-12-07T07:00"))
        let statuses = entries.map { api.send(.get, "/v1/waiting-rooms/impfung/entries/\($0)") }
        #expect(Set(statuses.compactMap { $0.json["place"] as? Int }) == Set(1...5))
        #expect(statuses.allSatisfy { $0.json["status"] as? String == "admitted" })
        let token = try #require(statuses[0].json["admissionToken"] as? String)

        let start = "2026-12-14T08:30:00+01:00"
        let without = api.book(start, office: "nord", services: ["impfung"])
        #expect(without.status == 403)
        #expect(without.problemKind == "admission-required")
        // The signature's last two letters changed (to "AA", or "BB" if they were "AA").
        let tampered = String(token.dropLast(2)) + (token.hasSuffix("AA") ? "BB" : "AA")
        let forged = api.book(start, office: "nord", services: ["impfung"], headers: [("Admission-Token", tampered)])
        #expect(forged.problemKind == "admission-invalid")
        let admitted = api.book(start, office: "nord", services: ["impfung"], headers: [("Admission-Token", token)])
        #expect(admitted.status == 201)
        let hotline = api.book(
            "2026-12-14T08:40:00+01:00", office: "nord", services: ["impfung"], email: "anrufer@example.org",
            headers: [api.bearer(try api.staffToken(.hotline))])
        #expect(hotline.status == 201, "the hotline books for callers without the waiting room")
        #expect(api.send(.get, "/v1/waiting-rooms/impfung/entries/unknown").status == 404)

        api.clock.set(Fixtures.instant("2026-12-07T11:00"))
        #expect(
            api.book("2026-12-14T09:00:00+01:00", office: "nord", services: ["impfung"], email: "later@example.org")
                .status == 201, "after the room closes, first come")
    }

    @Test func aLaterArrivalIsAdmittedFromWhenItJoinedWithItsToken() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:40"))
        for _ in 0..<3 { #expect(api.send(.post, "/v1/waiting-rooms/impfung").status == 201) }
        api.clock.set(Fixtures.instant("2026-12-07T09:35"))
        let late = api.send(.post, "/v1/waiting-rooms/impfung")
        #expect(late.status == 201)
        #expect(late.json["status"] as? String == "admitted")
        #expect(late.json["place"] as? Int == 4)
        #expect(late.json["admittedUntil"] as? String == "2026-12-07T09:50:00+01:00", "the full 15 minutes")
        let token = try #require(late.json["admissionToken"] as? String)
        let booked = api.book(
            "2026-12-14T08:30:00+01:00", office: "nord", services: ["impfung"],
            headers: [("Admission-Token", token)])
        #expect(booked.status == 201)

        let entry = try #require(late.json["entry"] as? String)
        let again = try RathausApp(municipality: api.api.municipality, database: api.database, clock: api.clock.read)
        api.database.committer.withConnection { _ in }  // the entry is written
        #expect(
            again.rush.status("impfung", entry: entry)?.status
                == .admitted(place: 3, until: Fixtures.instant("2026-12-07T09:50")), "after a restart too")
    }

    @Test func aRestartKeepsTheDrawnPlaces() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-07T06:45"))
        let entry = try #require(api.send(.post, "/v1/waiting-rooms/impfung").json["entry"] as? String)
        _ = api.send(.post, "/v1/waiting-rooms/impfung")
        api.clock.set(Fixtures.instant("2026-12-07T07:00"))
        let place = try #require(api.send(.get, "/v1/waiting-rooms/impfung/entries/\(entry)").json["place"] as? Int)
        api.database.committer.withConnection { _ in }  // the places are written
        let again = try RathausApp(municipality: api.api.municipality, database: api.database, clock: api.clock.read)
        #expect(
            again.rush.status("impfung", entry: entry).map {
                if case .admitted(let stored, _) = $0.status { stored + 1 } else { -1 }
            } == place)
    }
}

@Suite struct DrawAPITests {
    func register(_ api: APIHarness, _ index: Int, priority: String) -> APIHarness.Answer {
        api.send(
            .post, "/v1/draws/impfaktion/entries",
            json: #"{"priority":"\#(priority)","contact":{"name":"Person \#(index)","email":"p\#(index)@example.org"}}"#
        )
    }

    @Test func theEarliestSearchShowsThePublicNoDrawnTimes() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let earliest = api.send(.get, "/v1/availability/earliest?service=impfaktion")
        #expect(earliest.status == 200)
        #expect((earliest.json["offices"] as? [Any])?.isEmpty == true)
        #expect(earliest.json["draw"] as? String == "/v1/draws/impfaktion")
        let counter = [api.bearer(try api.staffToken(.counter))]
        let forStaff = api.send(.get, "/v1/availability/earliest?service=impfaktion", headers: counter)
        #expect(
            Self.earliestStart(forStaff, office: "nord")
                == Self.firstSlot(api.send(.get, "/v1/offices/nord/availability?service=impfaktion", headers: counter)),
            "staff see what availability shows them")
    }

    @Test func theEarliestSearchAgreesWithAvailabilityAroundAWaitingRoomsRelease() throws {
        let api = try APIHarness()
        for time in ["2026-12-07T06:40", "2026-12-07T07:30", "2026-12-07T11:30"] {
            api.clock.set(Fixtures.instant(time))
            let earliest = api.send(.get, "/v1/availability/earliest?service=impfung")
            let availability = api.send(.get, "/v1/offices/nord/availability?service=impfung&to=2027-01-31")
            #expect(Self.earliestStart(earliest, office: "nord") == Self.firstSlot(availability), "at \(time)")
        }
    }

    /// The start an earliest search gives for `office`.
    static func earliestStart(_ answer: APIHarness.Answer, office: String) -> String? {
        let offices = answer.json["offices"] as? [[String: Any]] ?? []
        return offices.first { $0["office"] as? String == office }?["start"] as? String
    }

    /// The first free time of an availability answer.
    static func firstSlot(_ answer: APIHarness.Answer) -> String? {
        let days = answer.json["days"] as? [[String: Any]] ?? []
        return days.lazy.compactMap { ($0["slots"] as? [String])?.first }.first
    }

    @Test func theDrawServesPriorityGroupsFirstAndTheWaitingListGetsCancelledTimes() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        #expect(
            (api.send(.get, "/v1/offices/nord/availability?service=impfaktion&from=2026-12-14&to=2026-12-14").json[
                "days"] as? [Any])?.isEmpty == true)
        #expect(
            api.book("2026-12-14T08:30:00+01:00", office: "nord", services: ["impfaktion"]).problemKind == "by-draw")
        var entries: [(id: String, token: String, priority: String)] = []
        for index in 0..<24 {
            let priority = index < 6 ? "80plus" : index < 12 ? "60plus" : "alle"
            let answer = register(api, index, priority: priority)
            #expect(answer.status == 201)
            entries.append(
                (try #require(answer.json["id"] as? String), try #require(answer.json["token"] as? String), priority))
        }
        #expect(register(api, 0, priority: "alle").problemKind == "already-registered")
        for disguised in [#"p0\u200b@example.org"#, "mailto:p0@example.org", #"p0@example.org\u0000x"#] {
            let again = api.send(
                .post, "/v1/draws/impfaktion/entries",
                json: #"{"priority":"alle","contact":{"name":"Person 0","email":"\#(disguised)"}}"#)
            #expect(again.status == 400, "\(disguised): one entry per e-mail address")
        }
        #expect(register(api, 99, priority: "kinder").status == 400)

        api.clock.set(Fixtures.instant("2026-12-10T12:01"))
        #expect(register(api, 100, priority: "alle").problemKind == "registration-closed")
        api.api.rush.queue.sync { api.api.rush.runDueDraws() }

        func status(_ entry: (id: String, token: String, priority: String)) -> APIHarness.Answer {
            api.send(.get, "/v1/draws/impfaktion/entries/\(entry.id)", headers: [api.bearer(entry.token)])
        }
        let results = entries.map { (entry: $0, answer: status($0)) }
        let winners = results.filter { $0.answer.json["status"] as? String == "won" }
        let waiting = results.filter { $0.answer.json["status"] as? String == "waitlisted" }
        #expect(winners.count == 15, "one Monday morning of the vaccination room: 15 ten-minute times")
        #expect(waiting.count == 9)
        #expect(
            results.filter { $0.entry.priority != "alle" }.allSatisfy { $0.answer.json["status"] as? String == "won" },
            "80 and over, then 60 to 79, first")
        #expect(Set(waiting.compactMap { $0.answer.json["waitingListPlace"] as? Int }) == Set(1...9))
        let booking = try #require(winners.first?.answer.json["booking"] as? [String: Any])
        #expect((booking["start"] as? String)?.hasPrefix("2026-12-14T") == true)
        #expect(
            api.send(.get, "/v1/draws/impfaktion/entries/\(entries[0].id)", headers: [api.bearer("wrong")]).status
                == 403)

        let next = try #require(waiting.first { $0.answer.json["waitingListPlace"] as? Int == 1 })
        let withdrawn = winners[0].entry
        #expect(
            api.send(.delete, "/v1/draws/impfaktion/entries/\(withdrawn.id)", headers: [api.bearer(withdrawn.token)])
                .status == 204)
        api.api.rush.queue.sync {}
        #expect(status(withdrawn).json["status"] as? String == "withdrawn")
        #expect(status(next.entry).json["status"] as? String == "won", "the first on the waiting list gets the time")
        #expect(
            status(waiting.first { $0.answer.json["waitingListPlace"] as? Int == 2 }!.entry).json["waitingListPlace"]
                as? Int == 1)
        let info = api.send(.get, "/v1/draws/impfaktion")
        #expect((info.json["entries"] as? [String: Int])?["won"] == 15)
    }
}

@Suite struct DrawRetentionTests {
    @Test func drawEntriesLoseTheirContactAfterTheRetentionPeriod() throws {
        let api = try APIHarness()
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        let entry = api.send(
            .post, "/v1/draws/impfaktion/entries",
            json: #"{"priority":"alle","contact":{"name":"Erika","email":"erika@example.org"}}"#)
        #expect(entry.status == 201)
        #expect(try api.database.erasePersonalData(olderThanDays: 30, now: Fixtures.instant("2026-12-20T09:00")) == 0)
        #expect(try api.database.erasePersonalData(olderThanDays: 30, now: Fixtures.instant("2027-01-10T13:00")) == 1)
        let left = try api.database.reader.sync {
            try $0.scalar(
                "SELECT count(*) FROM draw_entry WHERE contact_email IS NOT NULL OR contact_name IS NOT NULL",
                as: Int.self)
        }
        #expect(left == 0)
    }
}
