/// A component (RFC 5545 §3.4, §3.6): `BEGIN:NAME`, its properties, nested components, `END:NAME`.
///
/// The reader builds this tree first and then interprets the parts it knows; the writer builds one
/// and serialises it. Unknown components and properties survive in the tree and are ignored by the
/// interpretation.
package struct ICalendarComponent: Hashable, Sendable {
    /// The component name, upper-cased (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `DAYLIGHT`, …).
    package var name: String
    /// The properties in the order written.
    package var properties: [ContentLine]
    /// Nested components in the order written.
    package var components: [ICalendarComponent]
    /// The line of `BEGIN:NAME`; 0 for components built in code.
    package var line: Int

    /// A component; `name` is upper-cased.
    package init(name: String, properties: [ContentLine] = [], components: [ICalendarComponent] = [], line: Int = 0) {
        self.name = name.uppercased()
        self.properties = properties
        self.components = components
        self.line = line
    }

    /// Every property named `name` (upper-case).
    package func properties(_ name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }

    /// The only property named `name`, nil when absent; throws when it appears more than once.
    func single(_ name: String) throws(ICalendarError) -> ContentLine? {
        var found: ContentLine?
        for property in properties where property.name == name {
            guard found == nil else { throw .duplicateProperty(line: property.line, property: name) }
            found = property
        }
        return found
    }

    /// Builds the top-level components (the VCALENDARs) from content lines, checking that every
    /// BEGIN has its END and that nothing stands outside a VCALENDAR (RFC 5545 §3.4, §3.6).
    static func tree(of lines: [ContentLine], limits: ICalendarLimits) throws(ICalendarError) -> [ICalendarComponent] {
        var roots: [ICalendarComponent] = []
        var stack: [ICalendarComponent] = []
        var events = 0
        for line in lines {
            switch line.name {
            case "BEGIN":
                let name = line.value.uppercased()
                guard isValidName(name) else {
                    throw .invalidValue(line: line.line, property: "BEGIN", value: MessageText.excerpt(line.value))
                }
                if stack.isEmpty, name != "VCALENDAR" {
                    throw .notACalendar(line: line.line, found: MessageText.excerpt("BEGIN:" + line.value))
                }
                guard stack.count < limits.maximumNestingDepth else {
                    throw .nestingTooDeep(line: line.line, limit: limits.maximumNestingDepth)
                }
                if name == "VEVENT" {
                    events += 1
                    guard events <= limits.maximumEvents else {
                        throw .tooManyEvents(line: line.line, limit: limits.maximumEvents)
                    }
                }
                stack.append(ICalendarComponent(name: name, line: line.line))
            case "END":
                let name = line.value.uppercased()
                guard let open = stack.popLast() else { throw .unexpectedEnd(line: line.line, name: line.value) }
                guard open.name == name else {
                    // An END for a component further out means the inner one was never closed.
                    if stack.contains(where: { $0.name == name }) {
                        throw .unterminatedComponent(line: open.line, name: open.name)
                    }
                    throw .mismatchedEnd(line: line.line, expected: open.name, found: MessageText.excerpt(line.value))
                }
                if stack.isEmpty {
                    roots.append(open)
                } else {
                    stack[stack.count - 1].components.append(open)
                }
            default:
                guard !stack.isEmpty else { throw .propertyOutsideComponent(line: line.line, name: line.name) }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last { throw .unterminatedComponent(line: open.line, name: open.name) }
        return roots
    }

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
