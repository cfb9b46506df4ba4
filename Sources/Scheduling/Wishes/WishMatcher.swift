/// One wish as the fair rule sees it: the wish, whether it waits for the answer to an open offer,
/// and the times it let go.
package struct WishCandidate: Sendable {
    package var wish: Wish
    /// Whether it has an open offer (one offer at a time per wish).
    package var hasOpenOffer: Bool
    /// The times it declined or let run out: not offered to it again.
    package var refused: Set<OfferedTime>

    package init(wish: Wish, hasOpenOffer: Bool = false, refused: Set<OfferedTime> = []) {
        self.wish = wish
        self.hasOpenOffer = hasOpenOffer
        self.refused = refused
    }
}

/// An offer the rule decided: the wish, the office and the time to hold for it.
package struct OfferPlan: Hashable, Sendable {
    package var wish: WishID
    package var office: OfficeID
    package var request: SlotRequest
    /// Where the rule placed it (the office's writer decides again, the same way).
    package var placement: Placement
    /// The holds of closing offers whose time it takes: released in the same step, so that the
    /// time goes from one wish to the next without falling free in between.
    package var replacing: [HoldID]
}

/// What the rule decided, in the order to carry it out.
package enum WishStep: Hashable, Sendable {
    /// Hold a time for a wish (replacing the holds of closing offers it takes).
    case offer(OfferPlan)
    /// Release the hold of a closing offer that no waiting wish takes.
    case release(HoldID, office: OfficeID)
}

/// The rule that makes wishes fair (Documentation/Wishes.md, "The fairness rule"), as a value
/// with no I/O: a free time goes to the wish that has waited longest (by the time its address was
/// confirmed) among those it suits that have no open offer; one offer at a time per wish; a wish
/// is never offered a time it declined or let run out.
///
/// It works on copies of the offices' capacities (what their writers published), goes through
/// the waiting wishes oldest first, gives each the earliest free start that suits it (over its
/// offices, the first office winning a tie) and marks that start held in its copy, so that the
/// next wish sees it taken. Offers use the wish's channel's counter time, and may take time held
/// back from the public after a cancellation, which is kept for them.
package struct WishMatcher: Sendable {
    private var schedules: [OfficeID: OfficeSchedule]
    private let now: Instant
    private var freed: [Freed] = []
    private var cache: [DemandKey: [FreeStart]] = [:]
    private var holdNumber = 0

    private struct Freed {
        var hold: HoldID
        var office: OfficeID
        var placement: Placement
        var taken = false
    }

    private struct DemandKey: Hashable {
        var office: OfficeID
        var services: [ServiceID]
        var persons: Int
        var channel: Channel
    }

    private struct FreeStart {
        var start: Instant
        var date: LocalDate
        /// Minutes after midnight on the wall clock.
        var minute: Int
    }

    /// A matcher over the offices' capacities as of `now`.
    package init(schedules: [OfficeID: OfficeSchedule], now: Instant) {
        self.schedules = schedules
        self.now = now
    }

    /// The order of the rule: the waiting wishes without an open offer, longest waiting first
    /// (by confirmation, then id).
    package static func order(_ candidates: [WishCandidate]) -> [WishCandidate] {
        candidates.filter { $0.wish.isWaiting && !$0.hasOpenOffer }.sorted {
            ($0.wish.confirmedAt ?? $0.wish.createdAt, $0.wish.id) < (
                $1.wish.confirmedAt ?? $1.wish.createdAt, $1.wish.id
            )
        }
    }

    /// Treats the time of `offer`, which is being closed (declined, run out, withdrawn), as free:
    /// it may go to the next wish in the same step.
    package mutating func close(_ offer: WishOffer) {
        guard var schedule = schedules[offer.office],
            let placement = schedule.placement(counter: offer.counter, start: offer.start, end: offer.end)
        else { return }
        schedule.removeBlock(hold: offer.hold, at: placement)
        schedules[offer.office] = schedule
        freed.append(Freed(hold: offer.hold, office: offer.office, placement: placement))
        forget(offer.office)
    }

    /// Applies the rule to `candidates` (every waiting wish), holding each offer until `until`;
    /// returns the steps to carry out, offers first in the rule's order, then the releases of
    /// closed offers' holds that no wish took.
    package mutating func steps(for candidates: [WishCandidate], offerUntil until: Instant) -> [WishStep] {
        var steps: [WishStep] = []
        for candidate in Self.order(candidates) {
            guard let (office, start) = firstFit(candidate) else { continue }
            let wish = candidate.wish
            let request = SlotRequest(
                services: wish.services, persons: wish.persons, start: start, channel: wish.channel)
            guard let placement = hold(request, office: office, until: until) else { continue }
            var replacing: [HoldID] = []
            for index in freed.indices where !freed[index].taken && freed[index].office == office {
                let other = freed[index].placement
                if other.date == placement.date, other.counterIndex == placement.counterIndex,
                    other.units.overlaps(placement.units)
                {
                    freed[index].taken = true
                    replacing.append(freed[index].hold)
                }
            }
            steps.append(
                .offer(
                    OfferPlan(
                        wish: wish.id, office: office, request: request, placement: placement, replacing: replacing)))
        }
        for released in freed where !released.taken {
            steps.append(.release(released.hold, office: released.office))
        }
        freed.removeAll()
        return steps
    }

    /// The earliest free start that suits the wish and that it has not let go, over its offices;
    /// the first office named wins a tie.
    mutating func firstFit(_ candidate: WishCandidate) -> (office: OfficeID, start: Instant)? {
        let wish = candidate.wish
        var best: (office: OfficeID, start: Instant)?
        for office in wish.offices {
            let starts = freeStarts(office: office, wish: wish)
            var index = Self.firstIndex(in: starts, onOrAfter: wish.earliest)
            while index < starts.count {
                let free = starts[index]
                index += 1
                if free.date > wish.latest { break }
                if let best, free.start >= best.start { break }
                guard wish.suits(office: office, date: free.date, minute: free.minute),
                    !candidate.refused.contains(OfferedTime(office: office, start: free.start))
                else { continue }
                best = (office, free.start)
                break
            }
        }
        return best
    }

    /// Holds `request` in the office's copy until `until`; its placement, or nil when it cannot be
    /// placed.
    private mutating func hold(_ request: SlotRequest, office: OfficeID, until: Instant) -> Placement? {
        guard var schedule = schedules[office] else { return nil }
        holdNumber += 1
        do throws(SchedulingError) {
            let hold = try schedule.placeHold(
                request, id: HoldID("wish-matcher.\(holdNumber)"), now: now, offerUntil: until)
            schedules[office] = schedule
            forget(office)
            return hold.placement
        } catch {
            return nil
        }
    }

    /// The starts free for the wish's services, persons and channel at `office` (hold-back
    /// passed), over the booking window, in time order; computed once per demand until the
    /// office's copy changes.
    private mutating func freeStarts(office: OfficeID, wish: Wish) -> [FreeStart] {
        let key = DemandKey(office: office, services: wish.services, persons: wish.persons, channel: wish.channel)
        if let cached = cache[key] { return cached }
        guard let schedule = schedules[office] else { return [] }
        var found: [FreeStart] = []
        do throws(SchedulingError) {
            var demand = try schedule.demand(services: wish.services, persons: wish.persons, channel: wish.channel)
            demand.passesHoldBack = true
            let today = schedule.frame(containing: now).date
            let availability = schedule.availability(
                for: demand, from: today, to: today.adding(days: OfficeSchedule.maxQueryDays - 1), now: now)
            for day in availability.days {
                for minutes in day.startMinutes {
                    found.append(
                        FreeStart(
                            start: day.frame.instant(elapsed: minutes), date: day.date,
                            minute: day.frame.wallMinute(elapsed: minutes)))
                }
            }
        } catch {
            found = []  // the office no longer does these services together: nothing fits there
        }
        cache[key] = found
        return found
    }

    private mutating func forget(_ office: OfficeID) {
        cache = cache.filter { $0.key.office != office }
    }

    /// The index of the first start on or after `date` (binary search; the starts are in order).
    private static func firstIndex(in starts: [FreeStart], onOrAfter date: LocalDate) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].date < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
