import App
import Foundation
import HTTPServer
import RathausCommandLine
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import rathaus

/// `rathaus config export|apply` against a real database and a running server on port 0, and the
/// audit rows `rathaus token` writes.
@Suite(.serialized) struct ConfigCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = root.appendingPathComponent(MunicipalityLoader.demoPath).path

    /// A server of the demo town over `database` (its configuration resolved from the demo file
    /// as `rathaus serve` does), its clock on Monday 7 December 2026, 07:30.
    static func serve(_ database: String) throws -> RathausServer {
        let document = try ConfigurationDocument.read(file: demo)
        let now = Fixtures.instant("2026-12-07T07:30")
        let resolved = try ConfigurationStartup.resolve(
            file: document, fileName: "musterstadt.json", fileBytes: document.fileBytes, databasePath: database,
            now: now)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let server = try RathausServer(
            live: LiveConfiguration(resolved.state), databasePath: database, configuration: configuration,
            clock: SharedClock(now).read, log: { _ in })
        try server.start()
        return server
    }

    static func adminToken(_ database: String) throws -> String {
        let connection = try SQLiteConnection(path: database)
        defer { try? connection.close() }
        return try connection.createStaffToken(role: .admin, office: nil, name: "Amtsleitung", now: .current).token
    }

    @Test func exportWritesTheStoredVersionAndItsCalendarsBesideIt() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            #expect(RathausCommand.run(["config", "export", "--db", database]) == 1, "no such database")
            let server = try Self.serve(database)
            server.shutdown(gracePeriod: .seconds(2))
            server.waitUntilStopped()
            #expect(RathausCommand.run(["config", "export", "--db", database, "--out", directory.path]) == 0)
            let written = try ConfigurationDocument.read(file: directory.file("musterstadt.json"))
            let original = try ConfigurationDocument.read(file: Self.demo)
            #expect(written.root == original.root)
            #expect(written.calendars == original.calendars)
            #expect(
                FileManager.default.contents(atPath: directory.file("schliesstage.ics"))
                    == FileManager.default.contents(
                        atPath: Self.root.appendingPathComponent("Calendars/musterstadt/schliesstage.ics").path))
        }
    }

    @Test func applyShowsTheChangeSavesItThroughTheServerAndRefusesABadFile() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            let server = try Self.serve(database)
            defer {
                server.shutdown(gracePeriod: .seconds(2))
                server.waitUntilStopped()
            }
            let token = try Self.adminToken(database)
            let url = "http://127.0.0.1:\(server.port)"
            let body =
                #"{"office":"rathaus","services":["personalausweis"],"start":"2026-12-08T09:00:00+01:00","contact":{"name":"Erika Mustermann","email":"erika@example.org"}}"#
            let booked = try TestHTTPClient.send(
                port: server.port, method: "POST", path: "/v1/bookings",
                headers: [("Content-Type", "application/json")], body: Array(body.utf8))
            #expect(booked.status == 201)
            #expect(RathausCommand.run(["config", "export", "--db", database, "--out", directory.path]) == 0)
            let file = directory.file("musterstadt.json")
            let exported = try ConfigurationDocument.read(file: file)
            let closed = try #require(
                exported.changingOffice("rathaus") { office in
                    office.setting(
                        "closures",
                        to: .array(
                            (office["closures"]?.items ?? []) + [
                                .object([("date", .string("2026-12-08")), ("reason", .string("Streik"))])
                            ]))
                })
            try Data(closed.bytes).write(to: URL(fileURLWithPath: file))
            #expect(
                RathausCommand.run(["config", "apply", file, "--url", url, "--token", "rst_wrong", "--yes"]) == 1,
                "an unknown token is refused")
            #expect(
                RathausCommand.run([
                    "config", "apply", file, "--url", url, "--token", token, "--yes", "--decide", "cancel",
                ])
                    == 0)
            let after = try SQLiteConnection(path: database, configuration: .reader)
            defer { try? after.close() }
            #expect(try after.latestConfigurationVersion()?.number == 2)
            #expect(
                try after.activeBookings(office: "rathaus", endingAfter: Fixtures.instant("2026-12-07T07:30")).isEmpty)
            #expect(
                RathausCommand.run(["config", "apply", file, "--url", url, "--token", token, "--yes"]) == 0,
                "the same file again: no change")
            #expect(try after.latestConfigurationVersion()?.number == 2)

            let bad = try #require(
                exported.changingOffice("rathaus") { $0.setting("counters", to: .array([])) })
            try Data(bad.bytes).write(to: URL(fileURLWithPath: file))
            #expect(RathausCommand.run(["config", "apply", file, "--url", url, "--token", token, "--yes"]) == 1)
            #expect(try after.latestConfigurationVersion()?.number == 2, "a refused file changes nothing")
        }
    }

    @Test func tokensMadeAndRevokedAtTheCommandLineAreAudited() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            #expect(
                RathausCommand.run(["token", "create", "--role", "hotline", "--office", "nord", "--db", database]) == 0)
            let connection = try SQLiteConnection(path: database)
            defer { try? connection.close() }
            let id = try #require(try connection.staffTokens().first?.id)
            #expect(RathausCommand.run(["token", "revoke", id, "--db", database]) == 0)
            let entries = try connection.auditEntries(limit: 10).reversed().map {
                "\($0.action) \($0.actor) \($0.target ?? "") \($0.office?.rawValue ?? "") \($0.detail ?? "")"
            }
            #expect(
                entries == [
                    "create-token command-line \(id) nord role hotline", "revoke-token command-line \(id) nord ",
                ])
        }
    }
}
