internal import Foundation

/// A URL of the identity provider (issuer, endpoints) that has been checked: absolute, https,
/// with a host and without a fragment or user information. http is accepted only for a loopback
/// host and only when `OpenIDConfiguration.allowsLoopbackHTTP` is set, for tests against a local
/// provider: tokens and codes travel to these URLs, and the ID token is trusted because TLS
/// authenticated the token endpoint (see `IDTokenVerifier`).
package struct ProviderURL: Hashable, Sendable, CustomStringConvertible {
    /// The URL as written.
    package let text: String

    /// Checks `text`; `role` names it in the error ("token endpoint").
    package init(_ text: String, role: String, allowsLoopbackHTTP: Bool) throws(SignInError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.fragment == nil, components.user == nil,
            components.password == nil, text.utf8.count <= 2_048
        else { throw .insecureOrInvalidURL(role: role, url: String(text.prefix(200))) }
        let allowed = scheme == "https" || (scheme == "http" && allowsLoopbackHTTP && ProviderURL.isLoopback(host))
        guard allowed else { throw .insecureOrInvalidURL(role: role, url: text) }
        self.text = text
    }

    /// Whether `host` names this machine: `localhost`, 127.0.0.0/8 or ::1.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The origin of `text` (RFC 6454: `https://login.example.de`, with a port when it has one), for
    /// a Content-Security-Policy; nil when it is no absolute URL.
    package static func origin(of text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return scheme + "://" + host + (components.port.map { ":\($0)" } ?? "")
    }

    /// The Foundation URL, for URLSession.
    var url: URL? { URL(string: text) }

    package var description: String { text }
}
