import Foundation
import Glibc

/// A blocking TCP client for live tests: it sends raw bytes and reads raw answers, with a
/// receive timeout so that a test fails instead of hanging.
final class RawClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var isClosed = false

    /// Connects to `host` (an IPv4 or IPv6 literal) and `port`.
    init(host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(10), receiveBuffer: Int? = nil) throws {
        let isIPv6 = host.contains(":")
        fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var seconds = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if var size = receiveBuffer.map(Int32.init) {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let result: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let message = String(cString: strerror(errno))
            // deinit still runs for a class whose initializer throws: close exactly once.
            close()
            throw Failure(description: "connect: \(message)")
        }
    }

    deinit {
        close()
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Ends the sending side (the server sees end of input).
    func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes at once; with `reset`, the peer gets an RST instead of a FIN.
    func close(reset: Bool = false) {
        guard !isClosed else { return }
        isClosed = true
        if reset {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
        Glibc.close(fd)
    }

    /// Waits up to `timeout` for something to read (or the end of input); true when there is.
    func waitReadable(timeout: Duration) -> Bool {
        if !buffer.isEmpty { return true }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Reads more bytes into the buffer; false at end of input.
    @discardableResult
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 { return false }
        if errno == ECONNRESET { return false }
        throw Failure(description: "recv: \(String(cString: strerror(errno)))")
    }

    /// Everything until the server closes the connection.
    func readUntilClosed() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server closed the connection with nothing more to read.
    func isClosedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }

    /// Reads one response: status line, fields and a body framed by `Content-Length`,
    /// `chunked`, or (with neither) nothing for `HEAD`/1xx/204/304 or everything up to the close.
    func readResponse(forHead: Bool = false) throws -> RawResponse {
        var head = try readHead()
        if forHead || head.status < 200 || head.status == 204 || head.status == 304 {
            return head
        }
        if let length = head.header("Content-Length").flatMap(Int.init) {
            try need(length)
            head.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else if head.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while let chunk = try readChunk() {
                head.body += chunk
            }
        } else {
            head.body = try readUntilClosed()
        }
        return head
    }

    /// Reads a status line and fields.
    func readHead() throws -> RawResponse {
        let end = try find([13, 10, 13, 10])
        let text = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw Failure(description: "bad status line: \(statusLine)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        return RawResponse(statusLine: statusLine, status: status, headers: headers, body: [])
    }

    /// Reads one chunk of a chunked body; nil for the last chunk (its trailer is consumed).
    func readChunk() throws -> [UInt8]? {
        let lineEnd = try find([13, 10])
        let sizeText = String(decoding: buffer[0..<lineEnd], as: UTF8.self)
        guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
            throw Failure(description: "bad chunk size: \(sizeText)")
        }
        buffer.removeFirst(lineEnd + 2)
        if size == 0 {
            let end = try find([13, 10])
            buffer.removeFirst(end + 2)
            return nil
        }
        try need(size + 2)
        let data = Array(buffer[0..<size])
        buffer.removeFirst(size + 2)
        return data
    }

    private func need(_ count: Int) throws {
        while buffer.count < count {
            guard try fill() else { throw Failure(description: "closed after \(buffer.count) of \(count) bytes") }
        }
    }

    private func find(_ pattern: [UInt8]) throws -> Int {
        var from = 0
        while true {
            if buffer.count >= pattern.count {
                for index in from...(buffer.count - pattern.count)
                where buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
                    return index
                }
                from = buffer.count - pattern.count + 1
            }
            guard try fill() else {
                throw Failure(
                    description: "closed before the end of a head: \(String(decoding: buffer, as: UTF8.self))")
            }
        }
    }
}

/// A response as the raw client read it.
struct RawResponse {
    let statusLine: String
    let status: Int
    let headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The decoded problem+json body.
    var problem: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
