import Testing

@testable import ICalendar

@Suite struct FoldingTests {
    private func fold(_ line: String) -> String {
        var output = ""
        Folding.append(line, to: &output)
        return output
    }

    /// The physical lines of `text` (without their CRLF), as bytes.
    private func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        #expect(current.isEmpty, "output must end in CRLF")
        return lines
    }

    @Test func shortLinesAreNotFolded() {
        #expect(fold("SUMMARY:Neujahr") == "SUMMARY:Neujahr\r\n")
        let exactly75 = "DESCRIPTION:" + String(repeating: "x", count: 63)
        #expect(fold(exactly75) == exactly75 + "\r\n")
    }

    @Test func aLineOf76OctetsIsFoldedAfter75() {
        let line = "DESCRIPTION:" + String(repeating: "x", count: 64)
        #expect(fold(line) == "DESCRIPTION:" + String(repeating: "x", count: 63) + "\r\n x\r\n")
    }

    @Test func aMultiByteCharacterAtTheBoundaryMovesToTheNextLine() {
        // 74 octets, then "ü" (2 octets) would end at octet 76.
        let umlaut = "SUMMARY:" + String(repeating: "a", count: 66) + "über"
        #expect(fold(umlaut) == "SUMMARY:" + String(repeating: "a", count: 66) + "\r\n über\r\n")
        // 73 octets, then a 4-octet emoji.
        let emoji = "SUMMARY:" + String(repeating: "a", count: 65) + "🎄!"
        #expect(fold(emoji) == "SUMMARY:" + String(repeating: "a", count: 65) + "\r\n 🎄!\r\n")
        // "€" is 3 octets and fits exactly.
        let euro = "SUMMARY:" + String(repeating: "a", count: 64) + "€b"
        #expect(fold(euro) == "SUMMARY:" + String(repeating: "a", count: 64) + "€\r\n b\r\n")
    }

    @Test func foldedLinesNeverExceed75OctetsNorSplitACharacterAndUnfoldToTheOriginal() throws {
        var random = SeededRandom(seed: 75)
        let alphabet: [String] = ["a", "Z", " ", "ä", "ß", "Ö", "€", "🎄", "👩‍👩‍👧", "e\u{301}", ",", ";", "\\", ":"]
        for _ in 0..<300 {
            let length = Int.random(in: 0...400, using: &random)
            let value = (0..<length).map { _ in alphabet.randomElement(using: &random) ?? "a" }.joined()
            let line = "DESCRIPTION:" + value
            let folded = fold(line)
            for physical in physicalLines(folded) {
                #expect(physical.count <= 75)
                #expect(String(validating: physical, as: UTF8.self) != nil)
            }
            let parsed = try ContentLineParser(limits: ICalendarLimits()).parse(
                Array(("BEGIN:VCALENDAR\r\n" + folded).utf8))
            #expect(parsed[1].value == value)
        }
    }
}
