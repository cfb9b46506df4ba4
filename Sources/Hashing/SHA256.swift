/// SHA-256 (FIPS 180-4), written here because the toolchain has no hash on Linux and Rathaus
/// takes no package dependencies. Used for token hashes and, through `HMAC`, for signatures.
package struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of a block not yet complete (fewer than `blockSize`).
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// The size of one block in bytes.
    package static let blockSize = 64

    package init() {}

    /// A hasher that has absorbed `length` bytes (whole blocks) and stands at `state`: HMAC's
    /// padded-key prefix compressed once (`words(afterBlock:)`).
    init(state: Words, length: UInt64) {
        self.state = state
        self.length = length
    }

    /// The digest of `bytes`.
    package static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    package mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(contiguous: $0) }
        if done == nil { Array(bytes).withUnsafeBufferPointer { update(contiguous: $0) } }
    }

    /// Whole blocks are compressed straight from `bytes`; only a block's start or end is copied.
    private mutating func update(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !buffer.isEmpty {
            let taken = rest.prefix(SHA256.blockSize - buffer.count)
            buffer.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
            guard buffer.count == SHA256.blockSize else { return }
            buffer.withUnsafeBufferPointer { compress(UnsafeBufferPointer(rebasing: $0[...])) }
            buffer.removeAll(keepingCapacity: true)
        }
        while rest.count >= SHA256.blockSize {
            compress(UnsafeBufferPointer(rebasing: rest.prefix(SHA256.blockSize)))
            rest = rest.dropFirst(SHA256.blockSize)
        }
        if !rest.isEmpty { buffer.append(contentsOf: rest) }
    }

    /// The 32-byte digest; the hasher must not be used afterwards.
    package mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        // The rest of the message, 0x80, zeros and the 64-bit length: one block or two.
        let count = buffer.count < 56 ? SHA256.blockSize : 2 * SHA256.blockSize
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { tail in
            tail.initialize(repeating: 0)
            for (index, byte) in buffer.enumerated() { tail[index] = byte }
            tail[buffer.count] = 0x80
            for index in 0..<8 { tail[count - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * index)) }
            var start = 0
            while start < count {
                compress(UnsafeBufferPointer(rebasing: tail[start..<start + SHA256.blockSize]))
                start += SHA256.blockSize
            }
        }
        buffer.removeAll()
        return Self.bytes(state)
    }

    /// The big-endian bytes of `words`: the digest.
    static func bytes(_ words: Words) -> [UInt8] {
        // The eight words read in place (a tuple of one type is laid out as an array), not
        // copied into an array of their own first.
        withUnsafeBytes(of: words) { raw in
            [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
                for index in 0..<8 {
                    let word = raw.load(fromByteOffset: index * 4, as: UInt32.self)
                    digest[index * 4] = UInt8(word >> 24)
                    digest[index * 4 + 1] = UInt8(word >> 16 & 0xFF)
                    digest[index * 4 + 2] = UInt8(word >> 8 & 0xFF)
                    digest[index * 4 + 3] = UInt8(word & 0xFF)
                }
                count = 32
            }
        }
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses one block of `blockSize` bytes.
    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for index in 0..<16 {
                schedule[index] =
                    UInt32(block[index * 4]) << 24 | UInt32(block[index * 4 + 1]) << 16
                    | UInt32(block[index * 4 + 2]) << 8 | UInt32(block[index * 4 + 3])
            }
            SHA256.compress(&state, schedule)
        }
    }

    /// The eight working words of the hash: its state between blocks, and the digest at the end.
    package typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The words after `key` has been absorbed as one full block: HMAC's padded-key prefix
    /// (`key` must be `blockSize` bytes).
    static func words(afterBlock key: [UInt8]) -> Words {
        key.withUnsafeBufferPointer { words(afterBlock: $0) }
    }

    /// The same for a block in place.
    static func words(afterBlock key: UnsafeBufferPointer<UInt8>) -> Words {
        var hasher = SHA256()
        hasher.compress(key)
        return hasher.state
    }

    /// The compression function of FIPS 180-4 §6.2.2 on one block whose sixteen big-endian words
    /// are in `schedule[0..<16]`; `schedule` has room for 64 words and is overwritten. No
    /// allocation, so that PBKDF2's hundreds of thousands of blocks cost only the arithmetic.
    static func compress(_ state: inout Words, _ schedule: UnsafeMutableBufferPointer<UInt32>) {
        for index in 16..<64 {
            let w15 = schedule[index - 15]
            let w2 = schedule[index - 2]
            let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >> 3)
            let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >> 10)
            schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        roundConstants.withUnsafeBufferPointer { k in
            // Eight rounds per pass with the working variables' roles rotated in the arguments
            // instead of moved (FIPS 180-4 §6.2.2 step 3, unrolled).
            var index = 0
            while index < 64 {
                round(a, b, c, &d, e, f, g, &h, k[index] &+ schedule[index])
                round(h, a, b, &c, d, e, f, &g, k[index + 1] &+ schedule[index + 1])
                round(g, h, a, &b, c, d, e, &f, k[index + 2] &+ schedule[index + 2])
                round(f, g, h, &a, b, c, d, &e, k[index + 3] &+ schedule[index + 3])
                round(e, f, g, &h, a, b, c, &d, k[index + 4] &+ schedule[index + 4])
                round(d, e, f, &g, h, a, b, &c, k[index + 5] &+ schedule[index + 5])
                round(c, d, e, &f, g, h, a, &b, k[index + 6] &+ schedule[index + 6])
                round(b, c, d, &e, f, g, h, &a, k[index + 7] &+ schedule[index + 7])
                index += 8
            }
        }
        state = (
            state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
            state.7 &+ h
        )
    }

    /// One round: `d` gains T1, `h` becomes T1 + T2; the caller renames the variables for the next.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
        _ h: inout UInt32, _ constantAndWord: UInt32
    ) {
        // Ch and Maj in their shorter equivalent forms: g ^ (e & (f ^ g)), (a & b) | (c & (a | b)).
        let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ (g ^ (e & (f ^ g))) &+ constantAndWord
        let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) | (c & (a | b)))
        d = d &+ t1
        h = t1 &+ t2
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}

/// HMAC-SHA256 (RFC 2104), for signed tokens.
package enum HMAC {
    /// The 32-byte authentication code of `message` under `key`.
    package static func sha256(key: [UInt8], message: some Sequence<UInt8>) -> [UInt8] {
        Key(key).code(message)
    }

    /// A key made ready once: its padded prefixes (key ⊕ ipad, key ⊕ opad, RFC 2104 §2)
    /// compressed, so that each code under it costs two compressions fewer.
    package struct Key: Sendable {
        let inner: SHA256.Words
        let outer: SHA256.Words

        package init(_ key: [UInt8]) {
            let short = key.count > SHA256.blockSize ? SHA256.hash(key) : key
            // The key zero-padded to a block and XORed with each pad, in one block on the stack.
            (inner, outer) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SHA256.blockSize) { block in
                for index in 0..<SHA256.blockSize { block[index] = (index < short.count ? short[index] : 0) ^ 0x36 }
                let inner = SHA256.words(afterBlock: UnsafeBufferPointer(block))
                for index in 0..<SHA256.blockSize { block[index] ^= 0x36 ^ 0x5C }
                return (inner, SHA256.words(afterBlock: UnsafeBufferPointer(block)))
            }
        }

        /// The 32-byte authentication code of `message`.
        package func code(_ message: some Sequence<UInt8>) -> [UInt8] {
            var hasher = SHA256(state: inner, length: UInt64(SHA256.blockSize))
            hasher.update(message)
            let digest = hasher.finalize()
            var outerHasher = SHA256(state: outer, length: UInt64(SHA256.blockSize))
            outerHasher.update(digest)
            return outerHasher.finalize()
        }
    }

    /// Compares two codes in time that does not depend on where they differ.
    package static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
