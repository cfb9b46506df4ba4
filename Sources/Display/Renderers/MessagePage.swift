/// A page that only says something: a hold or booking that is gone, a form that was refused, a
/// problem of the server. It names what happened and what to do next, with a link to do it.
package enum MessagePage {
    package static func html(
        language: PageLanguage, town: String, notice: Notice, link: (href: String, label: String)? = nil,
        switchPath: String? = nil
    ) -> String {
        let frame = CitizenShell.Frame(
            language: language, town: town, title: notice.title, step: nil, switchPath: switchPath,
            hasErrors: notice.kind == .error)
        return CitizenShell.document(frame) { writer in
            writer.line("<h1>\(HTML.escape(notice.title))</h1>")
            if !notice.detail.isEmpty {
                writer.line("<p class=\"lead\">\(HTML.escape(notice.detail))</p>")
            }
            let target = link ?? (language.prefix + "/", language.text.startOverButton)
            writer.line(
                "<p><a class=\"button button-primary\" href=\"\(HTML.escape(target.href))\">"
                    + "\(HTML.escape(target.label))</a></p>")
        }
    }
}
