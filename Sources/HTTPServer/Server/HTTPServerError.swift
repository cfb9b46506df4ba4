/// Why the server could not start.
package enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration property that cannot work, with the reason.
    case invalidConfiguration(String)
    /// The host name did not resolve to an address.
    case addressNotResolved(host: String)
    /// Binding or listening failed, with the C `errno` (e.g. EADDRINUSE, EACCES).
    case bindFailed(host: String, port: Int, errno: Int32)
    /// A system call the server needs failed, with its name and `errno`.
    case systemCallFailed(String, errno: Int32)
    /// `start()` was called twice or after `shutdown`.
    case notStartable

    /// A sentence for the log.
    package var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid HTTP server configuration: \(reason)"
        case .addressNotResolved(let host): "cannot resolve \(host)"
        case .bindFailed(let host, let port, let code): "cannot listen on \(host):\(port): \(Socket.errorText(code))"
        case .systemCallFailed(let call, let code): "\(call) failed: \(Socket.errorText(code))"
        case .notStartable: "the server was already started or shut down"
        }
    }
}
