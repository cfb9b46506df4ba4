import App
import Foundation
import RathausTesting
import Storage
import Testing

@testable import rathaus

/// Kills a real rathaus process that is booking, several times, and checks the database after
/// each kill (the whole check is in `CrashTestCommand.verify`).
@Suite struct CrashTestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The rathaus binary that `swift build` put next to the test bundle.
    static var executable: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("rathaus").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @Test func answeredBookingsSurviveSIGKILL() throws {
        let executable = try #require(Self.executable, "build the rathaus executable first (swift build)")
        let config = Self.root.appendingPathComponent(MunicipalityLoader.demoPath).path
        try withTemporaryDirectory { directory in
            let town = try MunicipalityLoader.load(path: config)
            let code = try CrashTestCommand.runParent(
                executable: executable, path: directory.file("crash.sqlite"), config: config, town: town, rounds: 5,
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
