import Testing

@testable import HTTPServer

@Suite struct ResponseEncoderTests {
    let date: DateCache = {
        var date = DateCache()
        date.update()
        return date
    }()

    func encode(
        _ response: HTTPResponse, omitBody: Bool = false, connection: ResponseEncoder.ConnectionField = .omitted
    ) -> String {
        var output: [UInt8] = []
        ResponseEncoder.write(response, omitBody: omitBody, connection: connection, date: date, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func everyAnswerHasDateAndContentLength() {
        let text = encode(.json(Array(#"{"a":1}"#.utf8)))
        let dateLine = String(decoding: date.field, as: UTF8.self)
        #expect(
            text == "HTTP/1.1 200 OK\r\n\(dateLine)Content-Length: 7\r\nContent-Type: application/json\r\n\r\n{\"a\":1}"
        )
    }

    @Test func headAnswersKeepTheLengthButNotTheBody() {
        let text = encode(.text("hello"), omitBody: true)
        #expect(text.hasSuffix("Content-Length: 5\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"))
    }

    @Test func noContentAndNotModifiedHaveNoLengthAndNoBody() {
        #expect(!encode(HTTPResponse(status: .noContent, body: [1])).contains("Content-Length"))
        let notModified = encode(HTTPResponse(status: .notModified, headers: ["ETag": "\"1\""], body: [65]))
        #expect(!notModified.contains("Content-Length"))
        #expect(notModified.hasSuffix("ETag: \"1\"\r\n\r\n"))
    }

    @Test func theConnectionFieldIsWrittenWhenAsked() {
        #expect(encode(.text(""), connection: .close).contains("\r\nConnection: close\r\n"))
        #expect(encode(.text(""), connection: .keepAlive).contains("\r\nConnection: keep-alive\r\n"))
        #expect(!encode(.text("")).contains("Connection"))
    }

    @Test func chunksCarryTheirLengthInHex() {
        var output: [UInt8] = []
        ResponseEncoder.writeChunk(Array(repeating: 65, count: 26), chunked: true, into: &output)
        ResponseEncoder.writeChunk([], chunked: true, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "1a\r\n" + String(repeating: "A", count: 26) + "\r\n")
    }

    @Test func theDateIsAnIMFFixdate() {
        let field = String(decoding: DateCache.format(secondsSinceEpoch: 784_111_777), as: UTF8.self)
        #expect(field == "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n")
    }

    @Test(arguments: [0, 7, 10, 99, 100, 1_048_576])
    func decimalsAreWrittenExactly(value: Int) {
        var output: [UInt8] = []
        ResponseEncoder.writeDecimal(value, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(value))
    }
}
