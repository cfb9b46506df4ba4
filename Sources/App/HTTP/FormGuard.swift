package import HTTPServer
import Scheduling
package import Storage

/// Protects the citizen pages' forms against cross-site request forgery, without server sessions:
///
/// 1. Fetch metadata and origin (as Go's `net/http.CrossOriginProtection` does): a POST whose
///    `Sec-Fetch-Site` is present and not `same-origin` (or `none`) is refused; without it, an
///    `Origin` that is not this site's (compared with `Host`), or `null`, is refused. Requests
///    without either (non-browser clients) go on to the token.
/// 2. A signed double-submit token: each browser gets a random value in a cookie
///    (`rathaus_form`, `HttpOnly; SameSite=Strict; Path=/`), and every form carries
///    `HMAC-SHA256(key, "rathaus-form|" + value)` in a hidden field `csrf`. A POST must bring both,
///    matching. Another site can neither read the cookie nor compute the code, and cannot plant a
///    cookie of its own that the code would match without the server's key (OWASP Cross-Site
///    Request Forgery Prevention Cheat Sheet, "Signed Double-Submit Cookie").
///
/// The key is 32 random bytes kept in the database (`server_secret` row `page-forms`), so forms
/// stay valid across restarts.
package final class FormGuard: Sendable {
    /// Why a form was refused (for tests and logs; the citizen sees one explanation).
    package enum Refusal: Equatable, Sendable {
        case crossSite
        case missingCookie
        case badToken
    }

    /// The cookie's name.
    package static let cookieName = "rathaus_form"
    private let key: [UInt8]

    /// A guard with `key` (tests).
    package init(key: [UInt8]) {
        self.key = key
    }

    /// The guard with the database's key, made on first use.
    package convenience init(database: Database) throws {
        self.init(key: try database.committer.withConnection { try $0.serverSecret(named: "page-forms") })
    }

    /// The form token for a page and the `Set-Cookie` value to send with it when the request
    /// brought no usable cookie (the page's forms then work with the new one).
    package func issue(for request: HTTPRequest) -> (token: String, setCookie: String?) {
        if let value = Self.cookie(of: request) {
            return (token(for: value), nil)
        }
        let value = Secrets.token()
        var cookie = "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if Self.isBehindTLS(request) { cookie += "; Secure" }
        return (token(for: value), cookie)
    }

    /// Checks a state-changing request and its form field `csrf`; nil when it may go on.
    package func check(_ request: HTTPRequest, formToken: String?) -> Refusal? {
        if !Self.isSameOrigin(request) { return .crossSite }
        guard let value = Self.cookie(of: request) else { return .missingCookie }
        guard let formToken, let given = Secrets.decodeBase64URL(formToken),
            HMAC.equal(given, code(for: value))
        else { return .badToken }
        return nil
    }

    private func code(for value: String) -> [UInt8] {
        HMAC.sha256(key: key, message: Array(("rathaus-form|" + value).utf8))
    }

    private func token(for value: String) -> String {
        Secrets.base64URL(code(for: value))
    }

    /// Whether the request came through a TLS-terminating proxy (`X-Forwarded-Proto: https`): its
    /// cookies are then marked `Secure`, so the browser only ever sends them over TLS. The header
    /// is believed from anyone: a client that fakes it only keeps its own cookies off plain http.
    static func isBehindTLS(_ request: HTTPRequest) -> Bool {
        request.headers["X-Forwarded-Proto"]?.lowercased() == "https"
    }

    /// The value of the guard's cookie, if the request has one of the right form (43 characters
    /// of base64url, as `Secrets.token()` makes them).
    static func cookie(of request: HTTPRequest) -> String? {
        cookie(named: cookieName, of: request)
    }

    /// The value of the cookie `name`, if the request has one of the form `Secrets.token()` makes
    /// (43 characters of base64url).
    static func cookie(named name: String, of request: HTTPRequest) -> String? {
        for header in request.headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingWhitespace == name else { continue }
                let value = parts[1].trimmingWhitespace
                if value.utf8.count == 43, Secrets.decodeBase64URL(value) != nil { return value }
            }
        }
        return nil
    }

    /// Fetch metadata (W3C Fetch Metadata Request Headers) first, then `Origin` against `Host`
    /// (RFC 6454 §7); neither present: not a browser's cross-site request.
    static func isSameOrigin(_ request: HTTPRequest) -> Bool {
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased() {
            return site == "same-origin" || site == "none"
        }
        guard let origin = request.headers["Origin"]?.lowercased() else { return true }
        guard let host = request.headers["Host"]?.lowercased() else { return false }
        for scheme in ["http://", "https://"] where origin.hasPrefix(scheme) {
            return origin.dropFirst(scheme.count) == host
        }
        return false
    }
}
