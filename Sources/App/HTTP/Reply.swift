package import HTTPServer

/// A route's answer: a response, or an event stream the server opens and hands to `start`.
package enum Reply: Sendable {
    case response(HTTPResponse)
    case stream(HTTPHeaders, start: @Sendable (any EventSink) -> Void)
}

/// A route's code: given the request (with its route parameters), it answers once through
/// `reply`, at once or later from any thread. It runs on an event-loop thread and must not block.
package typealias APIHandler = @Sendable (HTTPRequest, @escaping @Sendable (Reply) -> Void) -> Void

/// Where an event stream's events go: the server's `EventStream`, or a test's collector.
package protocol EventSink: AnyObject, Sendable {
    func send(_ event: ServerSentEvent)
    func close()
    var isClosed: Bool { get }
    func onClose(_ callback: @escaping @Sendable () -> Void)
}

extension EventStream: EventSink {}

extension HTTPResponse {
    /// JSON with the given status and extra header fields.
    package static func json(_ body: [UInt8], status: Int, headers: [(String, String)] = []) -> HTTPResponse {
        var response = HTTPResponse(status: HTTPStatus(code: status), body: body)
        response.headers.set("Content-Type", "application/json")
        for (name, value) in headers { response.headers.add(name, value) }
        return response
    }

    /// The problem document as the answer (`application/problem+json`, RFC 9457).
    package static func problem(_ problem: APIProblem, instance: String? = nil) -> HTTPResponse {
        var response = HTTPResponse(status: HTTPStatus(code: problem.status), body: problem.json(instance: instance))
        response.headers.set("Content-Type", "application/problem+json")
        response.headers.set("Cache-Control", "no-store")
        for (name, value) in problem.headers { response.headers.add(name, value) }
        return response
    }
}

extension Reply {
    package static func json(_ body: [UInt8], status: Int = 200, headers: [(String, String)] = []) -> Reply {
        .response(.json(body, status: status, headers: headers))
    }

    package static func problem(_ problem: APIProblem) -> Reply {
        .response(.problem(problem))
    }
}
