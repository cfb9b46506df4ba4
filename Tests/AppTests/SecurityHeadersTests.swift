import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Testing

@testable import App

/// The security headers every answer carries, over a real socket: the API's JSON, problems, the
/// router's 404, the rate limiter's 429, the server's own 400 and the pages.
@Suite struct SecurityHeadersTests {
    @Test func everyAnswerSaysNosniffAndTheAPIsLoadNothing() throws {
        let town = try #require(APIHarness.demo)
        try withTemporaryDirectory { directory in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            var admission = AdmissionConfiguration()
            admission.burst = 4
            admission.requestsPerSecond = 0.001
            let server = try RathausServer(
                municipality: town, databasePath: directory.file("headers.sqlite"), configuration: configuration,
                admission: admission, clock: SharedClock(Fixtures.instant("2026-12-07T09:30")).read, log: { _ in })
            try server.start()
            defer {
                server.shutdown(gracePeriod: .seconds(2))
                server.waitUntilStopped()
            }
            let get = { (path: String) in try TestHTTPClient.send(port: server.port, method: "GET", path: path) }
            let json = try get("/v1/offices")
            #expect(json.status == 200)
            let notFound = try get("/v1/nowhere")
            #expect(notFound.status == 404)
            let notFoundPage = try get("/nowhere")
            #expect(notFoundPage.status == 404)
            #expect(notFoundPage.header("X-Content-Type-Options") == "nosniff")
            let page = try get("/staff/sign-in")
            #expect(page.status == 200)
            let limited = try get("/v1/services")
            #expect(limited.status == 429)
            for answer in [json, notFound, limited] {
                #expect(answer.header("X-Content-Type-Options") == "nosniff")
                #expect(answer.header("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'")
                #expect(answer.header("Referrer-Policy") == "no-referrer")
            }
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("Content-Security-Policy") == PageAnswers.contentSecurityPolicy)
            #expect(page.header("Referrer-Policy") == "same-origin", "the page's own setting is kept")
            let malformed = try TestHTTPClient.send(
                port: server.port, method: "GET", path: "/v1/offices", headers: [("Content-Length", "x")])
            #expect(malformed.status == 400)
            #expect(malformed.header("X-Content-Type-Options") == "nosniff")
        }
    }
}
