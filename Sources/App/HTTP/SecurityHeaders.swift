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

/// Puts `SecurityHeaders` on every answer to a request that reached the middleware chain (the
/// routes', admission control's, the router's 404 and 405), written as bytes into the head as it
/// goes out (`writeFields`): no closure and no change of the response per request. The server's
/// own answers to malformed requests get them from its problem renderer.
package struct SecurityHeadersMiddleware: Middleware {
    package init() {}

    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        next(request, responder)
    }

    /// Appends the fields the response lacks.
    package func writeFields(requestID: UInt64, response: HTTPResponse, into head: inout [UInt8]) {
        let headers = response.headers
        if !headers.contains("X-Content-Type-Options") { head.append(contentsOf: Self.noSniff) }
        if !headers.contains("Referrer-Policy") { head.append(contentsOf: Self.noReferrer) }
        if !headers.contains("Content-Security-Policy") {
            let html = headers.value(of: "Content-Type", hasPrefix: "text/html")
            head.append(contentsOf: html ? Self.pagePolicy : Self.apiPolicy)
        }
    }

    private static func field(_ name: String, _ value: String) -> [UInt8] {
        Array("\(name): \(value)\r\n".utf8)
    }

    private static let noSniff = field("X-Content-Type-Options", "nosniff")
    private static let noReferrer = field("Referrer-Policy", "no-referrer")
    private static let apiPolicy = field("Content-Security-Policy", SecurityHeaders.apiPolicy)
    private static let pagePolicy = field("Content-Security-Policy", PageAnswers.contentSecurityPolicy)
}
