import CSystem
import Foundation
import Glibc
import HTTPServer

/// One keep-alive client connection of the request benchmark, to a server served on the same
/// thread (`HTTPServer.serveOnCallingThread`): the request is written at once (it fits the
/// socket's buffer), then the server runs passes until the whole answer is back. Kept lean, as
/// callgrind counts the client's instructions with the server's.
final class BenchConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes at the front of `buffer` that belong to answers already returned.
    private var consumed = 0
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

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
        buffer.reserveCapacity(128 * 1024)
    }

    deinit {
        close(fd)
        scratch.deallocate()
    }

    /// Sends `request` and serves until its answer is complete; the status and the body. The body
    /// shares the connection's buffer until the next exchange: use it at once.
    func exchange(_ request: [UInt8], on server: HTTPServer) throws(RequestBenchmark.Failure) -> (
        status: Int, body: ArraySlice<UInt8>
    ) {
        // The last answer is dropped only now, when no slice of it is held, so the buffer keeps
        // its storage (dropping a prefix of an array makes a new one).
        if consumed == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeFirst(consumed)
        }
        consumed = 0
        try send(request)
        var answer: (status: Int, end: Int, bodyStart: Int)?
        let served = server.serveOnCallingThread {
            readAvailable()
            answer = Self.complete(buffer)
            return answer != nil
        }
        guard served, let answer else { throw .noAnswer(String(decoding: request.prefix(80), as: UTF8.self)) }
        consumed = answer.end
        return (answer.status, buffer[answer.bodyStart..<answer.end])
    }

    /// Sends `request` and serves until the head of an event stream (or any answer) has come.
    func openStream(_ request: [UInt8], on server: HTTPServer) throws(RequestBenchmark.Failure) -> Int {
        try send(request)
        var status: Int?
        let served = server.serveOnCallingThread {
            readAvailable()
            status = Self.headEnd(buffer).map { _ in Self.status(buffer) }
            return status != nil
        }
        guard served, let status else { throw .noAnswer("event stream") }
        buffer.removeAll(keepingCapacity: true)
        consumed = 0
        return status
    }

    /// Reads and drops what has arrived (an event stream's events).
    func discardAvailable() {
        readAvailable()
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ request: [UInt8]) throws(RequestBenchmark.Failure) {
        let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { throw .setUp("send: \(sent) of \(request.count) bytes") }
    }

    /// Appends what the socket holds now, one `recv` per 64 KiB.
    private func readAvailable() {
        while true {
            let count = recv(fd, scratch.baseAddress, scratch.count, 0)
            guard count > 0 else { return }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
            if count < scratch.count { return }
        }
    }

    // MARK: - Answers (RFC 9112 §6.3: Rathaus frames every answer but event streams by Content-Length)

    /// The status, end and body start of the first answer in `bytes` once it is complete.
    static func complete(_ bytes: [UInt8]) -> (status: Int, end: Int, bodyStart: Int)? {
        guard let headEnd = headEnd(bytes) else { return nil }
        let status = status(bytes)
        let length = (status == 204 || status == 304) ? 0 : contentLength(bytes[..<headEnd]) ?? 0
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        return (status, bodyStart + length, bodyStart)
    }

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    static func status(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 12 else { return 0 }
        return bytes[9...11].reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    /// The value of `Content-Length` in a head, looked for at the start of each line only.
    static func contentLength(_ head: ArraySlice<UInt8>) -> Int? {
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
