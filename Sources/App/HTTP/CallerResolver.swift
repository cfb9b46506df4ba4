import Dispatch
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// Finds the caller of a request, in this order:
///
/// 1. the bearer token: a staff token begins with `rst_`; anything else is taken as a booking's
///    token;
/// 2. `?token=` in links, which carries a booking's token only: a staff token there is refused
///    (401), as URLs end up in proxy logs and browser histories;
/// 3. the session cookie of a signed-in staff member (`StaffSessions`); a request that changes
///    something counts as theirs only when it comes from this site with the session's form
///    token, and is otherwise a citizen's (so a forged request carries no one's authority, and a
///    citizen page's own requests in a browser where staff are signed in stay a citizen's);
/// 4. nobody: a citizen.
///
/// Staff tokens are looked up in the database (the CLI adds and revokes them while the server
/// runs) and cached for `cacheSeconds`; sessions are read on every request.
package final class CallerResolver: Sendable {
    private let reader: SerialConnection
    private let clock: @Sendable () -> Instant
    private let cache = Mutex<[[UInt8]: (token: StaffToken, until: Instant)]>([:])
    /// The sessions of signed-in staff; nil: tokens only (tools, tests of the API alone).
    package let sessions: StaffSessions?
    /// How long a looked-up staff token is trusted before it is read again (so a revocation takes
    /// effect within this time).
    package let cacheSeconds: Int

    package init(
        reader: SerialConnection, clock: @escaping @Sendable () -> Instant, cacheSeconds: Int = 10,
        sessions: StaffSessions? = nil
    ) {
        self.reader = reader
        self.clock = clock
        self.cacheSeconds = cacheSeconds
        self.sessions = sessions
    }

    /// What a request says of its sender, read once: its `Authorization` header and `?token=`.
    struct Credentials {
        /// The token of `Authorization: Bearer …`, else of `?token=` unless that is a staff token.
        var token: String?
        /// `?token=` holds a staff token (`rst_…`), which belongs in the Authorization header.
        var staffTokenInQuery: Bool
        /// An `Authorization` header that is not `Bearer <token>`.
        var malformedAuthorization: Bool

        /// Borrowed: an initializer's argument is otherwise passed owned, a copy of the request.
        init(_ request: borrowing HTTPRequest) {
            let queryToken = request.query["token"]
            staffTokenInQuery = CallerResolver.isStaffToken(queryToken)
            guard let header = request.headers["Authorization"] else {
                token = staffTokenInQuery ? nil : queryToken
                malformedAuthorization = false
                return
            }
            let parts = header.split(separator: " ", maxSplits: 1)
            let bearer = parts.count == 2 && parts[0].lowercased() == "bearer" ? parts[1].trimmingWhitespace : ""
            token = bearer.isEmpty ? nil : bearer
            malformedAuthorization = token == nil
        }
    }

    /// The token a request carries: `Authorization: Bearer …`, else `?token=` (never a staff
    /// token: see `hasStaffTokenInQuery`).
    package static func token(of request: HTTPRequest) -> String? {
        Credentials(request).token
    }

    /// Whether `?token=` holds a staff token (`rst_…`), which belongs in the Authorization header.
    package static func hasStaffTokenInQuery(_ request: HTTPRequest) -> Bool {
        isStaffToken(request.query["token"])
    }

    /// Whether `token` is a staff token (`rst_…`).
    static func isStaffToken(_ token: String?) -> Bool {
        token?.hasPrefix(staffPrefix) ?? false
    }

    /// The answer to a staff token in the query, on any route.
    package static let staffTokenInQuery = APIProblem.unauthorized(
        "Staff tokens go in the Authorization header (Bearer), never in the URL.")

    /// How a staff token begins.
    package static let staffPrefix = "rst_"

    /// Whether `token` (a request's, see `token(of:)`) is a staff token already known to be
    /// valid (no database read): such requests are not held back by the public limits.
    package func isKnownStaff(token: String?) -> Bool {
        guard let token, token.hasPrefix(Self.staffPrefix) else { return false }
        let hash = Secrets.hash(token: token)
        let now = clock()
        return cache.withLock { $0[hash].map { $0.until > now } ?? false }
    }

    /// Whether the request is a known staff member's: a valid staff token or a session found
    /// valid moments ago (no database read).
    package func isKnownStaff(_ request: HTTPRequest) -> Bool {
        let token = Self.token(of: request)
        if token != nil { return isKnownStaff(token: token) }
        return sessions?.isKnown(request) ?? false
    }

    /// Whether the method only reads (RFC 9110 §9.2.1): a session's cookie alone suffices.
    static func isSafe(_ method: HTTPMethod) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// The caller when it is known without a database read: no token and no session cookie, a
    /// booking's token, a staff token looked up within `cacheSeconds`, or a request refused for
    /// its token (a staff token in the query, an `Authorization` that is not `Bearer`). Nil when a
    /// staff token or a session must be read (`resolve`).
    package func knownCaller(_ request: HTTPRequest) -> Result<Caller, APIProblem>? {
        let credentials = Credentials(request)
        if credentials.staffTokenInQuery { return .failure(Self.staffTokenInQuery) }
        if credentials.malformedAuthorization {
            return .failure(.unauthorized("The Authorization header must be 'Bearer <token>'."))
        }
        let token = credentials.token
        if let token, token.hasPrefix(Self.staffPrefix) {
            let hash = Secrets.hash(token: token)
            let now = clock()
            guard let cached = cache.withLock({ $0[hash] }), cached.until > now else { return nil }
            return .success(.staff(cached.token))
        }
        if token == nil, sessions != nil, StaffSessions.cookie(of: request) != nil { return nil }
        return .success(.citizen(bookingToken: token))
    }

    /// Resolves the caller and calls `completion` (at once when no database read is needed).
    package func resolve(_ request: HTTPRequest, completion: @escaping @Sendable (Result<Caller, APIProblem>) -> Void) {
        if let known = knownCaller(request) {
            completion(known)
            return
        }
        let token = Self.token(of: request)
        if let token, token.hasPrefix(Self.staffPrefix) {
            resolveStaff(token, completion: completion)
            return
        }
        guard token == nil, let sessions, let value = StaffSessions.cookie(of: request) else {
            completion(.success(.citizen(bookingToken: token)))
            return
        }
        let background = request.headers[StaffSessions.backgroundHeader] != nil
        sessions.find(value, background: background) { person in
            guard let person, Self.isSafe(request.method) || sessions.isOwn(request, sessionHash: person.sessionHash)
            else {
                completion(.success(.citizen(bookingToken: nil)))
                return
            }
            completion(.success(.person(person)))
        }
    }

    private func resolveStaff(_ token: String, completion: @escaping @Sendable (Result<Caller, APIProblem>) -> Void) {
        let hash = Secrets.hash(token: token)
        let now = clock()
        let cacheSeconds = cacheSeconds
        reader.async { [self] connection in
            guard let found = try? connection.staffToken(secret: token) else {
                completion(.failure(.unauthorized("This staff token is unknown or revoked.")))
                return
            }
            self.cache.withLock { $0[hash] = (found, now.adding(seconds: cacheSeconds)) }
            completion(.success(.staff(found)))
        }
    }
}
