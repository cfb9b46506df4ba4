import RathausTesting
import Testing

@testable import Scheduling

/// Seeded random sequences of wishes, public bookings and holds, cancellations and answers to
/// offers (book, decline, let run out, withdraw) on one or two random offices, with the fair rule
/// (`WishMatcher`) applied after every step the way the wishes' desk applies it. After every step:
/// no time is offered to two wishes, no offered time is publicly bookable, every offer went to the
/// longest-waiting wish that could take it, and no waiting wish is left without an offer while a
/// time that suits it is free. A failure names its seed and step.
@Suite struct WishPropertyTests {
    static let seeds: [UInt64] = Array(1...30)
    static let stepsPerSeed = 150

    @Test(arguments: seeds)
    func offersStayFairAndPrivateUnderRandomSteps(seed: UInt64) {
        var run = WishRun(seed: seed)
        for step in 0..<Self.stepsPerSeed {
            run.step = step
            run.randomStep()
            run.match()
            run.checkOffers()
            if step % 10 == 9 { run.checkNoWaitingWishFitsAFreeTime() }
        }
    }

    @Test func theRunsOfferBookDeclineAndExpireOften() {
        // Guards the generator: runs in which nothing is offered, booked, declined or let run out
        // test little.
        var totals = WishRun.Counts()
        for seed in Self.seeds {
            var run = WishRun(seed: seed)
            for step in 0..<Self.stepsPerSeed {
                run.step = step
                run.randomStep()
                run.match()
            }
            totals.add(run.counts)
        }
        #expect(totals.offers > 300)
        #expect(totals.booked > 40)
        #expect(totals.declined > 40)
        #expect(totals.expired > 20)
        #expect(totals.handedOver > 10)
        #expect(totals.publicBookings > 200)
    }
}

/// One random run: one or two random offices, a clock, wishes and their offers, and what the
/// public books.
struct WishRun {
    struct Counts {
        var offers = 0
        var booked = 0
        var declined = 0
        var expired = 0
        var handedOver = 0
        var publicBookings = 0

        mutating func add(_ other: Counts) {
            offers += other.offers
            booked += other.booked
            declined += other.declined
            expired += other.expired
            handedOver += other.handedOver
            publicBookings += other.publicBookings
        }
    }

    var random: RandomOffice
    var schedules: [OfficeID: OfficeSchedule] = [:]
    var services: [Service]
    var now: Instant
    let seed: UInt64
    var step = 0
    var nextID = 0
    var wishes: [WishID: Wish] = [:]
    var offers: [String: WishOffer] = [:]
    var refused: [WishID: Set<OfferedTime>] = [:]
    /// Offers closed by the last step's answers, handed to the rule with their holds.
    var closing: [WishOffer] = []
    var counts = Counts()
    let offerMinutes = 60
    let graceMinutes = 5
    let contacts = (0..<6).map { Contact(name: "P\($0)", email: "p\($0)@example.org") }

    init(seed: UInt64) {
        self.seed = seed
        random = RandomOffice(seed: seed)
        services = random.services().map { service in
            var online = service
            online.bookableOnline = true  // wishes are left online
            return online
        }
        let start = random.startDate()
        for index in 0..<random.int(1...2) {
            var office = random.office(services: services, start: start)
            office.id = OfficeID("office\(index)")
            office.booking.cancellationHoldBackMinutes = random.pick([0, 15, 30])
            var schedule = OfficeSchedule(office: office, services: services)
            // As the office writer does: its days planned ahead, so reads do not plan them again.
            schedule.prepare(from: start.adding(days: -1), through: start.adding(days: 30))
            schedules[office.id] = schedule
        }
        let first = schedules.values.first?.office
        now = (first?.timeZone ?? Fixtures.berlin).frame(of: start).instant(elapsed: random.int(5 * 60...10 * 60))
    }

    var label: String { "seed \(seed) step \(step)" }
    var officeIDs: [OfficeID] { schedules.keys.sorted() }

    mutating func fresh(_ prefix: String) -> String {
        nextID += 1
        return "\(prefix)\(nextID)"
    }

    // MARK: Steps

    mutating func randomStep() {
        switch random.int(0...99) {
        case 0..<10: now = now.adding(minutes: random.int(1...40))
        case 10..<13: now = now.adding(minutes: random.int(60...600))
        case 13..<28: addWish()
        case 28..<50: bookPublicly()
        case 50..<58: holdPublicly()
        case 58..<72: cancelABooking()
        case 72..<82: answerAnOffer(book: true)
        case 82..<92: answerAnOffer(book: false)
        case 92..<95: withdrawAWish()
        default: now = now.adding(minutes: offerMinutes + random.int(1...20))  // offers run out
        }
    }

    /// A wish for services some counter does together, at one or both offices, on random days and
    /// times; now and then one that is never confirmed (it must never get an offer).
    mutating func addWish() {
        let office = random.pick(officeIDs)
        guard let schedule = schedules[office] else { return }
        let counter = random.pick(schedule.office.counters)
        var wanted = [random.pick(counter.skills.sorted())]
        if random.chance(0.2), let other = counter.skills.sorted().first(where: { $0 != wanted[0] }) {
            wanted.append(other)
        }
        let today = schedule.frame(containing: now).date
        let earliest = today.adding(days: random.int(-1...4))
        var offices = [office]
        if officeIDs.count > 1, random.chance(0.5) { offices = random.chance(0.5) ? officeIDs : officeIDs.reversed() }
        let weekdays =
            random.chance(0.6) ? Set(Weekday.allCases) : Set(Weekday.allCases.filter { _ in random.chance(0.5) })
        let times = random.pick([[DayTimeRange.wholeDay], [.morning], [.afternoon], [.morning, .afternoon]])
        let confirmed = random.chance(0.9)
        let wish = Wish(
            id: WishID(fresh("w")), services: wanted, persons: random.int(1...2), offices: offices,
            weekdays: weekdays.isEmpty ? [.monday] : weekdays, times: times, earliest: earliest,
            latest: earliest.adding(days: random.int(0...10)), channel: random.chance(0.8) ? .online : .hotline,
            contact: random.pick(contacts), language: .german, createdAt: now, confirmedAt: confirmed ? now : nil,
            status: confirmed ? .waiting : .unconfirmed)
        wishes[wish.id] = wish
    }

    /// A citizen books a free start online (the public sees no offered time).
    mutating func bookPublicly() {
        let office = random.pick(officeIDs)
        guard var schedule = schedules[office], let (wanted, persons) = randomDemand(schedule),
            let start = randomFreeStart(schedule, services: wanted, persons: persons, channel: .online)
        else { return }
        let request = SlotRequest(services: wanted, persons: persons, start: start, channel: .online)
        if (try? schedule.book(
            request, id: BookingID(fresh("b")), reference: fresh("R"), contact: random.pick(contacts), now: now))
            != nil
        {
            counts.publicBookings += 1
        }
        schedules[office] = schedule
    }

    /// A citizen holds a free start online for a few minutes (it runs out or is released later).
    mutating func holdPublicly() {
        let office = random.pick(officeIDs)
        guard var schedule = schedules[office], let (wanted, persons) = randomDemand(schedule),
            let start = randomFreeStart(schedule, services: wanted, persons: persons, channel: .online)
        else { return }
        let request = SlotRequest(services: wanted, persons: persons, start: start, channel: .online)
        _ = try? schedule.placeHold(request, id: HoldID(fresh("h")), now: now)
        schedules[office] = schedule
    }

    mutating func cancelABooking() {
        let office = random.pick(officeIDs)
        guard var schedule = schedules[office] else { return }
        let active = schedule.bookings.values.filter { $0.isActive && $0.start > now }.sorted { $0.id < $1.id }
        guard !active.isEmpty else { return }
        _ = try? schedule.cancel(random.pick(active).id, now: now)
        schedules[office] = schedule
    }

    /// The citizen books the offered time (the booking carries the wish's contact), or declines it.
    mutating func answerAnOffer(book: Bool) {
        let open = openOffers.filter { $0.expiresAt > now }
        guard !open.isEmpty else { return }
        var offer = random.pick(open)
        guard var wish = wishes[offer.wish], var schedule = schedules[offer.office] else { return }
        if book {
            do {
                let booking = try schedule.book(
                    hold: offer.hold, channel: offer.channel, id: BookingID(fresh("b")), reference: fresh("R"),
                    contact: wish.contact, now: now)
                #expect(booking.start == offer.start && booking.counter == offer.counter, "\(label)")
                offer.status = .booked
                offer.booking = booking.id
                wish.status = .booked
                wish.booking = booking.id
                counts.booked += 1
            } catch {
                // Over the contact's limit of bookings: the citizen declines instead.
                offer.status = .declined
                closing.append(offer)
                counts.declined += 1
            }
        } else {
            offer.status = .declined
            closing.append(offer)
            counts.declined += 1
        }
        if offer.status.refused { refused[offer.wish, default: []].insert(offer.time) }
        offers[offer.id] = offer
        wishes[wish.id] = wish
        schedules[offer.office] = schedule
    }

    mutating func withdrawAWish() {
        let waiting = wishes.values.filter { $0.status == .waiting }.sorted { $0.id < $1.id }
        guard !waiting.isEmpty else { return }
        var wish = random.pick(waiting)
        wish.status = .withdrawn
        wishes[wish.id] = wish
        for var offer in openOffers where offer.wish == wish.id {
            offer.status = .withdrawn
            offers[offer.id] = offer
            closing.append(offer)
        }
    }

    // MARK: The rule, applied as the desk applies it

    var openOffers: [WishOffer] { offers.values.filter { $0.status == .open }.sorted { $0.id < $1.id } }

    /// What the desk does after a change: offers past their time run out, and the rule hands the
    /// closed offers' times on and offers free times to the waiting wishes; then the writers'
    /// sweep releases expired holds.
    mutating func match() {
        for var offer in openOffers where offer.expiresAt <= now {
            offer.status = .expired
            offers[offer.id] = offer
            refused[offer.wish, default: []].insert(offer.time)
            closing.append(offer)
            counts.expired += 1
        }
        for id in officeIDs { schedules[id]?.releaseExpired(at: now) }
        var matcher = WishMatcher(schedules: schedules, now: now)
        for offer in closing { matcher.close(offer) }
        let open = Set(openOffers.map(\.wish))
        let candidates = wishes.values.map {
            WishCandidate(wish: $0, hasOpenOffer: open.contains($0.id), refused: refused[$0.id] ?? [])
        }
        let until = now.adding(minutes: offerMinutes + graceMinutes)
        for step in matcher.steps(for: candidates, offerUntil: until) {
            switch step {
            case .offer(let plan):
                checkFairness(plan, candidates: candidates)
                carryOut(plan, until: until)
            case .release(let hold, let office):
                _ = try? schedules[office]?.releaseHold(hold)
            }
        }
        closing = []
    }

    /// Places the offer as the office writer would: the holds it replaces are released, then the
    /// time is held for the wish.
    mutating func carryOut(_ plan: OfferPlan, until: Instant) {
        guard var schedule = schedules[plan.office] else { return }
        for hold in plan.replacing { _ = try? schedule.releaseHold(hold) }
        if !plan.replacing.isEmpty { counts.handedOver += 1 }
        do {
            let hold = try schedule.placeHold(plan.request, id: HoldID(fresh("offer")), now: now, offerUntil: until)
            #expect(hold.placement == plan.placement, "\(label): the writer placed the offer elsewhere")
            let offer = WishOffer(
                id: fresh("o"), wish: plan.wish, office: plan.office, hold: hold.id, counter: hold.counter,
                services: hold.services, persons: hold.persons, start: hold.start, end: hold.end,
                channel: hold.channel, createdAt: now, expiresAt: now.adding(minutes: offerMinutes))
            #expect(refused[plan.wish]?.contains(offer.time) != true, "\(label): offered a time it let go")
            offers[offer.id] = offer
            counts.offers += 1
        } catch {
            Issue.record("\(label): the planned offer for \(plan.wish) could not be held: \(error)")
        }
        schedules[plan.office] = schedule
    }

    // MARK: Checks

    /// Each offer goes to the longest-waiting wish that could take it: no wish that waited longer
    /// and had no open offer suits the time and could be given it (tried on a copy, with the
    /// closing holds the offer replaces released).
    func checkFairness(_ plan: OfferPlan, candidates: [WishCandidate]) {
        guard let wish = wishes[plan.wish], let confirmed = wish.confirmedAt, wish.isWaiting else {
            Issue.record("\(label): an offer for \(plan.wish), which does not wait")
            return
        }
        let open = Set(openOffers.map(\.wish))
        guard let schedule = schedules[plan.office] else { return }
        let frame = schedule.frame(containing: plan.request.start)
        let minute = frame.wallMinute(elapsed: Int(frame.elapsedMinutes(to: plan.request.start)))
        for older in candidates.map(\.wish) where older.isWaiting && !open.contains(older.id) {
            guard let olderConfirmed = older.confirmedAt,
                (olderConfirmed, older.id) < (confirmed, wish.id),
                older.suits(office: plan.office, date: frame.date, minute: minute),
                refused[older.id]?.contains(OfferedTime(office: plan.office, start: plan.request.start)) != true
            else { continue }
            var copy = schedule
            for hold in plan.replacing { _ = try? copy.releaseHold(hold) }
            let request = SlotRequest(
                services: older.services, persons: older.persons, start: plan.request.start, channel: older.channel)
            if (try? copy.placeHold(request, id: "probe", now: now, offerUntil: now.adding(minutes: 1))) != nil {
                Issue.record("\(label): \(plan.wish) got a time that \(older.id), waiting longer, could take")
            }
        }
    }

    /// One open offer per wish, only for waiting wishes; no two open offers share counter time;
    /// each is held; and no offered time can be booked by the public or the hotline.
    func checkOffers() {
        let open = openOffers
        let byWish = Dictionary(grouping: open, by: \.wish)
        for (wish, list) in byWish where list.count > 1 {
            Issue.record("\(label): \(wish) has \(list.count) open offers")
        }
        for offer in open {
            if wishes[offer.wish]?.status != .waiting { Issue.record("\(label): open offer for a closed wish") }
            guard let schedule = schedules[offer.office], let hold = schedule.holds[offer.hold] else {
                Issue.record("\(label): offer \(offer.id) is not held")
                continue
            }
            for other in open where other.id < offer.id && other.office == offer.office {
                if let held = schedule.holds[other.hold], held.placement.date == hold.placement.date,
                    held.placement.counterIndex == hold.placement.counterIndex,
                    held.placement.units.overlaps(hold.placement.units)
                {
                    Issue.record("\(label): offers \(offer.id) and \(other.id) share counter time")
                }
            }
            let day = schedule.day(hold.placement.date)
            for channel in [Channel.online, .kiosk, .hotline] {
                if day.counters[hold.placement.counterIndex].isFree(hold.placement.units, for: channel, at: now) {
                    Issue.record("\(label): offered time of \(offer.id) is free to \(channel)")
                }
            }
            checkNotPubliclyBookable(offer, hold: hold, in: schedule)
        }
    }

    /// Where online availability shows an offered start, booking it online takes other counter
    /// time than the offer's (another counter that is free then).
    func checkNotPubliclyBookable(_ offer: WishOffer, hold: Hold, in schedule: OfficeSchedule) {
        guard
            let shown = try? schedule.availability(
                services: offer.services, persons: offer.persons, channel: .online, from: hold.placement.date,
                to: hold.placement.date, now: now),
            shown.days.flatMap(\.starts).contains(offer.start)
        else { return }
        var copy = schedule
        let request = SlotRequest(
            services: offer.services, persons: offer.persons, start: offer.start, channel: .online)
        guard let probe = try? copy.placeHold(request, id: "public-probe", now: now) else {
            Issue.record("\(label): online availability shows \(offer.start), which cannot be held")
            return
        }
        if probe.placement.counterIndex == hold.placement.counterIndex,
            probe.placement.units.overlaps(hold.placement.units)
        {
            Issue.record("\(label): the public could book the time offered by \(offer.id)")
        }
    }

    /// The rule leaves nothing behind: no waiting wish without an open offer suits a start that
    /// could be held for it (tried at every grid unit of its days with the booking's own
    /// allocation, not the availability scan the rule uses).
    func checkNoWaitingWishFitsAFreeTime() {
        let open = Set(openOffers.map(\.wish))
        for wish in wishes.values where wish.isWaiting && !open.contains(wish.id) {
            for office in wish.offices {
                guard let schedule = schedules[office],
                    var demand = try? schedule.demand(
                        services: wish.services, persons: wish.persons, channel: wish.channel)
                else { continue }
                demand.passesHoldBack = true
                let today = schedule.frame(containing: now).date
                var date = max(today, wish.earliest)
                while date <= wish.latest, date <= today.adding(days: 14) {
                    defer { date = date.adding(days: 1) }
                    guard wish.weekdays.contains(date.weekday) else { continue }
                    let frame = schedule.day(date).frame
                    for unit in 0..<frame.lengthMinutes / schedule.office.gridMinutes {
                        let elapsed = unit * schedule.office.gridMinutes
                        let start = frame.instant(elapsed: elapsed)
                        guard wish.suits(office: office, date: date, minute: frame.wallMinute(elapsed: elapsed)),
                            refused[wish.id]?.contains(OfferedTime(office: office, start: start)) != true,
                            (try? schedule.allocate(demand, at: start, now: now)) != nil
                        else { continue }
                        Issue.record("\(label): \(wish.id) waits while \(start) at \(office) suits it and is free")
                        return
                    }
                }
            }
        }
    }

    // MARK: Helpers

    mutating func randomDemand(_ schedule: OfficeSchedule) -> (services: [ServiceID], persons: Int)? {
        let counter = random.pick(schedule.office.counters)
        return ([random.pick(counter.skills.sorted())], random.int(1...2))
    }

    mutating func randomFreeStart(
        _ schedule: OfficeSchedule, services: [ServiceID], persons: Int, channel: Channel
    ) -> Instant? {
        let today = schedule.frame(containing: now).date
        guard
            let days = try? schedule.availability(
                services: services, persons: persons, channel: channel, from: today, to: today.adding(days: 14),
                now: now
            ).days, !days.isEmpty
        else { return nil }
        let day = random.pick(days)
        return day.frame.instant(elapsed: random.pick(day.startMinutes))
    }
}
