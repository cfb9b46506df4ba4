/// A response status (RFC 9110 §15): the code and its reason phrase. An open set, with the codes
/// this server and its applications use as static constants.
package struct HTTPStatus: Hashable, Sendable, CustomStringConvertible {
    /// The three-digit code, 100 to 999.
    package let code: Int
    /// The reason phrase sent on the status line and used as a problem's title.
    package let reasonPhrase: String

    /// A status with an explicit reason phrase.
    package init(code: Int, reasonPhrase: String) {
        self.code = min(max(code, 100), 999)
        self.reasonPhrase = reasonPhrase
    }

    /// A status with the standard reason phrase for `code` (empty when the code is not known).
    package init(code: Int) {
        self.init(code: code, reasonPhrase: Self.standardPhrase(code))
    }

    /// `200 OK`.
    package var description: String { "\(code) \(reasonPhrase)" }

    /// Whether a response with this status carries no body and no `Content-Length` (1xx, 204, 304).
    package var forbidsBody: Bool { code < 200 || code == 204 || code == 304 }

    /// 100 Continue.
    package static let `continue` = HTTPStatus(code: 100)
    /// 200 OK.
    package static let ok = HTTPStatus(code: 200)
    /// 201 Created.
    package static let created = HTTPStatus(code: 201)
    /// 202 Accepted.
    package static let accepted = HTTPStatus(code: 202)
    /// 204 No Content.
    package static let noContent = HTTPStatus(code: 204)
    /// 301 Moved Permanently.
    package static let movedPermanently = HTTPStatus(code: 301)
    /// 302 Found.
    package static let found = HTTPStatus(code: 302)
    /// 303 See Other.
    package static let seeOther = HTTPStatus(code: 303)
    /// 304 Not Modified.
    package static let notModified = HTTPStatus(code: 304)
    /// 400 Bad Request.
    package static let badRequest = HTTPStatus(code: 400)
    /// 401 Unauthorized.
    package static let unauthorized = HTTPStatus(code: 401)
    /// 403 Forbidden.
    package static let forbidden = HTTPStatus(code: 403)
    /// 404 Not Found.
    package static let notFound = HTTPStatus(code: 404)
    /// 405 Method Not Allowed.
    package static let methodNotAllowed = HTTPStatus(code: 405)
    /// 408 Request Timeout.
    package static let requestTimeout = HTTPStatus(code: 408)
    /// 409 Conflict.
    package static let conflict = HTTPStatus(code: 409)
    /// 410 Gone.
    package static let gone = HTTPStatus(code: 410)
    /// 412 Precondition Failed.
    package static let preconditionFailed = HTTPStatus(code: 412)
    /// 413 Content Too Large.
    package static let contentTooLarge = HTTPStatus(code: 413)
    /// 414 URI Too Long.
    package static let uriTooLong = HTTPStatus(code: 414)
    /// 415 Unsupported Media Type.
    package static let unsupportedMediaType = HTTPStatus(code: 415)
    /// 422 Unprocessable Content.
    package static let unprocessableContent = HTTPStatus(code: 422)
    /// 429 Too Many Requests.
    package static let tooManyRequests = HTTPStatus(code: 429)
    /// 431 Request Header Fields Too Large.
    package static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431)
    /// 500 Internal Server Error.
    package static let internalServerError = HTTPStatus(code: 500)
    /// 501 Not Implemented.
    package static let notImplemented = HTTPStatus(code: 501)
    /// 503 Service Unavailable.
    package static let serviceUnavailable = HTTPStatus(code: 503)
    /// 504 Gateway Timeout.
    package static let gatewayTimeout = HTTPStatus(code: 504)
    /// 505 HTTP Version Not Supported.
    package static let httpVersionNotSupported = HTTPStatus(code: 505)

    private static func standardPhrase(_ code: Int) -> String {
        switch code {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 421: "Misdirected Request"
        case 422: "Unprocessable Content"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: ""
        }
    }
}
