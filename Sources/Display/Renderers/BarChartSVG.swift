/// Draws a `BarChart` as an inline SVG: grouped bars on a zero-based axis with four gridlines,
/// labelled categories and a legend. The colours come from `statistics.css` by class (series
/// 1 to 3), so the page's Content-Security-Policy needs no inline style. The SVG is a picture
/// (`role="img"` with a title); the table that follows it carries the numbers.
package enum BarChartSVG {
    static let width = 720.0
    static let height = 300.0
    static let left = 56.0
    static let right = 12.0
    static let top = 16.0
    static let bottom = 44.0

    package static func svg(_ chart: BarChart) -> String {
        var out = ""
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let largest = chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let axisMax = niceCeiling(largest)
        let titleID = "\(chart.id)-svg-title"
        out +=
            "<svg class=\"chart\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" "
            + "aria-labelledby=\"\(titleID)\" focusable=\"false\">\n"
        out +=
            "<title id=\"\(titleID)\">\(HTML.escape(chart.title)): Diagramm, die Werte stehen in der Tabelle darunter"
            + "</title>\n"
        for step in 0...4 {
            let value = axisMax * Double(step) / 4
            let y = top + plotHeight - plotHeight * Double(step) / 4
            out +=
                "<line class=\"chart-grid\" x1=\"\(format(left))\" y1=\"\(format(y))\" x2=\"\(format(width - right))\" "
                + "y2=\"\(format(y))\"/>\n"
            out +=
                "<text class=\"chart-axis\" x=\"\(format(left - 6))\" y=\"\(format(y + 4))\" text-anchor=\"end\">"
                + "\(HTML.escape(axisText(value)))</text>\n"
        }
        out +=
            "<text class=\"chart-axis\" x=\"4\" y=\"\(format(top - 4))\">\(HTML.escape(chart.unit))</text>\n"
        let groups = max(1, chart.categories.count)
        let groupWidth = plotWidth / Double(groups)
        let seriesCount = max(1, chart.series.count)
        let barWidth = groupWidth * 0.8 / Double(seriesCount)
        let labelEvery = groups > 16 ? Int((Double(groups) / 16).rounded(.up)) : 1
        for (index, category) in chart.categories.enumerated() {
            let groupLeft = left + groupWidth * Double(index) + groupWidth * 0.1
            for (number, series) in chart.series.enumerated() {
                guard index < series.values.count, let value = series.values[index], axisMax > 0 else { continue }
                let barHeight = plotHeight * min(1, max(0, value / axisMax))
                let x = groupLeft + barWidth * Double(number)
                out +=
                    "<rect class=\"chart-bar chart-series-\(number + 1)\" x=\"\(format(x))\" "
                    + "y=\"\(format(top + plotHeight - barHeight))\" width=\"\(format(max(1, barWidth - 1)))\" "
                    + "height=\"\(format(barHeight))\"/>\n"
            }
            if index % labelEvery == 0 {
                out +=
                    "<text class=\"chart-axis\" x=\"\(format(left + groupWidth * (Double(index) + 0.5)))\" "
                    + "y=\"\(format(top + plotHeight + 16))\" text-anchor=\"middle\">\(HTML.escape(category))</text>\n"
            }
        }
        out +=
            "<line class=\"chart-baseline\" x1=\"\(format(left))\" y1=\"\(format(top + plotHeight))\" "
            + "x2=\"\(format(width - right))\" y2=\"\(format(top + plotHeight))\"/>\n"
        var legendX = left
        for (number, series) in chart.series.enumerated() {
            let y = height - 12
            out +=
                "<rect class=\"chart-bar chart-series-\(number + 1)\" x=\"\(format(legendX))\" y=\"\(format(y - 10))\" "
                + "width=\"12\" height=\"12\"/>\n"
            out +=
                "<text class=\"chart-legend\" x=\"\(format(legendX + 18))\" y=\"\(format(y))\">"
                + "\(HTML.escape(series.name))</text>\n"
            legendX += 18 + Double(series.name.count) * 8 + 24
        }
        out += "</svg>"
        return out
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten at or above `value` (1 for nothing).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 < value { power *= 10 }
        while power > value { power /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// A number for an attribute: at most two decimals, a point.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// An axis label in German notation (`2,5`).
    static func axisText(_ value: Double) -> String {
        String(format(value).map { $0 == "." ? "," : $0 })
    }
}
