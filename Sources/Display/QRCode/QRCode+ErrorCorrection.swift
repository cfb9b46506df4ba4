extension QRCode {
    /// The error correction level: the share of codewords a reader can restore (ISO/IEC 18004:2015
    /// §5.3.8, Table 12): about 7 % at L, 15 % at M, 25 % at Q and 30 % at H. Higher levels make
    /// a larger symbol for the same data.
    package enum ErrorCorrection: CaseIterable, Equatable, Sendable {
        /// L, about 7 % restorable.
        case low
        /// M, about 15 % restorable.
        case medium
        /// Q, about 25 % restorable.
        case quartile
        /// H, about 30 % restorable.
        case high

        /// The two bits that name the level in the format information (§7.9.1, Table 12):
        /// L 01, M 00, Q 11, H 10.
        var formatIndicator: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }

        /// The row of this level in the block tables of ``BlockLayout``.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }
}
