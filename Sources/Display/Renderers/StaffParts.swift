/// Parts the staff's and devices' pages share: the kiosk's token form, who is signed in with the
/// sign-out button, and the no-script note.
enum StaffParts {
    /// The form `common.js` shows on a device (the kiosk) when no token is stored for it. The
    /// field has no name and the form posts: without the script, a browser sends nothing, and
    /// never the token in a URL.
    static func tokenPanel(into writer: inout HTMLWriter) {
        writer.open("<section class=\"token-panel\" id=\"token-panel\" aria-labelledby=\"token-heading\" hidden>")
        writer.line("<h2 id=\"token-heading\">Zugang einrichten</h2>")
        writer.line(
            "<p>Dieses Gerät hat noch keinen Zugangsschlüssel. Öffnen Sie den Link mit <code>#token=…</code> "
                + "aus der Verwaltung oder fügen Sie den Schlüssel hier ein.</p>"
        )
        writer.open("<form class=\"token-form\" id=\"token-form\" method=\"post\">")
        writer.line("<label class=\"field-label\" for=\"token-input\">Zugangsschlüssel</label>")
        writer.line(
            "<input class=\"text-input\" id=\"token-input\" type=\"password\" autocomplete=\"off\" required>"
        )
        writer.line("<button type=\"submit\" class=\"button button-primary\">Speichern</button>")
        writer.close("</form>")
        writer.close("</section>")
    }

    /// Who is signed in, and the button that signs out (a POST with the session's form token).
    static func signOut(person: String, formToken: String, into writer: inout HTMLWriter) {
        writer.open("<form class=\"signed-in\" method=\"post\" action=\"/staff/sign-out\">")
        writer.line("<span class=\"signed-in-name\">Angemeldet: \(HTML.escape(person))</span>")
        writer.line("<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(formToken))\">")
        writer.line("<button type=\"submit\" class=\"button button-small sign-out\">Abmelden</button>")
        writer.close("</form>")
    }

    /// What a browser without script sees.
    static func noScript(into writer: inout HTMLWriter) {
        writer.line("<noscript><p class=\"noscript\">Diese Seite braucht JavaScript.</p></noscript>")
    }
}
