/// Byte classes of RFC 5322 and RFC 2045.
enum ASCII {
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// RFC 5322 §3.2.3 atext, ASCII only.
    static func isAtomText(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || atomSpecials.contains(byte)
    }

    /// RFC 2045 §5.1 token characters: printable ASCII but space and tspecials.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !tokenSpecials.contains(byte)
    }

    private static let atomSpecials: [UInt8] = Array("!#$%&'*+-/=?^_`{|}~".utf8)
    private static let tokenSpecials: [UInt8] = Array("()<>@,;:\\\"/[]?=".utf8)

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
