import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Testing

@testable import App

/// The whole product over a real socket on port 0: configuration, database, writers, API, HTTP.
@Suite struct LiveServerTests {
    @Test func aCitizenBooksOverHTTPAndReadsItBack() throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            let clock = SharedClock(Fixtures.instant("2026-12-07T07:30"))
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("live.sqlite"), configuration: configuration,
                clock: clock.read, log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(2))
                server.waitUntilStopped()
            }
            let offices = try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices")
            #expect(offices.status == 200)
            #expect(offices.header("Date") != nil)
            #expect(offices.header("Content-Length") == String(offices.body.count))
            let body =
                #"{"office":"rathaus","services":["meldebescheinigung"],"start":"2026-12-08T08:00:00+01:00","contact":{"name":"Max Müller","phone":"+49 431 12345"}}"#
            let booked = try TestHTTPClient.send(
                port: server.port, method: "POST", path: "/v1/bookings",
                headers: [("Content-Type", "application/json")],
                body: Array(body.utf8))
            #expect(booked.status == 201)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(booked.body)) as? [String: Any])
            let id = try #require(json["id"] as? String)
            let token = try #require(json["token"] as? String)
            let read = try TestHTTPClient.send(
                port: server.port, method: "GET", path: "/v1/bookings/\(id)",
                headers: [("Authorization", "Bearer \(token)")])
            #expect(read.status == 200)
            #expect(read.text.contains("Max Müller"))
            let taken = try TestHTTPClient.send(
                port: server.port, method: "POST", path: "/v1/bookings",
                headers: [("Content-Type", "application/json")],
                body: Array(body.replacingOccurrences(of: "+49 431 12345", with: "0431 999999").utf8))
            #expect(taken.status == 201, "a second counter takes the same start")
            let problem = try TestHTTPClient.send(port: server.port, method: "GET", path: "/v1/offices/atlantis")
            #expect(problem.status == 404)
            #expect(problem.header("Content-Type") == "application/problem+json")
        }
    }
}
