import Dispatch
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization
import Testing

@testable import App

/// Offices spread over several instances: the instances file, which request belongs to which
/// office, the proxy's routes, and two live instances passing requests on and searching together.
@Suite struct InstancesTests {
    static func instancesFile(a: String = "127.0.0.1:8081", b: String = "127.0.0.1:8082", extra: String = "")
        -> String
    {
        """
        {"peerTimeoutMilliseconds": 500, "instances": [
          {"name": "a", "address": "\(a)", "offices": ["rathaus"]\(extra)},
          {"name": "b", "address": "\(b)", "offices": ["nord"]}
        ]}
        """
    }

    static func decode(_ text: String) throws -> Instances {
        let town = try #require(APIHarness.demo)
        return try Instances.decode(JSONValue.parse(text), municipality: town)
    }

    static func decodingError(_ text: String) throws -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch let error as JSONPathError {
            return error.description
        }
    }

    // MARK: The file

    @Test func theInstancesFileNamesEachInstanceItsAddressAndOffices() throws {
        let instances = try Self.decode(Self.instancesFile(a: "[::1]:9000"))
        #expect(instances.instances.map(\.name) == ["a", "b"])
        #expect(instances.instance(named: "a")?.host == "::1")
        #expect(instances.instance(named: "a")?.address == "[::1]:9000")
        #expect(instances.owner(of: "nord")?.name == "b")
        #expect(instances.peerTimeout == .milliseconds(500))
    }

    @Test func everyOfficeMustBeServedByExactlyOneInstance() throws {
        let unserved = #"{"instances": [{"name": "a", "address": "127.0.0.1:1", "offices": ["rathaus"]}]}"#
        #expect(try Self.decodingError(unserved) == #"instances: no instance serves office "nord""#)
        let twice = Self.instancesFile().replacingOccurrences(of: #"["rathaus"]"#, with: #"["rathaus", "nord"]"#)
        #expect(try Self.decodingError(twice) == #"instances[1].offices[0]: office "nord" is served by "a" already"#)
        let unknown = Self.instancesFile().replacingOccurrences(of: #"["nord"]"#, with: #"["nord", "sued"]"#)
        #expect(try Self.decodingError(unknown) == #"instances[1].offices[1]: the municipality has no office "sued""#)
    }

    @Test func badNamesAddressesAndFieldsAreRefusedWithTheirPath() throws {
        #expect(
            try Self.decodingError(Self.instancesFile(a: "127.0.0.1"))
                == "instances[0].address: expected HOST:PORT, such as 10.0.0.1:8080 or [::1]:8080")
        #expect(try Self.decodingError(Self.instancesFile(a: "127.0.0.1:70000")) != nil)
        #expect(try Self.decodingError(Self.instancesFile(a: "::1:8080")) != nil)
        #expect(
            try Self.decodingError(Self.instancesFile(extra: #", "weight": 2"#)) == "instances[0].weight: unknown field"
        )
        let sameName = Self.instancesFile().replacingOccurrences(of: #""name": "b""#, with: #""name": "a""#)
        #expect(try Self.decodingError(sameName) == #"instances[1].name: instance "a" named twice"#)
        let badName = Self.instancesFile().replacingOccurrences(of: #""name": "b""#, with: #""name": "B 2""#)
        #expect(try Self.decodingError(badName) == "instances[1].name: 1–64 characters of a-z 0-9 - _")
    }

    // MARK: Which office a request is about

    static func request(
        _ method: HTTPMethod, _ target: String, route: String, body: String = "",
        contentType: String = "application/json"
    ) -> HTTPRequest {
        var request = HTTPRequest(
            method: method, target: target, headers: ["Content-Type": contentType], body: Array(body.utf8))
        request.route = route
        var router = Router()
        router.on(method, route) { _, _ in }
        if case .found(_, _, let found, _) = router.match(method: method, path: request.path) {
            request.parameters = found
        }
        return request
    }

    @Test func aRequestBelongsToTheOfficeItsPathIdQueryOrBodyNames() {
        #expect(
            Peers.office(
                of: Self.request(
                    .get, "/v1/offices/nord/queue/events", route: "/v1/offices/{office}/queue/events")) == "nord")
        #expect(
            Peers.office(
                of: Self.request(
                    .delete, "/v1/bookings/nord.AbC", route: "/v1/bookings/{booking}")) == "nord")
        #expect(
            Peers.office(
                of: Self.request(
                    .post, "/v1/tickets/nord-2026-12-07-A017/start", route: "/v1/tickets/{ticket}/{action}")) == "nord")
        #expect(Peers.office(of: Self.request(.get, "/en/zeiten?service=x&office=nord", route: "/en/zeiten")) == "nord")
        #expect(
            Peers.office(
                of: Self.request(.post, "/v1/holds", route: "/v1/holds", body: #"{"start":"x","office":"nord"}"#))
                == "nord")
        #expect(
            Peers.office(
                of: Self.request(
                    .post, "/v1/bookings", route: "/v1/bookings", body: #"{"hold":"nord.x1","contact":{}}"#))
                == "nord")
        #expect(
            Peers.office(
                of: Self.request(
                    .post, "/reservierung", route: "/reservierung", body: "service=a&office=nord&start=x",
                    contentType: "application/x-www-form-urlencoded")) == "nord")
        #expect(Peers.office(of: Self.request(.get, "/v1/offices", route: "/v1/offices")) == nil)
        #expect(Peers.office(of: Self.request(.post, "/v1/holds", route: "/v1/holds", body: "not json")) == nil)
    }

    // MARK: The proxy's routes

    @Test func theProxyRoutesEveryPathOfAnOfficeAndNoOtherOfficesPaths() throws {
        let town = try #require(APIHarness.demo)
        let proxy = ProxyConfiguration(instances: try Self.decode(Self.instancesFile()), municipality: town)
        let patterns = try proxy.pathPatterns(of: "nord").map { try NSRegularExpression(pattern: $0) }
        func routed(_ path: String) -> Bool {
            patterns.contains { $0.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil }
        }
        for path in [
            "/v1/offices/nord", "/v1/offices/nord/availability", "/v1/offices/nord/queue/events",
            "/v1/holds/nord.Ab-c_9/extend", "/v1/bookings/nord.x", "/v1/tickets/nord-2026-12-07-A017/start",
            "/display/nord", "/kiosk/nord/tickets/nord-2026-12-07-A001", "/counter/nord/2",
            "/reservierung/nord.x/buchen",
            "/en/termin/nord.x", "/termin/nord.x/absagen",
        ] {
            #expect(routed(path), "\(path) goes to nord's instance")
        }
        for path in [
            "/v1/offices", "/v1/offices/nordost", "/v1/holds", "/v1/bookings/nordost.x", "/v1/bookings/rathaus.x",
            "/v1/tickets/nordost-2026-12-07-A017/start", "/display/nordost", "/reservierung", "/zeiten", "/",
        ] {
            #expect(!routed(path), "\(path) is not nord's")
        }
        let nginx = proxy.text(.nginx)
        #expect(nginx.contains(#""~\?office=nord$" rathaus_b;"#))
        #expect(nginx.contains("proxy_buffering off;"))
        let haproxy = proxy.text(.haproxy)
        #expect(haproxy.contains("acl rathaus_b url_param(office) -m str nord"))
        #expect(haproxy.contains("use_backend rathaus_a if rathaus_a"))
    }

    // MARK: Two live instances

    /// Instance b of the demo town on port 0 (it passes nothing on in these tests), then instance
    /// a with b's real address; `body` gets a's port and b.
    static func withTwoInstances(_ body: (RathausServer, RathausServer) throws -> Void) throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
            let forB = try decode(instancesFile())
            let b = try RathausServer(
                municipality: town, databasePath: directory.file("b.sqlite"), configuration: configuration,
                clock: clock.read, peers: Peers(instances: forB, local: forB.instances[1], log: { _ in }), log: { _ in }
            )
            try b.start()
            defer {
                b.shutdown(gracePeriod: .seconds(2))
                b.waitUntilStopped()
            }
            let forA = try decode(instancesFile(b: "127.0.0.1:\(b.port)"))
            let a = try RathausServer(
                municipality: town, databasePath: directory.file("a.sqlite"), configuration: configuration,
                clock: clock.read, peers: Peers(instances: forA, local: forA.instances[0], log: { _ in }), log: { _ in }
            )
            try a.start()
            defer {
                a.shutdown(gracePeriod: .seconds(2))
                a.waitUntilStopped()
            }
            try body(a, b)
        }
    }

    static func json(_ answer: TestHTTPClient.Answer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
    }

    @Test func aBookingForAnotherInstancesOfficeIsPassedOnAndStoredThere() throws {
        try Self.withTwoInstances { a, b in
            #expect(a.database.writers.keys.map(\.rawValue) == ["rathaus"])
            // Through a, which has no writer for nord: b's answer.
            let free = try Self.json(
                try TestHTTPClient.send(
                    port: a.port, method: "GET", path: "/v1/offices/nord/availability?service=meldebescheinigung"))
            let days = try #require(free["days"] as? [[String: Any]])
            let start = try #require((days.first?["slots"] as? [String])?.first)
            let body =
                #"{"office":"nord","services":["meldebescheinigung"],"start":"\#(start)","contact":{"name":"Max Müller","phone":"+49 431 12345"}}"#
            let booked = try TestHTTPClient.send(
                port: a.port, method: "POST", path: "/v1/bookings", headers: [("Content-Type", "application/json")],
                body: Array(body.utf8))
            #expect(booked.status == 201)
            let id = try #require(try Self.json(booked)["id"] as? String)
            #expect(id.hasPrefix("nord."))
            let storedAtB = try b.database.reader.sync { try $0.scalar("SELECT count(*) FROM booking", as: Int.self) }
            let storedAtA = try a.database.reader.sync { try $0.scalar("SELECT count(*) FROM booking", as: Int.self) }
            #expect(storedAtB == 1)
            #expect(storedAtA == 0)
            let stream = try TestHTTPClient.send(port: a.port, method: "GET", path: "/v1/offices/nord/queue/events")
            #expect(stream.status == 421, "an event stream is not passed on: the proxy routes it")
        }
    }

    @Test func theEarliestSearchListsEveryInstancesOfficesSoonestFirst() throws {
        try Self.withTwoInstances { a, b in
            let path = "/v1/availability/earliest?service=meldebescheinigung"
            let merged = try Self.json(try TestHTTPClient.send(port: a.port, method: "GET", path: path))
            let offices = try #require(merged["offices"] as? [[String: Any]])
            #expect(Set(offices.compactMap { $0["office"] as? String }) == ["rathaus", "nord"])
            #expect(merged["partial"] as? Bool == false)
            #expect(merged["missing"] == nil)
            let own = try Self.json(
                try TestHTTPClient.send(port: b.port, method: "GET", path: path + "&scope=instance"))
            #expect((own["offices"] as? [[String: Any]])?.compactMap { $0["office"] as? String } == ["nord"])
        }
    }

    @Test func anInstanceThatDoesNotAnswerMakesTheSearchPartial() throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            // Nothing listens on port 1: instance b is down.
            let instances = try Self.decode(Self.instancesFile(b: "127.0.0.1:1"))
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
            let database = try Database.open(
                path: directory.file("a.sqlite"), municipality: town, clock: clock.read, offices: ["rathaus"])
            let app = try RathausApp(
                municipality: town, database: database, clock: clock.read,
                peers: Peers(instances: instances, local: instances.instances[0], log: { _ in }), log: { _ in })
            let request = HTTPRequest(method: .get, target: "/v1/availability/earliest?service=meldebescheinigung")
            let answered = Mutex<[UInt8]?>(nil)
            let done = DispatchSemaphore(value: 0)
            app.handle(request) { reply in
                if case .response(let response) = reply { answered.withLock { $0 = response.body } }
                done.signal()
            }
            #expect(done.wait(timeout: .now() + 10) == .success)
            let body = try #require(answered.withLock { $0 })
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            #expect(json["partial"] as? Bool == true)
            #expect(json["missing"] as? [String] == ["b"])
            #expect((json["offices"] as? [[String: Any]])?.compactMap { $0["office"] as? String } == ["rathaus"])
        }
    }
}
