import Testing

@testable import App

@Suite struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00fc\ud83d\ude00\n"} "#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].value == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(members[1].value == .string("x\"ü😀\n"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"abc", "{\"a\" 1}", "tru", "[1] x", "\"\\x\"", "\"\\ud800\"",
        "{\"a\":1,\"a\":2}", "\"tab\there\"", "NaN",
    ])
    func malformedTextsAreRefusedWithAPosition(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
    }

    @Test func errorsNameLineAndColumn() {
        #expect(throws: JSONSyntaxError(line: 2, column: 4, message: "unexpected character")) {
            try JSONValue.parse("{\"a\":\n  [x]}")
        }
    }

    @Test func nestingIsLimited() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONValue.parse(fine)) != nil)
    }

    @Test func invalidUTF8InAStringIsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        // After ASCII, too: a cut sequence, a lone continuation byte, an overlong "/", a surrogate.
        for bytes: [UInt8] in [[0x61, 0x62, 0xC3], [0x61, 0x80], [0xC0, 0xAF], [0x61, 0xED, 0xA0, 0x80]] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22] + bytes + [0x22]) }
        }
    }

    /// Strings without escapes come straight from the input: ASCII without a check, anything
    /// else validated.
    @Test func unescapedStringsReadAsTheirBytes() throws {
        for text in ["", "Erika Mustermann", "a\u{7F}b", "Jürgen Müller", "李小龙", "😀 x", "ab\u{0080}"] {
            #expect(try JSONValue.parse(Array("\"\(text)\"".utf8)) == .string(text))
        }
    }
}

@Suite struct JSONReaderTests {
    @Test func readersNameThePathOfWhatIsWrong() throws {
        let value = try JSONValue.parse(#"{"offices": [{"id": "a"}, {"id": 7}]}"#)
        var root = try JSONReader(value).object()
        let offices = try root.required("offices").array()
        var second = try offices[1].object()
        #expect(throws: JSONPathError(path: "offices[1].id", message: "expected a string, got a number")) {
            try second.required("id").string()
        }
        #expect(throws: JSONPathError(path: "offices[1].name", message: "is required")) {
            try second.required("name")
        }
    }

    @Test func unreadFieldsAreUnknownFields() throws {
        var object = try JSONReader(try JSONValue.parse(#"{"name": "x", "nmae": "y"}"#)).object()
        _ = try object.required("name").string()
        #expect(throws: JSONPathError(path: "nmae", message: "unknown field")) { try object.finish() }
    }

    @Test func aMemberAskedForIsReadWhetherNullOrNotAndTheFirstUnreadIsNamed() throws {
        var object = try JSONReader(try JSONValue.parse(#"{"a": null, "b": 1, "c": 2, "d": 3}"#)).object()
        #expect(object.optional("a") == nil)
        #expect(object.optional("missing") == nil)
        _ = try object.required("c")
        #expect(throws: JSONPathError(path: "b", message: "unknown field")) { try object.finish() }
        _ = object.optional("b")
        #expect(throws: JSONPathError(path: "d", message: "unknown field")) { try object.finish() }
        _ = object.optional("d")
        try object.finish()
    }

    @Test func integersAreExactAndBounded() throws {
        let value = try JSONValue.parse(#"[5, 5.5, 1e2, 99999999999999999999]"#)
        let items = try JSONReader(value).array()
        #expect(try items[0].int(in: 1...10) == 5)
        #expect(throws: JSONPathError.self) { try items[1].int() }
        #expect(throws: JSONPathError.self) { try items[2].int() }
        #expect(throws: JSONPathError.self) { try items[3].int() }
        #expect(throws: JSONPathError(path: "[0]", message: "must be from 6 to 10, got 5")) {
            try items[0].int(in: 6...10)
        }
    }
}

@Suite struct JSONWriterTests {
    @Test func writesCompactJSONThatParsesBack() throws {
        var writer = JSONWriter()
        writer.object { json in
            json.string("name", "Müller \"Max\"\n<b>")
            json.int("persons", 2)
            json.bool("online", true)
            json.null("note")
            json.array("slots") { json in
                json.string("09:00")
                json.string("09:10")
            }
            json.object("office") { json in json.string("id", "rathaus") }
        }
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            text
                == #"{"name":"Müller \"Max\"\n\u003cb\u003e","persons":2,"online":true,"note":null,"slots":["09:00","09:10"],"office":{"id":"rathaus"}}"#
        )
        let parsed = try JSONValue.parse(writer.bytes)
        guard case .object(let members) = parsed else {
            Issue.record("not an object")
            return
        }
        #expect(members.first?.value == .string("Müller \"Max\"\n<b>"))
    }

    @Test func controlCharactersAreEscaped() {
        var writer = JSONWriter()
        writer.array { json in json.string("\u{01}\u{1F}") }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"["\u0001\u001f"]"#)
    }

    @Test(arguments: 0..<128)
    func everyASCIICharacterAloneOrAmongPlainTextComesBackAsItWas(code: Int) throws {
        let character = String(UnicodeScalar(UInt8(code)))
        for text in [character, "Bürgerbüro " + character + " Nord", character + "😀"] {
            var writer = JSONWriter()
            writer.array { json in json.string(text) }
            let written = writer.bytes.dropFirst(2).dropLast(2)
            #expect(!written.contains { $0 < 0x20 || [0x3C, 0x3E, 0x26].contains($0) }, "raw byte written")
            #expect(try JSONValue.parse(writer.bytes) == .array([.string(text)]))
        }
    }

    @Test func textWithoutSpecialCharactersIsCopiedAsItIs() {
        var writer = JSONWriter()
        writer.array { json in json.string("Stadtteilbüro Nord · Öffnungszeiten 8–12 Uhr") }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"["Stadtteilbüro Nord · Öffnungszeiten 8–12 Uhr"]"#)
    }
}
