/// The data of a QR code in one mode, with its character count (ISO/IEC 18004:2015 §7.4).
struct Segment: Equatable, Sendable {
    /// How the characters are turned into bits (§7.4.1, Table 2). Kanji, ECI and structured
    /// append are not used.
    enum Mode: Equatable, Sendable {
        /// Digits 0–9, three in 10 bits (§7.4.3).
        case numeric
        /// The 45 characters of ``alphanumericCharacters``, two in 11 bits (§7.4.4).
        case alphanumeric
        /// Any bytes, 8 bits each (§7.4.5).
        case byte

        /// The 4-bit mode indicator.
        var indicator: Int {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            }
        }

        /// The length of the character count field in `version` (§7.4.2, Table 3).
        func countBits(version: Int) -> Int {
            let band = version <= 9 ? 0 : version <= 26 ? 1 : 2
            switch self {
            case .numeric: return [10, 12, 14][band]
            case .alphanumeric: return [9, 11, 13][band]
            case .byte: return [8, 16, 16][band]
            }
        }
    }

    /// The alphanumeric mode's characters in the order of their values 0–44 (§7.4.4, Table 5).
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The value of each byte in alphanumeric mode, or nil for a byte it cannot hold.
    private static let alphanumericValues: [UInt8?] = (0...255).map { byte in
        alphanumericCharacters.firstIndex(of: UInt8(byte)).map(UInt8.init)
    }

    let mode: Mode
    /// The characters (ASCII digits or alphanumeric characters) or bytes, one byte each.
    let characters: [UInt8]

    /// `text` in numeric mode if it has only digits, else in alphanumeric mode if it can, else its
    /// UTF-8 bytes in byte mode. The empty text is an empty byte segment.
    init(text: String) {
        let bytes = Array(text.utf8)
        if bytes.isEmpty {
            mode = .byte
        } else if bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            mode = .numeric
        } else if bytes.allSatisfy({ Self.alphanumericValues[Int($0)] != nil }) {
            mode = .alphanumeric
        } else {
            mode = .byte
        }
        characters = bytes
    }

    /// `bytes` in byte mode.
    init(bytes: [UInt8]) {
        mode = .byte
        characters = bytes
    }

    /// The number of characters, as the character count field states it.
    var characterCount: Int { characters.count }

    /// The bits of the encoded characters, without mode indicator and count: 10 for three
    /// digits, 7 for a last two, 4 for a last one (§7.4.3); 11 for two alphanumeric characters,
    /// 6 for a last one (§7.4.4); 8 a byte (§7.4.5).
    var dataBitCount: Int {
        let count = characters.count
        switch mode {
        case .numeric: return count / 3 * 10 + [0, 4, 7][count % 3]
        case .alphanumeric: return count / 2 * 11 + count % 2 * 6
        case .byte: return count * 8
        }
    }

    /// Appends the encoded characters to `bits`.
    private func appendData(to bits: inout BitBuffer) {
        switch mode {
        case .numeric:
            var start = 0
            while start < characters.count {
                let group = characters[start..<min(start + 3, characters.count)]
                let value = group.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                bits.append(value, width: [0, 4, 7, 10][group.count])
                start += 3
            }
        case .alphanumeric:
            var start = 0
            while start < characters.count {
                let first = Int(Self.alphanumericValues[Int(characters[start])] ?? 0)
                if start + 1 < characters.count {
                    let second = Int(Self.alphanumericValues[Int(characters[start + 1])] ?? 0)
                    bits.append(first * 45 + second, width: 11)
                } else {
                    bits.append(first, width: 6)
                }
                start += 2
            }
        case .byte:
            for byte in characters {
                bits.append(Int(byte), width: 8)
            }
        }
    }

    /// The bits this segment takes in `version`: mode indicator, character count and data.
    func bitCount(version: Int) -> Int {
        4 + mode.countBits(version: version) + dataBitCount
    }

    /// Whether the segment fits in the data codewords of `version` at `errorCorrection`, its
    /// character count in the version's count field included.
    func fits(version: Int, errorCorrection: QRCode.ErrorCorrection) -> Bool {
        characterCount < 1 << mode.countBits(version: version)
            && bitCount(version: version)
                <= BlockLayout(version: version, errorCorrection: errorCorrection).dataCodewordCount * 8
    }

    /// The data codewords of `version` at `errorCorrection` (§7.4.9, §7.4.10): mode indicator,
    /// count and data, the terminator of up to four 0 bits, 0 bits to the byte boundary, then the
    /// pad codewords 11101100 and 00010001 in turn. The segment must fit (``fits(version:errorCorrection:)``).
    func dataCodewords(version: Int, errorCorrection: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = BlockLayout(version: version, errorCorrection: errorCorrection).dataCodewordCount
        var bits = BitBuffer()
        bits.append(mode.indicator, width: 4)
        bits.append(characterCount, width: mode.countBits(version: version))
        appendData(to: &bits)
        bits.append(0, width: min(4, max(0, capacity * 8 - bits.count)))
        bits.append(0, width: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}
