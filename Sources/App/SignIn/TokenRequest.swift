internal import Foundation

/// The token request of the authorization code flow (RFC 6749 §4.1.3, RFC 7636 §4.5): the code,
/// the redirect URI and the PKCE verifier, with the client authenticated as configured. Pure: the
/// headers and body to send; `OpenIDProvider` sends them.
package struct TokenRequest: Sendable, CustomStringConvertible, CustomReflectable {
    /// Header fields besides `Content-Type` (`Authorization` for client_secret_basic). Secret.
    package let headers: [(String, String)]
    /// The `application/x-www-form-urlencoded` body. Secret.
    package let body: String

    /// The request that redeems `code` for the sign-in whose verifier is `verifier`.
    package init(code: String, verifier: String, configuration: OpenIDConfiguration) {
        var parameters = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", configuration.redirectURI),
            ("code_verifier", verifier),
        ]
        switch configuration.clientAuthentication {
        case .clientSecretBasic:
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            let credentials =
                FormEncoding.encode(configuration.clientID) + ":"
                + FormEncoding.encode(configuration.clientSecret)
            headers = [("Authorization", "Basic " + Data(credentials.utf8).base64EncodedString())]
        case .clientSecretPost:
            parameters += [("client_id", configuration.clientID), ("client_secret", configuration.clientSecret)]
            headers = []
        case .none:
            parameters.append(("client_id", configuration.clientID))
            headers = []
        }
        body = FormEncoding.encode(parameters)
    }

    /// Nothing of the code, verifier or secret, for logs and `dump`.
    package var description: String { "TokenRequest(<redacted>)" }

    package var customMirror: Mirror { Mirror(self, children: [:]) }
}
