import Testing

@testable import HTTPServer

@Suite struct ProblemTests {
    @Test func problemsRenderAsRFC9457JSON() {
        let problem = Problem(
            status: .notFound, detail: "No \"office\" here\n", instance: "urn:request:1",
            headers: ["X-A": "1"])
        let response = problem.response()
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["X-A"] == "1")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"type":"about:blank","title":"Not Found","status":404,"detail":"No \"office\" here\n","instance":"urn:request:1"}"#
        )
    }

    @Test func controlCharactersAreEscaped() {
        var output: [UInt8] = []
        JSONString.write("a\u{1}b\\c\t", into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #""a\u0001b\\c\t""#)
    }
}
