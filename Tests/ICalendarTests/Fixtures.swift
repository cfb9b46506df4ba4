import Foundation
import Scheduling
import Testing

@testable import ICalendar

/// Test inputs: the fixture files next to this file, and small builders for inline calendars.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    /// The repository's root, three levels above this file (Tests/ICalendarTests/Fixtures.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func berlin() throws -> OfficeTimeZone {
        try #require(OfficeTimeZone(identifier: "Europe/Berlin"))
    }

    static func zone(_ identifier: String) throws -> OfficeTimeZone {
        try #require(OfficeTimeZone(identifier: identifier))
    }

    static func date(_ iso: String) throws -> LocalDate {
        try #require(LocalDate(iso: iso))
    }

    static func dates(_ from: String, _ to: String) throws -> ClosedRange<LocalDate> {
        try date(from)...date(to)
    }

    /// A VCALENDAR around `body` lines, joined with CRLF.
    static func calendar(_ body: [String]) -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rathaus Tests//EN"] + body + ["END:VCALENDAR"])
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A VCALENDAR with one VEVENT made of `properties` (UID and DTSTAMP added).
    static func event(_ properties: [String], uid: String = "test-1") -> String {
        calendar(["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260101T000000Z"] + properties + ["END:VEVENT"])
    }

    static func read(_ text: String, zone: OfficeTimeZone? = nil, limits: ICalendarLimits = ICalendarLimits())
        throws -> ICalendarReading
    {
        try ICalendarReader(defaultZone: zone ?? berlin(), limits: limits).read(text)
    }

    /// The error reading `text` throws, or nil when it reads.
    static func error(reading text: String, limits: ICalendarLimits = ICalendarLimits()) throws -> ICalendarError? {
        try error(reading: Array(text.utf8), limits: limits)
    }

    static func error(reading bytes: [UInt8], limits: ICalendarLimits = ICalendarLimits()) throws -> ICalendarError? {
        let reader = ICalendarReader(defaultZone: try berlin(), limits: limits)
        do {
            _ = try reader.read(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    /// Closures as `date from-to reason` lines, for readable expectations.
    static func describe(_ closures: [ClosureOccurrence]) -> [String] {
        closures.map { closure in
            closure.isWholeDay
                ? "\(closure.date.iso) whole \(closure.reason)"
                : "\(closure.date.iso) \(closure.from.hhmm)-\(closure.to.hhmm) \(closure.reason)"
        }
    }

    /// Starts of timed occurrences as RFC 3339 in `zone`, or `date` for all-day ones.
    static func describe(_ occurrences: [ICalendarOccurrence], in zone: OfficeTimeZone) -> [String] {
        occurrences.map { occurrence in
            switch occurrence.span {
            case .days(let first, let last): first == last ? first.iso : "\(first.iso)..\(last.iso)"
            case .time(let start, _): RFC3339.format(start, offsetSeconds: zone.offsetSeconds(at: start))
            }
        }
    }
}
