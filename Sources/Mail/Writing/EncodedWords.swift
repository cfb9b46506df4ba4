/// RFC 2047 encoded words for UTF-8 text: `=?UTF-8?Q?M=C3=BCller?=` or `=?UTF-8?B?w7w=?=`.
enum EncodedWords {
    private static let prefixQ = "=?UTF-8?Q?"
    private static let prefixB = "=?UTF-8?B?"
    /// The encoded text an encoded word can hold: its length less `=?UTF-8?Q?` and `?=`.
    private static let payloadOctets = MailLimits.encodedWordOctets - 12
    /// The bytes a B word holds: whole groups of three that fit the payload.
    private static let bytesPerBWord = payloadOctets / 4 * 3

    /// `text` as encoded words of at most `MailLimits.encodedWordOctets` each, to be written with one space between
    /// them (a decoder drops the white space between adjacent encoded words, RFC 2047 §6.2). A
    /// word never splits a Unicode scalar's bytes (§5). Q, which leaves ASCII letters readable, is
    /// used unless it is more than half as long again as B: for German text, not for Cyrillic or
    /// Japanese, where Q triples every byte.
    static func encode(_ text: String) -> [String] {
        let utf8 = text.utf8
        let qLength = utf8.reduce(0) { $0 + (isQLiteral($1) || $1 == 0x20 ? 1 : 3) }
        let bLength = (utf8.count + 2) / 3 * 4
        return qLength * 2 <= bLength * 3 ? encodeQ(text) : encodeB(text)
    }

    /// Characters Q leaves as they are. The set allowed in a phrase (§5 rule 3), the strictest of
    /// the three contexts, is used everywhere, so one word fits a subject and a display name.
    private static func isQLiteral(_ byte: UInt8) -> Bool {
        ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }

    private static func encodeQ(_ text: String) -> [String] {
        var words: [String] = []
        var payload: [UInt8] = []
        var piece: [UInt8] = []
        for scalar in text.unicodeScalars {
            piece.removeAll(keepingCapacity: true)
            for byte in String(scalar).utf8 {
                if byte == 0x20 {
                    piece.append(UInt8(ascii: "_"))
                } else if isQLiteral(byte) {
                    piece.append(byte)
                } else {
                    piece += [UInt8(ascii: "="), ASCII.hexDigits[Int(byte >> 4)], ASCII.hexDigits[Int(byte & 0x0F)]]
                }
            }
            if payload.count + piece.count > payloadOctets {
                words.append(prefixQ + String(decoding: payload, as: UTF8.self) + "?=")
                payload.removeAll(keepingCapacity: true)
            }
            payload += piece
        }
        if !payload.isEmpty { words.append(prefixQ + String(decoding: payload, as: UTF8.self) + "?=") }
        return words
    }

    private static func encodeB(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerBWord {
                words.append(prefixB + String(decoding: Base64.encode(chunk), as: UTF8.self) + "?=")
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefixB + String(decoding: Base64.encode(chunk), as: UTF8.self) + "?=") }
        return words
    }
}
