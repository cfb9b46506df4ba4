/// One content line after unfolding (RFC 5545 §3.1): `NAME;PARAM=value:value`.
///
/// The value is kept as written (TEXT escapes still in place, §3.3.11), because how to read it
/// depends on the property's value type; `text` unescapes it.
package struct ContentLine: Hashable, Sendable {
    /// The property name, upper-cased (names are case-insensitive, §3.1).
    package var name: String
    /// The parameters in the order written.
    package var parameters: [ICalendarParameter]
    /// The value as written, after unfolding.
    package var value: String
    /// The 1-based line of the input where this content line starts; 0 for lines built in code.
    package var line: Int

    /// A content line; `name` is upper-cased, `value` is taken as written (escape TEXT first).
    package init(name: String, parameters: [ICalendarParameter] = [], value: String, line: Int = 0) {
        self.name = name.uppercased()
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The first value of parameter `name` (case-insensitive), or nil.
    package func parameter(_ name: String) -> String? {
        let key = name.uppercased()
        return parameters.first { $0.name == key }?.values.first
    }

    /// The value read as TEXT (§3.3.11): `\n`, `\N`, `\,`, `\;` and `\\` unescaped.
    package var text: String { TextEscaping.unescape(value) }
}

/// One property parameter (RFC 5545 §3.2): a name and one or more values.
package struct ICalendarParameter: Hashable, Sendable {
    /// The parameter name, upper-cased.
    package var name: String
    /// The values, unquoted, with RFC 6868 `^` escapes decoded.
    package var values: [String]

    /// A parameter with several values; `name` is upper-cased.
    package init(name: String, values: [String]) {
        self.name = name.uppercased()
        self.values = values
    }

    /// A parameter with one value, e.g. `ICalendarParameter("TZID", "Europe/Berlin")`.
    package init(_ name: String, _ value: String) {
        self.init(name: name, values: [value])
    }
}
