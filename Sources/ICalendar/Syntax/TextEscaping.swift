/// Escaping of TEXT values (RFC 5545 §3.3.11) and parameter values (RFC 6868).
package enum TextEscaping {
    /// Reads a TEXT value: `\\` → `\`, `\;` → `;`, `\,` → `,`, `\n` or `\N` → line feed.
    ///
    /// Other escapes are not defined by §3.3.11; the backslash is dropped and the character kept,
    /// which is what common readers do with Outlook's occasional `\:`.
    package static func unescape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\\")) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// Writes a TEXT value: escapes `\`, `;` and `,`, turns line breaks (CRLF, CR or LF) into `\n`
    /// and drops the other control characters, which §3.3.11 does not allow.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }) {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// Decodes RFC 6868 escapes in a parameter value: `^n` → line feed, `^'` → `"`, `^^` → `^`;
    /// any other `^` stays as it is (§3.2 of RFC 6868).
    static func decodeParameter(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "^")) else { return value }
        var result = ""
        var pendingCaret = false
        for character in value {
            if pendingCaret {
                switch character {
                case "n": result.append("\n")
                case "'": result.append("\"")
                case "^": result.append("^")
                default: result += "^" + String(character)
                }
                pendingCaret = false
            } else if character == "^" {
                pendingCaret = true
            } else {
                result.append(character)
            }
        }
        if pendingCaret { result.append("^") }
        return result
    }

    /// Writes a parameter value: RFC 6868 escapes for `^`, `"` and line breaks, and quotes when the
    /// value contains `:`, `;` or `,` (RFC 5545 §3.2).
    static func encodeParameter(_ value: String) -> String {
        var encoded = ""
        var needsQuotes = false
        for character in value {
            switch character {
            case "^": encoded += "^^"
            case "\"": encoded += "^'"
            case "\n", "\r\n", "\r": encoded += "^n"
            case ":", ";", ",":
                needsQuotes = true
                encoded.append(character)
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }) {
                    encoded.append(character)
                }
            }
        }
        return needsQuotes ? "\"" + encoded + "\"" : encoded
    }
}

extension TextEscaping {
    /// Splits a TEXT list (CATEGORIES, §3.8.1.2) at unescaped commas and unescapes each item.
    static func splitList(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaping = false
        for character in value {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," {
                items.append(unescape(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(unescape(current))
        return items.filter { !$0.isEmpty }
    }
}
