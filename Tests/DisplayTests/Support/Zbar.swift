import Foundation

/// The `zbarimg` command of ZBar (Debian package `zbar-tools`), a QR code reader independent of
/// this encoder; the decoder tests hand it PGM images and compare what it read.
enum Zbar {
    /// The path of `zbarimg` on `PATH`, or nil when it is not installed.
    static let executable: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/zbarimg" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// What one run of `zbarimg` reported.
    struct Reading {
        /// The exit status: 0 when every image held a code, 4 when one did not.
        var status: Int32
        /// Standard output: each symbol's data bytes as they were encoded, followed by a line
        /// feed, in the order of the images. `--raw` with `qrcode.binary` turns off zbar's guess of
        /// the character set, which takes some short UTF-8 texts for Shift JIS or Big5.
        var output: [UInt8]
        /// For each symbol zbar decoded, the number of codewords its Reed–Solomon decoder had to
        /// correct, from the verbose log; -1 for an attempt that failed (zbar tries each candidate
        /// symbol it finds in an image).
        var corrections: [Int]
    }

    /// Runs `zbarimg` once over `images` (paths), with their outputs in `directory`.
    static func read(_ images: [String], scratchDirectory directory: String) throws -> Reading {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let outputPath = directory + "/zbar-output"
        let logPath = directory + "/zbar-log"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil),
            FileManager.default.createFile(atPath: logPath, contents: nil)
        else { throw CocoaError(.fileWriteUnknown) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--nodbus", "--quiet", "--raw", "-Sqrcode.binary", "--verbose=1"] + images
        process.standardOutput = output
        process.standardError = log
        try process.run()
        process.waitUntilExit()
        try output.close()
        try log.close()
        let logText = try String(contentsOfFile: logPath, encoding: .utf8)
        let marker = "Number of errors corrected: "
        let corrections = logText.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: marker) else { return nil }
            return Int(line[range.upperBound...].prefix { $0 == "-" || $0.isNumber })
        }
        let bytes = FileManager.default.contents(atPath: outputPath).map { [UInt8]($0) } ?? []
        return Reading(status: process.terminationStatus, output: bytes, corrections: corrections)
    }
}
