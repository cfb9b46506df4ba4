package import HTTPServer
import Storage

/// The pure check of the browser's return to the redirect URI (RFC 6749 §4.1.2): the `state`
/// must be the one sent, an `error` is reported in words, and only then is the `code` taken.
package enum AuthorizationResponse {
    /// The authorization code from `parameters` (the redirect URI's query), after checking that
    /// `state` equals `expectedState` (compared in constant time) and, when the provider names
    /// itself with `iss` (RFC 9207), that it is `issuer`.
    ///
    /// An error answer whose state does not match is still reported as a refusal, since nothing
    /// is signed in either way and some providers leave the state out of their error answers,
    /// but only with an error code of RFC 6749 §4.1.2.1 or Core 1.0 §3.1.2.6 and without the
    /// description: text that anyone could have put in a link is never shown as the provider's.
    package static func code(
        from parameters: QueryParameters, expectedState: String, issuer: String
    ) throws(SignInError) -> String {
        let stateMatches =
            !expectedState.isEmpty && parameters.values(for: "state").count == 1
            && HMAC.equal(Array((parameters["state"] ?? "").utf8), Array(expectedState.utf8))
        if let error = parameters["error"] {
            guard stateMatches else {
                throw .authorizationRefused(
                    error: knownErrors.contains(error) ? error : "unrecognised error", description: nil)
            }
            if let received = parameters["iss"], received != issuer {
                throw .authorizationIssuerMismatch(expected: issuer, received: printable(received))
            }
            throw .authorizationRefused(
                error: printable(error), description: parameters["error_description"].map(printable))
        }
        guard stateMatches else { throw .stateMismatch }
        if let received = parameters["iss"], received != issuer {
            throw .authorizationIssuerMismatch(expected: issuer, received: printable(received))
        }
        guard let code = parameters["code"], !code.isEmpty, parameters.values(for: "code").count == 1 else {
            throw .missingAuthorizationCode
        }
        return code
    }

    /// The error codes of an authorization answer: RFC 6749 §4.1.2.1 and OpenID Connect Core 1.0
    /// §3.1.2.6.
    static let knownErrors: Set<String> = [
        "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope",
        "server_error", "temporarily_unavailable", "interaction_required", "login_required",
        "account_selection_required", "consent_required", "invalid_request_uri", "invalid_request_object",
        "request_not_supported", "request_uri_not_supported", "registration_not_supported",
    ]

    /// `text` restricted to what RFC 6749 §4.1.2.1 allows in `error` and `error_description`
    /// (printable ASCII), at most 200 characters, so that a provider's words can be shown and
    /// logged without control characters.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { (0x20...0x7E).contains($0.value) }.prefix(200)))
    }
}
