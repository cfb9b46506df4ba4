/// Code that runs around every handler, in the order given to the server, after the route is
/// matched (`request.route` is set) and before the handler. A middleware may answer itself and
/// not call `next` (authentication, admission control), change the request, or watch the
/// answer with `Responder.onFinish` and change it with `Responder.transformResponse`.
/// Requests the decoder refused (400, 413, …) never reach middleware; use the server's
/// `onResponse` to see every answer.
package protocol Middleware: Sendable {
    /// Handles a request; calls `next` to go on, at most once.
    func handle(_ request: HTTPRequest, _ responder: Responder, next: Next)

    /// Called by every event loop after each pass over its ready events (under load one pass
    /// answers dozens of requests; idle, a pass comes at least every timer tick) and once more
    /// when it stops: for work worth doing once per pass rather than per request, such as
    /// writing the pass's log lines. Default: nothing.
    func passEnded()

    /// Appends header field lines (`Name: value` and CRLF) to the head of every response to a
    /// request the server handed to the middleware chain (whether or not it reached this
    /// middleware), as the head is written, after `response`'s own fields, in the order of the
    /// chain; not to event streams. For a field every answer gets (a request id, security
    /// headers the response lacks): no closure, no message and no copy of the response's fields,
    /// as a `transformResponse` per request would cost. What is appended must be valid field
    /// lines (RFC 9110 §5). Default: nothing.
    func writeFields(requestID: UInt64, response: HTTPResponse, into head: inout [UInt8])

    /// Called when a request the server handed to the middleware chain is finished (answered, or
    /// abandoned when its connection closed), on the loop thread, after the request's own
    /// `onFinish` callbacks. For what is done with every request's end (a log line): cheaper
    /// than an `onFinish` per request. Default: nothing.
    func finished(_ record: ResponseRecord)
}

extension Middleware {
    /// Nothing.
    package func passEnded() {}

    /// Nothing.
    package func writeFields(requestID: UInt64, response: HTTPResponse, into head: inout [UInt8]) {}

    /// Nothing.
    package func finished(_ record: ResponseRecord) {}
}

/// The rest of the middleware chain and the handler.
package struct Next: Sendable {
    let chain: [any Middleware]
    let index: Int
    let handler: Handler

    /// Runs the next middleware, or the handler after the last one.
    package func callAsFunction(_ request: HTTPRequest, _ responder: Responder) {
        if index < chain.count {
            chain[index].handle(request, responder, next: Next(chain: chain, index: index + 1, handler: handler))
        } else {
            handler(request, responder)
        }
    }
}

/// A middleware from a closure.
package struct ClosureMiddleware: Middleware {
    private let body: @Sendable (HTTPRequest, Responder, Next) -> Void

    /// A middleware running `body`.
    package init(_ body: @escaping @Sendable (HTTPRequest, Responder, Next) -> Void) {
        self.body = body
    }

    /// Runs the closure.
    package func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
        body(request, responder, next)
    }
}
