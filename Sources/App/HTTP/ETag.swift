import Scheduling

/// Entity tags for cached answers: a 64-bit FNV-1a hash of the body, as a strong ETag.
package enum ETag {
    package static func of(_ body: [UInt8]) -> String {
        let hash = body.withUnsafeBufferPointer { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        let digits = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - digits.count) + digits + "\""
    }

    /// Whether an `If-None-Match` value names `tag` (or is `*`), by weak comparison (RFC 9110
    /// §13.1.2). `If-Match` compares strongly: see `expectedSequence`.
    package static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        if header.trimmingWhitespace == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var value = candidate.trimmingWhitespace
            if value.hasPrefix("W/") { value.removeFirst(2) }
            return value == tag
        }
    }
}
