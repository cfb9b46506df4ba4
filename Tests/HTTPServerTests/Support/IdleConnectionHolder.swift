import Foundation

/// Another process (bash, with its `/dev/tcp` redirections) that opens `count` connections to a
/// port, sends nothing and holds them until released: idle clients that cost this process no
/// file descriptors.
final class IdleConnectionHolder {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(port: Int, count: Int) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            """
            for ((i = 0; i < \(count); i++)); do exec {fd}<>/dev/tcp/127.0.0.1/\(port) || exit 1; done
            echo ready
            read -r _
            """,
        ]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = output.fileHandleForReading.readData(ofLength: 6)
        guard String(decoding: line, as: UTF8.self) == "ready\n" else {
            release()
            throw RawClient.Failure(description: "bash could not open \(count) connections")
        }
    }

    /// Closes the connections (the process ends).
    func release() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
