import Glibc
import Testing

@testable import HTTPServer

@Suite struct ConfigurationTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let configuration = HTTPServer.Configuration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.eventLoopCount == 1)
        #expect(configuration.listenBacklog == 1024)
        #expect(configuration.maxConnections == 10_000)
        #expect(configuration.maxRequestLineBytes == 8192)
        #expect(configuration.maxHeaderBytes == 16_384)
        #expect(configuration.maxHeaderCount == 100)
        #expect(configuration.maxBodyBytes == 1_048_576)
        #expect(configuration.headerTimeout == .seconds(10))
        #expect(configuration.bodyTimeout == .seconds(30))
        #expect(configuration.idleTimeout == .seconds(60))
        #expect(configuration.handlerTimeout == .seconds(30))
        #expect(configuration.writeTimeout == .seconds(30))
        #expect(configuration.lingerTimeout == .seconds(2))
        #expect(configuration.eventStreamKeepAliveInterval == .seconds(15))
        #expect(configuration.maxEventStreamBufferBytes == 262_144)
        #expect(configuration.retryAfterSeconds == 1)
        #expect(configuration.problem() == nil)
    }

    @Test func unusableValuesAreRefusedAtStart() {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.idleTimeout = .zero
        #expect(throws: HTTPServerError.invalidConfiguration("timeouts must be positive")) {
            try HTTPServer(configuration: configuration, router: Router())
        }
        configuration.idleTimeout = .seconds(1)
        configuration.eventLoopCount = 0
        #expect(throws: HTTPServerError.invalidConfiguration("eventLoopCount must be 1 to 256")) {
            try HTTPServer(configuration: configuration, router: Router())
        }
    }

    @Test func anAddressInUseIsReported() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let first = try HTTPServer(configuration: configuration, router: Router())
        defer { first.shutdown() }
        configuration.port = first.port
        #expect(throws: HTTPServerError.bindFailed(host: "127.0.0.1", port: first.port, errno: EADDRINUSE)) {
            try HTTPServer(configuration: configuration, router: Router())
        }
    }

    @Test func limitsTooLargeToComputeWithAreRefused() {
        var configuration = HTTPServer.Configuration()
        configuration.maxHeaderBytes = Int.max
        #expect(configuration.problem() == "size limits must be from 0 to 1 GiB")
        configuration.maxHeaderBytes = 1 << 30
        #expect(configuration.problem() == nil)
    }
}
