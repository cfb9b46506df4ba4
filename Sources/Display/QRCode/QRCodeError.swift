/// Why a ``QRCode`` could not be made.
package enum QRCodeError: Error, Equatable, Sendable {
    /// The requested minimum version is not between 1 and 40.
    case versionOutOfRange(Int)
    /// The data needs `bitCount` bits in version 40 (mode indicator, character count and data)
    /// but version 40 holds at most `maximumBitCount` at the requested error correction level.
    case tooLong(bitCount: Int, maximumBitCount: Int)
}
