import HTTPServer
import RathausCommandLine

/// `rathaus-tools serve-bench`: serves one fixed JSON answer, the Rathaus side of Scripts/bench-http.
enum ServeBenchCommand: Subcommand {
    static let name = "serve-bench"
    static let summary = "serve a fixed JSON answer for the HTTP benchmark"
    static let usage = """
        usage: rathaus-tools serve-bench [--host HOST] [--port PORT] [--loops N] [--print-body]

        Serves the same ~300-byte JSON document on every GET path (an availability answer as the
        API would cache it), for Scripts/bench-http to compare against nginx. Stops on SIGTERM or
        SIGINT, draining open requests, and exits 0.

          --host HOST     address to listen on (default 127.0.0.1)
          --port PORT     port to listen on (default 8080; 0 picks a free one)
          --loops N       event-loop threads (default: the server's default)
          --print-body    print the JSON document and exit
        """

    /// The document served: built once, never encoded per request.
    static let body: [UInt8] =
        Array(
            """
            {"office":"musterstadt-rathaus","service":"personalausweis-beantragen","date":"2026-12-01",\
            "slots":[{"start":"2026-12-01T08:00:00+01:00","counters":2},\
            {"start":"2026-12-01T08:10:00+01:00","counters":1},{"start":"2026-12-01T08:40:00+01:00","counters":3}],\
            "documents":["personalausweis","biometrisches-passfoto"]}
            """.utf8) + [UInt8(ascii: "\n")]

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        var configuration = HTTPServer.Configuration()
        configuration.host = try arguments.option("host") ?? configuration.host
        configuration.port = try arguments.intOption("port", in: 0...65_535) ?? configuration.port
        configuration.eventLoopCount = try arguments.intOption("loops", in: 1...64) ?? configuration.eventLoopCount
        let printBody = try arguments.flag("print-body")
        try arguments.finish()
        if printBody {
            print(String(decoding: body, as: UTF8.self), terminator: "")
            return 0
        }
        _ = HTTPServer.raiseOpenFileLimit(to: configuration.maxConnections + 64)
        let response = HTTPResponse.json(body)
        var router = Router()
        router.get("/") { _, responder in responder.respond(response) }
        router.get("/{path}") { _, responder in responder.respond(response) }
        let server = try HTTPServer(configuration: configuration, router: router)
        try server.start()
        let signals = server.shutdownOnTerminationSignals(gracePeriod: .seconds(5))
        RequestLogMiddleware.writeToStandardError(
            "level=info event=http.listening host=\(configuration.host) port=\(server.port) "
                + "loops=\(configuration.eventLoopCount)")
        server.waitUntilStopped()
        signals.cancel()
        RequestLogMiddleware.writeToStandardError("level=info event=http.stopped")
        return 0
    }
}
