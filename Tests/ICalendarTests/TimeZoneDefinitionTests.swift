import Scheduling
import Testing

@testable import ICalendar

@Suite struct TimeZoneDefinitionTests {
    @Test func berlinIsWrittenWithEuropeanRules() throws {
        let component = TimeZoneDefinition.component(for: try Fixtures.berlin(), years: 2026...2026)
        #expect(
            component.serialized == """
                BEGIN:VTIMEZONE\r
                TZID:Europe/Berlin\r
                X-LIC-LOCATION:Europe/Berlin\r
                BEGIN:DAYLIGHT\r
                TZOFFSETFROM:+0100\r
                TZOFFSETTO:+0200\r
                DTSTART:20250330T020000\r
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
                END:DAYLIGHT\r
                BEGIN:STANDARD\r
                TZOFFSETFROM:+0200\r
                TZOFFSETTO:+0100\r
                DTSTART:20251026T030000\r
                RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
                END:STANDARD\r
                END:VTIMEZONE\r

                """)
    }

    @Test func zonesWithoutChangesHaveOneStandardObservance() throws {
        let component = TimeZoneDefinition.component(for: try Fixtures.zone("Asia/Tokyo"), years: 2026...2027)
        #expect(component.components.map(\.name) == ["STANDARD"])
        #expect(
            component.components[0].properties.map(\.unfolded) == [
                "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "DTSTART:19700101T000000",
            ])
    }

    @Test func otherRulesUseTheirOwnWeekOfTheMonth() throws {
        let newYork = TimeZoneDefinition.component(for: try Fixtures.zone("America/New_York"), years: 2026...2030)
        #expect(
            newYork.components.flatMap { $0.properties("RRULE") }.map(\.value) == [
                "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            ])
        let sydney = TimeZoneDefinition.component(for: try Fixtures.zone("Australia/Sydney"), years: 2026...2030)
        #expect(sydney.components.map(\.name) == ["STANDARD", "DAYLIGHT"])
    }

    /// Every offset change the written VTIMEZONE describes, computed back from its observances.
    private func describedChanges(_ component: ICalendarComponent, years: ClosedRange<Int>) throws -> [String] {
        var changes: [(Instant, String)] = []
        for observance in component.components {
            let start = try #require(observance.properties("DTSTART").first?.value)
            let from = try #require(observance.properties("TZOFFSETFROM").first?.value)
            let offset = try #require(Self.seconds(from))
            let to = try #require(observance.properties("TZOFFSETTO").first?.value)
            // An observance that changes nothing (a zone without changes) describes no change.
            guard to != from else { continue }
            guard case .floating(let date, let second)? = ICalendarTime.parse(start, isDate: false, zone: nil) else {
                Issue.record("DTSTART \(start) is not a local date-time")
                continue
            }
            var dates = [date]
            if let text = observance.properties("RRULE").first?.value {
                let rule = try RecurrenceRule.parse(text, line: 0)
                var steps = 0
                let last = try #require(LocalDate(year: years.upperBound, month: 12, day: 31))
                dates = try rule.dates(
                    start: date, window: date...last, isPastUntil: { _ in false }, steps: &steps, stepLimit: 10_000,
                    line: 0)
            }
            changes += dates.map {
                (Instant(secondsSinceEpoch: Int64($0.dayNumber) * 86_400 + Int64(second - offset)), to)
            }
        }
        return changes.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }
    }

    private static func seconds(_ offset: String) -> Int? {
        let bytes = Array(offset.utf8)
        guard bytes.count == 5 || bytes.count == 7, let hours = Int(String(decoding: bytes[1..<3], as: UTF8.self)),
            let minutes = Int(String(decoding: bytes[3..<5], as: UTF8.self))
        else { return nil }
        let extra = bytes.count == 7 ? Int(String(decoding: bytes[5..<7], as: UTF8.self)) ?? 0 : 0
        let magnitude = hours * 3600 + minutes * 60 + extra
        return bytes[0] == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    @Test(arguments: [
        "Europe/Berlin", "Europe/London", "America/New_York", "Australia/Sydney", "Europe/Moscow", "Africa/Casablanca",
        "America/Sao_Paulo", "Asia/Tokyo",
    ])
    func theWrittenDefinitionReproducesEveryOffsetChange(identifier: String) throws {
        let zone = try Fixtures.zone(identifier)
        let years = 2010...2030
        let component = TimeZoneDefinition.component(for: zone, years: years)
        let actual = (years.lowerBound - 1...years.upperBound).flatMap {
            TimeZoneDefinition.transitions(of: zone, in: $0)
        }
        #expect(
            try describedChanges(component, years: years)
                == actual.map { "\($0.instant) \(TimeZoneDefinition.offset($0.to))" })
        // Between the changes, the offset is the one the last observance changed to.
        for change in actual {
            let before = zone.offsetSeconds(at: change.instant.adding(seconds: -1))
            #expect(before == change.from)
            #expect(zone.offsetSeconds(at: change.instant) == change.to)
        }
    }
}
