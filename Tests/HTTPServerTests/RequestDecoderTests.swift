import Testing

@testable import HTTPServer

/// What a decoding step amounts to, comparable in tests.
enum Outcome: Equatable, CustomStringConvertible {
    case needMore
    case sendContinue
    case request(method: String, target: String, body: String)
    case failure(RequestError)

    var description: String {
        switch self {
        case .needMore: "needMore"
        case .sendContinue: "sendContinue"
        case .request(let method, let target, let body): "request(\(method) \(target) body=\(body.count) bytes)"
        case .failure(let error): "failure(\(error))"
        }
    }
}

let defaultLimits = RequestLimits(
    maxRequestLineBytes: 8 * 1024, maxHeaderBytes: 16 * 1024, maxHeaderCount: 100, maxBodyBytes: 1024 * 1024)

/// Decodes `bytes` arriving in pieces of `piece` bytes (all at once when nil) and returns every
/// step that is not `needMore`, then `needMore` if bytes are left waiting.
func outcomes(_ bytes: [UInt8], piece: Int? = nil, limits: RequestLimits = defaultLimits) -> [Outcome] {
    var decoder = RequestDecoder(limits: limits)
    var pending: [UInt8] = []
    var results: [Outcome] = []
    var offset = 0
    let size = piece ?? max(bytes.count, 1)
    while offset < bytes.count || pending.isEmpty == false {
        let end = min(offset + size, bytes.count)
        pending += bytes[offset..<end]
        offset = end
        while true {
            let (step, consumed) = pending.withUnsafeBytes { decoder.decode($0) }
            pending.removeFirst(consumed)
            switch step {
            case .needMore:
                break
            case .sendContinue:
                results.append(.sendContinue)
                continue
            case .request(let head, let body):
                results.append(
                    .request(
                        method: head.method.rawValue, target: head.target, body: String(decoding: body, as: UTF8.self)))
                continue
            case .failure(let error):
                results.append(.failure(error))
                return results
            }
            break
        }
        if offset >= bytes.count { break }
    }
    if !pending.isEmpty || decoder.isWithinRequest { results.append(.needMore) }
    return results
}

func outcomes(_ text: String, piece: Int? = nil, limits: RequestLimits = defaultLimits) -> [Outcome] {
    outcomes(Array(text.utf8), piece: piece, limits: limits)
}

/// The head of one complete request.
func head(_ text: String, limits: RequestLimits = defaultLimits) throws -> RequestHead {
    var decoder = RequestDecoder(limits: limits)
    let (step, _) = Array(text.utf8).withUnsafeBytes { decoder.decode($0) }
    guard case .request(let head, _) = step else {
        throw DecodeFailure(step: "\(step)")
    }
    return head
}

struct DecodeFailure: Error {
    let step: String
}

@Suite struct RequestDecoderTests {
    @Test func aSimpleGetGivesMethodTargetVersionAndFields() throws {
        let parsed = try head("GET /v1/offices?x=1 HTTP/1.1\r\nHost: rathaus.example\r\nAccept: */*\r\n\r\n")
        #expect(parsed.method == .get)
        #expect(parsed.target == "/v1/offices?x=1")
        #expect(parsed.path == "/v1/offices")
        #expect(parsed.rawQuery == "x=1")
        #expect(parsed.version == .http11)
        #expect(parsed.headers["host"] == "rathaus.example")
        #expect(parsed.headers["ACCEPT"] == "*/*")
        #expect(parsed.framing == .none)
        #expect(parsed.keepAlive)
    }

    @Test func fieldNamesMatchInAnyCaseAndDuplicatesKeepTheirOrder() throws {
        let parsed = try head(
            "GET / HTTP/1.1\r\nHost: a\r\nX-Tag: one\r\nx-tag:two\r\nX-TAG:   three  \r\n\r\n")
        #expect(parsed.headers.values(for: "x-Tag") == ["one", "two", "three"])
        #expect(parsed.headers["X-Tag"] == "one")
        #expect(parsed.headers.count == 4)
        #expect(Array(parsed.headers.map(\.name)) == ["Host", "X-Tag", "x-tag", "X-TAG"])
    }

    @Test func theSameBytesDecodeTheSameHoweverTheyAreSplit() {
        let text =
            "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "POST /b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: v\r\n\r\n"
            + "\r\nGET /c HTTP/1.1\r\nHost: a\r\n\r\n"
        let whole = outcomes(text)
        #expect(
            whole == [
                .request(method: "POST", target: "/a", body: "hello"),
                .request(method: "POST", target: "/b", body: "abcde"),
                .request(method: "GET", target: "/c", body: ""),
            ])
        for piece in [1, 2, 3, 7, 16, 64] {
            #expect(outcomes(text, piece: piece) == whole, "pieces of \(piece)")
        }
    }

    @Test func anIncompleteRequestNeedsMore() {
        #expect(outcomes("GET / HTTP/1.1\r\nHost: a\r\n") == [.needMore])
        #expect(outcomes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab") == [.needMore])
        #expect(outcomes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab") == [.needMore])
    }

    @Test func emptyLinesBeforeARequestAreIgnored() {
        #expect(
            outcomes("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") == [.request(method: "GET", target: "/", body: "")])
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text = (1...5).map { "GET /\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined()
        #expect(outcomes(text) == (1...5).map { .request(method: "GET", target: "/\($0)", body: "") })
    }

    @Test func chunkedBodiesAreDecodedWithExtensionsAndTrailers() {
        let text =
            "POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "A;name=\"value\"\r\n0123456789\r\n001 ; ext\r\nX\r\n0\r\nChecksum: 1\r\nMore: 2\r\n\r\n"
        #expect(outcomes(text) == [.request(method: "POST", target: "/up", body: "0123456789X")])
    }

    @Test(arguments: [
        "5\r\nabc\r\n",  // data shorter than its size, then the size line
        "5\r\nabcdefg\r\n0\r\n\r\n",  // data longer than its size
        "zz\r\nab\r\n0\r\n\r\n",  // not hex
        "\r\n",  // no size
        "3 junk\r\nabc\r\n0\r\n\r\n",  // garbage after the size
        "3\nabc\r\n0\r\n\r\n",  // bare LF
    ])
    func malformedChunksAreRejected(body: String) {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body + "GET / HTTP/1.1\r\n\r\n"
        #expect(outcomes(text).contains(.failure(.malformedChunk)))
    }

    @Test func contentLengthTogetherWithChunkedIsRejected() {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        #expect(outcomes(text) == [.failure(.contentLengthWithTransferEncoding)])
        #expect(RequestError.contentLengthWithTransferEncoding.status == .badRequest)
    }

    @Test(arguments: [
        ("gzip, chunked", RequestError.unsupportedTransferCoding, 501),
        ("chunked, gzip", .invalidTransferEncoding, 400),
        ("gzip", .invalidTransferEncoding, 400),
        ("chunked, chunked", .invalidTransferEncoding, 400),
        ("", .invalidTransferEncoding, 400),
    ])
    func transferCodingsOtherThanAFinalChunkedAreRefused(value: String, error: RequestError, status: Int) {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n"
        #expect(outcomes(text) == [.failure(error)])
        #expect(error.status.code == status)
    }

    @Test func chunkedSpreadOverTwoFieldsIsAccepted() {
        let text =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\nTransfer-Encoding: Chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"
        #expect(outcomes(text) == [.request(method: "POST", target: "/", body: "x")])
    }

    @Test func transferEncodingInHTTP10IsRejected() {
        let text = "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        #expect(outcomes(text) == [.failure(.invalidTransferEncoding)])
    }

    @Test(arguments: ["abc", "-1", "+5", "5 5", "5, 5", "0x10", ""])
    func invalidContentLengthIsRejected(value: String) {
        #expect(
            outcomes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n") == [
                .failure(.invalidContentLength)
            ])
    }

    @Test func repeatedContentLengthMustAgree() {
        let same = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab"
        #expect(outcomes(same) == [.request(method: "POST", target: "/", body: "ab")])
        let differ = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"
        #expect(outcomes(differ) == [.failure(.invalidContentLength)])
    }

    @Test func expectContinueIsSignalledOnceBeforeTheBodyOnly() {
        let headText = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
        #expect(outcomes(headText) == [.sendContinue, .needMore])
        #expect(outcomes(headText + "abc") == [.request(method: "POST", target: "/", body: "abc")])
        #expect(outcomes(headText, piece: 1) == [.sendContinue, .needMore])
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(outcomes(chunked) == [.sendContinue, .needMore])
        let noBody = "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n"
        #expect(outcomes(noBody) == [.request(method: "GET", target: "/", body: "")])
        let http10 = "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
        #expect(outcomes(http10) == [.needMore])
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true),
        ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Keep-Alive, Close\r\n", false),
        ("HTTP/1.0", "", false),
        ("HTTP/1.0", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: keep-alive\r\nConnection: close\r\n", false),
    ])
    func persistenceFollowsRFC9112(version: String, fields: String, keepAlive: Bool) throws {
        let parsed = try head("GET / \(version)\r\nHost: a\r\n\(fields)\r\n")
        #expect(parsed.keepAlive == keepAlive)
    }

    @Test func absoluteAndAsteriskFormsAreUnderstood() throws {
        let absolute = try head("GET http://rathaus.example:8080/v1/x?y=1 HTTP/1.1\r\nHost: rathaus.example\r\n\r\n")
        #expect(absolute.path == "/v1/x")
        #expect(absolute.rawQuery == "y=1")
        #expect(absolute.target == "http://rathaus.example:8080/v1/x?y=1", "kept as sent")
        let bare = try head("GET HTTPS://rathaus.example HTTP/1.1\r\nHost: rathaus.example\r\n\r\n")
        #expect(bare.path == "/")
        #expect(bare.target == "HTTPS://rathaus.example")
        let asterisk = try head("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(asterisk.path == "*")
        #expect(asterisk.target == "*")
        #expect(try head("GET /a?b=1&c HTTP/1.1\r\nHost: a\r\n\r\n").target == "/a?b=1&c")
        #expect(try head("GET /a? HTTP/1.1\r\nHost: a\r\n\r\n").target == "/a?", "an empty query is kept")
        let request = HTTPRequest(method: .get, target: "http://h/x?q")
        #expect(request.target == "http://h/x?q")
        #expect(HTTPRequest(method: .get, target: "/x?q").target == "/x?q")
        #expect(outcomes("GET * HTTP/1.1\r\nHost: a\r\n\r\n") == [.failure(.malformedTarget)])
        #expect(outcomes("GET rathaus.example:80 HTTP/1.1\r\nHost: a\r\n\r\n") == [.failure(.malformedTarget)])
    }

    @Test(arguments: [
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", RequestError.malformedRequestLine),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / http/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", .malformedRequestLine),
        ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /a\u{1}b HTTP/1.1\r\nHost: a\r\n\r\n", .malformedTarget),
        ("GET /caf\u{e9} HTTP/1.1\r\nHost: a\r\n\r\n", .malformedTarget),
        ("GET /#frag HTTP/1.1\r\nHost: a\r\n\r\n", .malformedTarget),
        ("BREW / HTTP/1.1\r\nHost: a\r\n\r\n", .unknownMethod),
        ("get / HTTP/1.1\r\nHost: a\r\n\r\n", .unknownMethod),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/0.9\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad : v\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Fold: v\r\n  continued\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\n: empty name\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\n\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\n\r\n", .invalidHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .invalidHost),
    ])
    func malformedHeadsAreRejectedWithTheRightError(text: String, error: RequestError) {
        #expect(outcomes(text) == [.failure(error)])
    }

    @Test func anHTTP10RequestMayLeaveOutHost() throws {
        let parsed = try head("GET / HTTP/1.0\r\n\r\n")
        #expect(parsed.version == .http10)
        #expect(!parsed.keepAlive)
    }

    @Test func errorsMapToTheirStatuses() {
        #expect(RequestError.requestLineTooLong(limit: 1).status.code == 414)
        #expect(RequestError.headerSectionTooLarge(limit: 1).status.code == 431)
        #expect(RequestError.tooManyHeaderFields(limit: 1).status.code == 431)
        #expect(RequestError.contentTooLarge(limit: 1).status.code == 413)
        #expect(RequestError.unknownMethod.status.code == 501)
        #expect(RequestError.unsupportedVersion.status.code == 505)
        #expect(RequestError.malformedHeaderField.status.code == 400)
    }
}

@Suite struct RequestLimitTests {
    /// A GET whose request line is exactly `length` bytes long.
    func requestLine(length: Int) -> String {
        let fixed = "GET / HTTP/1.1".count
        return "GET /" + String(repeating: "a", count: length - fixed) + " HTTP/1.1"
    }

    @Test func theRequestLineLimitIsInclusive() {
        let atLimit = requestLine(length: 8 * 1024) + "\r\nHost: a\r\n\r\n"
        #expect(outcomes(atLimit).count == 1)
        #expect(outcomes(atLimit).first != .failure(.requestLineTooLong(limit: 8192)))
        let over = requestLine(length: 8 * 1024 + 1) + "\r\nHost: a\r\n\r\n"
        #expect(outcomes(over) == [.failure(.requestLineTooLong(limit: 8192))])
    }

    @Test func aRequestLineOverTheLimitIsRefusedBeforeItEnds() {
        let endless = String(repeating: "a", count: 8 * 1024 + 2)
        #expect(outcomes("GET /" + endless) == [.failure(.requestLineTooLong(limit: 8192))])
        #expect(outcomes("GET /" + endless.dropLast(10)) == [.needMore])
    }

    /// Field lines adding up to exactly `bytes` bytes with their CRLFs, `Host` first.
    func fields(totalBytes bytes: Int) -> String {
        let host = "Host: a\r\n"
        let filler = bytes - host.utf8.count - "X: \r\n".utf8.count
        return host + "X: " + String(repeating: "v", count: filler) + "\r\n"
    }

    @Test func theHeaderSectionLimitIsInclusive() {
        let atLimit = "GET / HTTP/1.1\r\n" + fields(totalBytes: 16 * 1024) + "\r\n"
        #expect(outcomes(atLimit) == [.request(method: "GET", target: "/", body: "")])
        let over = "GET / HTTP/1.1\r\n" + fields(totalBytes: 16 * 1024 + 1) + "\r\n"
        #expect(outcomes(over) == [.failure(.headerSectionTooLarge(limit: 16384))])
        #expect(outcomes(over, piece: 1000) == [.failure(.headerSectionTooLarge(limit: 16384))])
    }

    @Test func theFieldCountLimitIsInclusive() {
        func request(fields: Int) -> String {
            "GET / HTTP/1.1\r\nHost: a\r\n" + (1..<fields).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        }
        #expect(outcomes(request(fields: 100)) == [.request(method: "GET", target: "/", body: "")])
        #expect(outcomes(request(fields: 101)) == [.failure(.tooManyHeaderFields(limit: 100))])
    }

    @Test func theBodyLimitIsInclusiveWithContentLength() {
        let limit = 1024 * 1024
        let body = String(repeating: "b", count: limit)
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limit)\r\n\r\n" + body
        #expect(outcomes(atLimit) == [.request(method: "POST", target: "/", body: body)])
        let over = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limit + 1)\r\n\r\n"
        #expect(outcomes(over) == [.failure(.contentTooLarge(limit: limit))])
        let huge = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n"
        #expect(outcomes(huge) == [.failure(.contentTooLarge(limit: limit))])
    }

    @Test func theBodyLimitIsInclusiveWhenChunked() {
        let limit = 1024 * 1024
        let half = String(repeating: "c", count: limit / 2)
        let chunkSize = String(limit / 2, radix: 16)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let atLimit = head + "\(chunkSize)\r\n\(half)\r\n\(chunkSize)\r\n\(half)\r\n0\r\n\r\n"
        #expect(outcomes(atLimit) == [.request(method: "POST", target: "/", body: half + half)])
        let over = head + "\(chunkSize)\r\n\(half)\r\n\(chunkSize)\r\n\(half)\r\n1\r\nx\r\n0\r\n\r\n"
        #expect(outcomes(over) == [.failure(.contentTooLarge(limit: limit))])
        let overflow = head + "fffffffffffffffffffff\r\n"
        #expect(outcomes(overflow) == [.failure(.contentTooLarge(limit: limit))])
    }

    @Test func chunkSizeLinesAndTrailersAreHeldToLimits() {
        // The head's own fields take 37 of the 40 header bytes and both of the 2 fields.
        let small = RequestLimits(maxRequestLineBytes: 32, maxHeaderBytes: 40, maxHeaderCount: 2, maxBodyBytes: 100)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let longExtension = head + "1;" + String(repeating: "e", count: 40) + "\r\nx\r\n0\r\n\r\n"
        #expect(outcomes(longExtension, limits: small) == [.failure(.malformedChunk)])
        let threeTrailers = head + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(outcomes(threeTrailers, limits: small) == [.failure(.tooManyHeaderFields(limit: 2))])
        let bigTrailer = head + "0\r\nA: " + String(repeating: "v", count: 36) + "\r\n\r\n"
        #expect(outcomes(bigTrailer, limits: small) == [.failure(.headerSectionTooLarge(limit: 40))])
        let trailersAtLimit = head + "0\r\nA: " + String(repeating: "v", count: 29) + "\r\nB: 1\r\n\r\n"
        #expect(outcomes(trailersAtLimit, limits: small) == [.request(method: "POST", target: "/", body: "")])
    }
}
