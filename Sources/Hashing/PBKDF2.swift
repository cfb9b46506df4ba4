/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256 as its pseudorandom function, for staff passwords.
///
/// Every iteration is two HMAC-SHA256 computations on a 32-byte message. HMAC's padded-key
/// prefixes (key ⊕ ipad, key ⊕ opad, RFC 2104 §2) are the same in every iteration, so they are
/// compressed once and their states reused; what is left per iteration is two SHA-256
/// compressions on words already in place, with no allocation and no byte conversion.
package enum PBKDF2 {
    /// The longest derived key RFC 8018 §5.2 allows: (2³² − 1) blocks of 32 bytes. Rathaus asks
    /// for 32 bytes; the bound only makes a wrong length an error instead of a hang.
    package static let maximumKeyLength = Int(UInt32.max) * 32

    /// The `keyLength`-byte key derived from `password` and `salt` with `iterations` rounds.
    package static func sha256(
        password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int
    ) throws(PasswordHashError) -> [UInt8] {
        guard iterations >= 1 else { throw .iterationsOutOfRange(iterations) }
        guard (1...maximumKeyLength).contains(keyLength) else { throw .keyLengthOutOfRange(keyLength) }

        var key = password.count > SHA256.blockSize ? SHA256.hash(password) : password
        key += [UInt8](repeating: 0, count: SHA256.blockSize - key.count)
        let inner = SHA256.words(afterBlock: key.map { $0 ^ 0x36 })
        let outer = SHA256.words(afterBlock: key.map { $0 ^ 0x5C })

        var derived: [UInt8] = []
        derived.reserveCapacity(keyLength + 31)
        var blockIndex: UInt32 = 1
        while derived.count < keyLength {
            // U₁ = PRF(P, S ‖ INT(i)); the salt has any length, so the general HMAC does it.
            let first = HMAC.sha256(
                key: password, message: salt + withUnsafeBytes(of: blockIndex.bigEndian) { Array($0) })
            let block = iterate(first: words(first), inner: inner, outer: outer, iterations: iterations)
            derived += bytes(block)
            blockIndex &+= 1
        }
        return Array(derived.prefix(keyLength))
    }

    /// T = U₁ ⊕ U₂ ⊕ … ⊕ U_c, where U_j = HMAC(P, U_{j−1}) is computed from the prefix states.
    private static func iterate(
        first: SHA256.Words, inner: SHA256.Words, outer: SHA256.Words, iterations: Int
    ) -> SHA256.Words {
        var previous = first
        var sum = first
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for _ in 1..<iterations {
                var innerState = inner
                load(previous, into: schedule)
                SHA256.compress(&innerState, schedule)
                var outerState = outer
                load(innerState, into: schedule)
                SHA256.compress(&outerState, schedule)
                previous = outerState
                sum = (
                    sum.0 ^ previous.0, sum.1 ^ previous.1, sum.2 ^ previous.2, sum.3 ^ previous.3,
                    sum.4 ^ previous.4, sum.5 ^ previous.5, sum.6 ^ previous.6, sum.7 ^ previous.7
                )
            }
        }
        return sum
    }

    /// Writes the one block that follows a 64-byte prefix when the message is a 32-byte digest:
    /// the digest, the 0x80 marker, zeros, and the bit length of prefix and message (96 bytes =
    /// 768 bits), as FIPS 180-4 §5.1.1 pads it.
    @inline(__always)
    private static func load(_ digest: SHA256.Words, into schedule: UnsafeMutableBufferPointer<UInt32>) {
        schedule[0] = digest.0
        schedule[1] = digest.1
        schedule[2] = digest.2
        schedule[3] = digest.3
        schedule[4] = digest.4
        schedule[5] = digest.5
        schedule[6] = digest.6
        schedule[7] = digest.7
        schedule[8] = 0x8000_0000
        for index in 9..<15 { schedule[index] = 0 }
        schedule[15] = 768
    }

    private static func words(_ digest: [UInt8]) -> SHA256.Words {
        func word(_ index: Int) -> UInt32 {
            UInt32(digest[index * 4]) << 24 | UInt32(digest[index * 4 + 1]) << 16 | UInt32(digest[index * 4 + 2]) << 8
                | UInt32(digest[index * 4 + 3])
        }
        return (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
    }

    private static func bytes(_ words: SHA256.Words) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3, words.4, words.5, words.6, words.7] {
            bytes += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
        }
        return bytes
    }
}
