import Mail
import Testing

/// The DATA content: transparency and line ends (RFC 5321 §4.5.2, §2.3.8).
@Suite struct SMTPDataTests {
    private func data(_ text: String) -> String {
        String(decoding: SMTPData(message: Array(text.utf8)).bytes, as: UTF8.self)
    }

    @Test func aLineThatStartsWithADotGetsASecondDot() {
        #expect(data(".\r\n..x\r\nx.\r\n.") == "..\r\n...x\r\nx.\r\n..\r\n.\r\n")
    }

    @Test func theDataEndsInCRLFDotCRLF() {
        #expect(data("a\r\n") == "a\r\n.\r\n")
        #expect(data("a") == "a\r\n.\r\n")
        #expect(data("") == ".\r\n")
    }

    @Test func aBareLineFeedOrCarriageReturnBecomesCRLFSoTheEndCannotBeSmuggled() {
        #expect(data("a\n.\nMAIL FROM:<x@y>\n") == "a\r\n..\r\nMAIL FROM:<x@y>\r\n.\r\n")
        #expect(data("a\r.\rb") == "a\r\n..\r\nb\r\n.\r\n")
        #expect(data("a\n\r.\r\n") == "a\r\n\r\n..\r\n.\r\n")
    }

    @Test func theSizeCountsTheMessageWithoutTheAddedDots() {
        #expect(SMTPData(message: Array("..\r\nab\r\n".utf8)).messageSize == 8)
        #expect(SMTPData(message: Array("a\nb".utf8)).messageSize == 6)
    }
}
