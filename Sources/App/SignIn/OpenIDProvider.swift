package import Scheduling
import Synchronization

/// The town's identity provider as Rathaus talks to it: discovered once, then used for every
/// sign-in (the authorization URL, the code exchange and the ID token check).
package final class OpenIDProvider: Sendable {
    /// The configuration it was discovered with.
    package let configuration: OpenIDConfiguration
    /// What the discovery document said.
    package let metadata: ProviderMetadata
    private let client: ProviderHTTPClient
    /// The provider's signing keys, fetched at discovery and again when a token names a new key.
    private let keys: Mutex<JSONWebKeySet>

    /// A provider from metadata and keys already read (tests use it to change one endpoint).
    convenience init(configuration: OpenIDConfiguration, metadata: ProviderMetadata, keys: JSONWebKeySet) {
        self.init(
            configuration: configuration, metadata: metadata, keys: keys,
            client: ProviderHTTPClient(
                timeoutSeconds: configuration.requestTimeoutSeconds, maximumBytes: configuration.maximumResponseBytes))
    }

    private init(
        configuration: OpenIDConfiguration, metadata: ProviderMetadata, keys: JSONWebKeySet, client: ProviderHTTPClient
    ) {
        self.configuration = configuration
        self.metadata = metadata
        self.keys = Mutex(keys)
        self.client = client
    }

    /// The signing keys as last fetched.
    package var signingKeys: JSONWebKeySet { keys.withLock { $0 } }

    /// Fetches and checks the discovery document of `configuration.issuer` (Discovery 1.0 §4).
    package static func discover(_ configuration: OpenIDConfiguration) async throws(SignInError) -> OpenIDProvider {
        let issuer = try ProviderURL(
            configuration.issuer, role: "issuer", allowsLoopbackHTTP: configuration.allowsLoopbackHTTP)
        guard !issuer.text.contains("?") else { throw .insecureOrInvalidURL(role: "issuer", url: issuer.text) }
        _ = try ProviderURL(
            configuration.redirectURI, role: "redirect URI", allowsLoopbackHTTP: configuration.allowsLoopbackHTTP)
        let url = try ProviderURL(
            ProviderMetadata.discoveryURL(issuer: configuration.issuer), role: "discovery document",
            allowsLoopbackHTTP: configuration.allowsLoopbackHTTP)
        let client = ProviderHTTPClient(
            timeoutSeconds: configuration.requestTimeoutSeconds, maximumBytes: configuration.maximumResponseBytes)
        let (status, body) = try await client.get(url)
        guard status == 200 else { throw .unexpectedStatus(url: url.text, status: status) }
        let metadata = try ProviderMetadata(document: body, url: url.text, configuration: configuration)
        let keys = try await fetchKeys(metadata.jwksURI, client: client)
        return OpenIDProvider(configuration: configuration, metadata: metadata, keys: keys, client: client)
    }

    private static func fetchKeys(_ url: ProviderURL, client: ProviderHTTPClient) async throws(SignInError)
        -> JSONWebKeySet
    {
        let (status, body) = try await client.get(url)
        guard status == 200 else { throw .unexpectedStatus(url: url.text, status: status) }
        return try JSONWebKeySet(document: body, url: url.text)
    }

    /// The URL that starts `request` at the provider.
    package func authorizationURL(for request: AuthorizationRequest) -> String {
        request.url(endpoint: metadata.authorizationEndpoint, configuration: configuration)
    }

    /// Where to send the browser to end the session at the provider too (OpenID Connect
    /// RP-Initiated Logout 1.0 §2), or nil when the provider offers no end-session endpoint. The
    /// client is named by `client_id`, not by an `id_token_hint`: the ID token carries the person's
    /// name and address, which do not belong in a URL.
    package func signOutURL(returningTo postLogoutRedirectURI: String?, state: String?) -> String? {
        guard let endpoint = metadata.endSessionEndpoint else { return nil }
        var parameters = [("client_id", configuration.clientID)]
        if let postLogoutRedirectURI { parameters.append(("post_logout_redirect_uri", postLogoutRedirectURI)) }
        if let state { parameters.append(("state", state)) }
        return FormEncoding.appending(parameters, to: endpoint.text)
    }

    /// Exchanges `code` (already taken from an answer whose state matched) at the token endpoint
    /// and validates the ID token against `request`'s nonce at `now`.
    package func redeem(code: String, for request: AuthorizationRequest, now: Instant) async throws(SignInError)
        -> IDTokenClaims
    {
        let idToken = try await exchange(code: code, verifier: request.pkce.verifier)
        let validator = IDTokenValidator(issuer: metadata.issuer, configuration: configuration)
        do {
            return try validator.validate(idToken, nonce: request.nonce, now: now, keys: signingKeys)
        } catch .unknownSigningKey {
            // The provider may have rotated its keys since discovery (Core 1.0 §10.1.1): fetch once more.
            let fresh = try await OpenIDProvider.fetchKeys(metadata.jwksURI, client: client)
            keys.withLock { $0 = fresh }
            return try validator.validate(idToken, nonce: request.nonce, now: now, keys: fresh)
        }
    }

    /// The raw ID token for `code`, not yet validated.
    package func exchange(code: String, verifier: String) async throws(SignInError) -> String {
        let tokenRequest = TokenRequest(code: code, verifier: verifier, configuration: configuration)
        let (status, body) = try await client.postForm(
            metadata.tokenEndpoint, headers: tokenRequest.headers, body: tokenRequest.body)
        return try TokenResponse.idToken(status: status, body: body, url: metadata.tokenEndpoint.text)
    }
}
