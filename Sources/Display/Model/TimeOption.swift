/// One offered start time: what the form sends and what the page shows.
package struct TimeOption: Equatable, Sendable {
    /// The start as RFC 3339 with the office's offset (`2026-12-08T08:00:00+01:00`).
    package var value: String
    /// The wall-clock time, `08:00`.
    package var label: String

    package init(value: String, label: String) {
        self.value = value
        self.label = label
    }

    /// Whether the time is before noon (the times are grouped into morning and afternoon).
    var isMorning: Bool { label < "12:00" }
}
