import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Changing the configuration while the server runs: preview, save with keep/move/cancel, the
/// history, and what is refused.
@Suite struct ConfigurationRouteTests {
    /// The demo document with a closure of `office` added.
    static func closing(
        _ api: APIHarness, date: String, from: String? = nil, to: String? = nil, reason: String = "Streik",
        office: String = "rathaus"
    ) throws -> String {
        let document = try #require(api.api.configuration.current.document)
        var closure: [(key: String, value: JSONValue)] = [("date", .string(date))]
        if let from { closure.append(("from", .string(from))) }
        if let to { closure.append(("to", .string(to))) }
        closure.append(("reason", .string(reason)))
        let changed = try #require(
            document.changingOffice(OfficeID(office)) { item in
                item.setting("closures", to: .array((item["closures"]?.items ?? []) + [.object(closure)]))
            })
        return changed.root.text(pretty: false)
    }

    static func body(_ document: String, decisions: [String: String] = [:]) -> String {
        let list = decisions.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return #"{"document":\#(document),"decisions":{\#(list)}}"#
    }

    @Test func onlyAdministratorsSeeOrChangeTheConfiguration() throws {
        let api = try APIHarness()
        #expect(api.send(.get, "/v1/configuration").status == 401)
        let hotline = try api.staffToken(.hotline)
        #expect(api.send(.get, "/v1/configuration", headers: [api.bearer(hotline)]).status == 403)
        let admin = try api.staffToken(.admin)
        let answer = api.send(.get, "/v1/configuration", headers: [api.bearer(admin)])
        #expect(answer.status == 200)
        #expect(answer.header("ETag") == "\"1\"")
        #expect((answer.json["document"] as? [String: Any])?["municipality"] as? String == "Musterstadt")
    }

    @Test func closingTheOfficeForADayCancelsItsBookingsAndTheDayIsNoLongerOffered() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let booked = api.book("2026-12-08T08:00:00+01:00")
        let id = try #require(booked.json["id"] as? String)
        let document = try Self.closing(api, date: "2026-12-08")
        let preview = api.send(
            .post, "/v1/configuration/preview", headers: [api.bearer(admin)], json: Self.body(document))
        #expect(preview.status == 200)
        let affected = try #require(preview.json["affected"] as? [[String: Any]])
        #expect(affected.map { $0["id"] as? String } == [id])
        #expect((affected.first?["reason"] as? String)?.contains("Streik") == true)
        #expect((preview.json["changes"] as? [[String: Any]])?.count == 1)
        let saved = api.send(
            .put, "/v1/configuration", headers: [api.bearer(admin), ("If-Match", "\"1\"")],
            json: Self.body(document, decisions: [id: "cancel"]))
        #expect(saved.status == 200)
        #expect(saved.json["version"] as? Int == 2)
        let token = try #require(booked.json["token"] as? String)
        #expect(api.send(.get, "/v1/bookings/\(id)?token=\(token)").json["status"] as? String == "cancelled")
        let day = api.send(
            .get, "/v1/offices/rathaus/availability?service=personalausweis&from=2026-12-08&to=2026-12-08")
        #expect(
            (day.json["days"] as? [[String: Any]])?.allSatisfy { ($0["slots"] as? [String])?.isEmpty ?? true } == true)
        let history = api.send(.get, "/v1/configuration/history", headers: [api.bearer(admin)])
        let versions = try #require(history.json["versions"] as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Int } == [2, 1])
        #expect((versions.first?["summary"] as? String)?.contains("Streik") == true)
        #expect(try api.count("audit_log") >= 1)
    }

    @Test func keptBookingsStayAndAreFlaggedMovedOnesGoToTheNextFreeTime() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let kept = api.book("2026-12-08T09:00:00+01:00", email: "kept@example.org")
        let moved = api.book("2026-12-08T09:30:00+01:00", email: "moved@example.org")
        let keptID = try #require(kept.json["id"] as? String)
        let movedID = try #require(moved.json["id"] as? String)
        let document = try Self.closing(api, date: "2026-12-08", from: "08:45", to: "10:00", reason: "Stromausfall")
        let saved = api.send(
            .put, "/v1/configuration", headers: [api.bearer(admin)],
            json: Self.body(document, decisions: [movedID: "move"]))
        #expect(saved.status == 200)
        let office = try #require((saved.json["offices"] as? [[String: Any]])?.first)
        #expect((office["kept"] as? [[String: Any]])?.map { $0["id"] as? String } == [keptID])
        let moves = try #require(office["moved"] as? [[String: Any]])
        #expect(moves.map { $0["id"] as? String } == [movedID])
        let flags = try api.database.reader.sync { try $0.bookingFlags(office: "rathaus") }
        #expect(flags.map(\.booking.rawValue) == [keptID])
        #expect(flags.first?.reason.contains("Stromausfall") == true)
        let movedToken = try #require(moved.json["token"] as? String)
        let now = api.send(.get, "/v1/bookings/\(movedID)?token=\(movedToken)")
        let start = try #require(now.json["start"] as? String)
        #expect(start >= "2026-12-08T10:00:00+01:00", "moved out of the closure, to the next free time")
    }

    @Test func aChangeSurvivesARestart() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let document = try Self.closing(api, date: "2026-12-09")
        #expect(
            api.send(.put, "/v1/configuration", headers: [api.bearer(admin)], json: Self.body(document)).status == 200)
        let file = try #require(APIHarness.demoDocument)
        let resolved = try ConfigurationStartup.resolve(
            file: file, fileName: "musterstadt.json", fileBytes: file.fileBytes,
            databasePath: api.database.path, now: api.clock.now)
        #expect(resolved.state.version == 2, "the console's version, not the unchanged file")
        let office = try #require(resolved.state.municipality.office("rathaus"))
        #expect(office.closures(on: LocalDate(iso: "2026-12-09")!).contains { $0.reason == "Streik" })
    }

    @Test func badConfigurationsAreRefusedNamingTheFieldAndChangeNothing() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let document = try #require(api.api.configuration.current.document)
        let cases: [(change: (JSONValue) -> JSONValue, field: String)] = [
            (
                {
                    $0.setting(
                        "openingHours",
                        to: .array([
                            .object([
                                ("days", .array([.string("mon")])), ("from", .string("12:00")),
                                ("to", .string("08:00")),
                            ])
                        ]))
                }, "openingHours"
            ),
            ({ $0.setting("counters", to: .array([])) }, "counters"),
            (
                {
                    $0.setting(
                        "openingHours",
                        to: .array([
                            .object([
                                ("days", .array([.string("mon")])), ("from", .string("08:00")),
                                ("to", .string("12:00")),
                            ]),
                            .object([
                                ("days", .array([.string("mon"), .string("tue")])), ("from", .string("11:00")),
                                ("to", .string("14:00")),
                            ]),
                        ]))
                }, "openingHours[1]"
            ),
            (
                {
                    $0.setting(
                        "closures",
                        to: .array([
                            .object([
                                ("date", .string("2026-12-10")), ("from", .string("14:00")), ("to", .string("09:00")),
                                ("reason", .string("x")),
                            ])
                        ]))
                }, "closures[0].to"
            ),
            (
                {
                    $0.setting(
                        "closures", to: .array([.object([("date", .string("2026-13-40")), ("reason", .string("x"))])]))
                }, "closures"
            ),
            (
                {
                    $0.setting(
                        "counters",
                        to: .array([
                            .object([
                                ("id", .string("9")), ("name", .string("Neu")),
                                ("skills", .array([.string("gibtsnicht")])),
                            ])
                        ]))
                }, "counters"
            ),
        ]
        let rule = { (days: [String], from: String, to: String) -> JSONValue in
            .object([("days", .array(days.map { .string($0) })), ("from", .string(from)), ("to", .string(to))])
        }
        let closure = { (date: String, from: String?, to: String?, counters: [String]) -> JSONValue in
            var members: [(key: String, value: JSONValue)] = [("date", .string(date))]
            if let from { members.append(("from", .string(from))) }
            if let to { members.append(("to", .string(to))) }
            if !counters.isEmpty { members.append(("counters", .array(counters.map { .string($0) }))) }
            return .object(members + [("reason", .string("x"))])
        }
        let more: [(change: (JSONValue) -> JSONValue, field: String)] = [
            ({ $0.setting("openingHours", to: .array([rule([], "08:00", "12:00")])) }, "openingHours[0].days"),
            ({ $0.setting("openingHours", to: .array([rule(["mon"], "08:00", "25:00")])) }, "openingHours[0].to"),
            ({ $0.setting("openingHours", to: .array([rule(["mon"], "8 Uhr", "12:00")])) }, "openingHours[0].from"),
            (
                { $0.setting("closures", to: .array([closure("2026-12-10", nil, nil, ["99"])])) },
                "closures[0].counters[0]"
            ),
            ({ $0.setting("closures", to: .array([closure("2026-12-10", "12:00", "11:00", [])])) }, "closures[0].to"),
            // Sunday: the office is closed anyway, so the closure closes nothing.
            ({ $0.setting("closures", to: .array([closure("2026-12-13", nil, nil, [])])) }, "offices[0].closures[0]"),
            // Counter 5 on Thursday afternoon is open; at 19:00 nothing is.
            ({ $0.setting("closures", to: .array([closure("2026-12-10", "19:00", nil, ["5"])])) }, "closures[0]"),
        ]
        for (change, field) in cases + more {
            let bad = try #require(document.changingOffice("rathaus", change))
            let answer = api.send(
                .put, "/v1/configuration", headers: [api.bearer(admin)], json: Self.body(bad.root.text(pretty: false)))
            #expect(answer.status == 400, "\(field)")
            let errors = answer.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { ($0["field"] as? String)?.contains(field) == true }, "\(errors)")
        }
        // A service that no counter of any office does.
        var services = document.root["services"]?.items ?? []
        services.append(
            .object([
                ("id", .string("niemand")), ("name", .string("Keiner kann das")), ("group", .string("A")),
                ("durationMinutes", .number("10")),
            ]))
        let orphan = document.root.setting("services", to: .array(services)).text(pretty: false)
        let refused = api.send(.put, "/v1/configuration", headers: [api.bearer(admin)], json: Self.body(orphan))
        #expect(refused.status == 400)
        #expect(
            (refused.json["errors"] as? [[String: Any]])?.first?["field"] as? String
                == "services[\(services.count - 1)]")
        #expect(api.api.configuration.version == 1, "nothing was saved")
        let now = api.send(.get, "/v1/configuration", headers: [api.bearer(admin)])
        #expect(
            (try? JSONValue.parse(Array(now.text.utf8)))?["document"] == document.root, "the document is unchanged")
        #expect(try api.count("configuration_version") == 1)
        let stale = api.send(
            .put, "/v1/configuration", headers: [api.bearer(admin), ("If-Match", "\"7\"")],
            json: Self.body(try Self.closing(api, date: "2026-12-10")))
        #expect(stale.status == 412)
        var offices = document.root["offices"]?.items ?? []
        offices.removeLast()
        let fewer = ConfigurationDocument(root: document.root.setting("offices", to: .array(offices)))
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(admin)], json: Self.body(fewer.root.text(pretty: false))
            )
            .status == 400)
        #expect(api.api.configuration.version == 1)
    }
}
