/// A booking id as an office keeps it in memory: 16 bytes and a form byte, inline, where the
/// id as a string (about 40 bytes) would take a heap allocation of its own.
///
/// Ids made by the office writers are the office's id, a dot and 22 base64url characters
/// (16 bytes, RFC 4648 §5); the form `usual` keeps those 16 bytes. Other ASCII ids keep their
/// bytes when there are at most 16 of them after the office's prefix (`prefixed`) or in all
/// (`plain`, such as the tests' "b1"). Anything else is `long`, and its string is kept by the
/// owner. Only ASCII ids are made compact: two ASCII strings are equal exactly when their bytes
/// are, so comparing compact ids compares the ids.
struct CompactBookingID: Hashable, Sendable {
    enum Form: UInt8 {
        case usual
        case prefixed
        case plain
        case long
    }

    /// The 16 bytes, or the text's bytes from the most significant byte of `high` on.
    private(set) var high: UInt64 = 0
    private(set) var low: UInt64 = 0
    /// The form in the high three bits, the length of a text form in the low five.
    private var info: UInt8

    /// The most bytes a text form keeps.
    static let maxTextBytes = 16

    /// The compact form of `id` in an office whose ids begin with `prefix` (the office's id and a
    /// dot, as UTF-8).
    init(_ id: String, prefix: [UInt8]) {
        var id = id
        self = prefix.withUnsafeBufferPointer { prefix in
            id.withUTF8 { CompactBookingID(bytes: $0, prefix: prefix) }
        }
    }

    private init(form: Form, high: UInt64 = 0, low: UInt64 = 0, length: Int = 0) {
        self.high = high
        self.low = low
        self.info = form.rawValue << 5 | UInt8(length)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, prefix: UnsafeBufferPointer<UInt8>) {
        guard !bytes.contains(where: { $0 >= 0x80 }) else {
            self.init(form: .long)
            return
        }
        if bytes.count > prefix.count, bytes.starts(with: prefix) {
            let suffix = UnsafeBufferPointer(rebasing: bytes[prefix.count...])
            if suffix.count == 22, let (high, low) = Self.decodeBase64URL(suffix) {
                self.init(form: .usual, high: high, low: low)
                return
            }
            if suffix.count <= Self.maxTextBytes {
                let (high, low) = Self.pack(suffix)
                self.init(form: .prefixed, high: high, low: low, length: suffix.count)
                return
            }
        }
        if bytes.count <= Self.maxTextBytes {
            let (high, low) = Self.pack(bytes)
            self.init(form: .plain, high: high, low: low, length: bytes.count)
            return
        }
        self.init(form: .long)
    }

    var form: Form { Form(rawValue: info >> 5) ?? .long }

    private var length: Int { Int(info & 0x1F) }

    /// The id as text, nil for the `long` form (whose text the owner keeps).
    func text(prefix: [UInt8]) -> String? {
        let form = form
        let count: Int
        switch form {
        case .usual: count = prefix.count + 22
        case .prefixed: count = prefix.count + length
        case .plain: count = length
        case .long: return nil
        }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            if form != .plain {
                for byte in prefix {
                    buffer[index] = byte
                    index += 1
                }
            }
            if form == .usual {
                for position in 0..<22 {
                    buffer[index] = Self.base64Character(Self.sextet(position, high: high, low: low))
                    index += 1
                }
            } else {
                for position in 0..<length {
                    let word = position < 8 ? high : low
                    buffer[index] = UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (position % 8)))
                    index += 1
                }
            }
            return index
        }
    }

    // MARK: Bytes

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (position, byte) in bytes.enumerated() {
            if position < 8 {
                high |= UInt64(byte) << UInt64(56 - 8 * position)
            } else {
                low |= UInt64(byte) << UInt64(56 - 8 * (position - 8))
            }
        }
        return (high, low)
    }

    /// The 16 bytes of 22 base64url characters, as two big-endian words; nil when a character is
    /// not in the alphabet or the last one carries bits beyond the 128 (which would not encode
    /// back to the same text).
    private static func decodeBase64URL(_ text: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for position in 0..<21 {
            guard let value = base64Value(text[position]) else { return nil }
            high = high << 6 | low >> 58
            low = low << 6 | UInt64(value)
        }
        guard let last = base64Value(text[21]), last & 0x0F == 0 else { return nil }
        high = high << 2 | low >> 62
        low = low << 2 | UInt64(last >> 4)
        return (high, low)
    }

    /// The `position`th six bits of the 128 bits followed by four zero bits.
    private static func sextet(_ position: Int, high: UInt64, low: UInt64) -> UInt8 {
        let shift = 122 - 6 * position  // of the lowest bit of the sextet, in the 128 bits
        let value: UInt64
        if shift < 0 {
            value = low << UInt64(-shift)
        } else if shift >= 64 {
            value = high >> UInt64(shift - 64)
        } else if shift > 58 {
            value = high << UInt64(64 - shift) | low >> UInt64(shift)
        } else {
            value = low >> UInt64(shift)
        }
        return UInt8(truncatingIfNeeded: value & 0x3F)
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }

    private static func base64Character(_ value: UInt8) -> UInt8 {
        switch value {
        case 0..<26: UInt8(ascii: "A") + value
        case 26..<52: UInt8(ascii: "a") + value - 26
        case 52..<62: UInt8(ascii: "0") + value - 52
        case 62: UInt8(ascii: "-")
        default: UInt8(ascii: "_")
        }
    }
}
