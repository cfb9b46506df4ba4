package import HTTPServer
package import Scheduling
import Storage
import Synchronization

/// Sign-ins started at the identity provider whose browser has not come back yet: the secrets of
/// each (`state`, `nonce`, the PKCE verifier) and where to go afterwards, kept in memory under the
/// hash of a random value that only that browser holds, in the cookie `rathaus_sign_in`.
///
/// The cookie binds the answer to the browser that started the sign-in (RFC 6749 §10.12): a
/// callback URL opened in another browser finds nothing. `take` removes what it returns, so a
/// callback can be used once. A restart forgets sign-ins under way; the staff member starts
/// again.
package final class PendingSignIns: Sendable {
    /// One sign-in under way.
    package struct Pending: Sendable {
        package var request: AuthorizationRequest
        /// Where to send the browser once signed in (a path of this site).
        package var next: String
        package var expiresAt: Instant
    }

    /// The cookie's name.
    package static let cookieName = "rathaus_sign_in"
    /// The cookie's path: only the sign-in routes get it.
    package static let cookiePath = "/staff/sign-in"

    private let state = Mutex<[[UInt8]: Pending]>([:])
    private let capacity: Int
    private let lifetimeSeconds: Int

    package init(capacity: Int, lifetimeSeconds: Int) {
        self.capacity = max(1, capacity)
        self.lifetimeSeconds = max(1, lifetimeSeconds)
    }

    /// Keeps `request` (to return to `next`) and returns the cookie value that finds it again;
    /// when full, expired sign-ins are dropped first, then the oldest.
    package func add(_ request: AuthorizationRequest, next: String, now: Instant) -> String {
        let value = Secrets.token()
        let pending = Pending(request: request, next: next, expiresAt: now.adding(seconds: lifetimeSeconds))
        state.withLock { table in
            if table.count >= capacity {
                table = table.filter { now < $0.value.expiresAt }
                while table.count >= capacity, let oldest = table.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
                    table[oldest.key] = nil
                }
            }
            table[Secrets.hash(token: value)] = pending
        }
        return value
    }

    /// The sign-in of the cookie `value`, removed, if it has not expired.
    package func take(_ value: String, now: Instant) -> Pending? {
        let found = state.withLock { $0.removeValue(forKey: Secrets.hash(token: value)) }
        guard let found, now < found.expiresAt else { return nil }
        return found
    }

    /// How many sign-ins are under way.
    package var count: Int { state.withLock { $0.count } }

    /// The cookie value of the request, if it has one of the right form.
    package static func cookie(of request: HTTPRequest) -> String? {
        FormGuard.cookie(named: cookieName, of: request)
    }

    /// The `Set-Cookie` value for a new sign-in: `SameSite=Lax`, since the browser comes back from
    /// the provider by a top-level navigation from its site, which `Strict` would leave it off.
    package func setCookie(_ value: String, for request: HTTPRequest) -> String {
        "\(Self.cookieName)=\(value); Path=\(Self.cookiePath); Max-Age=\(lifetimeSeconds); HttpOnly; SameSite=Lax"
            + (FormGuard.isBehindTLS(request) ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes it.
    package static func clearCookie(for request: HTTPRequest) -> String {
        "\(cookieName)=; Path=\(cookiePath); Max-Age=0; HttpOnly; SameSite=Lax"
            + (FormGuard.isBehindTLS(request) ? "; Secure" : "")
    }
}
