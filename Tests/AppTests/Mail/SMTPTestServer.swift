import Foundation
import RathausTesting

/// `Scripts/smtp-test-server` (aiosmtpd) on a free port of 127.0.0.1, for one test: started with
/// the options given, stopped (its standard input closed) when the test lets go of it.
final class SMTPTestServer {
    /// What the server stored for one message it took.
    struct Received: Decodable {
        var sender: String
        var recipients: [String]
        var mailOptions: [String]
        var clientPort: Int
        var pipelined: Bool
        /// The message as received, dot-stuffing undone (not in the JSON file).
        var content: [UInt8] = []

        private enum CodingKeys: String, CodingKey {
            case sender, recipients, mailOptions, clientPort, pipelined
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The Python 3 that has aiosmtpd, or nil (the tests are skipped).
    static let interpreter = Python.interpreter(importing: "aiosmtpd")

    static var isAvailable: Bool { interpreter != nil }

    let port: Int
    let directory: TemporaryDirectory
    private let process = Process()
    private let input = Pipe()

    /// A server with `options`, on `port` (0: a free one).
    init(_ options: [String] = [], port: Int = 0) throws {
        guard let interpreter = SMTPTestServer.interpreter else {
            throw Failure(description: "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)")
        }
        directory = try TemporaryDirectory()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: interpreter[0])
        process.arguments =
            Array(interpreter.dropFirst())
            + [Python.script("smtp-test-server"), "--directory", directory.path, "--port", String(port)] + options
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line: [UInt8] = []
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            throw Failure(description: "smtp-test-server did not start: \(text)")
        }
        self.port = port
    }

    deinit {
        stop()
        directory.remove()
    }

    /// Stops the server (its port is free again once this returns).
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Every message the server took, in the order it took them.
    func received() throws -> [Received] {
        try directory.fileNames().filter { $0.hasSuffix(".json") }.map { name in
            var received = try JSONDecoder().decode(
                Received.self, from: Data(contentsOf: URL(fileURLWithPath: directory.file(name))))
            let message = directory.file(String(name.dropLast(5)) + ".eml")
            received.content = [UInt8](try Data(contentsOf: URL(fileURLWithPath: message)))
            return received
        }
    }
}
