/// One subcommand of a command-line program (`rathaus serve`, `rathaus-tools crash-test`): its
/// name, a one-line summary, its usage text and what it does.
package protocol Subcommand {
    /// The word that selects the command.
    static var name: String { get }
    /// One line for the program's help.
    static var summary: String { get }
    /// The command's full help, starting with its `usage:` line.
    static var usage: String { get }
    /// Runs the command; returns the exit code. Throws `UsageError` for wrong arguments and
    /// `CommandFailure` (or any other error) for failures.
    static func run(_ arguments: inout CommandArguments) throws -> Int32
}
