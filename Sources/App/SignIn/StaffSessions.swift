import Dispatch
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// The sessions of signed-in staff (Documentation/SignIn.md, "Sessions").
///
/// - The id is 256 random bits in the cookie `rathaus_session` (`HttpOnly`, `SameSite=Lax`,
///   `Path=/`, `Secure` behind a TLS proxy); the database keeps only its SHA-256.
/// - Every request with the cookie reads the session and its member from the database, so a
///   disabled member's session ends at its next request; a session past its absolute end or idle
///   for longer than the limit ends too, and is deleted.
/// - Requests that change something with the cookie must come from this site and carry the
///   session's form token (`X-CSRF-Token`, or the form field `csrf`): an HMAC of the session's
///   hash under a key of the database, so another site can neither read nor compute it.
/// - Sign-in always starts a new id and ends the one the browser brought (no fixation).
package final class StaffSessions: Sendable {
    /// The cookie's name.
    package static let cookieName = "rathaus_session"
    /// The header that carries the form token of script requests.
    package static let formTokenHeader = "X-CSRF-Token"
    /// The header the pages' scripts put on their automatic refreshes, which are not activity:
    /// they do not keep a session from its idle limit.
    package static let backgroundHeader = "X-Rathaus-Background"

    private let reader: SerialConnection
    private let committer: Committer
    private let clock: @Sendable () -> Instant
    private let settings: SignInSettings
    private let key: [UInt8]
    /// Sessions recently found valid, by hash, until when they count as known (admission only).
    private let known = Mutex<[[UInt8]: Instant]>([:])
    /// Where the writes of sessions run (touching, ending): off the event loop and the reader.
    private let queue = DispatchQueue(label: "rathaus.sessions")

    /// Sessions over `database`, their form tokens signed with `key`.
    package init(
        reader: SerialConnection, committer: Committer, clock: @escaping @Sendable () -> Instant,
        settings: SignInSettings, key: [UInt8]
    ) {
        self.reader = reader
        self.committer = committer
        self.clock = clock
        self.settings = settings
        self.key = key
    }

    // MARK: Finding

    /// The session id the request's cookie holds, if it has the form `Secrets.token()` gives.
    package static func cookie(of request: HTTPRequest) -> String? {
        FormGuard.cookie(named: cookieName, of: request)
    }

    /// Finds the signed-in person of `value` (the cookie) and calls `completion` with them, or
    /// with nil when the session is unknown, ended, idle too long or its member disabled (it is
    /// then deleted). A request that is not `background` counts as activity.
    package func find(_ value: String, background: Bool, completion: @escaping @Sendable (StaffPerson?) -> Void) {
        let hash = Secrets.hash(token: value)
        let now = clock()
        reader.async { [self] connection in
            guard let (session, member) = try? connection.staffSession(idHash: hash) else {
                completion(nil)
                return
            }
            guard member.isActive, now < session.expiresAt,
                now < session.seenAt.adding(seconds: settings.sessionIdleSeconds)
            else {
                write { try $0.deleteStaffSession(idHash: hash) }
                completion(nil)
                return
            }
            if !background, session.seenAt.seconds(until: now) >= Int64(settings.sessionTouchSeconds) {
                write { try $0.touchStaffSession(idHash: hash, now: now) }
            }
            known.withLock { known in
                if known.count >= 10_000 { known = known.filter { now < $0.value } }
                known[hash] = now.adding(seconds: settings.knownSessionSeconds)
            }
            completion(
                StaffPerson(
                    id: member.id, name: member.name, access: StaffAccess(claim: .string(member.roles)),
                    method: session.method, sessionHash: hash))
        }
    }

    /// Whether the request's cookie names a session found valid moments ago (no lookup): such
    /// requests are not held back by the public rate limits.
    package func isKnown(_ request: HTTPRequest) -> Bool {
        guard let value = Self.cookie(of: request) else { return false }
        return isKnown(cookie: value)
    }

    /// Whether the session of the cookie's `value` was found valid moments ago (no database read).
    package func isKnown(cookie value: String) -> Bool {
        let hash = Secrets.hash(token: value)
        let now = clock()
        return known.withLock { $0[hash].map { now < $0 } ?? false }
    }

    // MARK: Starting and ending (blocking: call off the event loop)

    /// Starts a new session for `member` in one transaction with `also` (the audit entry), ending
    /// the session whose id the browser brought (`replacing`), whoever's it was; returns the new
    /// id for the cookie.
    package func start(
        _ member: StaffMember, method: StaffSession.Method, replacing old: String?, now: Instant,
        also: (SQLiteConnection) throws -> Void
    ) throws -> String {
        let value = Secrets.token()
        let session = StaffSession(
            idHash: Secrets.hash(token: value), member: member.id, method: method, createdAt: now, seenAt: now,
            expiresAt: now.adding(seconds: settings.sessionSeconds))
        try committer.withConnection { connection in
            try connection.transaction(.immediate) {
                if let old { try connection.deleteStaffSession(idHash: Secrets.hash(token: old)) }
                try connection.insertStaffSession(session)
                try connection.recordStaffSignIn(id: member.id, now: now)
                try also(connection)
            }
        }
        return value
    }

    /// Ends the session with `hash`, in one transaction with `also` (the audit entry).
    package func end(_ hash: [UInt8], also: (SQLiteConnection) throws -> Void) throws {
        known.withLock { _ = $0.removeValue(forKey: hash) }
        try committer.withConnection { connection in
            try connection.transaction(.immediate) {
                try connection.deleteStaffSession(idHash: hash)
                try also(connection)
            }
        }
    }

    /// Waits until the writes handed to the sessions' queue so far are done (tests).
    package func settle() {
        queue.sync {}
    }

    /// Runs a write on the sessions' queue; a failure is dropped (the next request tries again).
    private func write(_ body: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        queue.async { [committer] in try? committer.withConnection { try body($0) } }
    }

    // MARK: Form tokens

    /// The form token of `person`'s session: what its pages' scripts send as `X-CSRF-Token` and
    /// its forms as `csrf`.
    package func formToken(for person: StaffPerson) -> String {
        Secrets.base64URL(code(person.sessionHash))
    }

    /// Whether a request that changes something with the session's cookie is the session's own:
    /// from this site (fetch metadata or `Origin`) and carrying its form token in the header or,
    /// for a form, in the field `csrf`.
    package func isOwn(_ request: HTTPRequest, sessionHash: [UInt8]) -> Bool {
        guard FormGuard.isSameOrigin(request) else { return false }
        let given = request.headers[Self.formTokenHeader] ?? PageAnswers.formFields(request)["csrf"]
        guard let given, let bytes = Secrets.decodeBase64URL(given) else { return false }
        return HMAC.equal(bytes, code(sessionHash))
    }

    private func code(_ hash: [UInt8]) -> [UInt8] {
        HMAC.sha256(key: key, message: Array("rathaus-session|".utf8) + hash)
    }

    // MARK: Cookies

    /// The `Set-Cookie` value that gives the browser the session `value`. `SameSite=Lax`, not
    /// `Strict`: the way back from the identity provider is a top-level navigation from another
    /// site, and under `Strict` the browser would leave the cookie off it and the redirects after
    /// it, so a staff member who just signed in, or follows a link from a mail, would look signed
    /// out. `Lax` still keeps the cookie off every cross-site POST, frame and script request;
    /// nothing changes on a GET, and every change also needs the form token.
    package static func setCookie(_ value: String, for request: HTTPRequest) -> String {
        "\(cookieName)=\(value); Path=/; HttpOnly; SameSite=Lax" + (FormGuard.isBehindTLS(request) ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes the session's cookie.
    package static func clearCookie(for request: HTTPRequest) -> String {
        "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (FormGuard.isBehindTLS(request) ? "; Secure" : "")
    }
}
