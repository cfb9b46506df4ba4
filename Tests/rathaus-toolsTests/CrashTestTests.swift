import App
import Foundation
import RathausTesting
import Storage
import Testing

@testable import rathaus_tools

/// Kills a real rathaus-tools process that is booking, several times, and checks the database after
/// each kill (the whole check is in `CrashTestCommand.verify`).
@Suite struct CrashTestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func answeredBookingsSurviveSIGKILL() throws {
        let executable = try #require(
            BuiltExecutable(named: "rathaus-tools"), "build the rathaus-tools executable first (swift build)")
        let config = Self.root.appendingPathComponent(MunicipalityLoader.demoPath).path
        try withTemporaryDirectory { directory in
            let town = try MunicipalityLoader.load(path: config)
            let code = try CrashTestCommand.runParent(
                executable: executable.path, path: directory.file("crash.sqlite"), config: config, town: town,
                rounds: 5,
                seed: 42)
            #expect(code == 0)
        }
    }

    @Test func theCheckFindsALostAnswer() throws {
        let config = Self.root.appendingPathComponent(MunicipalityLoader.demoPath).path
        try withTemporaryDirectory { directory in
            let town = try MunicipalityLoader.load(path: config)
            _ = try SQLiteConnectionOpener.migrated(directory.file("empty.sqlite"))
            let problems = try CrashTestCommand.verify(
                path: directory.file("empty.sqlite"), town: town,
                reported: ["lost": ("rathaus", "1", 1_800_000_000, 1_800_000_600, "AAA-AAA")], cancelled: ["gone"])
            #expect(problems == ["answered booking lost is missing", "answered cancellation of gone is not stored"])
        }
    }
}

/// Opens a database file with the Rathaus schema.
enum SQLiteConnectionOpener {
    static func migrated(_ path: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        try RathausSchema.migrator.migrate(connection)
        return connection
    }
}
