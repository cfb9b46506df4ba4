import Dispatch
import Foundation
import Glibc
import Mail

/// Hands each message to a `sendmail`-compatible program (postfix's, exim's, msmtp, nullmailer)
/// on its standard input, one run per message.
///
/// The program gets `-f <sender>` and either `-t` (recipients from the header, so that no citizen's
/// address shows in the process list) or `-- <recipients>`, after the configured arguments. Lines
/// end in LF on its input, the local convention these programs expect. Exit status 0 is
/// `delivered`, 75 (EX_TEMPFAIL, sysexits.h) a temporary failure, any other a permanent one with
/// the first line the program wrote; a program that cannot be started or does not finish in time
/// is a temporary failure.
package struct SendmailTransport: MailTransport {
    /// Where the recipients come from.
    package enum Recipients: Sendable {
        /// `-t`: the program reads them from `To`, `Cc` and `Bcc`.
        case header
        /// `-- address…`: the envelope recipients on the command line.
        case commandLine
    }

    /// The program and how long it may take, each with a default.
    package struct Configuration: Sendable {
        /// The program's path. Default `/usr/sbin/sendmail`.
        package var executable = "/usr/sbin/sendmail"
        /// Arguments before the sender and recipients. Default `-i` (a line of one `.` does not
        /// end the input).
        package var arguments = ["-i"]
        /// Where the program takes the recipients from. Default `.header`.
        package var recipients = Recipients.header
        /// How long one run may take before the program is stopped. Default 60 s.
        package var timeout: Duration = .seconds(60)
        /// The most bytes of the program's output kept for the failure text. Default 1,000.
        package var maximumOutputBytes = 1000

        package init() {}
    }

    package let configuration: Configuration

    /// Ignores SIGPIPE in the whole process (as the HTTP server does), so that a program that
    /// exits without reading its input makes a failed write, not the end of Rathaus.
    package init(configuration: Configuration) {
        self.configuration = configuration
        signal(SIGPIPE, SIG_IGN)
    }

    package func deliver(_ messages: [OutgoingMessage]) -> [DeliveryResult] {
        messages.map(deliver)
    }

    private func deliver(_ message: OutgoingMessage) -> DeliveryResult {
        var arguments = configuration.arguments + ["-f", message.sender.addressSpec]
        switch configuration.recipients {
        case .header: arguments.append("-t")
        case .commandLine: arguments += ["--"] + message.recipients.map(\.addressSpec)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: configuration.executable)
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .temporaryFailure("cannot run \(configuration.executable): \(error.localizedDescription)")
        }
        let program = configuration.executable
        // The input is written and the output read on threads of their own, so that neither a
        // program that writes before it reads nor one that never reads can block this thread
        // past the timeout.
        let collected = OutputCollector(limit: configuration.maximumOutputBytes)
        let work = DispatchGroup()
        let content = SendmailTransport.unixLineEnds(message.content)
        DispatchQueue.global().async(group: work) {
            try? input.fileHandleForWriting.write(contentsOf: content)
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: work) {
            collected.read(output.fileHandleForReading)
        }
        let (seconds, attoseconds) = configuration.timeout.components
        let deadline =
            DispatchTime.now() + .nanoseconds(Int(clamping: seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        if finished.wait(timeout: deadline) == .timedOut {
            // Foundation starts the program in a process group of its own: the whole group is
            // stopped, so that a child it started cannot keep the run (and its pipes) alive. The
            // program inherits this thread's signal mask and the process's ignored signals, so
            // SIGTERM may not reach it; SIGKILL does.
            let group = -process.processIdentifier
            kill(group, SIGTERM)
            if finished.wait(timeout: .now() + .seconds(2)) == .timedOut {
                kill(group, SIGKILL)
                _ = finished.wait(timeout: .now() + .seconds(2))
            }
            return .temporaryFailure(
                "\(program) did not finish within \(SMTPConnection.seconds(configuration.timeout))")
        }
        // The pipes close with the program, and the two threads end; a child it left running
        // with the output still open must not hold this thread, so the wait is bounded, and what
        // was said is only read once the reader is done.
        let drained = work.wait(timeout: deadline) == .success
        let said = drained ? collected.firstLine : ""
        let detail = said.isEmpty ? "" : ": " + said
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0): return .delivered
        case (.exit, 75): return .temporaryFailure("\(program) exited with 75 (EX_TEMPFAIL)" + detail)
        case (.exit, let status): return .permanentFailure("\(program) exited with \(status)" + detail)
        case (.uncaughtSignal, let signal):
            return .temporaryFailure("\(program) was ended by signal \(signal)" + detail)
        @unknown default: return .temporaryFailure("\(program) ended in an unknown way" + detail)
        }
    }

    /// CRLF as LF, the line end local mail programs read.
    static func unixLineEnds(_ content: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            if content[index] == 0x0D, index + 1 < content.count, content[index + 1] == 0x0A {
                index += 1
                continue
            }
            output.append(content[index])
            index += 1
        }
        return output
    }
}

/// The first bytes a program writes, read to the end so that it never blocks on a full pipe.
/// Written by one reading thread; read after `DispatchGroup.wait` has ordered it after that
/// thread's end.
private final class OutputCollector: @unchecked Sendable {
    private let limit: Int
    private var bytes: [UInt8] = []

    init(limit: Int) {
        self.limit = limit
    }

    func read(_ handle: FileHandle) {
        while let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            if bytes.count < limit { bytes += chunk.prefix(limit - bytes.count) }
        }
    }

    /// The first non-empty line, without control characters.
    var firstLine: String {
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(line.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init))
    }
}
