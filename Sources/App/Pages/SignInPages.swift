import Display
import HTTPServer
import Scheduling
import Storage

/// Signing staff in and out (Documentation/SignIn.md): the sign-in page with the identity
/// provider's button and the local account's form, both POSTs protected by `FormGuard`; the way
/// to the provider and back; sign-out. Nothing secret ever goes into a URL of ours: the password
/// travels in a POST body, the session id in a cookie, and only the provider's single-use code
/// comes back in the callback's URL, as the authorization code flow has it.
struct SignInPages: Sendable {
    let directory: OfficeDirectory
    let forms: FormGuard
    let desk: SignInDesk
    let metrics: Metrics
    let log: @Sendable (String) -> Void

    var endpoints: [Endpoint] {
        let form = Contract(body: .form)
        return [
            Endpoint(.get, "/staff/sign-in") { context in
                let notice =
                    context.query["notice"] == "signed-out" ? Notice(.success, title: "Sie sind abgemeldet.") : nil
                return .reply(page(context.request, next: context.query["next"], notice: notice))
            },
            Endpoint(.post, "/staff/sign-in", form) { context in try passwordSignIn(context) },
            Endpoint(.post, "/staff/sign-in/provider", form) { context in try providerSignIn(context) },
            Endpoint(.get, SignInDesk.callbackPath) { context in providerCallback(context) },
            Endpoint(.post, "/staff/sign-out", Contract(body: .form, access: .caller)) { context in signOut(context) },
            Endpoint(.get, "/staff/signed-out") { context in signedOut(context) },
        ]
    }

    // MARK: The page

    /// The sign-in page (with `status`, after a refusal), its forms' token and cookie.
    func page(
        _ request: HTTPRequest, next: String?, notice: Notice? = nil, login: String = "", status: Int = 200,
        cookies: [String] = [], retryAfter: Int? = nil
    ) -> Reply {
        let issued = forms.issue(for: request)
        let model = SignInPage.Model(
            town: directory.municipality.name, provider: desk.link != nil, localAccounts: desk.settings.localAccounts,
            next: SignInDesk.safeNext(next), formToken: issued.token, login: String(login.prefix(200)), notice: notice)
        var reply = PageAnswers.staffPage(
            SignInPage.html(model), status: status, cookies: cookies + [issued.setCookie].compactMap { $0 },
            formTargets: [desk.providerOrigin].compactMap { $0 })
        if let retryAfter, case .response(var response) = reply {
            response.headers.set("Retry-After", String(retryAfter))
            reply = .response(response)
        }
        return reply
    }

    /// The page after a refused sign-in: what happened, in words a clerk can act on.
    func refused(
        _ refusal: SignInRefusal, _ request: HTTPRequest, next: String?, login: String = "", cookies: [String] = []
    ) -> Reply {
        metrics.count("rathaus_sign_in_refusals_total", [("reason", Self.reason(refusal))])
        let notice: Notice
        var status = 403
        var retryAfter: Int?
        switch refusal {
        case .wrongCredentials:
            notice = Notice(
                .error, title: "Benutzername oder Passwort stimmt nicht.",
                detail: "Nach mehreren Fehlversuchen wird die Anmeldung für eine Weile gesperrt.")
            status = 401
        case .throttled(let seconds):
            let minutes = max(1, (seconds + 59) / 60)
            notice = Notice(
                .error, title: "Zu viele Fehlversuche.",
                detail: "Versuchen Sie es in \(minutes) Minute\(minutes == 1 ? "" : "n") wieder.")
            status = 429
            retryAfter = seconds
        case .busy:
            notice = Notice(
                .error, title: "Gerade melden sich viele an.", detail: "Versuchen Sie es gleich noch einmal.")
            status = 503
            retryAfter = 2
        case .disabled:
            notice = Notice(.error, title: "Dieses Konto ist gesperrt.", detail: "Wenden Sie sich an die IT der Stadt.")
        case .noRole:
            notice = Notice(
                .error, title: "Ihr Dienstkonto hat keine Rolle in Rathaus.",
                detail: "Die IT der Stadt vergibt die Rollen (Sachbearbeitung, Hotline, Amtsleitung).")
        case .startAgain:
            notice = Notice(
                .error, title: "Die Anmeldung ist abgelaufen.",
                detail: "Bitte melden Sie sich noch einmal an (die Anmeldung gilt nur in diesem Browser und einmal).")
            status = 400
        case .provider(let error):
            // The reason may quote the provider's words: printable ASCII only, no quotes, in the log.
            let reason = String(describing: error).unicodeScalars.prefix(300).map { scalar in
                (0x20...0x7E).contains(scalar.value) && scalar != "\"" ? Character(scalar) : "?"
            }
            log("level=warning event=sign-in.refused reason=\"\(String(reason))\"")
            notice = Notice(
                .error, title: "Die Anmeldung beim Dienstkonto hat nicht geklappt.",
                detail: "Bitte versuchen Sie es noch einmal. Technischer Grund für die IT: \(error)")
        case .unavailable:
            notice = Notice(.error, title: "Diese Anmeldung ist hier nicht eingerichtet.")
            status = 404
        }
        return page(
            request, next: next, notice: notice, login: login, status: status, cookies: cookies,
            retryAfter: retryAfter)
    }

    /// A short name of a refusal for the metrics.
    static func reason(_ refusal: SignInRefusal) -> String {
        switch refusal {
        case .wrongCredentials: "wrong-credentials"
        case .throttled: "throttled"
        case .busy: "busy"
        case .disabled: "disabled"
        case .noRole: "no-role"
        case .startAgain: "start-again"
        case .provider: "provider"
        case .unavailable: "unavailable"
        }
    }

    /// The way in after a sign-in: a new session's cookie (the one the browser brought is ended,
    /// whoever's it was) and on to where the staff member was going.
    func signedIn(_ result: SignedIn, _ request: HTTPRequest, cookies: [String] = []) -> Reply {
        metrics.count("rathaus_sign_ins_total", [("method", result.member.isLocal ? "password" : "provider")])
        return PageAnswers.seeOther(
            result.next, cookies: cookies + [StaffSessions.setCookie(result.sessionID, for: request)])
    }

    /// The form's fields when it passed `FormGuard`; else the page says to reload.
    func checkedForm(_ request: HTTPRequest) throws(PageAnswer) -> QueryParameters {
        let fields = PageAnswers.formFields(request)
        if let refusal = forms.check(request, formToken: fields["csrf"]) {
            metrics.count("rathaus_form_refusals_total", [("reason", "\(refusal)")])
            throw PageAnswer(
                reply: page(
                    request, next: fields["next"],
                    notice: Notice(
                        .error, title: "Das Formular war nicht mehr gültig.",
                        detail: "Bitte melden Sie sich noch einmal an."), status: 403))
        }
        return fields
    }

    // MARK: Local accounts

    /// `POST /staff/sign-in` (`login`, `password`, `next`, `csrf`).
    private func passwordSignIn(_ context: RequestContext) throws -> Outcome {
        let request = context.request
        let fields = try checkedForm(request)
        let login = (fields["login"] ?? "").trimmingWhitespace
        let password = fields["password"] ?? ""
        let next = SignInDesk.safeNext(fields["next"])
        guard !login.isEmpty, !password.isEmpty, login.utf8.count <= 200, password.utf8.count <= 1024 else {
            return .reply(refused(.wrongCredentials, request, next: next, login: login))
        }
        switch desk.admitPassword(login: login, address: desk.address(of: request)) {
        case .failure(let refusal):
            return .reply(refused(refusal, request, next: next, login: login))
        case .success(let attempt):
            let old = StaffSessions.cookie(of: request)
            return .onQueue(desk.passwordQueue) {
                switch try desk.checkPassword(attempt, password: password, replacing: old, next: next) {
                case .success(let result): .reply(signedIn(result, request))
                case .failure(let refusal): .reply(refused(refusal, request, next: next, login: login))
                }
            }
        }
    }

    // MARK: Sign-out

    /// `POST /staff/sign-out` (`csrf`): ends the session (a request without the session's form
    /// token ends nothing); for the provider's people, the signed-out page offers the provider's
    /// sign-out as a link (a form's redirect to another site would need the provider in every
    /// staff page's `form-action`).
    private func signOut(_ context: RequestContext) -> Outcome {
        let request = context.request
        guard let person = context.person else {
            guard StaffSessions.cookie(of: request) != nil else {
                return .reply(PageAnswers.seeOther("/staff/signed-out"))
            }
            return .reply(
                PageAnswers.staffPage(
                    StaffMessagePage.html(
                        StaffFrame(town: directory.municipality.name, title: "Abmelden"),
                        notice: Notice(
                            .error, title: "Abmelden hat nicht geklappt.",
                            detail: "Die Seite war nicht mehr aktuell. Laden Sie sie neu und melden Sie sich dann ab."),
                        links: [("/staff", "Zur Übersicht")]), status: 403))
        }
        return .onQueue(desk.queue) {
            try desk.signOut(person)
            return .reply(
                PageAnswers.seeOther(
                    person.method == .provider ? "/staff/signed-out?provider" : "/staff/signed-out",
                    cookies: [StaffSessions.clearCookie(for: request)]))
        }
    }

    /// `GET /staff/signed-out[?provider]`: the note, with the way to the provider's sign-out for
    /// whoever signed in there (at a shared counter the next clerk must not find them signed in at
    /// the provider).
    private func signedOut(_ context: RequestContext) -> Outcome {
        let provider = context.query["provider"] != nil ? desk.providerSignOutURL : nil
        let notice =
            provider == nil
            ? Notice(.success, title: "Sie sind abgemeldet.")
            : Notice(
                .success, title: "Sie sind bei Rathaus abgemeldet.",
                detail: "Melden Sie sich auch beim Anmeldedienst der Stadt ab, wenn andere diesen Rechner nutzen.")
        let links =
            (provider.map { [($0, "Beim Anmeldedienst abmelden")] } ?? []) + [("/staff/sign-in", "Wieder anmelden")]
        return .reply(
            PageAnswers.staffPage(
                StaffMessagePage.html(
                    StaffFrame(town: directory.municipality.name, title: "Abgemeldet"), notice: notice, links: links)))
    }
}
