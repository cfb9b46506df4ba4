/// The body of a message, or one part of a multipart body (RFC 2046).
///
/// Every text part is UTF-8 in quoted-printable (RFC 2045 §6.7) and every attachment base64
/// (§6.8), so a message is 7-bit apart from addresses beyond ASCII, and no line of a body comes
/// near 998 octets whatever the text holds. Line breaks in a text (`\n` or `\r\n`) are written as
/// CRLF; any other control character is encoded, so a text can never end a part early or start a
/// header.
package enum MailPart: Equatable, Sendable {
    /// `text/plain; charset=UTF-8`.
    case text(String)
    /// `text/html; charset=UTF-8`.
    case html(String)
    /// `text/calendar; charset=UTF-8; method=…`: an iMIP invitation or cancellation (RFC 6047
    /// §2.4). The iCalendar text is taken as it is given; its `METHOD` must equal `method`.
    case calendar(String, method: CalendarMethod)
    /// A file, base64-encoded, with `Content-Disposition: attachment`.
    case attachment(MailAttachment)
    /// `multipart/alternative`: the same content in several forms, plainest first (RFC 2046
    /// §5.1.4).
    case alternative([MailPart])
    /// `multipart/mixed`: independent parts in order (RFC 2046 §5.1.3).
    case mixed([MailPart])
}

/// The iTIP method of a calendar part (RFC 5546 §1.4): what the receiving calendar should do.
package enum CalendarMethod: String, Equatable, Sendable {
    /// Add the event, or update it when its UID is known and its SEQUENCE is higher.
    case request = "REQUEST"
    /// Remove the event with this UID.
    case cancel = "CANCEL"
}

/// A file attached to a message.
package struct MailAttachment: Equatable, Sendable {
    /// The name offered for saving, such as `Termin.ics`: letters, digits, `.`, `_` and `-`.
    package var fileName: String
    /// `type/subtype`, such as `application/ics`.
    package var mediaType: String
    /// The content.
    package var content: [UInt8]

    package init(fileName: String, mediaType: String, content: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
    }
}
