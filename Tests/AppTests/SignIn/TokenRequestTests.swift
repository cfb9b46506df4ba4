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
}

@Suite struct TokenResponseTests {
    static let url = "https://login.example.de/token"

    func idToken(_ status: Int, _ body: String) throws(SignInError) -> String {
        try TokenResponse.idToken(status: status, body: Array(body.utf8), url: Self.url)
    }

    @Test func theIDTokenIsTakenFromASuccessfulAnswer() throws {
        #expect(
            try idToken(200, #"{"access_token":"a","token_type":"bearer","id_token":"x.y.z","expires_in":300}"#)
                == "x.y.z")
    }

    @Test func aRefusalCarriesTheProvidersErrorInPrintableWords() {
        #expect(throws: SignInError.tokenRequestRefused(error: "invalid_grant", description: "Code not valid")) {
            try idToken(400, #"{"error":"invalid_grant","error_description":"Code not valid\u001b"}"#)
        }
        #expect(throws: SignInError.tokenRequestRefused(error: "invalid_client", description: nil)) {
            try idToken(401, #"{"error":"invalid_client"}"#)
        }
    }

    @Test func otherAnswersAreReportedByStatusOrShape() {
        #expect(throws: SignInError.unexpectedStatus(url: Self.url, status: 500)) {
            try idToken(500, #"{"error":"server_error"}"#)
        }
        #expect(throws: SignInError.unexpectedStatus(url: Self.url, status: 400)) { try idToken(400, "<html>") }
        #expect(throws: SignInError.malformedResponse(url: Self.url, reason: "not a JSON object")) {
            try idToken(200, "<html>")
        }
        #expect(throws: SignInError.malformedResponse(url: Self.url, reason: "token_type is not Bearer")) {
            try idToken(200, #"{"access_token":"a","token_type":"mac","id_token":"x.y.z"}"#)
        }
        #expect(
            throws: SignInError.malformedResponse(
                url: Self.url, reason: "id_token is missing; is the scope openid granted to the client?")
        ) { try idToken(200, #"{"access_token":"a","token_type":"Bearer"}"#) }
    }
}
