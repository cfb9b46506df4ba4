/// Header fields of a request or a response: names compare case-insensitively (RFC 9110 §5.1),
/// duplicates are kept in the order they came in (RFC 9110 §5.3).
///
/// Fields are stored as bytes with ranges, so a parsed request costs one copy of its header
/// section and no string per field; strings are made only when a value is read.
package struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    struct Field: Sendable {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    private(set) var storage: [UInt8]
    private(set) var fields: [Field]
    /// Whether `storage` is exactly the fields written as `name: value\r\n`, in order, so the
    /// encoder can copy it in one piece.
    private(set) var isWireFormat: Bool
    /// Whether a field the server writes itself (`Content-Length`, `Transfer-Encoding`,
    /// `Connection`, `Date`) was added; the encoder then leaves those out.
    private(set) var hasServerManagedField: Bool

    /// No fields.
    package init() {
        storage = []
        fields = []
        isWireFormat = true
        hasServerManagedField = false
    }

    /// The fields in order; equal to adding each pair with `add(_:_:)`.
    package init(dictionaryLiteral elements: (String, String)...) {
        self.init()
        for (name, value) in elements {
            add(name, value)
        }
    }

    /// Fields parsed from a request's header section (`storage` holds its bytes).
    init(parsed storage: [UInt8], fields: [Field]) {
        self.storage = storage
        self.fields = fields
        self.isWireFormat = false
        self.hasServerManagedField = false
    }

    /// The number of field lines, duplicates counted.
    package var count: Int { fields.count }

    /// Whether there are no fields.
    package var isEmpty: Bool { fields.isEmpty }

    /// Appends a field. Bytes a field line may not carry (CR, LF, NUL and other controls in the
    /// value; anything but token characters in the name) are replaced, so an application can never
    /// split a response by putting user input into a header.
    package mutating func add(_ name: String, _ value: String) {
        let start = Int32(storage.count)
        append(name, keeping: ByteClass.isToken, replacement: UInt8(ascii: "-"))
        if name.isEmpty { storage.append(UInt8(ascii: "-")) }
        let nameEnd = Int32(storage.count)
        storage.append(UInt8(ascii: ":"))
        storage.append(UInt8(ascii: " "))
        let valueStart = Int32(storage.count)
        append(value, keeping: ByteClass.isFieldValue, replacement: UInt8(ascii: " "))
        let valueEnd = Int32(storage.count)
        storage.append(UInt8(ascii: "\r"))
        storage.append(UInt8(ascii: "\n"))
        let field = Field(nameStart: start, nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd)
        fields.append(field)
        if !hasServerManagedField, isServerManaged(field) {
            hasServerManagedField = true
        }
    }

    /// Appends the bytes of `text`, each one `allowed` refuses as `replacement`; a text that is
    /// allowed throughout (nearly always) in one copy.
    private mutating func append(_ text: String, keeping allowed: (UInt8) -> Bool, replacement: UInt8) {
        var text = text
        text.withUTF8 { bytes in
            if bytes.allSatisfy(allowed) {
                storage.append(contentsOf: bytes)
            } else {
                for byte in bytes { storage.append(allowed(byte) ? byte : replacement) }
            }
        }
    }

    /// Replaces every field called `name` by one with `value`.
    package mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every field called `name`.
    package mutating func remove(_ name: String) {
        let kept = fields.filter { !matches($0, name) }
        if kept.count != fields.count {
            fields = kept
            isWireFormat = false
        }
    }

    /// The first value of the field called `name`, or nil.
    package subscript(name: String) -> String? {
        guard let field = firstField(named: name) else { return nil }
        return value(of: field)
    }

    /// Every value of the field called `name`, in order.
    package func values(for name: String) -> [String] {
        fields.filter { matches($0, name) }.map(value(of:))
    }

    /// Whether a field called `name` is present.
    package func contains(_ name: String) -> Bool {
        firstField(named: name) != nil
    }

    /// Whether the first field called `name` has a value beginning with `prefix`, compared
    /// without regard to ASCII case (`Content-Type` and `text/html`); no string is made.
    package func value(of name: String, hasPrefix prefix: String) -> Bool {
        guard let field = firstField(named: name) else { return false }
        let length = Int(field.valueEnd - field.valueStart)
        guard length >= prefix.utf8.count else { return false }
        return storage.withUnsafeBufferPointer { buffer in
            var index = Int(field.valueStart)
            for byte in prefix.utf8 {
                guard ByteClass.lowercased(buffer[index]) == ByteClass.lowercased(byte) else { return false }
                index += 1
            }
            return true
        }
    }

    /// The fields as name and value, in order.
    package func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
        var index = 0
        return AnyIterator<(name: String, value: String)> {
            guard index < fields.count else { return nil }
            defer { index += 1 }
            let field = fields[index]
            return (name(of: field), value(of: field))
        }
    }

    /// One `name: value` line per field.
    package var description: String {
        map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    // MARK: - Bytes

    func name(of field: Field) -> String {
        string(Int(field.nameStart)..<Int(field.nameEnd))
    }

    func value(of field: Field) -> String {
        string(Int(field.valueStart)..<Int(field.valueEnd))
    }

    private func string(_ range: Range<Int>) -> String {
        storage.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// The first field called `name`: one pass over the fields with the name's bytes at hand,
    /// comparing only those of the same length (headers are read several times per request).
    private func firstField(named name: String) -> Field? {
        var name = name
        return name.withUTF8 { name in
            storage.withUnsafeBufferPointer { buffer in
                fields.first { Self.isNamed($0, name, in: buffer) }
            }
        }
    }

    func matches(_ field: Field, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { name in
            storage.withUnsafeBufferPointer { Self.isNamed(field, name, in: $0) }
        }
    }

    /// Whether `field`'s name in `storage` is `name`, compared without regard to ASCII case.
    private static func isNamed(
        _ field: Field, _ name: UnsafeBufferPointer<UInt8>, in storage: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard Int(field.nameEnd - field.nameStart) == name.count else { return false }
        var index = Int(field.nameStart)
        for byte in name {
            guard ByteClass.lowercased(storage[index]) == ByteClass.lowercased(byte) else { return false }
            index += 1
        }
        return true
    }

    /// Whether the field is one the server writes itself on responses.
    func isServerManaged(_ field: Field) -> Bool {
        switch field.nameEnd - field.nameStart {
        case 4: matches(field, "date")
        case 10: matches(field, "connection")
        case 14: matches(field, "content-length")
        case 17: matches(field, "transfer-encoding")
        default: false
        }
    }

    /// Appends the fields as `name: value\r\n` lines, leaving out server-managed ones when
    /// `skippingServerManaged`.
    func write(into output: inout [UInt8], skippingServerManaged: Bool) {
        if isWireFormat && !(skippingServerManaged && hasServerManagedField) {
            output.append(contentsOf: storage)
            return
        }
        storage.withUnsafeBufferPointer { buffer in
            for field in fields where !(skippingServerManaged && isServerManaged(field)) {
                output.append(
                    contentsOf: UnsafeBufferPointer(rebasing: buffer[Int(field.nameStart)..<Int(field.nameEnd)]))
                output.append(UInt8(ascii: ":"))
                output.append(UInt8(ascii: " "))
                output.append(
                    contentsOf: UnsafeBufferPointer(rebasing: buffer[Int(field.valueStart)..<Int(field.valueEnd)]))
                output.append(UInt8(ascii: "\r"))
                output.append(UInt8(ascii: "\n"))
            }
        }
    }
}
