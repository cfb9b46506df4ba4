import Display
import HTTPServer
import Scheduling

/// A page's answer thrown from inside a handler (a refused form, a hold that is gone): the
/// pipeline answers with its reply as it is.
struct PageAnswer: Error {
    var reply: Reply
}

/// The headers and answers every page shares.
enum PageAnswers {
    /// The policy every page is served with: no inline script or style, nothing from elsewhere,
    /// never framed.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// A page of the hall or the staff with the security headers.
    static func page(_ html: String) -> Reply {
        .response(
            HTTPResponse(
                status: .ok,
                headers: [
                    "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": contentSecurityPolicy,
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
                ], body: Array(html.utf8)))
    }

    /// The form fields of a POST (`application/x-www-form-urlencoded`); none for other bodies.
    static func formFields(_ request: HTTPRequest) -> QueryParameters {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return QueryParameters("") }
        return QueryParameters(String(decoding: request.body, as: UTF8.self))
    }
}
