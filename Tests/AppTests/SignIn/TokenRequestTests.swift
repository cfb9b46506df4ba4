import Foundation
import HTTPServer
import Testing

@testable import App

@Suite struct TokenRequestTests {
    static func configuration(_ authentication: OpenIDConfiguration.ClientAuthentication) -> OpenIDConfiguration {
        OpenIDConfiguration(
            issuer: "https://login.example.de", clientID: "rathaus:kiel", clientSecret: "p@ss wörd+/",
            redirectURI: "https://rathaus.example.de/cb?x=1", clientAuthentication: authentication)
    }

    @Test func basicAuthenticationFormEncodesIDAndSecretFirst() throws {
        let request = TokenRequest(
            code: "c0de", verifier: "v3rifier", configuration: Self.configuration(.clientSecretBasic))
        let header = try #require(request.headers.first { $0.0 == "Authorization" }?.1)
        #expect(header.hasPrefix("Basic "))
        let decoded = try #require(Data(base64Encoded: String(header.dropFirst(6))))
        // RFC 6749 §2.3.1: application/x-www-form-urlencoded before base64.
        #expect(String(decoding: decoded, as: UTF8.self) == "rathaus%3Akiel:p%40ss%20w%C3%B6rd%2B%2F")
        let body = QueryParameters(request.body)
        #expect(body["grant_type"] == "authorization_code")
        #expect(body["code"] == "c0de")
        #expect(body["redirect_uri"] == "https://rathaus.example.de/cb?x=1")
        #expect(body["code_verifier"] == "v3rifier")
        #expect(body["client_secret"] == nil)
        #expect(body.count == 4)
    }

    @Test func postAuthenticationPutsIDAndSecretInTheBody() {
        let request = TokenRequest(code: "c0de", verifier: "v", configuration: Self.configuration(.clientSecretPost))
        #expect(request.headers.isEmpty)
        let body = QueryParameters(request.body)
        #expect(body["client_id"] == "rathaus:kiel")
        #expect(body["client_secret"] == "p@ss wörd+/")
        #expect(body.count == 6)
    }

    @Test func aPublicClientSendsOnlyItsID() {
        let request = TokenRequest(code: "c0de", verifier: "v", configuration: Self.configuration(.none))
        let body = QueryParameters(request.body)
        #expect(request.headers.isEmpty)
        #expect(body["client_id"] == "rathaus:kiel")
        #expect(body["client_secret"] == nil)
    }

    @Test func secretsNeverShowInDescriptionsOrDumps() {
        let configuration = Self.configuration(.clientSecretBasic)
        let authorization = AuthorizationRequest()
        let request = TokenRequest(
            code: "c0de-secret", verifier: authorization.pkce.verifier, configuration: configuration)
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(authorization, to: &dumped)
        dump(request, to: &dumped)
        let texts = [
            String(describing: configuration), String(describing: authorization), String(describing: request),
            String(reflecting: configuration), String(describing: authorization.pkce), dumped,
        ]
        for text in texts {
            for secret in [
                "p@ss wörd+/", "c0de-secret", authorization.state, authorization.nonce, authorization.pkce.verifier,
            ] {
                #expect(!text.contains(secret))
            }
        }
        #expect(String(describing: configuration).contains("rathaus:kiel"))
    }
}
