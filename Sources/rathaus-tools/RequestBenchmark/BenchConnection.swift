import CSystem
import Foundation
import Glibc
import HTTPServer

/// One keep-alive client connection of the request benchmark, to a server served on the same
/// thread (`HTTPServer.serveOnCallingThread`): the request is written at once (it fits the
/// socket's buffer), then the server runs passes until the whole answer is back. Kept lean, as
/// callgrind counts the client's instructions with the server's: an answer's body is counted as
/// it arrives, not copied, unless the caller asks for it.
final class BenchConnection {
    private let fd: Int32
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    /// The head of the answer coming in, until its empty line has arrived.
    private var head: [UInt8] = []
    private var status = 0
    /// Body bytes still to come once the head is in; nil while it is not.
    private var remaining: Int?
    private var keepsBody = false
    private var body: [UInt8] = []

    /// A connection to 127.0.0.1:`port`, made non-blocking once connected (the kernel completes
    /// the handshake from the listen backlog; the server accepts it in its next pass).
    init(port: Int) throws(RequestBenchmark.Failure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .setUp("socket: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw .setUp("connect to port \(port): errno \(errno)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        self.fd = fd
        head.reserveCapacity(4096)
    }

    deinit {
        close(fd)
        scratch.deallocate()
    }

    /// Sends `request` and serves until its answer is complete; its status, and its body when
    /// `keepingBody` (else empty).
    func exchange(_ request: [UInt8], on server: HTTPServer, keepingBody: Bool = false)
        throws(RequestBenchmark.Failure) -> (status: Int, body: [UInt8])
    {
        start(keepingBody: keepingBody)
        try send(request)
        let served = server.serveOnCallingThread {
            readAvailable()
            return remaining.map { $0 <= 0 } ?? false
        }
        guard served else { throw .noAnswer(String(decoding: request.prefix(80), as: UTF8.self)) }
        return (status, body)
    }

    /// Sends `request` and serves until the head of an event stream (or any answer) has come.
    func openStream(_ request: [UInt8], on server: HTTPServer) throws(RequestBenchmark.Failure) -> Int {
        start(keepingBody: false)
        try send(request)
        let served = server.serveOnCallingThread {
            readAvailable()
            return remaining != nil
        }
        guard served else { throw .noAnswer("event stream") }
        return status
    }

    /// Reads and drops what has arrived (an event stream's events).
    func discardAvailable() {
        while true {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            if count < scratch.count { return }
        }
    }

    private func start(keepingBody: Bool) {
        head.removeAll(keepingCapacity: true)
        body.removeAll(keepingCapacity: true)
        remaining = nil
        status = 0
        keepsBody = keepingBody
    }

    private func send(_ request: [UInt8]) throws(RequestBenchmark.Failure) {
        let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { throw .setUp("send: \(sent) of \(request.count) bytes") }
    }

    /// Takes what the socket holds now.
    private func readAvailable() {
        while true {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            guard count > 0 else { return }
            take(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
            if count < scratch.count { return }
        }
    }

    /// Reads the head as it arrives, then counts the body (RFC 9112 §6.3: Rathaus frames every
    /// answer but event streams by `Content-Length`). A head that arrives whole (nearly always)
    /// is read where it lies.
    private func take(_ bytes: UnsafeRawBufferPointer) {
        if let left = remaining {
            remaining = left - bytes.count
            if keepsBody { body.append(contentsOf: bytes) }
            return
        }
        if head.isEmpty, let end = Self.headEnd(bytes, from: 0) {
            begin(bytes, headEnd: end)
            return
        }
        let scanFrom = max(0, head.count - 3)
        head.append(contentsOf: bytes)
        guard let end = Self.headEnd(head, from: scanFrom) else { return }
        head.withUnsafeBytes { begin($0, headEnd: end) }
    }

    /// Reads the status and length of the head that ends at `end` in `bytes`, and takes the
    /// body bytes after it.
    private func begin(_ bytes: UnsafeRawBufferPointer, headEnd end: Int) {
        status = Self.status(bytes)
        let length = (status == 204 || status == 304) ? 0 : Self.contentLength(bytes[..<end]) ?? 0
        if keepsBody { body.append(contentsOf: bytes[(end + 4)...]) }
        remaining = length - (bytes.count - (end + 4))
    }

    static func headEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 3 < bytes.count {
            // Jump from CR to CR (memchr), then look at the three bytes after it.
            guard let found = memchr(base + index, 13, bytes.count - 3 - index) else { return nil }
            index = UnsafeRawPointer(found) - base
            if bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    static func headEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBytes { headEnd($0, from: start) }
    }

    static func status(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard bytes.count >= 12 else { return 0 }
        return bytes[9...11].reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    /// The value of `Content-Length` in a head, looked for at the start of each line only.
    static func contentLength(_ head: Slice<UnsafeRawBufferPointer>) -> Int? {
        let name = Array("content-length:".utf8)
        var index = head.startIndex
        while index < head.endIndex {
            guard head[index] == 10 else {
                index += 1
                continue
            }
            index += 1
            guard index + name.count <= head.endIndex, head[index] | 0x20 == UInt8(ascii: "c") else { continue }
            var matches = true
            for offset in 1..<name.count where head[index + offset] | 0x20 != name[offset] | 0x20 {
                matches = false
                break
            }
            guard matches else { continue }
            var value = 0
            var position = index + name.count
            while position < head.endIndex, head[position] == 32 { position += 1 }
            while position < head.endIndex, head[position] >= 48, head[position] <= 57 {
                value = value * 10 + Int(head[position]) - 48
                position += 1
            }
            return value
        }
        return nil
    }
}
