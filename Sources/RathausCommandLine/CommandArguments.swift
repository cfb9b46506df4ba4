/// The arguments of one subcommand: `--name value` options, `--flag` switches and positionals,
/// taken one by one so that anything left over is reported as a usage error.
package struct CommandArguments {
    private var items: [String]

    /// The arguments after the subcommand's name, as given.
    package init(_ items: [String]) {
        self.items = items
    }

    /// The value of `--name VALUE` or `--name=VALUE`, removed from the list; nil when absent.
    /// Given twice, it is a usage error (unless `once` is false).
    package mutating func option(_ name: String, once: Bool = true) throws(UsageError) -> String? {
        let flag = "--" + name
        var value: String?
        for (index, item) in items.enumerated() {
            if item == flag {
                guard index + 1 < items.count, !items[index + 1].hasPrefix("--") else {
                    throw UsageError("\(flag) needs a value")
                }
                value = items[index + 1]
                items.removeSubrange(index...index + 1)
                break
            }
            if item.hasPrefix(flag + "=") {
                items.remove(at: index)
                value = String(item.dropFirst(flag.count + 1))
                break
            }
        }
        if once, value != nil, items.contains(where: { $0 == flag || $0.hasPrefix(flag + "=") }) {
            throw UsageError("\(flag) is given twice")
        }
        return value
    }

    /// Every value of an option that may be given more than once, in order, removed from the
    /// list.
    package mutating func repeatedOption(_ name: String) throws(UsageError) -> [String] {
        var values: [String] = []
        while let value = try option(name, once: false) {
            values.append(value)
        }
        return values
    }

    /// An integer option within `range`.
    package mutating func intOption(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Whether `--name` is present; removes it.
    package mutating func flag(_ name: String) throws(UsageError) -> Bool {
        guard let index = items.firstIndex(of: "--" + name) else { return false }
        items.remove(at: index)
        if items.contains("--" + name) {
            throw UsageError("--\(name) is given twice")
        }
        return true
    }

    /// The next positional argument, removed; nil when none is left.
    package mutating func positional() throws(UsageError) -> String? {
        guard let index = items.firstIndex(where: { !$0.hasPrefix("--") || $0 == "-" }) else { return nil }
        return items.remove(at: index)
    }

    /// Fails when anything was not taken by the command.
    package func finish() throws(UsageError) {
        if let extra = items.first {
            throw UsageError(extra.hasPrefix("-") ? "unknown option '\(extra)'" : "unexpected argument '\(extra)'")
        }
    }
}
