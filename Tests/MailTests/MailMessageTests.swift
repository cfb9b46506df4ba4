import Foundation
import Mail
import RathausTesting
import Scheduling
import Testing

/// Messages read back by Python's `email` package: what a mail program shows must be exactly what
/// was put in.
@Suite(.enabled(if: PythonEmail.isAvailable, "python3 is not installed"))
struct MailMessageTests {
    @Test func aPlainMessageReadsBackWithEveryHeader() throws {
        let message = try MailFixtures.message()
        let parsed = try PythonEmail.parse(message.bytes)
        #expect(parsed.defects.isEmpty)
        #expect(
            parsed.headers.map { $0[0] } == [
                "Date", "From", "To", "Subject", "Message-ID", "Auto-Submitted", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding",
            ])
        #expect(parsed.value("Date") == "Mon, 07 Dec 2026 06:30:00 +0000")
        #expect(parsed.addresses("From").map(\.0) == ["Bürgerbüro Musterstadt"])
        #expect(parsed.addresses("From").map(\.1) == ["termine@musterstadt.example"])
        #expect(parsed.addresses("To").map(\.0) == ["Max Müller"])
        #expect(parsed.addresses("To").map(\.1) == ["max.mueller@example.org"])
        #expect(parsed.value("Subject") == "Ihr Termin")
        #expect(parsed.value("Message-ID") == "<outbox-42@rathaus.musterstadt.example>")
        #expect(parsed.value("Auto-Submitted") == "auto-generated")
        #expect(parsed.value("MIME-Version") == "1.0")
        #expect(parsed.structure == "text/plain")
        #expect(parsed.parts.first?.parameters["charset"]?.lowercased() == "utf-8")
        #expect(parsed.parts.first?.transferEncoding == "quoted-printable")
        #expect(parsed.parts.first?.text == "Guten Tag,\r\nbis bald.\r\n")
        #expect(!parsed.bareLineBreak)
        #expect(parsed.endsWithCRLF)
    }

    @Test(arguments: [
        "Ihr Termin am 8. Dezember im Bürgerbüro",
        "Bestätigung: Meldebescheinigung, Führerschein – Straße 1",
        "Ваша запись подтверждена: паспорт, 8 декабря",
        "予約の確認 東京都庁 窓口",
        "Emoji 👩🏽‍💼 and combining e\u{301} and ZWJ",
        " leading space", "trailing space ", "two  spaces", "   ",
        "=?UTF-8?Q?looks_encoded?= but is not",
        "ok ?= and =? apart", "a_b __ c",
        "",
        String(repeating: "Termin ", count: 40) + "Ende",
        String(repeating: "x", count: 300),
        String(repeating: "ä", count: 300),
        "Termin: \u{200E}left-to-right mark and \u{FEFF} byte order mark",
    ])
    func aSubjectReadsBackExactly(subject: String) throws {
        let message = try MailFixtures.message(subject: subject)
        let parsed = try PythonEmail.parse(message.bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.value("Subject") == subject)
        #expect(parsed.maxLineOctets <= MailLimits.preferredLineOctets)
        #expect(!parsed.bareLineBreak)
    }

    @Test(arguments: [
        "Max Müller", "Max Mustermann", "Müller, Hans", "Dr. Anna Schmidt", "O'Brien", "A \"quoted\" name",
        "back\\slash", "Eve <eve@evil.example>, mallory@evil.example", "  padded  ", "Zoë  Ångström",
        "Иван Петров", "=?UTF-8?B?ZXZpbA==?=", "semi;colon: and (comment)", String(repeating: "Lang ", count: 30),
        String(repeating: "ß", count: 100), "Jürgen Müller-Lüdenscheidt, Dr. med. (Praxis am Markt) 🏥",
    ])
    func aDisplayNameReadsBackExactlyWithItsAddressAlone(name: String) throws {
        let message = try MailFixtures.message(to: [MailFixtures.address(name: name)])
        let parsed = try PythonEmail.parse(message.bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.addresses("To").count == 1, "a name can never add a recipient")
        #expect(parsed.addressesRFC2047("To").count == 1, "a name can never add a recipient")
        #expect(parsed.addresses("To").first?.1 == "max.mueller@example.org")
        #expect(parsed.addressesRFC2047("To").first?.0 == name)
        #expect(parsed.maxLineOctets <= MailLimits.preferredLineOctets)
    }

    /// policy.default reads a space between two encoded words and collapses runs of spaces, unlike
    /// RFC 2047 §6.2; names of usual length fit one encoded word, and read back exactly there too.
    @Test(arguments: [
        "Max Müller", "Müller, Hans", "Dr. Anna Schmidt", "A \"quoted\" name", "Eve <eve@evil.example>, x@y.example",
        "  padded  ", "Иван Петров", "Jürgen Müller-Lüdenscheidt", "Zoë Ångström (Standesamt)",
    ])
    func aUsualDisplayNameReadsBackExactlyInPythonsDefaultPolicy(name: String) throws {
        let parsed = try PythonEmail.parse(MailFixtures.message(to: [MailFixtures.address(name: name)]).bytes)
        #expect(parsed.addresses("To").map(\.0) == [name])
    }

    @Test func severalRecipientsAndAReplyToAreListed() throws {
        let to = try [
            MailFixtures.address("a@example.org", name: "Anna Äbert"), MailFixtures.address("b@example.org"),
            MailFixtures.address("c@example.org", name: "Carl, der Dritte"),
        ]
        let replyTo = try MailFixtures.address("buergerbuero@musterstadt.example", name: "Bürgerbüro")
        let parsed = try PythonEmail.parse(MailFixtures.message(to: to, replyTo: replyTo).bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.addresses("To").map(\.0) == ["Anna Äbert", "", "Carl, der Dritte"])
        #expect(parsed.addresses("To").map(\.1) == ["a@example.org", "b@example.org", "c@example.org"])
        #expect(parsed.addresses("Reply-To").map(\.1) == ["buergerbuero@musterstadt.example"])
        #expect(parsed.maxLineOctets <= MailLimits.preferredLineOctets)
    }

    @Test func anAddressBeyondASCIIIsWrittenAsUTF8AndNeedsSMTPUTF8() throws {
        let to = try MailFixtures.address("jürgen@bär.example", name: "Jürgen")
        let message = try MailFixtures.message(to: [to])
        #expect(message.requiresSMTPUTF8)
        #expect(try !MailFixtures.message().requiresSMTPUTF8)
        let parsed = try PythonEmail.parse(message.bytes)
        #expect(parsed.addresses("To").map(\.1) == ["jürgen@bär.example"])
        #expect(parsed.addresses("To").map(\.0) == ["Jürgen"])
    }

    @Test(arguments: [
        "Guten Tag,\nbis bald.\n",
        "no line break at the end",
        "Windows\r\nline\r\nbreaks\r\n",
        ".\n.leading dot\n..two\n",
        "From the office\nFrom here\n >From\n",
        "trailing space \ntrailing tab\t\n \n\t\n",
        "equals = sign and =3D and =\n",
        "a bare \r carriage return and a NUL \u{0} and DEL \u{7F}",
        "Umlaute äöüß, Euro €, emoji 👍, Kyrillisch Ж\n",
        String(repeating: "x", count: 2000) + "\n" + String(repeating: "ä", count: 1000),
        String(repeating: "ab ", count: 500),
        "\n\n\n",
        "",
        "line\u{2028}separator and next\u{85}line\n",
        "--=_0.0000000000000000000000000000000\r\n--=_0.x--\r\nContent-Type: text/html\r\n\r\n",
        "\r\nBcc: eve@evil.example\r\n\r\nnot a header\n",
    ])
    func aTextBodyReadsBackExactly(text: String) throws {
        let bodies = [MailPart.text(text), .alternative([.text(text), .html(text)])]
        let all = try PythonEmail.parse(bodies.map { try MailFixtures.message(body: $0).bytes })
        for (body, parsed) in zip(bodies, all) {
            #expect(parsed.defects.isEmpty)
            #expect(parsed.parts.map(\.text) == Array(repeating: MailFixtures.crlf(text), count: parsed.parts.count))
            #expect(parsed.parts.count == (body == .text(text) ? 1 : 2), "a body can never add a part")
            #expect(parsed.values("Bcc").isEmpty, "a body can never add a header")
            #expect(parsed.maxLineOctets <= MailLimits.encodedLineOctets)
            #expect(!parsed.bareLineBreak)
            #expect(parsed.endsWithCRLF)
        }
    }

    @Test func aConfirmationCarriesTextAndAnInvitationAsAlternativesAndTheFileAsAnAttachment() throws {
        let ics = MailFixtures.calendar()
        let body = MailPart.mixed([
            .alternative([.text("Ihr Termin ist bestätigt.\n"), .calendar(ics, method: .request)]),
            .attachment(MailAttachment(fileName: "Termin.ics", mediaType: "application/ics", content: Array(ics.utf8))),
        ])
        let parsed = try PythonEmail.parse(MailFixtures.message(body: body).bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.structure == "multipart/mixed(multipart/alternative(text/plain,text/calendar),application/ics)")
        let calendar = try #require(parsed.parts.first { $0.contentType == "text/calendar" })
        #expect(calendar.parameters["method"] == "REQUEST")
        #expect(calendar.text == ics)
        let attachment = try #require(parsed.parts.last)
        #expect(attachment.fileName == "Termin.ics")
        #expect(attachment.transferEncoding == "base64")
        #expect(attachment.base64.flatMap { Data(base64Encoded: $0) } == Data(ics.utf8))
        #expect(parsed.maxLineOctets <= MailLimits.preferredLineOctets)
    }

    @Test func aCancellationCarriesMethodCancel() throws {
        let ics = MailFixtures.calendar(method: "CANCEL")
        let parsed = try PythonEmail.parse(
            MailFixtures.message(body: .alternative([.text("Abgesagt.\n"), .calendar(ics, method: .cancel)])).bytes)
        #expect(parsed.parts.last?.parameters["method"] == "CANCEL")
        #expect(parsed.parts.last?.text == ics)
    }

    @Test func anAttachmentOfEveryByteReadsBack() throws {
        let content = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let parsed = try PythonEmail.parse(
            MailFixtures.message(
                body: .mixed([
                    .text("Anbei.\n"),
                    .attachment(
                        MailAttachment(fileName: "data.bin", mediaType: "application/octet-stream", content: content)),
                ])
            ).bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.parts.last?.base64.flatMap { Data(base64Encoded: $0) } == Data(content))
        #expect(parsed.maxLineOctets <= MailLimits.preferredLineOctets)
    }
}
