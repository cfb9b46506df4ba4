/// A media type as a `Content-Type` field gives it (RFC 9110 §8.3.1):
/// `type "/" subtype *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )`, for instance
/// `application/json; charset="UTF-8"`. Type, subtype and parameter names are case-insensitive
/// and kept lowercased; values are kept as sent, without quotes and escapes.
package struct MediaType: Sendable {
    package var type: String
    package var subtype: String
    package var parameters: [(name: String, value: String)]

    /// Parses a field value; nil when it is not exactly one media type (a list, a missing
    /// subtype, whitespace around `/` or `=`, a parameter without a value, an open quote).
    package init?(_ field: String) {
        var bytes = Array(field.utf8)[...]
        Self.skipWhitespace(&bytes)
        guard let type = Self.token(&bytes), bytes.popFirst() == UInt8(ascii: "/"), let subtype = Self.token(&bytes)
        else { return nil }
        var parameters: [(name: String, value: String)] = []
        while true {
            Self.skipWhitespace(&bytes)
            guard let next = bytes.popFirst() else { break }
            guard next == UInt8(ascii: ";") else { return nil }
            Self.skipWhitespace(&bytes)
            guard let first = bytes.first, first != UInt8(ascii: ";") else { continue }
            guard let name = Self.token(&bytes), bytes.popFirst() == UInt8(ascii: "="),
                let value = bytes.first == UInt8(ascii: "\"") ? Self.quotedString(&bytes) : Self.token(&bytes)
            else { return nil }
            parameters.append((name.lowercased(), value))
        }
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// The value of parameter `name` (lowercase), if given.
    package func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    private static func skipWhitespace(_ bytes: inout ArraySlice<UInt8>) {
        while let byte = bytes.first, ByteClass.isWhitespace(byte) { bytes.removeFirst() }
    }

    /// One or more tchar, or nil.
    private static func token(_ bytes: inout ArraySlice<UInt8>) -> String? {
        let token = bytes.prefix { ByteClass.isToken($0) }
        guard !token.isEmpty else { return nil }
        bytes.removeFirst(token.count)
        return String(decoding: token, as: UTF8.self)
    }

    /// A quoted-string (RFC 9110 §5.6.4) without its quotes and with quoted-pairs undone, or nil.
    private static func quotedString(_ bytes: inout ArraySlice<UInt8>) -> String? {
        guard bytes.popFirst() == UInt8(ascii: "\"") else { return nil }
        var value: [UInt8] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = bytes.popFirst(), ByteClass.isFieldValue(escaped) else { return nil }
                value.append(escaped)
            default:
                guard ByteClass.isFieldValue(byte) else { return nil }
                value.append(byte)
            }
        }
        return nil
    }
}
