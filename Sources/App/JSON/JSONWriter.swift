import Scheduling

/// Writes JSON into a byte buffer by hand: fast enough for hot answers (Documentation/Performance.md:
/// JSONEncoder costs 11–15 µs per response) and with a fixed member order, so equal content gives
/// equal bytes (stable ETags).
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    package init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    // MARK: Containers

    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    package mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    package mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    // MARK: Values in arrays

    package mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    package mutating func int(_ value: Int) {
        separate()
        Digits.append(value, 1, into: &bytes)
    }

    /// A string whose bytes `write` appends: for text that needs no escaping (dates, times,
    /// numbers), written without making a string first.
    package mutating func string(writing write: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: Members

    package mutating func string(_ name: String, _ value: String) {
        key(name)
        appendString(value)
        needsComma[needsComma.count - 1] = true
    }

    /// Writes the member only when `value` is not nil.
    package mutating func string(_ name: String, ifPresent value: String?) {
        if let value { string(name, value) }
    }

    package mutating func int(_ name: String, _ value: Int) {
        key(name)
        Digits.append(value, 1, into: &bytes)
        needsComma[needsComma.count - 1] = true
    }

    /// A member whose string value's bytes `write` appends (see `string(writing:)`).
    package mutating func string(_ name: String, writing write: (inout [UInt8]) -> Void) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma[needsComma.count - 1] = true
    }

    package mutating func int(_ name: String, ifPresent value: Int?) {
        if let value { int(name, value) }
    }

    package mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        needsComma[needsComma.count - 1] = true
    }

    package mutating func null(_ name: String) {
        key(name)
        bytes.append(contentsOf: Array("null".utf8))
        needsComma[needsComma.count - 1] = true
    }

    /// Writes already-encoded JSON as an array element.
    package mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes already-encoded JSON as a member's value.
    package mutating func raw(_ name: String, _ json: [UInt8]) {
        key(name)
        bytes.append(contentsOf: json)
        needsComma[needsComma.count - 1] = true
    }

    // MARK: Strings

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `value` as a JSON string, escaping what RFC 8259 §7 requires (and `<`, `>`, `&`
    /// so that the JSON can sit inside HTML safely).
    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        let plain = value.withUTF8 { text in
            // Most strings need no escape: copy them in one go. (The table is read once, not per
            // byte through its global accessor.)
            let needsEscape = JSONWriter.escaped.withUnsafeBufferPointer { escaped in
                text.contains { escaped[Int($0)] }
            }
            guard !needsEscape else { return false }
            bytes.append(contentsOf: text)
            return true
        }
        if !plain { appendEscaped(value) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Which bytes `appendEscaped` writes otherwise than as they are.
    private static let escaped: [Bool] = (0...255).map { byte in
        byte < 0x20
            || [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&")]
                .contains(UInt8(byte))
    }

    private mutating func appendEscaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(JSONWriter.hex[Int(byte >> 4)])
                bytes.append(JSONWriter.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }
}
