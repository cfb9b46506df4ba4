import HTTPServer
import Testing

@testable import App

@Suite struct AuthorizationRequestTests {
    static func configuration(redirectURI: String = "https://rathaus.example.de/sign-in/callback")
        -> OpenIDConfiguration
    {
        OpenIDConfiguration(
            issuer: "https://login.example.de/realms/rathaus", clientID: "rathaus app", clientSecret: "x",
            redirectURI: redirectURI)
    }

    static func endpoint() throws -> ProviderURL {
        try ProviderURL(
            "https://login.example.de/realms/rathaus/protocol/openid-connect/auth", role: "authorization endpoint",
            allowsLoopbackHTTP: false)
    }

    @Test func theURLCarriesEveryParameterOfTheCodeFlowWithPKCE() throws {
        let request = AuthorizationRequest()
        let url = request.url(endpoint: try Self.endpoint(), configuration: Self.configuration())
        let parts = url.split(separator: "?", maxSplits: 1)
        #expect(parts[0] == "https://login.example.de/realms/rathaus/protocol/openid-connect/auth")
        let query = QueryParameters(String(parts[1]))
        #expect(query["response_type"] == "code")
        #expect(query["client_id"] == "rathaus app")
        #expect(query["redirect_uri"] == "https://rathaus.example.de/sign-in/callback")
        #expect(query["scope"] == "openid profile email")
        #expect(query["state"] == request.state)
        #expect(query["nonce"] == request.nonce)
        #expect(query["code_challenge"] == request.pkce.challenge)
        #expect(query["code_challenge_method"] == "S256")
        #expect(query.count == 8)
        #expect(!url.contains(request.pkce.verifier))
    }

    @Test func reservedCharactersArePercentEncoded() throws {
        var configuration = Self.configuration(redirectURI: "https://rathaus.example.de/cb?a=1&b=ü #x")
        configuration.extraScopes = "roles groups"
        let request = AuthorizationRequest(state: "s+/=", nonce: "n&x", pkce: PKCE())
        let url = request.url(endpoint: try Self.endpoint(), configuration: configuration)
        #expect(url.contains("&redirect_uri=https%3A%2F%2Frathaus.example.de%2Fcb%3Fa%3D1%26b%3D%C3%BC%20%23x&"))
        #expect(url.contains("&scope=openid%20profile%20email%20roles%20groups&"))
        #expect(url.contains("&state=s%2B%2F%3D&nonce=n%26x&"))
        #expect(url.contains("client_id=rathaus%20app&"))
    }

    @Test func extraScopesAreAddedOnce() {
        var configuration = Self.configuration()
        configuration.extraScopes = " email  roles roles "
        #expect(configuration.scope == "openid profile email roles")
    }

    @Test func aQueryTheEndpointAlreadyHasIsKept() throws {
        let endpoint = try ProviderURL(
            "https://login.example.de/authorize?tenant=kiel", role: "authorization endpoint", allowsLoopbackHTTP: false)
        let url = AuthorizationRequest().url(endpoint: endpoint, configuration: Self.configuration())
        #expect(url.hasPrefix("https://login.example.de/authorize?tenant=kiel&response_type=code&"))
    }

    @Test func stateAndNonceAreLongRandomAndURLSafe() {
        let first = AuthorizationRequest()
        let second = AuthorizationRequest()
        for value in [first.state, first.nonce] {
            #expect(value.count == 43)
            #expect(value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
        #expect(first.state != second.state)
        #expect(first.nonce != second.nonce)
        #expect(first.state != first.nonce)
    }
}
