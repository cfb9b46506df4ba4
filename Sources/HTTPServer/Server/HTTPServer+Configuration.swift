extension HTTPServer {
    /// Every address, limit and timeout of the server, each with a default. The table in
    /// Documentation/HTTPServer.md, "Configuration", lists them; each has a test at its edge.
    package struct Configuration: Sendable {
        /// The address to listen on: an IPv4 or IPv6 literal or a host name (`127.0.0.1`, `::1`,
        /// `0.0.0.0`, `::`, `localhost`). Default `127.0.0.1`.
        package var host = "127.0.0.1"
        /// The TCP port; 0 lets the system choose (see `HTTPServer.port`). Default 8080.
        package var port = 8080
        /// Event-loop threads, each with its own epoll set; connections are spread over them by
        /// the kernel. Default 1: with the load generator on the same 2 cores, one loop gave the
        /// best throughput and tail latency (Documentation/HTTPServer.md, "Benchmark");
        /// on a machine with cores to spare, use one per core.
        package var eventLoopCount = 1
        /// The listen backlog (the kernel caps it at `net.core.somaxconn`). Default 1024.
        package var listenBacklog = 1024
        /// Open connections at most, over all loops; a connection beyond it gets a 503 with
        /// `Retry-After` and is closed. Default 10,000.
        package var maxConnections = 10_000
        /// Longest request line in bytes, without CRLF: 414 beyond. Default 8 KiB.
        package var maxRequestLineBytes = 8 * 1024
        /// Largest header section in bytes (field lines with their CRLFs): 431 beyond. Default
        /// 16 KiB.
        package var maxHeaderBytes = 16 * 1024
        /// Most header fields in a request: 431 beyond. Default 100.
        package var maxHeaderCount = 100
        /// Largest request body in bytes, after chunked decoding: 413 beyond. Default 1 MiB.
        package var maxBodyBytes = 1024 * 1024
        /// Time to receive a whole request head, from the connection's start or the first byte
        /// of a request on a kept-alive connection (slowloris): 408 and close beyond; a
        /// connection that sent nothing is closed silently. Default 10 s.
        package var headerTimeout: Duration = .seconds(10)
        /// Time to receive a whole body once the head is in: 408 and close beyond. Default 30 s.
        package var bodyTimeout: Duration = .seconds(30)
        /// Time a kept-alive connection may wait for its next request: closed beyond. Default
        /// 60 s.
        package var idleTimeout: Duration = .seconds(60)
        /// Time a handler has to answer: the server answers 503 (problem+json) beyond and drops
        /// the handler's late answer. Default 30 s.
        package var handlerTimeout: Duration = .seconds(30)
        /// Time a connection may make no progress in taking the bytes written to it: closed
        /// beyond. Default 30 s.
        package var writeTimeout: Duration = .seconds(30)
        /// Time to wait for the client to close after the server ended a connection
        /// (`Connection: close`, errors), reading and dropping what it still sends, so that
        /// the last answer is not destroyed by a TCP reset (RFC 9112 §9.6). Default 2 s.
        package var lingerTimeout: Duration = .seconds(2)
        /// Interval of `: keep-alive` comments on an event stream with nothing else to send.
        /// Default 15 s.
        package var eventStreamKeepAliveInterval: Duration = .seconds(15)
        /// Bytes an event stream may have waiting for a slow client: the stream is closed
        /// beyond. Default 256 KiB.
        package var maxEventStreamBufferBytes = 256 * 1024
        /// The `Retry-After` seconds sent with the 503 for connections beyond `maxConnections`.
        /// Default 1.
        package var retryAfterSeconds = 1
        /// Renders the server's own error answers (400, 404, 405, 408, 413, 414, 431, 501, 503,
        /// 505) and `Responder.respond(_: Problem)`. Default: `Problem.response()`.
        package var problemRenderer: @Sendable (Problem) -> HTTPResponse = { $0.response() }

        /// The defaults.
        package init() {}

        var limits: RequestLimits {
            RequestLimits(
                maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes,
                maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes)
        }

        /// The first property that cannot work, or nil.
        func problem() -> String? {
            if !(0...65_535).contains(port) { return "port must be 0 to 65535" }
            if eventLoopCount < 1 || eventLoopCount > 256 { return "eventLoopCount must be 1 to 256" }
            if listenBacklog < 1 { return "listenBacklog must be positive" }
            if maxConnections < 1 { return "maxConnections must be positive" }
            if maxRequestLineBytes < 16 { return "maxRequestLineBytes must be at least 16" }
            let sizes = [maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, maxEventStreamBufferBytes]
            if sizes.contains(where: { $0 < 0 || $0 > 1 << 30 }) {
                return "size limits must be from 0 to 1 GiB"
            }
            let timeouts = [
                headerTimeout, bodyTimeout, idleTimeout, handlerTimeout, writeTimeout, lingerTimeout,
                eventStreamKeepAliveInterval,
            ]
            if timeouts.contains(where: { $0 <= .zero }) { return "timeouts must be positive" }
            if maxEventStreamBufferBytes < 1 { return "maxEventStreamBufferBytes must be positive" }
            if retryAfterSeconds < 0 { return "retryAfterSeconds must not be negative" }
            return nil
        }
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max : whole &+ UInt64(attoseconds / 1_000_000_000)
    }
}
