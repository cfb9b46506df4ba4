/// scrypt (RFC 7914), the memory-hard alternative to PBKDF2 that issue 22 allows for staff
/// passwords. Not used by `PasswordHash`, which stores PBKDF2; here so that a town that asks for a
/// memory-hard hash can have one without another dependency. Works on 32-bit little-endian words
/// throughout (RFC 7914 §3 reads the blocks as such), with one allocation for the N-block table.
package enum Scrypt {
    /// The most memory one derivation may take, 128 · r · N bytes for the table and 128 · r · p
    /// for the blocks, each: 256 MiB, so that a parameter read from somewhere cannot exhaust the
    /// machine.
    package static let maximumMemoryBytes = 256 << 20

    /// The `keyLength`-byte key of `password` and `salt` with cost `n` (a power of two above 1),
    /// block size `r` and parallelisation `p` (RFC 7914 §6).
    package static func derive(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, keyLength: Int
    ) throws(PasswordHashError) -> [UInt8] {
        // §2: N a power of two greater than 1 and below 2^(128·r/8); p·r below 2^30. Divisions
        // instead of products, so that no check can overflow.
        guard n > 1, n & (n - 1) == 0, n <= maximumMemoryBytes / 128, r >= 1, p >= 1,
            r <= maximumMemoryBytes / (128 * n), r <= maximumMemoryBytes / (128 * p), r < (1 << 30) / p,
            n.trailingZeroBitCount < 16 * r
        else { throw .costOutOfRange(n: n, r: r, p: p) }
        let blockWords = 32 * r
        var blocks = try PBKDF2.sha256(password: password, salt: salt, iterations: 1, keyLength: p * 128 * r)
        var words = [UInt32](repeating: 0, count: p * blockWords)
        for index in words.indices {
            words[index] =
                UInt32(blocks[4 * index]) | UInt32(blocks[4 * index + 1]) << 8 | UInt32(blocks[4 * index + 2]) << 16
                | UInt32(blocks[4 * index + 3]) << 24
        }
        var table = [UInt32](repeating: 0, count: n * blockWords)
        var scratch = [UInt32](repeating: 0, count: 2 * blockWords)
        words.withUnsafeMutableBufferPointer { words in
            table.withUnsafeMutableBufferPointer { table in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for block in 0..<p {
                        let x = UnsafeMutableBufferPointer(
                            rebasing: words[(block * blockWords)..<((block + 1) * blockWords)])
                        mixMemory(x, r: r, n: n, table: table, scratch: scratch)
                    }
                }
            }
        }
        for (index, word) in words.enumerated() {
            blocks[4 * index] = UInt8(truncatingIfNeeded: word)
            blocks[4 * index + 1] = UInt8(truncatingIfNeeded: word >> 8)
            blocks[4 * index + 2] = UInt8(truncatingIfNeeded: word >> 16)
            blocks[4 * index + 3] = UInt8(truncatingIfNeeded: word >> 24)
        }
        return try PBKDF2.sha256(password: password, salt: blocks, iterations: 1, keyLength: keyLength)
    }

    /// scryptROMix (RFC 7914 §5) on `x` in place: fill the table with N successive BlockMix
    /// outputs, then mix N times with the entries `x` points at.
    private static func mixMemory(
        _ x: UnsafeMutableBufferPointer<UInt32>, r: Int, n: Int, table: UnsafeMutableBufferPointer<UInt32>,
        scratch: UnsafeMutableBufferPointer<UInt32>
    ) {
        let blockWords = 32 * r
        for i in 0..<n {
            for k in 0..<blockWords { table[i * blockWords + k] = x[k] }
            mixBlocks(x, r: r, scratch: scratch)
        }
        for _ in 0..<n {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            let j = Int(x[(2 * r - 1) * 16]) & (n - 1)
            for k in 0..<blockWords { x[k] ^= table[j * blockWords + k] }
            mixBlocks(x, r: r, scratch: scratch)
        }
    }

    /// scryptBlockMix (RFC 7914 §4) on the 2·r 64-byte blocks of `b`, in place.
    private static func mixBlocks(
        _ b: UnsafeMutableBufferPointer<UInt32>, r: Int, scratch: UnsafeMutableBufferPointer<UInt32>
    ) {
        var x = (
            b[(2 * r - 1) * 16], b[(2 * r - 1) * 16 + 1], b[(2 * r - 1) * 16 + 2], b[(2 * r - 1) * 16 + 3],
            b[(2 * r - 1) * 16 + 4], b[(2 * r - 1) * 16 + 5], b[(2 * r - 1) * 16 + 6], b[(2 * r - 1) * 16 + 7],
            b[(2 * r - 1) * 16 + 8], b[(2 * r - 1) * 16 + 9], b[(2 * r - 1) * 16 + 10], b[(2 * r - 1) * 16 + 11],
            b[(2 * r - 1) * 16 + 12], b[(2 * r - 1) * 16 + 13], b[(2 * r - 1) * 16 + 14], b[(2 * r - 1) * 16 + 15]
        )
        for i in 0..<(2 * r) {
            withUnsafeMutableBytes(of: &x) { raw in
                let words = raw.bindMemory(to: UInt32.self)
                for k in 0..<16 { words[k] ^= b[i * 16 + k] }
            }
            salsa20x8(&x)
            // Even blocks go to the first half of the output, odd ones to the second.
            let target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16
            withUnsafeBytes(of: x) { raw in
                let words = raw.bindMemory(to: UInt32.self)
                for k in 0..<16 { scratch[target + k] = words[k] }
            }
        }
        for k in 0..<(32 * r) { b[k] = scratch[k] }
    }

    typealias Block = (
        UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
        UInt32, UInt32
    )

    /// Salsa20/8 core (RFC 7914 §3): four double rounds, then the input added word by word.
    static func salsa20x8(_ block: inout Block) {
        var (x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15) = block
        @inline(__always) func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
            (value << count) | (value >> (32 - count))
        }
        for _ in 0..<4 {
            // Columns.
            x4 ^= rotate(x0 &+ x12, 7)
            x8 ^= rotate(x4 &+ x0, 9)
            x12 ^= rotate(x8 &+ x4, 13)
            x0 ^= rotate(x12 &+ x8, 18)
            x9 ^= rotate(x5 &+ x1, 7)
            x13 ^= rotate(x9 &+ x5, 9)
            x1 ^= rotate(x13 &+ x9, 13)
            x5 ^= rotate(x1 &+ x13, 18)
            x14 ^= rotate(x10 &+ x6, 7)
            x2 ^= rotate(x14 &+ x10, 9)
            x6 ^= rotate(x2 &+ x14, 13)
            x10 ^= rotate(x6 &+ x2, 18)
            x3 ^= rotate(x15 &+ x11, 7)
            x7 ^= rotate(x3 &+ x15, 9)
            x11 ^= rotate(x7 &+ x3, 13)
            x15 ^= rotate(x11 &+ x7, 18)
            // Rows.
            x1 ^= rotate(x0 &+ x3, 7)
            x2 ^= rotate(x1 &+ x0, 9)
            x3 ^= rotate(x2 &+ x1, 13)
            x0 ^= rotate(x3 &+ x2, 18)
            x6 ^= rotate(x5 &+ x4, 7)
            x7 ^= rotate(x6 &+ x5, 9)
            x4 ^= rotate(x7 &+ x6, 13)
            x5 ^= rotate(x4 &+ x7, 18)
            x11 ^= rotate(x10 &+ x9, 7)
            x8 ^= rotate(x11 &+ x10, 9)
            x9 ^= rotate(x8 &+ x11, 13)
            x10 ^= rotate(x9 &+ x8, 18)
            x12 ^= rotate(x15 &+ x14, 7)
            x13 ^= rotate(x12 &+ x15, 9)
            x14 ^= rotate(x13 &+ x12, 13)
            x15 ^= rotate(x14 &+ x13, 18)
        }
        block = (
            block.0 &+ x0, block.1 &+ x1, block.2 &+ x2, block.3 &+ x3, block.4 &+ x4, block.5 &+ x5, block.6 &+ x6,
            block.7 &+ x7, block.8 &+ x8, block.9 &+ x9, block.10 &+ x10, block.11 &+ x11, block.12 &+ x12,
            block.13 &+ x13, block.14 &+ x14, block.15 &+ x15
        )
    }
}
