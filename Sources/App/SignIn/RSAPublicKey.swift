import Storage

/// An RSA public key that verifies RS256 signatures: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017
/// §8.2.2, RFC 7518 §3.3), written on the toolchain with a small unsigned big integer of 64-bit
/// limbs and Montgomery multiplication. Only the public operation is here, so nothing needs to
/// run in constant time: modulus, exponent and signature are all public.
package struct RSAPublicKey: Equatable, Sendable {
    /// RFC 7518 §3.3: RS256 keys of 2048 bits or more; 8192 bounds the work per signature.
    package static let modulusBits = 2_048...8_192

    /// The modulus, big-endian, without leading zero bytes.
    package let modulus: [UInt8]
    /// The public exponent.
    package let exponent: UInt64

    /// A key from the big-endian bytes of its modulus and exponent (as a JWK's `n` and `e`);
    /// nil unless the modulus is odd with 2048 to 8192 bits and the exponent odd, at least 3 and
    /// below 2⁶⁴.
    package init?(modulus: [UInt8], exponent: [UInt8]) {
        let modulus = Array(modulus.drop { $0 == 0 })
        let exponentBytes = Array(exponent.drop { $0 == 0 })
        guard let last = modulus.last, last & 1 == 1, let first = modulus.first,
            RSAPublicKey.modulusBits.contains(modulus.count * 8 - first.leadingZeroBitCount),
            (1...8).contains(exponentBytes.count)
        else { return nil }
        let exponent = exponentBytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard exponent >= 3, exponent & 1 == 1 else { return nil }
        self.modulus = modulus
        self.exponent = exponent
    }

    /// The DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
    private static let sha256DigestInfo: [UInt8] = [
        0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
        0x20,
    ]

    /// Whether `signature` is this key's RS256 signature of `message` (RFC 8017 §8.2.2): the
    /// signature has the modulus's length and is below it, and s^e mod n is exactly
    /// `00 01 FF…FF 00 DigestInfo(SHA-256(message))`.
    package func verifies(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let length = modulus.count
        guard signature.count == length else { return false }
        let n = Limbs(bigEndian: modulus)
        let s = Limbs(bigEndian: signature)
        guard Limbs.compare(s.words, n.words) < 0 else { return false }
        let encoded = Montgomery(modulus: n).power(s, exponent).bigEndian(count: length)
        let suffix = RSAPublicKey.sha256DigestInfo + SHA256.hash(message)
        let expected =
            [0x00, 0x01] + [UInt8](repeating: 0xFF, count: length - 3 - suffix.count) + [0x00] + suffix
        return encoded == expected
    }
}

/// An unsigned integer as 64-bit limbs, least significant first.
private struct Limbs {
    var words: [UInt64]

    init(words: [UInt64]) {
        self.words = words
    }

    init(bigEndian bytes: [UInt8]) {
        var words = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        for (index, byte) in bytes.reversed().enumerated() {
            words[index / 8] |= UInt64(byte) << UInt64(8 * (index % 8))
        }
        self.words = words
    }

    /// The low `count` bytes, big-endian.
    func bigEndian(count: Int) -> [UInt8] {
        (0..<count).reversed().map { index in
            index / 8 < words.count ? UInt8(truncatingIfNeeded: words[index / 8] >> UInt64(8 * (index % 8))) : 0
        }
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b` (both of any length).
    static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        for index in (0..<max(a.count, b.count)).reversed() {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// `a - b` in place over `a.count` limbs, for `a >= b`; returns the borrow out.
    @discardableResult
    static func subtract(_ a: inout [UInt64], _ b: [UInt64]) -> Bool {
        var borrow = false
        for index in a.indices {
            let (first, overflowFirst) = a[index].subtractingReportingOverflow(index < b.count ? b[index] : 0)
            let (second, overflowSecond) = first.subtractingReportingOverflow(borrow ? 1 : 0)
            a[index] = second
            borrow = overflowFirst || overflowSecond
        }
        return borrow
    }
}

/// Arithmetic modulo an odd `n` in Montgomery form (R = 2^(64·k) for k limbs): multiplication
/// without division, by the CIOS method (Koç, Acar, Kaliski, "Analyzing and Comparing Montgomery
/// Multiplication Algorithms", 1996).
private struct Montgomery {
    let n: [UInt64]
    /// −n⁻¹ mod 2⁶⁴.
    let inverse: UInt64
    /// R² mod n, to bring numbers into Montgomery form.
    let rSquared: [UInt64]

    init(modulus: Limbs) {
        n = modulus.words
        // Newton's iteration for n[0]⁻¹ mod 2⁶⁴: each step doubles the correct low bits (3 → 96).
        var inverse = n[0]
        for _ in 0..<5 { inverse = inverse &* (2 &- n[0] &* inverse) }
        self.inverse = 0 &- inverse
        // R² mod n by doubling 1 modulo n, 2·64·k times.
        var value = [UInt64](repeating: 0, count: n.count)
        value[0] = 1
        for _ in 0..<(2 * 64 * n.count) {
            var carry: UInt64 = 0
            for index in value.indices {
                let next = value[index] >> 63
                value[index] = value[index] << 1 | carry
                carry = next
            }
            if carry == 1 || Limbs.compare(value, n) >= 0 { Limbs.subtract(&value, n) }
        }
        rSquared = value
    }

    /// a · b · R⁻¹ mod n, for a, b below n.
    func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let k = n.count
        var t = [UInt64](repeating: 0, count: k + 2)
        for i in 0..<k {
            var carry: UInt64 = 0
            for j in 0..<k {
                let (high, low) = a[j].multipliedFullWidth(by: b[i])
                let (sum, overflow) = low.addingReportingOverflow(t[j])
                let (total, overflowCarry) = sum.addingReportingOverflow(carry)
                t[j] = total
                carry = high &+ (overflow ? 1 : 0) &+ (overflowCarry ? 1 : 0)
            }
            var (sum, overflow) = t[k].addingReportingOverflow(carry)
            t[k] = sum
            t[k + 1] = overflow ? 1 : 0

            let m = t[0] &* inverse
            let (high, low) = m.multipliedFullWidth(by: n[0])
            carry = high &+ (low.addingReportingOverflow(t[0]).overflow ? 1 : 0)
            for j in 1..<k {
                let (high, low) = m.multipliedFullWidth(by: n[j])
                let (partial, overflowLow) = low.addingReportingOverflow(t[j])
                let (total, overflowCarry) = partial.addingReportingOverflow(carry)
                t[j - 1] = total
                carry = high &+ (overflowLow ? 1 : 0) &+ (overflowCarry ? 1 : 0)
            }
            (sum, overflow) = t[k].addingReportingOverflow(carry)
            t[k - 1] = sum
            t[k] = t[k + 1] &+ (overflow ? 1 : 0)
        }
        var result = Array(t[0..<k])
        if t[k] != 0 || Limbs.compare(result, n) >= 0 { Limbs.subtract(&result, n) }
        return result
    }

    /// base^exponent mod n, by squaring and multiplying from the exponent's top bit.
    func power(_ base: Limbs, _ exponent: UInt64) -> Limbs {
        let one = [1] + [UInt64](repeating: 0, count: n.count - 1)
        let baseForm = multiply(
            base.words + [UInt64](repeating: 0, count: max(0, n.count - base.words.count)), rSquared)
        var result = multiply(one, rSquared)
        for bit in (0..<(64 - exponent.leadingZeroBitCount)).reversed() {
            result = multiply(result, result)
            if exponent >> UInt64(bit) & 1 == 1 { result = multiply(result, baseForm) }
        }
        return Limbs(words: multiply(result, one))
    }
}
