import RathausTesting
import Scheduling
import Testing

@testable import Storage

/// The history (configuration versions and the audit log) is kept for the configured days, each
/// its own; the newest version always stays, whatever its age.
@Suite struct HistoryRetentionTests {
    static func version(_ number: Int, at: String) -> ConfigurationVersion {
        ConfigurationVersion(
            number: number, at: Fixtures.instant(at), actor: "tok-\(number)", source: .console, summary: "x",
            document: Array("{}".utf8), calendars: [:])
    }

    @Test func oldVersionsAndEntriesGoButTheNewestVersionStays() throws {
        try withTemporaryDirectory { directory in
            let connection = try SQLiteConnection(path: directory.file("rathaus.sqlite"))
            try RathausSchema.migrator.migrate(connection)
            let actor = StaffActor(id: "tok-1", role: "admin")
            try connection.transaction(.immediate) {
                try connection.insertConfigurationVersion(Self.version(1, at: "2026-01-05T09:00"))
                try connection.insertConfigurationVersion(Self.version(2, at: "2026-02-05T09:00"))
                try connection.insertAudit(
                    at: Fixtures.instant("2026-01-05T09:00"), actor: actor, action: "cancel", office: "rathaus",
                    target: "AAA-111")
                try connection.insertAudit(
                    at: Fixtures.instant("2026-06-01T09:00"), actor: actor, action: "reschedule", office: "rathaus",
                    target: "BBB-222", detail: "configuration version 2")
            }
            let deleted = try connection.deleteHistory(
                versionsBefore: Fixtures.instant("2026-03-01T00:00"), auditBefore: Fixtures.instant("2026-03-01T00:00"))
            #expect(deleted.versions == 1 && deleted.entries == 1)
            #expect(try connection.configurationHistory(limit: 10).map(\.number) == [2], "the newest stays")
            #expect(try connection.auditEntries(limit: 10).map(\.target) == ["BBB-222"])
            let again = try connection.deleteHistory(
                versionsBefore: Fixtures.instant("2027-01-01T00:00"), auditBefore: Fixtures.instant("2026-01-01T00:00"))
            #expect(again.versions == 0, "never the newest version")
            #expect(again.entries == 0, "the audit log keeps its own days")
            #expect(try connection.configurationHistory(limit: 10).map(\.number) == [2])
        }
    }
}
