import HTTPServer
import Testing

@testable import App

@Suite struct AuthorizationResponseTests {
    static let issuer = "https://login.example.de/realms/rathaus"

    func code(_ query: String, state: String = "expected-state") throws(SignInError) -> String {
        try AuthorizationResponse.code(from: QueryParameters(query), expectedState: state, issuer: Self.issuer)
    }

    @Test func theCodeIsTakenWhenTheStateMatches() throws {
        #expect(try code("code=abc123&state=expected-state") == "abc123")
        #expect(
            try code("state=expected-state&code=a%2Bb&iss=https%3A%2F%2Flogin.example.de%2Frealms%2Frathaus") == "a+b")
    }

    @Test(arguments: [
        "code=abc123", "code=abc123&state=other-state", "code=abc123&state=", "code=abc123&state=expected-stat",
        "code=abc123&state=expected-state&state=expected-state",
    ])
    func anAnswerWithoutTheRightStateIsRefused(query: String) {
        #expect(throws: SignInError.stateMismatch) { try code(query) }
    }

    @Test func theProvidersErrorIsReportedInWords() throws {
        let error = #expect(throws: SignInError.self) {
            try code("error=access_denied&error_description=The+user+said+no%0A%1B[31m&state=expected-state")
        }
        #expect(error == .authorizationRefused(error: "access_denied", description: "The user said no[31m"))
        #expect(error?.description == "the identity provider refused the sign-in (access_denied): The user said no[31m")
    }

    @Test(arguments: [
        ("error=access_denied&error_description=Call+0900+now", "access_denied"),
        ("error=access_denied&error_description=Call+0900+now&state=other-state", "access_denied"),
        ("error=Your+account+is+locked&state=other-state", "unrecognised error"),
    ])
    func anErrorWithoutTheRightStateIsReportedWithoutItsWords(query: String, error: String) {
        #expect(throws: SignInError.authorizationRefused(error: error, description: nil)) { try code(query) }
    }

    @Test func anAnswerFromAnotherIssuerIsRefused() {
        #expect(
            throws: SignInError.authorizationIssuerMismatch(expected: Self.issuer, received: "https://evil.example")
        ) {
            try code("code=abc&state=expected-state&iss=https%3A%2F%2Fevil.example")
        }
    }

    @Test(arguments: ["state=expected-state", "state=expected-state&code=", "state=expected-state&code=a&code=b"])
    func anAnswerWithoutOneCodeIsRefused(query: String) {
        #expect(throws: SignInError.missingAuthorizationCode) { try code(query) }
    }

    @Test func anEmptyExpectedStateMatchesNothing() {
        #expect(throws: SignInError.stateMismatch) { try code("code=abc&state=", state: "") }
        #expect(throws: SignInError.stateMismatch) { try code("code=abc", state: "") }
    }
}
