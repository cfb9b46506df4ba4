import RathausTesting
import Testing

@testable import Scheduling

@Suite struct CompactBookingIDTests {
    let prefix = Array("rathaus.".utf8)

    func compact(_ id: String) -> CompactBookingID {
        CompactBookingID(id, prefix: prefix)
    }

    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let sortable = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    /// 16 bytes as 22 letters of `alphabet` (the 128 bits and four zero bits, six at a time).
    func encode(_ bytes: [UInt8], _ alphabet: [UInt8]) -> String {
        var bits: [Int] = []
        for byte in bytes {
            for shift in (0..<8).reversed() { bits.append(Int(byte >> UInt8(shift) & 1)) }
        }
        bits += [0, 0, 0, 0]
        let letters = stride(from: 0, to: 132, by: 6).map { start in
            alphabet[bits[start..<start + 6].reduce(0) { $0 << 1 | $1 }]
        }
        return String(decoding: letters, as: UTF8.self)
    }

    @Test(arguments: [
        ("rathaus.AAAAAAAAAAAAAAAAAAAAAA", CompactBookingID.Form.base64URL),
        ("rathaus.____________________-w", .base64URL), ("rathaus.0123456789abcdefABCDEg", .base64URL),
        ("rathaus.AZaz09-_AZaz09-_AZaz0Q", .base64URL), ("rathaus.----------------------", .sortable),
        ("rathaus.zzzzzzzzzzzzzzzzzzzzzk", .sortable), ("rathaus.-P6wUz4BLS0LE1rgWpRnmF", .sortable),
        ("rathaus.AZaz09-_AZaz09-_AZaz0V", .sortable),
    ])
    func idsAsTheWritersMakeThemKeepTheirSixteenBytes(id: String, form: CompactBookingID.Form) {
        #expect(compact(id).form == form)
        #expect(compact(id).text(prefix: prefix) == id)
    }

    @Test func everySixteenBytesComeBackAsTheirTextInEitherAlphabet() {
        var random = SeededGenerator(seed: 8)
        for _ in 0..<500 {
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
            for (alphabet, form) in [(Self.base64URL, CompactBookingID.Form.base64URL), (Self.sortable, .sortable)] {
                let id = "rathaus." + encode(bytes, alphabet)
                #expect(compact(id).form == form)
                #expect(compact(id).text(prefix: prefix) == id)
            }
            #expect(
                compact("rathaus." + encode(bytes, Self.base64URL))
                    != compact("rathaus." + encode(bytes, Self.sortable)))
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
            "AAAAAAAAAAAAAAAA", "rathaus.", "", "a\0", "a", "rathaus.----------------------",
        ]
        #expect(Set(ids.map(compact)).count == ids.count)
    }

    @Test func anotherOfficesIdsAreOnlyCompactWhenShort() {
        let other = Array("buergerbuero-001.".utf8)
        let id = "buergerbuero-001.AAAAAAAAAAAAAAAAAAAAAA"
        #expect(CompactBookingID(id, prefix: other).form == .base64URL)
        #expect(CompactBookingID(id, prefix: prefix).form == .long)
    }
}
