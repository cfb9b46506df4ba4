import Testing

@testable import Display

/// The edges of what fits: empty input, exactly a version's capacity, one byte more, more than
/// version 40 holds, and the minimum version.
@Suite struct QRCodeCapacityTests {
    @Test func emptyInputMakesTheSmallestSymbol() throws {
        for level in QRCode.ErrorCorrection.allCases {
            let code = try QRCode(text: "", errorCorrection: level)
            #expect(code.version == 1 && code.size == 21 && code.errorCorrection == level)
            #expect(try QRCode(bytes: [], errorCorrection: level) == code)
        }
    }

    /// Byte capacities of versions 9 and 10 from ISO/IEC 18004:2015 Table 7.
    @Test(arguments: [
        (QRCode.ErrorCorrection.low, 230, 271), (.medium, 180, 213), (.quartile, 130, 151), (.high, 98, 119),
    ])
    func aVersionsCapacityFitsAndOneByteMoreTakesTheNext(level: QRCode.ErrorCorrection, nine: Int, ten: Int) throws {
        #expect(try QRCode(text: String(repeating: "a", count: nine), errorCorrection: level).version == 9)
        #expect(try QRCode(text: String(repeating: "a", count: nine + 1), errorCorrection: level).version == 10)
        #expect(try QRCode(text: String(repeating: "a", count: ten), errorCorrection: level).version == 10)
        #expect(try QRCode(text: String(repeating: "a", count: ten + 1), errorCorrection: level).version == 11)
    }

    @Test func digitsAndUpperCaseTextTakeTheirCompactModes() throws {
        // Table 7, version 1-H: 17 digits, 10 alphanumeric characters, 7 bytes.
        #expect(try QRCode(text: String(repeating: "9", count: 17), errorCorrection: .high).version == 1)
        #expect(try QRCode(text: String(repeating: "9", count: 18), errorCorrection: .high).version == 2)
        #expect(try QRCode(text: "ABCDEFGHIJ", errorCorrection: .high).version == 1)
        #expect(try QRCode(text: "ABCDEFGHIJK", errorCorrection: .high).version == 2)
        #expect(try QRCode(text: "abcdefg", errorCorrection: .high).version == 1)
        #expect(try QRCode(text: "abcdefgh", errorCorrection: .high).version == 2)
        #expect(Segment(text: "HTTPS://RATHAUS.EXAMPLE/T/A017").mode == .alphanumeric)
        #expect(Segment(text: "https://rathaus.example/t/A017").mode == .byte)
        #expect(Segment(text: "0815").mode == .numeric)
        #expect(Segment(bytes: Array("0815".utf8)).mode == .byte)
    }

    @Test func inputBeyondVersion40IsAnErrorWithItsSize() {
        // Version 40 holds 2956 data codewords at L and 1276 at H (Table 9); byte mode takes 4 bits
        // of mode, 16 of count and 8 a byte there.
        #expect(throws: QRCodeError.tooLong(bitCount: 4 + 16 + 2954 * 8, maximumBitCount: 2956 * 8)) {
            try QRCode(text: String(repeating: "a", count: 2954), errorCorrection: .low)
        }
        #expect(throws: QRCodeError.tooLong(bitCount: 4 + 16 + 1274 * 8, maximumBitCount: 1276 * 8)) {
            try QRCode(bytes: [UInt8](repeating: 0xFF, count: 1274), errorCorrection: .high)
        }
        // 7090 digits: 2363 groups of three in 10 bits and one digit in 4, after 4 + 14 bits.
        #expect(throws: QRCodeError.tooLong(bitCount: 4 + 14 + 2363 * 10 + 4, maximumBitCount: 2956 * 8)) {
            try QRCode(text: String(repeating: "1", count: 7090), errorCorrection: .low)
        }
        // Far too long, and longer than the count field can state: still just the error.
        #expect(throws: QRCodeError.tooLong(bitCount: 4 + 16 + 100_000 * 8, maximumBitCount: 2956 * 8)) {
            try QRCode(text: String(repeating: "ü", count: 50_000), errorCorrection: .low)
        }
    }

    @Test func aCharacterCountBeyondTheCountFieldDoesNotFit() {
        // Numeric mode counts in 10 bits up to version 9: 1024 digits cannot be stated there.
        let digits = Segment(text: String(repeating: "1", count: 1024))
        #expect(!digits.fits(version: 9, errorCorrection: .low))
        #expect(digits.fits(version: 21, errorCorrection: .low))
    }

    @Test func theMinimumVersionIsHonouredAndChecked() throws {
        #expect(try QRCode(text: "A017", minimumVersion: 5).version == 5)
        #expect(try QRCode(text: "A017", minimumVersion: 40).size == 177)
        // 100 bytes need version 10 at H (Table 7: 98 in version 9), whatever lower minimum is asked.
        #expect(
            try QRCode(text: String(repeating: "a", count: 100), errorCorrection: .high, minimumVersion: 2).version
                == 10)
        #expect(throws: QRCodeError.versionOutOfRange(0)) { try QRCode(text: "A017", minimumVersion: 0) }
        #expect(throws: QRCodeError.versionOutOfRange(41)) { try QRCode(text: "A017", minimumVersion: 41) }
    }

    @Test func theDefaultLevelIsMedium() throws {
        #expect(try QRCode(text: "A017").errorCorrection == .medium)
    }
}
