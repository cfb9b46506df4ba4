import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

@Suite struct AdmissionTests {
    @Test func aClientMayBurstThenWaitsForTheRate() {
        var buckets = TokenBuckets(rate: 2, burst: 3, capacity: 10)
        #expect(buckets.take("a", now: 0) == nil)
        #expect(buckets.take("a", now: 0) == nil)
        #expect(buckets.take("a", now: 0) == nil)
        #expect(buckets.take("a", now: 0) == 0.5, "the fourth waits half a second for a token")
        #expect(buckets.take("b", now: 0) == nil, "another client has its own bucket")
        #expect(buckets.take("a", now: 0.5) == nil)
        #expect(buckets.take("a", now: 0.5) != nil)
    }

    @Test func trackedClientsAreBounded() {
        var buckets = TokenBuckets(rate: 1, burst: 2, capacity: 3)
        for client in 0..<10 { _ = buckets.take("c\(client)", now: Double(client) * 10) }
        #expect(buckets.tracked <= 3)
    }

    @Test func onlyATrustedProxyNamesTheClient() {
        var request = HTTPRequest(method: .get, target: "/", headers: ["X-Forwarded-For": "203.0.113.7, 10.0.0.2"])
        request.remoteAddress = "10.0.0.1:5000"
        #expect(AdmissionMiddleware.client(of: request, trustedProxies: []) == "10.0.0.1")
        #expect(AdmissionMiddleware.client(of: request, trustedProxies: ["10.0.0.1"]) == "10.0.0.2")
        #expect(AdmissionMiddleware.client(of: request, trustedProxies: ["10.0.0.1", "10.0.0.2"]) == "203.0.113.7")
    }

    @Test func theCacheAnswersRepeatsAndNeverOffersABookedTime() throws {
        let api = try APIHarness()
        let query = "/v1/offices/nord/availability?service=hundesteuer&from=2026-12-08&to=2026-12-08"
        let first = api.send(.get, query)
        let again = api.send(.get, query)
        #expect(first.body == again.body)
        #expect(api.api.availabilityCache.statistics.hits >= 1)
        let slots = try #require(((first.json["days"] as? [[String: Any]])?.first?["slots"] as? [String]))
        // One counter does dog tax at the Stadtteilbüro: book the first time, then ask again at once.
        #expect(api.book(slots[0], office: "nord", services: ["hundesteuer"]).status == 201)
        let after = api.send(.get, query)
        let remaining = try #require(((after.json["days"] as? [[String: Any]])?.first?["slots"] as? [String]))
        #expect(!remaining.contains(slots[0]))
        #expect(remaining.count == slots.count - 1)
    }

    @Test func liveLimitsAnswer429And503WithRetryAfterButLetStaffThrough() throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            var admission = AdmissionConfiguration()
            admission.requestsPerSecond = 0.01
            admission.burst = 2
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("a.sqlite"), configuration: configuration,
                admission: admission, clock: clock.read, log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(1))
                server.waitUntilStopped()
            }
            let token = try server.database.committer.withConnection {
                try $0.createStaffToken(role: .hotline, office: nil, name: "t", now: clock.now).token
            }
            let staff = [("Authorization", "Bearer \(token)")]
            // The token's first request costs one of the client's two; its later ones are free.
            #expect(
                try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices", headers: staff).status
                    == 200)
            #expect(try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices").status == 200)
            let limited = try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") != nil)
            #expect(limited.header("Content-Type") == "application/problem+json")
            #expect(limited.text.contains("/problems/rate-limited"))
            for _ in 0..<5 {
                #expect(
                    try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices", headers: staff)
                        .status == 200)
            }
            #expect(try TestHTTPClient.send(port: server.port, method: "GET", path: "/healthz").status == 200)
        }
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            var admission = AdmissionConfiguration()
            admission.maxPublicInFlight = 0
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("b.sqlite"), configuration: configuration,
                admission: admission, clock: SharedClock(Fixtures.instant("2026-12-07T07:30")).read, log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(1))
                server.waitUntilStopped()
            }
            let overloaded = try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/services")
            #expect(overloaded.status == 503)
            #expect(overloaded.header("Retry-After") == "1")
            #expect(overloaded.text.contains("/problems/overloaded"))
        }
    }

    @Test func aFinishedRequestNoLongerCountsAsInProgress() throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            var admission = AdmissionConfiguration()
            admission.maxPublicInFlight = 1
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("c.sqlite"), configuration: configuration,
                admission: admission, clock: clock.read, log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(1))
                server.waitUntilStopped()
            }
            let token = try server.database.committer.withConnection {
                try $0.createStaffToken(role: .hotline, office: nil, name: "t", now: clock.now).token
            }
            let staff = [("Authorization", "Bearer \(token)")]
            // One at a time fits a limit of one, whatever came before: answers, refusals, the
            // unknown path, staff and the exempt health check each end their count.
            let paths = ["/v1/services", "/nowhere", "/healthz", "/v1/offices/nowhere", "/v1/services"]
            for path in paths {
                let answer = try TestHTTPClient.send(port: server.port, method: "GET", path: path)
                #expect(answer.status != 503, "\(path) was refused as overloaded")
                #expect(
                    try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices", headers: staff)
                        .status == 200)
            }
            #expect(try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices").status == 200)
        }
    }
}
