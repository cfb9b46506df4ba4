/// A hold as the contact and review steps show it: the time kept, until when, and how often it may
/// still be extended.
package struct HoldSummary: Equatable, Sendable {
    package var id: String
    package var date: CalendarDate
    /// The start and end, `08:00` and `08:40`.
    package var start: TimeOption
    package var end: String
    /// Seconds until the hold runs out, by the server's clock (the page counts down from this, so
    /// a device whose clock is wrong still shows the right time left).
    package var remainingSeconds: Int
    /// When it runs out, `09:52`, in the office's time.
    package var expiresAt: String
    package var extensions: Int
    package var maxExtensions: Int
    /// How many minutes one extension adds.
    package var holdMinutes: Int

    package init(
        id: String, date: CalendarDate, start: TimeOption, end: String, remainingSeconds: Int, expiresAt: String,
        extensions: Int, maxExtensions: Int, holdMinutes: Int
    ) {
        self.id = id
        self.date = date
        self.start = start
        self.end = end
        self.remainingSeconds = remainingSeconds
        self.expiresAt = expiresAt
        self.extensions = extensions
        self.maxExtensions = maxExtensions
        self.holdMinutes = holdMinutes
    }

    package var extensionsLeft: Int { max(0, maxExtensions - extensions) }
}
