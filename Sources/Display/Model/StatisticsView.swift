/// What the statistics page shows, as plain values (`App` turns the figures into it): charts, each
/// with its table, and further tables.
package struct StatisticsView: Sendable, Equatable {
    /// `Bürgerbüro im Rathaus, 1.–30. November 2026`.
    package var heading: String
    /// Key figures shown large above the charts: label and value text.
    package var keyFigures: [(label: String, value: String)]
    package var charts: [BarChart]
    package var tables: [DataTable]

    package init(
        heading: String, keyFigures: [(label: String, value: String)], charts: [BarChart], tables: [DataTable]
    ) {
        self.heading = heading
        self.keyFigures = keyFigures
        self.charts = charts
        self.tables = tables
    }

    package static func == (lhs: StatisticsView, rhs: StatisticsView) -> Bool {
        lhs.heading == rhs.heading && lhs.keyFigures.map(\.label) == rhs.keyFigures.map(\.label)
            && lhs.keyFigures.map(\.value) == rhs.keyFigures.map(\.value) && lhs.charts == rhs.charts
            && lhs.tables == rhs.tables
    }
}

/// A bar chart with one to three series over the same categories, drawn as SVG; its data table
/// is its text alternative.
package struct BarChart: Sendable, Equatable {
    /// Used for element ids (`wait-by-hour`).
    package var id: String
    package var title: String
    /// One sentence on what the bars show, read before the table.
    package var summary: String
    /// The unit of the values (`Min.`, `%`, `Std.`), for the axis and the table's header.
    package var unit: String
    /// The category of each group of bars (`8 Uhr`, `Mo`).
    package var categories: [String]
    package var series: [Series]

    package struct Series: Sendable, Equatable {
        package var name: String
        /// One value per category; nil where there is nothing to show.
        package var values: [Double?]
        /// The values as the table shows them (`12,5`).
        package var texts: [String]

        package init(name: String, values: [Double?], texts: [String]) {
            self.name = name
            self.values = values
            self.texts = texts
        }
    }

    package init(id: String, title: String, summary: String, unit: String, categories: [String], series: [Series]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.unit = unit
        self.categories = categories
        self.series = series
    }
}

/// A table of figures: a caption, column headers and rows whose first cell heads the row.
package struct DataTable: Sendable, Equatable {
    package var id: String
    package var caption: String
    package var columns: [String]
    package var rows: [[String]]
    /// Rows to mark (a service that ran over its planned time), by index, with the reason read out.
    package var marked: [Int: String]

    package init(id: String, caption: String, columns: [String], rows: [[String]], marked: [Int: String] = [:]) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.marked = marked
    }
}
