import Testing

@testable import App

@Suite struct JSONWebKeySetTests {
    @Test func onlyRSASigningKeysForRS256AreKept() throws {
        let n = RSAPublicKeyTests.rfc7515Modulus
        let document = """
            {"keys": [
              {"kty": "RSA", "kid": "a", "use": "sig", "alg": "RS256", "n": "\(n)", "e": "AQAB"},
              {"kty": "RSA", "kid": "b", "n": "\(n)", "e": "AQAB"},
              {"kty": "RSA", "kid": "enc", "use": "enc", "n": "\(n)", "e": "AQAB"},
              {"kty": "RSA", "kid": "ps", "alg": "PS256", "n": "\(n)", "e": "AQAB"},
              {"kty": "RSA", "kid": "weak", "n": "\(RSAPublicKeyTests.modulus1024)", "e": "AQAB"},
              {"kty": "RSA", "kid": "broken", "n": "not base64!", "e": "AQAB"},
              {"kty": "EC", "kid": "ec", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
               "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
              "not a key"
            ]}
            """
        let set = try JSONWebKeySet(document: Array(document.utf8), url: "https://login.example.de/certs")
        #expect(set.keys.map(\.id) == ["a", "b"])
        #expect(set.candidates(for: "b").count == 1)
        #expect(set.candidates(for: "enc").isEmpty)
        #expect(set.candidates(for: nil).count == 2)
    }

    @Test(arguments: ["[]", "{}", #"{"keys": {}}"#, "<html>"])
    func aDocumentThatIsNoKeySetIsRefused(text: String) {
        #expect(
            throws: SignInError.malformedResponse(
                url: "https://login.example.de/certs", reason: "not a JWK Set (an object with an array keys)")
        ) { try JSONWebKeySet(document: Array(text.utf8), url: "https://login.example.de/certs") }
    }
}
