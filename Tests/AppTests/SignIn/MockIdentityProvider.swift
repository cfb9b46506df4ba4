import Foundation
import HTTPServer
import RathausTesting

/// A real OpenID Connect provider for the sign-in tests: PyPI's oidc-provider-mock, started once
/// per test run by `Scripts/oidc-test-provider` on a free loopback port. It stops when this
/// process ends (it exits at the end of its standard input, which this process holds open).
struct MockIdentityProvider: Sendable {
    enum StartFailure: Error, CustomStringConvertible {
        /// python3 or the package is missing: the live tests are skipped.
        case notInstalled
        /// Installed, but it did not start: the live tests fail.
        case didNotStart(String)

        var description: String {
            switch self {
            case .notInstalled:
                "python3 with oidc-provider-mock is not installed (pip install oidc-provider-mock==0.3.4)"
            case .didNotStart(let reason): "the OpenID provider did not start: \(reason)"
            }
        }
    }

    /// `http://127.0.0.1:PORT`, the provider's issuer.
    let issuer: String
    let port: Int

    /// The provider of this test run.
    static let shared: Result<MockIdentityProvider, StartFailure> = start()

    /// Whether the live tests can run; false only when the provider is not installed.
    static var isInstalled: Bool {
        if case .failure(.notInstalled) = shared { false } else { true }
    }

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/oidc-test-provider")

    /// Input pipes of started providers, kept open for the life of the process. Written only in
    /// `start()`, which runs once, inside the lazy initialisation of `shared` (swift_once).
    nonisolated(unsafe) private static var keptOpen: [Pipe] = []

    private static func start() -> Result<MockIdentityProvider, StartFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--stop-at-eof"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.notInstalled) }
        // The first line is the issuer; EOF before it means the script exited.
        var line: [UInt8] = []
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let end = line.firstIndex(of: UInt8(ascii: "\n")) else {
            process.waitUntilExit()
            // 3: the package is missing; 127: env found no python3.
            if [3, 127].contains(process.terminationStatus) { return .failure(.notInstalled) }
            return .failure(.didNotStart("exit status \(process.terminationStatus)"))
        }
        let issuer = String(decoding: line[..<end], as: UTF8.self)
        guard let port = issuer.split(separator: ":").last.flatMap({ Int($0) }) else {
            return .failure(.didNotStart("it printed \(issuer)"))
        }
        keptOpen.append(input)
        return .success(MockIdentityProvider(issuer: issuer, port: port))
    }

    /// Sets the claims the provider puts in `subject`'s ID tokens (`PUT /users/<sub>`).
    func setClaims(of subject: String, _ json: String) throws {
        let answer = try TestHTTPClient.send(
            port: port, method: "PUT", path: "/users/\(subject)", headers: [("Content-Type", "application/json")],
            body: Array(json.utf8))
        guard answer.status == 204 else { throw ProviderAnswer.unexpected(answer.status, answer.text) }
    }

    /// Registers a client (RFC 7591) that must authenticate with `method`; returns its id and secret.
    func registerClient(redirectURI: String, method: String) throws -> (id: String, secret: String) {
        let body = "{\"redirect_uris\":[\"\(redirectURI)\"],\"token_endpoint_auth_method\":\"\(method)\"}"
        let answer = try TestHTTPClient.send(
            port: port, method: "POST", path: "/oauth2/clients", headers: [("Content-Type", "application/json")],
            body: Array(body.utf8))
        guard answer.status == 201,
            let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
            let id = object["client_id"] as? String, let secret = object["client_secret"] as? String
        else { throw ProviderAnswer.unexpected(answer.status, answer.text) }
        return (id, secret)
    }

    /// Does what the person does in the browser: submits the provider's authorization form for
    /// `authorizationURL` as `subject` (or presses "deny"), and returns the query of the redirect
    /// back to Rathaus, which is read from `Location` and not followed.
    func authorize(_ authorizationURL: String, as subject: String, deny: Bool = false) throws -> QueryParameters {
        let location = try redirect(authorizationURL, as: subject, deny: deny)
        guard let query = location.split(separator: "?", maxSplits: 1).last, location.contains("?") else {
            throw ProviderAnswer.unexpected(302, location)
        }
        return QueryParameters(String(query))
    }

    /// The same as `authorize`, returning the whole address the provider sends the browser back to.
    func redirect(_ authorizationURL: String, as subject: String, deny: Bool = false) throws -> String {
        guard authorizationURL.hasPrefix(issuer) else { throw ProviderAnswer.unexpected(0, authorizationURL) }
        let path = String(authorizationURL.dropFirst(issuer.count))
        let form = deny ? "action=deny" : "sub=" + subject
        let answer = try TestHTTPClient.send(
            port: port, method: "POST", path: path,
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
        guard answer.status == 302, let location = answer.header("Location") else {
            throw ProviderAnswer.unexpected(answer.status, answer.text)
        }
        return location
    }

    enum ProviderAnswer: Error {
        case unexpected(Int, String)
    }
}
