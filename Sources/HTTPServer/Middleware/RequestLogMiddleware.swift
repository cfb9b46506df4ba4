import Glibc

/// Logs one line per finished request, as `key=value` fields, and tags the answer with the
/// request id:
///
///     level=info event=http.request id=0001000000000007 method=GET route=/v1/offices/{office} status=200 duration_us=153
///
/// Only the route pattern is logged, never the path, query, headers, body or peer address, so
/// no reference, token or personal data reaches the log.
///
/// Without a sink the lines go to standard error in one `write` per event-loop pass
/// (`LineBatch`), not one per request; a `kill -9` loses at most the lines of the pass under way.
package struct RequestLogMiddleware: Middleware {
    private let requestIDHeader: String?
    private let sink: @Sendable (String) -> Void
    private let batch: LineBatch?
    private let format: LogFormat

    /// Logs to `sink` (default: standard error, batched per pass) in `format` and adds
    /// `requestIDHeader` to every answer (nil for none).
    package init(
        requestIDHeader: String? = "X-Request-Id", format: LogFormat = .text, sink: (@Sendable (String) -> Void)? = nil
    ) {
        self.requestIDHeader = requestIDHeader
        self.format = format
        if let sink {
            self.sink = sink
            batch = nil
        } else {
            let batch = LineBatch()
            self.sink = batch.append
            self.batch = batch
        }
    }

    /// Writes the pass's lines.
    package func passEnded() {
        batch?.flush()
    }

    /// See the type's description.
    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        let id = Self.hex(request.id)
        if let header = requestIDHeader {
            responder.transformResponse { $0.headers.add(header, id) }
        }
        let sink = sink
        let format = format
        responder.onFinish { record in
            sink(format.render(Self.line(record, id: id)))
        }
        next(request, responder)
    }

    /// The log line for a finished request.
    static func line(_ record: ResponseRecord, id: String) -> String {
        let status = record.status.map { String($0.code) } ?? "none"
        let micros =
            record.duration.components.seconds * 1_000_000
            + record.duration.components.attoseconds / 1_000_000_000_000
        return "level=info event=http.request id=\(id) method=\(record.method?.rawValue ?? "-") "
            + "route=\(record.route ?? "-") status=\(status) duration_us=\(micros)"
    }

    /// Sixteen hex digits.
    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// Writes `line` and a newline to standard error in one `write`.
    package static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
