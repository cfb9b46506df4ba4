import Foundation
import HTTPServer
import Synchronization

/// A configuration on port 0 with short timeouts that tests override as they need.
func testConfiguration(_ change: (inout HTTPServer.Configuration) -> Void = { _ in }) -> HTTPServer.Configuration {
    var configuration = HTTPServer.Configuration()
    configuration.port = 0
    configuration.headerTimeout = .seconds(10)
    configuration.lingerTimeout = .milliseconds(500)
    // Tests that hold an answer on purpose must not meet the handler timeout when a loaded
    // machine runs them late; the tests of that timeout set their own.
    configuration.handlerTimeout = .seconds(120)
    change(&configuration)
    return configuration
}

/// Runs `body` with a started server, then shuts it down and waits until it stopped.
func withServer<Result>(
    _ configuration: HTTPServer.Configuration = testConfiguration(),
    router: Router,
    middleware: [any Middleware] = [],
    onResponse: (@Sendable (ResponseRecord) -> Void)? = nil,
    _ body: (HTTPServer) async throws -> Result
) async throws -> Result {
    let server = try HTTPServer(
        configuration: configuration, router: router, middleware: middleware, onResponse: onResponse)
    try server.start()
    do {
        let result = try await body(server)
        server.shutdown(gracePeriod: .zero)
        await server.stopped()
        return result
    } catch {
        server.shutdown(gracePeriod: .zero)
        await server.stopped()
        throw error
    }
}

/// A router answering `GET /hello` with `hello` and echoing bodies at `POST /echo`.
func basicRouter() -> Router {
    var router = Router()
    router.get("/hello") { _, responder in
        responder.respond(.text("hello"))
    }
    router.post("/echo") { request, responder in
        responder.respond(
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body))
    }
    return router
}

/// Polls `condition` until it holds or `timeout` passes; for live tests where the server
/// offers no signal (a connection count settling). Returns whether it held.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A one-shot signal a test can await, fired from any thread.
final class Signal<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var waiters: [CheckedContinuation<Value?, Never>] = []
    }

    private let state = Mutex(State())

    init() {}

    /// Sets the value (the first one counts) and wakes the waiters.
    func fire(_ value: Value) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value?, Never>] in
            guard state.value == nil else { return [] }
            state.value = value
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The value, or nil when it was not fired within `timeout`.
    func wait(timeout: Duration = .seconds(10)) async -> Value? {
        let timer = Task {
            try? await Task.sleep(for: timeout)
            expire()
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let value = state.withLock { state -> Value?? in
                if let value = state.value { return .some(value) }
                state.waiters.append(continuation)
                return .none
            }
            if let value { continuation.resume(returning: value) }
        }
    }

    private func expire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Value?, Never>] in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }
}
