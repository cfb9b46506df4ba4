/// How Rathaus signs staff in at the town's identity provider (OpenID Connect): the provider,
/// the client registered there, and the limits of the exchange.
package struct OpenIDConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// How the client proves itself at the token endpoint (RFC 6749 §2.3.1, Core 1.0 §9).
    package enum ClientAuthentication: String, Sendable, CaseIterable {
        /// `Authorization: Basic` with the form-encoded client id and secret (the default).
        case clientSecretBasic = "client_secret_basic"
        /// `client_id` and `client_secret` in the request body.
        case clientSecretPost = "client_secret_post"
        /// A public client: `client_id` in the body and no secret; PKCE protects the code.
        case none
    }

    /// The issuer URL as the provider names itself, e.g. `https://login.example.de/realms/rathaus`
    /// (Keycloak); the discovery document must name exactly this issuer.
    package var issuer: String
    /// The client id registered at the provider.
    package var clientID: String
    /// The client secret; empty for `ClientAuthentication.none`.
    package var clientSecret: String
    /// How the client authenticates at the token endpoint.
    package var clientAuthentication: ClientAuthentication = .clientSecretBasic
    /// Where the provider sends the browser back to, registered at the provider.
    package var redirectURI: String
    /// Scopes asked for besides `openid profile email`, separated by spaces (e.g. `roles`).
    package var extraScopes: String = ""
    /// The claim of the ID token that carries roles and offices (e.g. `rathaus_roles`, `groups`).
    package var roleClaim: String = "rathaus_roles"
    /// Only values of the role claim that begin with this prefix are read (the prefix is
    /// removed first), so that a `groups` claim can carry other groups too. Empty reads all.
    package var roleValuePrefix: String = ""
    /// Seconds by which the provider's clock may differ from ours when `exp` and `iat` are checked.
    package var clockSkewSeconds: Int = 60
    /// The oldest `iat` accepted, in seconds before now (plus the skew): an ID token comes from the
    /// token endpoint moments after sign-in, so an old one is a replay or a wrong clock.
    package var maximumIDTokenAgeSeconds: Int = 600
    /// Further audiences an ID token may name besides the client (Core 1.0 §3.1.3.7 item 3);
    /// empty by default, so a token shared with another client is refused.
    package var trustedAudiences: Set<String> = []
    /// Seconds a request to the provider (discovery, token) may take in all; whole seconds, at
    /// least 1, because URLSession on Linux drops the fraction (0.5 would time out at once).
    package var requestTimeoutSeconds: Int = 10
    /// The largest answer read from the provider.
    package var maximumResponseBytes: Int = 1_048_576
    /// Allows `http` URLs whose host is a loopback address (127.0.0.0/8, ::1, localhost): for
    /// tests against a local provider only. Off by default, so production needs https everywhere.
    package var allowsLoopbackHTTP: Bool = false

    /// A configuration for `clientID` at `issuer`, with the defaults above.
    package init(
        issuer: String, clientID: String, clientSecret: String, redirectURI: String,
        clientAuthentication: ClientAuthentication = .clientSecretBasic
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.clientAuthentication = clientAuthentication
    }

    /// The scopes sent: `openid profile email` and the extra ones, each once.
    package var scope: String {
        var scopes = ["openid", "profile", "email"]
        for extra in extraScopes.split(separator: " ").map(String.init) where !scopes.contains(extra) {
            scopes.append(extra)
        }
        return scopes.joined(separator: " ")
    }

    /// The configuration without the client secret, for logs and `dump`.
    package var description: String {
        "OpenIDConfiguration(issuer: \(issuer), clientID: \(clientID), clientSecret: <redacted>,"
            + " clientAuthentication: \(clientAuthentication.rawValue), redirectURI: \(redirectURI))"
    }

    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "issuer": issuer, "clientID": clientID, "clientSecret": "<redacted>",
                "clientAuthentication": clientAuthentication.rawValue, "redirectURI": redirectURI,
            ])
    }
}
