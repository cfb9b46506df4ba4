import Foundation
import Glibc
import Testing

@testable import App

/// Discovery against counterparts that fail: a closed port and a socket that never answers.
@Suite struct ProviderFailureTests {
    func configuration(issuer: String, timeout: Int) -> OpenIDConfiguration {
        var configuration = OpenIDConfiguration(
            issuer: issuer, clientID: "rathaus", clientSecret: "x", redirectURI: OpenIDProviderLiveTests.redirectURI)
        configuration.allowsLoopbackHTTP = true
        configuration.requestTimeoutSeconds = timeout
        return configuration
    }

    @Test func aProviderThatIsNotListeningIsReportedAsUnreachable() async throws {
        let port = try closedPort()
        let configuration = configuration(issuer: "http://127.0.0.1:\(port)", timeout: 5)
        let error = await #expect(throws: SignInError.self) { try await OpenIDProvider.discover(configuration) }
        #expect(
            error
                == .unreachable(
                    url: "http://127.0.0.1:\(port)/.well-known/openid-configuration",
                    reason: "the connection was refused"))
    }

    @Test func aProviderThatDoesNotAnswerTimesOut() async throws {
        // A socket that listens but never accepts: the kernel completes the handshake, nobody answers.
        let (descriptor, port) = try silentListener()
        defer { close(descriptor) }
        let configuration = configuration(issuer: "http://127.0.0.1:\(port)", timeout: 1)
        let error = await #expect(throws: SignInError.self) { try await OpenIDProvider.discover(configuration) }
        #expect(
            error
                == .unreachable(
                    url: "http://127.0.0.1:\(port)/.well-known/openid-configuration",
                    reason: "no answer within 1 s"))
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let server = try CannedAnswerServer(
            "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let configuration = configuration(issuer: "http://127.0.0.1:\(server.port)", timeout: 5)
        await #expect(
            throws: SignInError.redirected(url: "http://127.0.0.1:\(server.port)/.well-known/openid-configuration")
        ) { try await OpenIDProvider.discover(configuration) }
    }

    @Test func aServerErrorIsReportedWithItsStatus() async throws {
        let server = try CannedAnswerServer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\n{}")
        defer { server.stop() }
        let configuration = configuration(issuer: "http://127.0.0.1:\(server.port)", timeout: 5)
        await #expect(
            throws: SignInError.unexpectedStatus(
                url: "http://127.0.0.1:\(server.port)/.well-known/openid-configuration", status: 503)
        ) { try await OpenIDProvider.discover(configuration) }
    }

    @Test func anAnswerBeyondTheSizeLimitIsRefusedAndOneAtTheLimitRead() async throws {
        // A discovery document of exactly `limit` bytes naming another issuer, so that reading it
        // gives the issuer mismatch, and one byte more gives the size refusal.
        let limit = 2_000
        let prefix = "{\"issuer\": \""
        let body = prefix + String(repeating: "x", count: limit - prefix.utf8.count - 2) + "\"}"
        #expect(body.utf8.count == limit)
        for (extra, tooLarge) in [("", false), (" ", true)] {
            let answer = body + extra
            let server = try CannedAnswerServer(
                "HTTP/1.1 200 OK\r\nContent-Length: \(answer.utf8.count)\r\n\r\n" + answer)
            defer { server.stop() }
            var configuration = configuration(issuer: "http://127.0.0.1:\(server.port)", timeout: 5)
            configuration.maximumResponseBytes = limit
            let error = await #expect(throws: SignInError.self) { try await OpenIDProvider.discover(configuration) }
            if tooLarge {
                #expect(
                    error == .responseTooLarge(url: "http://127.0.0.1:\(server.port)/.well-known/openid-configuration"))
            } else {
                guard case .issuerMismatch? = error else {
                    Issue.record("expected the document to be read, got \(String(describing: error))")
                    continue
                }
            }
        }
    }

    /// A loopback port that nothing listens on: bound, then closed.
    func closedPort() throws -> Int {
        let (descriptor, port) = try silentListener()
        close(descriptor)
        return port
    }

    /// A socket listening on a free loopback port, never accepting.
    func silentListener() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw MockIdentityProvider.ProviderAnswer.unexpected(0, "no socket") }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
