import App
import CSystem
import Foundation

/// One subcommand of `rathaus`: its name, a one-line summary, its usage text and what it does.
protocol Subcommand {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    /// Runs the command; returns the exit code. Throws `UsageError` for wrong arguments and
    /// `CommandFailure` (or any other error) for failures.
    static func run(_ arguments: inout CommandArguments) throws -> Int32
}

/// The top level of the command line: dispatch, `--help`, `--version` and exit codes
/// (64 for usage errors as in sysexits.h, 1 for other failures).
enum RathausCommand {
    static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    static var subcommands: [any Subcommand.Type] {
        [
            ServeCommand.self,
            CheckCommand.self,
            BenchCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            HolidaysCommand.self,
            CrashTestCommand.self,
            RetentionCommand.self,
            TokenCommand.self,
            OpenAPICommand.self,
            ServeBenchCommand.self,
            LoadTestCommand.self,
        ]
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            return dispatch(defaultCommand, [])
        }
        switch first {
        case "--help", "-h", "help":
            guard arguments.count <= 2 else {
                return fail(UsageError("say 'rathaus help' or 'rathaus help COMMAND'"), code: 64)
            }
            if arguments.count == 2 {
                guard let command = subcommands.first(where: { $0.name == arguments[1] }) else {
                    return fail(UsageError("unknown command '\(arguments[1])'; see 'rathaus --help'"), code: 64)
                }
                print(command.usage)
            } else {
                print(help)
            }
            return finishOutput()
        case "--version":
            guard arguments.count == 1 else {
                return fail(UsageError("--version takes nothing else"), code: 64)
            }
            print("rathaus \(version)")
            return finishOutput()
        case _ where first.hasPrefix("--"):
            return dispatch(defaultCommand, arguments)
        default:
            guard let command = subcommands.first(where: { $0.name == first }) else {
                return fail(UsageError("unknown command '\(first)'; see 'rathaus --help'"), code: 64)
            }
            return dispatch(command, Array(arguments.dropFirst()))
        }
    }

    /// What `rathaus` with no arguments does.
    static var defaultCommand: any Subcommand.Type {
        subcommands.first(where: { $0.name == "serve" }) ?? CheckCommand.self
    }

    private static func dispatch(_ command: any Subcommand.Type, _ list: [String]) -> Int32 {
        if list.contains("--help") || list.contains("-h") {
            print(command.usage)
            return finishOutput()
        }
        var arguments = CommandArguments(list)
        do {
            let code = try command.run(&arguments)
            return code == 0 ? finishOutput() : code
        } catch let error as UsageError {
            return fail(error, code: 64, usage: command.usage)
        } catch {
            return fail(error, code: 1)
        }
    }

    /// 0 when everything printed reached standard output, else 1 with a message: a full disk or
    /// a closed output is a failure, not a success with the output lost.
    private static func finishOutput() -> Int32 {
        guard StandardOutput.flush() else {
            return fail(CommandFailure("cannot write to standard output: \(String(cString: strerror(errno)))"), code: 1)
        }
        return 0
    }

    private static func fail(_ error: any Error, code: Int32, usage: String? = nil) -> Int32 {
        let message = redactingTokens(String(describing: error))
        Log.standardError("rathaus: \(message)")
        if let usage, let first = usage.split(separator: "\n").first {
            Log.standardError(String(first))
        }
        return code
    }

    /// `text` with every staff token in it (`rst_…`, e.g. one given by mistake as an argument)
    /// cut to its prefix: a token is printed once, by `token create`, and never again.
    static func redactingTokens(_ text: String) -> String {
        text.replacing(/rst_[A-Za-z0-9_\-]+/, with: "rst_…")
    }

    static var help: String {
        var text = """
            rathaus \(version): appointment booking and the waiting-room queue for citizen offices

            usage: rathaus [command] [options]

            commands:

            """
        let width = (subcommands.map { $0.name.count }.max() ?? 0) + 2
        for command in subcommands {
            text += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += """

            options:
              --help      show this help, or a command's with 'rathaus help COMMAND'
              --version   print the version

            Without a command, rathaus runs '\(defaultCommand.name)'.
            """
        return text
    }
}

/// Wrong use of the command line: printed with exit code 64.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A command that ran but failed: printed as one line with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What commands print goes through C's buffered standard output (Swift's `print`); errors in
/// writing it show only when it is flushed.
enum StandardOutput {
    /// Writes what is buffered; false when standard output failed (full disk, closed, …) now or
    /// before, with `errno` saying why.
    static func flush() -> Bool {
        csystem_flush_stdout() == 0
    }
}
