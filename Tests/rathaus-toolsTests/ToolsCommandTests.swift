import Foundation
import RathausTesting
import Storage
import Testing

@testable import rathaus_tools

/// The tools' command line: only the tools, wrong use refused with exit 64 and nothing changed,
/// output that cannot be written a failure.
@Suite struct ToolsCommandTests {
    @Test func theHelpListsTheToolsAndNoProductCommands() {
        let commands = ToolsCommand.help.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  --") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands == ["bench", "serve-bench", "loadtest", "crash-test", "simulate", "bench-statistics"])
        #expect(ToolsCommand.help.contains("usage: rathaus-tools command [options]"))
    }

    @Test(arguments: [
        [],
        ["--port", "8080"],
        ["serve"],
        ["token", "list"],
        ["help", "serve"],
        ["bench"],
        ["bench", "core", "--runs", "0"],
        ["loadtest", "rush"],
        ["crash-test", "--rounds", "0"],
        ["serve-bench", "--port", "65536"],
    ])
    func wrongArgumentsAreUsageErrors(arguments: [String]) {
        #expect(ToolsCommand.run(arguments) == 64)
    }

    @Test func theCrashTestRefusesAnExistingDatabase() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            try SQLiteConnectionOpener.migrated(database).close()
            let before = try Data(contentsOf: URL(fileURLWithPath: database))
            #expect(ToolsCommand.run(["crash-test", "--rounds", "1", "--db", database]) == 1)
            #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        }
    }

    @Test func theStorageBenchmarkWritesOnlyIntoAnEmptyDirectory() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("concurrent.sqlite")
            try SQLiteConnectionOpener.migrated(database).close()
            let before = try Data(contentsOf: URL(fileURLWithPath: database))
            #expect(ToolsCommand.run(["bench", "storage", "--bookings", "100", "--dir", directory.path]) == 1)
            #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
            #expect(try directory.fileNames() == ["concurrent.sqlite"])
        }
    }

    @Test func outputThatCannotBeWrittenIsAFailure() throws {
        let tools = try #require(
            BuiltExecutable(named: "rathaus-tools"), "build the rathaus-tools executable first (swift build)")
        for arguments in [["serve-bench", "--print-body"], ["loadtest", "town", "--offices", "1"], ["--version"]] {
            let run = try tools.runWithFullOutput(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(
                run.errors == "rathaus-tools: cannot write to standard output: No space left on device\n",
                "\(arguments)")
        }
    }
}
