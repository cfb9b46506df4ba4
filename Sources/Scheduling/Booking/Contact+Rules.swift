/// The rules a contact's fields follow, shared by the API's `contact` and the booking form, so
/// that what one refuses the other refuses too. Every field is taken trimmed.
extension Contact {
    /// The longest name, in characters.
    package static let maxNameLength = 200
    /// The longest e-mail address, in bytes (RFC 5321's path limit less the angle brackets).
    package static let maxEmailLength = 254

    /// Why a name is refused.
    package enum NameIssue: Equatable, Sendable {
        case empty
        case tooLong
        /// A control, format or line-separator character (a NUL, an escape sequence, a line
        /// break, U+200B ZERO WIDTH SPACE, U+200E LEFT-TO-RIGHT MARK, U+FEFF, …).
        case invisibleCharacter
        /// Not a single letter (only digits, punctuation or symbols).
        case noLetter
    }

    /// What is wrong with `name`, or nil when it is a name. Letters of any script count.
    package static func nameIssue(_ name: String) -> NameIssue? {
        if name.isEmpty { return .empty }
        if name.count > maxNameLength { return .tooLong }
        if hasInvisibleCharacter(name, allowingJoiners: true) { return .invisibleCharacter }
        if !name.unicodeScalars.contains(where: \.properties.isAlphabetic) { return .noLetter }
        return nil
    }

    /// Whether `text` holds a character of Unicode category Cc (control), Cf (format: zero-width
    /// and direction marks, the byte order mark) or Zl/Zp (line and paragraph separators), or
    /// any other default-ignorable code point (variation selectors, the combining grapheme
    /// joiner, Hangul fillers: drawn as nothing, some of them counted as letters).
    /// `allowingJoiners` lets U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER pass,
    /// which names in Persian and Indic scripts (and emoji) are written with.
    package static func hasInvisibleCharacter(_ text: String, allowingJoiners: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            // In ASCII only the controls (Cc) are invisible; no ASCII code point is ignorable.
            if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
            if allowingJoiners, scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
            if scalar.properties.isDefaultIgnorableCodePoint { return true }
            return switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
    }

    /// Whether `text` is an e-mail address of the usual form: a local part of letters, digits and
    /// ``!#$%&'*+/=?^_`{|}~.-`` (no dot first, last or twice in a row), one `@`, and a domain of at
    /// least two dot-separated labels of letters, digits and hyphens (no hyphen first or last);
    /// at most `maxEmailLength` bytes. Letters may be of any script (internationalised
    /// addresses); quoted local parts, comments and address literals are refused.
    package static func isEmail(_ text: String) -> Bool {
        guard text.utf8.count <= maxEmailLength else { return false }
        // One pass over the scalars: the local part up to the `@`, then the domain's labels.
        var inDomain = false
        var previous: Unicode.Scalar = "@"
        var length = 0  // of the local part, then of the current label
        var labels = 0
        for scalar in text.unicodeScalars {
            if !inDomain {
                if scalar == "@" {
                    guard length > 0, previous != "." else { return false }
                    inDomain = true
                    labels = 1
                    length = 0
                    continue
                }
                guard isEmailLetterOrDigit(scalar) || localSpecials.contains(scalar) else { return false }
                if scalar == ".", length == 0 || previous == "." { return false }
            } else if scalar == "." {
                guard length > 0, previous != "-" else { return false }
                labels += 1
                length = 0
                previous = scalar
                continue
            } else {
                guard isEmailLetterOrDigit(scalar) || scalar == "-" else { return false }
                if scalar == "-", length == 0 { return false }
            }
            length += 1
            previous = scalar
        }
        return inDomain && labels >= 2 && length > 0 && previous != "-"
    }

    /// Whether `text` is a phone number: 5 to 20 digits, at most 40 characters of digits, spaces
    /// and `+-()/`.
    package static func isPhone(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits += 1
            } else if !phoneSeparators.contains(scalar) {
                return false
            }
        }
        return (5...20).contains(digits) && text.unicodeScalars.count <= 40
    }

    static let localSpecials = Set("!#$%&'*+/=?^_`{|}~.-".unicodeScalars)
    private static let phoneSeparators = Set(" +-()/".unicodeScalars)

    /// An ASCII letter or digit, or a visible letter, combining mark or decimal digit of another
    /// script (not a default-ignorable one such as a variation selector or a Hangul filler).
    static func isEmailLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        if scalar.properties.isDefaultIgnorableCodePoint { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
