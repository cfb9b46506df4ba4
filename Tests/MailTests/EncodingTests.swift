import Foundation
import Mail
import Testing

/// The encodings on known inputs, looked at in the bytes of a message.
@Suite struct EncodingTests {
    private func body(_ text: String) throws -> String {
        let bytes = try MailFixtures.message(body: .text(text)).bytes
        let whole = String(decoding: bytes, as: UTF8.self)
        return String(whole[try #require(whole.range(of: "\r\n\r\n")).upperBound...])
    }

    @Test func quotedPrintableEncodesWhatRFC2045Says() throws {
        #expect(try body("a=b\n") == "a=3Db\r\n")
        #expect(try body("end \n") == "end=20\r\n")
        #expect(try body("end\t\n") == "end=09\r\n")
        #expect(try body("mid space\n") == "mid space\r\n")
        #expect(try body("Grüße\n") == "Gr=C3=BC=C3=9Fe\r\n")
        #expect(try body("From me\n") == "=46rom me\r\n")
        #expect(try body(".dot\n") == ".dot\r\n")
        #expect(try body("x") == "x=\r\n")
    }

    @Test func aLongLineIsBrokenSoftlyAt76WithoutSplittingAnEscape() throws {
        let encoded = try body(String(repeating: "a", count: 74) + "ü" + String(repeating: "b", count: 100) + "\n")
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.first == String(repeating: "a", count: 74) + "=")
        #expect(lines.dropFirst().first?.hasPrefix("=C3=BC") == true)
    }

    @Test func encodedWordsStayWithin75AndDoNotSplitACharacter() throws {
        let subject = String(repeating: "ü", count: 40) + " " + String(repeating: "日本", count: 30)
        let text = String(decoding: try MailFixtures.message(subject: subject).bytes, as: UTF8.self)
        let header = text.components(separatedBy: "\r\nMessage-ID:")[0].components(separatedBy: "Subject:")[1]
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\r\n" })
        #expect(!words.isEmpty)
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?Q?") || word.hasPrefix("=?UTF-8?B?"))
            #expect(word.utf8.count <= 75)
            #expect(!word.contains("=C3?="), "a word does not end inside a two-byte character")
        }
    }
}
