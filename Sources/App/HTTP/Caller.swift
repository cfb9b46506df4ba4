import Dispatch
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// Who is asking: a citizen (no staff token; maybe a booking's token), or staff with a token.
package enum Caller: Sendable {
    case citizen(bookingToken: String?)
    case staff(StaffToken)

    /// The booking channel of the caller (no token: online).
    package var channel: Channel {
        switch self {
        case .citizen: .online
        case .staff(let token): token.role.channel
        }
    }

    /// The namespace of its idempotency keys.
    package var scope: String {
        switch self {
        case .citizen: "public"
        case .staff(let token): "staff:" + token.id
        }
    }

    package var actor: StaffActor? {
        if case .staff(let token) = self { return StaffActor(id: token.id, role: token.role.rawValue) }
        return nil
    }

    package var staff: StaffToken? {
        if case .staff(let token) = self { return token }
        return nil
    }

    package var bookingToken: String? {
        if case .citizen(let token) = self { return token }
        return nil
    }
}

/// Finds the caller of a request: the bearer token (a staff token begins with `rst_`; anything
/// else is taken as a booking's token), or `?token=` in links, which carries a booking's token
/// only: a staff token there is refused (401), as URLs end up in proxy logs and browser
/// histories. Staff tokens are looked up in the
/// database (the CLI adds and revokes them while the server runs) and cached for `cacheSeconds`.
package final class CallerResolver: Sendable {
    private let reader: SerialConnection
    private let clock: @Sendable () -> Instant
    private let cache = Mutex<[[UInt8]: (token: StaffToken, until: Instant)]>([:])
    /// How long a looked-up staff token is trusted before it is read again (so a revocation takes
    /// effect within this time).
    package let cacheSeconds: Int

    package init(reader: SerialConnection, clock: @escaping @Sendable () -> Instant, cacheSeconds: Int = 10) {
        self.reader = reader
        self.clock = clock
        self.cacheSeconds = cacheSeconds
    }

    /// The token a request carries: `Authorization: Bearer …`, else `?token=` (never a staff
    /// token: see `hasStaffTokenInQuery`).
    package static func token(of request: HTTPRequest) -> String? {
        if let header = request.headers["Authorization"] { return bearer(header) }
        guard let token = request.query["token"], !token.hasPrefix(staffPrefix) else { return nil }
        return token
    }

    /// The token of an `Authorization: Bearer …` value; nil for any other form.
    static func bearer(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingWhitespace
        return token.isEmpty ? nil : token
    }

    /// Whether `?token=` holds a staff token (`rst_…`), which belongs in the Authorization header.
    package static func hasStaffTokenInQuery(_ request: HTTPRequest) -> Bool {
        request.query["token"]?.hasPrefix(Self.staffPrefix) ?? false
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

    /// The caller when it is known without a database read: no token, a booking's token, a
    /// staff token looked up within `cacheSeconds`, or a request refused for its token (a staff
    /// token in the query, an `Authorization` that is not `Bearer`). Nil when a staff token must
    /// be read (`resolve`).
    package func knownCaller(_ request: HTTPRequest) -> Result<Caller, APIProblem>? {
        let header = request.headers["Authorization"]
        let queryToken = request.query["token"]
        if let queryToken, queryToken.hasPrefix(Self.staffPrefix) { return .failure(Self.staffTokenInQuery) }
        let token: String?
        if let header {
            guard let bearer = Self.bearer(header) else {
                return .failure(.unauthorized("The Authorization header must be 'Bearer <token>'."))
            }
            token = bearer
        } else {
            token = queryToken
        }
        guard let token, token.hasPrefix(Self.staffPrefix) else { return .success(.citizen(bookingToken: token)) }
        let hash = Secrets.hash(token: token)
        let now = clock()
        if let cached = cache.withLock({ $0[hash] }), cached.until > now {
            return .success(.staff(cached.token))
        }
        return nil
    }

    /// Resolves the caller and calls `completion` (at once when no database read is needed).
    package func resolve(_ request: HTTPRequest, completion: @escaping @Sendable (Result<Caller, APIProblem>) -> Void) {
        if let known = knownCaller(request) {
            completion(known)
            return
        }
        guard let token = Self.token(of: request) else {
            completion(.success(.citizen(bookingToken: nil)))
            return
        }
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
