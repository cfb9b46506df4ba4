/// The offices at `/standorte`: for each its address, a link to its map, its opening hours of the
/// coming week and the whole days it is closed soon. Linked from every citizen page's footer and
/// from the choice of office.
package enum OfficesPage {
    package static func html(language: PageLanguage, town: String, offices: [OfficeSummary]) -> String {
        let text = language.text.places
        let frame = CitizenShell.Frame(language: language, town: town, title: text.pageTitle, switchPath: "/standorte")
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(text.pageTitle)</h1>")
            writer.line("<p class=\"lead\">\(text.intro)</p>")
            for office in offices {
                let anchor = "office-" + office.id
                writer.open(
                    "<section class=\"panel office-panel\" aria-labelledby=\"\(HTML.escape(anchor))\">")
                CitizenShell.officeDetails(
                    office, level: 2, anchor: anchor, showName: true, language: language, into: &writer)
                writer.close("</section>")
            }
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(language.prefix)/\">\(language.text.startOverButton)</a></p>"
            )
        }
    }
}
