/// One request as the router and handlers see it: a value, complete with its body.
package struct HTTPRequest: Sendable {
    /// The request method.
    package var method: HTTPMethod
    /// The request-target as sent: origin-form (`/path?query`), absolute-form or `*`.
    package var target: String { absoluteTarget ?? Self.originForm(path: path, rawQuery: rawQuery) }
    /// The target as sent when it is in absolute-form (`http://host/path`); an origin-form target
    /// is not kept beside its path and query (one string less per request).
    var absoluteTarget: String?
    /// The path of the target, still percent-encoded (`/v1/offices/berlin-mitte`); for an
    /// absolute-form target, its path; `*` for the asterisk-form.
    package var path: String
    /// The query of the target without `?`, still encoded; nil when the target has none.
    package var rawQuery: String? {
        didSet { query = QueryParameters(rawQuery ?? "") }
    }
    /// The decoded query parameters, repeated keys kept in order: parsed once, when the
    /// request is made (and again if `rawQuery` is set), so that middleware and handlers share it.
    package internal(set) var query: QueryParameters
    /// The protocol version of the request.
    package var version: HTTPVersion
    /// The header fields, in order, duplicates kept.
    package var headers: HTTPHeaders
    /// The body, decoded from `Content-Length` or `chunked` framing; empty when there is none.
    package var body: [UInt8]
    /// Values of the route's `{name}` parameters, percent-decoded; set by the router.
    package var parameters: PathParameters
    /// The pattern of the route that matched (`/v1/offices/{office}`), nil when none did; set
    /// before middleware runs, for logs, metrics and per-route rules.
    package var route: String?
    /// A number unique within this server process, for logs and `X-Request-Id`.
    package var id: UInt64
    /// The peer's address as text (`127.0.0.1:53122`, `[::1]:53122`), for logs and rate limits.
    package var remoteAddress: String {
        didSet { remoteHost = Self.host(of: remoteAddress) }
    }
    /// The peer's address without the port (`127.0.0.1`, `::1`), for per-client limits: worked
    /// out once per connection, not per request.
    package internal(set) var remoteHost: String

    /// A request, as tests and the server build it.
    package init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        id: UInt64 = 0,
        remoteAddress: String = ""
    ) {
        self.method = method
        let split = Self.splitTarget(target)
        self.absoluteTarget = target == Self.originForm(path: split.path, rawQuery: split.query) ? nil : target
        self.path = split.path
        self.rawQuery = split.query
        self.query = QueryParameters(split.query ?? "")
        self.version = version
        self.headers = headers
        self.body = body
        self.parameters = PathParameters()
        self.route = nil
        self.id = id
        self.remoteAddress = remoteAddress
        self.remoteHost = Self.host(of: remoteAddress)
    }

    /// An address without its port (`127.0.0.1:53122` → `127.0.0.1`, `[::1]:53122` → `::1`).
    static func host(of remoteAddress: String) -> String {
        let bytes = remoteAddress.utf8
        if bytes.first == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")) {
            return String(Substring(bytes[bytes.index(after: bytes.startIndex)..<close]))
        }
        guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return remoteAddress }
        return String(Substring(bytes[..<colon]))
    }

    /// The `Last-Event-ID` a reconnecting event-stream client sent (WHATWG HTML §9.2), or nil.
    package var lastEventID: String? {
        headers["Last-Event-ID"]
    }

    /// The origin-form target of `path` and `rawQuery` (RFC 9112 §3.2.1).
    static func originForm(path: String, rawQuery: String?) -> String {
        guard let rawQuery else { return path }
        return path + "?" + rawQuery
    }

    /// The path and query of a target in origin-form or absolute-form (RFC 9112 §3.2).
    static func splitTarget(_ target: String) -> (path: String, query: String?) {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            let authority = rest[rest.index(colon, offsetBy: 3)...]
            let end = authority.firstIndex { $0 == "/" || $0 == "?" } ?? authority.endIndex
            rest = authority[end...]
            if !rest.hasPrefix("/") {
                rest = Substring("/" + rest)
            }
        }
        guard let mark = rest.firstIndex(of: "?") else {
            return (String(rest), nil)
        }
        return (String(rest[..<mark]), String(rest[rest.index(after: mark)...]))
    }
}
