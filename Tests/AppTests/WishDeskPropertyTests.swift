import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The wishes' desk with the real office writer and database, driven through the API by seeded
/// random steps: wishes left and confirmed (or not), public bookings, cancellations, offers
/// booked, declined and let run out, wishes withdrawn, the clock moved. After every step, read
/// back from the database, the writer and the public availability: one open offer per wish, only
/// for waiting wishes; every open offer held by the writer, no two on the same counter time; no
/// offered start publicly bookable; no waiting wish left without an offer while a time that suits
/// it is free; and a booking made from an offer carries its wish's contact. A failure names its
/// seed and step.
@Suite struct WishDeskPropertyTests {
    /// One counter, Monday to Friday 08:00–11:00, 20-minute appointments, no hold-back (so the
    /// public availability shows exactly what an online wish could be offered).
    static let town: Municipality = {
        let office = Fixtures.office(
            "klein", hours: [Fixtures.rule(from: "08:00", to: "11:00")],
            counters: [Fixtures.counter("1", skills: ["pass"])],
            booking: BookingPolicy(
                window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 30), maxActivePerContact: 2))
        return Municipality(
            name: "Klein", services: [Fixtures.service("pass", minutes: 20)], groups: [], offices: [office],
            wishes: WishPolicy(offerMinutes: 60, maxActivePerContact: 2, maxUnansweredOffers: 3))
    }()

    static let days = (8...11).map { "2026-12-\(String(format: "%02d", $0))" }

    @Test(arguments: Array(UInt64(1)...6))
    func offersStayPrivateAndLeaveNoWishWithoutATimeThatSuitsIt(seed: UInt64) throws {
        var run = try DeskRun(seed: seed)
        for step in 0..<70 {
            run.step = step
            try run.randomStep()
            run.api.api.wishes.runNow()
            try run.check()
        }
        #expect(run.offered > 0, "seed \(seed): no offer was made")
    }
}

struct DeskRun {
    var random: RandomOffice
    let api: APIHarness
    let seed: UInt64
    var step = 0
    var wishes: [(id: String, token: String, email: String)] = []
    var bookings: [(id: String, token: String)] = []
    var offered = 0
    var nextContact = 0

    init(seed: UInt64) throws {
        self.seed = seed
        random = RandomOffice(seed: seed)
        api = try APIHarness(town: WishDeskPropertyTests.town)
    }

    var label: String { "seed \(seed) step \(step)" }

    mutating func randomStep() throws {
        switch random.int(0...99) {
        case 0..<22: leaveWish()
        case 22..<52: bookPublicly()
        case 52..<68: cancel()
        case 68..<80: try answer(book: true)
        case 80..<90: try answer(book: false)
        case 90..<93: withdraw()
        default: api.clock.advance(minutes: random.int(5...90))
        }
    }

    mutating func leaveWish() {
        let email = "w\(random.int(0...7))@example.org"
        let first = random.int(0...3)
        let last = min(3, first + random.int(0...2))
        let times = random.pick([
            #"[{"from":"00:00","to":"24:00"}]"#, #"[{"from":"08:00","to":"09:30"}]"#,
            #"[{"from":"09:30","to":"12:00"}]"#,
        ])
        let answer = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["klein"],"times":\#(times),"earliest":"\#(WishDeskPropertyTests.days[first])","latest":"\#(WishDeskPropertyTests.days[last])","contact":{"name":"W","email":"\#(email)"}}"#
        )
        guard answer.status == 201, let id = answer.json["id"] as? String, let token = answer.json["token"] as? String
        else { return }
        wishes.append((id, token, email))
        if random.chance(0.85) { _ = api.send(.post, "/v1/wishes/\(id)/confirm?token=\(token)") }
    }

    mutating func bookPublicly() {
        let day = random.pick(WishDeskPropertyTests.days)
        let answer = api.send(.get, "/v1/offices/klein/availability?service=pass&from=\(day)&to=\(day)")
        guard let slots = (answer.json["days"] as? [[String: Any]])?.first?["slots"] as? [String], !slots.isEmpty
        else { return }
        nextContact += 1
        let booked = api.book(
            random.pick(slots), office: "klein", services: ["pass"], email: "public\(nextContact)@example.org")
        if booked.status == 201, let id = booked.json["id"] as? String, let token = booked.json["token"] as? String {
            bookings.append((id, token))
        }
    }

    mutating func cancel() {
        guard !bookings.isEmpty else { return }
        let booking = bookings.remove(at: random.int(0...bookings.count - 1))
        _ = api.send(.delete, "/v1/bookings/\(booking.id)", headers: [api.bearer(booking.token)])
    }

    mutating func answer(book: Bool) throws {
        let open = try api.database.reader.sync { try $0.openOffers() }
        guard !open.isEmpty else { return }
        let offer = random.pick(open)
        guard let wish = wishes.first(where: { $0.id == offer.wish.rawValue }) else { return }
        if book {
            let made = api.send(.post, "/v1/offers/\(offer.id)/book?token=\(wish.token)")
            guard made.status == 201 else { return }
            let id = try #require(made.json["id"] as? String)
            let stored = try api.database.reader.sync { try $0.booking(id: BookingID(id)) }
            #expect(stored?.booking.contact.email == wish.email, "\(label): the booking carries the wish's contact")
            #expect(stored?.booking.start == offer.start, "\(label)")
            bookings.append((id, try #require(made.json["token"] as? String)))
        } else {
            _ = api.send(.post, "/v1/offers/\(offer.id)/decline?token=\(wish.token)")
        }
    }

    mutating func withdraw() {
        guard !wishes.isEmpty else { return }
        let wish = random.pick(wishes)
        _ = api.send(.delete, "/v1/wishes/\(wish.id)?token=\(wish.token)")
    }

    /// The invariants, read back from the database, the writer and the public availability.
    mutating func check() throws {
        let (open, waiting, refused) = try api.database.reader.sync { connection in
            (try connection.openOffers(), try connection.wishes(status: .waiting), try connection.refusedTimes())
        }
        offered = max(offered, open.count)
        let waitingIDs = Set(waiting.map(\.id))
        #expect(Set(open.map(\.wish)).count == open.count, "\(label): a wish with two open offers")
        let writer = try #require(api.database.writers["klein"])
        let holds = writer.inspect { schedule, _ in schedule.holds }
        for offer in open {
            #expect(waitingIDs.contains(offer.wish), "\(label): an open offer of a wish that does not wait")
            let hold = holds[offer.hold]
            #expect(hold?.start == offer.start && hold?.end == offer.end, "\(label): offer \(offer.id) is not held")
            for other in open where other.id < offer.id {
                #expect(other.end <= offer.start || offer.end <= other.start, "\(label): two offers share a time")
            }
        }
        // The public sees none of the offered starts; every start it sees suits no waiting wish
        // without an offer (unless that wish let it go).
        let offeredWishes = Set(open.map(\.wish))
        for day in WishDeskPropertyTests.days {
            let answer = api.send(.get, "/v1/offices/klein/availability?service=pass&from=\(day)&to=\(day)")
            let slots = ((answer.json["days"] as? [[String: Any]])?.first?["slots"] as? [String]) ?? []
            let starts = slots.compactMap { RFC3339.parse($0)?.instant }
            for offer in open where starts.contains(offer.start) {
                Issue.record("\(label): the offered start \(offer.start) is publicly bookable")
            }
            for start in starts {
                let local = Fixtures.berlin.local(start)
                for wish in waiting where !offeredWishes.contains(wish.id) {
                    guard wish.suits(office: "klein", date: local.date, minute: local.secondOfDay / 60),
                        refused[wish.id]?.contains(OfferedTime(office: "klein", start: start)) != true
                    else { continue }
                    Issue.record("\(label): \(wish.id) waits while \(start), which suits it, is free")
                }
            }
        }
    }
}
