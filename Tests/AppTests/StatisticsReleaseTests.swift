import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// The scarce releases in the statistics, played through the API on the demo town: the
/// vaccination room of "nord" is open on Mondays 08:30–11:00, fifteen ten-minute times; the
/// waiting room of `impfung` releases a week of days on Mondays at 07:00, and the draw of
/// `impfaktion` closes on 2026-12-10 at 12:00 for the days 2026-12-14 to 2026-12-20.
@Suite struct StatisticsReleaseTests {
    static func releases(_ api: APIHarness, from: String, to: String, admin: String) -> [[String: Any]] {
        let answer = api.send(
            .get, "/v1/offices/nord/statistics?from=\(from)&to=\(to)", headers: [api.bearer(admin)])
        return answer.json["releases"] as? [[String: Any]] ?? [["status": answer.status]]
    }

    @Test func aWaitingRoomsReleaseCountsItsSlotsEntrantsAndKeptBookings() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        api.clock.set(Fixtures.instant("2026-12-07T06:40"))
        var entries: [String] = []
        for _ in 0..<5 {
            entries.append(try #require(api.send(.post, "/v1/waiting-rooms/impfung").json["entry"] as? String))
        }
        api.clock.set(Fixtures.instant("2026-12-07T07:00"))
        for (index, entry) in entries.prefix(3).enumerated() {
            let status = api.send(.get, "/v1/waiting-rooms/impfung/entries/\(entry)")
            let token = try #require(status.json["admissionToken"] as? String)
            let booked = api.book(
                "2026-12-14T08:\(30 + 10 * index):00+01:00", office: "nord", services: ["impfung"],
                email: "impfling\(index)@example.org", headers: [("Admission-Token", token)])
            #expect(booked.status == 201)
        }
        api.clock.set(Fixtures.instant("2026-12-07T11:00"))

        let releases = Self.releases(api, from: "2026-12-07", to: "2026-12-07", admin: admin)
        #expect(releases.count == 1)
        let release = try #require(releases.first)
        #expect(release["service"] as? String == "impfung")
        #expect(release["kind"] as? String == "waiting-room")
        #expect(release["at"] as? String == "2026-12-07T07:00:00+01:00")
        #expect(release["slots"] as? Int == 15, "08:30 to 11:00 in ten-minute times")
        #expect(release["registrations"] as? Int == 5)
        #expect(release["booked"] as? Int == 3)
        #expect(release["soldOutSeconds"] == nil, "12 of 15 times left")
        #expect(Self.releases(api, from: "2026-12-08", to: "2026-12-13", admin: admin).isEmpty)

        let csv = api.send(
            .get, "/v1/offices/nord/statistics.csv?from=2026-12-07&to=2026-12-07", headers: [api.bearer(admin)])
        let lines = String(decoding: csv.body, as: UTF8.self).split(separator: "\r\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let row = try #require(lines.first { $0.hasPrefix("release,") }).split(
            separator: ",", omittingEmptySubsequences: false)
        #expect(row.count == header.count)
        func field(_ name: String) -> String? {
            header.firstIndex { $0 == name }.map { String(row[$0]) }
        }
        #expect(field("release_kind") == "waiting-room")
        #expect(field("release_slots") == "15" && field("release_registrations") == "5")
        #expect(field("release_booked") == "3" && field("release_sold_out_min") == "")
        #expect(field("tickets") == "")

        let page = api.send(
            .get, "/staff/statistics/nord/report?from=2026-12-07&to=2026-12-07", headers: [api.bearer(admin)])
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(page.status == 200)
        #expect(html.contains("Knappe Termine: Freigaben und Verlosungen"))
        #expect(html.contains("Warteraum 7.12.2026 07:00 Uhr"))
        let without = api.send(
            .get, "/staff/statistics/nord/report?from=2026-12-08&to=2026-12-08", headers: [api.bearer(admin)])
        #expect(!String(decoding: without.body, as: UTF8.self).contains("Knappe Termine"))
    }

    @Test func aDrawThatFillsItsTimesIsSoldOutWhenItsWinnersAreBooked() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        api.clock.set(Fixtures.instant("2026-12-08T09:00"))
        for index in 0..<24 {
            let answer = api.send(
                .post, "/v1/draws/impfaktion/entries",
                json: #"{"priority":"alle","contact":{"name":"Person \#(index)","email":"p\#(index)@example.org"}}"#)
            #expect(answer.status == 201)
        }
        #expect(Self.releases(api, from: "2026-12-08", to: "2026-12-31", admin: admin).isEmpty, "not drawn yet")
        api.clock.set(Fixtures.instant("2026-12-10T12:01"))
        api.api.rush.queue.sync { api.api.rush.runDueDraws() }

        let releases = Self.releases(api, from: "2026-12-10", to: "2026-12-10", admin: admin)
        let draw = try #require(releases.first { $0["kind"] as? String == "draw" })
        #expect(releases.count == 1)
        #expect(draw["service"] as? String == "impfaktion")
        #expect(draw["at"] as? String == "2026-12-10T12:00:00+01:00")
        #expect(draw["firstDay"] as? String == "2026-12-14" && draw["lastDay"] as? String == "2026-12-20")
        #expect(draw["slots"] as? Int == 15)
        #expect(draw["registrations"] as? Int == 24)
        #expect(draw["booked"] as? Int == 15)
        #expect(draw["soldOutSeconds"] as? Int == 60, "the winners were booked when the draw ran, a minute after")
    }
}
