import Glibc
import Mail
import Synchronization

/// Writes each message as a file in a Maildir folder (cr.yp.to/proto/maildir.html): written to
/// `tmp/` under a unique name, flushed to disk, then renamed into `new/`, so that a reader never
/// sees half a message. The name is `<seconds>.M<microseconds>P<process>Q<count>.<host>`; the
/// file is the whole message with LF line ends, as Maildir keeps them, and opens in any mail
/// program or text editor. `cur/`, `new/` and `tmp/` are made when missing.
///
/// The demo's default: `swift run rathaus` needs no relay, and the messages it would send are
/// there to read.
package struct MaildirTransport: MailTransport {
    /// The folder, made with its parents when missing.
    package let directory: String
    /// The host part of the file names: this machine's name, with `/` and `:` escaped as the
    /// Maildir description says.
    package let hostName: String

    /// Deliveries made by this process, for unique names within one microsecond.
    private static let deliveries = Atomic<Int>(0)

    package init(directory: String, hostName: String? = nil) {
        self.directory = directory
        self.hostName = MaildirTransport.escaped(hostName ?? MaildirTransport.systemHostName())
    }

    package func deliver(_ messages: [OutgoingMessage]) -> [DeliveryResult] {
        for folder in ["", "/tmp", "/new", "/cur"] {
            if let failure = MaildirTransport.makeDirectory(directory + folder) {
                return Array(repeating: .temporaryFailure(failure), count: messages.count)
            }
        }
        return messages.map(deliver)
    }

    private func deliver(_ message: OutgoingMessage) -> DeliveryResult {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let count = MaildirTransport.deliveries.add(1, ordering: .relaxed).newValue
        let name = "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())Q\(count).\(hostName)"
        let temporary = directory + "/tmp/" + name
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return failure("cannot create a file in \(directory)/tmp") }
        let content = SendmailTransport.unixLineEnds(message.content)
        var written = 0
        while written < content.count {
            let result = content.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, raw.count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                let outcome = failure("cannot write \(temporary)")
                close(fd)
                unlink(temporary)
                return outcome
            }
            written += result
        }
        guard fsync(fd) == 0 else {
            let outcome = failure("cannot flush \(temporary) to disk")
            close(fd)
            unlink(temporary)
            return outcome
        }
        close(fd)
        guard rename(temporary, directory + "/new/" + name) == 0 else {
            let outcome = failure("cannot move the message into \(directory)/new")
            unlink(temporary)
            return outcome
        }
        // The rename is durable once the directory is flushed too.
        let folder = open(directory + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
        return .delivered
    }

    private func failure(_ what: String) -> DeliveryResult {
        .temporaryFailure(what + ": " + SMTPConnection.errorText(errno))
    }

    /// Makes `path` (mode 0700) unless it is there; the failure text, or nil.
    private static func makeDirectory(_ path: String) -> String? {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            components.append(component)
            let prefix = components.joined(separator: "/")
            if prefix.isEmpty { continue }
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                return "cannot make the folder \(prefix): " + SMTPConnection.errorText(errno)
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            return "\(path) is not a folder"
        }
        return nil
    }

    private static func systemHostName() -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "localhost" : text
    }

    /// `/` as `\057` and `:` as `\072` (cr.yp.to/proto/maildir.html).
    private static func escaped(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "/": result += "\\057"
            case ":": result += "\\072"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
