package import Scheduling

/// What a validated ID token says about the staff member who signed in. Personal data: never
/// logged, never put in an error.
package struct IDTokenClaims: Sendable {
    /// The person's stable identifier at the issuer (`sub`); with the issuer it names the account.
    package let subject: String
    /// The issuer, equal to the discovered one.
    package let issuer: String
    /// `aud`, which lists the client.
    package let audiences: [String]
    /// `exp`.
    package let expiresAt: Instant
    /// `iat`.
    package let issuedAt: Instant
    /// The display name (`name`, else `preferred_username`), if the provider sent one.
    package let displayName: String?
    /// `email`, if sent.
    package let email: String?
    /// Every claim of the payload, for the configured role claim.
    package let all: [(key: String, value: JSONValue)]

    /// The claim `name`, or nil when absent or null.
    package func claim(_ name: String) -> JSONValue? {
        guard let value = all.first(where: { $0.key == name })?.value, value != .null else { return nil }
        return value
    }

    init(
        subject: String, issuer: String, audiences: [String], expiresAt: Instant, issuedAt: Instant,
        all: [(key: String, value: JSONValue)]
    ) {
        self.subject = subject
        self.issuer = issuer
        self.audiences = audiences
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.all = all
        func text(_ name: String) -> String? {
            if case .string(let value)? = all.first(where: { $0.key == name })?.value, !value.isEmpty {
                value
            } else {
                nil
            }
        }
        displayName = text("name") ?? text("preferred_username")
        email = text("email")
    }
}
