import HTTPServer
import Scheduling
import Storage

extension SignInPages {
    /// `POST /staff/sign-in/provider` (`next`, `csrf`): starts the authorization code flow: a new
    /// `state`, `nonce` and PKCE verifier kept for this browser (the cookie `rathaus_sign_in`),
    /// and 303 to the provider's authorization endpoint.
    func providerSignIn(_ context: RequestContext) throws -> Outcome {
        let request = context.request
        let next = SignInDesk.safeNext(try checkedForm(request)["next"])
        return .later { [desk] done in
            desk.startProviderSignIn(next: next) { result in done(.reply(started(result, request, next: next))) }
        }
    }

    private func started(
        _ result: Result<(url: String, cookie: String), SignInRefusal>, _ request: HTTPRequest, next: String
    ) -> Reply {
        switch result {
        case .success(let (url, cookie)):
            PageAnswers.seeOther(url, cookies: [desk.pending.setCookie(cookie, for: request)])
        case .failure(let refusal):
            refused(refusal, request, next: next)
        }
    }

    /// `GET /staff/sign-in/callback?code=…&state=…`: the browser back from the provider. The
    /// sign-in this browser started is taken (once), the answer's `state` checked against it, the
    /// code exchanged at the token endpoint and the ID token checked; then the person's roles,
    /// their member record and a new session. A refusal is recorded in the audit trail.
    func providerCallback(_ context: RequestContext) -> Outcome {
        let request = context.request
        let cookie = PendingSignIns.cookie(of: request)
        return .later { [desk] done in
            desk.redeem(request.query, cookie: cookie) { result in done(redeemed(result, request)) }
        }
    }

    /// What follows the provider's answer: on the desk's queue (it writes), a session or a
    /// refusal, and the sign-in's cookie removed either way.
    private func redeemed(
        _ result: Result<(claims: IDTokenClaims, next: String), SignInRefusal>, _ request: HTTPRequest
    ) -> Outcome {
        let old = StaffSessions.cookie(of: request)
        let address = desk.address(of: request)
        let clear = [PendingSignIns.clearCookie(for: request)]
        return .onQueue(desk.queue) { [desk] in
            switch result {
            case .success(let (claims, next)):
                switch try desk.completeProviderSignIn(claims, next: next, replacing: old, address: address) {
                case .success(let made): return .reply(signedIn(made, request, cookies: clear))
                case .failure(let refusal): return .reply(refused(refusal, request, next: next, cookies: clear))
                }
            case .failure(let refusal):
                try desk.recordProviderFailure(refusal, address: address)
                return .reply(refused(refusal, request, next: nil, cookies: clear))
            }
        }
    }
}
