/// Base64 (RFC 4648 §4), for encoded words and attachment bodies.
enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` in base64 with padding, on one line.
    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(alphabet[Int(group >> 18 & 0x3F)])
            output.append(alphabet[Int(group >> 12 & 0x3F)])
            output.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(group >> 6 & 0x3F)])
            output.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(group & 0x3F)])
        }
        return output
    }

    /// A body in base64, in lines of 76 characters, each ending in CRLF (RFC 2045 §6.8).
    static func appendBody(_ bytes: [UInt8], to output: inout [UInt8]) {
        let encoded = encode(bytes)
        var start = 0
        while start < encoded.count {
            let end = min(start + MailLimits.encodedLineOctets, encoded.count)
            output += encoded[start..<end]
            output += [0x0D, 0x0A]
            start = end
        }
    }
}
