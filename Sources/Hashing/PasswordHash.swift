internal import Foundation

/// Why a password hash could not be made or read. The cases never carry the password, the salt
/// or the hash, so that an error can be logged as it is.
package enum PasswordHashError: Error, Equatable, Sendable {
    /// PBKDF2 needs at least one iteration, and a stored hash at most `PasswordHash.maximumIterations`.
    case iterationsOutOfRange(Int)
    /// PBKDF2 cannot derive a key of this many bytes (RFC 8018 §5.2).
    case keyLengthOutOfRange(Int)
    /// scrypt's cost parameters break RFC 7914 §2 or `Scrypt.maximumMemoryBytes`.
    case costOutOfRange(n: Int, r: Int, p: Int)
    /// The stored form does not have the four `$`-separated fields; carries how many it had.
    case wrongFieldCount(Int)
    /// The first field names a scheme other than `pbkdf2-sha256`.
    case unknownScheme(String)
    /// The iteration count is not a plain decimal number (digits only, no leading zero).
    case malformedIterations
    /// The salt is not canonical base64url without padding, or shorter than 16 bytes.
    case malformedSalt
    /// The hash is not canonical base64url without padding of exactly 32 bytes.
    case malformedHash
}

/// A staff password as stored: PBKDF2-HMAC-SHA256 with its iteration count and salt, written as
/// `pbkdf2-sha256$600000$<salt>$<hash>` (salt and hash in base64url without padding, RFC 4648 §5).
///
/// The iteration count is stored with each hash, so that the minimum can be raised later: a hash
/// below the configured minimum still verifies, and `needsRehash` says to store a new one at
/// the next successful sign-in. The password is compared in its NFC form (RFC 8265 §4.2,
/// OpaqueString), so the same password typed on systems that compose accents differently matches.
package struct PasswordHash: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
    /// The scheme name in the stored form.
    package static let scheme = "pbkdf2-sha256"
    /// OWASP's Password Storage Cheat Sheet recommends at least 600,000 iterations of
    /// PBKDF2-HMAC-SHA256 (2023); the default for new hashes and the default minimum.
    package static let defaultIterations = 600_000
    /// The most iterations a stored hash may ask for (about ten seconds here), so that an
    /// altered stored hash cannot make one sign-in run for hours.
    package static let maximumIterations = 10_000_000
    /// Salt bytes for a new hash: 128 bits, as NIST SP 800-132 §5.1 asks at least.
    package static let saltLength = 16
    /// The length of the derived key: one SHA-256 output.
    package static let hashLength = 32

    /// PBKDF2 rounds this hash was made with.
    package let iterations: Int
    /// The random salt, at least `saltLength` bytes.
    package let salt: [UInt8]
    /// The derived key, `hashLength` bytes.
    package let hash: [UInt8]

    /// Hashes `password` with a new random salt.
    package init(password: String, iterations: Int = defaultIterations) throws(PasswordHashError) {
        try self.init(password: password, iterations: iterations, salt: Secrets.bytes(PasswordHash.saltLength))
    }

    /// Hashes `password` with the given salt (for tests and for re-deriving).
    package init(password: String, iterations: Int, salt: [UInt8]) throws(PasswordHashError) {
        guard (1...PasswordHash.maximumIterations).contains(iterations) else { throw .iterationsOutOfRange(iterations) }
        guard salt.count >= PasswordHash.saltLength else { throw .malformedSalt }
        self.iterations = iterations
        self.salt = salt
        self.hash = try PBKDF2.sha256(
            password: PasswordHash.bytes(of: password), salt: salt, iterations: iterations,
            keyLength: PasswordHash.hashLength)
    }

    /// Reads a stored form; anything but exactly `pbkdf2-sha256$<iterations>$<salt>$<hash>` with
    /// canonical fields is refused.
    package init(stored: String) throws(PasswordHashError) {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4 else { throw .wrongFieldCount(fields.count) }
        guard fields[0] == PasswordHash.scheme else { throw .unknownScheme(String(fields[0].prefix(40))) }
        let digits = fields[1].utf8
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            digits.first != 0x30 || digits.count == 1, let iterations = Int(fields[1])
        else { throw .malformedIterations }
        guard (1...PasswordHash.maximumIterations).contains(iterations) else { throw .iterationsOutOfRange(iterations) }
        guard let salt = PasswordHash.canonicalBase64URL(fields[2]), salt.count >= PasswordHash.saltLength else {
            throw .malformedSalt
        }
        guard let hash = PasswordHash.canonicalBase64URL(fields[3]), hash.count == PasswordHash.hashLength else {
            throw .malformedHash
        }
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The stored form, `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
    package var stored: String {
        [PasswordHash.scheme, String(iterations), Secrets.base64URL(salt), Secrets.base64URL(hash)]
            .joined(separator: "$")
    }

    /// The scheme and iterations only: salt and hash stay out of logs, where they would allow
    /// guessing the password offline.
    package var description: String { "PasswordHash(\(PasswordHash.scheme), \(iterations) iterations)" }

    package var customMirror: Mirror { Mirror(self, children: ["iterations": iterations]) }

    /// Whether `password` is the one this hash was made from; the hashes are compared in time
    /// that does not depend on where they differ.
    package func verifies(_ password: String) -> Bool {
        guard
            let candidate = try? PBKDF2.sha256(
                password: PasswordHash.bytes(of: password), salt: salt, iterations: iterations,
                keyLength: hash.count)
        else { return false }
        return HMAC.equal(candidate, hash)
    }

    /// Whether the hash was made with fewer iterations than `minimumIterations` and should be
    /// replaced, after the next successful sign-in, by one made with the current setting.
    package func needsRehash(minimumIterations: Int = defaultIterations) -> Bool {
        iterations < minimumIterations
    }

    /// The password's bytes: UTF-8 of its NFC form.
    static func bytes(of password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Decodes base64url without padding only when re-encoding gives the same text, so that
    /// unused trailing bits cannot give one hash two stored forms.
    private static func canonicalBase64URL(_ text: Substring) -> [UInt8]? {
        guard let bytes = Secrets.decodeBase64URL(String(text)), Secrets.base64URL(bytes) == text else { return nil }
        return bytes
    }
}
