import Glibc

/// Reading, decoding, dispatching and answering on one connection, on the loop's thread.
extension EventLoop {
    private enum ReadOutcome {
        case data
        case wouldBlock
        case endOfInput
        case failed
    }

    /// Does everything the connection allows now: writes what is pending, reads (one `read`
    /// per readiness event unless the buffer filled), decodes and answers pipelined requests in
    /// order, and writes all their answers with one `send`.
    func drive(_ connection: Connection) {
        defer { keepUnconsumedInput(connection) }
        work: while !connection.isClosed {
            if connection.hasPendingOutput {
                guard flush(connection) else { return }
                if connection.hasPendingOutput { break work }
            }
            switch connection.phase {
            case .handling:
                break work
            case .streaming, .lingering:
                // Nothing more is read from the client here: drop what is buffered and what
                // comes, watching only for the end of input.
                connection.sharedInput = nil
                discardInput(connection)
                break work
            case .fresh, .idle, .readingHead, .readingBody:
                if connection.closeAfterFlush { break work }
                let step = decodeBuffered(connection)
                switch step {
                case .request(let head, let body):
                    dispatch(connection, head: head, body: body)
                case .sendContinue:
                    connection.enter(.readingBody, at: currentTime)
                    withOutput(for: connection) { $0.append(contentsOf: ResponseEncoder.continueResponse) }
                case .failure(let error):
                    answerError(connection, Problem(status: error.status, detail: error.detail), method: nil)
                case .needMore:
                    noteProgress(connection)
                    if connection.readable {
                        switch read(connection) {
                        case .data, .endOfInput:
                            continue work
                        case .wouldBlock:
                            break work
                        case .failed:
                            close(connection)
                            return
                        }
                    }
                    if connection.peerClosed {
                        // The client sent all it will; a partial request can never complete.
                        connection.closeAfterFlush = true
                    }
                    break work
                }
            }
        }
        finishDrive(connection)
    }

    /// Writes what is queued and, when the connection is to end, starts the lingering close.
    func finishDrive(_ connection: Connection) {
        guard !connection.isClosed, flush(connection) else { return }
        guard connection.closeAfterFlush, !connection.hasPendingOutput, connection.phase != .lingering else { return }
        if connection.peerClosed {
            close(connection)
            return
        }
        // RFC 9112 §9.6: close the sending side first and read until the client closes, so
        // the last answer is not lost to a reset.
        keepUnconsumedInput(connection)
        connection.inbound = []
        connection.inboundStart = 0
        _ = shutdown(connection.fd, Int32(SHUT_WR))
        connection.enter(.lingering, at: currentTime)
        discardInput(connection)
    }

    /// Moves the phase along as parts of a request arrive, for the header and body timeouts.
    private func noteProgress(_ connection: Connection) {
        if connection.decoder.isAwaitingBody {
            if connection.phase != .readingBody { connection.enter(.readingBody, at: currentTime) }
        } else if connection.decoder.isWithinRequest || connection.hasBufferedInput {
            switch connection.phase {
            case .idle: connection.enter(.readingHead, at: currentTime)
            case .fresh: connection.phase = .readingHead
            default: break
            }
        }
    }

    // MARK: - Input

    private func read(_ connection: Connection) -> ReadOutcome {
        keepUnconsumedInput(connection)
        let buffer = readBufferPointer
        while true {
            let count = Glibc.read(connection.fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                if count < buffer.count {
                    // Edge-triggered: a short read emptied the socket; the next byte brings a
                    // new event (reading until EAGAIN doubled the reads; Documentation/HTTPServer.md).
                    connection.readable = false
                }
                if connection.inboundStart == connection.inbound.count {
                    connection.inbound = []
                    connection.inboundStart = 0
                    connection.sharedInput = 0..<count
                } else {
                    connection.inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                }
                return .data
            }
            if count == 0 {
                connection.readable = false
                connection.peerClosed = true
                return .endOfInput
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                connection.readable = false
                return .wouldBlock
            default:
                return .failed
            }
        }
    }

    /// Copies input still in the shared read buffer into the connection, before the buffer is
    /// used for another connection.
    private func keepUnconsumedInput(_ connection: Connection) {
        guard let range = connection.sharedInput else { return }
        connection.sharedInput = nil
        if connection.inboundStart > 0 && connection.inboundStart == connection.inbound.count {
            connection.inbound = []
            connection.inboundStart = 0
        }
        connection.inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBufferPointer[range]))
    }

    private func decodeBuffered(_ connection: Connection) -> RequestDecoder.Step {
        if let range = connection.sharedInput {
            let (step, consumed) = connection.decoder.decode(UnsafeRawBufferPointer(rebasing: readBufferPointer[range]))
            let rest = (range.lowerBound + consumed)..<range.upperBound
            connection.sharedInput = rest.isEmpty ? nil : rest
            return step
        }
        guard connection.inboundStart < connection.inbound.count else {
            return connection.decoder.decode(UnsafeRawBufferPointer(start: nil, count: 0)).step
        }
        let start = connection.inboundStart
        let (step, consumed) = connection.inbound.withUnsafeBytes { bytes in
            connection.decoder.decode(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        }
        connection.inboundStart += consumed
        if connection.inboundStart == connection.inbound.count {
            connection.inbound = []
            connection.inboundStart = 0
        } else if connection.inboundStart >= 64 * 1024 && connection.inboundStart * 2 >= connection.inbound.count {
            connection.inbound.removeFirst(connection.inboundStart)
            connection.inboundStart = 0
        }
        return step
    }

    /// Reads and drops input on a stream or a lingering connection; closes on end of input.
    private func discardInput(_ connection: Connection) {
        let buffer = readBufferPointer
        var reads = 0
        while connection.readable && !connection.isClosed && reads < 16 {
            reads += 1
            let count = Glibc.read(connection.fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                if count < buffer.count { connection.readable = false }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == EAGAIN {
                connection.readable = false
                break
            }
            close(connection)
            return
        }
    }

    // MARK: - Dispatch

    private func dispatch(_ connection: Connection, head: RequestHead, body: [UInt8]) {
        let start = currentTime
        connection.requestNumber &+= 1
        let token = ResponseToken(connection: connection.id, request: connection.requestNumber)
        var request = HTTPRequest(
            head: head, body: body, id: nextRequestID(), remoteAddress: connection.remoteAddress,
            remoteHost: connection.remoteHost)
        let handler: Handler
        switch core.routes.match(method: head.method, path: head.path) {
        case .found(let pattern, let routeHandler, let parameters):
            request.parameters = parameters
            request.route = pattern
            handler = routeHandler
        case .methodNotAllowed(let allowed):
            handler = { _, responder in
                let allow = allowed.map(\.rawValue).joined(separator: ", ")
                responder.respond(
                    Problem(
                        status: .methodNotAllowed, detail: "This resource allows \(allow).",
                        headers: ["Allow": allow]))
            }
        case .notFound:
            handler = core.router.unmatched ?? Self.notFound
        }
        connection.active = ActiveRequest(
            token: token, id: request.id, method: head.method, version: head.version, keepAlive: head.keepAlive,
            route: request.route, start: start)
        connection.enter(.handling, at: start)
        let responder = Responder(loop: self, token: token)
        setDispatching(connection.id)
        if core.middleware.isEmpty {
            handler(request, responder)
        } else {
            Next(chain: core.middleware, index: 0, handler: handler)(request, responder)
        }
        setDispatching(nil)
        if let answer = connection.answer {
            connection.answer = nil
            complete(connection, answer)
        }
    }

    private static let notFound: Handler = { _, responder in
        responder.respond(Problem(status: .notFound, detail: "There is no resource at this path."))
    }

    /// Writes a handler's answer (or the server's in its place) and ends the request.
    func complete(_ connection: Connection, _ answer: Answer) {
        guard let active = connection.active else {
            if case .stream(let stream, _) = answer { stream.markClosed() }
            return
        }
        connection.active = nil
        let date = dateCache
        switch answer {
        case .response(var response):
            for transform in active.transforms {
                transform(&response)
            }
            let closing = !active.keepAlive || isDraining || connection.closeAfterFlush
            let field: ResponseEncoder.ConnectionField =
                closing ? .close : (active.version == .http10 ? .keepAlive : .omitted)
            let omitBody = active.method == .head
            writeResponse(response, omitBody: omitBody, connection: field, requestID: active.id, for: connection)
            if closing { connection.closeAfterFlush = true }
            connection.enter(.idle, at: currentTime)
            report(
                record(
                    for: active, status: response.status, bodyBytes: omitBody ? 0 : response.body.count,
                    connection: connection),
                callbacks: active.finishCallbacks, dispatched: true)
        case .stream(let stream, let headers):
            var fields = headers
            if !fields.contains("Content-Type") { fields.add("Content-Type", "text/event-stream") }
            if !fields.contains("Cache-Control") { fields.add("Cache-Control", "no-cache") }
            let chunked = active.version == .http11
            withOutput(for: connection) {
                ResponseEncoder.writeStreamHead(
                    status: .ok, headers: fields, chunked: chunked, date: date, into: &$0)
            }
            if active.method == .head || isDraining {
                if chunked && active.method != .head {
                    withOutput(for: connection) { $0.append(contentsOf: ResponseEncoder.lastChunk) }
                }
                stream.markClosed()
                connection.closeAfterFlush = connection.closeAfterFlush || !chunked || isDraining
                connection.enter(.idle, at: currentTime)
            } else {
                connection.stream = stream
                connection.streamChunked = chunked
                connection.enter(.streaming, at: currentTime)
                connection.lastWrite = currentTime
            }
            report(
                record(for: active, status: .ok, bodyBytes: 0, connection: connection),
                callbacks: active.finishCallbacks, dispatched: true)
        }
    }

    /// Answers a problem the server found itself (a malformed request, a timeout) and closes
    /// the connection after it.
    func answerError(_ connection: Connection, _ problem: Problem, method: HTTPMethod?) {
        let start = currentTime
        let response = core.configuration.problemRenderer(problem)
        let date = dateCache
        withOutput(for: connection) {
            ResponseEncoder.write(response, omitBody: false, connection: .close, date: date, into: &$0)
        }
        connection.closeAfterFlush = true
        // No more request deadlines: only the write timeout, then the lingering close, apply.
        connection.enter(.idle, at: start)
        let end = Socket.monotonicNanoseconds()
        report(
            ResponseRecord(
                requestID: nextRequestID(), method: method, route: nil, status: response.status,
                duration: .nanoseconds(Int64(clamping: end >= start ? end - start : 0)),
                bodyBytes: response.body.count, remoteAddress: connection.remoteAddress),
            callbacks: [], dispatched: false)
    }

    // MARK: - Event streams

    /// Writes one event-stream payload; closes a stream whose client does not keep up.
    func sendOnStream(_ connection: Connection, _ payload: [UInt8]) {
        guard connection.phase == .streaming, !connection.isClosed else { return }
        let chunked = connection.streamChunked
        withOutput(for: connection) { ResponseEncoder.writeChunk(payload, chunked: chunked, into: &$0) }
        guard flush(connection) else { return }
        if connection.hasPendingOutput {
            if connection.pendingOutputCount > core.configuration.maxEventStreamBufferBytes {
                close(connection)
            }
        } else {
            connection.lastWrite = currentTime
        }
    }

    /// Ends an open stream with the last chunk and closes the connection after it.
    func endStream(_ connection: Connection) {
        guard connection.phase == .streaming else { return }
        if connection.streamChunked {
            withOutput(for: connection) { $0.append(contentsOf: ResponseEncoder.lastChunk) }
        }
        if let stream = connection.stream {
            connection.stream = nil
            stream.markClosed()
        }
        connection.closeAfterFlush = true
        connection.enter(.idle, at: currentTime)
        finishDrive(connection)
    }
}
