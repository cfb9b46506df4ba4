/// A response as a handler gives it: status, header fields and the whole body.
///
/// The server adds `Date`, `Content-Length` (except for 1xx, 204 and 304) and `Connection`
/// itself and drops those fields (and `Transfer-Encoding`) if the handler set them. A response
/// is a value: build it once (for example a cached JSON document) and answer with it many times;
/// its body is shared, not copied, until it is written.
package struct HTTPResponse: Sendable {
    /// The status.
    package var status: HTTPStatus
    /// The header fields, in order.
    package var headers: HTTPHeaders
    /// The body bytes; not sent for `HEAD` requests, whose `Content-Length` still counts them.
    package var body: [UInt8]

    /// A response with the given parts.
    package init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a body of already-encoded JSON and `Content-Type: application/json`.
    package static func json(_ body: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    /// A response with a UTF-8 text body and `Content-Type: text/plain; charset=utf-8`.
    package static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }
}
