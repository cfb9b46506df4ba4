/// One SMTP reply (RFC 5321 §4.2): a three-digit code and its lines of text.
package struct SMTPReply: Equatable, Sendable {
    /// The reply code, 200 to 599.
    package let code: Int
    /// The text of each line after the code and its separator (`250-` or `250 `), without CRLF.
    package let lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2yz: the command was done.
    package var isCompletion: Bool { (200..<300).contains(code) }
    /// 3yz: go on (354 after DATA).
    package var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4yz: not now, try again later.
    package var isTransientFailure: Bool { (400..<500).contains(code) }
    /// 5yz: never.
    package var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The code and the lines joined by spaces: `550 5.1.1 No such user`. It may name an address:
    /// store it for staff, never log it.
    package var text: String {
        ([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " ")
    }
}

/// Why the bytes a server sent are not SMTP replies.
package enum SMTPReplyError: Error, Equatable, Sendable {
    /// A line does not start with a reply code (RFC 5321 §4.2), or the lines of one reply carry
    /// different codes.
    case malformedReply
    /// A line is longer than `SMTPReplyParser.maximumLineOctets`.
    case lineTooLong
    /// A reply has more than `SMTPReplyParser.maximumLines` lines.
    case tooManyLines
}
