import Testing

@testable import App

@Suite struct ProviderURLTests {
    @Test(arguments: [
        "http://127.0.0.1:8080/x", "http://127.1.2.3/x", "http://localhost:9400", "http://[::1]:9400/x",
        "https://login.example.de", "HTTPS://login.example.de/realms/a",
    ])
    func secureOrLoopbackURLsAreAcceptedInTests(url: String) throws {
        #expect(try ProviderURL(url, role: "issuer", allowsLoopbackHTTP: true).text == url)
    }

    @Test(arguments: [
        "http://login.example.de", "http://127.0.0.1.example.de/x", "http://128.0.0.1/x", "ftp://login.example.de",
        "https://login.example.de/#x", "https://user:pw@login.example.de/", "/relative/path", "https://", "",
        "login.example.de",
    ])
    func otherURLsAreRefused(url: String) {
        #expect(throws: SignInError.self) { try ProviderURL(url, role: "issuer", allowsLoopbackHTTP: true) }
    }

    @Test func loopbackHTTPIsRefusedUnlessAllowed() {
        #expect(throws: SignInError.insecureOrInvalidURL(role: "issuer", url: "http://127.0.0.1:9400")) {
            try ProviderURL("http://127.0.0.1:9400", role: "issuer", allowsLoopbackHTTP: false)
        }
    }
}
