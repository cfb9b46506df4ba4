/// Writes header fields: `Name: token token …` with CRLF, folded (RFC 5322 §2.2.3) before a
/// token that would take the line past 78 octets, the first token included (`Subject:` then a
/// continuation line is allowed: a line may not be only white space, and this one is not).
///
/// A token is written as it is, never split, and every token is preceded by one space, which is
/// where a fold goes: a fold only puts CRLF before that space, so unfolding gives back the same
/// value. The callers keep each token short (encoded words of at most 68 octets, plain words of at
/// most `MailLimits.maximumPlainWordOctets`, an address of at most 256), so no line comes near
/// 998 octets; tokens come from this module's writers and never hold CR or LF.
struct HeaderWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    mutating func field(_ name: String, _ tokens: [String]) {
        bytes += name.utf8
        bytes.append(UInt8(ascii: ":"))
        var lineLength = name.utf8.count + 1
        for token in tokens {
            let size = token.utf8.count
            if lineLength + 1 + size > MailLimits.preferredLineOctets {
                bytes += [0x0D, 0x0A]
                lineLength = 0
            }
            bytes.append(0x20)
            bytes += token.utf8
            lineLength += 1 + size
        }
        bytes += [0x0D, 0x0A]
    }

    /// The empty line that ends a header section.
    mutating func end() {
        bytes += [0x0D, 0x0A]
    }
}
