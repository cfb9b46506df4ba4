package import Scheduling

/// A clock for tests: it stands still until a test moves it.
package struct ManualClock: Sendable {
    package var now: Instant

    package init(_ now: Instant) {
        self.now = now
    }

    /// A clock at a local wall-clock time in `zone`, e.g. `ManualClock("2026-12-01T09:00", in: berlin)`.
    package init?(local text: String, in zone: OfficeTimeZone) {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = LocalDate(iso: parts[0]), let time = LocalTime(hhmm: parts[1]) else {
            return nil
        }
        let frame = zone.frame(of: date)
        self.now = frame.instant(elapsed: frame.elapsed(wall: time))
    }

    package mutating func advance(minutes: Int) {
        now = now.adding(minutes: minutes)
    }
}
