internal import Foundation

/// An executable of the package that `swift build` put next to the running test bundle
/// (`rathaus`, `rathaus-tools`), for tests that run the real program.
package struct BuiltExecutable: Sendable {
    /// How one run ended and what it wrote to standard error.
    package struct Run: Sendable {
        /// True when the program exited, false when a signal ended it.
        package var exited: Bool
        /// The exit code, or the signal's number.
        package var status: Int32
        /// Everything it wrote to standard error (empty when that went to /dev/full).
        package var errors: String
    }

    /// The executable's absolute path.
    package let path: String

    /// The executable `name` beside the test bundle, or nil when it was not built.
    package init?(named name: String) {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) {
                self.path = path
                return
            }
        }
        return nil
    }

    /// Runs the executable with `arguments`, its standard output (and standard error, when
    /// `fullStandardError`) on /dev/full, where every write fails with ENOSPC.
    package func runWithFullOutput(_ arguments: [String], fullStandardError: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = fullStandardError ? FileHandle(forWritingAtPath: "/dev/full") : errors
        try process.run()
        process.waitUntilExit()
        try errors.fileHandleForWriting.close()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Run(exited: process.terminationReason == .exit, status: process.terminationStatus, errors: text)
    }
}
