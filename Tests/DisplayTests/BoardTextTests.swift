import Testing

@testable import Display

@Suite struct BoardTextTests {
    @Test func theTextBoardMatchesItsGoldenFile() throws {
        try Golden.expect(BoardText.text(Samples.snapshot()), matches: "board.txt")
    }

    @Test func linesAreTheOfficeAndTimeThenTheCallsThenAnEmptyLineThenTheGroups() {
        let snapshot = Samples.snapshot(
            calls: [
                Samples.call("A017"),
                Samples.call("B4", counter: "12", counterName: "Schalter 12"),
            ],
            groups: [
                BoardGroup(letter: "A", name: "Ausweise und Pässe", waiting: 3, estimatedWaitMinutes: 25),
                BoardGroup(letter: "B", name: "Meldeangelegenheiten", waiting: 0, estimatedWaitMinutes: 0),
            ])
        #expect(
            BoardText.text(snapshot)
                == "Buergerbuero im Rathaus  09:41\nA017  Schalter 4\nB4    Schalter 12\n\nA  3 wartend  ca. 25 Min.\nB  0 wartend\n"
        )
    }

    @Test func withoutCallsTheEmptyLineFollowsTheHeader() {
        let text = BoardText.text(Samples.snapshot(calls: [], groups: []))
        #expect(text == "Buergerbuero im Rathaus  09:41\n\n")
    }

    @Test(arguments: [
        ("Bürgerbüro Straße", "Buergerbuero Strasse"),
        ("ÄÖÜ äöü ß ẞ", "AeOeUe aeoeue ss SS"),
        ("Café Zoë, Łódź", "Cafe Zoe, Lodz"),
        ("Cafe\u{301}", "Cafe"),
        ("Schalter 4 – Zimmer 2 … €5", "Schalter 4 - Zimmer 2 ... EUR5"),
        ("„Aufruf“", "\"Aufruf\""),
        ("Zeile\nZwei\tDrei", "Zeile Zwei Drei"),
        ("東京 🎄", "?? ?"),
    ])
    func textIsWrittenInPrintableASCII(input: String, expected: String) {
        #expect(BoardText.ascii(input) == expected)
    }

    @Test func theOutputIsOnlyPrintableASCIIAndLineFeeds() {
        let hostile = "Schalter\r\n4\u{2028}ü\u{0}"
        let snapshot = Samples.snapshot(
            calls: [Samples.call("A\n017", counterName: hostile)], officeName: "Bürgerbüro\nNord")
        let text = BoardText.text(snapshot)
        #expect(text.utf8.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) })
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 8)
        #expect(text.hasPrefix("Buergerbuero Nord  09:41\nA 017  Schalter  4 ue \n"))
    }
}
