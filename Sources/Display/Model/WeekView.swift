/// A week of an office as its configuration opens it, for the console's week view: a table with
/// a row per counter and a column per day; each cell lists the times and to whom they are open,
/// and the closures of that day.
package struct WeekView: Equatable, Sendable {
    /// One interval of a cell.
    package struct Interval: Equatable, Sendable {
        /// "08:00–12:30".
        package var time: String
        /// `online`, `hotline`, `counter` or `walkIn`.
        package var openTo: String

        package init(time: String, openTo: String) {
            self.time = time
            self.openTo = openTo
        }
    }

    /// One counter on one day.
    package struct Cell: Equatable, Sendable {
        package var intervals: [Interval]
        package var closures: [String]
        /// Whether the change being previewed changes it.
        package var changed: Bool

        package init(intervals: [Interval], closures: [String], changed: Bool = false) {
            self.intervals = intervals
            self.closures = closures
            self.changed = changed
        }
    }

    /// One counter's row.
    package struct Row: Equatable, Sendable {
        package var counter: String
        /// One cell per day.
        package var cells: [Cell]

        package init(counter: String, cells: [Cell]) {
            self.counter = counter
            self.cells = cells
        }
    }

    /// "Woche vom 07.12.2026 bis 13.12.2026".
    package var caption: String
    /// The days' column headings ("Mo 07.12.").
    package var days: [String]
    /// The days as `YYYY-MM-DD`.
    package var dates: [String]
    package var rows: [Row]
    /// The first day of the week before and after, for the navigation.
    package var previous: String
    package var next: String

    package init(caption: String, days: [String], dates: [String], rows: [Row], previous: String, next: String) {
        self.caption = caption
        self.days = days
        self.dates = dates
        self.rows = rows
        self.previous = previous
        self.next = next
    }
}
