/// Where a connection is in its life, as far as its deadlines are concerned.
enum ConnectionPhase: Equatable, Sendable {
    /// Accepted; no byte has arrived yet.
    case fresh
    /// Kept alive after an answer; no byte of the next request yet.
    case idle
    /// Part of a request head has arrived.
    case readingHead
    /// The head is in; the body is arriving.
    case readingBody
    /// A handler has the request and has not answered.
    case handling
    /// An event stream is open.
    case streaming
    /// The server has finished and is waiting for the client to close (RFC 9112 §9.6).
    case lingering
}

/// What a deadline that passed asks the loop to do.
enum TimeoutAction: Equatable, Sendable {
    case none
    /// Close without an answer (nothing was asked, or the client stopped taking bytes).
    case close
    /// Answer 408 and close.
    case requestTimeout
    /// Answer 503 in the handler's place.
    case handlerTimeout
    /// Send a comment on the event stream.
    case keepAliveComment
}

/// The connection deadlines: a pure function of the phase, when it began, when bytes last
/// went out and the current time, so it is tested with plain numbers.
struct ConnectionTimer: Sendable, Equatable {
    var header: UInt64
    var body: UInt64
    var idle: UInt64
    var handler: UInt64
    var write: UInt64
    var linger: UInt64
    var keepAliveInterval: UInt64

    init(_ configuration: HTTPServer.Configuration) {
        header = configuration.headerTimeout.nanoseconds
        body = configuration.bodyTimeout.nanoseconds
        idle = configuration.idleTimeout.nanoseconds
        handler = configuration.handlerTimeout.nanoseconds
        write = configuration.writeTimeout.nanoseconds
        linger = configuration.lingerTimeout.nanoseconds
        keepAliveInterval = configuration.eventStreamKeepAliveInterval.nanoseconds
    }

    /// How often the loop looks at deadlines: an eighth of the shortest, from 10 ms to 250 ms.
    var tick: UInt64 {
        let shortest = [header, body, idle, handler, write, linger, keepAliveInterval].min() ?? 1_000_000_000
        return min(max(shortest / 8, 10_000_000), 250_000_000)
    }

    /// The action due at `now` (all times in nanoseconds of one monotonic clock).
    func action(
        phase: ConnectionPhase, phaseStart: UInt64, lastWrite: UInt64, outputPending: Bool, now: UInt64
    ) -> TimeoutAction {
        func passed(_ since: UInt64, _ limit: UInt64) -> Bool {
            now >= since && now - since >= limit
        }
        if outputPending && passed(lastWrite, write) {
            return .close
        }
        switch phase {
        case .fresh:
            return passed(phaseStart, header) ? .close : .none
        case .idle:
            return passed(phaseStart, idle) ? .close : .none
        case .readingHead:
            return passed(phaseStart, header) ? .requestTimeout : .none
        case .readingBody:
            return passed(phaseStart, body) ? .requestTimeout : .none
        case .handling:
            return passed(phaseStart, handler) ? .handlerTimeout : .none
        case .streaming:
            return !outputPending && passed(lastWrite, keepAliveInterval) ? .keepAliveComment : .none
        case .lingering:
            return passed(phaseStart, linger) ? .close : .none
        }
    }
}
