package import Dispatch
import HTTPServer
package import Storage

/// What a handler returns: an answer now, a read of committed data to do off the event loop, a
/// command for an office writer with how to render its result, or other work that answers later.
/// The pipeline carries each out, so that no handler nests callbacks.
package enum Outcome: Sendable {
    /// The answer.
    case reply(Reply)
    /// Runs on the reading connection's queue (or on `on`, a reading connection of its own for
    /// long reports, so that they keep no lookup waiting); its result is carried out in turn.
    case read(on: SerialConnection? = nil, @Sendable (SQLiteConnection) throws -> Outcome)
    /// Sends the command to the office's writer (with the request's idempotency key where the
    /// route takes one, and `linked` in the same transaction); `render` turns the result into
    /// the next outcome.
    case command(
        OfficeCommand, to: OfficeWriter, linked: LinkedChange? = nil,
        render: @Sendable (Result<OfficeOutcome, WriterError>) throws -> Outcome)
    /// Runs on `queue` (a serial queue of the component's own, where it may block); its result is
    /// carried out in turn.
    case onQueue(DispatchQueue, @Sendable () throws -> Outcome)
    /// Work that answers later from another queue: it calls back with the outcome.
    case later(@Sendable (@escaping @Sendable (Outcome) -> Void) -> Void)

    /// A JSON answer.
    static func json(_ body: [UInt8], status: Int = 200, headers: [(String, String)] = []) -> Outcome {
        .reply(.json(body, status: status, headers: headers))
    }

    /// A JSON answer that must not be cached (it holds a caller's own data).
    static func noStore(_ body: [UInt8], status: Int = 200, headers: [(String, String)] = []) -> Outcome {
        .reply(.json(body, status: status, headers: headers + [("Cache-Control", "no-store")]))
    }

    /// An answer with a status and no body.
    static func empty(_ status: HTTPStatus) -> Outcome {
        .reply(.response(HTTPResponse(status: status)))
    }

    /// A problem.
    static func problem(_ problem: APIProblem) -> Outcome {
        .reply(.problem(problem))
    }

    /// A plain HTTP response.
    static func response(_ response: HTTPResponse) -> Outcome {
        .reply(.response(response))
    }
}
