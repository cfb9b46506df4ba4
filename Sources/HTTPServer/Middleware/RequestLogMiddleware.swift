import Glibc

/// Logs one line per finished request, as `key=value` fields, and tags the answer with the
/// request id (through the middleware's `writeFields` and `finished`, with no work per request
/// in `handle`):
///
///     level=info event=http.request id=0001000000000007 method=GET route=/v1/offices/{office} status=200 duration_us=153
///
/// Only the route pattern is logged, never the path, query, headers, body or peer address, so
/// no reference, token or personal data reaches the log.
///
/// Without a sink the lines go to standard error in one `write` per event-loop pass
/// (`LineBatch`), not one per request, each written as bytes straight into the batch; a
/// `kill -9` loses at most the lines of the pass under way.
package struct RequestLogMiddleware: Middleware {
    private let requestIDHeader: String?
    private let sink: (@Sendable (String) -> Void)?
    private let batch: LineBatch?
    private let format: LogFormat

    /// Logs to `sink` (default: standard error, batched per pass) in `format` and adds
    /// `requestIDHeader` to every answer (nil for none; a name that is not a token is not sent).
    package init(
        requestIDHeader: String? = "X-Request-Id", format: LogFormat = .text, sink: (@Sendable (String) -> Void)? = nil
    ) {
        self.requestIDHeader = requestIDHeader.flatMap { name in
            !name.isEmpty && name.utf8.allSatisfy(ByteClass.isToken) ? name : nil
        }
        self.format = format
        self.sink = sink
        batch = sink == nil ? LineBatch() : nil
    }

    /// Writes the pass's lines.
    package func passEnded() {
        batch?.flush()
    }

    /// See the type's description.
    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        next(request, responder)
    }

    /// Adds the request id.
    package func writeFields(requestID: UInt64, response: HTTPResponse, into head: inout [UInt8]) {
        guard let requestIDHeader else { return }
        head.append(contentsOf: requestIDHeader.utf8)
        head.append(UInt8(ascii: ":"))
        head.append(UInt8(ascii: " "))
        Self.appendHex(requestID, to: &head)
        head.append(UInt8(ascii: "\r"))
        head.append(UInt8(ascii: "\n"))
    }

    /// Logs the request.
    package func finished(_ record: ResponseRecord) {
        switch (format, batch) {
        case (.text, let batch?): batch.append { Self.writeLine(record, id: record.requestID, into: &$0) }
        case (_, let batch?): batch.append(format.render(Self.line(record, id: record.requestID)))
        case (_, nil): sink?(format.render(Self.line(record, id: record.requestID)))
        }
    }

    /// The log line for a finished request.
    static func line(_ record: ResponseRecord, id: UInt64) -> String {
        var bytes: [UInt8] = []
        writeLine(record, id: id, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the log line for a finished request, without its newline: composed in a buffer of
    /// its size (on the stack) and appended in one piece (a dozen appends cost three times as much).
    static func writeLine(_ record: ResponseRecord, id: UInt64, into line: inout [UInt8]) {
        let route = record.route ?? "-"
        let method = record.method?.rawValue ?? "-"
        // The fixed parts and the numbers take at most 125 bytes.
        let capacity = 125 + route.utf8.count + method.utf8.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var cursor = LineCursor(buffer: buffer)
            cursor.write("level=info event=http.request id=")
            cursor.write(hex: id)
            cursor.write(" method=")
            cursor.write(method)
            cursor.write(" route=")
            cursor.write(route)
            cursor.write(" status=")
            if let status = record.status { cursor.write(decimal: status.code) } else { cursor.write("none") }
            cursor.write(" duration_us=")
            let duration = record.duration.components
            cursor.write(decimal: Int(duration.seconds * 1_000_000 + duration.attoseconds / 1_000_000_000_000))
            line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<cursor.count]))
        }
    }

    /// Bytes written one after another into a buffer large enough for them.
    private struct LineCursor {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func write(byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        mutating func write(_ text: StaticString) {
            let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes)
            count += bytes.count
        }

        mutating func write(_ text: String) {
            let start = count
            let written = text.utf8.withContiguousStorageIfAvailable { bytes in
                UnsafeMutableBufferPointer(rebasing: buffer[start...]).initialize(fromContentsOf: bytes)
            }
            if let written {
                count += written
            } else {
                for byte in text.utf8 { write(byte: byte) }
            }
        }

        mutating func write(hex value: UInt64) {
            RequestLogMiddleware.writeHex(value, into: UnsafeMutableBufferPointer(rebasing: buffer[count..<count + 16]))
            count += 16
        }

        mutating func write(decimal value: Int) {
            let value = max(value, 0)
            var divisor = 1
            while divisor <= value / 10 { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                write(byte: UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
    }

    /// Sixteen hex digits.
    package static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeHex(value, into: buffer)
            return 16
        }
    }

    /// Appends sixteen hex digits in one piece (sixteen single appends cost twice as much).
    private static func appendHex(_ value: UInt64, to line: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            writeHex(value, into: buffer)
            line.append(contentsOf: buffer)
        }
    }

    /// The sixteen lower-case hex digits of `value` into the first sixteen bytes of `buffer`.
    private static func writeHex(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
            buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }

    /// Writes `line` and a newline to standard error in one `write`.
    package static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
