import Foundation
package import Scheduling

/// One version of the municipality's configuration: the document (the JSON of the
/// configuration file's format), the closure calendars it names (file name → text, so that the
/// database alone holds everything), and who made it, how and what it changed.
package struct ConfigurationVersion: Sendable, Equatable {
    /// How a version came about.
    package enum Source: String, Sendable {
        /// Read from the configuration file (at the first start, or a changed file at a start).
        case file
        /// Made in the administration console or through the API.
        case console
    }

    /// 1, 2, 3 …
    package var number: Int
    package var at: Instant
    /// Who made it: a staff member's or token's id, or the file's name.
    package var actor: String
    package var source: Source
    /// What it changed, in words (never a citizen's data).
    package var summary: String
    package var document: [UInt8]
    package var calendars: [String: String]
    /// The SHA-256 of the file it was read from (source `file`), in hex.
    package var fileHash: String?

    package init(
        number: Int, at: Instant, actor: String, source: Source, summary: String, document: [UInt8],
        calendars: [String: String], fileHash: String? = nil
    ) {
        self.number = number
        self.at = at
        self.actor = actor
        self.source = source
        self.summary = summary
        self.document = document
        self.calendars = calendars
        self.fileHash = fileHash
    }
}

/// A booking left outside its office's hours by a configuration change, on purpose or because
/// the change was made while the server was stopped: staff see it and decide.
package struct BookingFlag: Sendable, Equatable {
    package var booking: BookingID
    /// The configuration version that left it there (nil: found at a start).
    package var version: Int?
    /// Why it no longer fits, in words.
    package var reason: String
    package var flaggedAt: Instant

    package init(booking: BookingID, version: Int?, reason: String, flaggedAt: Instant) {
        self.booking = booking
        self.version = version
        self.reason = reason
        self.flaggedAt = flaggedAt
    }
}

extension SQLiteConnection {
    // MARK: Configuration versions

    /// Stores a version; its number must be the next one (a second writer of the same number
    /// fails on the primary key).
    package func insertConfigurationVersion(_ version: ConfigurationVersion) throws {
        var calendars = "{"
        calendars += version.calendars.sorted { $0.key < $1.key }.map {
            Self.jsonString($0.key) + ":" + Self.jsonString($0.value)
        }
        .joined(separator: ",")
        calendars += "}"
        try execute(
            """
            INSERT INTO configuration_version (number, at, actor, source, summary, document, calendars, file_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                version.number, version.at.secondsSinceEpoch, version.actor, version.source.rawValue, version.summary,
                version.document, Array(calendars.utf8), version.fileHash,
            ])
    }

    /// The newest version, if there is any.
    package func latestConfigurationVersion() throws -> ConfigurationVersion? {
        try queryFirst("SELECT \(Self.versionColumns) FROM configuration_version ORDER BY number DESC LIMIT 1").map(
            Self.configurationVersion)
    }

    /// The newest version from `source`.
    package func latestConfigurationVersion(source: ConfigurationVersion.Source) throws -> ConfigurationVersion? {
        try queryFirst(
            "SELECT \(Self.versionColumns) FROM configuration_version WHERE source = ? ORDER BY number DESC LIMIT 1",
            [source.rawValue]
        ).map(Self.configurationVersion)
    }

    /// Version `number`.
    package func configurationVersion(_ number: Int) throws -> ConfigurationVersion? {
        try queryFirst("SELECT \(Self.versionColumns) FROM configuration_version WHERE number = ?", [number]).map(
            Self.configurationVersion)
    }

    /// The newest versions first, without their documents' calendars (the history's list).
    package func configurationHistory(limit: Int) throws -> [ConfigurationVersion] {
        try query(
            "SELECT \(Self.versionColumns) FROM configuration_version ORDER BY number DESC LIMIT ?", [limit]
        ).map(Self.configurationVersion)
    }

    /// Deletes versions older than `before`, never the newest one; returns how many.
    @discardableResult
    package func deleteConfigurationVersions(before: Instant) throws -> Int {
        try execute(
            """
            DELETE FROM configuration_version
            WHERE at < ? AND number < (SELECT max(number) FROM configuration_version)
            """, [before.secondsSinceEpoch])
        return changes
    }

    private static let versionColumns = "number, at, actor, source, summary, document, calendars, file_hash"

    private static func configurationVersion(_ row: Row) throws -> ConfigurationVersion {
        let source: String = try row.value(at: 3)
        let calendarsText = String(decoding: try row.value(at: 6, as: [UInt8].self), as: UTF8.self)
        return ConfigurationVersion(
            number: try row.value(at: 0), at: Instant(secondsSinceEpoch: try row.value(at: 1)),
            actor: try row.value(at: 2), source: ConfigurationVersion.Source(rawValue: source) ?? .console,
            summary: try row.value(at: 4), document: try row.value(at: 5),
            calendars: try decodeCalendars(calendarsText), fileHash: try row.value(at: 7))
    }

    /// The calendars' JSON object (file name → text), written by `insertConfigurationVersion`.
    private static func decodeCalendars(_ text: String) throws -> [String: String] {
        guard let data = text.data(using: .utf8),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
        else { throw StorageConflict.unknownRecord("configuration calendars") }
        return object
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                output +=
                    "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    // MARK: Flagged bookings

    /// Flags a booking (or flags it again with a new reason).
    package func flagBooking(_ flag: BookingFlag) throws {
        try execute(
            """
            INSERT INTO booking_flag (booking, version, reason, flagged_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (booking) DO UPDATE SET version = excluded.version, reason = excluded.reason,
                flagged_at = excluded.flagged_at
            """, [flag.booking.rawValue, flag.version, flag.reason, flag.flaggedAt.secondsSinceEpoch])
    }

    /// Flags a booking that has no flag yet (a flag set by a change keeps its reason).
    package func flagBookingUnlessFlagged(_ flag: BookingFlag) throws {
        try execute(
            """
            INSERT INTO booking_flag (booking, version, reason, flagged_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (booking) DO NOTHING
            """, [flag.booking.rawValue, flag.version, flag.reason, flag.flaggedAt.secondsSinceEpoch])
    }

    /// Takes the flag off a booking that fits again (or was moved or cancelled).
    package func unflagBooking(_ id: BookingID) throws {
        try execute("DELETE FROM booking_flag WHERE booking = ?", [id.rawValue])
    }

    /// The flags of an office's active bookings.
    package func bookingFlags(office: OfficeID) throws -> [BookingFlag] {
        try query(
            """
            SELECT f.booking, f.version, f.reason, f.flagged_at FROM booking_flag f JOIN booking b ON b.id = f.booking
            WHERE b.office = ? AND b.status = 'booked' ORDER BY b.starts_at
            """, [office.rawValue]
        ).map { row in
            BookingFlag(
                booking: BookingID(try row.value(at: 0, as: String.self)), version: try row.value(at: 1),
                reason: try row.value(at: 2), flaggedAt: Instant(secondsSinceEpoch: try row.value(at: 3)))
        }
    }
}
