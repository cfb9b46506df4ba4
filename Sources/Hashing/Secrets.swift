internal import CSystem

import Glibc

/// Random secrets and readable references, from the system's secure generator (getrandom(2) on
/// Linux, which `SystemRandomNumberGenerator` also reads).
package enum Secrets {
    /// `count` random bytes. On Linux one getrandom(2) call fills them (up to 256 bytes it is never
    /// cut short, getrandom(2) "Interaction with signal handlers"); `SystemRandomNumberGenerator`
    /// would take one call per eight bytes.
    package static func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                csystem_getrandom(buffer.baseAddress! + filled, UInt(count - filled))
            }
            if read > 0 {
                filled += read
            } else if read < 0, errno == EINTR {
                continue
            } else {
                // No getrandom(2) (a kernel before 3.17): the standard library's generator.
                var generator = SystemRandomNumberGenerator()
                for index in filled..<count { bytes[index] = generator.next() }
                filled = count
            }
        }
        return bytes
    }

    /// A booking or staff token: 32 random bytes (256 bits) in base64url without padding, never
    /// beginning with `rst_` (what staff tokens begin with; one draw in 16.7 million would), so
    /// that no booking token is ever taken for a staff one.
    package static func token() -> String {
        while true {
            let token = base64URL(bytes(32))
            if !token.hasPrefix("rst_") { return token }
        }
    }

    /// The hash stored for a token: only this reaches the database.
    package static func hash(token: String) -> [UInt8] {
        SHA256.hash(Array(token.utf8))
    }

    /// The letters of a reference: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so that it reads well on the
    /// phone and survives handwriting.
    package static let referenceAlphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    /// A short booking reference such as `K7M-4PQ` (25^6, about 244 million, combinations).
    package static func reference() -> String {
        var generator = SystemRandomNumberGenerator()
        // One uniform draw below 25^6, written in base 25, lowest digit first: one read of the
        // generator.
        var value = generator.next(upperBound: 244_140_625 as UInt64)
        var bytes: [UInt8] = [0, 0, 0, UInt8(ascii: "-"), 0, 0, 0]
        for position in [0, 1, 2, 4, 5, 6] {
            bytes[position] = referenceBytes[Int(value % 25)]
            value /= 25
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `referenceAlphabet` as ASCII bytes.
    private static let referenceBytes = referenceAlphabet.map { $0.asciiValue! }

    /// An opaque id for a hold or booking: 16 random bytes in base64url (128 bits).
    package static func identifier() -> String {
        base64URL(bytes(16))
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// The same 64 letters in ASCII order: text written with them sorts as its bytes do.
    private static let sortableAlphabet = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    /// Base64url without padding (RFC 4648 §5); with `sortable`, in the letters of base64url
    /// put in ASCII order (not decodable as base64url, but sorting as the bytes do).
    package static func base64URL(_ bytes: [UInt8], sortable: Bool = false) -> String {
        let base64Alphabet = sortable ? sortableAlphabet : base64Alphabet
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(base64Alphabet[Int(value >> UInt32(shift) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(base64Alphabet[Int(value >> 18 & 63)])
            output.append(base64Alphabet[Int(value >> 12 & 63)])
            if rest == 2 { output.append(base64Alphabet[Int(value >> 6 & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64url without padding; nil for anything else. The bits of a last letter
    /// beyond the last whole byte are not checked (RFC 4648 §3.5 allows either).
    package static func decodeBase64URL(_ text: String) -> [UInt8]? {
        let letters = text.utf8
        guard letters.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(letters.count * 3 / 4)
        // Six bits a letter gathered in `value`; a byte goes out whenever eight have come.
        var value: UInt32 = 0
        var bits = 0
        for letter in letters {
            let digit = base64Values[Int(letter)]
            guard digit < 64 else { return nil }
            value = value << 6 | UInt32(digit)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: value >> UInt32(bits)))
            }
        }
        return output
    }

    /// Each byte's value as a base64url letter, or 0xFF for a byte that is none.
    private static let base64Values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, letter) in base64Alphabet.enumerated() { values[Int(letter)] = UInt8(value) }
        return values
    }()
}

extension Secrets {
    /// XORs `bytes` with the blocks HMAC-SHA256(`key`, counter) for counter 0, 1, 2 …: encrypts
    /// and decrypts alike. Used for what is stored under an idempotency key, with a key derived
    /// from the client's key, which the server does not keep.
    package static func keyStream(_ bytes: [UInt8], key: [UInt8]) -> [UInt8] {
        var output = bytes
        var counter: UInt64 = 0
        var index = 0
        let prepared = HMAC.Key(key)
        while index < output.count {
            let block = withUnsafeBytes(of: counter.bigEndian) { prepared.code($0) }
            for byte in block where index < output.count {
                output[index] ^= byte
                index += 1
            }
            counter += 1
        }
        return output
    }
}
