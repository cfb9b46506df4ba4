package import HTTPServer
package import Scheduling
import Synchronization

/// The open event streams of each office's waiting room (displays, counter pages), and what they
/// are sent when the queue changes.
package final class QueueStreams: Sendable {
    private let streams = Mutex<[OfficeID: [ObjectIdentifier: any EventSink]]>([:])

    package init() {}

    /// Keeps `sink` until it closes.
    package func add(_ sink: any EventSink, office: OfficeID) {
        let key = ObjectIdentifier(sink)
        streams.withLock { $0[office, default: [:]][key] = sink }
        sink.onClose { [self] in
            _ = self.streams.withLock { $0[office]?.removeValue(forKey: key) }
        }
    }

    /// Streams open for `office`.
    package func count(office: OfficeID) -> Int {
        streams.withLock { $0[office]?.count ?? 0 }
    }

    package func send(_ events: [ServerSentEvent], office: OfficeID) {
        let sinks = streams.withLock { Array(($0[office] ?? [:]).values) }
        for sink in sinks where !sink.isClosed {
            for event in events { sink.send(event) }
        }
    }
}
