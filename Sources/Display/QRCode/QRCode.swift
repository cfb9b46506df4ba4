/// A QR code symbol (ISO/IEC 18004:2015, QR Code model 2) as a square matrix of modules, ready to
/// be drawn (``svg(label:moduleSize:quietZone:)``): made for a ticket's link, so a citizen can
/// follow their place in line on the phone.
///
/// The text is encoded in one segment, in the most compact of three modes that can hold all of it:
/// numeric (only digits), alphanumeric (digits, upper-case letters, space and `$%*+-./:`, so an
/// upper-case ticket URL takes 5.5 bits a character) or byte (its UTF-8 bytes, without an ECI
/// header, as most encoders write them and phone readers take them). The version is the smallest
/// from `minimumVersion` up that holds the data at the chosen error correction level; of the eight
/// data masks the one with the lowest penalty by the standard's four rules (§7.8.3) is used, the
/// first of equals. Encoding is deterministic: the same input always gives the same symbol.
package struct QRCode: Equatable, Sendable {
    /// The symbol's version, 1 to 40: version v is 17 + 4v modules wide.
    package let version: Int
    /// The error correction level the symbol was encoded with.
    package let errorCorrection: ErrorCorrection
    /// The data mask pattern (0 to 7, the standard's reference numbering) the encoder chose.
    package let mask: Int
    /// The number of modules along one side (21 for version 1, 177 for version 40), without the
    /// quiet zone.
    package let size: Int
    /// Row-major, `true` is dark.
    private let modules: [Bool]

    /// Encodes `text` in the most compact single mode that holds it (see the type's description).
    ///
    /// - Throws: ``QRCodeError/versionOutOfRange(_:)`` when `minimumVersion` is not 1 to 40;
    ///   ``QRCodeError/tooLong(bitCount:maximumBitCount:)`` when the text does not fit in version
    ///   40 at `errorCorrection`.
    package init(
        text: String, errorCorrection: ErrorCorrection = .medium, minimumVersion: Int = 1
    ) throws(QRCodeError) {
        try self.init(segment: Segment(text: text), errorCorrection: errorCorrection, minimumVersion: minimumVersion)
    }

    /// Encodes `bytes` in byte mode, as they are.
    ///
    /// - Throws: as ``init(text:errorCorrection:minimumVersion:)``.
    package init(
        bytes: [UInt8], errorCorrection: ErrorCorrection = .medium, minimumVersion: Int = 1
    ) throws(QRCodeError) {
        try self.init(segment: Segment(bytes: bytes), errorCorrection: errorCorrection, minimumVersion: minimumVersion)
    }

    /// Encodes `segment`; `mask` (0 to 7) forces a mask pattern instead of the one with the
    /// lowest penalty (tests use it to have a reader check every pattern).
    init(
        segment: Segment, errorCorrection: ErrorCorrection, minimumVersion: Int, mask forcedMask: Int? = nil
    ) throws(QRCodeError) {
        guard (1...40).contains(minimumVersion) else {
            throw .versionOutOfRange(minimumVersion)
        }
        guard
            let version = (minimumVersion...40).first(where: { version in
                segment.fits(version: version, errorCorrection: errorCorrection)
            })
        else {
            let capacity = BlockLayout(version: 40, errorCorrection: errorCorrection).dataCodewordCount * 8
            throw .tooLong(bitCount: segment.bitCount(version: 40), maximumBitCount: capacity)
        }
        let layout = BlockLayout(version: version, errorCorrection: errorCorrection)
        let data = segment.dataCodewords(version: version, errorCorrection: errorCorrection)
        var grid = ModuleGrid(version: version)
        grid.placeCodewords(layout.interleavedCodewords(data: data))
        let (mask, masked) =
            if let forcedMask {
                (forcedMask, grid.masked(forcedMask, errorCorrection: errorCorrection))
            } else {
                grid.bestMask(errorCorrection: errorCorrection)
            }
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = mask
        self.size = masked.size
        self.modules = masked.dark
    }

    /// Whether the module in column `x`, row `y` (from the top left, 0-based) is dark; a position
    /// outside the symbol is light, as its quiet zone is.
    package func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
