import Dispatch
import Foundation
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Synchronization
import Testing

@testable import App

/// The administration beyond saving a document: the week, the notices of a cancellation, the
/// audit log, the console's pages and fragments, and bookings racing a closure.
@Suite struct AdministrationTests {
    /// Books on the hotline for a caller with a phone number and no e-mail address.
    static func bookForCaller(_ api: APIHarness, _ start: String, token: String) -> APIHarness.Answer {
        api.send(
            .post, "/v1/bookings", headers: [api.bearer(token)],
            json:
                #"{"office":"rathaus","services":["personalausweis"],"start":"\#(start)","contact":{"name":"Anton Anrufer","phone":"0431 987654"}}"#
        )
    }

    @Test func theHistoryIsKeptForTheConfiguredDays() throws {
        let document = try #require(APIHarness.demoDocument)
        #expect(try document.municipality().historyDays == Municipality.defaultHistoryDays)
        let shorter = ConfigurationDocument(
            root: document.root.setting("historyDays", to: .number("30")), calendars: document.calendars)
        #expect(try shorter.municipality().historyDays == 30)
        let none = ConfigurationDocument(
            root: document.root.setting("historyDays", to: .number("0")), calendars: document.calendars)
        #expect(throws: JSONPathError.self) { try none.municipality() }
    }

    @Test func theWeekShowsEachCounterOpenToItsContingentAndTheClosures() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let week = api.send(.get, "/v1/offices/rathaus/week?from=2026-12-07", headers: [api.bearer(admin)])
        #expect(week.status == 200)
        let days = try #require(week.json["days"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == (7...13).map { "2026-12-\(String(format: "%02d", $0))" })
        let monday = try #require(days.first?["counters"] as? [[String: Any]])
        let four = try #require(monday.first { $0["counter"] as? String == "4" })
        #expect(
            (four["intervals"] as? [[String: Any]])?.map { "\($0["from"]!)-\($0["to"]!) \($0["openTo"]!)" } == [
                "08:00-12:30 hotline"
            ])
        let sunday = try #require(days.last?["counters"] as? [[String: Any]])
        #expect(sunday.allSatisfy { ($0["intervals"] as? [Any])?.isEmpty == true })
        let hotline = try api.staffToken(.hotline)
        #expect(api.send(.get, "/v1/offices/rathaus/week", headers: [api.bearer(hotline)]).status == 403)
        #expect(
            api.send(.get, "/v1/offices/rathaus/week?from=2026-02-30", headers: [api.bearer(admin)]).status == 400)
    }

    @Test func thePreviewShowsTheWeekAsTheChangeWouldOpenIt() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-09", from: "10:00", reason: "Streik")
        let preview = api.send(
            .post, "/v1/configuration/preview", headers: [api.bearer(admin)],
            json: #"{"document":\#(document),"weekFrom":"2026-12-07"}"#)
        #expect(preview.status == 200)
        let weeks = try #require(preview.json["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["office"] as? String } == ["rathaus"])
        let wednesday = try #require((weeks.first?["days"] as? [[String: Any]])?[2])
        let one = try #require((wednesday["counters"] as? [[String: Any]])?.first)
        #expect((one["intervals"] as? [[String: Any]])?.map { $0["to"] as? String } == ["10:00"])
        #expect(one["closures"] as? [String] == ["Streik"])
    }

    @Test func cancellingWithNoticeListsThoseWithoutEmailForTheHotline() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let hotline = try api.staffToken(.hotline)
        let online = api.book("2026-12-08T08:00:00+01:00")
        let caller = Self.bookForCaller(api, "2026-12-08T08:30:00+01:00", token: hotline)
        let ids = try [online, caller].map { try #require($0.json["id"] as? String) }
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-08")
        let saved = api.send(
            .put, "/v1/configuration", headers: [api.bearer(admin), ("If-Match", "\"1\"")],
            json: ConfigurationRouteTests.body(document, decisions: [ids[0]: "cancel", ids[1]: "cancel"]))
        #expect(saved.status == 200)
        let cancelled = try #require(
            ((saved.json["offices"] as? [[String: Any]])?.first?["cancelled"]) as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: cancelled.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID[ids[0]]?["notice"] as? String == "email")
        #expect(byID[ids[0]]?["contact"] == nil, "mailed: not on the hotline's list")
        #expect(byID[ids[1]]?["notice"] as? String == "phone")
        #expect((byID[ids[1]]?["contact"] as? [String: Any])?["phone"] as? String == "0431 987654")
    }

    @Test func aKeptBookingIsListedForStaffWithWhyItIsFlagged() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let hotline = try api.staffToken(.hotline)
        let booked = api.book("2026-12-09T09:00:00+01:00")
        let reference = try #require(booked.json["reference"] as? String)
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-09", reason: "Wasserschaden")
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(admin)], json: ConfigurationRouteTests.body(document)
            )
            .status == 200)
        let list = api.send(.get, "/v1/offices/rathaus/flagged-bookings", headers: [api.bearer(hotline)])
        #expect(list.status == 200)
        let flagged = try #require(list.json["bookings"] as? [[String: Any]])
        #expect(flagged.map { ($0["booking"] as? [String: Any])?["reference"] as? String } == [reference])
        #expect(flagged.first?["reason"] as? String == "geschlossen: Wasserschaden")
        #expect(flagged.first?["version"] as? Int == 2)
        let nord = api.send(.get, "/v1/offices/nord/flagged-bookings", headers: [api.bearer(hotline)])
        #expect((nord.json["bookings"] as? [Any])?.isEmpty == true)
        let fragment = api.send(.get, "/staff/administration/offices/rathaus/flagged", headers: [api.bearer(admin)])
        #expect(fragment.text.contains(reference) && fragment.text.contains("geschlossen: Wasserschaden"))
        #expect(api.send(.get, "/v1/offices/rathaus/flagged-bookings").status == 401)
    }

    @Test func theAuditLogNamesWhoDidWhatToWhichBookingAndNoCitizen() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let hotline = try api.staffToken(.hotline)
        let caller = Self.bookForCaller(api, "2026-12-08T09:00:00+01:00", token: hotline)
        let reference = try #require(caller.json["reference"] as? String)
        let id = try #require(caller.json["id"] as? String)
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-08", reason: "Stromausfall")
        #expect(
            api.send(
                .put, "/v1/configuration", headers: [api.bearer(admin)],
                json: ConfigurationRouteTests.body(document, decisions: [id: "cancel"])
            ).status == 200)
        let log = api.send(.get, "/v1/audit-log", headers: [api.bearer(admin)])
        #expect(log.status == 200)
        let entries = try #require(log.json["entries"] as? [[String: Any]])
        let actions = entries.map { "\($0["action"]!) \($0["target"] ?? "-") \($0["role"]!)" }
        #expect(actions.contains("book \(reference) hotline"))
        #expect(actions.contains("cancel \(reference) admin"))
        #expect(entries.contains { $0["action"] as? String == "reconfigure" && $0["target"] as? String == "version 2" })
        #expect(
            entries.contains {
                $0["action"] as? String == "cancel" && $0["detail"] as? String == "configuration version 2"
            })
        for secret in ["Anton", "Anrufer", "0431", "987654"] {
            #expect(!log.text.contains(secret), "the log holds no contact data")
        }
        #expect(api.send(.get, "/v1/audit-log?limit=0", headers: [api.bearer(admin)]).status == 400)
        #expect(api.send(.get, "/v1/audit-log", headers: [api.bearer(hotline)]).status == 403)
        let page = try #require(
            api.send(.get, "/v1/audit-log?limit=1", headers: [api.bearer(admin)]).json["entries"] as? [[String: Any]])
        let older = api.send(
            .get, "/v1/audit-log?before=\(page.first?["id"] as? Int ?? 0)", headers: [api.bearer(admin)])
        #expect((older.json["entries"] as? [[String: Any]])?.count == entries.count - 1)
    }

    @Test func theConsoleIsAPageAndItsFragmentsNeedAnOfficeManager() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let page = api.send(.get, "/staff/administration", headers: [api.bearer(admin)])
        #expect(page.status == 200)
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(page.text.contains("id=\"close-day-date\"") && page.text.contains("value=\"2026-12-08\""))
        #expect(api.send(.get, "/staff/administration/history", headers: [api.bearer(admin)]).status == 200)
        let signedOut = api.send(.get, "/staff/administration/offices/rathaus/editor")
        #expect(signedOut.status == 303, "to the sign-in page")
        let hotline = try api.staffToken(.hotline)
        #expect(
            api.send(.get, "/staff/administration/offices/rathaus/editor", headers: [api.bearer(hotline)]).status == 403
        )
        let editor = api.send(.get, "/staff/administration/offices/rathaus/editor", headers: [api.bearer(admin)])
        #expect(editor.status == 200)
        #expect(editor.text.contains("data-path=\"offices[0].openingHours[0].from\""))
        #expect(editor.text.contains("data-path=\"services[0].fee.cents\""))
        #expect(editor.text.contains("Personalversammlung"))
        let nord = api.send(.get, "/staff/administration/offices/nord/editor", headers: [api.bearer(admin)])
        #expect(nord.text.contains("data-path=\"offices[1].openingHours[0].from\""))
        #expect(
            api.send(.get, "/staff/administration/offices/nowhere/editor", headers: [api.bearer(admin)]).status == 404)
        let week = api.send(
            .get, "/staff/administration/offices/rathaus/week?from=2026-12-07", headers: [api.bearer(admin)])
        #expect(week.text.contains("<table class=\"week-table\""))
        let history = api.send(.get, "/staff/administration/history/entries", headers: [api.bearer(admin)])
        #expect(history.text.contains("Version 1"))
    }

    @Test func aBadChangeIsShownInGermanBesideItsField() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let document = try #require(api.api.configuration.current.document)
        let bad = try #require(
            document.changingOffice("rathaus") { office in
                let rules = office["openingHours"]?.items ?? []
                return office.setting(
                    "openingHours",
                    to: .array(
                        rules + [
                            .object([
                                ("days", .array([.string("mon")])), ("from", .string("12:00")),
                                ("to", .string("14:00")),
                            ])
                        ]))
            })
        let preview = api.send(
            .post, "/staff/administration/offices/rathaus/preview", headers: [api.bearer(admin)],
            json: #"{"document":\#(bad.root.text(pretty: false))}"#)
        #expect(preview.status == 200)
        #expect(preview.text.contains("data-outcome=\"invalid\""))
        #expect(preview.text.contains("data-path=\"offices[0].openingHours[3]\""))
        #expect(
            preview.text.contains(
                "Überschneidet sich montags von 12:00 bis 12:30 Uhr mit „Bürgerbüro im Rathaus, Öffnungszeiten, Regel 1“"
            ))
        #expect(preview.text.contains("href=\"#f-offices-0-openingHours-3\""))
        #expect(api.api.configuration.version == 1)
    }

    @Test func closingADayPreviewsEveryBookingOfItWithCancelChosen() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let booked = api.book("2026-12-08T10:30:00+01:00")
        let reference = try #require(booked.json["reference"] as? String)
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-08", reason: "Streik")
        let preview = api.send(
            .post, "/staff/administration/offices/rathaus/preview", headers: [api.bearer(admin)],
            json: #"{"document":\#(document),"decision":"cancel","weekFrom":"2026-12-07"}"#)
        #expect(preview.text.contains("data-outcome=\"valid\""))
        #expect(preview.text.contains("Schließungen: neu – Di 08.12.2026 ganztägig: Streik"))
        #expect(preview.text.contains(reference))
        #expect(preview.text.contains("Betroffene Termine: 1"))
        #expect(preview.text.contains("name=\"decision-all\" value=\"cancel\" checked"))
        #expect(preview.text.contains("value=\"cancel\" data-booking="))
        #expect(preview.text.contains("geschlossen: Streik"))
    }

    /// Bookings sent while a closure of their day is saved either land before the change (and are
    /// then kept and flagged, or cancelled as decided) or after it (and are refused): none ends as
    /// an unflagged booking in the closed day.
    @Test func bookingsRacingAClosureNeverEndUnflaggedInsideIt() throws {
        let api = try APIHarness()
        let admin = try api.staffToken(.admin)
        let starts = (0..<16).map { index -> String in
            let minutes = 8 * 60 + index * 15
            return "2026-12-08T\(String(format: "%02d:%02d", minutes / 60, minutes % 60)):00+01:00"
        }
        let document = try ConfigurationRouteTests.closing(api, date: "2026-12-08", reason: "Warnstreik")
        let group = DispatchGroup()
        let answers = Mutex<[Int]>([])
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: starts.count) { index in
                let answer = api.book(starts[index], email: "racer\(index)@example.org")
                answers.withLock { $0.append(answer.status) }
            }
        }
        let saved = api.send(
            .put, "/v1/configuration", headers: [api.bearer(admin)], json: ConfigurationRouteTests.body(document))
        #expect(saved.status == 200)
        group.wait()
        #expect(answers.withLock { $0.count } == starts.count)
        let (active, flagged) = try api.database.reader.sync { connection in
            (
                try connection.activeBookings(office: "rathaus", endingAfter: api.clock.now).filter {
                    $0.start < Fixtures.instant("2026-12-09T00:00")
                },
                Set(try connection.bookingFlags(office: "rathaus").map(\.booking))
            )
        }
        for booking in active {
            #expect(flagged.contains(booking.id), "\(booking.reference) stays in the closed day unflagged")
        }
        let after = api.book("2026-12-08T12:00:00+01:00", email: "late@example.org")
        #expect(after.status != 201, "the closed day takes no booking")
    }
}
