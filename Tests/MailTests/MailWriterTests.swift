import Foundation
import Mail
import Scheduling
import Testing

/// The writer's own promises, checked on the bytes without a reader.
@Suite struct MailWriterTests {
    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func theSameMessageAndSeedGiveTheSameBytes() throws {
        let body = MailPart.alternative([.text("Hallo\n"), .calendar(MailFixtures.calendar(), method: .request)])
        let one = try MailFixtures.message(body: body, seed: 7).bytes
        let two = try MailFixtures.message(body: body, seed: 7).bytes
        let other = try MailFixtures.message(body: body, seed: 8).bytes
        #expect(one == two)
        #expect(one != other, "the boundary follows the seed")
    }

    @Test func everyLineEndsInCRLFAndNoneIsLongerThan78() throws {
        let body = MailPart.mixed([
            .alternative([
                .text(String(repeating: "Bürgerbüro ", count: 200)), .html("<p>" + String(repeating: "ä", count: 500)),
            ]),
            .attachment(
                MailAttachment(
                    fileName: "Termin.ics", mediaType: "text/calendar", content: Array(repeating: 0xFF, count: 300))),
        ])
        let bytes = try MailFixtures.message(subject: String(repeating: "Terminbestätigung ", count: 20), body: body)
            .bytes
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        }
        #expect(lines(bytes).allSatisfy { $0.utf8.count <= 78 })
        #expect(bytes.allSatisfy { $0 < 0x80 }, "7-bit when every address is ASCII")
    }

    @Test func theLongestAddressesAndMessageIDStayWithin998OctetsALine() throws {
        let local = String(repeating: "a", count: 64)
        let domain = (0..<3).map { _ in String(repeating: "b", count: 60) }.joined(separator: ".") + ".de"
        let address = try MailFixtures.address(local + "@" + domain, name: String(repeating: "Ä", count: 300))
        #expect(address.addressSpec.utf8.count == 250)
        let id = try MessageID(localPart: String(repeating: "x", count: 200), domain: String(repeating: "y", count: 40))
        let message = try MailMessage(
            from: address, to: [address, address], replyTo: address, subject: "x", date: MailFixtures.date,
            messageID: id, body: .text("x"), boundarySeed: 0)
        let all = lines(message.bytes)
        #expect(all.allSatisfy { $0.utf8.count <= MailLimits.maximumLineOctets })
        #expect(all.contains { $0.utf8.count > MailLimits.preferredLineOctets }, "an address is never split")
    }

    @Test func nestedMultipartsGetBoundariesThatAreNotPrefixesOfEachOther() throws {
        let leaf = MailPart.text("x")
        let body = MailPart.mixed([.alternative([leaf, .mixed([leaf, .alternative([leaf])])]), leaf])
        let text = String(decoding: try MailFixtures.message(body: body, seed: 3).bytes, as: UTF8.self)
        let boundaries = text.components(separatedBy: "boundary=\"").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
        #expect(boundaries.count == 4)
        #expect(Set(boundaries).count == 4)
        for one in boundaries {
            #expect(one.count <= 70)
            for other in boundaries where other != one { #expect(!other.hasPrefix(one)) }
        }
    }

    @Test func aSubjectInGermanIsEncodedOnlyWhereItMustBe() throws {
        let text = String(decoding: try MailFixtures.message(subject: "Ihr Termin am 8. März").bytes, as: UTF8.self)
        #expect(text.contains("\r\nSubject: Ihr Termin am 8. =?UTF-8?Q?M=C3=A4rz?=\r\n"))
    }

    @Test func theDateIsWrittenAsRFC5322InUTC() {
        #expect(MailDate.format(Instant(secondsSinceEpoch: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(MailFixtures.date) == "Mon, 07 Dec 2026 06:30:00 +0000")
        #expect(MailDate.format(Instant(secondsSinceEpoch: 951_868_799)) == "Tue, 29 Feb 2000 23:59:59 +0000")
    }

    @Test func aMessageIDIsTheCallersIdInAngleBrackets() throws {
        #expect(try MessageID(localPart: "outbox-42", domain: "rathaus.example").text == "<outbox-42@rathaus.example>")
        for (left, right) in [
            ("", "x"), ("a b", "x"), ("a", "x\r\ny"), ("a>", "x"), ("a", "x..y"), (".a", "x"), ("ä", "x"),
        ] {
            #expect(throws: MailError.invalidMessageID) { try MessageID(localPart: left, domain: right) }
        }
        #expect(throws: MailError.invalidMessageID) {
            try MessageID(localPart: String(repeating: "a", count: 200), domain: String(repeating: "b", count: 50))
        }
    }

    @Test func aMessageWithoutRecipientsOrWithAnEmptyMultipartIsRefused() {
        #expect(throws: MailError.noRecipient) { try MailFixtures.message(to: []) }
        #expect(throws: MailError.emptyMultipart) { try MailFixtures.message(body: .mixed([])) }
        #expect(throws: MailError.emptyMultipart) { try MailFixtures.message(body: .mixed([.alternative([])])) }
    }

    @Test func aCalendarPartMustCarryItsMethod() throws {
        #expect(throws: MailError.calendarMethodMismatch(expected: .cancel)) {
            try MailFixtures.message(body: .calendar(MailFixtures.calendar(method: "REQUEST"), method: .cancel))
        }
        #expect(throws: MailError.calendarMethodMismatch(expected: .request)) {
            try MailFixtures.message(body: .calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", method: .request))
        }
        let folded = "BEGIN:VCALENDAR\nMETH\n OD:req\n uest\nEND:VCALENDAR\n"
        #expect(throws: Never.self) { try MailFixtures.message(body: .calendar(folded, method: .request)) }
    }

    @Test func anAttachmentNeedsAPlainFileNameAndAMediaType() {
        for name in [
            "", "../etc/passwd", "Termin.ics\r\nX: y", "Termin \"1\".ics", "Tür.ics", String(repeating: "a", count: 61),
        ] {
            #expect(throws: MailError.invalidFileName, "\(name)") {
                try MailFixtures.message(
                    body: .attachment(MailAttachment(fileName: name, mediaType: "text/plain", content: [])))
            }
        }
        for type in ["text", "text/", "/plain", "text/plain; x=y", "text/pl\r\nain", "a/b/c"] {
            #expect(throws: MailError.invalidMediaType, "\(type)") {
                try MailFixtures.message(
                    body: .attachment(MailAttachment(fileName: "a.txt", mediaType: type, content: [])))
            }
        }
    }
}
