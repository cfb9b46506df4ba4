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

    /// A page of signed-in staff, or on the way to signing in: the security headers with
    /// `Referrer-Policy: same-origin`, so that the page's own form posts and script requests carry
    /// their `Origin` (under `no-referrer` a browser sends `Origin: null`) while nothing of a URL
    /// leaves the site; `cookies` are set with it.
    static func staffPage(_ html: String, status: Int = 200, cookies: [String] = [], formTargets: [String] = [])
        -> Reply
    {
        // The policy ends with `form-action 'self'`: the targets are added to it.
        let policy = ([contentSecurityPolicy] + formTargets).joined(separator: " ")
        var headers: HTTPHeaders = [
            "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
        ]
        for cookie in cookies { headers.add("Set-Cookie", cookie) }
        return .response(HTTPResponse(status: HTTPStatus(code: status), headers: headers, body: Array(html.utf8)))
    }

    /// 303 to `location` with `cookies` set (after a POST, or to the sign-in page).
    static func seeOther(_ location: String, cookies: [String] = []) -> Reply {
        var headers: HTTPHeaders = [
            "Location": location, "Cache-Control": "no-store", "Referrer-Policy": "same-origin",
        ]
        for cookie in cookies { headers.add("Set-Cookie", cookie) }
        return .response(HTTPResponse(status: .seeOther, headers: headers))
    }

    /// The answer of a staff page whose access the pipeline refused: without a session (401), the
    /// way to the sign-in page, which comes back to this page; with one that lacks the role (403),
    /// a page that says so.
    static func refusal(_ problem: APIProblem, request: HTTPRequest, town: String) -> Reply {
        if problem.status == 401 {
            return seeOther("/staff/sign-in?next=" + FormEncoding.encode(SignInDesk.safeNext(request.target)))
        }
        return staffPage(
            StaffMessagePage.html(
                StaffFrame(town: town, title: "Keine Berechtigung"),
                notice: Notice(.error, title: "Keine Berechtigung", detail: problem.detail ?? problem.title),
                links: [("/staff", "Zur Übersicht"), ("/staff/sign-in", "Anders anmelden")]),
            status: problem.status)
    }

    /// The form fields of a POST (`application/x-www-form-urlencoded`); none for other bodies.
    static func formFields(_ request: HTTPRequest) -> QueryParameters {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return QueryParameters("") }
        return QueryParameters(String(decoding: request.body, as: UTF8.self))
    }
}
