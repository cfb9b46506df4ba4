/// A booking id as an office keeps it in memory: 16 bytes and a form byte, inline, where the
/// id as a string (about 40 bytes) would take a heap allocation of its own.
///
/// Ids made by the office writers are the office's id, a dot and 22 characters for 16 bytes:
/// base64url (RFC 4648 §5), or, since ids sort by the moment they were made, the same letters
/// put in ASCII order (`Secrets.base64URL(_:sortable:)`); the forms `base64URL` and `sortable`
/// keep those 16 bytes. Other ASCII ids keep their bytes when there are at most 16 of them after
/// the office's prefix (`prefixed`) or in all (`plain`, such as the tests' "b1"). Anything else is
/// `long`, and its string is kept by the owner. Only ASCII ids are made compact: two ASCII
/// strings are equal exactly when their bytes are, so comparing compact ids compares the ids.
struct CompactBookingID: Hashable, Sendable {
    enum Form: UInt8 {
        case base64URL
        case sortable
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
            // The two alphabets end canonical text in different letters: at most one fits.
            if suffix.count == 22, let (high, low) = Self.decode(suffix, sortable: true) {
                self.init(form: .sortable, high: high, low: low)
                return
            }
            if suffix.count == 22, let (high, low) = Self.decode(suffix, sortable: false) {
                self.init(form: .base64URL, high: high, low: low)
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
        case .base64URL, .sortable: count = prefix.count + 22
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
            if form == .base64URL || form == .sortable {
                for position in 0..<22 {
                    let value = Self.sextet(position, high: high, low: low)
                    buffer[index] = Self.character(value, sortable: form == .sortable)
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

    /// The 16 bytes of 22 characters of base64url or of its sortable alphabet, as two big-endian
    /// words; nil when a character is not in the alphabet or the last one carries bits beyond the
    /// 128 (which would not encode back to the same text).
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, sortable: Bool) -> (UInt64, UInt64)? {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for position in 0..<21 {
            guard let value = value(text[position], sortable: sortable) else { return nil }
            high = high << 6 | low >> 58
            low = low << 6 | UInt64(value)
        }
        guard let last = value(text[21], sortable: sortable), last & 0x0F == 0 else { return nil }
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

    /// The value of a letter in base64url (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`) or in its sortable
    /// alphabet (the same letters in ASCII order: `-`, `0`–`9`, `A`–`Z`, `_`, `a`–`z`).
    private static func value(_ byte: UInt8, sortable: Bool) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A") + (sortable ? 11 : 0)
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + (sortable ? 38 : 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + (sortable ? 1 : 52)
        case UInt8(ascii: "-"): sortable ? 0 : 62
        case UInt8(ascii: "_"): sortable ? 37 : 63
        default: nil
        }
    }

    private static func character(_ value: UInt8, sortable: Bool) -> UInt8 {
        if sortable {
            switch value {
            case 0: UInt8(ascii: "-")
            case 1..<11: UInt8(ascii: "0") + value - 1
            case 11..<37: UInt8(ascii: "A") + value - 11
            case 37: UInt8(ascii: "_")
            default: UInt8(ascii: "a") + value - 38
            }
        } else {
            switch value {
            case 0..<26: UInt8(ascii: "A") + value
            case 26..<52: UInt8(ascii: "a") + value - 26
            case 52..<62: UInt8(ascii: "0") + value - 52
            case 62: UInt8(ascii: "-")
            default: UInt8(ascii: "_")
            }
        }
    }
}
