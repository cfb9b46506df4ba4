/// Splits the bytes a server sends into replies (RFC 5321 §4.2, §4.2.1 multi-line replies):
/// `250-first`, `250-second`, `250 last`. Bytes go in as they arrive; whole replies come out.
///
/// Lines end in CRLF; a bare LF is taken as a line end too (RFC 5321 §4.1.1 asks senders for CRLF,
/// and reading a reply more leniently cannot change what is sent).
package struct SMTPReplyParser: Sendable {
    /// The longest reply line accepted, CRLF included. RFC 5321 §4.5.3.1.5 sets 512; servers
    /// write longer ones, so the limit is generous but bounded.
    package static let maximumLineOctets = 4096
    /// The most lines one reply may have (an EHLO reply lists one extension a line).
    package static let maximumLines = 256

    private var buffer: [UInt8] = []
    private var start = 0
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    package init() {}

    package mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer += bytes
    }

    /// The next whole reply, or nil when more bytes are needed.
    package mutating func next() throws(SMTPReplyError) -> SMTPReply? {
        while true {
            guard let newline = buffer[start...].firstIndex(of: 0x0A) else {
                if buffer.count - start > SMTPReplyParser.maximumLineOctets { throw .lineTooLong }
                return nil
            }
            if newline + 1 - start > SMTPReplyParser.maximumLineOctets { throw .lineTooLong }
            var end = newline
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            let line = buffer[start..<end]
            start = newline + 1
            if start == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            guard line.count >= 3, let code = SMTPReplyParser.code(line) else { throw .malformedReply }
            let separator = line.count > 3 ? line[line.startIndex + 3] : UInt8(ascii: " ")
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { throw .malformedReply }
            if let pendingCode, pendingCode != code { throw .malformedReply }
            let text = line.count > 4 ? String(decoding: line[(line.startIndex + 4)...], as: UTF8.self) : ""
            pendingLines.append(text)
            if pendingLines.count > SMTPReplyParser.maximumLines { throw .tooManyLines }
            if separator == UInt8(ascii: "-") {
                pendingCode = code
                continue
            }
            let reply = SMTPReply(code: code, lines: pendingLines)
            pendingCode = nil
            pendingLines = []
            return reply
        }
    }

    /// RFC 5321 §4.2: the first digit 2 to 5, the second 0 to 5, the third any digit.
    private static func code(_ line: ArraySlice<UInt8>) -> Int? {
        let digits = line.prefix(3).map { Int($0) - 0x30 }
        guard (2...5).contains(digits[0]), (0...5).contains(digits[1]), (0...9).contains(digits[2]) else {
            return nil
        }
        return digits[0] * 100 + digits[1] * 10 + digits[2]
    }
}
