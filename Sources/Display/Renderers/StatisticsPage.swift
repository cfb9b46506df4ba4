/// The statistics page at `/staff/statistics` (Documentation/Statistics.md): a form for office,
/// date range and waiting-time target, for signed-in office managers; `statistics.js` loads the
/// report (`report`, the HTML below) with the session's cookie and offers the two CSV files for
/// download. The report is rendered here, charts included, so the page needs no chart
/// library and every chart has its table.
package enum StatisticsPage {
    /// The page. `offices` are id and name; `from` and `through` the default range (ISO dates);
    /// `targetMinutes` the default waiting-time target; `person` and `formToken` the signed-in
    /// office manager's name and their session's form token.
    package static func html(
        town: String, offices: [ServiceOption], from: String, through: String, targetMinutes: Int,
        person: String? = nil, formToken: String? = nil
    ) -> String {
        PageShell.document(
            title: "Statistik – \(town)", stylesheets: ["statistics.css"], scripts: ["common.js", "statistics.js"],
            bodyAttributes: [("class", "statistics-page")] + (formToken.map { [("data-csrf", $0)] } ?? [])
        ) { writer in
            writer.open("<header class=\"page-header\">")
            writer.open("<h1 class=\"page-title\">")
            writer.line("Statistik")
            writer.line("<span class=\"page-subtitle\">\(HTML.escape(town))</span>")
            writer.close("</h1>")
            if let person, let formToken {
                StaffParts.signOut(person: person, formToken: formToken, into: &writer)
            }
            writer.close("</header>")
            writer.line("<div class=\"message\" id=\"message\" role=\"alert\"></div>")
            writer.open("<main class=\"statistics-main\" id=\"main\">")
            writer.open("<form class=\"statistics-form\" id=\"statistics-form\">")
            writer.open("<div class=\"statistics-field\">")
            writer.line("<label class=\"field-label\" for=\"statistics-office\">Standort</label>")
            writer.open("<select class=\"select\" id=\"statistics-office\" name=\"office\">")
            for office in offices {
                writer.line("<option value=\"\(HTML.escape(office.id))\">\(HTML.escape(office.name))</option>")
            }
            writer.close("</select>")
            writer.close("</div>")
            field(id: "statistics-from", name: "from", label: "Von", type: "date", value: from, into: &writer)
            field(
                id: "statistics-to", name: "to", label: "Bis einschließlich", type: "date", value: through,
                into: &writer)
            field(
                id: "statistics-target", name: "target", label: "Zielwert Wartezeit (Min.)", type: "number",
                value: String(targetMinutes), extra: " min=\"1\" max=\"600\" inputmode=\"numeric\"", into: &writer)
            writer.line("<button type=\"submit\" class=\"button button-primary\">Anzeigen</button>")
            writer.close("</form>")
            writer.open("<p class=\"statistics-downloads\">")
            writer.line(
                "<button type=\"button\" class=\"button\" id=\"download-excel\">CSV für Excel herunterladen</button>")
            writer.line(
                "<button type=\"button\" class=\"button\" id=\"download-csv\">CSV (RFC 4180) herunterladen</button>")
            writer.close("</p>")
            writer.line(
                "<div class=\"statistics-report\" id=\"report\" aria-live=\"polite\" aria-busy=\"false\">"
                    + "<p class=\"empty\">Zeitraum wählen und „Anzeigen“ drücken.</p></div>")
            writer.close("</main>")
            StaffParts.noScript(into: &writer)
        }
    }

    private static func field(
        id: String, name: String, label: String, type: String, value: String, extra: String = "",
        into writer: inout HTMLWriter
    ) {
        writer.open("<div class=\"statistics-field\">")
        writer.line("<label class=\"field-label\" for=\"\(id)\">\(HTML.escape(label))</label>")
        writer.line(
            "<input class=\"text-input\" id=\"\(id)\" name=\"\(name)\" type=\"\(type)\" "
                + "value=\"\(HTML.escape(value))\" required\(extra)>")
        writer.close("</div>")
    }

    /// The report: the heading, the key figures, each chart followed by its table, then the
    /// further tables. A fragment, inserted into the page by `statistics.js`.
    package static func report(_ view: StatisticsView) -> String {
        var writer = HTMLWriter()
        writer.open("<section class=\"statistics-section\" aria-labelledby=\"report-heading\">")
        writer.line("<h2 id=\"report-heading\" tabindex=\"-1\">\(HTML.escape(view.heading))</h2>")
        writer.open("<dl class=\"key-figures\">")
        for figure in view.keyFigures {
            writer.line("<div><dt>\(HTML.escape(figure.label))</dt><dd>\(HTML.escape(figure.value))</dd></div>")
        }
        writer.close("</dl>")
        writer.close("</section>")
        for chart in view.charts {
            writer.open("<section class=\"statistics-section\" aria-labelledby=\"\(chart.id)-heading\">")
            writer.line("<h2 id=\"\(chart.id)-heading\">\(HTML.escape(chart.title))</h2>")
            writer.line("<p class=\"chart-summary\">\(HTML.escape(chart.summary))</p>")
            writer.line("<div class=\"chart-frame\">\(BarChartSVG.svg(chart))</div>")
            table(
                DataTable(
                    id: chart.id + "-table", caption: chart.title + " (Tabelle)",
                    columns: [""] + chart.series.map { "\($0.name) (\(chart.unit))" },
                    rows: chart.categories.enumerated().map { index, category in
                        [category] + chart.series.map { index < $0.texts.count ? $0.texts[index] : "" }
                    }), into: &writer)
            writer.close("</section>")
        }
        for data in view.tables {
            // A plain block, not a landmark: the table's own scrolling region carries its name.
            writer.open("<div class=\"statistics-section\">")
            writer.line("<h2>\(HTML.escape(data.caption))</h2>")
            table(data, into: &writer)
            writer.close("</div>")
        }
        return writer.output
    }

    private static func table(_ data: DataTable, into writer: inout HTMLWriter) {
        writer.open("<div class=\"table-frame\" role=\"region\" aria-labelledby=\"\(data.id)-caption\" tabindex=\"0\">")
        writer.open("<table class=\"data-table\" id=\"\(data.id)\">")
        writer.line("<caption id=\"\(data.id)-caption\">\(HTML.escape(data.caption))</caption>")
        writer.open("<thead>")
        writer.line(
            "<tr>"
                + data.columns.enumerated().map { index, column in
                    index == 0 && column.isEmpty
                        ? "<td></td>" : "<th scope=\"col\">\(HTML.escape(column))</th>"
                }.joined() + "</tr>")
        writer.close("</thead>")
        writer.open("<tbody>")
        for (index, row) in data.rows.enumerated() {
            let mark = data.marked[index]
            var cells = ""
            for (column, cell) in row.enumerated() {
                if column == 0 {
                    let note = mark.map { " <strong class=\"mark\">(\(HTML.escape($0)))</strong>" } ?? ""
                    cells += "<th scope=\"row\">\(HTML.escape(cell))\(note)</th>"
                } else {
                    cells += "<td>\(HTML.escape(cell))</td>"
                }
            }
            writer.line("<tr\(mark == nil ? "" : " class=\"marked\"")>\(cells)</tr>")
        }
        writer.close("</tbody>")
        writer.close("</table>")
        writer.close("</div>")
    }
}
