import Storage

/// A JSON Web Token in the JWS compact serialization (RFC 7515 §7.1, RFC 7519):
/// `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`, split and decoded, not verified.
package struct CompactJWS: Sendable {
    /// The longest token read: ID tokens with many group claims reach a few kilobytes.
    package static let maximumLength = 65_536

    /// The JOSE header, a JSON object.
    package let header: [(key: String, value: JSONValue)]
    /// The claims, a JSON object.
    package let payload: [(key: String, value: JSONValue)]
    /// The bytes the signature covers: the first two parts with the dot between them.
    package let signingInput: [UInt8]
    /// The signature's bytes.
    package let signature: [UInt8]

    /// Splits and decodes `token`; five parts are an encrypted token (JWE, RFC 7516 §7.1).
    package init(_ token: String) throws(SignInError) {
        guard token.utf8.count <= CompactJWS.maximumLength else {
            throw .malformedIDToken(reason: "longer than 64 KiB")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 5 { throw .encryptedIDToken }
        guard parts.count == 3 else { throw .malformedIDToken(reason: "\(parts.count) parts, not three") }
        func object(_ part: Substring, _ name: String) throws(SignInError) -> [(key: String, value: JSONValue)] {
            guard let bytes = Secrets.decodeBase64URL(String(part)) else {
                throw .malformedIDToken(reason: "the \(name) is not base64url")
            }
            // The parser refuses duplicate member names, as RFC 7515 §5.2 item 4 allows a reader to.
            guard let value = try? JSONValue.parse(bytes), case .object(let members) = value else {
                throw .malformedIDToken(reason: "the \(name) is not a JSON object")
            }
            return members
        }
        header = try object(parts[0], "header")
        payload = try object(parts[1], "payload")
        guard let signature = Secrets.decodeBase64URL(String(parts[2])) else {
            throw .malformedIDToken(reason: "the signature is not base64url")
        }
        self.signature = signature
        signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
    }

    /// The header's `alg`.
    package var algorithm: String? {
        if case .string(let text)? = header.first(where: { $0.key == "alg" })?.value { text } else { nil }
    }

    /// The payload member `name`, or nil when absent.
    package func claim(_ name: String) -> JSONValue? {
        payload.first { $0.key == name }?.value
    }
}
