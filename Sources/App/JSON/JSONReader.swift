import Scheduling

/// A problem with a JSON document's content, at a path such as `offices[1].counters[3].skills[0]`.
package struct JSONPathError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Reads a JSON value at a known path, with errors that name the path and say what was expected.
package struct JSONReader: Sendable {
    package let value: JSONValue
    package let path: String

    package init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    package func fail(_ message: String) -> JSONPathError {
        JSONPathError(path: path, message: message)
    }

    private func expected(_ what: String) -> JSONPathError {
        fail("expected \(what), got \(value.kind)")
    }

    package func object() throws(JSONPathError) -> JSONObjectReader {
        guard case .object(let members) = value else { throw expected("an object") }
        return JSONObjectReader(members: members, path: path)
    }

    package func array() throws(JSONPathError) -> [JSONReader] {
        guard case .array(let items) = value else { throw expected("an array") }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    package func string() throws(JSONPathError) -> String {
        guard case .string(let text) = value else { throw expected("a string") }
        return text
    }

    /// A string that is not empty after trimming, at most `maxLength` characters.
    package func text(maxLength: Int = 500) throws(JSONPathError) -> String {
        let text = try string().trimmingWhitespace
        guard !text.isEmpty else { throw fail("must not be empty") }
        guard text.count <= maxLength else { throw fail("longer than \(maxLength) characters") }
        return text
    }

    package func bool() throws(JSONPathError) -> Bool {
        guard case .bool(let flag) = value else { throw expected("true or false") }
        return flag
    }

    /// A whole number within `range`.
    package func int(in range: ClosedRange<Int> = Int.min...Int.max) throws(JSONPathError) -> Int {
        guard case .number(let text) = value else { throw expected("a whole number") }
        guard let number = Int(text) else { throw fail("expected a whole number, got \(text)") }
        guard range.contains(number) else {
            throw fail("must be from \(range.lowerBound) to \(range.upperBound), got \(number)")
        }
        return number
    }

    package var isNull: Bool { value == .null }
}

/// Reads the members of a JSON object; `finish()` refuses members nobody asked for, so that a
/// misspelt field is an error rather than silently ignored.
package struct JSONObjectReader: Sendable {
    let members: [(key: String, value: JSONValue)]
    package let path: String
    /// For each member, whether its key was asked for (present or not, null or not).
    private var asked: [Bool]

    init(members: [(key: String, value: JSONValue)], path: String) {
        self.members = members
        self.path = path
        asked = Array(repeating: false, count: members.count)
    }

    private func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The member, or nil when it is absent or null.
    package mutating func optional(_ key: String) -> JSONReader? {
        var found: JSONValue?
        for index in members.indices where members[index].key == key {
            asked[index] = true
            if found == nil { found = members[index].value }
        }
        guard let value = found, value != .null else { return nil }
        return JSONReader(value, path: childPath(key))
    }

    /// The member; a missing one is an error.
    package mutating func required(_ key: String) throws(JSONPathError) -> JSONReader {
        guard let reader = optional(key) else { throw JSONPathError(path: childPath(key), message: "is required") }
        return reader
    }

    package func has(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// The members' keys, in order.
    package var keys: [String] { members.map(\.key) }

    /// Fails on the first member that was not read.
    package func finish() throws(JSONPathError) {
        if let unknown = asked.firstIndex(of: false) {
            throw JSONPathError(path: childPath(members[unknown].key), message: "unknown field")
        }
    }

    package var error: (String) -> JSONPathError {
        { [path] message in JSONPathError(path: path, message: message) }
    }
}
