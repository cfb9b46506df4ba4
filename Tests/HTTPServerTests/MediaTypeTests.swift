import Testing

@testable import HTTPServer

@Suite struct MediaTypeTests {
    @Test func typeSubtypeAndParameterNamesAreCaseInsensitiveAndValuesUnquoted() throws {
        let media = try #require(MediaType(#"Application/JSON ;Charset="UTF-8";  ; q="a\"b";"#))
        #expect(media.type == "application")
        #expect(media.subtype == "json")
        #expect(media.parameters.map(\.name) == ["charset", "q"])
        #expect(media.parameter("charset") == "UTF-8")
        #expect(media.parameter("q") == #"a"b"#)
        #expect(MediaType("application/problem+json")?.subtype == "problem+json")
        #expect(MediaType(" text/plain ")?.parameters.isEmpty == true)
    }

    @Test(arguments: [
        "", "application", "application/", "/json", "application /json", "application/ json",
        "application/json, text/plain", "application/json; charset", "application/json; charset =utf-8",
        "application/json; charset= utf-8", #"application/json; charset="utf-8"#, "application/json; charset=utf-8 x",
        "application/json x", "application/jsön",
    ])
    func malformedMediaTypesAreNil(field: String) {
        #expect(MediaType(field) == nil)
    }
}
