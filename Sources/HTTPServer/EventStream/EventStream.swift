import Synchronization

/// An open `text/event-stream` answer. Send events from any thread; they go out in the order
/// sent. Sending on a closed stream does nothing.
package final class EventStream: Sendable {
    let loop: EventLoop
    let connection: ConnectionID
    private let state = Mutex<State>(State())

    private struct State {
        var closed = false
        var callbacks: [@Sendable () -> Void] = []
    }

    init(loop: EventLoop, connection: ConnectionID) {
        self.loop = loop
        self.connection = connection
    }

    /// Whether the stream has ended (closed by the application, the client or shutdown).
    package var isClosed: Bool {
        state.withLock { $0.closed }
    }

    /// Sends one event.
    package func send(_ event: ServerSentEvent) {
        sendEncoded(event.encoded)
    }

    /// Sends a comment, which clients ignore.
    package func send(comment: String) {
        sendEncoded(ServerSentEvent.comment(comment))
    }

    /// Sends bytes already in event-stream form (see `ServerSentEvent.encoded`).
    package func sendEncoded(_ payload: [UInt8]) {
        guard !isClosed else { return }
        loop.post(.streamData(connection, payload))
    }

    /// Ends the stream and closes its connection once the last bytes are out.
    package func close() {
        guard !isClosed else { return }
        loop.post(.streamClose(connection))
    }

    /// Calls `callback` once when the stream ends, on the loop thread; at once when it already
    /// has.
    package func onClose(_ callback: @escaping @Sendable () -> Void) {
        let alreadyClosed = state.withLock { state -> Bool in
            if state.closed { return true }
            state.callbacks.append(callback)
            return false
        }
        if alreadyClosed { callback() }
    }

    /// Marks the stream ended and runs the close callbacks; called by the loop.
    func markClosed() {
        let callbacks = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.closed else { return [] }
            state.closed = true
            defer { state.callbacks = [] }
            return state.callbacks
        }
        for callback in callbacks {
            callback()
        }
    }
}
