import RathausTesting
import Scheduling
import Testing

@testable import Storage

@Suite struct SHA256Tests {
    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesTheFIPSExamples(message: String, digest: String) {
        #expect(hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func aMillionAsMatchesTheLongExample() {
        #expect(
            hex(SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func messagesAroundTheBlockBoundaryHashLikeOnePiece() {
        for length in 50...130 {
            let bytes = (0..<length).map { UInt8($0 & 0xFF) }
            var pieces = SHA256()
            pieces.update(bytes[..<(length / 3)])
            pieces.update(bytes[(length / 3)...])
            #expect(pieces.finalize() == SHA256.hash(bytes))
        }
    }

    /// RFC 4231, test cases 1, 2, 3, 4, 6 and 7 (case 5 truncates the output).
    @Test(arguments: [
        (
            [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            (1...25).map { UInt8($0) }, [UInt8](repeating: 0xcd, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131),
            Array(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                    .utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ])
    func hmacMatchesRFC4231(key: [UInt8], message: [UInt8], code: String) {
        #expect(hex(HMAC.sha256(key: key, message: message)) == code)
    }

    @Test func codesCompareByContent() {
        #expect(HMAC.equal([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.equal([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.equal([1, 2, 3], [1, 2]))
    }

    /// A key of exactly one block and a message of several, against Python's `hmac`.
    @Test func aPreparedKeyGivesTheCodesOfPythonsHMAC() {
        let key = HMAC.Key((0..<64).map { UInt8($0) })
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: 200)
        #expect(hex(key.code(message)) == "52fd44b1fdd78b34d0f057a61b148eaed55fa024e2a0422e5182887b367f7727")
        #expect(key.code(message) == HMAC.sha256(key: (0..<64).map { UInt8($0) }, message: message))
    }

    /// Three blocks of HMAC-SHA256(key, counter) XORed in, as Python's `hmac` computes them; XORed
    /// twice, the bytes come back.
    @Test func theKeyStreamIsHMACOfTheCounterXORedIn() {
        let key = (0..<32).map { UInt8($0) }
        let bytes = (0..<70).map { UInt8($0) }
        let sealed = Secrets.keyStream(bytes, key: key)
        #expect(
            hex(sealed)
                == "9f0ddbba4492f84e21988720854fbd4b29465072b748d3167be9767cc8f99686e413c27ae75dc8d0d6063baa88282619c52f3a65c941a54cd02ebec132c74423b96b94508944"
        )
        #expect(Secrets.keyStream(sealed, key: key) == bytes)
    }
}

@Suite struct SecretsTests {
    @Test func tokensAreLongRandomAndURLSafe() {
        let tokens = (0..<200).map { _ in Secrets.token() }
        #expect(Set(tokens).count == 200)
        #expect(tokens.allSatisfy { $0.count == 43 && Secrets.decodeBase64URL($0)?.count == 32 })
    }

    @Test func referencesUseOnlyUnambiguousLetters() {
        for _ in 0..<500 {
            let reference = Secrets.reference()
            #expect(reference.count == 7)
            #expect(Array(reference)[3] == "-")
            #expect(reference.filter { $0 != "-" }.allSatisfy(Secrets.referenceAlphabet.contains))
            #expect(ReferenceRegistry.code(reference) != nil, "the registry reads every reference drawn")
        }
    }

    @Test func everyLetterOfTheAlphabetComesUpInEveryPlaceOfAReference() {
        // 2,000 references: a letter missing from a place by chance has odds below 25 × 6 × (24/25)^2000.
        var seen = Array(repeating: Set<Character>(), count: 7)
        for _ in 0..<2000 {
            for (place, letter) in Secrets.reference().enumerated() { seen[place].insert(letter) }
        }
        for place in [0, 1, 2, 4, 5, 6] { #expect(seen[place].count == Secrets.referenceAlphabet.count) }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16, 32, 33, 256, 257, 100_000])
    func randomBytesComeInTheLengthAskedFor(count: Int) {
        #expect(Secrets.bytes(count).count == count)
    }

    @Test func randomBytesUseEveryBitOfEachRead() {
        // Over 64 reads of 32 bytes every byte position takes more than one value and every
        // bit is set somewhere: a read whose upper bytes were lost would show here.
        let samples = (0..<64).map { _ in Secrets.bytes(32) }
        for position in 0..<32 {
            #expect(Set(samples.map { $0[position] }).count > 1)
            #expect(samples.reduce(0) { $0 | $1[position] } == 0xFF)
        }
    }

    @Test func base64URLRoundTripsEveryLength() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) & 0xFF) }
            #expect(Secrets.decodeBase64URL(Secrets.base64URL(bytes)) == bytes)
        }
        #expect(Secrets.base64URL(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Secrets.base64URL(Array("fo".utf8)) == "Zm8")
        #expect(Secrets.decodeBase64URL("Zm9v+") == nil)
        #expect(Secrets.decodeBase64URL("Z") == nil)
    }

    /// Seeded: the decoder agrees with a plain one (each group of four letters looked up in
    /// the alphabet) on strings of base64url letters with now and then a letter of something
    /// else (padding, the standard alphabet's `+` and `/`, space, non-ASCII), of every length
    /// up to 50.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func base64URLDecodingAgreesWithAPlainDecoder(seed: UInt64) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        func plain(_ text: String) -> [UInt8]? {
            var values: [UInt8] = []
            for byte in text.utf8 {
                guard let index = alphabet.firstIndex(of: byte) else { return nil }
                values.append(UInt8(index))
            }
            guard values.count % 4 != 1 else { return nil }
            var output: [UInt8] = []
            for start in stride(from: 0, to: values.count, by: 4) {
                let group = values[start..<min(start + 4, values.count)]
                var value: UInt32 = 0
                for (position, digit) in group.enumerated() { value |= UInt32(digit) << UInt32(18 - 6 * position) }
                output.append(UInt8(value >> 16 & 0xFF))
                if group.count > 2 { output.append(UInt8(value >> 8 & 0xFF)) }
                if group.count > 3 { output.append(UInt8(value & 0xFF)) }
            }
            return output
        }
        var random = SeededGenerator(seed: seed)
        let others = ["=", "+", "/", " ", "ä", "\u{0}"]
        for _ in 0..<2_000 {
            let length = Int(random.next() % 51)
            let text = (0..<length).map { _ in
                random.next() % 40 == 0
                    ? others.randomElement(using: &random)!
                    : String(UnicodeScalar(alphabet.randomElement(using: &random)!))
            }.joined()
            #expect(Secrets.decodeBase64URL(text) == plain(text), "\(text)")
        }
    }

    @Test func onlyTheHashOfATokenIsKeptAndItDiffersFromTheToken() {
        let token = Secrets.token()
        #expect(Secrets.hash(token: token).count == 32)
        #expect(Secrets.hash(token: token) == Secrets.hash(token: token))
        #expect(Secrets.hash(token: token) != Secrets.hash(token: Secrets.token()))
    }

    /// A booking's token is sealed compact (33 bytes: the form's byte and the token's 32 bytes
    /// XORed with one HMAC) and opens again; a seal of the older form, which the file may still
    /// hold for bookings made before, opens too; a token that is not 32 bytes in base64url is
    /// sealed in the older form.
    @Test func aBookingsTokenIsSealedCompactAndBothFormsOpen() {
        let key = Secrets.bytes(32)
        let booking = BookingID(RecordID.make(office: OfficeID("rathaus-nord")))
        for _ in 0..<20 {
            let token = Secrets.token()
            let sealed = LinkSecret.seal(token, booking: booking, key: HMAC.Key(key))
            #expect(sealed.count == 33 && sealed[0] == LinkSecret.compact)
            let pad = HMAC.sha256(key: key, message: Array("booking link \(booking.rawValue)".utf8))
            #expect(Array(sealed.dropFirst()) == zip(Secrets.decodeBase64URL(token) ?? [], pad).map { $0 ^ $1 })
            #expect(LinkSecret.open(sealed, booking: booking, key: key) == token)
            #expect(LinkSecret.open(sealed, booking: BookingID(booking.rawValue + "x"), key: key) != token)
            #expect(LinkSecret.open(sealed, booking: booking, key: Secrets.bytes(32)) != token)
            let older = LinkSecret.seal(token, id: booking.rawValue, key: key)
            #expect(older.count == 43)
            #expect(LinkSecret.open(older, booking: booking, key: key) == token)
        }
        // Not 32 bytes, or not in the canonical form (the last letter's unused bits set).
        for token in ["abc", String(repeating: "A", count: 42) + "B", Secrets.base64URL(Secrets.bytes(31))] {
            let sealed = LinkSecret.seal(token, booking: booking, key: HMAC.Key(key))
            #expect(sealed == LinkSecret.seal(token, id: booking.rawValue, key: key), "\(token)")
            #expect(LinkSecret.open(sealed, booking: booking, key: key) == token, "\(token)")
        }
    }
}
