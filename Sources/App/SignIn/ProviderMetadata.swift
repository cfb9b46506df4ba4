/// What the provider's discovery document says (OpenID Connect Discovery 1.0 §3): the issuer
/// and the endpoints sign-in uses, each checked as a `ProviderURL`.
package struct ProviderMetadata: Equatable, Sendable {
    /// The issuer, equal to the configured one character for character (Discovery 1.0 §4.3).
    package let issuer: String
    /// Where the browser is sent to sign in.
    package let authorizationEndpoint: ProviderURL
    /// Where the code is exchanged for tokens.
    package let tokenEndpoint: ProviderURL
    /// The provider's signing keys (JWK Set).
    package let jwksURI: ProviderURL
    /// Where the browser is sent to sign out at the provider (RP-Initiated Logout 1.0), if offered.
    package let endSessionEndpoint: ProviderURL?

    /// The URL of the discovery document for `issuer`: a trailing `/` removed, then
    /// `/.well-known/openid-configuration` appended (Discovery 1.0 §4).
    package static func discoveryURL(issuer: String) -> String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }

    /// Reads the discovery document `document`, fetched from `url`, for `configuration`.
    package init(document: [UInt8], url: String, configuration: OpenIDConfiguration) throws(SignInError) {
        func malformed(_ reason: String) -> SignInError { .malformedResponse(url: url, reason: reason) }
        let root: JSONValue
        do { root = try JSONValue.parse(document) } catch { throw malformed("not JSON (\(error))") }
        guard case .object(let members) = root else { throw malformed("not a JSON object") }
        func string(_ key: String) throws(SignInError) -> String? {
            switch members.first(where: { $0.key == key })?.value {
            case nil, .null?: return nil
            case .string(let text)?: return text
            case let other?: throw malformed("\(key) is \(other.kind), not a string")
            }
        }
        func strings(_ key: String) throws(SignInError) -> [String]? {
            switch members.first(where: { $0.key == key })?.value {
            case nil, .null?: return nil
            case .array(let items)?:
                var texts: [String] = []
                for item in items {
                    guard case .string(let text) = item else { throw malformed("\(key) holds \(item.kind)") }
                    texts.append(text)
                }
                return texts
            case let other?: throw malformed("\(key) is \(other.kind), not an array")
            }
        }
        func endpoint(_ key: String) throws(SignInError) -> ProviderURL? {
            guard let text = try string(key) else { return nil }
            return try ProviderURL(
                text, role: key.replacingUnderscoresWithSpaces, allowsLoopbackHTTP: configuration.allowsLoopbackHTTP)
        }
        func required(_ key: String) throws(SignInError) -> ProviderURL {
            guard let url = try endpoint(key) else { throw malformed("\(key) is missing") }
            return url
        }

        guard let issuer = try string("issuer") else { throw malformed("issuer is missing") }
        guard issuer == configuration.issuer else {
            throw .issuerMismatch(configured: configuration.issuer, discovered: String(issuer.prefix(200)))
        }
        self.issuer = issuer
        authorizationEndpoint = try required("authorization_endpoint")
        tokenEndpoint = try required("token_endpoint")
        jwksURI = try required("jwks_uri")
        endSessionEndpoint = try endpoint("end_session_endpoint")

        if let types = try strings("response_types_supported"), !types.contains("code") {
            throw .providerLacks(feature: "the authorization code flow (response_type code)")
        }
        if let methods = try strings("code_challenge_methods_supported"), !methods.contains(PKCE.challengeMethod) {
            throw .providerLacks(feature: "PKCE with the S256 code challenge method")
        }
        // Checked only when listed: Discovery 1.0 §3 makes client_secret_basic the default of an
        // absent list, but providers that omit it commonly take client_secret_post too.
        if let methods = try strings("token_endpoint_auth_methods_supported"),
            !methods.contains(configuration.clientAuthentication.rawValue)
        {
            throw .providerLacks(feature: "client authentication by \(configuration.clientAuthentication.rawValue)")
        }
    }
}

extension String {
    fileprivate var replacingUnderscoresWithSpaces: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
