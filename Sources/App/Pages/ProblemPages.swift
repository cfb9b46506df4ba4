import Display
import HTTPServer

/// Problems of pages answered as pages: a page address that does not exist, an office, counter or
/// ticket of a hall page that does not exist, any other problem of a page. The page is in the
/// language of its path (English under `/en/`), words the problem for people
/// (`CitizenText.problem`) and links to the start; the API under `/v1` keeps its problem JSON.
enum ProblemPages {
    /// The page for `problem` met at `request`'s path.
    static func reply(_ problem: APIProblem, _ request: HTTPRequest, town: String) -> Reply {
        .response(response(problem, request, town: town))
    }

    static func response(_ problem: APIProblem, _ request: HTTPRequest, town: String) -> HTTPResponse {
        let language = PageLanguage.of(path: request.path)
        let text = language.text
        let words =
            problem.kind == .notFound
            ? (text.pageNotFoundTitle, text.pageNotFoundDetail) : text.problem(problem.kind.name)
        let html = MessagePage.html(
            language: language, town: town, notice: Notice(.error, title: words.0, detail: words.1))
        var headers: HTTPHeaders = [
            "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PageAnswers.contentSecurityPolicy,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
        ]
        for (name, value) in problem.headers where name == "Allow" || name == "Retry-After" {
            headers.add(name, value)
        }
        return HTTPResponse(status: HTTPStatus(code: problem.status), headers: headers, body: Array(html.utf8))
    }

    /// Whether `path` belongs to the API (`/v1` and below), whose answers stay problem JSON.
    static func isAPI(_ path: String) -> Bool {
        path == "/v1" || path.hasPrefix("/v1/")
    }

    /// The answer to a path no route matches: a page, or for the API a problem.
    static func unmatched(_ request: HTTPRequest, town: String) -> HTTPResponse {
        let problem = APIProblem.notFound("There is nothing at \(request.path).")
        return isAPI(request.path) ? .problem(problem) : response(problem, request, town: town)
    }
}
