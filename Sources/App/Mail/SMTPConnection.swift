import Glibc
import Mail

/// One TCP connection to an SMTP server: connect, send, and read replies, each with a deadline,
/// on a non-blocking socket with `poll` (RFC 5321 §4.5.3.2 wants a timeout on every wait).
///
/// Blocking calls for a thread of its own: the transport makes one per batch, uses it on the
/// thread that called `deliver`, and closes it before returning; it never crosses threads.
final class SMTPConnection {
    /// Why the connection failed. No case carries an address or message content.
    enum Failure: Error, Equatable {
        case cannotResolve
        case cannotConnect(errno: Int32)
        case timedOut
        case closedByPeer
        case socketError(errno: Int32)
        case malformedReply(SMTPReplyError)
    }

    private var fd: Int32
    private var parser = SMTPReplyParser()
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)

    /// Connects to `host`:`port`, trying each address the name resolves to, within `timeout` in
    /// all. `TCP_NODELAY` is set: commands are small writes that wait for a reply, which Nagle's
    /// algorithm would hold back for a delayed ACK.
    init(host: String, port: Int, timeout: Duration) throws(Failure) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw .cannotResolve }
        defer { freeaddrinfo(list) }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var lastError = ECONNREFUSED
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let candidate = socket(
                info.pointee.ai_family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
            guard candidate >= 0 else {
                lastError = errno
                continue
            }
            var one: Int32 = 1
            _ = setsockopt(candidate, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                fd = candidate
                return
            }
            lastError = errno
            if lastError == EINPROGRESS {
                let ready: Bool
                do {
                    ready = try SMTPConnection.wait(candidate, for: Int16(POLLOUT), until: deadline)
                } catch {
                    Glibc.close(candidate)
                    throw error
                }
                guard ready else {
                    Glibc.close(candidate)
                    throw .timedOut
                }
                var status: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                _ = getsockopt(candidate, SOL_SOCKET, SO_ERROR, &status, &length)
                if status == 0 {
                    fd = candidate
                    return
                }
                lastError = status
            }
            Glibc.close(candidate)
        }
        throw .cannotConnect(errno: lastError)
    }

    deinit {
        close()
    }

    /// Sends all of `bytes`; `timeout` bounds each wait for the socket to take more (RFC 5321
    /// §4.5.3.2.5: a time for each send, not for the whole).
    func send(_ bytes: [UInt8], timeout: Duration) throws(Failure) {
        guard fd >= 0 else { throw .closedByPeer }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = errno
            if written < 0, code == EAGAIN || code == EWOULDBLOCK {
                guard try SMTPConnection.wait(fd, for: Int16(POLLOUT), until: .now.advanced(by: timeout)) else {
                    throw .timedOut
                }
                continue
            }
            if written < 0, code == EINTR { continue }
            throw code == EPIPE ? .closedByPeer : .socketError(errno: code)
        }
    }

    /// The next whole reply, within `timeout`.
    func readReply(timeout: Duration) throws(Failure) -> SMTPReply {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            do {
                if let reply = try parser.next() { return reply }
            } catch {
                throw .malformedReply(error)
            }
            guard fd >= 0 else { throw .closedByPeer }
            guard try SMTPConnection.wait(fd, for: Int16(POLLIN), until: deadline) else { throw .timedOut }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                parser.append(buffer[0..<count])
                continue
            }
            if count == 0 { throw .closedByPeer }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { continue }
            throw .socketError(errno: code)
        }
    }

    /// Closes the socket; later calls fail with `closedByPeer`.
    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Waits until `fd` is ready for `events` (or has an error or hang-up, which the next call
    /// reports) and returns true, or returns false when `deadline` passes first.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant) throws(Failure)
        -> Bool
    {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(
                clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { throw .socketError(errno: errno) }
        }
    }
}

extension SMTPConnection.Failure {
    /// What happened, for a delivery result: no address, no content. `step` is what the client
    /// was waiting for: "the greeting", "the reply to RCPT TO".
    func text(waitingFor step: String, relay: String, timeout: Duration) -> String {
        switch self {
        case .cannotResolve: "cannot resolve the relay's host name in \(relay)"
        case .cannotConnect(let code): "cannot connect to \(relay): \(SMTPConnection.errorText(code))"
        case .timedOut: "timed out after \(SMTPConnection.seconds(timeout)) waiting for \(step) from \(relay)"
        case .closedByPeer: "\(relay) closed the connection while the client waited for \(step)"
        case .socketError(let code):
            "the connection to \(relay) failed while the client waited for \(step): \(SMTPConnection.errorText(code))"
        case .malformedReply: "\(relay) sent something that is not an SMTP reply in place of \(step)"
        }
    }
}

extension SMTPConnection {
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// `300 s`, `0.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}
