import Synchronization

/// Admission control: at most `maximum` requests are being handled at once; beyond it the
/// answer is a 503 problem with `Retry-After`, at once and without running the handler
/// (Documentation/RushHour.md, "Admission control"). A request counts from the moment it passes
/// this middleware until it is answered (an event stream: until it is opened) or its connection
/// closes.
package final class InFlightLimitMiddleware: Middleware {
    /// The most requests handled at once.
    package let maximum: Int
    /// The `Retry-After` seconds sent with the 503.
    package let retryAfterSeconds: Int
    private let inFlight = Atomic<Int>(0)

    /// A limit of `maximum` requests in flight.
    package init(maximum: Int, retryAfterSeconds: Int = 1) {
        self.maximum = maximum
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Requests in flight right now.
    package var current: Int {
        inFlight.load(ordering: .relaxed)
    }

    /// See the type's description.
    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        guard inFlight.wrappingAdd(1, ordering: .relaxed).newValue <= maximum else {
            inFlight.subtract(1, ordering: .relaxed)
            responder.respond(
                Problem(
                    status: .serviceUnavailable, detail: "Too many requests are in progress; try again shortly.",
                    headers: ["Retry-After": String(retryAfterSeconds)]))
            return
        }
        responder.onFinish { [self] _ in
            inFlight.subtract(1, ordering: .relaxed)
        }
        next(request, responder)
    }
}
