package import Dispatch
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// Why a sign-in did not happen, in words a page can show (never whether a login name exists).
package enum SignInRefusal: Error, Equatable, Sendable {
    /// The login name is unknown or the password wrong (one answer for both).
    case wrongCredentials
    /// Too many failures for the name or the address; try again after the seconds.
    case throttled(retryAfterSeconds: Int)
    /// Too many password checks waiting; try again in a moment.
    case busy
    /// The account is disabled.
    case disabled
    /// The identity provider's person has no role in Rathaus (the role claim names none).
    case noRole
    /// No sign-in started in this browser is waiting (none, expired, or its answer already used).
    case startAgain
    /// The identity provider, or its answer, failed a check.
    case provider(SignInError)
    /// This way of signing in is not set up.
    case unavailable
}

/// A sign-in that happened: the new session's id for the cookie and where to go.
package struct SignedIn: Sendable {
    package var sessionID: String
    package var next: String
    package var member: StaffMember
}

/// Signs staff in and out (Documentation/SignIn.md): local accounts with their password, throttled
/// per login name and address, checked one at a time off the event loop; the identity provider's
/// people through the authorization code flow; a new session each time, and an audit entry for
/// every sign-in, failure and sign-out. The blocking steps are functions to run on its queues.
package final class SignInDesk: Sendable {
    package let settings: SignInSettings
    package let sessions: StaffSessions
    /// The identity provider; nil when none is configured.
    package let link: ProviderLink?
    package let pending: PendingSignIns
    /// Where password checks run, one at a time (each takes about a third of a second of a core).
    package let passwordQueue = DispatchQueue(label: "rathaus.passwords")
    /// Where the rest of a sign-in and sign-out writes.
    package let queue = DispatchQueue(label: "rathaus.sign-in")
    private let executor = SignInExecutor()
    private let throttle: Mutex<SignInThrottle>
    private let waitingChecks = Atomic<Int>(0)
    private let decoy = Mutex<PasswordHash?>(nil)
    private let reader: SerialConnection
    private let committer: Committer
    private let clock: @Sendable () -> Instant

    package init(
        settings: SignInSettings, sessions: StaffSessions, link: ProviderLink?, reader: SerialConnection,
        committer: Committer, clock: @escaping @Sendable () -> Instant
    ) {
        self.settings = settings
        self.sessions = sessions
        self.link = link
        self.reader = reader
        self.committer = committer
        self.clock = clock
        pending = PendingSignIns(
            capacity: settings.maxPendingSignIns, lifetimeSeconds: settings.pendingSignInMinutes * 60)
        throttle = Mutex(SignInThrottle(settings))
    }

    /// The client address a request counts against (behind a trusted proxy, the forwarded one).
    package func address(of request: HTTPRequest) -> String {
        AdmissionMiddleware.client(of: request, trustedProxies: settings.trustedProxies)
    }

    // MARK: Local accounts

    /// An admitted password attempt, to be checked with `checkPassword` on `passwordQueue`.
    package struct PasswordAttempt: Sendable {
        var login: String
        var address: String
        var at: Instant
    }

    /// Admits a password sign-in for `login` from `address`, or refuses it before its password is
    /// checked: local accounts off, too many checks waiting, or throttled.
    package func admitPassword(login: String, address: String) -> Result<PasswordAttempt, SignInRefusal> {
        guard settings.localAccounts else { return .failure(.unavailable) }
        let waiting = waitingChecks.wrappingAdd(1, ordering: .relaxed).newValue
        guard waiting <= settings.maxWaitingPasswordChecks else {
            waitingChecks.wrappingSubtract(1, ordering: .relaxed)
            return .failure(.busy)
        }
        let now = clock()
        if let refusal = throttle.withLock({
            $0.attempt(login: login, address: address, now: now.secondsSinceEpoch)
        }) {
            waitingChecks.wrappingSubtract(1, ordering: .relaxed)
            return .failure(.throttled(retryAfterSeconds: refusal.retryAfterSeconds))
        }
        return .success(PasswordAttempt(login: login, address: address, at: now))
    }

    /// Checks an admitted attempt's password and starts a session for it (ending the one the
    /// browser brought, `replacing`). Blocking: runs on `passwordQueue`. An unknown login name
    /// costs as long as a wrong password (a decoy hash is checked), so the answer's time tells
    /// nothing about which names exist.
    package func checkPassword(
        _ attempt: PasswordAttempt, password: String, replacing old: String?, next: String
    ) throws -> Result<SignedIn, SignInRefusal> {
        defer { waitingChecks.wrappingSubtract(1, ordering: .relaxed) }
        let member = try reader.sync { try $0.staffMember(login: SignInThrottle.key(ofLogin: attempt.login)) }
        let stored = member?.passwordHash.flatMap { try? PasswordHash(stored: $0) }
        let matches = (stored ?? decoyHash())?.verifies(password) == true && stored != nil
        guard let member, matches else {
            try record(
                "sign-in-failed", by: member.map(Self.actor) ?? Self.nobody,
                detail: (member == nil ? "unknown login name" : "wrong password") + " from \(attempt.address)")
            return .failure(.wrongCredentials)
        }
        guard member.isActive else {
            try record("sign-in-failed", by: Self.actor(member), detail: "account disabled, from \(attempt.address)")
            return .failure(.disabled)
        }
        throttle.withLock {
            $0.succeeded(login: attempt.login, address: attempt.address, now: attempt.at.secondsSinceEpoch)
        }
        if let stored, stored.needsRehash(minimumIterations: settings.passwordIterations),
            let fresh = try? PasswordHash(password: password, iterations: settings.passwordIterations)
        {
            _ = try committer.withConnection { try $0.setStaffPassword(id: member.id, passwordHash: fresh.stored) }
        }
        return .success(try startSession(member, method: .password, replacing: old, next: next))
    }

    /// A hash of a random password with the configured iterations, made once.
    private func decoyHash() -> PasswordHash? {
        decoy.withLock { decoy in
            if decoy == nil {
                decoy = try? PasswordHash(password: Secrets.token(), iterations: settings.passwordIterations)
            }
            return decoy
        }
    }

    // MARK: The identity provider

    /// Starts a sign-in at the provider: the URL to send the browser to and the cookie value that
    /// binds the answer to this browser.
    package func startProviderSignIn(next: String) async throws(SignInRefusal) -> (url: String, cookie: String) {
        guard let link else { throw .unavailable }
        let provider: OpenIDProvider
        do { provider = try await link.provider() } catch { throw .provider(error) }
        let request = AuthorizationRequest()
        let cookie = pending.add(request, next: next, now: clock())
        return (provider.authorizationURL(for: request), cookie)
    }

    /// `startProviderSignIn` for code that is not async: `completion` gets its result.
    package func startProviderSignIn(
        next: String, completion: @escaping @Sendable (Result<(url: String, cookie: String), SignInRefusal>) -> Void
    ) {
        executor.run {
            do throws(SignInRefusal) {
                completion(.success(try await self.startProviderSignIn(next: next)))
            } catch {
                completion(.failure(error))
            }
        }
    }

    /// `redeem` for code that is not async: `completion` gets its result.
    package func redeem(
        _ query: QueryParameters, cookie: String?,
        completion: @escaping @Sendable (Result<(claims: IDTokenClaims, next: String), SignInRefusal>) -> Void
    ) {
        executor.run { completion(await self.redeem(query, cookie: cookie)) }
    }

    /// The validated claims of the provider's answer `query` to the sign-in that the browser's
    /// cookie names (taken: an answer is used once), and where to go afterwards.
    package func redeem(_ query: QueryParameters, cookie: String?) async -> Result<
        (claims: IDTokenClaims, next: String), SignInRefusal
    > {
        guard let link else { return .failure(.unavailable) }
        guard let cookie, let started = pending.take(cookie, now: clock()) else { return .failure(.startAgain) }
        do {
            let provider = try await link.provider()
            let code = try AuthorizationResponse.code(
                from: query, expectedState: started.request.state, issuer: provider.metadata.issuer)
            let claims = try await provider.redeem(code: code, for: started.request, now: clock())
            return .success((claims, started.next))
        } catch {
            return .failure(.provider(error))
        }
    }

    /// Completes a provider sign-in: the person's roles from the configured claim (none: refused),
    /// the member stored or updated, a new session. Blocking: runs on `queue`.
    package func completeProviderSignIn(
        _ claims: IDTokenClaims, next: String, replacing old: String?, address: String
    ) throws -> Result<SignedIn, SignInRefusal> {
        let configuration = link?.configuration
        let access = StaffAccess(
            claim: claims.claim(configuration?.roleClaim ?? ""), prefix: configuration?.roleValuePrefix ?? "")
        let name = Self.cleanName(claims.displayName ?? claims.subject)
        guard !access.isEmpty else {
            try record(
                "sign-in-failed", by: StaffActor(id: "-", role: "person", name: name),
                detail: "no role in the claim \(configuration?.roleClaim ?? ""), from \(address)")
            return .failure(.noRole)
        }
        let member = try committer.withConnection {
            try $0.signedInProviderMember(
                issuer: claims.issuer, subject: claims.subject, name: name, roles: access.claimText, now: clock())
        }
        guard member.isActive else {
            try record("sign-in-failed", by: Self.actor(member), detail: "account disabled, from \(address)")
            return .failure(.disabled)
        }
        return .success(try startSession(member, method: .provider, replacing: old, next: next))
    }

    /// Records a refused provider sign-in (the reason never holds personal data). Blocking.
    package func recordProviderFailure(_ refusal: SignInRefusal, address: String) throws {
        guard case .provider(let error) = refusal else { return }
        try record("sign-in-failed", by: Self.nobody, detail: "identity provider: \(error), from \(address)")
    }

    // MARK: Sessions

    private func startSession(
        _ member: StaffMember, method: StaffSession.Method, replacing old: String?, next: String
    ) throws -> SignedIn {
        let now = clock()
        let id = try sessions.start(member, method: method, replacing: old, now: now) { connection in
            try connection.insertAudit(
                at: now, actor: Self.actor(member), action: "sign-in", office: nil, target: nil,
                detail: method == .password ? "local account" : "identity provider")
        }
        return SignedIn(sessionID: id, next: next, member: member)
    }

    /// Ends `person`'s session, with an audit entry. Blocking: runs on `queue`.
    package func signOut(_ person: StaffPerson) throws {
        let now = clock()
        try sessions.end(person.sessionHash) { connection in
            try connection.insertAudit(
                at: now, actor: StaffActor(id: person.id, role: "person", name: person.name), action: "sign-out",
                office: nil, target: nil)
        }
    }

    /// Where to send the browser to end the session at the identity provider too (RP-Initiated
    /// Logout 1.0), coming back to `/staff/signed-out`; nil without a provider or before it was
    /// discovered, or when it offers no sign-out.
    package var providerSignOutURL: String? {
        guard let link, let provider = link.discovered else { return nil }
        return provider.signOutURL(returningTo: Self.signedOutURI(link.configuration.redirectURI), state: nil)
    }

    /// The origin the sign-in form's answer sends the browser to (the provider's authorization
    /// endpoint, or its issuer before discovery), which the sign-in page's Content-Security-Policy
    /// must allow as a form's target (`form-action`, which browsers apply to the redirect too).
    package var providerOrigin: String? {
        guard let link else { return nil }
        return ProviderURL.origin(of: link.discovered?.metadata.authorizationEndpoint.text ?? link.configuration.issuer)
    }

    /// Where the provider sends the browser after signing out: the redirect URI's site with the
    /// path `/staff/signed-out` (to register at the provider beside the redirect URI).
    package static func signedOutURI(_ redirectURI: String) -> String {
        guard redirectURI.hasSuffix(callbackPath) else { return redirectURI }
        return String(redirectURI.dropLast(callbackPath.count)) + "/staff/signed-out"
    }

    /// The path of the redirect URI: where the provider sends the browser back.
    package static let callbackPath = "/staff/sign-in/callback"

    // MARK: Audit

    private func record(_ action: String, by actor: StaffActor, detail: String) throws {
        let now = clock()
        try committer.withConnection {
            try $0.insertAudit(at: now, actor: actor, action: action, office: nil, target: nil, detail: detail)
        }
    }

    static func actor(_ member: StaffMember) -> StaffActor {
        StaffActor(id: member.id, role: "person", name: member.name)
    }

    /// The actor of a failed sign-in whose person is unknown.
    static let nobody = StaffActor(id: "-", role: "-")

    /// A display name fit for the audit trail: no control characters, trimmed, at most 100
    /// characters.
    static func cleanName(_ name: String) -> String {
        let kept = String(
            String.UnicodeScalarView(name.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        return String(kept.trimmingWhitespace.prefix(100))
    }

    /// `next` if it is a path of this site (`/…`, not `//…` or `/\…`, printable, at most 512
    /// characters), else the staff's start page: a sign-in never sends anyone elsewhere.
    package static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.utf8.count <= 512,
            next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return "/staff" }
        return next
    }
}
