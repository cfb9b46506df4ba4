import Testing

@testable import Display

/// The encoder's intermediate values against values published for the standard: its worked
/// example, tutorial examples and its tables, each cited where it is used.
@Suite struct QRCodeReferenceTests {
    // MARK: Codewords

    /// ISO/IEC 18004 Annex I encodes "01234567" as 1-M in numeric mode. Data and error correction
    /// codewords as zxing's ReedSolomonTestCase quotes them ("Test case from example given in
    /// ISO 18004, Annex I", core/src/test/java/com/google/zxing/common/reedsolomon/ReedSolomonTestCase.java).
    @Test func theStandardsWorkedExampleGivesItsCodewords() {
        let segment = Segment(text: "01234567")
        #expect(segment.mode == .numeric)
        let data = segment.dataCodewords(version: 1, errorCorrection: .medium)
        #expect(
            data == [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        #expect(
            ReedSolomon.remainder(of: data, degree: 10) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    /// "HELLO WORLD" in alphanumeric mode, the worked example of the thonky.com QR code tutorial
    /// (https://www.thonky.com/qr-code-tutorial/, "Data Encoding" and "Error Correction Coding"):
    /// 1-M and 1-Q.
    @Test func helloWorldGivesTheTutorialsCodewords() {
        let segment = Segment(text: "HELLO WORLD")
        #expect(segment.mode == .alphanumeric)
        let medium = segment.dataCodewords(version: 1, errorCorrection: .medium)
        #expect(medium == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
        #expect(ReedSolomon.remainder(of: medium, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
        let quartile = segment.dataCodewords(version: 1, errorCorrection: .quartile)
        #expect(quartile == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236])
        #expect(
            ReedSolomon.remainder(of: quartile, degree: 13) == [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
        // One block: the message is the data followed by its error correction.
        #expect(
            BlockLayout(version: 1, errorCorrection: .quartile).interleavedCodewords(data: quartile)
                == quartile + [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
    }

    /// zxing's second QR vector in the same test case: 32 data codewords, 18 error correction.
    @Test func reedSolomonMatchesALongerPublishedVector() {
        let data: [UInt8] = [
            0x72, 0x67, 0x2F, 0x77, 0x69, 0x6B, 0x69, 0x2F, 0x4D, 0x61, 0x69, 0x6E, 0x5F, 0x50, 0x61, 0x67,
            0x65, 0x3B, 0x3B, 0x00, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
        ]
        #expect(
            ReedSolomon.remainder(of: data, degree: 18) == [
                0xD8, 0xB8, 0xEF, 0x14, 0xEC, 0xD0, 0xCC, 0x85, 0x73, 0x40, 0x0B, 0xB5, 0x5A, 0xB8, 0x8B, 0x2E,
                0x08, 0x62,
            ])
    }

    /// Interleaving with blocks of two lengths (§7.6): 5-Q has two blocks of 15 data codewords and
    /// two of 16; the message takes one codeword of each block in turn, the longer blocks' last
    /// ones at the end of the data, then the error correction codewords the same way.
    @Test func blocksOfTwoLengthsAreInterleavedColumnByColumn() {
        let layout = BlockLayout(version: 5, errorCorrection: .quartile)
        #expect(layout.blockCount == 4 && layout.errorCorrectionPerBlock == 18 && layout.dataCodewordCount == 62)
        let data = (0..<62).map(UInt8.init)
        let message = layout.interleavedCodewords(data: data)
        #expect(message.count == 134)
        #expect(Array(message[0..<8]) == [0, 15, 30, 46, 1, 16, 31, 47])
        #expect(Array(message[56..<62]) == [14, 29, 44, 60, 45, 61])
        let blocks = [Array(data[0..<15]), Array(data[15..<30]), Array(data[30..<46]), Array(data[46..<62])]
        let corrections = blocks.map { ReedSolomon.remainder(of: $0, degree: 18) }
        #expect(Array(message[62..<66]) == corrections.map { $0[0] })
        #expect(Array(message[130..<134]) == corrections.map { $0[17] })
    }

    // MARK: Format and version information

    /// The 32 format information strings, by level and mask: ISO/IEC 18004:2015 Annex C,
    /// Table C.1, as printed at https://www.thonky.com/qr-code-tutorial/format-version-tables.
    static let formatStrings: [(QRCode.ErrorCorrection, [String])] = [
        (
            .low,
            [
                "111011111000100", "111001011110011", "111110110101010", "111100010011101", "110011000101111",
                "110001100011000", "110110001000001", "110100101110110",
            ]
        ),
        (
            .medium,
            [
                "101010000010010", "101000100100101", "101111001111100", "101101101001011", "100010111111001",
                "100000011001110", "100111110010111", "100101010100000",
            ]
        ),
        (
            .quartile,
            [
                "011010101011111", "011000001101000", "011111100110001", "011101000000110", "010010010110100",
                "010000110000011", "010111011011010", "010101111101101",
            ]
        ),
        (
            .high,
            [
                "001011010001001", "001001110111110", "001110011100111", "001100111010000", "000011101100010",
                "000001001010101", "000110100001100", "000100000111011",
            ]
        ),
    ]

    @Test func formatInformationMatchesTheStandardsTable() {
        for (level, strings) in Self.formatStrings {
            for (mask, string) in strings.enumerated() {
                #expect(
                    ModuleGrid.formatBits(errorCorrection: level, mask: mask) == Int(string, radix: 2),
                    "\(level) \(mask)")
            }
        }
    }

    /// The version information of versions 7 to 40: ISO/IEC 18004:2015 Annex D, Table D.1 (the
    /// same list is zxing's `Version.VERSION_DECODE_INFO`). Version 7 is 000111110010010100.
    static let versionInformation = [
        0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78, 0x1145D, 0x12A17,
        0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB, 0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75,
        0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B, 0x2542E, 0x26A64, 0x27541, 0x28C69,
    ]

    @Test func versionInformationMatchesTheStandardsTable() {
        #expect(ModuleGrid.versionBits(version: 7) == Int("000111110010010100", radix: 2))
        #expect((7...40).map { ModuleGrid.versionBits(version: $0) } == Self.versionInformation)
    }

    // MARK: Positions and capacities

    /// The alignment pattern centres of every version: ISO/IEC 18004:2015 Annex E, Table E.1 (as
    /// `PATTERN_POSITION_TABLE` in Kazuhiko Arase's qrcode-generator, js/qrcode.js).
    @Test func alignmentPositionsMatchTheStandardsTable() {
        let table: [[Int]] = [
            [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
            [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74],
            [6, 30, 54, 78], [6, 30, 56, 82], [6, 30, 58, 86], [6, 34, 62, 90], [6, 28, 50, 72, 94],
            [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106], [6, 32, 58, 84, 110],
            [6, 30, 58, 86, 114], [6, 34, 62, 90, 118], [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126],
            [6, 26, 52, 78, 104, 130], [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138],
            [6, 30, 58, 86, 114, 142], [6, 34, 62, 90, 118, 146], [6, 30, 54, 78, 102, 126, 150],
            [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158], [6, 32, 58, 84, 110, 136, 162],
            [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
        ]
        #expect((1...40).map { ModuleGrid.alignmentPositions(version: $0) } == table)
    }

    /// Codewords per version and the remainder bits left over: ISO/IEC 18004:2015 Table 1.
    @Test func codewordCountsMatchTheStandardsTable() {
        let totals = [
            26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
            1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196,
            3362, 3532, 3706,
        ]
        let remainderBits =
            [0] + Array(repeating: 7, count: 5) + Array(repeating: 0, count: 7)
            + Array(repeating: 3, count: 7) + Array(repeating: 4, count: 7) + Array(repeating: 3, count: 7)
            + Array(repeating: 0, count: 6)
        for version in 1...40 {
            let modules = BlockLayout.dataModuleCount(version: version)
            #expect(BlockLayout(version: version, errorCorrection: .low).totalCodewordCount == totals[version - 1])
            #expect(modules - 8 * totals[version - 1] == remainderBits[version - 1], "version \(version)")
        }
    }

    /// The largest number of digits, alphanumeric characters and bytes each version holds at each
    /// level: ISO/IEC 18004:2015 Table 7, as `DATA_CAPS` in Kazuhiko Arase's qrcode-generator
    /// (js/sample.js), by version, then level L, M, Q, H, then numeric, alphanumeric, byte.
    static let capacities: [[[Int]]] = [
        [[41, 25, 17], [34, 20, 14], [27, 16, 11], [17, 10, 7]],
        [[77, 47, 32], [63, 38, 26], [48, 29, 20], [34, 20, 14]],
        [[127, 77, 53], [101, 61, 42], [77, 47, 32], [58, 35, 24]],
        [[187, 114, 78], [149, 90, 62], [111, 67, 46], [82, 50, 34]],
        [[255, 154, 106], [202, 122, 84], [144, 87, 60], [106, 64, 44]],
        [[322, 195, 134], [255, 154, 106], [178, 108, 74], [139, 84, 58]],
        [[370, 224, 154], [293, 178, 122], [207, 125, 86], [154, 93, 64]],
        [[461, 279, 192], [365, 221, 152], [259, 157, 108], [202, 122, 84]],
        [[552, 335, 230], [432, 262, 180], [312, 189, 130], [235, 143, 98]],
        [[652, 395, 271], [513, 311, 213], [364, 221, 151], [288, 174, 119]],
        [[772, 468, 321], [604, 366, 251], [427, 259, 177], [331, 200, 137]],
        [[883, 535, 367], [691, 419, 287], [489, 296, 203], [374, 227, 155]],
        [[1022, 619, 425], [796, 483, 331], [580, 352, 241], [427, 259, 177]],
        [[1101, 667, 458], [871, 528, 362], [621, 376, 258], [468, 283, 194]],
        [[1250, 758, 520], [991, 600, 412], [703, 426, 292], [530, 321, 220]],
        [[1408, 854, 586], [1082, 656, 450], [775, 470, 322], [602, 365, 250]],
        [[1548, 938, 644], [1212, 734, 504], [876, 531, 364], [674, 408, 280]],
        [[1725, 1046, 718], [1346, 816, 560], [948, 574, 394], [746, 452, 310]],
        [[1903, 1153, 792], [1500, 909, 624], [1063, 644, 442], [813, 493, 338]],
        [[2061, 1249, 858], [1600, 970, 666], [1159, 702, 482], [919, 557, 382]],
        [[2232, 1352, 929], [1708, 1035, 711], [1224, 742, 509], [969, 587, 403]],
        [[2409, 1460, 1003], [1872, 1134, 779], [1358, 823, 565], [1056, 640, 439]],
        [[2620, 1588, 1091], [2059, 1248, 857], [1468, 890, 611], [1108, 672, 461]],
        [[2812, 1704, 1171], [2188, 1326, 911], [1588, 963, 661], [1228, 744, 511]],
        [[3057, 1853, 1273], [2395, 1451, 997], [1718, 1041, 715], [1286, 779, 535]],
        [[3283, 1990, 1367], [2544, 1542, 1059], [1804, 1094, 751], [1425, 864, 593]],
        [[3517, 2132, 1465], [2701, 1637, 1125], [1933, 1172, 805], [1501, 910, 625]],
        [[3669, 2223, 1528], [2857, 1732, 1190], [2085, 1263, 868], [1581, 958, 658]],
        [[3909, 2369, 1628], [3035, 1839, 1264], [2181, 1322, 908], [1677, 1016, 698]],
        [[4158, 2520, 1732], [3289, 1994, 1370], [2358, 1429, 982], [1782, 1080, 742]],
        [[4417, 2677, 1840], [3486, 2113, 1452], [2473, 1499, 1030], [1897, 1150, 790]],
        [[4686, 2840, 1952], [3693, 2238, 1538], [2670, 1618, 1112], [2022, 1226, 842]],
        [[4965, 3009, 2068], [3909, 2369, 1628], [2805, 1700, 1168], [2157, 1307, 898]],
        [[5253, 3183, 2188], [4134, 2506, 1722], [2949, 1787, 1228], [2301, 1394, 958]],
        [[5529, 3351, 2303], [4343, 2632, 1809], [3081, 1867, 1283], [2361, 1431, 983]],
        [[5836, 3537, 2431], [4588, 2780, 1911], [3244, 1966, 1351], [2524, 1530, 1051]],
        [[6153, 3729, 2563], [4775, 2894, 1989], [3417, 2071, 1423], [2625, 1591, 1093]],
        [[6479, 3927, 2699], [5039, 3054, 2099], [3599, 2181, 1499], [2735, 1658, 1139]],
        [[6743, 4087, 2809], [5313, 3220, 2213], [3791, 2298, 1579], [2927, 1774, 1219]],
        [[7089, 4296, 2953], [5596, 3391, 2331], [3993, 2420, 1663], [3057, 1852, 1273]],
    ]

    @Test func everyVersionHoldsWhatTheStandardsCapacityTableSays() {
        let levels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]
        let fillers = ["7", "A", "a"]
        for version in 1...40 {
            for (levelIndex, level) in levels.enumerated() {
                for (modeIndex, filler) in fillers.enumerated() {
                    let capacity = Self.capacities[version - 1][levelIndex][modeIndex]
                    let full = Segment(text: String(repeating: filler, count: capacity))
                    let over = Segment(text: String(repeating: filler, count: capacity + 1))
                    #expect(
                        full.fits(version: version, errorCorrection: level)
                            && !over.fits(version: version, errorCorrection: level),
                        "\(capacity) × \(filler) at \(version)-\(level)")
                }
            }
        }
    }
}
