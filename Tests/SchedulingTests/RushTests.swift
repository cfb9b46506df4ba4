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

        let restored = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: (0..<3).map {
                stored(room, "e\($0)", joinedAt: Fixtures.instant("2026-12-07T06:50"))
            } + [stored(room, "late", joinedAt: joined)] + (0..<5).map { stored(room, "b\($0)", joinedAt: burst) })
        #expect((0..<9).map(restored.admission(of:)) == (0..<9).map(room.admission(of:)))
    }

    @Test func aRestoredRoomKeepsItsPlaces() throws {
        let room = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: [
                .init(key: "a", place: 1, joinedAt: Fixtures.instant("2026-12-07T06:40")),
                .init(key: "b", place: 0, joinedAt: Fixtures.instant("2026-12-07T06:41")),
            ])
        #expect(room.drawn)
        #expect(room.status(of: "b", at: release) == .admitted(place: 0, until: Fixtures.instant("2026-12-07T07:10")))
    }

    /// How `room` would have stored `key`, joined at `joinedAt`.
    func stored(_ room: WaitingRoom, _ key: String, joinedAt: Instant) -> WaitingRoom.StoredEntrant {
        .init(key: key, place: room.places[key], joinedAt: joinedAt)
    }

    @Test func aGapInTheStoredPlacesKeepsTheLaterArrivalsTimes() throws {
        var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
        var generator = SeededGenerator(seed: 11)
        var joins: [(key: String, at: Instant)] = (0..<3).map { ("e\($0)", Fixtures.instant("2026-12-07T06:50")) }
        joins += [
            ("a", Fixtures.instant("2026-12-07T07:20")), ("lost", Fixtures.instant("2026-12-07T07:21")),
            ("b", Fixtures.instant("2026-12-07T07:22")), ("c", Fixtures.instant("2026-12-07T07:23")),
        ]
        for join in joins { try room.join(join.key, at: join.at, using: &generator) }
        #expect(room.places["lost"] == 4 && room.places["c"] == 6)

        // The entrant at place 4 got its place, but storing it failed: the stored places are 0...3, 5, 6.
        var restored = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: joins.filter { $0.key != "lost" }.map { stored(room, $0.key, joinedAt: $0.at) })
        #expect(
            restored.status(of: "b", at: Fixtures.instant("2026-12-07T07:25"))
                == .admitted(place: 5, until: Fixtures.instant("2026-12-07T07:32")),
            "admitted from when it joined, not expired since the release")
        try restored.join("d", at: Fixtures.instant("2026-12-07T07:24"), using: &generator)
        try room.join("d", at: Fixtures.instant("2026-12-07T07:24"), using: &generator)
        #expect(restored.places["d"] == 7, "after every stored place")
        for key in ["e0", "e1", "e2", "a", "b", "c", "d"] {
            for minute in [0, 1, 20, 22, 23, 25, 31, 32, 33, 34, 40] {
                let now = release.adding(minutes: minute)
                #expect(restored.status(of: key, at: now) == room.status(of: key, at: now), "\(key) at 07:\(minute)")
            }
        }
    }

    @Test func aGapInTheStoredPlacesWhereTheRateHoldsArrivalsBackCountsOnlyTheStoredOnes() throws {
        let burst = Fixtures.instant("2026-12-07T07:40")
        let joins: [(key: String, at: Instant)] =
            (0..<3).map { ("e\($0)", Fixtures.instant("2026-12-07T06:50")) } + (0..<6).map { ("b\($0)", burst) }
        func live(_ joins: [(key: String, at: Instant)]) throws -> WaitingRoom {
            var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
            var generator = SeededGenerator(seed: 12)
            for join in joins { try room.join(join.key, at: join.at, using: &generator) }
            return room
        }
        let room = try live(joins)
        let kept = joins.filter { $0.key != "b1" }
        let neverLost = try live(kept)
        let restored = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: kept.map { stored(room, $0.key, joinedAt: $0.at) })
        func admission(_ room: WaitingRoom, _ key: String) -> Instant? { room.places[key].map(room.admission(of:)) }
        #expect(kept.map { restored.places[$0.key] } == kept.map { room.places[$0.key] }, "the stored places")
        #expect(
            kept.map { admission(restored, $0.key) } == kept.map { admission(neverLost, $0.key) },
            "timed as if the lost one had never joined")
        #expect(admission(restored, "b4") == Fixtures.instant("2026-12-07T07:41"))
        #expect(admission(room, "b4") == Fixtures.instant("2026-12-07T07:42"), "before, it waited behind the lost one")
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func aRestoredRoomTimesTheStoredLaterArrivalsAsARoomWithoutTheLostOnes(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let policy = WaitingRoomPolicy(
            opensMinutesBefore: 30, admitPerMinute: Int.random(in: 1...4, using: &random), admissionMinutes: 10,
            activeMinutesAfter: 120)
        let joins: [(key: String, at: Instant)] = (0..<40).map {
            ("k\($0)", release.adding(seconds: Int.random(in: -1800..<3600, using: &random)))
        }.sorted { $0.at < $1.at }
        let lost = Set(joins.filter { $0.at >= release && Int.random(in: 0..<4, using: &random) == 0 }.map(\.key))
        func live(_ joins: [(key: String, at: Instant)]) throws -> WaitingRoom {
            var room = WaitingRoom(service: "impfung", releaseAt: release, policy: policy)
            var generator = SeededGenerator(seed: seed)
            for join in joins { try room.join(join.key, at: join.at, using: &generator) }
            room.drawIfDue(at: release, using: &generator)
            return room
        }
        let room = try live(joins)
        let kept = joins.filter { !lost.contains($0.key) }
        let neverLost = try live(kept)
        let whole = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: joins.map { stored(room, $0.key, joinedAt: $0.at) })
        let restored = WaitingRoom(
            service: "impfung", releaseAt: release, policy: policy,
            restoring: kept.map { stored(room, $0.key, joinedAt: $0.at) })
        for minute in stride(from: 0, through: 90, by: 3) {
            let now = release.adding(minutes: minute)
            #expect(joins.map { whole.status(of: $0.key, at: now) } == joins.map { room.status(of: $0.key, at: now) })
            #expect(whole.admitted(at: now) == room.admitted(at: now))
        }
        func admission(_ room: WaitingRoom, _ key: String) -> Instant? { room.places[key].map(room.admission(of:)) }
        #expect(kept.map { restored.places[$0.key] } == kept.map { room.places[$0.key] }, "the stored places")
        #expect(kept.map { admission(restored, $0.key) } == kept.map { admission(neverLost, $0.key) })
        for join in kept {
            let at = try #require(admission(restored, join.key))
            #expect(at <= (try #require(admission(room, join.key))), "never later than before the restart")
            if join.at >= release { #expect(at >= join.at, "never before it joined") }
        }
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
