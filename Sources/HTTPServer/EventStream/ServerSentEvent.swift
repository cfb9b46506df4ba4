/// One event of an event stream (WHATWG HTML §9.2.5): optional `id`, `event` and `retry`, and
/// `data` that may span lines.
package struct ServerSentEvent: Sendable, Equatable {
    /// The event id; a reconnecting client sends the last one as `Last-Event-ID`.
    package var id: String?
    /// The event type; nil for `message`.
    package var event: String?
    /// The data; each line becomes one `data:` line.
    package var data: String
    /// The reconnection time in milliseconds the client should use.
    package var retry: Int?

    /// An event.
    package init(data: String, event: String? = nil, id: String? = nil, retry: Int? = nil) {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry
    }

    /// The event as the stream carries it, ending in an empty line. Line breaks in `id` and
    /// `event` (which cannot carry them) are replaced by spaces; `id` also loses NUL.
    package var encoded: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.utf8.count + 32)
        if let id {
            output.append(contentsOf: "id: ".utf8)
            for byte in id.utf8 {
                output.append(byte == .cr || byte == .lf || byte == 0 ? .space : byte)
            }
            output.append(.lf)
        }
        if let event {
            output.append(contentsOf: "event: ".utf8)
            for byte in event.utf8 {
                output.append(byte == .cr || byte == .lf ? .space : byte)
            }
            output.append(.lf)
        }
        if let retry {
            output.append(contentsOf: "retry: ".utf8)
            ResponseEncoder.writeDecimal(max(retry, 0), into: &output)
            output.append(.lf)
        }
        // Lines end in CRLF, LF or CR (WHATWG HTML §9.2.5).
        output.append(contentsOf: "data: ".utf8)
        var previousWasCR = false
        for byte in data.utf8 {
            if byte == .lf && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == .cr
            if byte == .cr || byte == .lf {
                output.append(.lf)
                output.append(contentsOf: "data: ".utf8)
            } else {
                output.append(byte)
            }
        }
        output.append(.lf)
        output.append(.lf)
        return output
    }

    /// A comment line (`: text`), which clients ignore; line breaks become spaces.
    package static func comment(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: ":"), .space]
        for byte in text.utf8 {
            output.append(byte == .cr || byte == .lf ? .space : byte)
        }
        output.append(.lf)
        output.append(.lf)
        return output
    }
}
