import Foundation
import Glibc
import RathausCommandLine
import RathausTesting
import Storage
import Testing

@testable import rathaus

/// Wrong use of the command line is refused with exit 64 and changes nothing; output that cannot
/// be written is a failure.
@Suite struct CommandLineTests {
    @Test(arguments: [
        ["backup", "a.sqlite", "--db", "x.sqlite", "--db", "y.sqlite"],
        ["backup", "a.sqlite", "--db=x.sqlite", "--db", "y.sqlite"],
        ["backup", "a.sqlite", "--force", "--force"],
        ["holidays", "--state", "DE-BY", "--state", "DE-BE"],
        ["help", "frob"],
        ["help", "check", "extra"],
        ["--version", "--frob"],
        ["--frob"],
        ["token", "create", "--role", "hotline", "--name", "two\nlines"],
        ["token", "create", "--role", "hotline", "--name", ""],
        ["token", "revoke", "rst_c2VjcmV0LXRva2VuLWhlcmU"],
        ["serve", "--trusted-proxy", "not an ip!!"],
        ["serve", "--max-in-flight", "0"],
        ["crash-test", "--rounds", "1"],
        ["bench", "core"],
        ["loadtest", "town"],
        ["serve-bench", "--print-body"],
        ["config"],
        ["config", "import", "x.json"],
        ["config", "apply"],
        ["config", "apply", "x.json", "--decide", "drop", "--token", "t"],
        ["config", "apply", "x.json", "--url", "ftp://host", "--token", "t"],
        ["config", "export", "--out"],
    ])
    func wrongArgumentsAreUsageErrors(arguments: [String]) {
        #expect(RathausCommand.run(arguments) == 64)
    }

    @Test func optionsWithoutACommandGoToServe() {
        // --help after an option shows serve's usage (exit 0) only when the option reached serve.
        #expect(RathausCommand.run(["--port", "8080", "--help"]) == 0)
        #expect(RathausCommand.run(["--port", "99999"]) == 64)
    }

    @Test func theHelpListsTheProductCommandsAndNoTools() {
        let commands = RathausCommand.help.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  --") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(
            commands == [
                "serve", "check", "backup", "restore", "holidays", "retention", "mail", "token", "staff", "config",
                "openapi", "proxy-config",
            ])
    }

    @Test func aStaffTokenInAnArgumentIsNeverEchoed() {
        let token = "rst_c2VjcmV0LXRva2VuLWhlcmUtMTIzNDU2Nzg5MA"
        #expect(
            CommandLineTool.redactingTokens("unexpected argument '\(token)'; no such database /x/\(token)")
                == "unexpected argument 'rst_…'; no such database /x/rst_…")
        #expect(CommandLineTool.redactingTokens("unknown option '--frob'") == "unknown option '--frob'")
    }

    @Test func aRepeatableOptionGivesEveryValue() throws {
        var arguments = CommandArguments(["--trusted-proxy", "127.0.0.1", "--trusted-proxy=::1", "--port", "1"])
        #expect(try arguments.repeatedOption("trusted-proxy") == ["127.0.0.1", "::1"])
        #expect(try arguments.option("port") == "1")
        #expect(throws: Never.self) { try arguments.finish() }
        #expect(ServeCommand.canonicalIPAddress("10.0.0.1") == "10.0.0.1")
        #expect(ServeCommand.canonicalIPAddress("0:0:0:0:0:0:0:1") == "::1")
        #expect(ServeCommand.canonicalIPAddress("FD00::1") == "fd00::1")
        #expect(ServeCommand.canonicalIPAddress("proxy.local") == nil)
        #expect(ServeCommand.canonicalIPAddress("10.0.0.256") == nil)
    }

    @Test func holidaysWriteOnlyRegularFiles() throws {
        try withTemporaryDirectory { directory in
            let fifo = directory.file("calendar.ics")
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(RathausCommand.run(["holidays", "--state", "DE-BY", "--out", fifo]) == 1)
            var status = stat()
            #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)

            let file = directory.file("DE-BY.ics")
            #expect(
                RathausCommand.run(["holidays", "--state", "DE-BY", "--from", "2026", "--to", "2026", "--out", file])
                    == 0)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("SUMMARY:Neujahr"))
        }
    }

    /// The rathaus program that `swift build` made.
    private func rathaus() throws -> BuiltExecutable {
        try #require(BuiltExecutable(named: "rathaus"), "build the rathaus executable first (swift build)")
    }

    @Test func aTokenThatCannotBeShownIsNotStored() throws {
        try withTemporaryDirectory { directory in
            let database = directory.file("rathaus.sqlite")
            try makeRathausDatabase(at: database, rows: 0)
            let run = try rathaus().runWithFullOutput(["token", "create", "--role", "admin", "--db", database])
            #expect(run.status == 1)
            #expect(run.errors.hasPrefix("rathaus: cannot write the token to standard output"))
            #expect(run.errors.split(separator: "\n").count == 1)
            let connection = try SQLiteConnection(path: database)
            #expect(try connection.staffTokens().isEmpty)
        }
    }

    /// Runs the built rathaus with `input` on standard input; its exit status and standard output.
    private func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try rathaus().path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func aTokenImportedIntoAnotherInstancesDatabaseIsValidThere() throws {
        try withTemporaryDirectory { directory in
            let first = directory.file("a.sqlite")
            let second = directory.file("b.sqlite")
            let made = try run(["token", "create", "--role", "hotline", "--name", "115", "--db", first])
            #expect(made.status == 0)
            let token = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let imported = try run(
                ["token", "import", "--role", "hotline", "--name", "115", "--db", second], input: token + "\n")
            #expect(imported.status == 0)
            #expect(imported.output.isEmpty, "the token is not shown again")
            let stored = try SQLiteConnection(path: second).staffToken(secret: token)
            #expect(stored?.role == .hotline)
            #expect(stored?.name == "115")
            let garbage = try run(["token", "import", "--role", "hotline", "--db", second], input: "rst_short\n")
            #expect(garbage.status == 64)
            #expect(try SQLiteConnection(path: second).staffTokens().count == 1)
        }
    }

    @Test func anErrorThatCannotBeWrittenStillEndsWithItsExitCode() throws {
        let run = try rathaus().runWithFullOutput(["frob"], fullStandardError: true)
        #expect(run.exited)
        #expect(run.status == 64)
    }

    @Test func outputThatCannotBeWrittenIsAFailure() throws {
        for arguments in [["holidays", "--state", "DE-BY"], ["openapi"], ["--version"]] {
            let run = try rathaus().runWithFullOutput(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.errors == "rathaus: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }
}
