import Storage

/// One sign-in started at the provider: the secrets Rathaus keeps until the browser comes back
/// (in the pending sign-in, never in a URL of ours), and the authorization URL that carries their
/// public halves (OpenID Connect Core 1.0 §3.1.2.1, RFC 7636 §4.3).
package struct AuthorizationRequest: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
    /// Binds the answer to this browser's sign-in (RFC 6749 §10.12): 32 random bytes, base64url.
    package let state: String
    /// Binds the ID token to this sign-in (Core 1.0 §3.1.2.1, §15.5.2): 32 random bytes, base64url.
    package let nonce: String
    /// The PKCE verifier and its challenge.
    package let pkce: PKCE

    /// A new sign-in with fresh random `state`, `nonce` and PKCE verifier.
    package init() {
        self.init(
            state: Secrets.base64URL(Secrets.bytes(32)), nonce: Secrets.base64URL(Secrets.bytes(32)), pkce: PKCE())
    }

    /// A sign-in with given values (for tests and for one restored from storage).
    package init(state: String, nonce: String, pkce: PKCE) {
        self.state = state
        self.nonce = nonce
        self.pkce = pkce
    }

    /// The URL to send the browser to: the provider's authorization endpoint with
    /// `response_type=code`, the client, the redirect URI, the scopes, `state`, `nonce` and the
    /// S256 code challenge, each percent-encoded. A query the endpoint already has is kept
    /// (RFC 6749 §3.1).
    package func url(endpoint: ProviderURL, configuration: OpenIDConfiguration) -> String {
        let parameters = [
            ("response_type", "code"),
            ("client_id", configuration.clientID),
            ("redirect_uri", configuration.redirectURI),
            ("scope", configuration.scope),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", pkce.challenge),
            ("code_challenge_method", PKCE.challengeMethod),
        ]
        return FormEncoding.appending(parameters, to: endpoint.text)
    }

    /// Nothing of the secrets, for logs and `dump`.
    package var description: String { "AuthorizationRequest(<redacted>)" }

    package var customMirror: Mirror { Mirror(self, children: [:]) }
}
