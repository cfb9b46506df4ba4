import Testing

@testable import HTTPServer

@Suite struct ServerSentEventTests {
    @Test func eventsCarryIdTypeAndOneDataLinePerLine() {
        let event = ServerSentEvent(data: "A017\r\nSchalter 3\rok\nend", event: "call", id: "42", retry: 3000)
        #expect(
            String(decoding: event.encoded, as: UTF8.self)
                == "id: 42\nevent: call\nretry: 3000\ndata: A017\ndata: Schalter 3\ndata: ok\ndata: end\n\n")
    }

    @Test func idsAndTypesCannotBreakTheStream() {
        let event = ServerSentEvent(data: "", event: "a\nb", id: "1\r\n2")
        #expect(String(decoding: event.encoded, as: UTF8.self) == "id: 1  2\nevent: a b\ndata: \n\n")
        #expect(String(decoding: ServerSentEvent.comment("x\ny"), as: UTF8.self) == ": x y\n\n")
    }
}
