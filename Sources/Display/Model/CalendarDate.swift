/// A day as the pages show it, without a calendar library: the parts of the local date and its
/// weekday (1 Monday … 7 Sunday), worded by ``DateText``.
package struct CalendarDate: Equatable, Sendable {
    package var year: Int
    package var month: Int
    package var day: Int
    /// 1 for Monday … 7 for Sunday (ISO 8601).
    package var weekday: Int

    package init(year: Int, month: Int, day: Int, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
    }

    /// `2026-12-08`, as links and forms carry it.
    package var iso: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
