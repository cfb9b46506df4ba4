import Storage

/// Proof Key for Code Exchange (RFC 7636): a secret `verifier` kept by Rathaus and its S256
/// `challenge` sent with the authorization request, so that a stolen authorization code is
/// useless without the verifier.
package struct PKCE: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
    /// The code verifier: 43 to 128 characters of `[A-Za-z0-9-._~]` (RFC 7636 §4.1). Secret.
    package let verifier: String

    /// A new verifier: 32 random bytes in base64url without padding, 43 characters, as
    /// RFC 7636 §4.1 recommends.
    package init() {
        verifier = Secrets.base64URL(Secrets.bytes(32))
    }

    /// A given verifier; nil unless it has 43 to 128 characters of the unreserved set.
    package init?(verifier: String) {
        let bytes = verifier.utf8
        guard (43...128).contains(bytes.count), bytes.allSatisfy(PKCE.isUnreserved) else { return nil }
        self.verifier = verifier
    }

    /// The code challenge, `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2, method S256).
    package var challenge: String {
        Secrets.base64URL(SHA256.hash(Array(verifier.utf8)))
    }

    /// The challenge method sent with the challenge; `plain` is never used.
    package static let challengeMethod = "S256"

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Nothing of the verifier, for logs and `dump`.
    package var description: String { "PKCE(<redacted>)" }

    package var customMirror: Mirror { Mirror(self, children: [:]) }
}
