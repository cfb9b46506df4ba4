/// The staff's sign-in page at `/staff/sign-in`: a button that goes to the town's identity
/// provider (when one is configured) and the form of a local account (unless switched off).
/// Both are POST forms with the page's form token, so nothing secret ever goes into a URL; they
/// work without JavaScript.
package enum SignInPage {
    /// What the page shows.
    package struct Model: Equatable, Sendable {
        /// The town's name.
        package var town: String
        /// Whether the identity provider's button is shown.
        package var provider: Bool
        /// Whether the local account's form is shown.
        package var localAccounts: Bool
        /// Where to go after signing in (a path of the site).
        package var next: String
        /// The page forms' token (`FormGuard`).
        package var formToken: String
        /// The login name typed before (after a refusal); never the password.
        package var login: String
        /// What happened: a refusal, a note after signing out.
        package var notice: Notice?

        package init(
            town: String, provider: Bool, localAccounts: Bool, next: String, formToken: String, login: String = "",
            notice: Notice? = nil
        ) {
            self.town = town
            self.provider = provider
            self.localAccounts = localAccounts
            self.next = next
            self.formToken = formToken
            self.login = login
            self.notice = notice
        }
    }

    package static func html(_ model: Model) -> String {
        let frame = StaffFrame(town: model.town, title: "Anmelden")
        return StaffShell.document(frame, bodyClass: "sign-in-page", notice: model.notice) { writer in
            writer.line("<h1>Anmelden</h1>")
            writer.line(
                "<p class=\"lead\">Für Mitarbeiterinnen und Mitarbeiter der Stadt: Schalter, Hotline, "
                    + "Verwaltung und Statistik.</p>")
            if model.provider {
                writer.open("<section class=\"panel sign-in-panel\" aria-labelledby=\"provider-heading\">")
                writer.line("<h2 class=\"panel-heading\" id=\"provider-heading\">Mit dem Dienstkonto</h2>")
                writer.line("<p>Sie melden sich beim Anmeldedienst der Stadt an und kommen danach hierher zurück.</p>")
                writer.open("<form method=\"post\" action=\"/staff/sign-in/provider\">")
                hidden(model, into: &writer)
                writer.line(
                    "<button type=\"submit\" class=\"button button-primary\">Mit dem Dienstkonto anmelden</button>")
                writer.close("</form>")
                writer.close("</section>")
            }
            if model.localAccounts {
                writer.open("<section class=\"panel sign-in-panel\" aria-labelledby=\"local-heading\">")
                writer.line(
                    "<h2 class=\"panel-heading\" id=\"local-heading\">"
                        + (model.provider ? "Mit einem lokalen Konto" : "Mit Ihrem Konto") + "</h2>")
                writer.open("<form class=\"sign-in-form\" method=\"post\" action=\"/staff/sign-in\">")
                hidden(model, into: &writer)
                writer.line("<label class=\"field-label\" for=\"sign-in-login\">Benutzername</label>")
                writer.line(
                    "<input class=\"text-input\" id=\"sign-in-login\" name=\"login\" autocomplete=\"username\" "
                        + "autocapitalize=\"none\" spellcheck=\"false\" required value=\"\(HTML.escape(model.login))\">"
                )
                writer.line("<label class=\"field-label\" for=\"sign-in-password\">Passwort</label>")
                writer.line(
                    "<input class=\"text-input\" id=\"sign-in-password\" name=\"password\" type=\"password\" "
                        + "autocomplete=\"current-password\" required>")
                writer.line("<button type=\"submit\" class=\"button button-primary\">Anmelden</button>")
                writer.close("</form>")
                writer.close("</section>")
            }
            if !model.provider && !model.localAccounts {
                writer.line("<p>Hier ist keine Anmeldung eingerichtet. Wenden Sie sich an die IT der Stadt.</p>")
            }
        }
    }

    private static func hidden(_ model: Model, into writer: inout HTMLWriter) {
        writer.line("<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(model.formToken))\">")
        writer.line("<input type=\"hidden\" name=\"next\" value=\"\(HTML.escape(model.next))\">")
    }
}
