import Testing

@testable import App

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
