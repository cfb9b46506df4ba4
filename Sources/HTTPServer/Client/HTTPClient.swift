import CSystem
import Glibc

/// A small HTTP/1.1 client for asking another server (a peer instance): one request per
/// connection (`Connection: close`), the whole exchange within a deadline, the answer read by
/// `Content-Length`, chunked coding or the end of the connection. `Host` is the server's address
/// unless `headers` name one (a request passed on keeps the client's).
///
/// It blocks its caller: call it on a dispatch queue of its own, never on an event-loop thread.
package enum HTTPClient {
    /// An answer.
    package struct Response: Sendable {
        package var status: Int
        package var headers: HTTPHeaders
        package var body: [UInt8]
    }

    /// Sends `method target` to `host`:`port` and reads the answer, all within `timeout`; at most
    /// `maxResponseBytes` of answer (head and body) are accepted.
    package static func send(
        host: String, port: Int, method: HTTPMethod, target: String, headers: [(String, String)] = [],
        body: [UInt8] = [], timeout: Duration, maxResponseBytes: Int = 8 << 20
    ) throws(HTTPClientError) -> Response {
        let deadline = ContinuousClock.now + timeout
        let fd = try connect(host: host, port: port, deadline: deadline)
        defer { close(fd) }
        var head = "\(method.rawValue) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) {
            head += "Host: \(host.contains(":") ? "[\(host)]" : host):\(port)\r\n"
        }
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty || method == .post || method == .put || method == .patch {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        try write(fd, Array(head.utf8) + body, deadline: deadline)
        var received: [UInt8] = []
        let parser = ResponseParser()
        while true {
            if let response = try parser.parse(received, complete: false) { return response }
            guard received.count <= maxResponseBytes else { throw .responseTooLarge }
            let chunk = try read(fd, deadline: deadline)
            if chunk.isEmpty {
                guard let response = try parser.parse(received, complete: true) else { throw .malformedResponse }
                return response
            }
            received += chunk
        }
    }

    // MARK: Sockets

    private static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(HTTPClientError)
        -> Int32
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw .unreachable("cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var failure = HTTPClientError.unreachable("cannot connect to \(host):\(port)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(
                info.pointee.ai_family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 || errno == EISCONN {
                return fd
            }
            guard errno == EINPROGRESS else {
                failure = .unreachable("cannot connect to \(host):\(port): \(Socket.errorText(errno))")
                close(fd)
                continue
            }
            do throws(HTTPClientError) {
                try wait(fd, for: Int16(POLLOUT), deadline: deadline)
            } catch {
                close(fd)
                throw error
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return fd }
            failure = .unreachable("cannot connect to \(host):\(port): \(Socket.errorText(code))")
            close(fd)
        }
        throw failure
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, deadline: ContinuousClock.Instant) throws(HTTPClientError)
    {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw .timedOut }
            let milliseconds = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .unreachable("poll: \(Socket.errorText(errno))") }
        }
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(HTTPClientError)
    {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(fd, for: Int16(POLLOUT), deadline: deadline)
            } else {
                throw .unreachable("send: \(Socket.errorText(errno))")
            }
        }
    }

    /// The next bytes, or none at the end of the connection.
    private static func read(_ fd: Int32, deadline: ContinuousClock.Instant) throws(HTTPClientError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer[0..<count]) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw .unreachable("recv: \(Socket.errorText(errno))")
            }
            try wait(fd, for: Int16(POLLIN), deadline: deadline)
        }
    }
}

/// Why a peer gave no usable answer.
package enum HTTPClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No connection, or it broke: the reason.
    case unreachable(String)
    /// No whole answer before the deadline.
    case timedOut
    /// The answer is not HTTP/1.1 as RFC 9112 writes it.
    case malformedResponse
    /// The answer is larger than the caller accepts.
    case responseTooLarge

    /// A sentence for the log.
    package var description: String {
        switch self {
        case .unreachable(let reason): reason
        case .timedOut: "no answer in time"
        case .malformedResponse: "a malformed answer"
        case .responseTooLarge: "an answer too large"
        }
    }
}

/// Reads one HTTP/1.1 answer from the bytes received so far (RFC 9112 §4, §6).
struct ResponseParser {
    /// The answer when `bytes` hold all of it; nil when more must come. `complete`: the
    /// connection has ended, so a body without length ends here.
    func parse(_ bytes: [UInt8], complete: Bool) throws(HTTPClientError) -> HTTPClient.Response? {
        guard let end = Self.endOfHead(bytes) else {
            if complete { throw .malformedResponse }
            return nil
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).split(
            separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]),
            (100...599).contains(status)
        else { throw .malformedResponse }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedResponse }
            headers.add(
                String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }))
        }
        let body = bytes[(end + 4)...]
        if status == 204 || status == 304 || (100..<200).contains(status) {
            return HTTPClient.Response(status: status, headers: headers, body: [])
        }
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            guard let decoded = try Self.dechunk(Array(body)) else {
                if complete { throw .malformedResponse }
                return nil
            }
            return HTTPClient.Response(status: status, headers: headers, body: decoded)
        }
        if let text = headers["Content-Length"] {
            guard let length = Int(text), length >= 0 else { throw .malformedResponse }
            guard body.count >= length else {
                if complete { throw .malformedResponse }
                return nil
            }
            return HTTPClient.Response(status: status, headers: headers, body: Array(body.prefix(length)))
        }
        return complete ? HTTPClient.Response(status: status, headers: headers, body: Array(body)) : nil
    }

    /// The index of the blank line's CR LF CR LF.
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// The body of a chunked message, or nil when it is not all there yet (RFC 9112 §7.1).
    static func dechunk(_ bytes: [UInt8]) throws(HTTPClientError) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = lineEnd(bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).prefix { $0 != ";" }
            guard let size = Int(sizeText.trimmingCharacters(in: " \t"), radix: 16), size >= 0 else {
                throw .malformedResponse
            }
            index = lineEnd + 2
            if size == 0 { return output }
            guard bytes.count >= index + size + 2 else { return nil }
            output += bytes[index..<(index + size)]
            index += size + 2
        }
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(self.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
