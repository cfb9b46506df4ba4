import RathausTesting
import Testing

@testable import Scheduling

@Suite struct WaitingRoomTests {
    let release = Fixtures.instant("2026-12-07T07:00")
    let policy = WaitingRoomPolicy(
        opensMinutesBefore: 30, admitPerMinute: 2, admissionMinutes: 10, activeMinutesAfter: 120)

    @Test func earlyEntrantsAreDrawnInRandomOrderAtTheReleaseAndLaterOnesQueueBehind() throws {
        var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        var generator = SeededGenerator(seed: 7)
        #expect(throws: RushError.notOpenYet("impfung", opensAt: Fixtures.instant("2026-12-07T06:30"))) {
            try room.join("too-early", at: Fixtures.instant("2026-12-07T06:29"), using: &generator)
        }
        for index in 0..<6 {
            try room.join("e\(index)", at: Fixtures.instant("2026-12-07T06:4\(index)"), using: &generator)
        }
        #expect(
            room.status(of: "e0", at: Fixtures.instant("2026-12-07T06:59")) == .waiting(place: nil, admissionAt: nil))
        try room.join("late", at: Fixtures.instant("2026-12-07T07:01"), using: &generator)
        #expect(room.drawn)
        #expect(Set((0..<6).compactMap { room.places["e\($0)"] }) == Set(0..<6))
        #expect(room.places["late"] == 6, "after the release: behind everyone who came before it")
        #expect((0..<6).map { room.places["e\($0)"] ?? -1 } != Array(0..<6), "the early ones are not in arrival order")
        #expect(
            !(try room.join("late", at: Fixtures.instant("2026-12-07T07:02"), using: &generator)),
            "joining twice keeps the place")
    }

    @Test func placesAreAdmittedAtTheRateAndAdmissionsRunOut() throws {
        var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        var generator = SeededGenerator(seed: 1)
        for index in 0..<5 { try room.join("e\(index)", at: Fixtures.instant("2026-12-07T06:50"), using: &generator) }
        room.drawIfDue(at: release, using: &generator)
        let last = try #require(room.places.first { $0.value == 4 }?.key)
        #expect(
            room.status(of: last, at: release) == .waiting(place: 4, admissionAt: Fixtures.instant("2026-12-07T07:02")))
        #expect(
            room.status(of: last, at: Fixtures.instant("2026-12-07T07:02"))
                == .admitted(place: 4, until: Fixtures.instant("2026-12-07T07:12")))
        #expect(room.status(of: last, at: Fixtures.instant("2026-12-07T07:12")) == .expired(place: 4))
        #expect(room.admitted(at: release) == 2)
        #expect(room.status(of: "stranger", at: release) == .unknown)
        #expect(throws: RushError.closed("impfung")) {
            try room.join("x", at: Fixtures.instant("2026-12-07T09:00"), using: &generator)
        }
    }

    @Test func laterArrivalsAreAdmittedNoEarlierThanTheyJoinedAndAtTheRate() throws {
        var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        var generator = SeededGenerator(seed: 5)
        for index in 0..<3 { try room.join("e\(index)", at: Fixtures.instant("2026-12-07T06:50"), using: &generator) }
        let joined = Fixtures.instant("2026-12-07T07:35")
        try room.join("late", at: joined, using: &generator)
        #expect(room.places["late"] == 3)
        #expect(
            room.status(of: "late", at: joined) == .admitted(place: 3, until: Fixtures.instant("2026-12-07T07:45")),
            "its turn had passed: admitted at once, for the full admission time")
        #expect(room.admission(of: 2) == Fixtures.instant("2026-12-07T07:01"), "the early ones keep the rate")

        let burst = Fixtures.instant("2026-12-07T07:40")
        for index in 0..<5 { try room.join("b\(index)", at: burst, using: &generator) }
        #expect(
            (0..<5).map { room.status(of: "b\($0)", at: burst) } == [
                .admitted(place: 4, until: Fixtures.instant("2026-12-07T07:50")),
                .admitted(place: 5, until: Fixtures.instant("2026-12-07T07:50")),
                .waiting(place: 6, admissionAt: Fixtures.instant("2026-12-07T07:41")),
                .waiting(place: 7, admissionAt: Fixtures.instant("2026-12-07T07:41")),
                .waiting(place: 8, admissionAt: Fixtures.instant("2026-12-07T07:42")),
            ], "two a minute, as for the early ones")
        #expect(room.admitted(at: burst) == 6)
        #expect(room.admitted(at: Fixtures.instant("2026-12-07T07:41")) == 8)
        #expect(room.admitted(at: Fixtures.instant("2026-12-07T07:42")) == 9)

        var restored = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        for index in 0..<3 {
            restored.restore(
                "e\(index)", place: room.places["e\(index)"], joinedAt: Fixtures.instant("2026-12-07T06:50"))
        }
        restored.restore("late", place: 3, joinedAt: joined)
        for index in 0..<5 { restored.restore("b\(index)", place: 4 + index, joinedAt: burst) }
        #expect((0..<9).map(restored.admission(of:)) == (0..<9).map(room.admission(of:)))
    }

    @Test func aRestoredRoomKeepsItsPlaces() throws {
        var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        room.restore("a", place: 1, joinedAt: Fixtures.instant("2026-12-07T06:40"))
        room.restore("b", place: 0, joinedAt: Fixtures.instant("2026-12-07T06:41"))
        #expect(room.drawn)
        #expect(room.status(of: "b", at: release) == .admitted(place: 0, until: Fixtures.instant("2026-12-07T07:10")))
    }
}

@Suite struct DrawOrderTests {
    @Test func priorityGroupsComeFirstAndAreRandomWithin() {
        var generator = SeededGenerator(seed: 3)
        let entries = (0..<30).map { (id: $0, priority: $0 % 3 == 0 ? "80plus" : $0 % 3 == 1 ? "60plus" : "all") }
        let order = DrawOrder.order(entries, priorities: ["80plus", "60plus", "all"], using: &generator)
        #expect(order.count == 30)
        #expect(order.prefix(10).allSatisfy { $0 % 3 == 0 })
        #expect(order.dropFirst(10).prefix(10).allSatisfy { $0 % 3 == 1 })
        #expect(Array(order.prefix(10)) != [0, 3, 6, 9, 12, 15, 18, 21, 24, 27])
        let again = DrawOrder.order(entries, priorities: ["80plus", "60plus", "all"], using: &generator)
        #expect(again != order, "another draw, another order")
    }
}
