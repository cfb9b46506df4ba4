import Testing

@testable import Display

@Suite struct HTMLTests {
    @Test func markupCharactersAndBothQuotesAreEscaped() {
        #expect(
            HTML.escape("<script>alert(1)</script> & \"x\" 'y'")
                == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
    }

    @Test func textOutsideASCIIIsKeptAndControlCharactersAreReplaced() {
        #expect(HTML.escape("Bürgerbüro → Schalter 4") == "Bürgerbüro → Schalter 4")
        #expect(HTML.escape("a\u{0}b\u{1B}c\u{85}d\te\nf") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\nf")
    }

    @Test func escapingIsNotRepeatedOnItsOwnOutput() {
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test func pathSegmentsArePercentEncodedAsUTF8() {
        #expect(HTML.pathSegment("rathaus-nord_2.a~") == "rathaus-nord_2.a~")
        #expect(HTML.pathSegment("a b/ü?#") == "a%20b%2F%C3%BC%3F%23")
    }
}
