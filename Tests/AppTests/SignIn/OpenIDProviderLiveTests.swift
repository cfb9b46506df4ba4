import Foundation
import Glibc
import HTTPServer
import RathausTesting
import Scheduling
import Storage
import Testing

@testable import App

/// Sign-in against a real OpenID Connect provider (oidc-provider-mock, started by
/// `Scripts/oidc-test-provider`): discovery, the authorization form, the code exchange over
/// URLSession and the ID token check, and the refusals the provider can be made to cause.
@Suite(.enabled(if: MockIdentityProvider.isInstalled, "python3 with oidc-provider-mock is not installed"))
struct OpenIDProviderLiveTests {
    static let redirectURI = "http://127.0.0.1:9/sign-in/callback"

    func provider() throws -> MockIdentityProvider {
        try MockIdentityProvider.shared.get()
    }

    func configuration(
        issuer: String? = nil, clientID: String = "rathaus", secret: String = "s3cret+/=&",
        authentication: OpenIDConfiguration.ClientAuthentication = .clientSecretBasic
    ) throws -> OpenIDConfiguration {
        var configuration = OpenIDConfiguration(
            issuer: try issuer ?? provider().issuer, clientID: clientID, clientSecret: secret,
            redirectURI: OpenIDProviderLiveTests.redirectURI, clientAuthentication: authentication)
        configuration.allowsLoopbackHTTP = true
        return configuration
    }

    var now: Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }

    /// A new subject per test, so that parallel tests never share claims.
    func subject(_ name: String) -> String { name + "-" + UUID().uuidString.prefix(8).lowercased() }

    /// Starts a sign-in and completes the provider's form; returns the request and its answer.
    func signIn(
        at openID: OpenIDProvider, as subject: String, deny: Bool = false
    ) throws -> (AuthorizationRequest, QueryParameters) {
        let request = AuthorizationRequest()
        let answer = try provider().authorize(openID.authorizationURL(for: request), as: subject, deny: deny)
        return (request, answer)
    }

    @Test func aStaffMemberSignsInWithRolesFromTheProvider() async throws {
        let subject = subject("erika")
        try provider().setClaims(
            of: subject, #"{"name": "Erika Mustermann", "rathaus_roles": ["counter:nord", "hotline", "vpn-users"]}"#)
        let openID = try await OpenIDProvider.discover(configuration())
        #expect(openID.metadata.issuer == (try provider().issuer))
        #expect(openID.metadata.tokenEndpoint.text == (try provider().issuer) + "/oauth2/token")
        #expect(openID.metadata.endSessionEndpoint?.text == (try provider().issuer) + "/oauth2/end_session")
        #expect(openID.signingKeys.keys.count == 1)

        let (request, answer) = try signIn(at: openID, as: subject)
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let claims = try await openID.redeem(code: code, for: request, now: now)

        #expect(claims.subject == subject)
        #expect(claims.issuer == (try provider().issuer))
        #expect(claims.audiences == ["rathaus"])
        #expect(claims.displayName == "Erika Mustermann")
        let access = StaffAccess(claim: claims.claim("rathaus_roles"))
        #expect(access.has(.counterStaff, office: "nord"))
        #expect(!access.has(.counterStaff, office: "sued"))
        #expect(access.has(.hotline, office: "sued"))
        #expect(!access.has(.administrator))
        #expect(access.ignoredValues == 1)
    }

    @Test func signingOutAtTheProviderNamesTheClientAndWhereToReturn() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let url = try #require(openID.signOutURL(returningTo: "http://127.0.0.1:9/signed-out", state: "s1"))
        let issuer = try provider().issuer
        #expect(
            url == issuer + "/oauth2/end_session?client_id=rathaus"
                + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fsigned-out&state=s1")
        // The provider takes it: its confirmation page carries the return address with the state.
        let answer = try TestHTTPClient.send(
            port: try provider().port, method: "GET", path: String(url.dropFirst(issuer.count)))
        #expect(answer.status == 200)
        #expect(answer.text.contains("http://127.0.0.1:9/signed-out?state=s1"))
    }

    @Test(arguments: [OpenIDConfiguration.ClientAuthentication.clientSecretBasic, .clientSecretPost])
    func aRegisteredClientAuthenticatesAsConfigured(method: OpenIDConfiguration.ClientAuthentication) async throws {
        let client = try provider().registerClient(
            redirectURI: OpenIDProviderLiveTests.redirectURI, method: method.rawValue)
        let openID = try await OpenIDProvider.discover(
            configuration(clientID: client.id, secret: client.secret, authentication: method))
        let (request, answer) = try signIn(at: openID, as: subject("jonas"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let claims = try await openID.redeem(code: code, for: request, now: now)
        #expect(claims.audiences == [client.id])
    }

    @Test func aWrongClientSecretIsRefusedByTheProvider() async throws {
        let client = try provider().registerClient(
            redirectURI: OpenIDProviderLiveTests.redirectURI, method: "client_secret_basic")
        let openID = try await OpenIDProvider.discover(
            configuration(clientID: client.id, secret: "not-" + client.secret))
        let (request, answer) = try signIn(at: openID, as: subject("mallory"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let error = await #expect(throws: SignInError.self) {
            try await openID.redeem(code: code, for: request, now: now)
        }
        guard case .tokenRequestRefused("invalid_client", _)? = error else {
            Issue.record("expected invalid_client, got \(String(describing: error))")
            return
        }
    }

    @Test func anAnswerForAnotherSignInIsRefusedByItsState() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let (_, answer) = try signIn(at: openID, as: subject("erika"))
        let other = AuthorizationRequest()
        #expect(throws: SignInError.stateMismatch) {
            try AuthorizationResponse.code(from: answer, expectedState: other.state, issuer: openID.metadata.issuer)
        }
    }

    @Test func aDeniedSignInIsReportedInWords() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let (request, answer) = try signIn(at: openID, as: subject("erika"), deny: true)
        let error = #expect(throws: SignInError.self) {
            try AuthorizationResponse.code(from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        }
        guard case .authorizationRefused(let code, _)? = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(code == "access_denied")
        #expect(error?.description.hasPrefix("the identity provider refused the sign-in (access_denied)") == true)
    }

    @Test func aCodeIsRedeemedOnlyOnce() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let (request, answer) = try signIn(at: openID, as: subject("erika"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        _ = try await openID.redeem(code: code, for: request, now: now)
        let error = await #expect(throws: SignInError.self) {
            try await openID.redeem(code: code, for: request, now: now)
        }
        guard case .tokenRequestRefused(let refusal, _)? = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(refusal == "invalid_grant")
        #expect(error?.description.contains("a code can be used once") == true)
    }

    @Test func anIDTokenForAnotherSignInIsRefusedByItsNonce() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let (request, answer) = try signIn(at: openID, as: subject("erika"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let replayed = AuthorizationRequest(
            state: request.state, nonce: AuthorizationRequest().nonce, pkce: request.pkce)
        await #expect(throws: SignInError.nonceMismatch) {
            try await openID.redeem(code: code, for: replayed, now: now)
        }
    }

    @Test func anIDTokenMeantForAnotherClientIsRefused() async throws {
        // The provider issues a real token to "other-app"; Rathaus ("rathaus") must not accept it.
        let other = try await OpenIDProvider.discover(configuration(clientID: "other-app"))
        let (request, answer) = try signIn(at: other, as: subject("erika"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: other.metadata.issuer)
        let token = try await other.exchange(code: code, verifier: request.pkce.verifier)
        let ours = IDTokenValidator(issuer: other.metadata.issuer, configuration: try configuration())
        #expect(throws: SignInError.audienceMismatch(clientID: "rathaus", audiences: ["other-app"])) {
            try ours.validate(token, nonce: request.nonce, now: now)
        }
    }

    @Test func anExpiredIDTokenIsRefused() async throws {
        let openID = try await OpenIDProvider.discover(configuration())
        let (request, answer) = try signIn(at: openID, as: subject("erika"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let token = try await openID.exchange(code: code, verifier: request.pkce.verifier)
        let validator = IDTokenValidator(issuer: openID.metadata.issuer, configuration: try configuration())
        let claims = try validator.validate(token, nonce: request.nonce, now: now)
        // The provider's tokens live an hour: read the same token just after exp plus the skew.
        let later = claims.expiresAt.adding(seconds: 60)
        #expect(
            throws: SignInError.idTokenExpired(
                expiredAt: claims.expiresAt.secondsSinceEpoch, now: later.secondsSinceEpoch)
        ) {
            try validator.validate(token, nonce: request.nonce, now: later)
        }
    }

    @Test func theProvidersSignatureIsVerifiedAndAChangedTokenRefused() async throws {
        let subject = subject("erika")
        try provider().setClaims(of: subject, #"{"rathaus_roles": ["counter:nord"]}"#)
        let openID = try await OpenIDProvider.discover(configuration())
        let (request, answer) = try signIn(at: openID, as: subject)
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: openID.metadata.issuer)
        let token = try await openID.exchange(code: code, verifier: request.pkce.verifier)
        let validator = IDTokenValidator(issuer: openID.metadata.issuer, configuration: try configuration())
        let claims = try validator.validate(token, nonce: request.nonce, now: now, keys: openID.signingKeys)
        #expect(claims.subject == subject)

        // The same token with the roles widened, the provider's signature kept.
        let parts = token.split(separator: ".").map(String.init)
        let payload = try #require(Secrets.decodeBase64URL(parts[1]))
        let widened = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "counter:nord", with: "admin")
        #expect(widened != String(decoding: payload, as: UTF8.self))
        let forged = parts[0] + "." + Secrets.base64URL(Array(widened.utf8)) + "." + parts[2]
        #expect(throws: SignInError.invalidSignature) {
            try validator.validate(forged, nonce: request.nonce, now: now, keys: openID.signingKeys)
        }
        // Without the keys, the forged token would pass: the check above is what catches it.
        #expect(throws: Never.self) { try validator.validate(forged, nonce: request.nonce, now: now) }

        // A header naming a key the provider does not publish.
        let header = Secrets.base64URL(Array(#"{"alg":"RS256","kid":"rotated-away"}"#.utf8))
        #expect(throws: SignInError.unknownSigningKey(keyID: "rotated-away")) {
            try validator.validate(
                header + "." + parts[1] + "." + parts[2], nonce: request.nonce, now: now, keys: openID.signingKeys)
        }
    }

    @Test func aDiscoveryDocumentOfAnotherIssuerIsRefused() async throws {
        // Configured with a trailing slash, the provider names itself without one: not equal.
        let issuer = try provider().issuer
        await #expect(throws: SignInError.issuerMismatch(configured: issuer + "/", discovered: issuer)) {
            try await OpenIDProvider.discover(configuration(issuer: issuer + "/"))
        }
    }

    @Test func anIDTokenFromAnotherIssuerIsRefused() async throws {
        // The mock names itself after the Host it is asked by: a token endpoint reached as
        // localhost issues tokens of the issuer http://localhost:PORT, not the discovered one.
        let provider = try provider()
        let configuration = try configuration()
        let discovered = try await OpenIDProvider.discover(configuration)
        let elsewhere = "http://localhost:\(provider.port)"
        let document =
            #"{"issuer": "\#(provider.issuer)", "authorization_endpoint": "\#(provider.issuer)/oauth2/authorize", "token_endpoint": "\#(elsewhere)/oauth2/token", "jwks_uri": "\#(provider.issuer)/jwks"}"#
        let openID = OpenIDProvider(
            configuration: configuration,
            metadata: try ProviderMetadata(document: Array(document.utf8), url: "test", configuration: configuration),
            keys: discovered.signingKeys)
        let (request, answer) = try signIn(at: openID, as: subject("erika"))
        let code = try AuthorizationResponse.code(
            from: answer, expectedState: request.state, issuer: discovered.metadata.issuer)
        await #expect(throws: SignInError.idTokenIssuerMismatch(expected: provider.issuer, received: elsewhere)) {
            try await openID.redeem(code: code, for: request, now: now)
        }
    }
}
