extension MailMessage {
    /// The message as it goes on the wire: header fields folded at 78 octets where they can be,
    /// CRLF line ends, no line longer than 998 octets, 7-bit but for addresses beyond ASCII.
    ///
    /// The header holds `Date`, `From`, `To`, `Reply-To` (when set), `Subject`, `Message-ID`,
    /// `Auto-Submitted: auto-generated` (RFC 3834 §5: automatic replies such as vacation notices
    /// are not sent back) and `MIME-Version`, then the body's `Content-Type` and
    /// `Content-Transfer-Encoding`.
    package var bytes: [UInt8] {
        var header = HeaderWriter()
        header.field("Date", [MailDate.format(date)])
        header.field("From", HeaderTokens.addressList([from]))
        header.field("To", HeaderTokens.addressList(to))
        if let replyTo { header.field("Reply-To", HeaderTokens.addressList([replyTo])) }
        header.field("Subject", HeaderTokens.unstructured(subject))
        header.field("Message-ID", [messageID.text])
        header.field("Auto-Submitted", ["auto-generated"])
        header.field("MIME-Version", ["1.0"])
        var boundaries = BoundaryGenerator(seed: boundarySeed)
        var output = header.bytes
        MailMessage.append(body, header: &header, to: &output, boundaries: &boundaries)
        return output
    }

    /// Appends `part`'s content header fields (to the message header when it is the body) and its
    /// content; the output ends in CRLF unless the part's content is empty.
    private static func append(
        _ part: MailPart, header: inout HeaderWriter, to output: inout [UInt8], boundaries: inout BoundaryGenerator
    ) {
        let start = header.bytes.count
        func endHeader() {
            header.end()
            output += header.bytes[start...]
        }
        switch part {
        case .text(let text), .html(let text), .calendar(let text, _):
            let type: [String] =
                switch part {
                case .html: ["text/html;", "charset=UTF-8"]
                case .calendar(_, let method): ["text/calendar;", "charset=UTF-8;", "method=" + method.rawValue]
                default: ["text/plain;", "charset=UTF-8"]
                }
            header.field("Content-Type", type)
            header.field("Content-Transfer-Encoding", ["quoted-printable"])
            endHeader()
            QuotedPrintable.append(text, to: &output)
        case .attachment(let attachment):
            header.field("Content-Type", [attachment.mediaType + ";", "name=\"" + attachment.fileName + "\""])
            header.field("Content-Transfer-Encoding", ["base64"])
            header.field("Content-Disposition", ["attachment;", "filename=\"" + attachment.fileName + "\""])
            endHeader()
            Base64.appendBody(attachment.content, to: &output)
        case .alternative(let parts), .mixed(let parts):
            let boundary = boundaries.next()
            let subtype = if case .alternative = part { "alternative" } else { "mixed" }
            header.field("Content-Type", ["multipart/" + subtype + ";", "boundary=\"" + boundary + "\""])
            endHeader()
            // RFC 2046 §5.1.1: the CRLF before each `--boundary` belongs to the delimiter.
            output += Array("--\(boundary)\r\n".utf8)
            for (index, child) in parts.enumerated() {
                var childHeader = HeaderWriter()
                append(child, header: &childHeader, to: &output, boundaries: &boundaries)
                let last = index == parts.count - 1
                output += Array("\r\n--\(boundary)\(last ? "--" : "")\r\n".utf8)
            }
        }
    }
}
