/// Why a sign-in through the identity provider failed. Cases carry what an administrator needs
/// to fix the set-up (URLs, issuer and audience names, the provider's error code) and never a
/// token, a code, a state, a nonce, a password or a claim about the person.
package enum SignInError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configured or discovered URL is unusable: not absolute, not https (http is allowed only
    /// for a loopback host, and only when the configuration allows it), or with a fragment.
    case insecureOrInvalidURL(role: String, url: String)
    /// The provider could not be reached or did not answer in time.
    case unreachable(url: String, reason: String)
    /// The provider answered with an HTTP status other than the one expected.
    case unexpectedStatus(url: String, status: Int)
    /// The provider answered with a redirect, which is not followed.
    case redirected(url: String)
    /// The answer was larger than `OpenIDConfiguration.maximumResponseBytes`.
    case responseTooLarge(url: String)
    /// The discovery document or the token answer is not what the specification asks for.
    case malformedResponse(url: String, reason: String)
    /// The provider does not offer what the configuration needs (a client authentication method,
    /// the S256 code challenge), as its discovery document says.
    case providerLacks(feature: String)
    /// The discovery document names another issuer than the configured one (Discovery 1.0 §4.3).
    case issuerMismatch(configured: String, discovered: String)
    /// The authorization answer's `state` is missing or differs from the one sent (RFC 6749 §10.12).
    case stateMismatch
    /// The authorization answer names another issuer (RFC 9207 §2.4).
    case authorizationIssuerMismatch(expected: String, received: String)
    /// The provider refused the authorization request (RFC 6749 §4.1.2.1), e.g. `access_denied`.
    case authorizationRefused(error: String, description: String?)
    /// The authorization answer has neither a code nor an error.
    case missingAuthorizationCode
    /// The token endpoint refused the code (RFC 6749 §5.2), e.g. `invalid_grant` for a code
    /// that was already used or has expired.
    case tokenRequestRefused(error: String, description: String?)
    /// The ID token is not a compact JWS of three base64url parts with JSON header and payload.
    case malformedIDToken(reason: String)
    /// The ID token is encrypted (JWE), which this client does not accept.
    case encryptedIDToken
    /// The ID token's header names an algorithm this client refuses (`none`).
    case unacceptableAlgorithm(String)
    /// An RS256 token names a key the provider's JWK Set does not have, even after fetching it again.
    case unknownSigningKey(keyID: String?)
    /// An RS256 token's signature does not verify with the provider's key.
    case invalidSignature
    /// `iss` differs from the discovered issuer (Core 1.0 §3.1.3.7 item 2).
    case idTokenIssuerMismatch(expected: String, received: String)
    /// `aud` does not list the client, or lists audiences the client does not trust (item 3).
    case audienceMismatch(clientID: String, audiences: [String])
    /// Several audiences and `azp` missing, or `azp` not the client (items 4 and 5).
    case authorizedPartyMismatch(clientID: String, authorizedParty: String?)
    /// `exp` is not in the future, allowing for clock skew (item 9).
    case idTokenExpired(expiredAt: Int64, now: Int64)
    /// `iat` lies in the future or too far in the past, allowing for clock skew (item 10).
    case idTokenIssuedAtOutOfRange(issuedAt: Int64, now: Int64)
    /// `nonce` is missing or differs from the one sent (item 11).
    case nonceMismatch

    package var description: String {
        switch self {
        case .insecureOrInvalidURL(let role, let url):
            "the \(role) \(url) is not usable: it must be an absolute https URL without a fragment"
                + " (http only for a loopback address in tests)"
        case .unreachable(let url, let reason):
            "the identity provider at \(url) could not be reached: \(reason)"
        case .unexpectedStatus(let url, let status):
            "the identity provider answered \(url) with HTTP status \(status)"
        case .redirected(let url):
            "the identity provider answered \(url) with a redirect, which is not followed;"
                + " configure the address the provider names itself"
        case .responseTooLarge(let url):
            "the identity provider's answer to \(url) is too large"
        case .malformedResponse(let url, let reason):
            "the identity provider's answer to \(url) is malformed: \(reason)"
        case .providerLacks(let feature):
            "the identity provider does not offer \(feature), which sign-in needs"
        case .issuerMismatch(let configured, let discovered):
            "the provider's discovery document names the issuer \(discovered), but \(configured) is configured;"
                + " they must be equal character for character"
        case .stateMismatch:
            "the sign-in answer does not belong to a sign-in started here (state missing or different);"
                + " start the sign-in again"
        case .authorizationIssuerMismatch(let expected, let received):
            "the sign-in answer comes from the issuer \(received), not \(expected)"
        case .authorizationRefused(let error, let description):
            "the identity provider refused the sign-in (\(error))" + (description.map { ": \($0)" } ?? "")
        case .missingAuthorizationCode:
            "the sign-in answer carries neither a code nor an error"
        case .tokenRequestRefused(let error, let description):
            "the identity provider refused to exchange the sign-in code (\(error))"
                + (description.map { ": \($0)" } ?? "")
                + (error == "invalid_grant" ? "; a code can be used once and only shortly after sign-in" : "")
        case .malformedIDToken(let reason):
            "the ID token is malformed: \(reason)"
        case .encryptedIDToken:
            "the ID token is encrypted, which is not supported; configure the client to receive signed ID tokens"
        case .unacceptableAlgorithm(let algorithm):
            "the ID token uses the algorithm \(algorithm), which is refused"
        case .unknownSigningKey(let keyID):
            "the ID token is signed with a key the provider does not publish (kid \(keyID ?? "none"))"
        case .invalidSignature:
            "the ID token's signature does not verify with the provider's key"
        case .idTokenIssuerMismatch(let expected, let received):
            "the ID token was issued by \(received), not by \(expected)"
        case .audienceMismatch(let clientID, let audiences):
            "the ID token is meant for \(audiences.joined(separator: ", ")), not only for the client \(clientID)"
        case .authorizedPartyMismatch(let clientID, let authorizedParty):
            "the ID token's authorized party is \(authorizedParty ?? "missing"), not the client \(clientID)"
        case .idTokenExpired(let expiredAt, let now):
            "the ID token expired \(now - expiredAt) seconds ago"
        case .idTokenIssuedAtOutOfRange(let issuedAt, let now):
            issuedAt > now
                ? "the ID token was issued \(issuedAt - now) seconds in the future; check the clocks"
                : "the ID token was issued \(now - issuedAt) seconds ago, too long ago for a new sign-in"
        case .nonceMismatch:
            "the ID token does not belong to the sign-in started here (nonce missing or different)"
        }
    }
}
