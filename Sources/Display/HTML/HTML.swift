/// Escaping and URL helpers shared by the page renderers.
///
/// Every piece of data a page shows goes through ``escape(_:)``, in text and in (always
/// double-quoted) attribute values alike, so a name such as `<script>` is shown, never run.
package enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references (HTML §13.1.4), and
    /// control characters other than tab, line feed and carriage return replaced by U+FFFD, so it
    /// is safe as element text and inside a double- or single-quoted attribute value.
    package static func escape(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `segment` percent-encoded for one path segment of a URL: everything but the unreserved
    /// characters of RFC 3986 §2.3 is encoded as UTF-8 octets.
    package static func pathSegment(_ segment: String) -> String {
        var output = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return output
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
}
