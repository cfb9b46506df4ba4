import Foundation
package import Scheduling
import Storage

/// Which configuration a start serves, the file's or the database's (Documentation/Administration.md,
/// "The file and the console"):
///
/// - a database with no version takes the file as version 1;
/// - the file as last read (the same SHA-256) goes on being served as it is stored;
/// - a changed file is read as a new version when nobody changed the configuration in the
///   console since the file was last read: a town that keeps its configuration in version control
///   deploys a change by restarting; bookings it no longer fits are kept and flagged;
/// - a changed file is not read when the console changed the configuration since: the database
///   wins, and a note says how to apply the file (`rathaus config apply`) or save the console's
///   version (`rathaus config export`).
package enum ConfigurationStartup {
    /// What a start serves and what to tell the operator.
    package struct Resolved: Sendable {
        package var state: LiveConfiguration.State
        package var notes: [String]
    }

    /// Resolves the configuration for the database at `path` (made and migrated if need be) from
    /// the file's `document`, named `fileName`.
    package static func resolve(
        file document: ConfigurationDocument, fileName: String, fileBytes: [UInt8], databasePath path: String,
        now: Instant
    ) throws -> Resolved {
        try RathausSchema.migrator.checkFile(at: path)
        let connection = try SQLiteConnection(path: path)
        defer { try? connection.close() }
        try RathausSchema.migrator.migrate(connection)
        let hash = Self.hex(SHA256.hash(fileBytes))
        let latest = try connection.latestConfigurationVersion()
        let lastFile = try connection.latestConfigurationVersion(source: .file)
        if let latest, lastFile?.fileHash == hash || (latest.source == .console && lastFile?.fileHash != hash) {
            let stored = ConfigurationDocument(root: try JSONValue.parse(latest.document), calendars: latest.calendars)
            let municipality = try stored.municipality()
            var notes: [String] = []
            if lastFile?.fileHash != hash {
                notes.append(
                    "\(fileName) differs from the configuration in the database (version \(latest.number), changed in the console on \(RFC3339.format(latest.at, offsetSeconds: 0))); serving the database's. Apply the file with 'rathaus config apply \(fileName)', or save the database's with 'rathaus config export > \(fileName)'."
                )
            }
            return Resolved(
                state: LiveConfiguration.State(municipality: municipality, version: latest.number, document: stored),
                notes: notes)
        }
        let municipality = try document.municipality()
        let number = (latest?.number ?? 0) + 1
        let summary =
            latest.flatMap { previous in
                (try? JSONValue.parse(previous.document)).map {
                    ConfigurationDiff.summary(from: $0, to: document.root)
                }
            } ?? "read from \(fileName)"
        try connection.transaction(.immediate) {
            try connection.insertConfigurationVersion(
                ConfigurationVersion(
                    number: number, at: now, actor: fileName, source: .file, summary: summary, document: document.bytes,
                    calendars: document.calendars, fileHash: hash))
        }
        let notes =
            latest == nil ? [] : ["\(fileName) changed: read as configuration version \(number)."]
        return Resolved(
            state: LiveConfiguration.State(municipality: municipality, version: number, document: document),
            notes: notes)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }
}
