import RathausTesting
import Scheduling
import Testing

@Suite struct WhitespaceTests {
    /// The plain statement of the rule, scalar by scalar.
    func reference(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test(arguments: [
        ("Erika", "Erika"), ("  Erika Mustermann\t", "Erika Mustermann"), ("\n\r\u{0B}\u{0C}", ""), ("", ""),
        ("\u{00A0}Jürgen\u{3000}", "Jürgen"), ("\u{2003}a b\u{85}", "a b"), ("Zoë", "Zoë"), ("é ", "é"),
        ("\u{1C}x\u{1F}", "\u{1C}x\u{1F}"),
    ])
    func endsAreTrimmedOfWhiteSpaceOnly(text: String, trimmed: String) {
        #expect(text.trimmingWhitespace == trimmed)
        #expect(text[...].trimmingWhitespace == trimmed)
    }

    @Test func randomTextIsTrimmedAsTheRuleSays() {
        let pieces = [
            " ", "\t", "\n", "\u{00A0}", "\u{2003}", "\u{3000}", "a", "Z", "0", "ä", "ß", "😀", "-", "\u{301}",
        ]
        var generator = SeededGenerator(seed: 21)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            #expect(text.trimmingWhitespace == reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
