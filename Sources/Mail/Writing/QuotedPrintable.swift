/// The quoted-printable encoding of a UTF-8 text body (RFC 2045 §6.7).
enum QuotedPrintable {
    /// Appends `text` encoded. `\r\n` and `\n` are line breaks and are written as CRLF (rule 4);
    /// every other byte outside printable ASCII, `=`, and a space or tab at the end of a line are
    /// written as `=XX` (rules 1–3); lines are broken with soft line breaks so that none is longer
    /// than 76 characters (rule 5). A text that does not end in a line break ends in a soft line
    /// break, so the encoded body always ends in CRLF and decodes to exactly `text` (with CRLF
    /// line breaks). A line that starts with `From ` has its `F` encoded (RFC 2049 §3 item 8),
    /// which keeps mbox writers from changing it. A line that starts with `.` is left as it is:
    /// dot-stuffing is the SMTP transport's job (RFC 5321 §4.5.2).
    static func append(_ text: String, to output: inout [UInt8]) {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                let end = index > lineStart && bytes[index - 1] == 0x0D ? index - 1 : index
                appendLine(bytes[lineStart..<end], to: &output)
                output += [0x0D, 0x0A]
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.count {
            appendLine(bytes[lineStart...], to: &output)
            output += [UInt8(ascii: "="), 0x0D, 0x0A]
        }
    }

    private static func appendLine(_ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var length = 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            let isLast = index == line.endIndex - 1
            let literal: Bool
            switch byte {
            case UInt8(ascii: "="): literal = false
            case 0x20, 0x09: literal = !isLast
            case 0x21...0x7E: literal = true
            default: literal = false
            }
            let size = literal ? 1 : 3
            // Room for the `=` of a soft line break after this character, unless it ends the line.
            if length + size > MailLimits.encodedLineOctets - (isLast ? 0 : 1) {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                length = 0
            }
            if literal, !(length == 0 && startsFrom(line, at: index)) {
                output.append(byte)
                length += 1
            } else {
                output += [UInt8(ascii: "="), ASCII.hexDigits[Int(byte >> 4)], ASCII.hexDigits[Int(byte & 0x0F)]]
                length += 3
            }
            index += 1
        }
    }

    private static let from: [UInt8] = Array("From ".utf8)

    private static func startsFrom(_ line: ArraySlice<UInt8>, at index: Int) -> Bool {
        line[index...].starts(with: from)
    }
}
