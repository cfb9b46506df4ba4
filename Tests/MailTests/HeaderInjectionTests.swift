import Mail
import RathausTesting
import Testing

/// Nothing a citizen types can add a header or a MIME part: a line break, a control character or
/// a line separator in a name, an address or a subject is refused when the message is made.
@Suite struct HeaderInjectionTests {
    static let breaks = [
        "\r\n", "\n", "\r", "\u{0}", "\u{2028}", "\u{2029}", "\u{85}", "\t", "\u{1B}", "\u{7F}",
        "\r\nBcc: eve@evil.example", "\nBcc: eve@evil.example", "\rBcc: eve@evil.example",
        "\r\n\r\n--=_0.boundary\r\nContent-Type: text/html",
    ]

    @Test(arguments: breaks)
    func aDisplayNameWithABreakIsRefused(inserted: String) {
        #expect(throws: MailError.invalidDisplayName) {
            try MailAddress("max@example.org", displayName: "Max" + inserted + " Müller")
        }
    }

    @Test(arguments: breaks)
    func anAddressWithABreakIsRefused(inserted: String) {
        #expect(throws: MailError.invalidAddress(.invisibleCharacter)) {
            try MailAddress("max@example.org" + inserted)
        }
        #expect(throws: MailError.invalidAddress(.invisibleCharacter)) {
            try MailAddress("max" + inserted + "@example.org")
        }
    }

    @Test(arguments: breaks)
    func aSubjectWithABreakIsRefused(inserted: String) {
        #expect(throws: MailError.invalidSubject) {
            try MailFixtures.message(subject: "Ihr Termin" + inserted)
        }
    }

    @Test func anAddressCannotSmuggleASecondRecipient() {
        for text in [
            "eve@evil.example, max@example.org", "max@example.org>, <eve@evil.example", "Eve <eve@evil.example>",
            "\"max\"@example.org", "max@[127.0.0.1]", "max(comment)@example.org", "max @example.org",
        ] {
            #expect(throws: MailError.self, "\(text)") { try MailAddress(text) }
        }
    }

    @Test(.enabled(if: PythonEmail.isAvailable, "python3 is not installed"))
    func aBodyThatLooksLikeHeadersAndPartsStaysText() throws {
        let text =
            "\r\nBcc: eve@evil.example\r\n\r\n--=_0.x\r\nContent-Type: text/html\r\n\r\n<b>x</b>\r\n--=_0.x--\r\n"
        let message = try MailFixtures.message(
            body: .alternative([.text(text), .calendar(MailFixtures.calendar() + text, method: .request)]))
        let parsed = try PythonEmail.parse(message.bytes)
        #expect(parsed.structure == "multipart/alternative(text/plain,text/calendar)")
        #expect(parsed.values("Bcc").isEmpty)
        #expect(parsed.parts.first?.text == text)
        #expect(parsed.defects.isEmpty)
    }
}
