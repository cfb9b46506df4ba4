import Foundation
import RathausCommandLine

/// Reads a password: on the terminal without echo (asked twice), or as one line of standard input
/// for scripts (`--password-stdin`). Never from the command line, where `ps` and the shell's
/// history would show it.
enum PasswordInput {
    /// The fewest characters a staff password may have (NIST SP 800-63B §3.1.1.2 asks at least 8
    /// of passwords a person chooses; staff accounts of a town ask more).
    static let minimumLength = 12
    /// The most bytes a password may have (PBKDF2 takes any length; this bounds the input).
    static let maximumBytes = 1024

    /// The password, checked for its length.
    static func read(fromStandardInput: Bool, prompt: String) throws -> String {
        let password: String
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure("--password-stdin: standard input is empty")
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw UsageError("standard input is not a terminal: give the password with --password-stdin")
            }
            let first = try silently(prompt + ": ")
            let second = try silently("Repeat it: ")
            guard first == second else { throw CommandFailure("the two passwords differ; nothing was changed") }
            password = first
        }
        guard password.count >= minimumLength else {
            throw CommandFailure("the password must have at least \(minimumLength) characters; nothing was changed")
        }
        guard password.utf8.count <= maximumBytes,
            !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw CommandFailure(
                "the password must have at most \(maximumBytes) bytes and no control characters; nothing was changed")
        }
        return password
    }

    /// One line read from the terminal with echo switched off (termios(3)), restored afterwards
    /// even when reading fails.
    private static func silently(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
            throw CommandFailure("cannot read the terminal's settings (\(String(cString: strerror(errno))))")
        }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0 else {
            throw CommandFailure("cannot switch the terminal's echo off (\(String(cString: strerror(errno))))")
        }
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password was typed") }
        return line
    }
}
