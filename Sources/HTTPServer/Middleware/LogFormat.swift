/// How log lines are written: `key=value` text, or one JSON object per line for log collectors
/// (Loki, Elasticsearch, journald's JSON export), with the same fields.
package enum LogFormat: String, Sendable, CaseIterable {
    /// `level=info event=http.request id=… status=200 duration_us=153`
    case text
    /// `{"level":"info","event":"http.request","id":"…","status":200,"duration_us":153}`
    case json

    /// `line` (a `key=value` line) in this format. In JSON, values of digits only become numbers,
    /// a quoted value (`error="…"`) its text, and a line that is not `key=value` becomes
    /// `{"message": line}`.
    package func render(_ line: String) -> String {
        switch self {
        case .text: return line
        case .json: return Self.json(Self.fields(of: line))
        }
    }

    /// The fields of a `key=value` line, in order; `[("message", line)]` when it is not one.
    static func fields(of line: String) -> [(String, String)] {
        let bytes = Array(line.utf8)
        var fields: [(String, String)] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { break }
            let keyStart = index
            while index < bytes.count, isKeyByte(bytes[index]) { index += 1 }
            guard index > keyStart, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                return [("message", line)]
            }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                // A quoted value ends at the last quote before ` key=` or the end of the line,
                // so that quotes inside it (an SQLite message) stay in it.
                let valueStart = index + 1
                var end = bytes.count
                var probe = valueStart
                while probe < bytes.count {
                    if bytes[probe] == UInt8(ascii: "\""), probe + 1 == bytes.count || startsField(bytes, at: probe + 1)
                    {
                        end = probe
                        break
                    }
                    probe += 1
                }
                fields.append((key, String(decoding: bytes[valueStart..<min(end, bytes.count)], as: UTF8.self)))
                index = end + 1
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: " ") { index += 1 }
                fields.append((key, String(decoding: bytes[valueStart..<index], as: UTF8.self)))
            }
        }
        return fields.isEmpty ? [("message", line)] : fields
    }

    /// Whether ` key=` starts at `index`.
    private static func startsField(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: " ") else { return false }
        var probe = index + 1
        while probe < bytes.count, isKeyByte(bytes[probe]) { probe += 1 }
        return probe > index + 1 && probe < bytes.count && bytes[probe] == UInt8(ascii: "=")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// One JSON object; values of digits only (no leading zero) are numbers.
    static func json(_ fields: [(String, String)]) -> String {
        var output = "{"
        for (position, (key, value)) in fields.enumerated() {
            if position > 0 { output += "," }
            output += quoted(key) + ":"
            let isNumber =
                !value.isEmpty && value.utf8.count <= 18 && value.utf8.allSatisfy { (48...57).contains($0) }
                && (value == "0" || value.utf8.first != UInt8(ascii: "0"))
            output += isNumber ? value : quoted(value)
        }
        return output + "}"
    }

    /// A JSON string (RFC 8259 §7).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
