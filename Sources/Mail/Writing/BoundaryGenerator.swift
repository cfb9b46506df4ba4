/// Multipart boundaries from a seed the caller gives, so that the same message gives the same
/// bytes (tests, and a redelivery after a crash) while different messages get different ones.
///
/// A boundary is `=_<n>.<32 hex digits>`: `n` counts the multiparts of the message, so no boundary
/// is a prefix of another; `=_` cannot occur in quoted-printable or base64 text, the only body
/// encodings the writer uses, so no boundary can occur in a body (the usual trick, RFC 2045
/// §6.7 and RFC 2046 §5.1.1).
struct BoundaryGenerator {
    private var state: UInt64
    private var count = 0

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> String {
        let text = "=_" + String(count) + "." + hex(nextRandom()) + hex(nextRandom())
        count += 1
        return text
    }

    /// SplitMix64 (Steele, Lea and Flood, 2014).
    private mutating func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func hex(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 {
            bytes[15 - index] = ASCII.hexDigits[Int(value >> (UInt64(index) * 4) & 0x0F)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
