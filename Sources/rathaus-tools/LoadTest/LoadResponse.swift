/// One answer as the load generator sees it: the status, the few header fields a virtual citizen
/// acts on, and the body.
struct LoadResponse {
    var status: Int
    /// `Retry-After` in whole seconds (RFC 9110 §10.2.3; the date form is not used by Rathaus).
    var retryAfter: Int?
    var etag: String?
    /// `Connection: close`: the server ends the connection after this answer.
    var closes = false
    var body: [UInt8] = []

    /// Whether the body contains `text` (problem types such as `/problems/slot-unavailable`).
    func bodyContains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, body.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = body.count - needle.count
        while index <= last {
            if body[index] == first {
                var match = true
                for offset in 1..<needle.count where body[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            index += 1
        }
        return false
    }
}

/// Reads HTTP/1.1 answers (RFC 9112) from the bytes of one connection as they arrive: a status
/// line, header fields and a `Content-Length` body. Rathaus puts `Content-Length` on every answer
/// except event streams, which the load generator never opens; chunked answers are refused.
struct ResponseReader {
    enum Failure: Error, Equatable {
        case malformed
        case chunked
        case tooLarge
    }

    /// The largest head or body accepted.
    static let maxBytes = 64 << 20

    private var buffer: [UInt8] = []
    private var scanned = 0
    private var head: (response: LoadResponse, bodyStart: Int, length: Int)?

    /// Adds bytes read from the socket.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of an answer has arrived.
    var isEmpty: Bool { buffer.isEmpty }

    /// The next complete answer, if its last byte has arrived.
    mutating func next() throws(Failure) -> LoadResponse? {
        if head == nil {
            guard let end = headEnd() else {
                if buffer.count > Self.maxBytes { throw .tooLarge }
                return nil
            }
            head = try Self.parseHead(buffer[0..<end], bodyStart: end + 4)
        }
        guard let (response, bodyStart, length) = head, buffer.count >= bodyStart + length else { return nil }
        var complete = response
        complete.body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeSubrange(0..<bodyStart + length)
        scanned = 0
        head = nil
        return complete
    }

    /// The index of the CRLFCRLF that ends the head, scanning only bytes not seen before.
    private mutating func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = max(0, scanned - 3)
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        scanned = buffer.count
        return nil
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>, bodyStart: Int) throws(Failure) -> (
        LoadResponse, Int, Int
    ) {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            line.last == 13 ? line.dropLast() : line
        }
        guard let statusLine = lines.first, statusLine.count >= 12,
            statusLine.starts(with: Array("HTTP/1.".utf8)),
            let status = Int(String(decoding: statusLine.dropFirst(9).prefix(3), as: UTF8.self))
        else { throw .malformed }
        var response = LoadResponse(status: status)
        var length = 0
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformed }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            switch name {
            case "content-length":
                guard let number = Int(value), number >= 0, number <= maxBytes else { throw .malformed }
                length = number
            case "transfer-encoding":
                throw .chunked
            case "retry-after":
                response.retryAfter = Int(value)
            case "etag":
                response.etag = value
            case "connection":
                response.closes = value.lowercased().contains("close")
            default:
                break
            }
        }
        // RFC 9110 §6.4.1: 1xx, 204 and 304 answers have no body.
        if status == 204 || status == 304 || status < 200 { length = 0 }
        return (response, bodyStart, length)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 32 && $0 != 9 }),
            let last = bytes.lastIndex(where: { $0 != 32 && $0 != 9 })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
