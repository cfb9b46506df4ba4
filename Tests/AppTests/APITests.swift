import Dispatch
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization
import Testing

@testable import App

@Suite struct OfficeRouteTests {
    @Test func officesAndServicesAreListedWithETags() throws {
        let api = try APIHarness()
        let offices = api.send(.get, "/v1/offices")
        #expect(offices.status == 200)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(offices.body)) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["rathaus", "nord"])
        #expect(list.first?["timeZone"] as? String == "Europe/Berlin")
        let tag = try #require(offices.header("ETag"))
        #expect(api.send(.get, "/v1/offices", headers: [("If-None-Match", tag)]).status == 304)
        #expect(api.send(.get, "/v1/offices/nord").json["name"] as? String == "Stadtteilbüro Nord")
        #expect(api.send(.get, "/v1/offices/atlantis").problemKind == "not-found")
        let services = try #require(
            try JSONSerialization.jsonObject(with: Data(api.send(.get, "/v1/services").body)) as? [[String: Any]])
        let passport = try #require(services.first { $0["id"] as? String == "personalausweis" })
        #expect((passport["documents"] as? [Any])?.isEmpty == false)
        #expect((passport["fee"] as? [String: Any])?["text"] as? String == "22,80 € bis 37,00 €")
        #expect((passport["fee"] as? [String: Any])?["cents"] as? Int == 3700)
    }

    @Test func availabilityAnswersFromTheOfficeWithAnETag() throws {
        let api = try APIHarness()
        let answer = api.send(
            .get,
            "/v1/offices/rathaus/availability?service=personalausweis&service=anmeldung&persons=2&from=2026-12-08&to=2026-12-10"
        )
        #expect(answer.status == 200)
        #expect(answer.json["durationMinutes"] as? Int == 60)
        let days = try #require(answer.json["days"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2026-12-08", "2026-12-09", "2026-12-10"])
        #expect((days[0]["slots"] as? [String])?.first == "2026-12-08T08:00:00+01:00")
        let tag = try #require(answer.header("ETag"))
        #expect(
            api.send(
                .get,
                "/v1/offices/rathaus/availability?service=personalausweis&service=anmeldung&persons=2&from=2026-12-08&to=2026-12-10",
                headers: [("If-None-Match", tag)]
            ).status == 304)
    }

    @Test func aHotlineTokenSeesHotlineTime() throws {
        let api = try APIHarness()
        let query = "/v1/offices/rathaus/availability?service=hundesteuer&from=2026-12-08&to=2026-12-08"
        let online = api.send(.get, query)
        let hotline = api.send(.get, query, headers: [api.bearer(try api.staffToken(.hotline))])
        #expect(online.json["channel"] as? String == "online")
        #expect(hotline.json["channel"] as? String == "hotline")
        #expect((online.json["days"] as? [Any])?.isEmpty == true, "dog tax at the Rathaus is hotline and walk-in only")
        #expect((hotline.json["days"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: [
        ("", "service"), ("?service=personalausweis&persons=zwei", "persons"),
        ("?service=personalausweis&from=7.12.2026", "from"),
        ("?service=personalausweis&from=2026-12-10&to=2026-12-01", "to"),
        ("?service=personalausweis&from=2026-12-01&to=2027-06-01", "to"),
        ("?service=personalausweis&colour=red", "colour"),
    ])
    func badAvailabilityQueriesNameTheParameter(query: String, field: String) throws {
        let api = try APIHarness()
        let answer = api.send(.get, "/v1/offices/rathaus/availability" + query)
        #expect(answer.status == 400)
        #expect(answer.header("Content-Type") == "application/problem+json")
        let errors = try #require(answer.json["errors"] as? [[String: String]])
        #expect(errors.contains { $0["field"] == field })
    }

    @Test func unknownAndUnbookableServicesAreProblems() throws {
        let api = try APIHarness()
        #expect(api.send(.get, "/v1/offices/rathaus/availability?service=pass").problemKind == "unknown-service")
        #expect(api.send(.get, "/v1/offices/rathaus/availability?service=impfung").problemKind == "service-not-offered")
        #expect(
            api.send(.get, "/v1/offices/rathaus/availability?service=fundsachen").problemKind
                == "service-not-bookable-online")
        #expect(api.send(.get, "/v1/offices/rathaus/availability?service=personalausweis&persons=5").status == 400)
    }

    @Test func theEarliestSearchListsOfficesSoonestFirst() throws {
        let api = try APIHarness()
        let answer = api.send(.get, "/v1/availability/earliest?service=anmeldung")
        let offices = try #require(answer.json["offices"] as? [[String: String]])
        #expect(Set(offices.compactMap { $0["office"] }) == ["rathaus", "nord"])
        #expect(offices.map { $0["start"] ?? "" } == offices.map { $0["start"] ?? "" }.sorted())
        let vaccination = try #require(
            api.send(.get, "/v1/availability/earliest?service=impfung").json["offices"] as? [[String: String]])
        #expect(vaccination.map { $0["office"] } == ["nord"])
        #expect(vaccination.first?["start"]?.hasPrefix("2026-12-14T08:30") == true, "Monday's release of the next week")
        #expect(api.send(.get, "/v1/availability/earliest?service=nope").problemKind == "unknown-service")
    }

    @Test func closuresAreACalendarToSubscribeTo() throws {
        let api = try APIHarness()
        let answer = api.send(.get, "/v1/offices/rathaus/closures.ics")
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(answer.text.contains("SUMMARY:1. Weihnachtsfeiertag"))
        #expect(answer.text.contains("SUMMARY:Betriebsausflug"))
        #expect(answer.text.contains("X-WR-CALNAME:Schließtage Bürgerbüro im Rathaus"))
    }
}

@Suite struct BookingRouteTests {
    @Test func holdBookReadMoveAndCancelWithTheToken() throws {
        let api = try APIHarness()
        let start = try #require(api.freeStart())
        let hold = api.send(
            .post, "/v1/holds", json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(start)"}"#)
        #expect(hold.status == 201)
        let holdID = try #require(hold.json["id"] as? String)
        #expect(hold.header("Location") == "/v1/holds/\(holdID)")
        #expect(api.send(.post, "/v1/holds/\(holdID)/extend").json["extensions"] as? Int == 1)
        let booked = api.send(
            .post, "/v1/bookings",
            json: #"{"hold":"\#(holdID)","contact":{"name":"Erika","email":"erika@example.org"}}"#)
        #expect(booked.status == 201)
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        #expect((booked.json["reference"] as? String)?.count == 7)
        #expect(booked.header("Location") == "/v1/bookings/\(id)")
        #expect((booked.json["documents"] as? [Any])?.isEmpty == false)

        #expect(api.send(.get, "/v1/bookings/\(id)").status == 401)
        #expect(api.send(.get, "/v1/bookings/\(id)", headers: [api.bearer("wrong")]).status == 403)
        let read = api.send(.get, "/v1/bookings/\(id)?token=\(token)")
        #expect(read.status == 200)
        #expect((read.json["contact"] as? [String: String])?["email"] == "erika@example.org")
        #expect(read.json["token"] == nil, "the token is shown only once")

        let later = try #require(api.freeStart(service: "personalausweis").map { _ in "2026-12-09T10:00:00+01:00" })
        let moved = api.send(
            .post, "/v1/bookings/\(id)/reschedule", headers: [api.bearer(token)], json: #"{"start":"\#(later)"}"#)
        #expect(moved.status == 200)
        #expect(moved.json["start"] as? String == later)
        #expect(moved.header("ETag") == "\"1\"")
        let calendar = api.send(.get, "/v1/bookings/\(id)/calendar.ics?token=\(token)")
        #expect(calendar.text.contains("METHOD:PUBLISH"))
        #expect(calendar.text.contains("SEQUENCE:1"))
        #expect(calendar.text.contains("DTSTART;TZID=Europe/Berlin:20261209T100000"))
        #expect(!calendar.text.contains(token))

        let cancelled = api.send(.delete, "/v1/bookings/\(id)", headers: [api.bearer(token)])
        #expect(cancelled.json["status"] as? String == "cancelled")
        #expect(
            api.send(.delete, "/v1/bookings/\(id)", headers: [api.bearer(token)]).problemKind == "booking-cancelled")
        let cancelledCalendar = api.send(.get, "/v1/bookings/\(id)/calendar.ics", headers: [api.bearer(token)])
        #expect(cancelledCalendar.text.contains("METHOD:CANCEL"))
        #expect(cancelledCalendar.text.contains("SEQUENCE:2"))
        #expect(cancelledCalendar.text.contains("STATUS:CANCELLED"))
    }

    @Test func aMoveToATakenTimeKeepsTheOldTime() throws {
        let api = try APIHarness(town: Self.oneCounter)
        let first = api.book("2026-12-08T09:00:00+01:00", office: "klein", services: ["pass"], email: "a@x.de")
        _ = api.book("2026-12-08T10:00:00+01:00", office: "klein", services: ["pass"], email: "b@x.de")
        let id = try #require(first.json["id"] as? String)
        let token = try #require(first.json["token"] as? String)
        let moved = api.send(
            .post, "/v1/bookings/\(id)/reschedule", headers: [api.bearer(token)],
            json: #"{"start":"2026-12-08T10:00:00+01:00"}"#)
        #expect(moved.status == 409)
        #expect(moved.problemKind == "slot-unavailable")
        #expect(
            api.send(.get, "/v1/bookings/\(id)", headers: [api.bearer(token)]).json["start"] as? String
                == "2026-12-08T09:00:00+01:00")
    }

    @Test func staffChangesWithAStaleETagAreRefused() throws {
        let api = try APIHarness()
        let staff = [api.bearer(try api.staffToken(.hotline))]
        let booked = api.book(try #require(api.freeStart()))
        let id = try #require(booked.json["id"] as? String)
        let moved = api.send(
            .post, "/v1/bookings/\(id)/reschedule", headers: staff + [("If-Match", "\"0\"")],
            json: #"{"start":"2026-12-10T11:00:00+01:00"}"#)
        #expect(moved.status == 200)
        let stale = api.send(.delete, "/v1/bookings/\(id)", headers: staff + [("If-Match", "\"0\"")])
        #expect(stale.status == 412)
        #expect(stale.problemKind == "precondition-failed")
        #expect(api.send(.delete, "/v1/bookings/\(id)", headers: staff + [("If-Match", "\"1\"")]).status == 200)
    }

    @Test func bookingRequestsAreValidatedFieldByField() throws {
        let api = try APIHarness()
        let before = try api.count("booking")
        let bad = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":"personalausweis","persons":0,"start":"morgen","contact":{"name":"X"},"extra":1}"#
        )
        #expect(bad.status == 400)
        let fields = Set((bad.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] })
        #expect(fields == ["services", "persons", "start", "contact", "extra"])
        #expect(api.send(.post, "/v1/bookings", json: "{not json").status == 400)
        #expect(api.send(.post, "/v1/bookings", headers: [("Content-Type", "text/plain")], json: "{}").status == 400)
        let both = api.send(
            .post, "/v1/bookings",
            json: #"{"hold":"rathaus.x","office":"rathaus","contact":{"name":"X","phone":"0431 12345"}}"#)
        #expect(both.status == 400)
        #expect(api.book("2026-12-08T09:05:00+01:00").problemKind == "start-not-offered")
        #expect(api.book("2027-06-01T09:00:00+02:00").problemKind == "outside-booking-window")
        #expect(
            api.book("2026-12-07T09:00:00+01:00").problemKind == "outside-booking-window", "minimum notice of one day")
        #expect(try api.count("booking") == before, "no bad request changed anything")
        #expect(try api.count("hold") == 0)
    }

    @Test(arguments: [
        (#""name":"Nul\u0000Name","email":"nul@example.org""#, "contact.name"),
        (#""name":"Ctl\u0007Name\u001b[31m","email":"ctl@example.org""#, "contact.name"),
        (#""name":"Line\nBreak","email":"line@example.org""#, "contact.name"),
        (#""name":"\u200b","email":"zero@example.org""#, "contact.name"),
        (#""name":"Erika\u200eMustermann","email":"mark@example.org""#, "contact.name"),
        (#""name":"1234 !?","email":"digits@example.org""#, "contact.name"),
        (#""name":"Erika","email":"nul4@example.org\u0000\u0000garbage""#, "contact.email"),
        (#""name":"Erika","email":"x6@-example.org""#, "contact.email"),
        (#""name":"Erika","email":"mailto:grenz.test@example.org""#, "contact.email"),
        (#""name":"Erika","email":"grenz.test\u200b@example.org""#, "contact.email"),
        (#""name":"Erika","email":"\ufeffgrenz.test@example.org""#, "contact.email"),
        (#""name":"Erika","email":".erika@example.org""#, "contact.email"),
        (#""name":"Erika","email":"eri..ka@example.org""#, "contact.email"),
        (#""name":"Erika","email":"erika@example..org""#, "contact.email"),
        (#""name":"Erika","email":"erika@localhost""#, "contact.email"),
        (#""name":"Erika","email":"erika@example-.org""#, "contact.email"),
        (#""name":"Erika","email":"\"erika\"@example.org""#, "contact.email"),
        (#""name":"Erika","email":"erika@[127.0.0.1]""#, "contact.email"),
        (#""name":"Erika","email":"erika@exam_ple.org""#, "contact.email"),
        (#""name":"Erika","phone":"0431\u200b123456""#, "contact.phone"),
    ])
    func invalidContactsAreRefusedNamingTheFieldAndChangeNothing(contact: String, field: String) throws {
        let api = try APIHarness()
        let answer = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"2026-12-08T08:00:00+01:00","contact":{\#(contact)}}"#
        )
        #expect(answer.status == 400)
        #expect(answer.header("Content-Type") == "application/problem+json")
        let errors = try #require(answer.json["errors"] as? [[String: String]])
        #expect(errors.map { $0["field"] } == [field])
        #expect(try api.count("booking") == 0)
    }

    @Test func internationalNamesAndAddressesAreKeptAndCountAsOneContact() throws {
        let api = try APIHarness()
        let composed = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["anmeldung"],"start":"2026-12-08T08:00:00+01:00","contact":{"name":"Jürgen Müller-Lüdenscheidt","email":"jürgen@müller.de"}}"#
        )
        #expect(composed.status == 201)
        let decomposed = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["anmeldung"],"start":"2026-12-09T08:00:00+01:00","contact":{"name":"Ju\u0308rgen","email":"JU\u0308RGEN@mu\u0308ller.de"}}"#
        )
        #expect(decomposed.problemKind == "limit-reached", "the same address, its umlauts written as two characters")
        let plain = api.send(
            .post, "/v1/bookings",
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"2026-12-08T08:00:00+01:00","contact":{"name":"O'Brien","email":"o'brien+rathaus@mail.example.co.uk"}}"#
        )
        #expect(plain.status == 201)
    }

    @Test func invisibleCharactersAndMailtoCannotGetAroundTheContactLimit() throws {
        let api = try APIHarness()
        #expect(
            api.book("2026-12-08T08:00:00+01:00", services: ["anmeldung"], email: "grenz.test@example.org").status
                == 201)
        for disguised in [#"grenz.test\u200b@example.org"#, "mailto:grenz.test@example.org", "Grenz.Test@Example.org"] {
            let again = api.book("2026-12-09T08:00:00+01:00", services: ["anmeldung"], email: disguised)
            #expect(again.status == 400 || again.problemKind == "limit-reached", "\(disguised)")
            #expect(again.status != 201)
        }
        #expect(try api.count("booking") == 1)
    }

    @Test func theContactLimitAndAnExpiredHoldAreProblems() throws {
        let api = try APIHarness()
        #expect(api.book("2026-12-08T08:00:00+01:00", services: ["anmeldung"]).status == 201)
        let second = api.book("2026-12-09T08:00:00+01:00", services: ["anmeldung"], email: "ERIKA@example.org")
        #expect(second.problemKind == "limit-reached")
        let hold = api.send(
            .post, "/v1/holds",
            json: #"{"office":"rathaus","services":["personalausweis"],"start":"2026-12-08T11:00:00+01:00"}"#)
        let holdID = try #require(hold.json["id"] as? String)
        api.clock.advance(minutes: 11)
        let late = api.send(
            .post, "/v1/bookings", json: #"{"hold":"\#(holdID)","contact":{"name":"E","email":"late@example.org"}}"#)
        #expect(late.status == 410)
        #expect(late.problemKind == "hold-expired")
        #expect(api.send(.delete, "/v1/holds/rathaus.nope").status == 404)
    }

    @Test func idempotencyKeysReplayRefuseOtherBodiesAndKeepTokensUnreadable() throws {
        let api = try APIHarness()
        let key = [("Idempotency-Key", "3f2a-77")]
        let first = api.book("2026-12-08T08:00:00+01:00", headers: key)
        #expect(first.status == 201)
        let again = api.book("2026-12-08T08:00:00+01:00", headers: key)
        #expect(again.status == 201)
        #expect(again.header("Idempotency-Replayed") == "true")
        #expect(again.json["token"] as? String == first.json["token"] as? String)
        #expect(try api.count("booking") == 1)
        let other = api.book("2026-12-08T09:00:00+01:00", headers: key)
        #expect(other.problemKind == "idempotency-key-reused")
        let token = try #require(first.json["token"] as? String)
        let stored = try api.database.reader.sync { try $0.query("SELECT key, body FROM idempotency_key") }
        #expect(stored.count == 1)
        let body = try stored[0].value(at: 1, as: [UInt8].self)
        #expect(!String(decoding: body, as: UTF8.self).contains(token), "the stored answer is not readable")
        #expect(try stored[0].value(at: 0, as: String.self) != "3f2a-77")
    }

    @Test func twoClientsRacingForOneSlotGetOne201AndOne409() throws {
        for round in 0..<10 {
            let api = try APIHarness(town: Self.oneCounter)
            let answers = Mutex<[APIHarness.Answer]>([])
            let group = DispatchGroup()
            for client in 0..<2 {
                group.enter()
                DispatchQueue.global().async {
                    let answer = api.book(
                        "2026-12-08T09:00:00+01:00", office: "klein", services: ["pass"], email: "c\(client)@x.de")
                    answers.withLock { $0.append(answer) }
                    group.leave()
                }
            }
            group.wait()
            let statuses = answers.withLock { $0.map(\.status) }.sorted()
            #expect(statuses == [201, 409], "round \(round)")
            #expect(answers.withLock { $0.first { $0.status == 409 }?.problemKind } == "slot-unavailable")
        }
    }

    static let oneCounter: Municipality = {
        let office = Fixtures.office("klein", counters: [Fixtures.counter("1", skills: ["pass"])])
        return Municipality(name: "Klein", services: [Fixtures.service("pass")], groups: [], offices: [office])
    }()
}

@Suite struct StaffRouteTests {
    @Test func staffListTheDayAndFindByReference() throws {
        let api = try APIHarness()
        let booked = api.book("2026-12-08T08:00:00+01:00")
        let reference = try #require(booked.json["reference"] as? String)
        let counter = [api.bearer(try api.staffToken(.counter, office: "rathaus"))]
        let list = api.send(.get, "/v1/offices/rathaus/bookings?date=2026-12-08", headers: counter)
        #expect((list.json["bookings"] as? [[String: Any]])?.first?["reference"] as? String == reference)
        #expect(api.send(.get, "/v1/offices/rathaus/bookings?date=2026-12-08").status == 401)
        #expect(
            api.send(.get, "/v1/offices/nord/bookings?date=2026-12-08", headers: counter).status == 403,
            "token for another office")
        let kiosk = [api.bearer(try api.staffToken(.kiosk))]
        #expect(api.send(.get, "/v1/offices/rathaus/bookings", headers: kiosk).status == 403)
        let spoken = reference.lowercased().replacingOccurrences(of: "-", with: "")
        let found = api.send(.get, "/v1/bookings?reference=\(spoken)", headers: counter)
        #expect(found.json["reference"] as? String == reference, "read on the phone: any case, no dash")
        #expect(api.send(.get, "/v1/bookings?reference=AAA-AAA", headers: counter).status == 404)
    }

    @Test func aStaffTokenInTheQueryIsRefusedAndChangesNothing() throws {
        let api = try APIHarness()
        let booked = api.book("2026-12-08T08:00:00+01:00")
        let id = try #require(booked.json["id"] as? String)
        let hotline = try api.staffToken(.hotline)
        let admin = try api.staffToken(.admin)
        let cancel = api.send(.delete, "/v1/bookings/\(id)?token=\(hotline)")
        #expect(cancel.status == 401)
        #expect(cancel.header("Content-Type") == "application/problem+json")
        #expect((cancel.json["detail"] as? String)?.contains("Authorization header") == true)
        let list = api.send(.get, "/v1/offices/rathaus/bookings?date=2026-12-08&token=\(admin)")
        #expect(list.status == 401)
        #expect(!list.text.contains("erika@example.org"))
        #expect(
            api.send(.get, "/v1/offices/rathaus/bookings?token=\(admin)", headers: [api.bearer(admin)]).status == 401,
            "not even beside the header")
        #expect(api.send(.get, "/v1/offices/rathaus/queue?token=\(admin)").status == 401)
        let read = api.send(.get, "/v1/bookings/\(id)", headers: [api.bearer(hotline)])
        #expect(read.json["status"] as? String == "booked", "the booking is untouched")
        #expect(api.send(.get, "/v1/offices/rathaus/queue/events").status == 200, "the event stream needs no token")
    }

    @Test func aRevokedStaffTokenStopsWorking() throws {
        let api = try APIHarness()
        let (token, record) = try api.database.committer.withConnection { connection in
            try connection.createStaffToken(role: .hotline, office: nil, name: "x", now: api.clock.now)
        }
        #expect(api.send(.get, "/v1/offices/rathaus/bookings", headers: [api.bearer(token)]).status == 200)
        _ = try api.database.committer.withConnection { try $0.revokeStaffToken(id: record.id, now: api.clock.now) }
        let answer = api.send(.get, "/v1/offices/rathaus/bookings", headers: [api.bearer(token)])
        #expect(answer.status == 401)
        #expect(answer.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(
            api.send(
                .get, "/v1/offices/rathaus/availability?service=anmeldung", headers: [("Authorization", "Basic abc")]
            ).status == 401)
    }
}

@Suite struct OperationRouteTests {
    @Test func healthMetricsProblemsAndUnknownPaths() throws {
        let api = try APIHarness()
        #expect(api.send(.get, "/healthz").json["status"] as? String == "ok")
        _ = api.book("2026-12-08T08:00:00+01:00", services: ["anmeldung"])
        _ = api.book("2026-12-09T08:00:00+01:00", services: ["anmeldung"])
        let metrics = api.send(.get, "/metrics").text
        #expect(metrics.contains(#"rathaus_bookings_total{office="rathaus",channel="online"} 1"#))
        #expect(metrics.contains(#"rathaus_rejections_total{command="book",kind="limit-reached"} 1"#))
        #expect(api.send(.get, "/problems/slot-unavailable").text.contains("This time is no longer free"))
        #expect(api.send(.get, "/nowhere").status == 404)
        let wrongMethod = api.send(.put, "/v1/offices")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow")?.contains("GET") == true)
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRoutes() throws {
        let api = try APIHarness()
        let answer = api.send(.get, "/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let routed = Set(api.api.endpoints.filter(\.isDocumented).map { "\($0.method.rawValue) \($0.path)" })
        #expect(
            routed.subtracting(documented).isEmpty, "routes missing in the document: \(routed.subtracting(documented))")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
    }

    @Test func everyProblemKindTheAPIUsesIsExplained() {
        let errors: [SchedulingError] = [
            .noServices, .unknownService("x"), .serviceNotOffered("x", office: "o"),
            .servicesNotCombinable(office: "o"),
            .serviceNotBookable("x", channel: .online), .invalidPersons(9, max: 1),
            .startNotOffered(Instant(secondsSinceEpoch: 0)),
            .outsideBookingWindow(
                start: Instant(secondsSinceEpoch: 0), earliest: Instant(secondsSinceEpoch: 0),
                latest: LocalDate(dayNumber: 0)),
            .slotUnavailable(office: "o", start: Instant(secondsSinceEpoch: 0)), .holdNotFound("h"), .holdExpired("h"),
            .holdExtensionLimitReached("h", max: 2), .bookingNotFound("b"), .bookingCancelled("b"),
            .bookingAlreadyStarted("b"),
            .limitReached("x", limit: 1),
        ]
        for error in errors {
            let kind = APIProblem(error, office: nil).kind.name
            #expect(ProblemKind.named(kind) != nil, "\(kind) is not in the catalog")
        }
        let queueErrors: [QueueError] = [
            .counterBusy("1", ticket: "t"), .invalidTransition("t", state: .done, action: .recall),
            .recallLimitReached("t", max: 2),
            .dailyCapReached(group: "A", cap: 1), .bookingAtOtherOffice("b"),
            .bookingNotToday("b", date: LocalDate(dayNumber: 0)),
            .checkInTooEarly("b", opensAt: Instant(secondsSinceEpoch: 0)),
            .checkInTooLate("b", closedAt: Instant(secondsSinceEpoch: 0)),
            .alreadyCheckedIn("b", ticket: "t"), .ticketNotFound("t"), .unknownCounter("c"),
        ]
        for error in queueErrors {
            let kind = APIProblem(error, office: nil).kind.name
            #expect(ProblemKind.named(kind) != nil, "\(kind) is not in the catalog")
        }
    }
}
