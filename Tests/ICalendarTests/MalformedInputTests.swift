import Scheduling
import Testing

@testable import ICalendar

@Suite struct MalformedInputTests {
    private func error(_ body: [String]) throws -> ICalendarError? {
        try Fixtures.error(reading: Fixtures.calendar(body))
    }

    private func eventError(_ properties: [String]) throws -> ICalendarError? {
        try Fixtures.error(reading: Fixtures.event(properties))
    }

    @Test func garbageIsNotACalendar() throws {
        #expect(try Fixtures.error(reading: "hello world\r\nfoo") == .notACalendar(line: 1, found: "hello world"))
        #expect(
            try Fixtures.error(reading: "<!DOCTYPE html><html>")
                == .notACalendar(line: 1, found: "<!DOCTYPE html><html>"))
        #expect(
            try Fixtures.error(reading: "BEGIN:VEVENT\r\nEND:VEVENT") == .notACalendar(line: 1, found: "BEGIN:VEVENT"))
    }

    @Test func emptyInputIsAnError() throws {
        #expect(try Fixtures.error(reading: "") == .emptyInput)
        #expect(try Fixtures.error(reading: "\r\n\n\r\n") == .emptyInput)
        #expect(ICalendarError.emptyInput.description == "the input contains no iCalendar data")
    }

    @Test func truncatedFilesNameTheComponentLeftOpen() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:2026"
        let truncated = try Fixtures.error(reading: text)
        #expect(truncated == .unterminatedComponent(line: 3, name: "VEVENT"))
        #expect(truncated?.description == "line 3: BEGIN:VEVENT has no END:VEVENT")
        #expect(
            try Fixtures.error(reading: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                == .unterminatedComponent(line: 1, name: "VCALENDAR"))
        // A calendar that ends while an event is open.
        #expect(try error(["BEGIN:VEVENT", "UID:a"]) == .unterminatedComponent(line: 4, name: "VEVENT"))
    }

    @Test func everyTruncationOfARealExportFailsCleanlyOrReads() throws {
        let bytes = try Fixtures.bytes("outlook-schliesstage.ics")
        for length in stride(from: 0, to: bytes.count, by: 7) {
            _ = try Fixtures.error(reading: Array(bytes.prefix(length)))
        }
    }

    @Test(arguments: [
        ("DTSTART;VALUE=DATE:20261332", "DTSTART", "20261332"),
        ("DTSTART;VALUE=DATE:20260230", "DTSTART", "20260230"),
        ("DTSTART:20261201T250000", "DTSTART", "20261201T250000"),
        ("DTSTART:20261201T1000", "DTSTART", "20261201T1000"),
        ("DTSTART:20261201T100000X", "DTSTART", "20261201T100000X"),
        ("DTSTART:2026-12-01", "DTSTART", "2026-12-01"),
        ("DTSTART:morgen", "DTSTART", "morgen"),
        ("DTSTART;VALUE=DATE:20261201T100000", "DTSTART", "20261201T100000"),
    ])
    func badDatesNameTheLineAndTheValue(property: String, name: String, value: String) throws {
        let found = try eventError([property])
        #expect(found == .invalidValue(line: 7, property: name, value: value))
        #expect(found?.description == "line 7: '\(value)' is not a valid \(name) value")
    }

    @Test func otherBadValuesAreNamed() throws {
        #expect(
            try eventError(["DTSTART;VALUE=PERIOD:20261201T100000Z/PT1H"])
                == .invalidValue(line: 7, property: "DTSTART;VALUE", value: "PERIOD"))
        #expect(
            try eventError(["DTSTART:20261201T100000", "DURATION:1 hour"])
                == .invalidValue(line: 8, property: "DURATION", value: "1 hour"))
        #expect(
            try eventError(["DTSTART:20261201T100000", "SEQUENCE:zwei"])
                == .invalidValue(line: 8, property: "SEQUENCE", value: "zwei"))
        #expect(
            try eventError(["DTSTART:20261201T100000", "EXDATE:20261208T100000,gestern"])
                == .invalidValue(line: 8, property: "EXDATE", value: "gestern"))
    }

    @Test(arguments: [
        ("FREQ=SECONDLY", ICalendarError.unsupportedRecurrenceRule(line: 8, part: "FREQ", value: "SECONDLY")),
        ("FREQ=HOURLY;INTERVAL=2", .unsupportedRecurrenceRule(line: 8, part: "FREQ", value: "HOURLY")),
        ("FREQ=DAILY;COUNT=-1", .invalidRecurrenceRule(line: 8, part: "COUNT", value: "-1")),
        ("FREQ=DAILY;COUNT=0", .invalidRecurrenceRule(line: 8, part: "COUNT", value: "0")),
        ("FREQ=DAILY;COUNT=99999999999", .invalidRecurrenceRule(line: 8, part: "COUNT", value: "99999999999")),
        ("FREQ=FORTNIGHTLY", .invalidRecurrenceRule(line: 8, part: "FREQ", value: "FORTNIGHTLY")),
        ("INTERVAL=2", .invalidRecurrenceRule(line: 8, part: "FREQ", value: "missing")),
        ("FREQ=WEEKLY;INTERVAL=0", .invalidRecurrenceRule(line: 8, part: "INTERVAL", value: "0")),
        ("FREQ=WEEKLY;BYDAY=1MO", .invalidRecurrenceRule(line: 8, part: "BYDAY", value: "1MO")),
        ("FREQ=MONTHLY;BYDAY=6MO", .invalidRecurrenceRule(line: 8, part: "BYDAY", value: "6MO")),
        ("FREQ=MONTHLY;BYDAY=XX", .invalidRecurrenceRule(line: 8, part: "BYDAY", value: "XX")),
        ("FREQ=YEARLY;BYMONTH=13", .invalidRecurrenceRule(line: 8, part: "BYMONTH", value: "13")),
        ("FREQ=MONTHLY;BYMONTHDAY=0", .invalidRecurrenceRule(line: 8, part: "BYMONTHDAY", value: "0")),
        ("FREQ=WEEKLY;BYMONTHDAY=1", .invalidRecurrenceRule(line: 8, part: "BYMONTHDAY", value: "1")),
        (
            "FREQ=DAILY;COUNT=3;UNTIL=20261231",
            .invalidRecurrenceRule(line: 8, part: "UNTIL", value: "together with COUNT")
        ),
        ("FREQ=DAILY;UNTIL=20261232", .invalidRecurrenceRule(line: 8, part: "UNTIL", value: "20261232")),
        ("FREQ=DAILY;FREQ=WEEKLY", .invalidRecurrenceRule(line: 8, part: "FREQ", value: "repeated")),
        ("FREQ=YEARLY;BYWEEKNO=20", .unsupportedRecurrenceRule(line: 8, part: "BYWEEKNO", value: "20")),
        ("FREQ=DAILY;BYHOUR=9", .unsupportedRecurrenceRule(line: 8, part: "BYHOUR", value: "9")),
        ("FREQ=DAILY;BYSETPOS=1", .invalidRecurrenceRule(line: 8, part: "BYSETPOS", value: "1")),
        ("FREQ=DAILY;WKST=XX", .invalidRecurrenceRule(line: 8, part: "WKST", value: "XX")),
        ("FREQ=DAILY;FOO=1", .invalidRecurrenceRule(line: 8, part: "FOO", value: "unknown part")),
        ("FREQ", .invalidRecurrenceRule(line: 8, part: "FREQ", value: "")),
    ])
    func badRecurrenceRulesAreRejectedWithThePart(rule: String, expected: ICalendarError) throws {
        #expect(try eventError(["DTSTART:20261201T100000", "RRULE:" + rule]) == expected)
    }

    @Test func recurrenceRuleErrorsReadWell() {
        #expect(
            ICalendarError.unsupportedRecurrenceRule(line: 8, part: "FREQ", value: "SECONDLY").description
                == "line 8: RRULE part FREQ=SECONDLY is not supported")
        #expect(
            ICalendarError.invalidRecurrenceRule(line: 8, part: "COUNT", value: "-1").description
                == "line 8: RRULE part COUNT=-1 is invalid")
    }

    @Test func structuralErrorsNameTheirLines() throws {
        #expect(
            try error(["BEGIN:VEVENT", "UID:a", "END:VTODO"])
                == .mismatchedEnd(line: 6, expected: "VEVENT", found: "VTODO"))
        #expect(
            try Fixtures.error(reading: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n")
                == .unexpectedEnd(line: 3, name: "VEVENT"))
        #expect(
            try Fixtures.error(reading: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:x\r\n")
                == .propertyOutsideComponent(line: 3, name: "SUMMARY"))
        #expect(try error(["SUMMARY Heiligabend"]) == .missingColon(line: 4))
        #expect(try error(["SUM MARY:x"]) == .invalidName(line: 4, name: "SUM MARY"))
        #expect(try error(["X-A;=b:c"]) == .malformedParameter(line: 4, parameter: "=b:c"))
        #expect(
            try error(["DTSTART;TZID=\"Europe/Berlin:20260101T100000"])
                == .malformedParameter(line: 4, parameter: "TZID=\"Europe/Berlin:20260101T100000"))
        #expect(try error(["DTSTART;VALUE:20260101"]) == .malformedParameter(line: 4, parameter: "VALUE:20260101"))
        #expect(try error(["X-A;B=\"x\"y:z"]) == .malformedParameter(line: 4, parameter: "B=\"x\"y:z"))
        #expect(try error(["X-A;B=x\"y:z"]) == .malformedParameter(line: 4, parameter: "B=x\"y:z"))
        #expect(try error(["X-A;B=c"]) == .malformedParameter(line: 4, parameter: "B=c"))
        #expect(try error(["BEGIN:", "END:"]) == .invalidValue(line: 4, property: "BEGIN", value: ""))
        #expect(try Fixtures.error(reading: " BEGIN:VCALENDAR\r\n") == .continuationWithoutLine(line: 1))
    }

    @Test func eventErrorsNameTheirLines() throws {
        #expect(
            try eventError(["SUMMARY:ohne Beginn"])
                == .missingProperty(line: 4, component: "VEVENT", property: "DTSTART"))
        #expect(try eventError(["DTSTART:20261201T100000", "DTEND:20261201T090000"]) == .endBeforeStart(line: 8))
        #expect(
            try eventError(["DTSTART;VALUE=DATE:20261202", "DTEND;VALUE=DATE:20261201"]) == .endBeforeStart(line: 8))
        #expect(try eventError(["DTSTART:20261201T100000", "DURATION:-PT1H"]) == .endBeforeStart(line: 8))
        #expect(
            try eventError(["DTSTART:20261201T100000", "DTEND;VALUE=DATE:20261202"])
                == .valueTypeMismatch(line: 8, property: "DTEND"))
        #expect(
            try eventError(["DTSTART:20261201T100000", "DTEND:20261201T110000", "DURATION:PT1H"])
                == .endAndDuration(line: 8))
        #expect(
            try eventError(["DTSTART:20261201T100000", "DTSTART:20261201T110000"])
                == .duplicateProperty(line: 8, property: "DTSTART"))
        #expect(
            try eventError(["DTSTART:20261201T100000", "RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY"])
                == .duplicateProperty(line: 9, property: "RRULE"))
        #expect(
            try Fixtures.error(reading: "BEGIN:VCALENDAR\r\nVERSION:1.0\r\nEND:VCALENDAR\r\n")
                == .unsupportedVersion(line: 2, version: "1.0"))
        #expect(try error(["CALSCALE:CHINESE"]) == .unsupportedCalendarScale(line: 4, scale: "CHINESE"))
    }

    @Test func binaryBytesAreRejectedWithTheirLine() throws {
        let head = Array("BEGIN:VCALENDAR\r\n".utf8)
        let zero = try Fixtures.error(reading: head + Array("SUMMARY:a".utf8) + [0x00, 0x01] + Array("\r\n".utf8))
        #expect(zero == .controlCharacter(line: 2, byte: 0x00))
        #expect(zero?.description == "line 2: control character 0x00 is not allowed")
        let latin1 = try Fixtures.error(reading: head + Array("SUMMARY:B".utf8) + [0xFC] + Array("ro\r\n".utf8))
        #expect(latin1 == .invalidUTF8(line: 2))
        let random = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        #expect(try Fixtures.error(reading: random) != nil)
        #expect(try Fixtures.error(reading: head + random) != nil)
    }

    @Test func anEnormousLineIsRejectedWithoutReadingIt() throws {
        let limit = ICalendarLimits().maximumLineOctets
        let long = "BEGIN:VCALENDAR\r\nDESCRIPTION:" + String(repeating: "a", count: limit) + "\r\nEND:VCALENDAR\r\n"
        #expect(try Fixtures.error(reading: long) == .lineTooLong(line: 2, limit: limit))
        // The same length reached by folding.
        let folded =
            "BEGIN:VCALENDAR\r\nDESCRIPTION:x\r\n"
            + String(repeating: " " + String(repeating: "b", count: 74) + "\r\n", count: limit / 74 + 1)
        #expect(try Fixtures.error(reading: folded) == .lineTooLong(line: 2, limit: limit))
        let unterminated = "BEGIN:VCALENDAR\r\nX-A:" + String(repeating: "z", count: limit + 10)
        #expect(try Fixtures.error(reading: unterminated) == .lineTooLong(line: 2, limit: limit))
    }

    @Test func deepNestingIsRejected() throws {
        let depth = ICalendarLimits().maximumNestingDepth
        let body = (0..<depth).map { "BEGIN:X-LEVEL\($0)" } + (0..<depth).reversed().map { "END:X-LEVEL\($0)" }
        #expect(try error(body) == .nestingTooDeep(line: 3 + depth, limit: depth))
        let fits = (0..<depth - 1).map { "BEGIN:X-LEVEL\($0)" } + (0..<depth - 1).reversed().map { "END:X-LEVEL\($0)" }
        #expect(try error(fits) == nil)
    }

    @Test func randomlyDamagedExportsNeverCrashOrHang() throws {
        var random = SeededRandom(seed: 0x5EED_1CA1)
        let berlin = try Fixtures.berlin()
        let range = try Fixtures.dates("2020-01-01", "2030-12-31")
        for name in ["outlook-schliesstage.ics", "google-schliesszeiten.ics", "thunderbird-schliesstage.ics"] {
            let original = try Fixtures.bytes(name)
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.remove(at: index)
                    case 2:
                        bytes.insert(
                            Array(":;,\"=\\\r\n 0123456789-TZ".utf8).randomElement(using: &random) ?? 0, at: index)
                    default:
                        bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...40, using: &random)))
                    }
                }
                guard let reading = try? ICalendarReader(defaultZone: berlin).read(bytes: bytes) else { continue }
                _ = try? reading.document.occurrences(in: range, zone: berlin)
            }
        }
    }
}

/// A deterministic random number generator (SplitMix64), so a failing case can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
