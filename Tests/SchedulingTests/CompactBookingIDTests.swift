import RathausTesting
import Testing

@testable import Scheduling

@Suite struct CompactBookingIDTests {
    let prefix = Array("rathaus.".utf8)

    func compact(_ id: String) -> CompactBookingID {
        CompactBookingID(id, prefix: prefix)
    }

    @Test(arguments: [
        "rathaus.AAAAAAAAAAAAAAAAAAAAAA", "rathaus.____________________-w", "rathaus.0123456789abcdefABCDEg",
        "rathaus.AZaz09-_AZaz09-_AZaz0Q",
    ])
    func idsAsTheWritersMakeThemKeepTheirSixteenBytes(id: String) {
        #expect(compact(id).form == .usual)
        #expect(compact(id).text(prefix: prefix) == id)
    }

    @Test func everySixteenBytesComeBackAsTheirText() {
        var random = SeededGenerator(seed: 8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for _ in 0..<500 {
            var text = String((0..<21).map { _ in alphabet[Int.random(in: 0..<64, using: &random)] })
            text.append(alphabet[Int.random(in: 0..<4, using: &random) * 16])  // the last carries two bits
            let id = "rathaus." + text
            #expect(compact(id).form == .usual)
            #expect(compact(id).text(prefix: prefix) == id)
        }
    }

    @Test(arguments: [
        ("b1", CompactBookingID.Form.plain), ("", .plain), ("exactly16bytes..", .plain),
        ("seventeen bytes..", .long), ("rathaus.", .plain), ("rathaus.fill123456", .prefixed),
        ("rathaus.0123456789abcdef", .prefixed), ("rathaus.0123456789abcdefg", .long),
        ("rathaus.AAAAAAAAAAAAAAAAAAAAAB", .long),  // the last character carries bits past the 16 bytes
        ("rathaus.AAAAAAAAAAAAAAAAAAAA=A", .long), ("rathaus.AAAAAAAAAAAAAAAAAAAAAAA", .long),
        ("other.AAAAAAAAAAAAAAAAAAAAAA", .long), ("other.b1", .plain), ("rathausXAAAAAAAAAAAAAAAAAAAAAA", .long),
        ("Bürger", .long), ("rathaus.bürger", .long), ("K\u{212A}", .long), ("a\0b", .plain),
    ])
    func otherIdsKeepTheirBytesOrAreLong(id: String, form: CompactBookingID.Form) {
        let compact = compact(id)
        #expect(compact.form == form)
        if form == .long {
            #expect(compact.text(prefix: prefix) == nil)
        } else {
            #expect(compact.text(prefix: prefix)?.utf8.elementsEqual(id.utf8) == true)
        }
    }

    @Test func differentIdsHaveDifferentCompactForms() {
        let ids = [
            "b1", "b10", "b1 ", "rathaus.b1", "rathaus.AAAAAAAAAAAAAAAAAAAAAA", "rathaus.AAAAAAAAAAAAAAAAAAAAAQ",
            "AAAAAAAAAAAAAAAA", "rathaus.", "", "a\0", "a",
        ]
        #expect(Set(ids.map(compact)).count == ids.count)
    }

    @Test func anotherOfficesIdsAreOnlyCompactWhenShort() {
        let other = Array("buergerbuero-001.".utf8)
        let id = "buergerbuero-001.AAAAAAAAAAAAAAAAAAAAAA"
        #expect(CompactBookingID(id, prefix: other).form == .usual)
        #expect(CompactBookingID(id, prefix: prefix).form == .long)
    }
}
