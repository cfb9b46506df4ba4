import App
import Foundation

/// A command-line program made of subcommands (`rathaus`, `rathaus-tools`): dispatch, `help`,
/// `--version` and exit codes (64 for usage errors as in sysexits.h, 1 for other failures).
package struct CommandLineTool {
    /// The version of Rathaus, which every program of it prints.
    package static let version = "0.1.0"

    /// The program's name, as typed and as it starts its error messages.
    package let name: String
    /// What the program is, after the name and version in the help's first line.
    package let description: String
    /// Every subcommand, in the order the help lists them.
    package let subcommands: [any Subcommand.Type]
    /// What the program does without a command or with options only; nil: say which command.
    package let defaultCommand: (any Subcommand.Type)?

    /// A program of `subcommands`.
    package init(
        name: String, description: String, subcommands: [any Subcommand.Type],
        defaultCommand: (any Subcommand.Type)? = nil
    ) {
        self.name = name
        self.description = description
        self.subcommands = subcommands
        self.defaultCommand = defaultCommand
    }

    /// Runs the command line `arguments` (without the program's name); returns the exit code.
    package func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            guard let defaultCommand else {
                return fail(UsageError("say which command; see '\(name) --help'"), code: 64)
            }
            return dispatch(defaultCommand, [])
        }
        switch first {
        case "--help", "-h", "help":
            guard arguments.count <= 2 else {
                return fail(UsageError("say '\(name) help' or '\(name) help COMMAND'"), code: 64)
            }
            if arguments.count == 2 {
                guard let command = subcommands.first(where: { $0.name == arguments[1] }) else {
                    return fail(UsageError("unknown command '\(arguments[1])'; see '\(name) --help'"), code: 64)
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
            print("\(name) \(Self.version)")
            return finishOutput()
        case _ where first.hasPrefix("--"):
            guard let defaultCommand else {
                return fail(UsageError("say which command before '\(first)'; see '\(name) --help'"), code: 64)
            }
            return dispatch(defaultCommand, arguments)
        default:
            guard let command = subcommands.first(where: { $0.name == first }) else {
                return fail(UsageError("unknown command '\(first)'; see '\(name) --help'"), code: 64)
            }
            return dispatch(command, Array(arguments.dropFirst()))
        }
    }

    private func dispatch(_ command: any Subcommand.Type, _ list: [String]) -> Int32 {
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
    private func finishOutput() -> Int32 {
        guard StandardOutput.flush() else {
            return fail(CommandFailure("cannot write to standard output: \(String(cString: strerror(errno)))"), code: 1)
        }
        return 0
    }

    private func fail(_ error: any Error, code: Int32, usage: String? = nil) -> Int32 {
        let message = Self.redactingTokens(String(describing: error))
        Log.standardError("\(name): \(message)")
        if let usage, let first = usage.split(separator: "\n").first {
            Log.standardError(String(first))
        }
        return code
    }

    /// `text` with every staff token in it (`rst_…`, e.g. one given by mistake as an argument)
    /// cut to its prefix: a token is printed once, by `token create`, and never again.
    package static func redactingTokens(_ text: String) -> String {
        text.replacing(/rst_[A-Za-z0-9_\-]+/, with: "rst_…")
    }

    /// The program's help: what it is, its commands with their summaries, its options.
    package var help: String {
        var text = """
            \(name) \(Self.version): \(description)

            usage: \(name) \(defaultCommand == nil ? "command" : "[command]") [options]

            commands:

            """
        let width = (subcommands.map { $0.name.count }.max() ?? 0) + 2
        for command in subcommands {
            text += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += """

            options:
              --help      show this help, or a command's with '\(name) help COMMAND'
              --version   print the version
            """
        if let defaultCommand {
            text += "\n\nWithout a command, \(name) runs '\(defaultCommand.name)'."
        }
        return text
    }
}
