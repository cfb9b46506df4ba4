/// An e-mail address with an optional display name, checked when it is made so that writing it in
/// a header or an SMTP command can never change the structure of either: no line break, control
/// character or space gets in, whatever a citizen typed.
///
/// The address is an addr-spec of the usual form: a dot-atom local part (RFC 5322 §3.4.1), `@`, and
/// a domain of dot-separated labels of letters, digits and hyphens. Letters beyond ASCII are
/// allowed (RFC 6532); such an address needs a relay that offers SMTPUTF8 (RFC 6531). Quoted local
/// parts, comments and address literals are refused.
package struct MailAddress: Hashable, Sendable {
    /// `local@domain`, as given.
    package let addressSpec: String
    /// The name shown beside the address, or nil. Any text without control characters and line or
    /// paragraph separators; the writer quotes or encodes it (RFC 2047 §5).
    package let displayName: String?

    /// Checks `addressSpec` and `displayName`; an empty display name counts as none.
    package init(_ addressSpec: String, displayName: String? = nil) throws(MailError) {
        if let problem = MailAddress.problem(addressSpec) { throw .invalidAddress(problem) }
        if let displayName, !HeaderText.isAllowed(displayName) { throw .invalidDisplayName }
        self.addressSpec = addressSpec
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// Whether the address has a character beyond ASCII, so that an SMTP relay must offer SMTPUTF8
    /// to take it (RFC 6531 §3.4).
    package var requiresSMTPUTF8: Bool {
        addressSpec.utf8.contains { $0 >= 0x80 }
    }

    /// What is wrong with `text` as an addr-spec, or nil when it is one.
    package static func problem(_ text: String) -> MailError.AddressProblem? {
        if text.isEmpty { return .empty }
        if text.utf8.count > MailLimits.maximumAddressOctets { return .tooLong }
        if text.unicodeScalars.contains(where: isInvisible) { return .invisibleCharacter }
        let parts = text.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .notOneAtSign }
        let local = parts[0]
        if String(local).utf8.count > MailLimits.maximumLocalPartOctets { return .tooLong }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtomCharacter) }) else { return .invalidLocalPart }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard let first = label.first, let last = label.last, first != "-", last != "-",
                String(label).utf8.count <= 63,
                label.allSatisfy({ $0 == "-" || isLetterOrDigit($0) })
            else { return .invalidDomain }
        }
        return nil
    }

    /// RFC 5322 §3.2.3 atext, with any visible character beyond ASCII (RFC 6532 §3.2).
    private static func isAtomCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x80 { return true }
        return isLetterOrDigit(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .spacingMark
    }

    /// Controls, spaces of every kind, format characters, line and paragraph separators, and
    /// other default-ignorable code points: nothing of that belongs in an address.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.isWhitespace { return true }
        return switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate,
            .privateUse, .unassigned:
            true
        default: false
        }
    }
}

/// The rule for text that goes into a header as a subject or a display name.
package enum HeaderText {
    /// Whether `text` has no control character (C0, DEL, C1, tab included) and no line or
    /// paragraph separator (U+2028, U+2029): the characters that could end a header line or that
    /// a reader could take for one. Everything else is written, encoded where it is not ASCII.
    package static func isAllowed(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
    }
}
