/// How the codewords of one version and error correction level are split into Reed–Solomon
/// blocks and interleaved (ISO/IEC 18004:2015 §7.5.1, Table 9, and §7.6).
///
/// Table 9 is kept as its two independent columns, the error correction codewords per block and
/// the number of blocks; the rest follows. The total number of codewords is the number of modules
/// left for data divided by 8; when it does not divide evenly among the blocks, the first blocks
/// are one data codeword shorter than the last (Table 9 lists them as two groups).
struct BlockLayout: Equatable, Sendable {
    /// Error correction codewords per block, by level (L, M, Q, H) and version 1–40 (Table 9).
    private static let errorCorrectionPerBlock: [[Int]] = [
        [
            7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Reed–Solomon blocks, by level (L, M, Q, H) and version 1–40 (Table 9).
    private static let blockCounts: [[Int]] = [
        [
            1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    /// All codewords of the version, data and error correction.
    let totalCodewordCount: Int
    /// Error correction codewords in each block.
    let errorCorrectionPerBlock: Int
    /// The number of blocks.
    let blockCount: Int

    init(version: Int, errorCorrection: QRCode.ErrorCorrection) {
        totalCodewordCount = Self.dataModuleCount(version: version) / 8
        errorCorrectionPerBlock = Self.errorCorrectionPerBlock[errorCorrection.tableIndex][version - 1]
        blockCount = Self.blockCounts[errorCorrection.tableIndex][version - 1]
    }

    /// The data codewords the version holds at this level.
    var dataCodewordCount: Int {
        totalCodewordCount - errorCorrectionPerBlock * blockCount
    }

    /// The modules of `version` left for codewords and remainder bits once the function patterns
    /// and the format and version information are drawn (§6.4.10, Table 1, column "data modules").
    static func dataModuleCount(version: Int) -> Int {
        let size = 17 + 4 * version
        // Three finder patterns with their separators, 8 × 8 each.
        var count = size * size - 3 * 64
        // The two timing patterns between the separators.
        count -= 2 * (size - 16)
        // Two copies of the 15 format bits, and the dark module.
        count -= 31
        let alignmentCount = ModuleGrid.alignmentPositions(version: version).count
        if alignmentCount > 0 {
            // Every alignment pattern but the three at the finders, each 5 × 5; those on row or
            // column 6 cover 5 timing modules already counted.
            count -= (alignmentCount * alignmentCount - 3) * 25 - 2 * (alignmentCount - 2) * 5
        }
        if version >= 7 {
            // Two copies of the 18 version bits.
            count -= 36
        }
        return count
    }

    /// The final message (§7.6): the data codewords split into blocks, each block's error
    /// correction appended, then the first data codeword of every block, the second, …, and then
    /// the error correction codewords the same way. `data` has ``dataCodewordCount`` codewords.
    func interleavedCodewords(data: [UInt8]) -> [UInt8] {
        let shortBlockCount = blockCount - totalCodewordCount % blockCount
        let shortDataLength = totalCodewordCount / blockCount - errorCorrectionPerBlock
        var blocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlockCount ? 0 : 1)
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { ReedSolomon.remainder(of: $0, degree: errorCorrectionPerBlock) }
        var message: [UInt8] = []
        message.reserveCapacity(totalCodewordCount)
        for index in 0...shortDataLength {
            for block in blocks where index < block.count {
                message.append(block[index])
            }
        }
        for index in 0..<errorCorrectionPerBlock {
            for correction in corrections {
                message.append(correction[index])
            }
        }
        return message
    }
}
