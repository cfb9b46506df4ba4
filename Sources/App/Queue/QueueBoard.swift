import Display
import HTTPServer
package import Scheduling
package import Storage

/// The board of each office's hall as the displays see it, and its live streams: the snapshot of
/// the committed queue, its JSON and text forms, and the events sent to every open stream after
/// each committed queue change.
package struct QueueBoard: Sendable {
    let directory: OfficeDirectory
    let streams: QueueStreams

    package init(directory: OfficeDirectory, streams: QueueStreams) {
        self.directory = directory
        self.streams = streams
    }

    /// The board of `office` now.
    func snapshot(_ office: Office) -> BoardSnapshot {
        QueueRepresentations.snapshot(
            queue: directory.queue(office), office: office, groups: directory.municipality.groups,
            now: directory.clock(), attended: directory.attended(office))
    }

    /// The board as JSON; staff also see who waits.
    func bytes(_ office: Office, forStaff: Bool) -> [UInt8] {
        QueueRepresentations.board(snapshot(office), staff: forStaff ? (directory.queue(office), office) : nil)
    }

    /// The JSON of `ticket` as it is now (with the links of its page when `pageKey` is given),
    /// with `extra` members at the end.
    func ticketJSON(
        _ ticket: Ticket, office: Office, pageKey: String? = nil, extra: (inout JSONWriter) -> Void = { _ in }
    ) -> [UInt8] {
        let queue = directory.queue(office)
        var json = JSONWriter()
        QueueRepresentations.ticket(
            queue.ticket(ticket.id) ?? ticket, office: office, services: directory.municipality.services, queue: queue,
            now: directory.clock(), attended: directory.attended(office), pageKey: pageKey, into: &json, extra: extra)
        return json.bytes
    }

    /// Opens a stream of `office`'s board: on connect the queue events after `lastEventID` (a
    /// reconnecting display), then the board; afterwards every change (see `broadcast`).
    func open(_ sink: any EventSink, office: Office, lastEventID: Int?) {
        streams.add(sink, office: office.id)
        let queue = directory.queue(office)
        if let last = lastEventID, last < queue.events.count {
            for position in max(0, last)..<queue.events.count {
                sink.send(
                    ServerSentEvent(
                        data: String(
                            decoding: QueueRepresentations.event(queue.events[position], queue: queue, office: office),
                            as: UTF8.self),
                        event: "queue", id: String(position + 1)))
            }
        }
        sink.send(
            ServerSentEvent(
                data: String(decoding: bytes(office, forStaff: false), as: UTF8.self), event: "board",
                id: String(queue.events.count), retry: 3000))
    }

    /// Sends the committed queue changes of an office to its streams (called by its writer after
    /// each commit).
    package func broadcast(_ changes: [OfficeWriter.Change], office: Office) {
        let queueChanges = changes.flatMap { change -> [QueueEvent] in
            switch change.outcome {
            case .queue(let event, _, _): [event]
            case .passedOver(let events): events
            default: []
            }
        }
        guard !queueChanges.isEmpty, streams.count(office: office.id) > 0 else { return }
        let queue = directory.queue(office)
        var events: [ServerSentEvent] = []
        for event in queueChanges {
            guard let position = queue.events.lastIndex(of: event) else { continue }
            events.append(
                ServerSentEvent(
                    data: String(
                        decoding: QueueRepresentations.event(event, queue: queue, office: office), as: UTF8.self),
                    event: "queue", id: String(position + 1)))
        }
        events.append(
            ServerSentEvent(
                data: String(decoding: bytes(office, forStaff: false), as: UTF8.self), event: "board",
                id: String(queue.events.count)))
        streams.send(events, office: office.id)
    }
}
