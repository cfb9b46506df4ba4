import Dispatch
import Foundation

/// Python 3 for tests that check their output with a real reader written in Python (the `email`
/// package) or run against a real counterpart (aiosmtpd), through the scripts in `Scripts/`.
package enum Python {
    /// The command that starts a Python 3 that can import `module` (any Python 3 when nil): the
    /// `python3` on the PATH, else Debian's `/usr/bin/python3` (where `apt-get install
    /// python3-aiosmtpd` puts its packages); nil when there is none. Tests skip when it is nil.
    package static func interpreter(importing module: String? = nil) -> [String]? {
        let check = ["-c", "import " + (module ?? "sys")]
        for candidate in [["/usr/bin/env", "python3"], ["/usr/bin/python3"]] {
            guard FileManager.default.isExecutableFile(atPath: candidate[0]) else { continue }
            if let result = try? run(candidate + check), result.status == 0 { return candidate }
        }
        return nil
    }

    /// The path of `name` in the repository's `Scripts/` folder.
    package static func script(_ name: String) -> String {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts").appendingPathComponent(name).path
    }

    /// How a command ended and what it wrote.
    package struct Result: Sendable {
        package var status: Int32
        package var output: [UInt8]
        package var errors: String
    }

    /// Runs `command` to its end and returns its exit status and output.
    package static func run(_ command: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error is read beside standard output, so that neither pipe can fill and stop
        // the child.
        let errorText = ErrorText()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorText.value = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: bytes, errors: errorText.value)
    }
}

/// Standard error's text, written by one reading thread and read after it has finished
/// (`DispatchGroup.wait` orders the two).
private final class ErrorText: @unchecked Sendable {
    var value = ""
}
