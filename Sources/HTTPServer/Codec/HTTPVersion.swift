/// The protocol versions the server speaks. A closed set: other versions are answered 505.
package enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http10
    case http11

    /// `HTTP/1.1` or `HTTP/1.0`.
    package var description: String {
        switch self {
        case .http10: "HTTP/1.0"
        case .http11: "HTTP/1.1"
        }
    }
}
