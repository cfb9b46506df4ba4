import CSystem
import Dispatch
import Glibc
import Synchronization

/// One event-loop thread: an epoll set with the listening socket, an eventfd for wake-ups and
/// the connections it accepted, all non-blocking and edge-triggered.
///
/// `@unchecked Sendable` because it wraps C handles (the epoll and eventfd descriptors and the
/// sockets) confined to one thread. Invariant: everything except `mailbox`, `mailPending`,
/// `threadID` and the `let` properties is touched only on the loop's own thread; other threads
/// reach the loop through `post(_:)` alone, and `deliver(_:_:)` only reads `dispatching` after
/// checking it runs on the loop's thread.
final class EventLoop: @unchecked Sendable {
    enum Message {
        case answer(ResponseToken, Answer)
        case finishCallback(ResponseToken, @Sendable (ResponseRecord) -> Void)
        case transform(ResponseToken, @Sendable (inout HTTPResponse) -> Void)
        case streamData(ConnectionID, [UInt8])
        case streamBroadcast([ConnectionID], [UInt8])
        case streamClose(ConnectionID)
        case shutdown(deadline: UInt64)
    }

    private static let listenTag = UInt64.max
    private static let wakeTag = UInt64.max - 1
    private static let readBufferSize = 64 * 1024
    private static let acceptBatch = 128
    private static let eventCapacity = 256
    static let keepAliveComment: [UInt8] = Array(": keep-alive\n\n".utf8)

    let index: Int
    let core: ServerCore
    private let epoll: Int32
    private let wake: Int32
    /// Messages from other threads; nil once the loop has stopped (later posts are dropped).
    private let mailbox = Mutex<[Message]?>([])
    private let mailPending = Atomic<Bool>(false)
    private let threadID = Atomic<UInt>(0)

    // Loop-thread state.
    private var connections: [Connection?] = []
    private var generations: [UInt32] = []
    private var freeSlots: [Int] = []
    private var liveCount = 0
    private let readBuffer: UnsafeMutableRawBufferPointer
    private let events: UnsafeMutablePointer<csystem_event>
    private var output: [UInt8] = []
    /// Large response bodies queued after `output[..<at]`, written from their own storage in the
    /// same `sendmsg` as the heads around them rather than copied into `output`.
    private var outputBodies: [(at: Int, body: [UInt8])] = []
    private var date = DateCache()
    private var now: UInt64 = 0
    private var nextSweep: UInt64 = 0
    private var dispatching: ConnectionID?
    private var draining = false
    private var listening = true
    private var drainDeadline = UInt64.max
    private var requestCounter: UInt64 = 0
    private var reserveFD: Int32
    private var hasRun = false

    init(index: Int, core: ServerCore) throws(HTTPServerError) {
        self.index = index
        self.core = core
        let epoll = csystem_epoll_create()
        guard epoll >= 0 else { throw .systemCallFailed("epoll_create1", errno: errno) }
        let wake = csystem_eventfd()
        guard wake >= 0 else {
            let code = errno
            Glibc.close(epoll)
            throw .systemCallFailed("eventfd", errno: code)
        }
        guard csystem_epoll_add(epoll, wake, CSYSTEM_EPOLLIN, Self.wakeTag) == 0,
            csystem_epoll_add(epoll, core.listenFD, CSYSTEM_EPOLLIN | CSYSTEM_EPOLLEXCLUSIVE, Self.listenTag) == 0
        else {
            let code = errno
            Glibc.close(epoll)
            Glibc.close(wake)
            throw .systemCallFailed("epoll_ctl", errno: code)
        }
        self.epoll = epoll
        self.wake = wake
        self.reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        self.events = .allocate(capacity: Self.eventCapacity)
        output.reserveCapacity(Self.readBufferSize)
    }

    deinit {
        // The eventfd lives as long as the loop object: a responder or stream may still post
        // (and signal it) after the loop stopped, and must never write to a reused descriptor.
        if !hasRun {
            Glibc.close(epoll)
            if reserveFD >= 0 { Glibc.close(reserveFD) }
        }
        Glibc.close(wake)
        readBuffer.deallocate()
        events.deallocate()
    }

    /// Whether the caller runs on this loop's thread.
    var isOnLoopThread: Bool {
        threadID.load(ordering: .relaxed) == UInt(pthread_self())
    }

    // MARK: - Cross-thread entry points

    /// Queues a message for the loop and wakes it if needed. Safe from any thread.
    func post(_ message: Message) {
        let accepted = mailbox.withLock { mailbox -> Bool in
            guard mailbox != nil else { return false }
            mailbox?.append(message)
            return true
        }
        guard accepted else {
            if case .answer(_, .stream(let stream, _)) = message { stream.markClosed() }
            return
        }
        if isOnLoopThread {
            mailPending.store(true, ordering: .releasing)
        } else if !mailPending.exchange(true, ordering: .acquiringAndReleasing) {
            _ = csystem_eventfd_signal(wake)
        }
    }

    /// What a responder does: straight into the connection when its handler is running on
    /// this thread right now, through the mailbox otherwise.
    func deliver(_ token: ResponseToken, _ message: Message) {
        if isOnLoopThread, dispatching == token.connection {
            acceptWhileDispatching(token, message)
        } else {
            post(message)
        }
    }

    // MARK: - The loop

    /// Runs the loop until it has shut down and its last connection is closed.
    func run() {
        hasRun = true
        csystem_set_thread_name("http-loop-\(index)")
        // Handlers run here: debug builds refuse a blocking database call on this thread.
        csystem_set_must_not_block(1)
        beginPasses()
        while pass() {
            if draining && liveCount == 0 {
                break
            }
        }
        stopListening()
        for connection in connections.compactMap({ $0 }) {
            close(connection)
        }
        processMail()
        let leftover = mailbox.withLock { mailbox in
            defer { mailbox = nil }
            return mailbox ?? []
        }
        for case .answer(_, .stream(let stream, _)) in leftover {
            stream.markClosed()
        }
        for middleware in core.middleware {
            middleware.passEnded()
        }
        Glibc.close(epoll)
        if reserveFD >= 0 { Glibc.close(reserveFD) }
        core.running.leave()
    }

    /// Makes the calling thread the loop's own and starts the clock of its passes.
    func beginPasses() {
        threadID.store(UInt(pthread_self()), ordering: .relaxed)
        now = Socket.monotonicNanoseconds()
        date.update()
        nextSweep = now + core.timer.tick
    }

    /// One pass of the loop on its own thread: waits for ready events (no longer than until the
    /// next sweep, nor `maxWaitMilliseconds`), handles them, then the mail, the sweep when due,
    /// and the middleware's end of pass. Returns false when epoll failed.
    func pass(maxWaitMilliseconds: Int32 = .max) -> Bool {
        let waitMilliseconds: Int32
        if mailPending.load(ordering: .acquiring) {
            waitMilliseconds = 0
        } else {
            let untilSweep = Int32(clamping: (nextSweep > now ? nextSweep - now : 0) / 1_000_000 + 1)
            waitMilliseconds = min(untilSweep, maxWaitMilliseconds)
        }
        let count = csystem_epoll_wait(epoll, events, Int32(Self.eventCapacity), waitMilliseconds)
        now = Socket.monotonicNanoseconds()
        date.update()
        if count < 0 && errno != EINTR {
            return false
        }
        for position in 0..<max(Int(count), 0) {
            handle(events[position])
        }
        if mailPending.load(ordering: .acquiring) {
            processMail()
        }
        if now >= nextSweep {
            sweep()
            nextSweep = now + core.timer.tick
        }
        for middleware in core.middleware {
            middleware.passEnded()
        }
        return true
    }

    private func handle(_ event: csystem_event) {
        switch event.tag {
        case Self.listenTag:
            acceptConnections()
        case Self.wakeTag:
            _ = csystem_eventfd_drain(wake)
        default:
            guard let connection = connection(ConnectionID(raw: event.tag)) else { return }
            if event.events & CSYSTEM_EPOLLERR != 0 {
                close(connection)
                return
            }
            if connection.phase == .handling && event.events & (CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLHUP) != 0 {
                // The client went away while its request was being handled: the request is
                // abandoned at once (its finish callbacks see no status), as Go's net/http
                // cancels a request whose connection reads end of input. A client that only
                // half-closed loses an answer that was not ready yet.
                close(connection)
                return
            }
            if event.events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLHUP) != 0 {
                connection.readable = true
            }
            drive(connection)
        }
    }

    func connection(_ id: ConnectionID) -> Connection? {
        let slot = Int(id.slot)
        guard slot < connections.count, let connection = connections[slot], connection.id == id else {
            return nil
        }
        return connection
    }

    // MARK: - Accepting

    private func acceptConnections() {
        guard listening else { return }
        for _ in 0..<Self.acceptBatch {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { csystem_accept(core.listenFD, $0, &length) }
            }
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE:
                    shedOneConnection()
                    continue
                default:
                    return
                }
            }
            let open = core.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
            guard open <= core.configuration.maxConnections else {
                core.openConnections.subtract(1, ordering: .relaxed)
                refuse(fd)
                continue
            }
            register(fd, remote: storage)
        }
    }

    /// Out of file descriptors: accept with the spare one and close at once, so the pending
    /// connection is not left in the backlog to wake every loop again (libev's and nginx's trick).
    private func shedOneConnection() {
        guard reserveFD >= 0 else { return }
        Glibc.close(reserveFD)
        let fd = csystem_accept(core.listenFD, nil, nil)
        if fd >= 0 {
            refuse(fd)
        }
        reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    /// Sends the 503 for connections beyond the cap and closes.
    private func refuse(_ fd: Int32) {
        let bytes = core.refusal(date: date)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        _ = shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
        report(
            ResponseRecord(
                requestID: 0, method: nil, route: nil, status: .serviceUnavailable, duration: .zero, bodyBytes: 0,
                remoteAddress: ""),
            callbacks: [], dispatched: false)
    }

    private func register(_ fd: Int32, remote: sockaddr_storage) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = connections.count
            connections.append(nil)
            generations.append(0)
        }
        generations[slot] &+= 1
        if generations[slot] == 0 { generations[slot] = 1 }
        let id = ConnectionID(slot: UInt32(slot), generation: generations[slot])
        Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        let events = CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLET
        guard csystem_epoll_add(epoll, fd, events, id.raw) == 0 else {
            Glibc.close(fd)
            freeSlots.append(slot)
            core.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        connections[slot] = Connection(
            fd: fd, id: id, remoteAddress: Socket.describe(remote), limits: core.limits, now: now)
        liveCount += 1
    }

    // MARK: - Mail

    private func processMail() {
        mailPending.store(false, ordering: .releasing)
        let messages = mailbox.withLock { mailbox in
            let taken = mailbox ?? []
            mailbox?.removeAll(keepingCapacity: true)
            return taken
        }
        for message in messages {
            process(message)
        }
    }

    private func process(_ message: Message) {
        switch message {
        case .answer(let token, let answer):
            guard let connection = connection(token.connection), connection.active?.token == token,
                connection.answer == nil
            else {
                if case .stream(let stream, _) = answer { stream.markClosed() }
                return
            }
            complete(connection, answer)
            drive(connection)
        case .finishCallback(let token, let callback):
            if let connection = connection(token.connection), connection.active?.token == token {
                connection.active?.finishCallbacks.append(callback)
            }
        case .transform(let token, let transform):
            if let connection = connection(token.connection), connection.active?.token == token {
                connection.active?.transforms.append(transform)
            }
        case .streamData(let id, let payload):
            if let connection = connection(id) {
                sendOnStream(connection, payload)
            }
        case .streamBroadcast(let ids, let payload):
            for id in ids {
                if let connection = connection(id) {
                    sendOnStream(connection, payload)
                }
            }
        case .streamClose(let id):
            if let connection = connection(id), connection.phase == .streaming {
                endStream(connection)
            }
        case .shutdown(let deadline):
            beginShutdown(deadline: deadline)
        }
    }

    private func acceptWhileDispatching(_ token: ResponseToken, _ message: Message) {
        guard let connection = connection(token.connection), connection.active?.token == token else {
            if case .answer(_, .stream(let stream, _)) = message { stream.markClosed() }
            return
        }
        switch message {
        case .answer(_, let answer):
            if connection.answer == nil {
                connection.answer = answer
            } else if case .stream(let stream, _) = answer {
                stream.markClosed()
            }
        case .finishCallback(_, let callback):
            connection.active?.finishCallbacks.append(callback)
        case .transform(_, let transform):
            connection.active?.transforms.append(transform)
        default:
            post(message)
        }
    }

    // MARK: - Deadlines and shutdown

    private func sweep() {
        if draining && now >= drainDeadline {
            for connection in connections.compactMap({ $0 }) {
                close(connection)
            }
            return
        }
        for slot in connections.indices {
            guard let connection = connections[slot] else { continue }
            let action = core.timer.action(
                phase: connection.phase, phaseStart: connection.phaseStart, lastWrite: connection.lastWrite,
                outputPending: connection.hasPendingOutput, now: now)
            switch action {
            case .none:
                break
            case .close:
                close(connection)
            case .requestTimeout:
                answerError(
                    connection, Problem(status: .requestTimeout, detail: "The request did not arrive in time."),
                    method: nil)
                finishDrive(connection)
            case .handlerTimeout:
                let problem = Problem(
                    status: .serviceUnavailable, detail: "The request could not be answered in time.")
                complete(connection, .response(core.configuration.problemRenderer(problem)))
                drive(connection)
            case .keepAliveComment:
                sendOnStream(connection, Self.keepAliveComment)
            }
        }
    }

    private func beginShutdown(deadline: UInt64) {
        drainDeadline = min(drainDeadline, deadline)
        if !draining {
            draining = true
            stopListening()
            for connection in connections.compactMap({ $0 }) {
                switch connection.phase {
                case .fresh, .idle:
                    if !connection.hasPendingOutput && !connection.hasBufferedInput {
                        close(connection)
                    }
                case .streaming:
                    endStream(connection)
                default:
                    break
                }
            }
        }
        if now >= drainDeadline {
            for connection in connections.compactMap({ $0 }) {
                close(connection)
            }
        }
    }

    private func stopListening() {
        guard listening else { return }
        listening = false
        _ = csystem_epoll_remove(epoll, core.listenFD)
        core.loopStoppedListening()
    }

    // MARK: - Shared with EventLoop+Connection

    var isDraining: Bool { draining }
    var currentTime: UInt64 { now }
    var dateCache: DateCache { date }

    func setDispatching(_ id: ConnectionID?) {
        dispatching = id
    }

    func nextRequestID() -> UInt64 {
        requestCounter &+= 1
        return UInt64(index) << 48 | (requestCounter & 0xFFFF_FFFF_FFFF)
    }

    func withOutput<Result>(for connection: Connection, _ body: (inout [UInt8]) -> Result) -> Result {
        connection.hasPendingOutput ? body(&connection.outbound) : body(&output)
    }

    /// Bodies from this size on are written from their own storage, not copied into the output.
    static let bodyByReference = 1024
    /// Bodies queued by reference at most; beyond, they are copied (a client pipelining many).
    static let maxBodiesByReference = 16

    /// Queues a whole response for `connection`, with the middleware's fields for `requestID`;
    /// a large body goes out from its own storage.
    func writeResponse(
        _ response: HTTPResponse, omitBody: Bool, connection field: ResponseEncoder.ConnectionField, requestID: UInt64,
        for connection: Connection
    ) {
        let date = dateCache
        let middleware = core.middleware
        let byReference =
            !omitBody && !response.status.forbidsBody && response.body.count >= Self.bodyByReference
            && !connection.hasPendingOutput && outputBodies.count < Self.maxBodiesByReference
        guard byReference else {
            withOutput(for: connection) { output in
                ResponseEncoder.write(response, omitBody: omitBody, connection: field, date: date, into: &output) {
                    for layer in middleware { layer.writeFields(requestID: requestID, response: response, into: &$0) }
                }
            }
            return
        }
        ResponseEncoder.write(response, omitBody: true, connection: field, date: date, into: &output) {
            for layer in middleware { layer.writeFields(requestID: requestID, response: response, into: &$0) }
        }
        outputBodies.append((output.count, response.body))
    }

    var readBufferPointer: UnsafeMutableRawBufferPointer { readBuffer }

    /// Writes what is queued for `connection`: its own pending bytes, then the loop's output
    /// buffer. Returns false when the connection was closed because the peer is gone.
    @discardableResult
    func flush(_ connection: Connection) -> Bool {
        if connection.hasPendingOutput {
            if !output.isEmpty {
                appendOutput(to: &connection.outbound)
                clearOutput()
            }
            let written = connection.outbound.withUnsafeBytes { bytes in
                sendAll(connection.fd, UnsafeRawBufferPointer(rebasing: bytes[connection.outboundStart...]))
            }
            guard written >= 0 else {
                close(connection)
                return false
            }
            if written > 0 {
                connection.lastWrite = now
                connection.outboundStart += written
                if !connection.hasPendingOutput {
                    connection.outbound = []
                    connection.outboundStart = 0
                }
            }
            return true
        }
        guard !output.isEmpty else { return true }
        let written: Int
        let total: Int
        if outputBodies.isEmpty {
            written = output.withUnsafeBytes { sendAll(connection.fd, $0) }
            total = output.count
        } else {
            written = sendGathered(connection.fd)
            total = outputBodies.reduce(output.count) { $0 + $1.body.count }
        }
        if written >= 0 && written < total {
            // The socket took part: the rest waits in the connection (copied; rare).
            var rest: [UInt8] = []
            rest.reserveCapacity(total)
            appendOutput(to: &rest)
            connection.outbound = Array(rest[written...])
            connection.outboundStart = 0
        }
        clearOutput()
        guard written >= 0 else {
            close(connection)
            return false
        }
        connection.lastWrite = now
        return true
    }

    /// Appends the queued output, bodies in their places, to `bytes`.
    private func appendOutput(to bytes: inout [UInt8]) {
        var start = 0
        for (at, body) in outputBodies {
            bytes.append(contentsOf: output[start..<at])
            bytes.append(contentsOf: body)
            start = at
        }
        bytes.append(contentsOf: output[start...])
    }

    private func clearOutput() {
        output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
        outputBodies.removeAll(keepingCapacity: true)
    }

    /// One `sendmsg` of the output with its bodies in their places (repeated only on EINTR): the
    /// bytes taken, 0 when the socket is full, -1 when the peer is gone.
    private func sendGathered(_ fd: Int32) -> Int {
        output.withUnsafeBytes { heads in
            guard let base = heads.baseAddress else { return 0 }
            return withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2 * outputBodies.count + 1) { vectors in
                gather(base, heads.count, from: 0, body: 0, into: vectors, count: 0) { count in
                    var message = msghdr()
                    message.msg_iov = vectors.baseAddress
                    message.msg_iovlen = count
                    while true {
                        let result = sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                        if result >= 0 { return result }
                        switch errno {
                        case EINTR: continue
                        case EAGAIN: return 0
                        default: return -1
                        }
                    }
                }
            }
        }
    }

    /// Fills `vectors` from `count` on with the heads from `start` and the bodies from `index`,
    /// each body's storage pinned for the duration of `send`.
    private func gather(
        _ heads: UnsafeRawPointer, _ headsCount: Int, from start: Int, body index: Int,
        into vectors: UnsafeMutableBufferPointer<iovec>, count: Int, _ send: (Int) -> Int
    ) -> Int {
        var count = count
        let end = index < outputBodies.count ? outputBodies[index].at : headsCount
        if end > start {
            vectors[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: heads + start), iov_len: end - start)
            count += 1
        }
        guard index < outputBodies.count else { return send(count) }
        return outputBodies[index].body.withUnsafeBytes { body in
            vectors[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: body.baseAddress), iov_len: body.count)
            return gather(heads, headsCount, from: end, body: index + 1, into: vectors, count: count + 1, send)
        }
    }

    /// One `send` (repeated only on EINTR): the bytes taken, 0 when the socket is full, -1 when
    /// the peer is gone.
    private func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        while true {
            let result = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if result >= 0 { return result }
            switch errno {
            case EINTR: continue
            case EAGAIN: return 0
            default: return -1
            }
        }
    }

    /// Closes the socket and forgets the connection; tells a waiting handler's callbacks and an
    /// open stream.
    func close(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        Glibc.close(connection.fd)
        // The shared output buffer only ever holds bytes for the connection being worked on;
        // they must not go to the next one.
        clearOutput()
        let slot = Int(connection.id.slot)
        connections[slot] = nil
        freeSlots.append(slot)
        liveCount -= 1
        core.openConnections.subtract(1, ordering: .relaxed)
        if let active = connection.active {
            connection.active = nil
            report(
                record(for: active, status: nil, bodyBytes: 0, connection: connection),
                callbacks: active.finishCallbacks, dispatched: true)
        }
        if case .stream(let stream, _)? = connection.answer {
            stream.markClosed()
        }
        connection.answer = nil
        if let stream = connection.stream {
            connection.stream = nil
            stream.markClosed()
        }
        connection.inbound = []
        connection.outbound = []
    }

    func record(for active: ActiveRequest, status: HTTPStatus?, bodyBytes: Int, connection: Connection)
        -> ResponseRecord
    {
        let end = Socket.monotonicNanoseconds()
        return ResponseRecord(
            requestID: active.id, method: active.method, route: active.route, routeNumber: active.routeNumber,
            status: status,
            duration: .nanoseconds(Int64(clamping: end >= active.start ? end - active.start : 0)),
            bodyBytes: bodyBytes, remoteAddress: connection.remoteAddress)
    }

    /// Tells the request's `onFinish` callbacks, then (for a request the middleware chain was
    /// handed) each middleware, then the server's `onResponse`.
    func report(_ record: ResponseRecord, callbacks: [@Sendable (ResponseRecord) -> Void], dispatched: Bool) {
        for callback in callbacks {
            callback(record)
        }
        if dispatched {
            for middleware in core.middleware {
                middleware.finished(record)
            }
        }
        core.onResponse?(record)
    }
}
