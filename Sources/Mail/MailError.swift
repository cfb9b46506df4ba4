/// Why a message could not be built. No case carries the text it refused: addresses, names and
/// subjects hold personal data, and errors end up in logs.
package enum MailError: Error, Equatable, Sendable {
    /// An address is not an addr-spec this writer can put in a header and an SMTP command.
    case invalidAddress(AddressProblem)
    /// A display name holds a control character or a line or paragraph separator.
    case invalidDisplayName
    /// The subject holds a control character or a line or paragraph separator.
    case invalidSubject
    /// A Message-ID's parts are not dot-atom text (RFC 5322 §3.6.4) or the whole is too long.
    case invalidMessageID
    /// The message names no recipient.
    case noRecipient
    /// A multipart body has no parts.
    case emptyMultipart
    /// The iCalendar text of a calendar part has no `METHOD` property equal to the part's method
    /// (RFC 6047 §2.4 requires them to match).
    case calendarMethodMismatch(expected: CalendarMethod)
    /// An attachment's file name is not 1 to `MailLimits.maximumFileNameOctets` characters of
    /// letters, digits, `.`, `_` and `-`.
    case invalidFileName
    /// An attachment's media type is not `type/subtype` of token characters (RFC 2045 §5.1).
    case invalidMediaType

    /// What is wrong with an address.
    package enum AddressProblem: Equatable, Sendable {
        case empty
        /// Longer than `MailLimits.maximumAddressOctets` in all, or its local part longer than
        /// `MailLimits.maximumLocalPartOctets` (RFC 5321 §4.5.3.1).
        case tooLong
        /// A control character, a space, or a line or paragraph separator.
        case invisibleCharacter
        /// Not exactly one `@`.
        case notOneAtSign
        /// The local part is not a dot-atom (RFC 5322 §3.4.1, with UTF-8 as RFC 6532 allows).
        case invalidLocalPart
        /// The domain is not dot-separated labels of letters, digits and hyphens.
        case invalidDomain
    }
}
