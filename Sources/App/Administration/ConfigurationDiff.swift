/// What changed between two configuration documents, field by field, for the preview of a
/// change and the history: objects compared member by member, lists of things with an `id` (offices,
/// counters, services) matched by it, other lists (rules, closures) by their items' contents.
package enum ConfigurationDiff {
    /// One change.
    package struct Change: Equatable, Sendable {
        package enum Kind: String, Sendable {
            case added
            case removed
            case changed
        }

        /// Where (`offices[rathaus].closures`).
        package var path: String
        package var kind: Kind
        /// The value before (compact JSON, shortened), for `changed` and `removed`.
        package var before: String?
        /// The value after, for `changed` and `added`.
        package var after: String?
        /// The values themselves, for wording them (the console's German lines).
        package var beforeValue: JSONValue?
        package var afterValue: JSONValue?

        package init(
            path: String, kind: Kind, before: String? = nil, after: String? = nil, beforeValue: JSONValue? = nil,
            afterValue: JSONValue? = nil
        ) {
            self.path = path
            self.kind = kind
            self.before = before
            self.after = after
            self.beforeValue = beforeValue
            self.afterValue = afterValue
        }

        /// The change in one line.
        package var line: String {
            switch kind {
            case .added: "\(path): added \(after ?? "")"
            case .removed: "\(path): removed \(before ?? "")"
            case .changed: "\(path): \(before ?? "") → \(after ?? "")"
            }
        }
    }

    /// The longest value text a change shows.
    static let maxValueLength = 160

    /// The changes from `old` to `new`.
    package static func changes(from old: JSONValue, to new: JSONValue) -> [Change] {
        var changes: [Change] = []
        compare(old, new, path: "", into: &changes)
        return changes
    }

    /// The changes in a few lines for the history (at most `limit`, then how many more).
    package static func summary(from old: JSONValue, to new: JSONValue, limit: Int = 12) -> String {
        let changes = changes(from: old, to: new)
        guard !changes.isEmpty else { return "no change" }
        var lines = changes.prefix(limit).map(\.line)
        if changes.count > limit { lines.append("… and \(changes.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    private static func compare(_ old: JSONValue, _ new: JSONValue, path: String, into changes: inout [Change]) {
        guard old != new else { return }
        switch (old, new) {
        case (.object(let before), .object(let after)):
            for member in before {
                let child = path.isEmpty ? member.key : path + "." + member.key
                if let value = after.first(where: { $0.key == member.key })?.value {
                    compare(member.value, value, path: child, into: &changes)
                } else {
                    changes.append(
                        Change(path: child, kind: .removed, before: short(member.value), beforeValue: member.value))
                }
            }
            for member in after where !before.contains(where: { $0.key == member.key }) {
                let child = path.isEmpty ? member.key : path + "." + member.key
                changes.append(Change(path: child, kind: .added, after: short(member.value), afterValue: member.value))
            }
        case (.array(let before), .array(let after)) where isIdentified(before) && isIdentified(after):
            for item in before {
                let id = item["id"]?.stringValue ?? ""
                if let match = after.first(where: { $0["id"]?.stringValue == id }) {
                    compare(item, match, path: "\(path)[\(id)]", into: &changes)
                } else {
                    changes.append(
                        Change(path: "\(path)[\(id)]", kind: .removed, before: short(item), beforeValue: item))
                }
            }
            for item in after where !before.contains(where: { $0["id"]?.stringValue == item["id"]?.stringValue }) {
                changes.append(
                    Change(
                        path: "\(path)[\(item["id"]?.stringValue ?? "")]", kind: .added, after: short(item),
                        afterValue: item))
            }
        case (.array(let before), .array(let after)):
            var remaining = after
            for item in before {
                if let index = remaining.firstIndex(of: item) {
                    remaining.remove(at: index)
                } else {
                    changes.append(Change(path: path, kind: .removed, before: short(item), beforeValue: item))
                }
            }
            var unmatched = before
            for item in after {
                if let index = unmatched.firstIndex(of: item) {
                    unmatched.remove(at: index)
                } else {
                    changes.append(Change(path: path, kind: .added, after: short(item), afterValue: item))
                }
            }
        default:
            changes.append(
                Change(
                    path: path, kind: .changed, before: short(old), after: short(new), beforeValue: old, afterValue: new
                ))
        }
    }

    /// Whether every item is an object with a string `id`.
    private static func isIdentified(_ items: [JSONValue]) -> Bool {
        !items.isEmpty && items.allSatisfy { $0["id"]?.stringValue != nil }
    }

    private static func short(_ value: JSONValue) -> String {
        let text = value.text(pretty: false)
        guard text.count > maxValueLength else { return text }
        return String(text.prefix(maxValueLength - 1)) + "…"
    }
}
