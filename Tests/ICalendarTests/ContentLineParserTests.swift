import Testing

@testable import ICalendar

@Suite struct ContentLineParserTests {
    private func lines(_ text: String) throws -> [ContentLine] {
        try ContentLineParser(limits: ICalendarLimits()).parse(Array(text.utf8))
    }

    @Test func foldedLinesAreJoinedWhetherContinuedWithSpaceOrTab() throws {
        let parsed = try lines("BEGIN:VCALENDAR\r\nDESCRIPTION:Das ist ein\r\n  langer\r\n\tText\r\nEND:VCALENDAR\r\n")
        #expect(parsed.map(\.name) == ["BEGIN", "DESCRIPTION", "END"])
        #expect(parsed[1].value == "Das ist ein langerText")
        #expect(parsed[1].line == 2)
        #expect(parsed[2].line == 5)
    }

    @Test func bareLineFeedsWorkLikeCRLF() throws {
        let crlf = try lines("BEGIN:VCALENDAR\r\nSUMMARY:Schließ\r\n tag\r\nEND:VCALENDAR\r\n")
        let lf = try lines("BEGIN:VCALENDAR\nSUMMARY:Schließ\n tag\nEND:VCALENDAR")
        #expect(crlf == lf)
        #expect(lf[1].value == "Schließtag")
    }

    @Test func foldingInsideAMultiByteCharacterIsJoinedBackIntoIt() throws {
        // "ü" is C3 BC; a writer that folds between the two bytes still yields valid UTF-8 here.
        let bytes: [UInt8] =
            Array("BEGIN:VCALENDAR\r\nSUMMARY:B".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xBC]
            + Array("ro\r\nEND:VCALENDAR\r\n".utf8)
        let parsed = try ContentLineParser(limits: ICalendarLimits()).parse(bytes)
        #expect(parsed[1].value == "Büro")
    }

    @Test func parametersAreSplitUnquotedAndUpperCasedByName() throws {
        let parsed = try lines(
            "BEGIN:VCALENDAR\r\nattendee;cn=\"Müller, Anna\";role=REQ-PARTICIPANT;Delegated-From=\"mailto:a@x.de\",\"mailto:b@x.de\":mailto:anna@x.de\r\nEND:VCALENDAR"
        )
        let line = parsed[1]
        #expect(line.name == "ATTENDEE")
        #expect(line.parameter("CN") == "Müller, Anna")
        #expect(line.parameter("role") == "REQ-PARTICIPANT")
        #expect(line.parameters[2].name == "DELEGATED-FROM")
        #expect(line.parameters[2].values == ["mailto:a@x.de", "mailto:b@x.de"])
        #expect(line.value == "mailto:anna@x.de")
    }

    @Test func theValueMayContainColonsAndSemicolons() throws {
        let parsed = try lines(
            "BEGIN:VCALENDAR\r\nDTSTART;TZID=Europe/Berlin:20260318T130000\r\nX-URL:https://a.example/x;y=1\r\n")
        #expect(parsed[1].value == "20260318T130000")
        #expect(parsed[2].value == "https://a.example/x;y=1")
    }

    @Test func caretEscapesInParametersAreDecodedAsRFC6868Says() throws {
        let parsed = try lines("BEGIN:VCALENDAR\r\nX-A;X-NOTE=\"Er sagte ^'Hallo^'^nZeile 2 ^^ ^x\":v\r\n")
        #expect(parsed[1].parameter("X-NOTE") == "Er sagte \"Hallo\"\nZeile 2 ^ ^x")
    }

    @Test func aByteOrderMarkAndBlankLinesAreSkipped() throws {
        let parsed = try ContentLineParser(limits: ICalendarLimits()).parse(
            [0xEF, 0xBB, 0xBF] + Array("BEGIN:VCALENDAR\r\n\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n\r\n\r\n".utf8))
        #expect(parsed.map(\.name) == ["BEGIN", "VERSION", "END"])
        #expect(parsed[1].line == 3)
    }

    @Test func textValuesAreUnescaped() {
        #expect(TextEscaping.unescape(#"Zeile 1\nZeile 2\NZeile 3"#) == "Zeile 1\nZeile 2\nZeile 3")
        #expect(TextEscaping.unescape(#"a\, b\; c\\d\:e"#) == #"a, b; c\d:e"#)
        #expect(TextEscaping.unescape(#"endet mit \"#) == #"endet mit \"#)
        #expect(
            TextEscaping.splitList(#"Besprechung,Intern\, vertraulich,"#) == ["Besprechung", "Intern, vertraulich"])
    }

    @Test func textIsEscapedForWriting() {
        #expect(TextEscaping.escape("a, b; c\\d\nZeile\r\nZwei\u{07}") == #"a\, b\; c\\d\nZeile\nZwei"#)
        #expect(TextEscaping.encodeParameter("Müller, Anna") == "\"Müller, Anna\"")
        #expect(TextEscaping.encodeParameter("Er sagte \"Hi\"^") == "Er sagte ^'Hi^'^^")
        #expect(TextEscaping.encodeParameter("Europe/Berlin") == "Europe/Berlin")
    }
}
