import CSystem
import Dispatch
import Glibc
import Synchronization

/// An HTTP/1.1 server on non-blocking sockets with one epoll event loop per thread.
///
/// ```swift
/// var router = Router()
/// router.get("/v1/offices/{office}") { request, responder in
///     responder.respond(.json(cachedBytes(for: request.parameters["office"])))
/// }
/// let server = try HTTPServer(configuration: configuration, router: router)
/// try server.start()
/// let signals = server.shutdownOnTerminationSignals(gracePeriod: .seconds(10))
/// server.waitUntilStopped()
/// ```
///
/// The socket is bound when the server is made, so `port` is known before `start()`.
package final class HTTPServer: Sendable {
    /// The configuration the server runs with.
    package let configuration: Configuration
    /// The TCP port the server listens on (the one chosen by the system when configured as 0).
    package let port: Int
    private let core: ServerCore
    private let loops: [EventLoop]
    private let lifecycle = Mutex(Lifecycle.created)

    private enum Lifecycle {
        case created
        /// Served on a caller's thread (`serveOnCallingThread`), never started.
        case callingThread
        case running
        case stopping
        case stopped
    }

    /// Binds the listening socket. `middleware` runs around every handler in the order given;
    /// `onResponse` is told about every answer, including the server's own errors.
    /// Binds `host`:`port` and lets go at once: whether a server could listen there, checked
    /// before work that should not happen for a server that cannot (port 0 always can).
    package static func checkListenable(host: String, port: Int) throws(HTTPServerError) {
        guard port != 0 else { return }
        let (fd, _) = try Socket.listen(host: host, port: port, backlog: 1)
        close(fd)
    }

    package init(
        configuration: Configuration = Configuration(), router: Router, middleware: [any Middleware] = [],
        onResponse: (@Sendable (ResponseRecord) -> Void)? = nil
    ) throws(HTTPServerError) {
        if let problem = configuration.problem() {
            throw .invalidConfiguration(problem)
        }
        // Writes use MSG_NOSIGNAL; this also covers anything else in the process writing to a
        // socket whose peer is gone.
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Socket.listen(
            host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        let core = ServerCore(
            configuration: configuration, router: router, middleware: middleware, onResponse: onResponse,
            listenFD: fd)
        var loops: [EventLoop] = []
        do {
            for index in 0..<configuration.eventLoopCount {
                loops.append(try EventLoop(index: index, core: core))
            }
        } catch {
            close(fd)
            throw error
        }
        self.configuration = configuration
        self.port = port
        self.core = core
        self.loops = loops
    }

    deinit {
        // A server that never ran still holds its sockets. A running one's loops go on until
        // `shutdown`: keep the server value for as long as it should run.
        let neverStarted = lifecycle.withLock { state -> Bool in
            switch state {
            case .created, .callingThread:
                state = .stopped
                return true
            case .running, .stopping, .stopped:
                return false
            }
        }
        if neverStarted {
            close(core.listenFD)
        }
    }

    /// Starts the event-loop threads. Throws when already started or shut down.
    package func start() throws(HTTPServerError) {
        let startable = lifecycle.withLock { state -> Bool in
            guard case .created = state else { return false }
            state = .running
            return true
        }
        guard startable else { throw .notStartable }
        for loop in loops {
            core.running.enter()
            Self.spawnThread { loop.run() }
        }
    }

    /// Stops accepting at once, lets requests in flight finish and be answered (with
    /// `Connection: close`), closes idle connections and event streams, and closes whatever is
    /// left when `gracePeriod` has passed. Returns at once; see `waitUntilStopped()`. Calling it
    /// again with a shorter grace period moves the deadline closer.
    package func shutdown(gracePeriod: Duration = .seconds(10)) {
        let now = Socket.monotonicNanoseconds()
        let (sum, overflow) = now.addingReportingOverflow(gracePeriod.nanoseconds)
        let deadline = overflow ? UInt64.max : sum
        let wasCreated = lifecycle.withLock { state -> Bool in
            switch state {
            case .created, .callingThread:
                state = .stopped
                return true
            case .running:
                state = .stopping
                return false
            case .stopping, .stopped:
                return false
            }
        }
        if wasCreated {
            close(core.listenFD)
            return
        }
        for loop in loops {
            loop.post(.shutdown(deadline: deadline))
        }
    }

    /// Serves on the calling thread instead of starting the loops' threads: runs passes of the
    /// first event loop (accepting, reading, decoding, routing, middleware, handlers, encoding,
    /// writing, answers from other queues) until `finished` returns true, checked after every
    /// pass, or `timeout` has passed; returns whether `finished` did. For benchmarks that count
    /// what a request costs in one thread (valgrind's callgrind) and for tests; a client connects
    /// to `port` as to a running server. It may be called again; a server served this way cannot
    /// be started. The calling thread is marked as an event loop's while it serves, so debug
    /// builds refuse a blocking database call in a handler as they do on a loop thread.
    package func serveOnCallingThread(timeout: Duration = .seconds(30), until finished: () -> Bool) -> Bool {
        let first = lifecycle.withLock { state -> Bool? in
            switch state {
            case .created:
                state = .callingThread
                return true
            case .callingThread:
                return false
            case .running, .stopping, .stopped:
                return nil
            }
        }
        guard let first, let loop = loops.first else { return false }
        if first { loop.beginPasses() }
        let deadline = Socket.monotonicNanoseconds() &+ timeout.nanoseconds
        let previous = csystem_must_not_block()
        csystem_set_must_not_block(1)
        defer { csystem_set_must_not_block(previous) }
        while !finished() {
            let now = Socket.monotonicNanoseconds()
            guard now < deadline, loop.pass(maxWaitMilliseconds: Int32(clamping: (deadline - now) / 1_000_000 + 1))
            else { return false }
        }
        return true
    }

    /// Blocks until every loop has stopped after `shutdown`; returns at once if the server was
    /// never started.
    package func waitUntilStopped() {
        core.running.wait()
        lifecycle.withLock { $0 = .stopped }
    }

    /// Waits until every loop has stopped after `shutdown`.
    package func stopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            core.running.notify(queue: .global()) {
                continuation.resume()
            }
        }
        lifecycle.withLock { $0 = .stopped }
    }

    /// Connections open right now, over all loops.
    package var openConnections: Int {
        core.openConnections.load(ordering: .relaxed)
    }

    /// Raises the process's limit of open files towards `wanted` (a server with many
    /// connections needs one descriptor each); returns the limit in force afterwards.
    package static func raiseOpenFileLimit(to wanted: Int) -> Int {
        Socket.raiseOpenFileLimit(to: wanted)
    }

    private final class ThreadBody {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private static func spawnThread(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { argument in
                if let argument {
                    Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().body()
                }
                return nil
            }, context)
        if result == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            body()
        }
    }
}
