/// A Message-ID (RFC 5322 §3.6.4) made from a stable id the caller gives, such as an outbox
/// entry's id and the sending host: `<outbox-42@rathaus.musterstadt.de>`. The same message
/// delivered twice (after a crash, say) carries the same id, so the receiver can tell.
package struct MessageID: Hashable, Sendable {
    /// The part before `@`.
    package let localPart: String
    /// The part after `@`.
    package let domain: String

    /// Checks that both parts are dot-atom text of ASCII atext (RFC 5322 §3.2.3) and that the
    /// whole fits `MailLimits.maximumMessageIDOctets`.
    package init(localPart: String, domain: String) throws(MailError) {
        guard MessageID.isDotAtomText(localPart), MessageID.isDotAtomText(domain),
            localPart.utf8.count + domain.utf8.count + 3 <= MailLimits.maximumMessageIDOctets
        else { throw .invalidMessageID }
        self.localPart = localPart
        self.domain = domain
    }

    /// `<localPart@domain>`, as written in the header.
    package var text: String { "<" + localPart + "@" + domain + ">" }

    private static func isDotAtomText(_ text: String) -> Bool {
        let atoms = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy(ASCII.isAtomText)
        }
    }
}
