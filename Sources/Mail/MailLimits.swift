/// The fixed limits of the message format that the writer keeps to. They are the standards'
/// numbers, not settings.
package enum MailLimits {
    /// The longest line a header should have (RFC 5322 §2.1.1): folding keeps to it wherever a
    /// header has a place to fold.
    package static let preferredLineOctets = 78
    /// The longest line anywhere in a message, without its CRLF (RFC 5322 §2.1.1, RFC 5321
    /// §4.5.3.1.6). No line the writer emits comes near it.
    package static let maximumLineOctets = 998
    /// The longest encoded line of a quoted-printable or base64 body, without its CRLF
    /// (RFC 2045 §6.7 rule 5, §6.8).
    package static let encodedLineOctets = 76
    /// The longest encoded word the writer emits, `=?UTF-8?Q?…?=` included: RFC 2047 §2 allows
    /// 75; 68 lets the first word of a field fit beside `Reply-To: ` within 78 octets, so that a
    /// field need not be folded right after its name (a fold there puts a space in front of the
    /// value of an unstructured field as some readers, Python's among them, read it).
    package static let encodedWordOctets = 68
    /// The longest address (RFC 5321 §4.5.3.1.3: a path of 256 octets less its angle brackets).
    package static let maximumAddressOctets = 254
    /// The longest local part of an address (RFC 5321 §4.5.3.1.1).
    package static let maximumLocalPartOctets = 64
    /// The longest Message-ID, angle brackets included.
    package static let maximumMessageIDOctets = 250
    /// The longest attachment file name.
    package static let maximumFileNameOctets = 60
    /// The longest word written as it is in a header; a longer one goes into encoded words, which
    /// can be folded.
    package static let maximumPlainWordOctets = 60
}
