/// The frame every page shares: doctype, `lang` (`de` unless told), the character set, the viewport,
/// the title, the stylesheets (always `base.css` first) and the deferred scripts. No inline script
/// or style, so the pages run under a Content-Security-Policy of `default-src 'self'`.
enum PageShell {
    /// A complete document around `body`, which writes the body's content.
    static func document(
        title: String, stylesheets: [String], scripts: [String], bodyAttributes: [(String, String)],
        extraHead: [String] = [], language: String = "de", body: (inout HTMLWriter) -> Void
    ) -> String {
        var writer = HTMLWriter()
        writer.line("<!DOCTYPE html>")
        writer.open("<html lang=\"\(HTML.escape(language))\">")
        writer.open("<head>")
        writer.line("<meta charset=\"utf-8\">")
        writer.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        writer.line("<title>\(HTML.escape(title))</title>")
        for name in ["base.css"] + stylesheets {
            writer.line("<link rel=\"stylesheet\" href=\"\(Assets.path(name))\">")
        }
        for line in extraHead {
            writer.line(line)
        }
        for name in scripts {
            writer.line("<script src=\"\(Assets.path(name))\" defer></script>")
        }
        writer.close("</head>")
        let attributes = bodyAttributes.map { " \($0.0)=\"\(HTML.escape($0.1))\"" }.joined()
        writer.open("<body\(attributes)>")
        body(&writer)
        writer.close("</body>")
        writer.close("</html>")
        return writer.output
    }
}
