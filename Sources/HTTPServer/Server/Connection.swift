/// Names a connection within its loop: a slot and the generation of that slot, so a late
/// answer for a closed connection never reaches the next one in the same slot.
struct ConnectionID: Hashable, Sendable {
    let slot: UInt32
    let generation: UInt32

    var raw: UInt64 { UInt64(generation) << 32 | UInt64(slot) }

    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    init(raw: UInt64) {
        slot = UInt32(truncatingIfNeeded: raw)
        generation = UInt32(truncatingIfNeeded: raw >> 32)
    }
}

/// Names one request on one connection, for its responder.
struct ResponseToken: Hashable, Sendable {
    let connection: ConnectionID
    let request: UInt32
}

/// How a handler answered.
enum Answer: Sendable {
    case response(HTTPResponse)
    case stream(EventStream, HTTPHeaders)
}

/// The request a handler is working on.
struct ActiveRequest {
    let token: ResponseToken
    let id: UInt64
    let method: HTTPMethod
    let version: HTTPVersion
    let keepAlive: Bool
    let route: String?
    let routeNumber: Int?
    let start: UInt64
    var finishCallbacks: [@Sendable (ResponseRecord) -> Void] = []
    var transforms: [@Sendable (inout HTTPResponse) -> Void] = []
}

/// One accepted socket and everything the loop knows about it. Used only on its loop's thread.
final class Connection {
    let fd: Int32
    let id: ConnectionID
    let remoteAddress: String
    /// `remoteAddress` without the port, handed to each request.
    let remoteHost: String
    var decoder: RequestDecoder
    var phase = ConnectionPhase.fresh
    var phaseStart: UInt64
    /// When bytes last went out (or the connection opened): for the write timeout and stream
    /// keep-alives.
    var lastWrite: UInt64
    /// Received bytes not consumed yet, from `inboundStart` on; empty on the fast path, where
    /// input is decoded straight from the loop's read buffer (`sharedInput`).
    var inbound: [UInt8] = []
    var inboundStart = 0
    /// Unconsumed input still in the loop's read buffer, during one `drive` only.
    var sharedInput: Range<Int>?
    /// Bytes the socket did not take yet, from `outboundStart` on.
    var outbound: [UInt8] = []
    var outboundStart = 0
    /// Edge-triggered epoll: whether unread input may be waiting in the socket.
    var readable = false
    var peerClosed = false
    var closeAfterFlush = false
    var isClosed = false
    var requestNumber: UInt32 = 0
    var active: ActiveRequest?
    /// An answer given while its handler was still running on this thread.
    var answer: Answer?
    var stream: EventStream?
    var streamChunked = true

    init(fd: Int32, id: ConnectionID, remoteAddress: String, limits: RequestLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.remoteHost = HTTPRequest.host(of: remoteAddress)
        self.decoder = RequestDecoder(limits: limits)
        self.phaseStart = now
        self.lastWrite = now
    }

    var hasPendingOutput: Bool { outboundStart < outbound.count }

    var pendingOutputCount: Int { outbound.count - outboundStart }

    var hasBufferedInput: Bool { sharedInput != nil || inboundStart < inbound.count }

    func enter(_ phase: ConnectionPhase, at now: UInt64) {
        self.phase = phase
        phaseStart = now
    }
}
