/// How a service's waiting room works around a release (Documentation/RushHour.md, "Waiting
/// rooms").
package struct WaitingRoomPolicy: Hashable, Sendable {
    /// The room opens this many minutes before the release.
    package var opensMinutesBefore: Int
    /// Entrants admitted per minute from the release on.
    package var admitPerMinute: Int
    /// How long an admission (its signed token) lasts.
    package var admissionMinutes: Int
    /// Booking the service needs an admission from the opening until this many minutes after
    /// the release.
    package var activeMinutesAfter: Int

    package init(
        opensMinutesBefore: Int = 30, admitPerMinute: Int = 60, admissionMinutes: Int = 15,
        activeMinutesAfter: Int = 240
    ) {
        self.opensMinutesBefore = max(0, opensMinutesBefore)
        self.admitPerMinute = max(1, admitPerMinute)
        self.admissionMinutes = max(1, admissionMinutes)
        self.activeMinutesAfter = max(0, activeMinutesAfter)
    }
}

/// The waiting room of one release of one service: whoever joins before the release gets a
/// place in random order (drawn once, at the release, so that arriving at 06:59:59 is no worse
/// than at 06:30); who joins later queues behind, first come first served; from the release on
/// places are admitted at the policy's rate, and never before they joined: a later arrival is
/// admitted when its turn comes at that rate or, if that has passed, at once, with the full
/// admission time. Pure: the caller passes the time and the random generator.
package struct WaitingRoom: Sendable {
    package let service: ServiceID
    package let releaseAt: Instant
    package let policy: WaitingRoomPolicy
    /// Entrants who joined before the release, in joining order, until the draw.
    package private(set) var early: [String] = []
    private var members: Set<String> = []
    /// Places by entrant, once drawn (0 is admitted first).
    package private(set) var places: [String: Int] = [:]
    /// The places below this one are the drawn early entrants'; later arrivals (who joined at or
    /// after the release) queue from here on.
    private var firstLaterPlace = 0
    /// The places of later arrivals, increasing. Restored ones keep their stored places, which
    /// may have gaps (a place handed out to an entrant that was never stored).
    private var laterPlaces: [Int] = []
    /// When each of `laterPlaces` is admitted; never decreasing.
    private var laterAdmissions: [Instant] = []
    /// Whether the early entrants have been put in random order.
    package private(set) var drawn = false

    package init(service: ServiceID, releaseAt: Instant, policy: WaitingRoomPolicy) {
        self.service = service
        self.releaseAt = releaseAt
        self.policy = policy
    }

    package var opensAt: Instant { releaseAt.adding(minutes: -policy.opensMinutesBefore) }
    package var closesAt: Instant { releaseAt.adding(minutes: policy.activeMinutesAfter) }

    /// Whether booking the service needs an admission at `now`.
    package func isActive(at now: Instant) -> Bool { now >= opensAt && now < closesAt }

    /// Entrants so far.
    package var count: Int { members.count }

    /// Adds an entrant (`key` identifies it, e.g. a hash of its secret) and returns whether it
    /// is new; joining twice keeps the first place. At or after the release the early entrants
    /// are drawn first.
    @discardableResult
    package mutating func join(_ key: String, at now: Instant, using generator: inout some RandomNumberGenerator)
        throws(RushError) -> Bool
    {
        guard now >= opensAt else { throw .notOpenYet(service, opensAt: opensAt) }
        guard now < closesAt else { throw .closed(service) }
        guard members.insert(key).inserted else { return false }
        if now < releaseAt {
            early.append(key)
        } else {
            drawIfDue(at: now, using: &generator)
            queueBehind(key, place: laterPlaces.last.map { $0 + 1 } ?? firstLaterPlace, joinedAt: now)
        }
        return true
    }

    /// Queues a later arrival at `place` (above every place so far), behind the entrants already
    /// queued; joining and restoring both come here, so both time it the same way.
    private mutating func queueBehind(_ key: String, place: Int, joinedAt: Instant) {
        places[key] = place
        laterPlaces.append(place)
        laterAdmissions.append(nextLaterAdmission(joinedAt: joinedAt))
    }

    /// When the next later arrival, who joined at `joinedAt`, is admitted: at the rate (at most
    /// `admitPerMinute` of the entrants in the queue in any minute) but not before it joined.
    /// Its turn follows from how many are queued ahead of it, not from place numbers (restored
    /// places may have gaps).
    private func nextLaterAdmission(joinedAt: Instant) -> Instant {
        let position = firstLaterPlace + laterAdmissions.count
        guard position >= policy.admitPerMinute else { return max(releaseAt, joinedAt) }
        let ahead = position - policy.admitPerMinute
        let aheadAdmitted =
            ahead >= firstLaterPlace
            ? laterAdmissions[ahead - firstLaterPlace] : releaseAt.adding(minutes: ahead / policy.admitPerMinute)
        return max(aheadAdmitted.adding(minutes: 1), joinedAt)
    }

    /// Puts the early entrants in random order, once, when the release has come; returns
    /// whether it did now (so that the caller stores the places).
    @discardableResult
    package mutating func drawIfDue(at now: Instant, using generator: inout some RandomNumberGenerator) -> Bool {
        guard !drawn, now >= releaseAt else { return false }
        var order = early
        order.shuffle(using: &generator)
        for (index, key) in order.enumerated() { places[key] = index }
        firstLaterPlace = order.count
        early = []
        drawn = true
        return true
    }

    /// A stored entrant, to put back after a restart.
    package struct StoredEntrant: Sendable {
        package var key: String
        /// Its place once drawn.
        package var place: Int?
        package var joinedAt: Instant

        package init(key: String, place: Int?, joinedAt: Instant) {
            self.key = key
            self.place = place
            self.joinedAt = joinedAt
        }
    }

    /// Rebuilds a room from its stored entrants, given in joining order. Drawn early entrants
    /// keep their places and so their times; the others who joined before the release wait for
    /// the draw. Later arrivals keep their stored places and queue in that order (joining order
    /// where two share one), each timed as joining times it, from how many are ahead of it and
    /// when it joined. A place handed out to an entrant that was never stored leaves a gap: the
    /// later arrivals behind it keep their times or, where the rate held them back, come a turn
    /// earlier; never before they joined.
    package init(service: ServiceID, releaseAt: Instant, policy: WaitingRoomPolicy, restoring entrants: [StoredEntrant])
    {
        self.init(service: service, releaseAt: releaseAt, policy: policy)
        var later: [(order: Int, entrant: StoredEntrant, place: Int)] = []
        for entrant in entrants where members.insert(entrant.key).inserted {
            guard let place = entrant.place else {
                early.append(entrant.key)
                continue
            }
            drawn = true
            if entrant.joinedAt >= releaseAt {
                later.append((later.count, entrant, place))
            } else {
                places[entrant.key] = place
                firstLaterPlace = max(firstLaterPlace, place + 1)
            }
        }
        later.sort { ($0.place, $0.order) < ($1.place, $1.order) }
        for (_, entrant, place) in later {
            // A place stored twice (an earlier restore could hand out a taken one) moves up, so
            // places stay unique and increasing.
            let next = laterPlaces.last.map { $0 + 1 } ?? firstLaterPlace
            queueBehind(entrant.key, place: max(place, next), joinedAt: entrant.joinedAt)
        }
    }

    /// How many entrants are admitted at `now` (the first batch at the release).
    package func admitted(at now: Instant) -> Int {
        guard now >= releaseAt else { return 0 }
        let minutes = Int(releaseAt.seconds(until: now) / 60)
        let earlyAdmitted = min(early.count + firstLaterPlace, (minutes + 1) * policy.admitPerMinute)
        var low = 0
        var high = laterAdmissions.count
        while low < high {
            let middle = (low + high) / 2
            if laterAdmissions[middle] <= now { low = middle + 1 } else { high = middle }
        }
        return earlyAdmitted + low
    }

    /// The instant `place` is admitted: by the rate from the release, for a later arrival as
    /// it was queued (not before it joined).
    package func admission(of place: Int) -> Instant {
        if place >= firstLaterPlace {
            var low = 0
            var high = laterPlaces.count
            while low < high {
                let middle = (low + high) / 2
                if laterPlaces[middle] < place { low = middle + 1 } else { high = middle }
            }
            if low < laterPlaces.count, laterPlaces[low] == place { return laterAdmissions[low] }
        }
        return releaseAt.adding(minutes: place / policy.admitPerMinute)
    }

    /// Where an entrant stands.
    package enum Status: Equatable, Sendable {
        /// Waiting; the place once drawn, and when it will be admitted.
        case waiting(place: Int?, admissionAt: Instant?)
        /// Admitted until `until`.
        case admitted(place: Int, until: Instant)
        /// The admission ran out.
        case expired(place: Int)
        case unknown
    }

    package func status(of key: String, at now: Instant) -> Status {
        guard let place = places[key] else {
            return members.contains(key) ? .waiting(place: nil, admissionAt: nil) : .unknown
        }
        let admittedAt = admission(of: place)
        guard now >= admittedAt else { return .waiting(place: place, admissionAt: admittedAt) }
        let until = admittedAt.adding(minutes: policy.admissionMinutes)
        return now < until ? .admitted(place: place, until: until) : .expired(place: place)
    }
}

/// Why a waiting room or a draw refused.
package enum RushError: Error, Equatable, Sendable {
    case notOpenYet(ServiceID, opensAt: Instant)
    case closed(ServiceID)
    case admissionRequired(ServiceID)
    case admissionInvalid(ServiceID)
    case registrationClosed(ServiceID, closedAt: Instant)
    case alreadyRegistered(ServiceID)
    case unknownPriority(String)
}

/// The order of a draw: priority groups in the order given (80 and over first), random within
/// each group.
package enum DrawOrder {
    package static func order<ID>(
        _ entries: [(id: ID, priority: String)], priorities: [String], using generator: inout some RandomNumberGenerator
    ) -> [ID] {
        var result: [ID] = []
        for priority in priorities {
            var group = entries.filter { $0.priority == priority }.map(\.id)
            group.shuffle(using: &generator)
            result += group
        }
        return result
    }
}

/// How a service with scarce slots is handed out.
package enum RushMode: Hashable, Sendable {
    /// Around each release, a waiting room in random order with admission at a rate.
    case waitingRoom(WaitingRoomPolicy)
    /// Registration until a deadline, then a draw within priority groups and a waiting list.
    case draw(DrawPolicy)
}

/// A draw of one service's slots at one office.
package struct DrawPolicy: Hashable, Sendable {
    /// A priority group, in the order it is served ("80plus", "80 Jahre und älter").
    package struct Priority: Hashable, Sendable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    package var office: OfficeID
    /// Registration closes (and the draw runs) at this local time of the office.
    package var closesDate: LocalDate
    package var closesTime: LocalTime
    /// The days whose slots are drawn.
    package var slotsFrom: LocalDate
    package var slotsTo: LocalDate
    package var priorities: [Priority]

    package init(
        office: OfficeID, closesDate: LocalDate, closesTime: LocalTime, slotsFrom: LocalDate, slotsTo: LocalDate,
        priorities: [Priority]
    ) {
        self.office = office
        self.closesDate = closesDate
        self.closesTime = closesTime
        self.slotsFrom = slotsFrom
        self.slotsTo = slotsTo
        self.priorities = priorities
    }

    /// The instant registration closes, in `zone`.
    package func closesAt(in zone: OfficeTimeZone) -> Instant {
        let frame = zone.frame(of: closesDate)
        return frame.instant(elapsed: frame.elapsed(wall: closesTime))
    }
}
