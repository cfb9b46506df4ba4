import Storage

/// The provider's RS256 signing keys, read from its JWK Set (RFC 7517 §5, found at the
/// discovery document's `jwks_uri`). Keys of other types (EC, oct), keys for encryption
/// (`use: enc`), keys for another algorithm and RSA keys too weak for RS256 are left out.
package struct JSONWebKeySet: Equatable, Sendable {
    /// One usable key and its `kid`.
    package struct Key: Equatable, Sendable {
        /// The key id, if the set names one.
        package let id: String?
        /// The RSA public key.
        package let key: RSAPublicKey
    }

    /// The usable keys, in the order of the set.
    package let keys: [Key]

    /// The keys of a set already read.
    package init(keys: [Key]) {
        self.keys = keys
    }

    /// Reads a JWK Set document fetched from `url`.
    package init(document: [UInt8], url: String) throws(SignInError) {
        guard let root = try? JSONValue.parse(document), case .object(let members) = root,
            case .array(let items)? = members.first(where: { $0.key == "keys" })?.value
        else { throw .malformedResponse(url: url, reason: "not a JWK Set (an object with an array keys)") }
        var keys: [Key] = []
        for item in items {
            guard case .object(let key) = item else { continue }
            func string(_ name: String) -> String? {
                if case .string(let text)? = key.first(where: { $0.key == name })?.value { text } else { nil }
            }
            guard string("kty") == "RSA", string("use") ?? "sig" == "sig", string("alg") ?? "RS256" == "RS256",
                let modulus = string("n").flatMap(Secrets.decodeBase64URL),
                let exponent = string("e").flatMap(Secrets.decodeBase64URL),
                let publicKey = RSAPublicKey(modulus: modulus, exponent: exponent)
            else { continue }
            keys.append(Key(id: string("kid"), key: publicKey))
        }
        self.keys = keys
    }

    /// The keys a token with header `kid` may be signed with: the one with that id, or every
    /// key when the token names none (Core 1.0 §10.1 asks for a `kid` only when a set has several).
    package func candidates(for keyID: String?) -> [RSAPublicKey] {
        guard let keyID else { return keys.map(\.key) }
        return keys.filter { $0.id == keyID }.map(\.key)
    }
}
