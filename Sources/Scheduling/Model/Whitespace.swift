extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing white space (Unicode's White_Space: spaces, tabs,
    /// line breaks, no-break spaces, …).
    package var trimmingWhitespace: String {
        // Nearly every field begins and ends with an ASCII letter or digit: nothing to do.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last)
        {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
