package import HTTPServer

/// The security headers every answer carries, set in one place (OWASP HTTP Headers Cheat Sheet;
/// OWASP REST Security Cheat Sheet, "Security Headers"), where the answer has not set its own:
///
/// - `X-Content-Type-Options: nosniff`: a browser takes the content type as given, so a JSON
///   answer that echoes input is never run as a script or shown as HTML;
/// - `Referrer-Policy: no-referrer` (pages with forms choose `same-origin`);
/// - `Content-Security-Policy`: the pages' policy for HTML, and for everything else
///   `default-src 'none'; frame-ancestors 'none'`, so an answer opened in a browser loads nothing
///   and is never framed.
///
/// `Strict-Transport-Security` is the TLS proxy's to send: it knows whether the site is served
/// over TLS only.
package enum SecurityHeaders {
    /// The policy of answers that are not pages.
    package static let apiPolicy = "default-src 'none'; frame-ancestors 'none'"

    /// Adds the headers `response` lacks.
    package static func apply(to response: inout HTTPResponse) {
        if response.headers["X-Content-Type-Options"] == nil {
            response.headers.set("X-Content-Type-Options", "nosniff")
        }
        if response.headers["Referrer-Policy"] == nil { response.headers.set("Referrer-Policy", "no-referrer") }
        if response.headers["Content-Security-Policy"] == nil {
            let html = response.headers["Content-Type"]?.lowercased().hasPrefix("text/html") ?? false
            response.headers.set("Content-Security-Policy", html ? PageAnswers.contentSecurityPolicy : apiPolicy)
        }
    }
}

/// Puts `SecurityHeaders` on every answer that passes the middleware (the routes', admission
/// control's, the router's 404 and 405); first in the chain, so it sees them all. The server's
/// own answers to malformed requests get them from its problem renderer.
package struct SecurityHeadersMiddleware: Middleware {
    package init() {}

    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        responder.transformResponse { SecurityHeaders.apply(to: &$0) }
        next(request, responder)
    }
}
