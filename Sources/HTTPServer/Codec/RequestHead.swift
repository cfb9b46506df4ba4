/// A parsed request head: the request line, the header fields and what they mean for framing and
/// the connection.
struct RequestHead: Sendable {
    enum Framing: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: HTTPMethod
    var version: HTTPVersion
    /// The target as sent when it is in absolute-form; nil for origin-form and `*`, which are
    /// `path` and `rawQuery` alone.
    var absoluteTarget: String?
    var path: String
    var rawQuery: String?
    var headers: HTTPHeaders
    var framing: Framing
    /// Whether the connection stays open after the answer (RFC 9112 §9.3).
    var keepAlive: Bool
    /// Whether the client waits for `100 Continue` before sending the body (RFC 9110 §10.1.1).
    var expectsContinue: Bool

    /// The request-target as sent.
    var target: String { absoluteTarget ?? HTTPRequest.originForm(path: path, rawQuery: rawQuery) }
}

extension HTTPRequest {
    /// The request for a decoded head and body.
    init(head: RequestHead, body: [UInt8], id: UInt64, remoteAddress: String, remoteHost: String) {
        self.method = head.method
        self.absoluteTarget = head.absoluteTarget
        self.path = head.path
        self.rawQuery = head.rawQuery
        self.query = QueryParameters(head.rawQuery ?? "")
        self.version = head.version
        self.headers = head.headers
        self.body = body
        self.parameters = PathParameters()
        self.route = nil
        self.id = id
        self.remoteAddress = remoteAddress
        self.remoteHost = remoteHost
    }
}
