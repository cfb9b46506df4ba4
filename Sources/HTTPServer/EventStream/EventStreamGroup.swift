import Synchronization

/// A set of open event streams that receive the same events, such as every display of one
/// office. Streams leave the group when they close. Safe from any thread.
///
/// An event is encoded once and handed to each loop in one message for all its streams.
package final class EventStreamGroup: Sendable {
    private let streams = Mutex<[ObjectIdentifier: EventStream]>([:])

    /// An empty group.
    package init() {}

    /// The number of open streams in the group.
    package var count: Int {
        streams.withLock { $0.count }
    }

    /// Adds a stream; it leaves the group when it closes.
    package func add(_ stream: EventStream) {
        let key = ObjectIdentifier(stream)
        streams.withLock { $0[key] = stream }
        stream.onClose { [weak self] in
            self?.streams.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    /// Sends `event` to every stream in the group.
    package func send(_ event: ServerSentEvent) {
        sendEncoded(event.encoded)
    }

    /// Sends bytes already in event-stream form to every stream in the group.
    package func sendEncoded(_ payload: [UInt8]) {
        let members = streams.withLock { Array($0.values) }
        var byLoop: [(loop: EventLoop, ids: [ConnectionID])] = []
        for stream in members {
            if let index = byLoop.firstIndex(where: { $0.loop === stream.loop }) {
                byLoop[index].ids.append(stream.connection)
            } else {
                byLoop.append((stream.loop, [stream.connection]))
            }
        }
        for (loop, ids) in byLoop {
            loop.post(.streamBroadcast(ids, payload))
        }
    }

    /// Closes every stream in the group.
    package func closeAll() {
        for stream in streams.withLock({ Array($0.values) }) {
            stream.close()
        }
    }
}
