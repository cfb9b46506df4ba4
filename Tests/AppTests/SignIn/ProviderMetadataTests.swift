import Testing

@testable import App

@Suite struct ProviderMetadataTests {
    static let issuer = "https://login.example.de/realms/rathaus"

    static func configuration(
        issuer: String = issuer, authentication: OpenIDConfiguration.ClientAuthentication = .clientSecretBasic
    ) -> OpenIDConfiguration {
        OpenIDConfiguration(
            issuer: issuer, clientID: "rathaus", clientSecret: "x", redirectURI: "https://rathaus.example.de/cb",
            clientAuthentication: authentication)
    }

    /// A discovery document shaped like Keycloak's, with members replaced by `extra` (JSON members).
    static func document(issuer: String = issuer, _ extra: String = "") -> [UInt8] {
        let base = "\(issuer)/protocol/openid-connect"
        let members = [
            #""issuer":"\#(issuer)""#,
            #""authorization_endpoint":"\#(base)/auth""#,
            #""token_endpoint":"\#(base)/token""#,
            #""jwks_uri":"\#(base)/certs""#,
            #""end_session_endpoint":"\#(base)/logout""#,
            #""response_types_supported":["code","none","code id_token"]"#,
            #""code_challenge_methods_supported":["plain","S256"]"#,
            #""token_endpoint_auth_methods_supported":["private_key_jwt","client_secret_basic","client_secret_post"]"#,
        ]
        let replaced = extra.isEmpty ? [] : extra.split(separator: "|").map(String.init)
        let kept = members.filter { member in
            !replaced.contains { $0.split(separator: ":").first == member.split(separator: ":").first }
        }
        return Array(("{" + (kept + replaced).joined(separator: ",") + "}").utf8)
    }

    func read(_ document: [UInt8], _ configuration: OpenIDConfiguration = configuration()) throws(SignInError)
        -> ProviderMetadata
    {
        try ProviderMetadata(
            document: document, url: "https://login.example.de/.well-known", configuration: configuration)
    }

    @Test func aKeycloakDocumentIsRead() throws {
        let metadata = try read(Self.document())
        #expect(metadata.issuer == Self.issuer)
        #expect(metadata.authorizationEndpoint.text == Self.issuer + "/protocol/openid-connect/auth")
        #expect(metadata.tokenEndpoint.text == Self.issuer + "/protocol/openid-connect/token")
        #expect(metadata.jwksURI.text == Self.issuer + "/protocol/openid-connect/certs")
        #expect(metadata.endSessionEndpoint?.text == Self.issuer + "/protocol/openid-connect/logout")
        #expect(try read(Self.document(#""end_session_endpoint":null"#)).endSessionEndpoint == nil)
    }

    @Test func theDiscoveryURLDropsOneTrailingSlash() {
        #expect(
            ProviderMetadata.discoveryURL(issuer: "https://a.example/realms/x")
                == "https://a.example/realms/x/.well-known/openid-configuration")
        #expect(
            ProviderMetadata.discoveryURL(issuer: "https://a.example/realms/x/")
                == "https://a.example/realms/x/.well-known/openid-configuration")
        #expect(
            ProviderMetadata.discoveryURL(issuer: "https://a.example")
                == "https://a.example/.well-known/openid-configuration")
    }

    @Test(arguments: [
        issuer + "/", "https://LOGIN.example.de/realms/rathaus", "https://login.example.de/realms/Rathaus",
    ])
    func anIssuerThatDiffersInAnyCharacterIsRefused(discovered: String) {
        #expect(throws: SignInError.issuerMismatch(configured: Self.issuer, discovered: discovered)) {
            try read(Self.document(issuer: discovered))
        }
    }

    @Test func anEndpointOverPlainHTTPIsRefused() {
        #expect(throws: SignInError.insecureOrInvalidURL(role: "token endpoint", url: "http://login.example.de/token"))
        {
            try read(Self.document(#""token_endpoint":"http://login.example.de/token""#))
        }
        // Even on loopback, unless the configuration allows it (tests do).
        #expect(throws: SignInError.insecureOrInvalidURL(role: "token endpoint", url: "http://127.0.0.1:8080/token")) {
            try read(Self.document(#""token_endpoint":"http://127.0.0.1:8080/token""#))
        }
        var testing = Self.configuration()
        testing.allowsLoopbackHTTP = true
        #expect(throws: SignInError.insecureOrInvalidURL(role: "token endpoint", url: "http://login.example.de/token"))
        {
            try read(Self.document(#""token_endpoint":"http://login.example.de/token""#), testing)
        }
        #expect(
            (try? read(Self.document(#""token_endpoint":"http://127.0.0.1:8080/token""#), testing))?.tokenEndpoint.text
                == "http://127.0.0.1:8080/token")
    }

    @Test(arguments: [
        ("{}", SignInError.malformedResponse(url: "https://login.example.de/.well-known", reason: "issuer is missing")),
        ("[]", .malformedResponse(url: "https://login.example.de/.well-known", reason: "not a JSON object")),
        (
            #"{"issuer": 7}"#,
            .malformedResponse(url: "https://login.example.de/.well-known", reason: "issuer is a number, not a string")
        ),
    ])
    func aDocumentWithoutAnIssuerIsRefused(text: String, error: SignInError) {
        #expect(throws: error) { try read(Array(text.utf8)) }
    }

    @Test(arguments: ["authorization_endpoint", "token_endpoint", "jwks_uri"])
    func aDocumentWithoutARequiredEndpointIsRefused(member: String) {
        #expect(
            throws: SignInError.malformedResponse(
                url: "https://login.example.de/.well-known", reason: "\(member) is missing")
        ) {
            try read(Self.document("\"\(member)\":null"))
        }
    }

    @Test func aProviderWithoutWhatSignInNeedsIsRefused() {
        #expect(throws: SignInError.providerLacks(feature: "PKCE with the S256 code challenge method")) {
            try read(Self.document(#""code_challenge_methods_supported":["plain"]"#))
        }
        #expect(throws: SignInError.providerLacks(feature: "the authorization code flow (response_type code)")) {
            try read(Self.document(#""response_types_supported":["id_token"]"#))
        }
        #expect(throws: SignInError.providerLacks(feature: "client authentication by client_secret_post")) {
            try read(
                Self.document(#""token_endpoint_auth_methods_supported":["client_secret_basic"]"#),
                Self.configuration(authentication: .clientSecretPost))
        }
    }

    @Test func absentListsAreNotRefusals() throws {
        let document = Self.document(
            #""code_challenge_methods_supported":null|"token_endpoint_auth_methods_supported":null|"response_types_supported":null"#
        )
        #expect(try read(document, Self.configuration(authentication: .clientSecretPost)).issuer == Self.issuer)
    }
}
