/// The size limits the request decoder enforces; taken from `HTTPServer.Configuration`.
struct RequestLimits: Sendable, Equatable {
    /// Longest request line in bytes, without its CRLF (414 beyond). A chunk-size line with its
    /// extensions is held to the same limit (400 beyond).
    var maxRequestLineBytes: Int
    /// Largest header section in bytes: the field lines with their CRLFs, without the request line
    /// and the final empty line (431 beyond). A trailer section is held to the same limit.
    var maxHeaderBytes: Int
    /// Most header field lines (431 beyond); the same for trailer fields.
    var maxHeaderCount: Int
    /// Largest body in bytes after removing chunked framing (413 beyond).
    var maxBodyBytes: Int
}
