/// What a server offers in its EHLO reply (RFC 5321 §4.1.1.1), as far as the client uses it.
package struct SMTPExtensions: Equatable, Sendable {
    /// PIPELINING (RFC 2920): commands may be sent in groups without waiting for each reply.
    package var pipelining = false
    /// SIZE (RFC 1870): nil when not offered; 0 when offered without a fixed limit; otherwise the
    /// largest message the server takes, in octets.
    package var size: Int?
    /// 8BITMIME (RFC 6152). The writer's bodies are 7-bit, so this is only noted.
    package var eightBitMIME = false
    /// SMTPUTF8 (RFC 6531): addresses beyond ASCII are taken.
    package var smtpUTF8 = false

    /// No extensions, as after HELO.
    package init() {}

    /// Reads the keywords of an EHLO reply; the first line is the server's greeting, not an
    /// extension. Unknown keywords are ignored.
    package init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ")
            guard let keyword = words.first?.uppercased() else { continue }
            switch keyword {
            case "PIPELINING": pipelining = true
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            case "SIZE":
                // RFC 1870 §4: the parameter is optional; a value that is not a number counts as none.
                size = words.count > 1 ? Int(words[1]).map { max(0, $0) } ?? 0 : 0
            default: continue
            }
        }
    }
}
