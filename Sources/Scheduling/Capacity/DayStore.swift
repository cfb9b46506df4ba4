/// The prepared days of an office, in an array indexed by day number: reading a day costs no
/// hashing, which matters on the hot booking path.
package struct DayStore: Sendable {
    private var first = 0
    private var entries: [OfficeDay?] = []

    package init() {}

    package subscript(date: LocalDate) -> OfficeDay? {
        get {
            let index = date.dayNumber - first
            guard index >= 0, index < entries.count else { return nil }
            return entries[index]
        }
        _modify {
            reserve(date)
            yield &entries[date.dayNumber - first]
        }
        set {
            reserve(date)
            entries[date.dayNumber - first] = newValue
        }
    }

    /// Makes room for `date` (growing at either end).
    private mutating func reserve(_ date: LocalDate) {
        if entries.isEmpty {
            first = date.dayNumber
            entries = [nil]
            return
        }
        if date.dayNumber < first {
            entries.insert(contentsOf: repeatElement(nil, count: first - date.dayNumber), at: 0)
            first = date.dayNumber
        } else if date.dayNumber >= first + entries.count {
            entries.append(contentsOf: repeatElement(nil, count: date.dayNumber - first - entries.count + 1))
        }
    }

    /// The dates held, ascending.
    package var dates: [LocalDate] {
        entries.indices.filter { entries[$0] != nil }.map { LocalDate(dayNumber: first + $0) }
    }

    package var count: Int { entries.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Drops every day before `date`.
    package mutating func removeAll(before date: LocalDate) {
        let drop = min(max(0, date.dayNumber - first), entries.count)
        entries.removeFirst(drop)
        first += drop
    }
}
