import Mail
import Testing

/// Replies fed as raw bytes, as a server sends them (RFC 5321 §4.2).
@Suite struct SMTPReplyParserTests {
    private func replies(_ chunks: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var result: [SMTPReply] = []
        for chunk in chunks {
            parser.append(Array(chunk.utf8))
            while let reply = try parser.next() { result.append(reply) }
        }
        return result
    }

    @Test func aOneLineReplyHasItsCodeAndText() throws {
        let reply = try #require(try replies(["220 relay.example ESMTP ready\r\n"]).first)
        #expect(reply.code == 220)
        #expect(reply.lines == ["relay.example ESMTP ready"])
        #expect(reply.isCompletion)
        #expect(reply.text == "220 relay.example ESMTP ready")
    }

    @Test func aMultiLineReplyEndsAtTheLineWithASpace() throws {
        let all = try replies(["250-relay.example\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n354 go\r\n"]
        )
        #expect(all.count == 2)
        #expect(all[0].lines == ["relay.example", "PIPELINING", "SIZE 10240000", "8BITMIME"])
        #expect(all[1].code == 354)
        #expect(all[1].isIntermediate)
    }

    @Test func aReplySplitAnywhereComesOutWhole() throws {
        let text = "250-relay.example\r\n250 OK\r\n550 5.1.1 <x@example.org>: unknown\r\n"
        for cut in 1..<text.utf8.count {
            let bytes = Array(text.utf8)
            let all = try replies([
                String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self),
            ])
            #expect(all.map(\.code) == [250, 550], "cut at \(cut)")
        }
    }

    @Test func aCodeAloneAndABareLineFeedAreTaken() throws {
        let all = try replies(["250\r\n", "421 closing\n"])
        #expect(all.map(\.code) == [250, 421])
        #expect(all[0].lines == [""])
        #expect(all[1].isTransientFailure)
    }

    @Test(arguments: ["hello\r\n", "25\r\n", "250x\r\n", "650 no\r\n", "260 no\r\n", "250-a\r\n251 b\r\n", "\r\n"])
    func aLineThatIsNotAReplyIsAnError(text: String) {
        #expect(throws: SMTPReplyError.malformedReply) { try replies([text]) }
    }

    @Test func anEndlessLineOrReplyIsAnError() {
        #expect(throws: SMTPReplyError.lineTooLong) {
            try replies([String(repeating: "2", count: SMTPReplyParser.maximumLineOctets + 1)])
        }
        #expect(throws: SMTPReplyError.lineTooLong) {
            try replies(["250 " + String(repeating: "x", count: SMTPReplyParser.maximumLineOctets) + "\r\n"])
        }
        #expect(throws: SMTPReplyError.tooManyLines) {
            try replies([String(repeating: "250-x\r\n", count: SMTPReplyParser.maximumLines + 1)])
        }
        #expect(throws: Never.self) {
            try replies([String(repeating: "250-x\r\n", count: SMTPReplyParser.maximumLines - 1) + "250 x\r\n"])
        }
    }

    @Test func theExtensionsOfAnEHLOReplyAreRead() {
        let reply = SMTPReply(
            code: 250,
            lines: ["relay.example greets you", "pipelining", "SIZE 1000", "8BITMIME", "SMTPUTF8", "AUTH PLAIN"])
        let extensions = SMTPExtensions(ehlo: reply)
        #expect(extensions.pipelining)
        #expect(extensions.size == 1000)
        #expect(extensions.eightBitMIME)
        #expect(extensions.smtpUTF8)
        #expect(
            SMTPExtensions(ehlo: SMTPReply(code: 250, lines: ["PIPELINING"])) == SMTPExtensions(),
            "the first line is the greeting")
        #expect(SMTPExtensions(ehlo: SMTPReply(code: 250, lines: ["x", "SIZE"])).size == 0)
        #expect(SMTPExtensions(ehlo: SMTPReply(code: 250, lines: ["x", "SIZE many"])).size == 0)
    }
}
