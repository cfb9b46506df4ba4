import Dispatch
import Glibc
import Synchronization

/// What every event loop of one server shares: immutable configuration and routes, and a few
/// atomics.
final class ServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let limits: RequestLimits
    let timer: ConnectionTimer
    let router: Router
    /// The router's table, which the loops match against without copying the router.
    let routes: Router.Table
    let middleware: [any Middleware]
    let onResponse: (@Sendable (ResponseRecord) -> Void)?
    let listenFD: Int32
    /// Open connections over all loops, against `maxConnections`.
    let openConnections = Atomic<Int>(0)
    /// Loops that still have the listening socket in their epoll set; the last one to let go
    /// closes it, so new connections are refused as soon as all loops stopped accepting.
    let loopsListening: Atomic<Int>
    /// Left by each loop when its thread ends.
    let running = DispatchGroup()

    init(
        configuration: HTTPServer.Configuration, router: Router, middleware: [any Middleware],
        onResponse: (@Sendable (ResponseRecord) -> Void)?, listenFD: Int32
    ) {
        self.configuration = configuration
        self.limits = configuration.limits
        self.timer = ConnectionTimer(configuration)
        self.router = router
        self.routes = router.table
        self.middleware = middleware
        self.onResponse = onResponse
        self.listenFD = listenFD
        self.loopsListening = Atomic(configuration.eventLoopCount)
    }

    /// Called by each loop once it no longer accepts.
    func loopStoppedListening() {
        if loopsListening.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            close(listenFD)
        }
    }

    /// The bytes sent to a connection refused at the cap: a 503 problem with `Retry-After`.
    func refusal(date: DateCache) -> [UInt8] {
        var problem = Problem(
            status: .serviceUnavailable, detail: "The server has too many open connections; try again shortly.")
        problem.headers.add("Retry-After", String(configuration.retryAfterSeconds))
        var bytes: [UInt8] = []
        ResponseEncoder.write(
            configuration.problemRenderer(problem), omitBody: false, connection: .close, date: date, into: &bytes)
        return bytes
    }
}
