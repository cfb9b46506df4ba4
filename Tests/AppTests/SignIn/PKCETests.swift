import Testing

@testable import App

@Suite struct PKCETests {
    @Test func theChallengeMatchesRFC7636AppendixB() throws {
        let pkce = try #require(PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.challengeMethod == "S256")
    }

    @Test func aNewVerifierHas43UnreservedCharactersAndIsNewEachTime() throws {
        let first = PKCE()
        let second = PKCE()
        #expect(first.verifier.count == 43)
        #expect(PKCE(verifier: first.verifier) == first)
        #expect(first.verifier != second.verifier)
        #expect(first.challenge != second.challenge)
    }

    @Test(arguments: [
        String(repeating: "a", count: 42),
        String(repeating: "a", count: 129),
        String(repeating: "a", count: 42) + "+",
        String(repeating: "a", count: 42) + "=",
        String(repeating: "a", count: 42) + " ",
        String(repeating: "a", count: 42) + "ä",
    ])
    func verifiersOutsideRFC7636AreRefused(verifier: String) {
        #expect(PKCE(verifier: verifier) == nil)
    }

    @Test func verifiersAtTheLengthLimitsWithEveryUnreservedCharacterAreAccepted() {
        #expect(PKCE(verifier: String(repeating: "A", count: 43)) != nil)
        #expect(PKCE(verifier: "az-._~09AZ" + String(repeating: "x", count: 118)) != nil)
    }
}
