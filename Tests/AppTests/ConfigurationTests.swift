import Foundation
import RathausTesting
import Scheduling
import Testing

@testable import App

@Suite struct ConfigurationTests {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = root.appendingPathComponent(MunicipalityLoader.demoPath).path

    func demoJSON() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.demo))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Decodes the demo configuration after `change` has edited its JSON.
    func decode(_ change: (inout [String: Any]) -> Void) throws -> Municipality {
        var json = try demoJSON()
        change(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let directory = URL(fileURLWithPath: Self.demo).deletingLastPathComponent()
        return try MunicipalityDecoder.decode(try JSONValue.parse(Array(data))) { name in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                return .failure(.init("no such file"))
            }
            return .success(text)
        }
    }

    @Test func theDemoMunicipalityLoadsWithWhatTheIssueAsksFor() throws {
        let town = try MunicipalityLoader.load(path: Self.demo)
        #expect(town.name == "Musterstadt")
        #expect(town.offices.count == 2)
        #expect(town.offices.reduce(0) { $0 + $1.counters.count } >= 8)
        #expect(town.services.count >= 12)
        let counters = town.offices.flatMap(\.counters)
        #expect(counters.contains { $0.hours.isEmpty && $0.contingent == .walkIn }, "a walk-in-only counter")
        #expect(counters.contains { $0.contingent == .hotline || $0.hours.contains { $0.contingent == .hotline } })
        let rathaus = try #require(town.office("rathaus"))
        #expect(rathaus.openingHours.contains { $0.weekdays.contains(.thursday) && $0.to.hhmm == "18:00" })
        #expect(!rathaus.breaks.isEmpty, "a lunch break")
        let nord = try #require(town.office("nord"))
        #expect(nord.openingHours.contains { $0.weekdays.contains(.saturday) })
        let vaccination = try #require(town.service("impfung"))
        #expect(
            counters.filter { $0.skills.contains(vaccination.id) }.allSatisfy {
                $0.hours.allSatisfy { $0.weekdays == [.monday] }
            })
        #expect(town.services.allSatisfy { !$0.documents.isEmpty }, "every service says what to bring")
    }

    @Test func everyServiceBookableOnlineHasOnlineTimeAtSomeOffice() throws {
        let town = try MunicipalityLoader.load(path: Self.demo)
        let now = Fixtures.instant("2026-12-07T07:30")
        for service in town.services where service.bookableOnline {
            let offered = try town.offices.filter { $0.offeredServices.contains(service.id) }.contains { office in
                try !OfficeSchedule(office: office, services: town.services).availability(
                    services: [service.id], persons: 1, channel: .online, from: Fixtures.date("2026-12-08"),
                    to: Fixtures.date("2026-12-21"), now: now
                ).days.isEmpty
            }
            #expect(offered, "no office offers online time for \(service.id)")
        }
    }

    @Test func anUnknownSkillNamesItsPath() {
        #expect(throws: JSONPathError(path: "offices[1].counters[1].skills[0]", message: "unknown service \"pass\"")) {
            try decode { json in
                var offices = json["offices"] as! [[String: Any]]
                var counters = offices[1]["counters"] as! [[String: Any]]
                var skills = counters[1]["skills"] as! [String]
                skills[0] = "pass"
                counters[1]["skills"] = skills
                offices[1]["counters"] = counters
                json["offices"] = offices
            }
        }
    }

    @Test(arguments: [
        ("timeZone", #""Europe/Musterstadt""#, "offices[0].timeZone: unknown time zone \"Europe/Musterstadt\""),
        ("state", #""DE-XX""#, "offices[0].state: unknown state \"DE-XX\"; use an ISO 3166-2 code such as DE-SH"),
        (
            "gridMinutes", "7",
            "offices[0].gridMinutes: must divide an hour: one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60"
        ),
        ("bookingStepMinutes", "12", "offices[0].bookingStepMinutes: must be a multiple of gridMinutes (5)"),
        ("id", #""Rathaus!""#, "offices[0].id: an id is 1 to 64 characters of a-z, 0-9, - and _, got \"Rathaus!\""),
        ("counters", "[]", "offices[0].counters: must not be empty"),
        ("opening", "1", "offices[0].opening: unknown field"),
        (
            "mapURL", #""http://www.openstreetmap.org/?mlat=54.3""#,
            "offices[0].mapURL: an https URL such as https://www.openstreetmap.org/?mlat=54.32&mlon=10.13, got \"http://www.openstreetmap.org/?mlat=54.3\""
        ),
        (
            "mapURL", #""https://karte.example/<script>""#,
            "offices[0].mapURL: an https URL such as https://www.openstreetmap.org/?mlat=54.32&mlon=10.13, got \"https://karte.example/<script>\""
        ),
        (
            "mapURL", #""https:///nohost""#,
            "offices[0].mapURL: an https URL such as https://www.openstreetmap.org/?mlat=54.32&mlon=10.13, got \"https:///nohost\""
        ),
    ])
    func badOfficeFieldsAreNamed(field: String, value: String, message: String) throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        do {
            _ = try decode { json in
                var offices = json["offices"] as! [[String: Any]]
                offices[0][field] = parsed
                json["offices"] = offices
            }
            Issue.record("accepted \(field) = \(value)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func anOfficeMayNameAMapAndAFeeMayHaveALowestRate() throws {
        let town = try MunicipalityLoader.load(path: Self.demo)
        #expect(town.office("rathaus")?.mapURL?.hasPrefix("https://www.openstreetmap.org/") == true)
        let passport = try #require(town.service("personalausweis"))
        #expect(passport.feeCents == 3700 && passport.lowestFeeCents == 2280)
        func fee(_ value: [String: Any]) throws {
            _ = try decode { json in
                var services = json["services"] as! [[String: Any]]
                services[0]["fee"] = value
                json["services"] = services
            }
        }
        try fee(["cents": 3700, "lowestCents": 3700])
        #expect(throws: JSONPathError(path: "services[0].fee.lowestCents", message: "must be from 0 to 3700, got 3701"))
        {
            try fee(["cents": 3700, "lowestCents": 3701])
        }
        #expect(
            throws: JSONPathError(
                path: "services[0].fee.lowestCents", message: "needs \"cents\", the highest rate, beside it")
        ) { try fee(["lowestCents": 100]) }
    }

    @Test func anOfficeHasAtMost64Counters() throws {
        func office(counters: Int) throws {
            _ = try decode { json in
                var offices = json["offices"] as! [[String: Any]]
                var list = offices[0]["counters"] as! [[String: Any]]
                let model = list[0]
                list += (list.count..<counters).map { index in
                    var counter = model
                    counter["id"] = "extra-\(index)"
                    return counter
                }
                offices[0]["counters"] = list
                json["offices"] = offices
            }
        }
        try office(counters: 64)
        #expect(
            throws: JSONPathError(path: "offices[0].counters", message: "at most 64 counters per office, got 65")
        ) { try office(counters: 65) }
    }

    @Test func aServiceInAnUnknownGroupIsRefused() {
        #expect(throws: JSONPathError(path: "services[0].group", message: "unknown group \"Z\"")) {
            try decode { json in
                var services = json["services"] as! [[String: Any]]
                services[0]["group"] = "Z"
                json["services"] = services
            }
        }
    }

    @Test func aClosureOfAnUnknownCounterIsRefused() {
        #expect(throws: JSONPathError(path: "offices[0].closures[0].counters[0]", message: "unknown counter \"99\"")) {
            try decode { json in
                var offices = json["offices"] as! [[String: Any]]
                offices[0]["closures"] = [["date": "2026-12-24", "counters": ["99"]]]
                json["offices"] = offices
            }
        }
    }

    @Test func theLoaderNamesTheFileForEveryKindOfFailure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rathaus-config-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.json")
        try Data("{\"municipality\": ".utf8).write(to: broken)
        #expect(
            throws: ConfigurationError(
                file: "broken.json", message: "not valid JSON: line 1, column 18: unexpected end of input")
        ) {
            try MunicipalityLoader.load(path: broken.path)
        }
        let missing = directory.appendingPathComponent("missing.json").path
        #expect(throws: ConfigurationError(file: missing, message: "no such file")) {
            try MunicipalityLoader.load(path: missing)
        }
        #expect(throws: ConfigurationError.self) { try MunicipalityLoader.load(path: directory.path) }
    }

    @Test func stateHolidaysRegionalCalendarsAndClosureFilesCloseTheOffice() throws {
        let town = try MunicipalityLoader.load(path: Self.demo)
        let rathaus = try #require(town.office("rathaus"))
        func reasons(_ iso: String) -> [String] { rathaus.closures(on: Fixtures.date(iso)).map(\.reason) }
        #expect(reasons("2026-12-25") == ["1. Weihnachtsfeiertag"], "a public holiday of Schleswig-Holstein")
        #expect(reasons("2027-10-31") == ["Reformationstag"])
        #expect(reasons("2026-12-24") == ["Heiligabend und Silvester: Verwaltung geschlossen"], "from the .ics file")
        #expect(reasons("2030-12-31") == ["Heiligabend und Silvester: Verwaltung geschlossen"], "its yearly rule")
        #expect(reasons("2026-12-11") == ["Betriebsausflug"])
        let stadtfest = try #require(rathaus.closures(on: Fixtures.date("2027-06-18")).first)
        #expect(stadtfest.from?.hhmm == "12:00" && stadtfest.to?.hhmm == "18:00")
        let schedule = OfficeSchedule(office: rathaus, services: town.services)
        let availability = try schedule.availability(
            services: ["personalausweis"], persons: 1, channel: .online, from: Fixtures.date("2026-12-10"),
            to: Fixtures.date("2026-12-14"), now: Fixtures.instant("2026-12-07T08:00"))
        #expect(
            availability.days.map(\.date.iso) == ["2026-12-10", "2026-12-14"], "Friday 11th is closed by the .ics file")
    }

    @Test func regionalHolidayCalendarsAreAddedByIdentifier() throws {
        let town = try decode { json in
            var offices = json["offices"] as! [[String: Any]]
            offices[0]["state"] = "DE-BY"
            offices[0]["holidayCalendars"] = ["DE-BY-augsburg"]
            offices[0]["closureCalendars"] = nil
            json["offices"] = offices
        }
        let office = try #require(town.offices.first)
        #expect(office.closures(on: Fixtures.date("2027-08-08")).map(\.reason) == ["Augsburger Friedensfest"])
        #expect(office.closures(on: Fixtures.date("2027-01-06")).map(\.reason) == ["Heilige Drei Könige"])
    }

    @Test func badHolidayAndClosureCalendarsAreNamed() throws {
        #expect(
            throws: JSONPathError(
                path: "offices[0].holidayCalendars[0]", message: "unknown holiday calendar \"DE-XX-foo\"")
        ) {
            try decode { json in
                var offices = json["offices"] as! [[String: Any]]
                offices[0]["holidayCalendars"] = ["DE-XX-foo"]
                json["offices"] = offices
            }
        }
        var json = try demoJSON()
        var offices = json["offices"] as! [[String: Any]]
        offices[0]["closureCalendars"] = ["missing.ics", "broken.ics"]
        json["offices"] = offices
        let root = try JSONValue.parse(Array(try JSONSerialization.data(withJSONObject: json)))
        #expect(throws: JSONPathError(path: "offices[0].closureCalendars[0]", message: "missing.ics: no such file")) {
            try MunicipalityDecoder.decode(root) { _ in .failure(.init("no such file")) }
        }
        do {
            _ = try MunicipalityDecoder.decode(root) { name in
                name == "missing.ics"
                    ? .success("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
                    : .success("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026133\nEND:VEVENT\nEND:VCALENDAR\n")
            }
            Issue.record("a broken calendar was accepted")
        } catch {
            #expect(error.path == "offices[0].closureCalendars[1]")
            #expect(error.message.hasPrefix("broken.ics: line 3"))
        }
    }

    @Test func whatACalendarReadWithAFallbackIsWarnedOf() throws {
        var json = try demoJSON()
        var offices = json["offices"] as! [[String: Any]]
        offices[0]["closureCalendars"] = ["mars.ics"]
        json["offices"] = offices
        let root = try JSONValue.parse(Array(try JSONSerialization.data(withJSONObject: json)))
        var warnings: [String] = []
        _ = try MunicipalityDecoder.decode(
            root,
            readCalendar: { name in
                name != "mars.ics"
                    ? .success("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
                    : .success(
                        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;TZID=Mars/Olympus:20261211T080000\n"
                            + "DTEND;TZID=Mars/Olympus:20261211T120000\nEND:VEVENT\nEND:VCALENDAR\n")
            },
            warn: { warnings.append($0) })
        #expect(
            warnings == [
                "offices[0].closureCalendars[0]: mars.ics: line 5: unknown time zone 'Mars/Olympus', read as Europe/Berlin"
            ])
    }

    @Test func theSummaryCountsBookableHoursPerContingent() throws {
        let town = try MunicipalityLoader.load(path: Self.demo)
        let text = ConfigurationSummary.text(town, week: Fixtures.date("2026-11-30"))
        #expect(text.hasPrefix("Musterstadt: 2 offices, 9 counters, 15 services, 5 ticket groups"))
        #expect(text.contains("online 89.8 h, hotline 123.8 h, counter staff 137.3 h"))
        #expect(ConfigurationSummary.monday(onOrAfter: Fixtures.date("2026-12-08")).iso == "2026-12-14")
        #expect(ConfigurationSummary.monday(onOrAfter: Fixtures.date("2026-12-07")).iso == "2026-12-07")
    }
}
