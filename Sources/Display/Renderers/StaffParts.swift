/// Parts the kiosk and the counter page share: the token form and the no-script note.
enum StaffParts {
    /// The form `common.js` shows when no token is stored for this page and office.
    static func tokenPanel(into writer: inout HTMLWriter) {
        writer.open("<section class=\"token-panel\" id=\"token-panel\" aria-labelledby=\"token-heading\" hidden>")
        writer.line("<h2 id=\"token-heading\">Zugang einrichten</h2>")
        writer.line(
            "<p>Dieses Gerät hat noch keinen Zugangsschlüssel. Öffnen Sie den Link mit <code>#token=…</code> "
                + "aus der Verwaltung oder fügen Sie den Schlüssel hier ein.</p>"
        )
        writer.open("<form class=\"token-form\" id=\"token-form\">")
        writer.line("<label class=\"field-label\" for=\"token-input\">Zugangsschlüssel</label>")
        writer.line(
            "<input class=\"text-input\" id=\"token-input\" name=\"token\" type=\"password\" autocomplete=\"off\" required>"
        )
        writer.line("<button type=\"submit\" class=\"button button-primary\">Speichern</button>")
        writer.close("</form>")
        writer.close("</section>")
    }

    /// What a browser without script sees.
    static func noScript(into writer: inout HTMLWriter) {
        writer.line("<noscript><p class=\"noscript\">Diese Seite braucht JavaScript.</p></noscript>")
    }
}
