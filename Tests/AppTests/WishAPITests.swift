import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Wishes through the API on a small town whose Tuesday is quickly full (one counter open 08:00 to
/// 09:00, 15-minute appointments: three bookings fill it): leaving and confirming, the offer when
/// a time comes free, booking and declining it, running out, withdrawing, and the refusals.
@Suite struct WishAPITests {
    /// Klein: one office, one counter, Monday to Friday 08:00–09:00, "pass" takes 15 minutes.
    static let town: Municipality = {
        let office = Fixtures.office(
            "klein", hours: [Fixtures.rule(from: "08:00", to: "09:00")],
            counters: [Fixtures.counter("1", skills: ["pass"])],
            booking: BookingPolicy(
                window: BookingWindow(minNoticeDays: 0, maxAdvanceDays: 60), cancellationHoldBackMinutes: 30))
        return Municipality(
            name: "Klein", services: [Fixtures.service("pass")], groups: [], offices: [office],
            wishes: WishPolicy(offerMinutes: 120, maxUnansweredOffers: 2))
    }()

    static let tuesday = ["2026-12-08T08:00:00+01:00", "2026-12-08T08:20:00+01:00", "2026-12-08T08:40:00+01:00"]

    /// Books every Tuesday time, each for another citizen; returns the bookings' ids and tokens.
    static func fillTuesday(_ api: APIHarness) throws -> [(id: String, token: String)] {
        try tuesday.enumerated().map { index, start in
            let booked = api.book(start, office: "klein", services: ["pass"], email: "b\(index)@example.org")
            #expect(booked.status == 201, "\(booked.text)")
            return (try #require(booked.json["id"] as? String), try #require(booked.json["token"] as? String))
        }
    }

    /// Leaves a wish for Tuesday and returns its id and token.
    static func leave(
        _ api: APIHarness, email: String, headers: [(String, String)] = [], days: String = #"["tue"]"#
    ) throws -> (id: String, token: String) {
        let answer = api.send(
            .post, "/v1/wishes", headers: headers,
            json:
                #"{"services":["pass"],"offices":["klein"],"weekdays":\#(days),"earliest":"2026-12-08","latest":"2026-12-08","contact":{"name":"Wish \#(email)","email":"\#(email)"}}"#
        )
        #expect(answer.status == 201, "\(answer.text)")
        return (try #require(answer.json["id"] as? String), try #require(answer.json["token"] as? String))
    }

    static func confirm(_ api: APIHarness, _ wish: (id: String, token: String)) {
        let answer = api.send(.post, "/v1/wishes/\(wish.id)/confirm?token=\(wish.token)")
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["status"] as? String == "waiting")
    }

    static func wish(_ api: APIHarness, _ wish: (id: String, token: String)) -> [String: Any] {
        api.send(.get, "/v1/wishes/\(wish.id)", headers: [api.bearer(wish.token)]).json
    }

    static func messages(_ api: APIHarness, _ wish: String) throws -> [WishMessageKind] {
        try api.database.reader.sync { try $0.wishMessages(wish: WishID(wish)) }.map(\.message.kind)
    }

    @Test func aWishCountsOnceConfirmedAndGetsTheTimeSomeoneCancels() throws {
        let api = try APIHarness(town: Self.town)
        let booked = try Self.fillTuesday(api)
        let wish = try Self.leave(api, email: "anna@example.org")
        #expect(Self.wish(api, wish)["status"] as? String == "unconfirmed")
        #expect(try Self.messages(api, wish.id) == [.confirmationRequest])
        #expect(
            try api.database.reader.sync {
                try $0.scalar("SELECT count(*) FROM wish WHERE token_hash = ?", [Array(wish.token.utf8)], as: Int.self)
            } == 0, "only the token's hash is stored")
        Self.confirm(api, wish)
        #expect(Self.wish(api, wish)["ahead"] as? Int == 0)
        #expect(Self.wish(api, wish)["offer"] == nil, "nothing is free")

        // Someone cancels 08:20: the wish is offered it, and the public does not see it.
        let cancelled = api.send(.delete, "/v1/bookings/\(booked[1].id)", headers: [api.bearer(booked[1].token)])
        #expect(cancelled.status == 200)
        api.api.wishes.runNow()
        let offer = try #require(Self.wish(api, wish)["offer"] as? [String: Any])
        #expect(offer["start"] as? String == Self.tuesday[1])
        #expect(offer["expiresAt"] as? String == "2026-12-07T09:30:00+01:00", "held for two hours")
        #expect(try Self.messages(api, wish.id) == [.confirmationRequest, .offer])
        let online = api.send(.get, "/v1/offices/klein/availability?service=pass&from=2026-12-08&to=2026-12-08")
        #expect((online.json["days"] as? [Any])?.isEmpty == true, "an offered time is not publicly bookable")
        let hotline = api.book(
            Self.tuesday[1], office: "klein", services: ["pass"], email: "caller@example.org",
            headers: [api.bearer(try api.staffToken(.hotline))])
        #expect(hotline.problemKind == "slot-unavailable", "nor bookable by the hotline")

        // The citizen books it from the offer: the booking carries the wish's contact.
        let id = try #require(offer["id"] as? String)
        let made = api.send(.post, "/v1/offers/\(id)/book?token=\(wish.token)")
        #expect(made.status == 201, "\(made.text)")
        #expect(made.json["start"] as? String == Self.tuesday[1])
        let bookingID = try #require(made.json["id"] as? String)
        let stored = try #require(try api.database.reader.sync { try $0.booking(id: BookingID(bookingID)) })
        #expect(stored.booking.contact.email == "anna@example.org")
        #expect(Self.wish(api, wish)["status"] as? String == "booked")
        #expect(Self.wish(api, wish)["booking"] as? String == bookingID)
        #expect(api.send(.post, "/v1/offers/\(id)/book?token=\(wish.token)").problemKind == "offer-closed")
    }

    @Test func aDeclinedTimeGoesToTheNextWishAndNeverBack() throws {
        let api = try APIHarness(town: Self.town)
        let booked = try Self.fillTuesday(api)
        let first = try Self.leave(api, email: "first@example.org")
        let second = try Self.leave(api, email: "second@example.org")
        Self.confirm(api, first)
        api.clock.advance(minutes: 1)
        Self.confirm(api, second)
        #expect(Self.wish(api, second)["ahead"] as? Int == 1)

        _ = api.send(.delete, "/v1/bookings/\(booked[0].id)", headers: [api.bearer(booked[0].token)])
        api.api.wishes.runNow()
        let offered = try #require(Self.wish(api, first)["offer"] as? [String: Any], "the first to confirm")
        #expect(Self.wish(api, second)["offer"] == nil, "one wish at a time per time")
        let id = try #require(offered["id"] as? String)

        let declined = api.send(.post, "/v1/offers/\(id)/decline", headers: [api.bearer(first.token)])
        #expect(declined.status == 200)
        #expect(declined.json["status"] as? String == "declined")
        let passed = try #require(Self.wish(api, second)["offer"] as? [String: Any], "handed on at once")
        #expect(passed["start"] as? String == Self.tuesday[0])
        #expect(Self.wish(api, first)["status"] as? String == "waiting", "the first keeps waiting")
        #expect(Self.wish(api, first)["offer"] == nil, "and is not offered the time it declined")
        let online = api.send(.get, "/v1/offices/klein/availability?service=pass&from=2026-12-08&to=2026-12-08")
        #expect((online.json["days"] as? [Any])?.isEmpty == true)

        // The second lets it run out: back to nobody (the first declined it), so it is free.
        api.clock.advance(minutes: 121)
        api.api.wishes.runNow()
        #expect(Self.wish(api, second)["offer"] == nil)
        let offers = try api.database.reader.sync { try $0.offers(wish: WishID(second.id)) }
        #expect(offers.map(\.status) == [.expired])
        let free = api.send(.get, "/v1/offices/klein/availability?service=pass&from=2026-12-08&to=2026-12-08")
        #expect(((free.json["days"] as? [[String: Any]])?.first?["slots"] as? [String]) == [Self.tuesday[0]])
    }

    @Test func withdrawingPassesTheOfferOnAndErasesTheContact() throws {
        let api = try APIHarness(town: Self.town)
        let booked = try Self.fillTuesday(api)
        let first = try Self.leave(api, email: "first@example.org")
        let second = try Self.leave(api, email: "second@example.org")
        Self.confirm(api, first)
        api.clock.advance(minutes: 1)
        Self.confirm(api, second)
        _ = api.send(.delete, "/v1/bookings/\(booked[2].id)", headers: [api.bearer(booked[2].token)])
        api.api.wishes.runNow()
        #expect(Self.wish(api, first)["offer"] != nil)

        let withdrawn = api.send(.delete, "/v1/wishes/\(first.id)?token=\(first.token)")
        #expect(withdrawn.json["status"] as? String == "withdrawn")
        #expect((Self.wish(api, second)["offer"] as? [String: Any])?["start"] as? String == Self.tuesday[2])
        let stored = try #require(try api.database.reader.sync { try $0.wish(id: WishID(first.id)) })
        #expect(stored.wish.contact.email == nil && stored.wish.contact.name.isEmpty)
        #expect(api.send(.delete, "/v1/wishes/\(first.id)?token=\(first.token)").status == 200, "twice: no harm")
    }

    @Test func theHotlineLeavesAWishThatCountsAtOnceAndSeesTheCounts() throws {
        let api = try APIHarness(town: Self.town)
        let hotline = [api.bearer(try api.staffToken(.hotline))]
        let wish = try Self.leave(api, email: "caller@example.org", headers: hotline)
        #expect(Self.wish(api, wish)["status"] as? String == "waiting")
        #expect(Self.wish(api, wish)["channel"] as? String == "hotline")
        #expect(try Self.messages(api, wish.id).first == .registered)
        // Tuesday is free: the wish is offered a time at once.
        #expect(Self.wish(api, wish)["offer"] != nil)
        let summary = api.send(.get, "/v1/wishes/summary", headers: hotline)
        let counts = try #require((summary.json["services"] as? [[String: Any]])?.first)
        #expect(counts["waiting"] as? Int == 1)
        #expect(counts["offered"] as? Int == 1)
        #expect(api.send(.get, "/v1/wishes/summary").status == 401)
        let report = api.send(
            .get, "/staff/statistics/klein/report?from=2026-11-01&to=2026-11-30",
            headers: [api.bearer(try api.staffToken(.admin))])
        #expect(report.status == 200)
        #expect(report.text.contains("Terminwünsche aller Standorte"), "the office managers see the demand")
        #expect(report.text.contains("<th scope=\"row\">Service pass</th><td>1</td><td>1</td>"))
        #expect(
            api.send(.get, "/v1/wishes/summary", headers: [api.bearer(try api.staffToken(.kiosk))]).status == 403)
    }

    @Test func oneWaitingWishPerContactAndServiceAndAFewPerContact() throws {
        let api = try APIHarness(town: Self.town)
        let first = try Self.leave(api, email: "anna@example.org")
        let again = try Self.leave(api, email: "Anna@Example.org")
        Self.confirm(api, first)
        let refused = api.send(.post, "/v1/wishes/\(again.id)/confirm?token=\(again.token)")
        #expect(refused.problemKind == "already-wishing")
        _ = try Self.leave(api, email: "anna@example.org", days: #"["wed"]"#)
        let fourth = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["klein"],"latest":"2026-12-31","contact":{"name":"Anna","email":"anna@example.org"}}"#
        )
        #expect(fourth.problemKind == "too-many-wishes")
    }

    @Test func badWishesAreRefusedWithTheirFieldsAndChangeNothing() throws {
        let api = try APIHarness(town: Self.town)
        let answer = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["klein"],"weekdays":["tuesday"],"times":[{"from":"12:00","to":"08:00"}],"latest":"soon","contact":{"name":"A","phone":"0431 123456"},"colour":"red"}"#
        )
        #expect(answer.status == 400)
        let fields = Set(((answer.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
        #expect(fields.isSuperset(of: ["weekdays[0]", "times[0].to", "latest", "colour"]))
        let past = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["klein"],"earliest":"2026-12-01","latest":"2026-12-02","contact":{"name":"A","email":"a@example.org"}}"#
        )
        #expect(past.problemKind == "validation")
        let phoneOnly = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["klein"],"latest":"2026-12-20","contact":{"name":"A","phone":"0431 123456"}}"#
        )
        #expect(phoneOnly.problemKind == "validation", "offers go out by e-mail")
        let nowhere = api.send(
            .post, "/v1/wishes",
            json:
                #"{"services":["pass"],"offices":["gross"],"latest":"2026-12-20","contact":{"name":"A","email":"a@example.org"}}"#
        )
        #expect(nowhere.problemKind == "validation")
        #expect(try api.count("wish") == 0)
        #expect(api.send(.get, "/v1/wishes/x.y", headers: [api.bearer("nope")]).status == 404)
    }

    @Test func servicesOfADrawOrAWaitingRoomTakeNoWishes() throws {
        let api = try APIHarness()
        for service in ["impfaktion", "impfung"] {
            let answer = api.send(
                .post, "/v1/wishes",
                json:
                    #"{"services":["\#(service)"],"offices":["nord"],"latest":"2026-12-20","contact":{"name":"A","email":"a@example.org"}}"#
            )
            #expect(answer.problemKind == "no-wishes", "\(service)")
        }
    }

    @Test func aWrongTokenOpensNothing() throws {
        let api = try APIHarness(town: Self.town)
        let wish = try Self.leave(api, email: "anna@example.org")
        #expect(api.send(.get, "/v1/wishes/\(wish.id)", headers: [api.bearer("wrong")]).status == 403)
        #expect(api.send(.post, "/v1/wishes/\(wish.id)/confirm").status == 401)
        #expect(api.send(.delete, "/v1/wishes/\(wish.id)?token=wrong").status == 403)
        #expect(Self.wish(api, wish)["status"] as? String == "unconfirmed")
    }

    @Test func anUnconfirmedWishEndsAfterItsDeadline() throws {
        let api = try APIHarness(town: Self.town)
        let wish = try Self.leave(api, email: "anna@example.org")
        api.clock.advance(minutes: 24 * 60)
        api.api.wishes.runNow()
        #expect(Self.wish(api, wish)["status"] as? String == "ended")
        #expect(
            api.send(.post, "/v1/wishes/\(wish.id)/confirm?token=\(wish.token)").problemKind == "wish-closed")
    }
}

/// The server's own sender of the wishes' messages: it goes through the town's transport (here the
/// Maildir folder of a town without a relay) and is woken by every change the desk stores.
@Suite struct WishMailerWiringTests {
    @Test func aWishsRequestToConfirmGoesOutThroughTheTownsTransportOnceStored() throws {
        let api = try APIHarness(town: WishAPITests.town)
        let mailer = try #require(api.api.mail.wishMailer)
        let folder = try #require(api.api.mail.maildir)
        func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder + "/new")) ?? [] }
        _ = try WishAPITests.leave(api, email: "anna@example.org")
        #expect(mailer.deliverDue().sent == 1, "not started: nothing went out by itself")
        #expect(files().count == 1)

        mailer.start()
        _ = try WishAPITests.leave(api, email: "ben@example.org")
        // The wake of the stored change was queued before this round: it sent the message.
        #expect(mailer.deliverDue().sent == 0)
        #expect(files().count == 2)
        let newest = try #require(files().sorted().last)
        let text = try String(contentsOfFile: folder + "/new/" + newest, encoding: .utf8)
        #expect(text.contains("<ben@example.org>"), "\(text.prefix(400))")
    }
}
