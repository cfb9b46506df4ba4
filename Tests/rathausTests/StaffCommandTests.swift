import Foundation
import RathausTesting
import Scheduling
import Storage
import Testing

/// `rathaus staff` and the sign-in options of `rathaus serve`, run as the real program.
@Suite struct StaffCommandTests {
    struct Output {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `rathaus` with `arguments`, `input` on its standard input (not a terminal).
    func rathaus(_ arguments: [String], input: String = "") throws -> Output {
        let executable = try #require(BuiltExecutable(named: "rathaus"), "build the rathaus executable first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.path)
        process.arguments = arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    static let password = "correct horse battery staple"

    @Test func anAccountIsAddedListedDisabledAndGivenANewPassword() throws {
        try withTemporaryDirectory { directory in
            let db = directory.file("staff.sqlite")
            let added = try rathaus(
                [
                    "staff", "add", "Erika", "--name", "Erika Mustermann", "--role", "counter:rathaus", "--role",
                    "hotline", "--password-stdin", "--db", db,
                ], input: Self.password + "\n")
            #expect(added.status == 0, "\(added.errors)")
            #expect(added.output.hasPrefix("added erika ("))
            #expect(added.output.hasSuffix("): counter:rathaus hotline\n"))
            let connection = try SQLiteConnection(path: db)
            let member = try #require(try connection.staffMember(login: "erika"))
            let hash = try PasswordHash(stored: try #require(member.passwordHash))
            #expect(hash.iterations == 600_000)
            #expect(hash.verifies(Self.password))

            let listed = try rathaus(["staff", "list", "--db", db])
            #expect(
                listed.output.contains(
                    "local erika  Erika Mustermann  [counter:rathaus hotline]  never signed in  active"))
            #expect(try rathaus(["staff", "disable", "erika", "--db", db]).status == 0)
            #expect(try rathaus(["staff", "list", "--db", db]).output.contains("  disabled 20"))
            #expect(try rathaus(["staff", "disable", member.id, "--db", db]).status == 1, "already disabled")
            #expect(try rathaus(["staff", "enable", member.id, "--db", db]).status == 0)

            let changed = try rathaus(
                ["staff", "password", "erika", "--password-stdin", "--db", db], input: "another good passphrase\n")
            #expect(changed.status == 0)
            let again = try PasswordHash(stored: try #require(try connection.staffMember(login: "erika")?.passwordHash))
            #expect(again.verifies("another good passphrase"))
            #expect(!again.verifies(Self.password))

            let audit = try connection.auditEntries(
                office: nil, from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: 1 << 40), limit: 10)
            #expect(
                audit.map(\.action).sorted()
                    == ["account-added", "account-disabled", "account-enabled", "password-changed"])
            #expect(audit.allSatisfy { $0.actor == "cli" && $0.target == "erika" })
            for run in [added, listed, changed] {
                #expect(!(run.output + run.errors).contains(Self.password))
            }
        }
    }

    @Test(arguments: [
        (["staff", "add", "erika", "--name", "E", "--role", "hotline"], 64, "standard input is not a terminal"),
        (
            ["staff", "add", "erika", "--name", "E", "--role", "hotline", "--password", "hunter2hunter2"], 64,
            "unknown option '--password'"
        ),
        (["staff", "add", "erika", "--name", "E", "--role", "counter", "--password-stdin"], 64, "--role must be"),
        (
            ["staff", "add", "erika", "--name", "E", "--role", "counter:rathaus;", "--password-stdin"], 64,
            "--role must be"
        ),
        (["staff", "add", ".erika", "--name", "E", "--role", "hotline", "--password-stdin"], 64, "LOGIN must be"),
        (["staff", "add", "erika", "--name", "E", "--password-stdin"], 64, "give at least one --role"),
    ])
    func aWrongAccountIsRefusedAndNothingStored(arguments: [String], status: Int32, message: String) throws {
        try withTemporaryDirectory { directory in
            let db = directory.file("staff.sqlite")
            let run = try rathaus(arguments + ["--db", db], input: Self.password + "\n")
            #expect(run.status == status)
            #expect(run.errors.contains(message), "\(run.errors)")
            #expect(!run.errors.contains("hunter2"), "a password given anyway is never repeated")
            if FileManager.default.fileExists(atPath: db) {
                #expect(try SQLiteConnection(path: db).staffMembers().isEmpty)
            }
        }
    }

    @Test func aShortPasswordOrATakenLoginChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let db = directory.file("staff.sqlite")
            let add = ["staff", "add", "erika", "--name", "Erika", "--role", "hotline", "--password-stdin", "--db", db]
            let short = try rathaus(add, input: "too short\n")
            #expect(short.status == 1)
            #expect(short.errors.contains("at least 12 characters"))
            #expect(try rathaus(add, input: Self.password + "\n").status == 0)
            let taken = try rathaus(add, input: Self.password + "\n")
            #expect(taken.status == 1)
            #expect(taken.errors.contains("the login erika is taken"))
            #expect(try SQLiteConnection(path: db).staffMembers().count == 1)
        }
    }

    @Test(arguments: [
        (["--oidc-client-secret", "s3cret"], "never goes on the command line"),
        (
            [
                "--oidc-issuer", "http://login.example.org", "--oidc-client-id", "rathaus", "--oidc-redirect-uri",
                "https://rathaus.example.org/staff/sign-in/callback",
            ], "must be an absolute https URL"
        ),
        (
            [
                "--oidc-issuer", "https://login.example.org", "--oidc-client-id", "rathaus", "--oidc-redirect-uri",
                "https://rathaus.example.org/callback",
            ], "must end in /staff/sign-in/callback"
        ),
        (
            [
                "--oidc-issuer", "https://login.example.org", "--oidc-redirect-uri",
                "https://rathaus.example.org/staff/sign-in/callback",
            ], "needs --oidc-client-id"
        ),
        (["--oidc-client-id", "rathaus"], "need --oidc-issuer"),
        (
            [
                "--oidc-issuer", "https://login.example.org", "--oidc-client-id", "rathaus", "--oidc-redirect-uri",
                "https://rathaus.example.org/staff/sign-in/callback", "--oidc-client-auth", "basic",
            ], "needs the client secret"
        ),
    ])
    func theServersSignInOptionsAreChecked(arguments: [String], message: String) throws {
        try withTemporaryDirectory { directory in
            let run = try rathaus(["serve", "--port", "0", "--db", directory.file("x.sqlite")] + arguments)
            #expect(run.status == 64)
            #expect(run.errors.contains(message), "\(run.errors)")
            #expect(!run.errors.contains("s3cret"))
            #expect(!FileManager.default.fileExists(atPath: directory.file("x.sqlite")))
        }
    }
}
