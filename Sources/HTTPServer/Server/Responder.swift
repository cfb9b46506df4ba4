/// How a handler answers its request: now, on the event-loop thread, or later, from any thread
/// (for example when a booking's transaction has committed on a writer queue).
///
/// Every method is safe from any thread. The first answer counts; later ones, and answers after
/// the handler deadline passed (the server then answered 503) or after the client went away,
/// are dropped. An answer given while the handler still runs on the loop thread is written
/// without any locking or wake-up; one given from elsewhere goes through the loop's mailbox and
/// an eventfd wake-up, and never blocks the caller.
package struct Responder: Sendable {
    let loop: EventLoop
    let token: ResponseToken

    /// Answers with `response`.
    package func respond(_ response: HTTPResponse) {
        loop.deliver(token, .answer(token, .response(response)))
    }

    /// Answers with a problem, rendered by the server's `problemRenderer`.
    package func respond(_ problem: Problem) {
        respond(loop.core.configuration.problemRenderer(problem))
    }

    /// Answers with an event stream (`text/event-stream`, WHATWG HTML §9.2) and returns it;
    /// push events to it from any thread. The stream stays open until it or the client closes
    /// it or the server shuts down. `headers` are added to the answer; `Content-Type` and
    /// `Cache-Control: no-cache` are set unless given. Over HTTP/1.1 the events go in chunks;
    /// for `HEAD` and after another answer, the returned stream is already closed.
    package func openEventStream(headers: HTTPHeaders = [:]) -> EventStream {
        let stream = EventStream(loop: loop, connection: token.connection)
        loop.deliver(token, .answer(token, .stream(stream, headers)))
        return stream
    }

    /// Calls `callback` once when the request is finished: answered (by the handler or by the
    /// server in its place), or abandoned because the connection closed (status nil). Runs on
    /// the loop thread. Register before answering; a callback registered after the answer is
    /// never called.
    package func onFinish(_ callback: @escaping @Sendable (ResponseRecord) -> Void) {
        loop.deliver(token, .finishCallback(token, callback))
    }

    /// Changes the response before it is written (for example to add a header); transforms
    /// run in the order registered, on the loop thread. Not applied to event streams. Register
    /// before answering.
    package func transformResponse(_ transform: @escaping @Sendable (inout HTTPResponse) -> Void) {
        loop.deliver(token, .transform(token, transform))
    }
}
