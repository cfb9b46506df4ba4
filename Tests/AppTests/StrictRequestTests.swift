import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Bad input of any kind is a problem and changes nothing: query parameters a route does not
/// read, parameters given twice, bodies where a route takes none, a content type that is not
/// JSON in UTF-8, and weak ETags in `If-Match`.
@Suite struct StrictRequestTests {
    /// A target for `pattern` with its `{name}` parameters filled with ids of the demo town.
    static func target(_ pattern: String) -> String {
        let values = [
            "{office}": "rathaus", "{counter}": "1", "{service}": "impfung", "{hold}": "rathaus.h1",
            "{booking}": "rathaus.b1", "{ticket}": "rathaus-2026-12-07-A001", "{action}": "recall", "{entry}": "e1",
        ]
        return values.reduce(pattern) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    static func fields(_ answer: APIHarness.Answer) -> [String] {
        (answer.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] }
    }

    @Test func everyRouteOfV1RefusesAnUnknownQueryParameterByName() throws {
        let api = try APIHarness()
        let strict = api.api.endpoints.filter(\.isStrict)
        #expect(strict.count > 30)
        for route in strict {
            let answer = api.send(route.method, Self.target(route.path) + "?zzz=1")
            #expect(answer.status == 400, "\(route.method) \(route.path)")
            #expect(answer.header("Content-Type") == "application/problem+json", "\(route.path)")
            #expect(answer.problemKind == "validation", "\(route.path)")
            #expect(Self.fields(answer) == ["zzz"], "\(route.method) \(route.path)")
        }
        #expect(try api.count("waiting_room_entry") == 0)
    }

    @Test func anUnknownParameterChangesNothing() throws {
        let api = try APIHarness()
        let start = try #require(api.freeStart())
        let hold = api.send(
            .post, "/v1/holds?zzz=1", json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(start)"}"#)
        #expect(hold.status == 400)
        #expect(Self.fields(hold) == ["zzz"])
        #expect(try api.count("hold") == 0)
        let booked = api.book(start)
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        let cancel = api.send(.delete, "/v1/bookings/\(id)?token=\(token)&reason=x")
        #expect(Self.fields(cancel) == ["reason"])
        #expect(api.send(.get, "/v1/bookings/\(id)?token=\(token)").json["status"] as? String == "booked")
        let offices = api.send(.get, "/v1/offices?zzz=1&yyy")
        #expect(Self.fields(offices) == ["zzz", "yyy"], "every unknown parameter is named")
    }

    @Test func aTokenInTheQueryIsKnownOnlyOnTheBookingsOwnRoutes() throws {
        let api = try APIHarness()
        let booked = api.book(try #require(api.freeStart()))
        let id = try #require(booked.json["id"] as? String)
        let token = try #require(booked.json["token"] as? String)
        #expect(api.send(.get, "/v1/bookings/\(id)?token=\(token)").status == 200)
        #expect(api.send(.get, "/v1/bookings/\(id)/calendar.ics?token=\(token)").status == 200)
        let availability = api.send(.get, "/v1/offices/rathaus/availability?service=personalausweis&token=\(token)")
        #expect(Self.fields(availability) == ["token"])
        #expect(Self.fields(api.send(.get, "/v1/offices/rathaus/queue?token=\(token)")) == ["token"])
    }

    @Test(arguments: [
        ("/v1/offices/rathaus/availability?service=personalausweis&persons=1&persons=3", "persons"),
        ("/v1/offices/rathaus/availability?service=personalausweis&from=2026-12-08&from=2026-12-09", "from"),
        ("/v1/offices/rathaus/availability?service=personalausweis&to=2026-12-08&to=2026-12-09", "to"),
        ("/v1/availability/earliest?service=personalausweis&persons=1&persons=2", "persons"),
        ("/v1/offices/rathaus/bookings?date=2026-12-08&date=2026-12-09", "date"),
        ("/v1/bookings?reference=AAA-AAA&reference=BBB-BBB", "reference"),
        ("/v1/bookings/rathaus.b1?token=a&token=b", "token"),
    ])
    func aParameterGivenTwiceIsAProblem(target: String, field: String) throws {
        let api = try APIHarness()
        let answer = api.send(.get, target)
        #expect(answer.status == 400)
        #expect(answer.problemKind == "validation")
        #expect(Self.fields(answer) == [field])
    }

    @Test func severalServicesAreGivenByRepeatingService() throws {
        let api = try APIHarness()
        let answer = api.send(
            .get, "/v1/offices/rathaus/availability?service=personalausweis&service=anmeldung&from=2026-12-08")
        #expect(answer.status == 200)
        #expect(answer.json["services"] as? [String] == ["personalausweis", "anmeldung"])
        #expect(api.send(.get, "/v1/availability/earliest?service=personalausweis&service=anmeldung").status == 200)
    }

    @Test func everyRouteOfV1ThatTakesNoBodyRefusesOne() throws {
        let api = try APIHarness()
        let bodiless = api.api.endpoints.filter { $0.isStrict && !$0.contract.readsJSONBody }
        #expect(bodiless.count > 20)
        for route in bodiless {
            for body in ["{garbage", #"{"a":1}"#, "[]", "null"] {
                let answer = api.send(route.method, Self.target(route.path), json: body)
                #expect(answer.status == 400, "\(route.method) \(route.path) \(body)")
                #expect(answer.problemKind == "validation", "\(route.method) \(route.path) \(body)")
            }
            let plain = api.send(
                route.method, Self.target(route.path), headers: [("Content-Type", "text/plain")], json: "{}")
            #expect(plain.status == 400, "\(route.method) \(route.path): {} as text/plain")
        }
    }

    @Test func aBodyWhereNoneIsTakenChangesNothing() throws {
        let api = try APIHarness()
        let hold = api.send(
            .post, "/v1/holds",
            json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(try #require(api.freeStart()))"}"#)
        let id = try #require(hold.json["id"] as? String)
        let extend = api.send(.post, "/v1/holds/\(id)/extend", json: "{garbage")
        #expect(extend.status == 400)
        #expect(extend.problemKind == "validation")
        #expect(api.send(.delete, "/v1/holds/\(id)", json: "{garbage").status == 400)
        #expect(try api.count("hold") == 1, "the hold is still there")
        let extended = api.send(.post, "/v1/holds/\(id)/extend", json: " {  } ")
        #expect(extended.status == 200, "an empty object is no body")
        #expect(extended.json["extensions"] as? Int == 1, "and the refused extension did not count")
        #expect(
            api.send(.post, "/v1/holds/\(id)/extend", headers: [("Content-Type", "text/plain")], json: " \r\n").status
                == 200)

        api.clock.set(Fixtures.instant("2026-12-07T06:40"))
        let joined = api.send(.post, "/v1/waiting-rooms/impfung", json: "{garbage")
        #expect(joined.status == 400)
        #expect(try api.count("waiting_room_entry") == 0)
        #expect(api.send(.post, "/v1/waiting-rooms/impfung").status == 201)
    }

    @Test(arguments: [
        "application/jsonx", "application/json; charset=latin1", "application/json; charset=utf-16",
        "application/json, text/plain", "application/json; charset=utf-8; charset=utf-8", "application/json; v=1",
        "text/json", "application/+json", "text/plain", "application/x-www-form-urlencoded",
    ])
    func aBodyThatIsNotJSONInUTF8IsRefused(contentType: String) throws {
        let api = try APIHarness()
        let start = try #require(api.freeStart())
        let answer = api.send(
            .post, "/v1/holds", headers: [("Content-Type", contentType)],
            json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(start)"}"#)
        #expect(answer.status == 400)
        #expect(answer.problemKind == "validation")
        #expect(try api.count("hold") == 0)
    }

    @Test(arguments: [
        "application/json", "Application/JSON", "application/json;charset=utf-8",
        #"application/json ; Charset="UTF-8""#,
        "application/vnd.rathaus+json", "application/json;",
    ])
    func jsonInUTF8IsTaken(contentType: String) throws {
        let api = try APIHarness()
        let start = try #require(api.freeStart())
        let answer = api.send(
            .post, "/v1/holds", headers: [("Content-Type", contentType)],
            json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(start)"}"#)
        #expect(answer.status == 201)
    }

    @Test func twoContentTypesAreRefused() throws {
        let api = try APIHarness()
        let answer = api.send(
            .post, "/v1/holds", headers: [("Content-Type", "application/json"), ("Content-Type", "text/plain")],
            json: #"{"office":"rathaus","services":["personalausweis"],"start":"\#(try #require(api.freeStart()))"}"#)
        #expect(answer.status == 400)
        #expect(try api.count("hold") == 0)
    }

    @Test func aWeakETagInIfMatchNeverMatches() throws {
        let api = try APIHarness()
        let staff = [api.bearer(try api.staffToken(.hotline))]
        let booked = api.book(try #require(api.freeStart()))
        let id = try #require(booked.json["id"] as? String)
        let moved = api.send(
            .post, "/v1/bookings/\(id)/reschedule", headers: staff + [("If-Match", #"W/"0""#)],
            json: #"{"start":"2026-12-10T11:00:00+01:00"}"#)
        #expect(moved.status == 412)
        #expect(moved.problemKind == "precondition-failed")
        let cancelled = api.send(.delete, "/v1/bookings/\(id)", headers: staff + [("If-Match", #"W/"0""#)])
        #expect(cancelled.status == 412)
        let booking = api.send(.get, "/v1/bookings/\(id)", headers: staff)
        #expect(booking.json["status"] as? String == "booked")
        #expect(booking.json["sequence"] as? Int == 0, "neither change was made")
        #expect(api.send(.delete, "/v1/bookings/\(id)", headers: staff + [("If-Match", "*")]).status == 200)
    }

    @Test func theOpenAPIDocumentListsWhatEachRouteOfV1Reads() throws {
        let api = try APIHarness()
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(api.send(.get, "/openapi.json").body)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for route in api.api.endpoints where route.isStrict {
            let operation = try #require(paths[route.path]?[route.method.rawValue.lowercased()])
            let parameters = operation["parameters"] as? [[String: Any]] ?? []
            let query = parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
            let security = operation["security"] as? [[String: Any]] ?? []
            let tokenInQuery = security.contains { $0["bookingTokenQuery"] != nil }
            let name = "\(route.method) \(route.path)"
            #expect(Set(query + (tokenInQuery ? ["token"] : [])) == Set(route.contract.queryNames), "\(name)")
            #expect((operation["requestBody"] != nil) == route.contract.readsJSONBody, "\(name)")
            let responses = operation["responses"] as? [String: Any] ?? [:]
            #expect(responses["400"] != nil, "\(name) can answer 400")
        }
    }
}
