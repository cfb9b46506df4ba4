import Foundation
import Glibc
import Testing

@testable import HTTPServer

/// The client that asks peer instances, against this package's server on port 0 and against raw
/// answers of RFC 9112's forms.
@Suite struct HTTPClientTests {
    @Test func itSendsARequestWithABodyAndReadsTheAnswer() async throws {
        try await withServer(router: basicRouter()) { server in
            let echoed = try HTTPClient.send(
                host: "127.0.0.1", port: server.port, method: .post, target: "/echo",
                headers: [("Content-Type", "text/plain")], body: Array("ping".utf8), timeout: .seconds(5))
            #expect(echoed.status == 200)
            #expect(String(decoding: echoed.body, as: UTF8.self) == "ping")
            #expect(echoed.headers["Content-Length"] == "4")
            let missing = try HTTPClient.send(
                host: "127.0.0.1", port: server.port, method: .get, target: "/nothing", timeout: .seconds(5))
            #expect(missing.status == 404)
        }
    }

    @Test func aPortWithNobodyListeningIsUnreachable() throws {
        #expect(throws: HTTPClientError.self) {
            _ = try HTTPClient.send(host: "127.0.0.1", port: 1, method: .get, target: "/", timeout: .seconds(5))
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        // A listening socket nobody accepts from: the connection is made, no answer comes.
        let (fd, port) = try Socket.listen(host: "127.0.0.1", port: 0, backlog: 4)
        defer { close(fd) }
        #expect(throws: HTTPClientError.timedOut) {
            _ = try HTTPClient.send(
                host: "127.0.0.1", port: port, method: .get, target: "/", timeout: .milliseconds(200))
        }
    }

    @Test func chunkedAndUnlengthedAnswersAreRead() throws {
        let parser = ResponseParser()
        // RFC 9112 §7.1: chunks with an extension, then the last chunk and an empty trailer.
        let chunked = Array(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n".utf8)
        let whole = try #require(try parser.parse(chunked, complete: false))
        #expect(String(decoding: whole.body, as: UTF8.self) == "Wikipedia")
        #expect(try parser.parse(Array(chunked.dropLast(5)), complete: false) == nil, "the last chunk is missing")
        let unlengthed = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end".utf8)
        #expect(try parser.parse(unlengthed, complete: false) == nil)
        #expect(
            try parser.parse(unlengthed, complete: true).map { String(decoding: $0.body, as: UTF8.self) }
                == "until the end")
        let short = Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8)
        #expect(throws: HTTPClientError.malformedResponse) { _ = try parser.parse(short, complete: true) }
        #expect(throws: HTTPClientError.malformedResponse) {
            _ = try parser.parse(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8), complete: false)
        }
    }
}
