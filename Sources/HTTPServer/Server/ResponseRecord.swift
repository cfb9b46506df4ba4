/// What the server reports when it has answered a request (or given up on it), for access logs
/// and metrics. Delivered on the event-loop thread: keep observers cheap.
package struct ResponseRecord: Sendable {
    /// The request's id (`HTTPRequest.id`); 0 for connections refused at the cap.
    package var requestID: UInt64
    /// The method, or nil when the request line could not be read.
    package var method: HTTPMethod?
    /// The pattern of the route that matched, or nil (404, 405, protocol errors).
    package var route: String?
    /// The matched route's number in the router (its place in registration order), or nil.
    package var routeNumber: Int? = nil
    /// The status sent, or nil when the connection closed before an answer.
    package var status: HTTPStatus?
    /// From dispatch (or from the moment the error was found) until the answer was queued.
    package var duration: Duration
    /// Body bytes of the answer (0 for `HEAD` and event streams).
    package var bodyBytes: Int
    /// The peer's address.
    package var remoteAddress: String
}
