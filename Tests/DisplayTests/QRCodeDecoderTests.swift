import Foundation
import RathausTesting
import Testing

@testable import Display

/// Encodes many texts, draws each code's SVG back into pixels and has ZBar's `zbarimg` read them
/// all in one run: every text must come back byte for byte, with no codeword needing correction
/// (a reader that silently repairs a wrong codeword would hide an encoder bug).
@Suite(.enabled(if: Zbar.executable != nil, "zbarimg is not installed (apt-get install zbar-tools)"))
struct QRCodeDecoderTests {
    /// One code to encode and read back: a text (in the mode ``QRCode/init(text:errorCorrection:minimumVersion:)``
    /// picks) or bytes (in byte mode).
    struct Sample {
        var data: [UInt8]
        var isText: Bool
        var errorCorrection: QRCode.ErrorCorrection
        var minimumVersion: Int
        var mask: Int?

        init(text: String, errorCorrection: QRCode.ErrorCorrection, minimumVersion: Int = 1, mask: Int? = nil) {
            self.data = Array(text.utf8)
            self.isText = true
            self.errorCorrection = errorCorrection
            self.minimumVersion = minimumVersion
            self.mask = mask
        }

        init(bytes: [UInt8], errorCorrection: QRCode.ErrorCorrection) {
            self.data = bytes
            self.isText = false
            self.errorCorrection = errorCorrection
            self.minimumVersion = 1
        }

        var segment: Segment {
            isText ? Segment(text: String(decoding: data, as: UTF8.self)) : Segment(bytes: data)
        }
    }

    @Test func zbarReadsSeededRandomTextsAtEveryLevel() throws {
        var random = SeededGenerator(seed: 18)
        let levels = QRCode.ErrorCorrection.allCases
        let samples = (0..<48).map { index in
            Sample(text: Self.randomText(using: &random), errorCorrection: levels[index % levels.count])
        }
        let codes = try expectRead(samples)
        #expect(Set(codes.map(\.version)).count >= 5, "the random texts should span several versions")
    }

    @Test func zbarReadsArbitraryBytes() throws {
        var random = SeededGenerator(seed: 255)
        let levels = QRCode.ErrorCorrection.allCases
        let samples = (0..<12).map { index in
            let count = Int.random(in: 1...300, using: &random)
            return Sample(
                bytes: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) },
                errorCorrection: levels[index % levels.count])
        }
        try expectRead(samples)
    }

    @Test func zbarReadsLargeVersionsWithVersionInformation() throws {
        var random = SeededGenerator(seed: 7)
        var samples: [Sample] = []
        for version in [7, 14, 25, 27, 40] {
            for level in QRCode.ErrorCorrection.allCases {
                samples.append(
                    Sample(
                        text: Self.randomText(maximumBytes: 40, using: &random), errorCorrection: level,
                        minimumVersion: version))
            }
        }
        let codes = try expectRead(samples)
        #expect(codes.map(\.version) == [7, 14, 25, 27, 40].flatMap { Array(repeating: $0, count: 4) })
    }

    @Test func zbarReadsFullSymbolsAtTheirCapacity() throws {
        // Byte capacities of versions 10 and 40 from ISO/IEC 18004:2015 Table 7.
        let capacities: [(QRCode.ErrorCorrection, Int, Int)] = [
            (.low, 10, 271), (.medium, 10, 213), (.quartile, 10, 151), (.high, 10, 119),
            (.low, 40, 2953), (.high, 40, 1273),
        ]
        var random = SeededGenerator(seed: 2953)
        let samples = capacities.map { level, _, bytes in
            Sample(text: Self.randomASCII(count: bytes, using: &random), errorCorrection: level)
        }
        let codes = try expectRead(samples)
        #expect(codes.map(\.version) == capacities.map { $0.1 })
    }

    @Test func zbarReadsEveryMaskPattern() throws {
        var samples: [Sample] = []
        for mask in 0..<8 {
            samples.append(Sample(text: "https://rathaus.example/t/A0\(mask)7", errorCorrection: .medium, mask: mask))
            samples.append(
                Sample(
                    text: "Wartemarke B\(mask)04 – Bürgerbüro", errorCorrection: .high, minimumVersion: 8, mask: mask))
        }
        let codes = try expectRead(samples)
        #expect(codes.map(\.mask) == (0..<8).flatMap { [$0, $0] })
    }

    @Test func zbarReadsNumericAndAlphanumericModes() throws {
        let samples = [
            Sample(text: "01234567", errorCorrection: .medium),
            Sample(text: "HELLO WORLD", errorCorrection: .quartile),
            Sample(text: "HTTPS://RATHAUS.EXAMPLE/T/RATHAUS-2026-12-07-A017", errorCorrection: .medium),
            Sample(text: String(repeating: "31415926535897932384626433832795", count: 20), errorCorrection: .low),
            Sample(text: "$%*+-./: 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", errorCorrection: .high),
        ]
        let codes = try expectRead(samples)
        #expect(codes[0].version == 1)
        #expect(codes[2].version == 3, "47 alphanumeric characters fit 3-M, as bytes they would need 4-M")
    }

    // MARK: Reading

    /// Encodes `samples`, renders each as SVG, rasterises the SVG, lets zbarimg read all images in
    /// one run, and expects each text back exactly, with no corrected codewords. Returns the codes.
    @discardableResult
    private func expectRead(_ samples: [Sample], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [QRCode]
    {
        try withTemporaryDirectory { directory in
            var codes: [QRCode] = []
            var images: [String] = []
            for (index, sample) in samples.enumerated() {
                let code = try QRCode(
                    segment: sample.segment, errorCorrection: sample.errorCorrection,
                    minimumVersion: sample.minimumVersion, mask: sample.mask)
                let raster = try #require(SVGRaster(svg: code.svg(label: "Probe")), sourceLocation: sourceLocation)
                let image = directory.file(String(format: "code-%03d.pgm", index))
                try raster.pgm(pixelsPerModule: 3).write(to: URL(fileURLWithPath: image))
                codes.append(code)
                images.append(image)
            }
            let reading = try Zbar.read(images, scratchDirectory: directory.path)
            let expected = samples.flatMap { $0.data + [UInt8(ascii: "\n")] }
            #expect(reading.status == 0, "zbarimg found no code in some image", sourceLocation: sourceLocation)
            #expect(reading.output == expected, sourceLocation: sourceLocation)
            #expect(
                reading.corrections.contains(0) && reading.corrections.allSatisfy { $0 <= 0 },
                "codewords zbar had to correct: \(reading.corrections.filter { $0 > 0 })",
                sourceLocation: sourceLocation)
            if reading.output != expected {
                // Read each image alone to name the ones that failed.
                for (index, image) in images.enumerated() {
                    let alone = try Zbar.read([image], scratchDirectory: directory.path)
                    let sample = samples[index]
                    if alone.output != sample.data + [UInt8(ascii: "\n")] {
                        Issue.record(
                            """
                            sample \(index) (version \(codes[index].version), \(sample.errorCorrection), \
                            mask \(codes[index].mask)) read as \(alone.output), expected \(sample.data)
                            """,
                            sourceLocation: sourceLocation)
                    }
                }
            }
            return codes
        }
    }

    // MARK: Random texts

    private static let words = [
        "Bürgerbüro", "Straße", "Öffnungszeiten", "Grüße", "Wartemarke", "Ausweis", "für", "Änderung", "Gebühr",
        "12,50 €", "–", "„Termin“", "Übergabe", "Schalter", "Meldebescheinigung", "ß", "Ä", "ö", "ü", "Café",
        "Zulassungsstelle", "Führungszeugnis", "Nr.", "09:30", "Kiel", "Lübeck", "Flensburg", "Ærø", "Å",
    ]

    /// A text of 1 to `maximumBytes` UTF-8 bytes (a URL at least 27) of one of six kinds: German words with umlauts, printable
    /// ASCII, a lower-case URL (byte mode), an upper-case URL (alphanumeric mode), digits (numeric
    /// mode), or scalars from Latin-1, Greek, Cyrillic, CJK and emoji.
    static func randomText(maximumBytes: Int = 300, using random: inout SeededGenerator) -> String {
        let limit = Int.random(in: 1...maximumBytes, using: &random)
        var text = ""
        func fits(_ piece: String) -> Bool { text.utf8.count + piece.utf8.count <= limit }
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            while let word = words.randomElement(using: &random), fits(text.isEmpty ? word : " " + word) {
                text += text.isEmpty ? word : " " + word
            }
            if text.isEmpty {
                text = "a"
            }
        case 1:
            text = randomASCII(count: limit, using: &random)
        case 2:
            text = "https://rathaus.example/t/"
            let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
            while text.utf8.count < max(limit, 27) {
                text.append(characters.randomElement(using: &random) ?? "a")
            }
        case 3:
            text = "HTTPS://RATHAUS.EXAMPLE/T/"
            let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
            while text.utf8.count < max(limit, 27) {
                text.append(characters.randomElement(using: &random) ?? "A")
            }
        case 4:
            text = String((0..<limit).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        default:
            let ranges: [ClosedRange<UInt32>] = [
                0xA0...0xFF, 0x391...0x3C9, 0x410...0x44F, 0x4E00...0x4FFF, 0x1F600...0x1F64F,
            ]
            while true {
                let range = ranges.randomElement(using: &random) ?? ranges[0]
                guard let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)),
                    fits(String(Character(scalar)))
                else { break }
                text.unicodeScalars.append(scalar)
            }
            if text.isEmpty {
                text = "ü"
            }
        }
        return text
    }

    /// `count` printable ASCII characters (space to tilde).
    static func randomASCII(count: Int, using random: inout SeededGenerator) -> String {
        String(decoding: (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }, as: UTF8.self)
    }
}
