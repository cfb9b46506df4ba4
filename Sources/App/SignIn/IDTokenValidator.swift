package import Scheduling
import Storage

/// Validates an ID token as OpenID Connect Core 1.0 §3.1.3.7 asks, for a token that Rathaus
/// itself received from the token endpoint in the authorization code flow.
///
/// What is checked, by the items of §3.1.3.7:
/// - 1: an encrypted token (JWE) is refused; Rathaus registers for signed tokens only.
/// - 2: `iss` equals the issuer of the discovery document, character for character.
/// - 3: `aud` (a string or an array) contains the client id, and no audience that the
///   configuration does not trust (`OpenIDConfiguration.trustedAudiences`).
/// - 4, 5: with more than one audience, `azp` must be present; when present, it must be the client.
/// - 9: `exp` is after now, allowing `clockSkewSeconds`.
/// - 10: `iat` is neither after now plus the skew nor older than `maximumIDTokenAgeSeconds`.
/// - 11: `nonce` equals the one sent with this sign-in (compared in constant time).
/// - `sub` is present, not empty, at most 255 characters (Core 1.0 §2).
///
/// The signature (items 6 to 8): Item 6 allows a client to rely on TLS instead: "If the ID Token
/// is received via direct communication between the Client and the Token Endpoint (which it is in
/// this flow), the TLS server validation MAY be used to validate the issuer in place of checking
/// the token signature." Rathaus receives the token only in the answer to its own token request,
/// made over HTTPS to the token endpoint of the discovery document, with the system's certificate
/// validation; a token from anywhere else (a URL, a form, a cookie) is never validated here. That
/// is the basis of trust. The condition is enforced by `ProviderURL`: the issuer and every
/// endpoint must be https; plain http is accepted only for a loopback host and only when
/// `OpenIDConfiguration.allowsLoopbackHTTP` is set, which tests against a local provider do and
/// production must not.
///
/// On top of that, when the provider's keys are given (`OpenIDProvider` fetches its JWK Set) and
/// the token is RS256, the most common algorithm and Keycloak's default, the signature is verified
/// too (RFC 7515 §5.2, RSASSA-PKCS1-v1_5 with SHA-256): a key that is not in the set or a
/// signature that does not verify is refused. A token signed with another algorithm (ES256, PS256,
/// HS256) rests on TLS alone. A header with `alg: none` is always refused, and a `crit` header is
/// refused as RFC 7515 §4.1.11 asks of extensions a reader does not understand.
package struct IDTokenValidator: Sendable {
    /// The issuer the token must name: the discovered one.
    package var issuer: String
    /// The client id the token must be meant for.
    package var clientID: String
    /// Audiences accepted besides the client.
    package var trustedAudiences: Set<String>
    /// Allowed difference between the provider's clock and ours, in seconds.
    package var clockSkewSeconds: Int
    /// How old `iat` may be, in seconds (before the skew is added).
    package var maximumAgeSeconds: Int

    /// A validator for tokens of `issuer` to the client of `configuration`, with its limits.
    package init(issuer: String, configuration: OpenIDConfiguration) {
        self.issuer = issuer
        clientID = configuration.clientID
        trustedAudiences = configuration.trustedAudiences
        clockSkewSeconds = configuration.clockSkewSeconds
        maximumAgeSeconds = configuration.maximumIDTokenAgeSeconds
    }

    /// The claims of `token` when it passes every check for a sign-in that sent `nonce`, at `now`;
    /// with `keys`, an RS256 signature is verified with them.
    package func validate(
        _ token: String, nonce: String, now: Instant, keys: JSONWebKeySet? = nil
    ) throws(SignInError) -> IDTokenClaims {
        let jws = try CompactJWS(token)
        guard let algorithm = jws.algorithm else { throw .malformedIDToken(reason: "the header has no alg") }
        guard algorithm.lowercased() != "none" else { throw .unacceptableAlgorithm(String(algorithm.prefix(20))) }
        guard !jws.header.contains(where: { $0.key == "crit" }) else {
            throw .malformedIDToken(reason: "the header has critical extensions (crit)")
        }
        if let keys, algorithm == "RS256" {
            let keyID: String?
            switch jws.header.first(where: { $0.key == "kid" })?.value {
            case nil, .null?: keyID = nil
            case .string(let text)?: keyID = text
            case let other?: throw .malformedIDToken(reason: "kid is \(other.kind), not a string")
            }
            let candidates = keys.candidates(for: keyID)
            guard !candidates.isEmpty else { throw .unknownSigningKey(keyID: keyID.map { String($0.prefix(100)) }) }
            guard candidates.contains(where: { $0.verifies(jws.signature, of: jws.signingInput) }) else {
                throw .invalidSignature
            }
        }

        guard case .string(let tokenIssuer)? = jws.claim("iss") else {
            throw .malformedIDToken(reason: "iss is missing or not a string")
        }
        guard tokenIssuer == issuer else {
            throw .idTokenIssuerMismatch(expected: issuer, received: String(tokenIssuer.prefix(200)))
        }

        let audiences: [String]
        switch jws.claim("aud") {
        case .string(let audience)?: audiences = [audience]
        case .array(let items)?:
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw .malformedIDToken(reason: "aud holds \(item.kind)") }
                texts.append(text)
            }
            audiences = texts
        default: throw .malformedIDToken(reason: "aud is missing or neither a string nor an array")
        }
        guard audiences.contains(clientID),
            audiences.allSatisfy({ $0 == clientID || trustedAudiences.contains($0) })
        else { throw .audienceMismatch(clientID: clientID, audiences: audiences.map { String($0.prefix(200)) }) }

        let authorizedParty: String?
        switch jws.claim("azp") {
        case nil, .null?: authorizedParty = nil
        case .string(let text)?: authorizedParty = text
        case let other?: throw .malformedIDToken(reason: "azp is \(other.kind), not a string")
        }
        if audiences.count > 1 || authorizedParty != nil, authorizedParty != clientID {
            throw .authorizedPartyMismatch(
                clientID: clientID, authorizedParty: authorizedParty.map { String($0.prefix(200)) })
        }

        let expiresAt = try seconds("exp", in: jws)
        let issuedAt = try seconds("iat", in: jws)
        let skew = Int64(clockSkewSeconds)
        guard now.secondsSinceEpoch < expiresAt + skew else {
            throw .idTokenExpired(expiredAt: expiresAt, now: now.secondsSinceEpoch)
        }
        guard issuedAt <= now.secondsSinceEpoch + skew,
            issuedAt >= now.secondsSinceEpoch - Int64(maximumAgeSeconds) - skew
        else { throw .idTokenIssuedAtOutOfRange(issuedAt: issuedAt, now: now.secondsSinceEpoch) }

        guard case .string(let tokenNonce)? = jws.claim("nonce"), HMAC.equal(Array(tokenNonce.utf8), Array(nonce.utf8))
        else { throw .nonceMismatch }

        guard case .string(let subject)? = jws.claim("sub"), !subject.isEmpty, subject.utf8.count <= 255 else {
            throw .malformedIDToken(reason: "sub is missing, empty or longer than 255 characters")
        }
        return IDTokenClaims(
            subject: subject, issuer: tokenIssuer, audiences: audiences,
            expiresAt: Instant(secondsSinceEpoch: expiresAt), issuedAt: Instant(secondsSinceEpoch: issuedAt),
            all: jws.payload)
    }

    /// A NumericDate claim (RFC 7519 §2): seconds since the epoch, possibly with a fraction,
    /// which is dropped. Bounded to years 1970 to 9999 so that the arithmetic cannot overflow.
    private func seconds(_ name: String, in jws: CompactJWS) throws(SignInError) -> Int64 {
        guard case .number(let text)? = jws.claim(name), let value = Double(text), value.isFinite,
            (0...253_402_300_799).contains(value)
        else { throw .malformedIDToken(reason: "\(name) is missing or not a time in seconds") }
        return Int64(value.rounded(.down))
    }
}
