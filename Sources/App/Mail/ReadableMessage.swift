import Foundation

/// A message Rathaus wrote, made readable for a person at a terminal or on the staff's mail page:
/// the header fields with their encoded words decoded (RFC 2047), then each part of the body
/// decoded from quoted-printable or base64 (RFC 2045), text shown as text and other parts named
/// with their size. It reads what `MailMessage` writes (and messages like it); it is not a
/// general MIME parser, and it never fails: what it cannot decode it shows as it is.
package enum ReadableMessage {
    /// The header fields shown, in this order.
    static let fields = ["Date", "From", "To", "Reply-To", "Subject", "Message-ID"]

    /// `message` as readable text, lines ending in `\n`.
    package static func text(_ message: [UInt8]) -> String {
        let (header, body) = split(message)
        var lines: [String] = []
        for name in fields {
            if let value = header.first(where: { $0.name.lowercased() == name.lowercased() })?.value {
                lines.append(name + ": " + decodeWords(value))
            }
        }
        lines.append("")
        lines += parts(header: header, body: body)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Structure

    /// The unfolded header fields and the body, of a message or a part (CRLF or LF line ends).
    static func split(_ bytes: [UInt8]) -> (header: [(name: String, value: String)], body: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let end = text.range(of: "\n\n")
        let headerText = end.map { String(text[..<$0.lowerBound]) } ?? text
        let body = end.map { Array(text[$0.upperBound...].utf8) } ?? []
        var fields: [(name: String, value: String)] = []
        for line in headerText.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += String(line)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append(
                    (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return (fields, body)
    }

    private static func field(_ header: [(name: String, value: String)], _ name: String) -> String? {
        header.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// A parameter of a structured field value (`boundary`, `method`, `filename`).
    static func parameter(_ value: String, _ name: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The readable lines of a body with `header`: a multipart's parts one after another.
    private static func parts(header: [(name: String, value: String)], body: [UInt8], depth: Int = 0) -> [String] {
        let type = field(header, "Content-Type") ?? "text/plain"
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if mediaType?.hasPrefix("multipart/") == true, depth < 8, let boundary = parameter(type, "boundary") {
            let text = String(decoding: body, as: UTF8.self)
            let delimiter = "--" + boundary
            var lines: [String] = []
            for chunk in text.components(separatedBy: delimiter).dropFirst() {
                if chunk.hasPrefix("--") { break }
                let inner = chunk.hasPrefix("\n") ? String(chunk.dropFirst()) : chunk
                let (partHeader, partBody) = split(Array(inner.utf8))
                lines += parts(header: partHeader, body: partBody, depth: depth + 1)
            }
            return lines
        }
        let encoding = field(header, "Content-Transfer-Encoding")?.lowercased() ?? ""
        let decoded =
            encoding == "quoted-printable"
            ? quotedPrintable(body) : encoding == "base64" ? base64(body) ?? body : body
        let name = field(header, "Content-Disposition").flatMap { parameter($0, "filename") }
        if name == nil, mediaType?.hasPrefix("text/") ?? true {
            return [
                "--- \(type) ---",
                String(decoding: decoded, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
            ]
        }
        return ["--- \(name.map { "attachment \($0), " } ?? "")\(type), \(decoded.count) bytes ---", ""]
    }

    // MARK: Decoding

    /// Quoted-printable (RFC 2045 §6.7): `=XX` escapes and soft line breaks undone.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), index + 1 < bytes.count {
                if bytes[index + 1] == 0x0A {
                    index += 2
                    continue
                }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                    index += 3
                    continue
                }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        return Data(base64Encoded: text).map(Array.init)
    }

    /// The encoded words of a header value decoded (RFC 2047 §6.2: the white space between two
    /// adjacent encoded words is dropped).
    static func decodeWords(_ value: String) -> String {
        var output = ""
        var previousWasEncoded = false
        var rest = Substring(value)
        while !rest.isEmpty {
            let space = rest.prefix { $0 == " " || $0 == "\t" }
            rest = rest.dropFirst(space.count)
            let word = rest.prefix { $0 != " " && $0 != "\t" }
            rest = rest.dropFirst(word.count)
            if let decoded = decodeWord(word) {
                output += (previousWasEncoded ? "" : String(space)) + decoded
                previousWasEncoded = true
            } else {
                output += String(space) + word
                previousWasEncoded = false
            }
        }
        return output.trimmingCharacters(in: .whitespaces)
    }

    /// One `=?UTF-8?Q?…?=` or `=?UTF-8?B?…?=` word, or nil when it is none.
    private static func decodeWord(_ word: Substring) -> String? {
        guard word.hasPrefix("=?"), word.hasSuffix("?="), word.count > 6 else { return nil }
        let inner = word.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        guard inner.count == 3, inner[0].lowercased() == "utf-8" else { return nil }
        switch inner[1].uppercased() {
        case "Q":
            let bytes = quotedPrintable(Array(inner[2].replacingOccurrences(of: "_", with: " ").utf8))
            return String(decoding: bytes, as: UTF8.self)
        case "B":
            return base64(Array(inner[2].utf8)).map { String(decoding: $0, as: UTF8.self) }
        default:
            return nil
        }
    }
}
