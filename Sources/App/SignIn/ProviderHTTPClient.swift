internal import Foundation

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// Requests to the identity provider over URLSession (FoundationNetworking on Linux): one
/// attempt, no redirects followed (a token request must not be re-sent elsewhere), a time limit
/// for the whole exchange, a size limit for the answer, and no cookies or cache.
final class ProviderHTTPClient: Sendable {
    private let session: URLSession
    private let timeoutSeconds: Int
    private let maximumBytes: Int

    init(timeoutSeconds: Int, maximumBytes: Int) {
        let timeoutSeconds = max(1, timeoutSeconds)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Double(timeoutSeconds)
        configuration.timeoutIntervalForResource = Double(timeoutSeconds)
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        self.timeoutSeconds = timeoutSeconds
        self.maximumBytes = maximumBytes
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// GETs `url` (with `Accept: application/json`); returns the status and the body.
    func get(_ url: ProviderURL) async throws(SignInError) -> (status: Int, body: [UInt8]) {
        try await send(url, method: "GET", headers: [], body: nil)
    }

    /// POSTs a form body to `url`.
    func postForm(_ url: ProviderURL, headers: [(String, String)], body: String) async throws(SignInError) -> (
        status: Int, body: [UInt8]
    ) {
        try await send(
            url, method: "POST", headers: headers + [("Content-Type", "application/x-www-form-urlencoded")],
            body: Data(body.utf8))
    }

    private func send(
        _ url: ProviderURL, method: String, headers: [(String, String)], body: Data?
    ) async throws(SignInError) -> (status: Int, body: [UInt8]) {
        guard let target = url.url else { throw .insecureOrInvalidURL(role: "provider URL", url: url.text) }
        var request = URLRequest(
            url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Double(timeoutSeconds))
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw .unreachable(url: url.text, reason: ProviderHTTPClient.words(for: error, timeout: timeoutSeconds))
        } catch {
            throw .unreachable(url: url.text, reason: "the request failed")
        }
        guard let answer = response as? HTTPURLResponse else {
            throw .malformedResponse(url: url.text, reason: "not an HTTP answer")
        }
        if (300...399).contains(answer.statusCode) { throw .redirected(url: url.text) }
        guard data.count <= maximumBytes else { throw .responseTooLarge(url: url.text) }
        return (answer.statusCode, [UInt8](data))
    }

    private static func words(for error: URLError, timeout: Int) -> String {
        switch error.code {
        case .timedOut: "no answer within \(timeout) s"
        case .cannotConnectToHost: "the connection was refused"
        case .cannotFindHost, .dnsLookupFailed: "the host name is not known"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            "the TLS connection failed (certificate not trusted?)"
        case .networkConnectionLost: "the connection was lost"
        default: "network error \(error.code.rawValue)"
        }
    }
}

/// Answers every redirect with "do not follow", so the task ends with the 3xx answer itself.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
