import Display
import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// What a ticket's own page shows (`TicketView`), read from the office's committed queue, and the
/// live streams of those pages: after each committed queue change of an office, every open page
/// of that office is sent its ticket's state again, worded in the page's language, when it
/// changed. Numbers, counters and times only.
package final class TicketViews: Sendable {
    let directory: OfficeDirectory
    private let streams = Mutex<[OfficeID: [ObjectIdentifier: Subscriber]]>([:])

    private struct Subscriber: Sendable {
        var sink: any EventSink
        var ticket: TicketID
        var day: LocalDate
        var language: PageLanguage
        var last: [UInt8]
    }

    /// The views of `directory`'s offices, with no page open yet.
    package init(directory: OfficeDirectory) {
        self.directory = directory
    }

    /// The view of ticket `id` of `office` on `day`: expired for an earlier day, nil when today's
    /// queue does not know it.
    func view(_ id: TicketID, office: Office, day: LocalDate) -> TicketView? {
        let now = directory.clock()
        let local = office.timeZone.local(now)
        let nowMinute = local.secondOfDay / 60
        let dayText = "\(Digits.padded(day.day, 2)).\(Digits.padded(day.month, 2)).\(day.year)"
        guard day == local.date else {
            let number = id.rawValue.split(separator: "-").last.map(String.init) ?? ""
            return TicketView(
                officeName: office.name, number: number, status: .expired, issuedAt: "", nowMinute: nowMinute,
                day: dayText)
        }
        let queue = directory.queue(office)
        guard let ticket = queue.ticket(id) else { return nil }
        let clock = { (instant: Instant) in QueueRepresentations.clock(instant, in: office) }
        let counter = ticket.counter.map { id in office.counters.first { $0.id == id }?.name ?? id.rawValue }
        let services = ticket.services.compactMap { directory.service($0)?.name }
        var status: TicketView.Status
        switch ticket.state {
        case .waiting:
            if ticket.awaitsArrival {
                status = queue.holdsPlace(ticket, now: now) ? .awaitingArrival : .passedOver
            } else {
                status = .waiting
            }
        case .called: status = .called
        case .serving: status = .serving
        case .parked: status = .parked
        case .done: status = .done
        case .noShow: status = .noShow
        case .passedOver: status = .passedOver
        }
        let waiting = status == .waiting || status == .awaitingArrival
        return TicketView(
            officeName: office.name, number: ticket.number, status: status, services: services,
            issuedAt: clock(ticket.issuedAt), ahead: waiting ? queue.ahead(of: id, now: now) : 0,
            estimatedWaitMinutes: waiting
                ? queue.estimatedWaitMinutes(for: id, now: now, attended: directory.attended(office)) : 0,
            nowMinute: nowMinute, counterName: counter, calledAt: ticket.calledAt.map(clock), recalls: ticket.recalls,
            appointmentTime: ticket.appointmentStart.map(clock),
            arrivalCode: ticket.awaitsArrival ? ticket.remote?.code : nil,
            arriveBy: ticket.remote.map { clock($0.deadline) }, day: dayText)
    }

    /// The state a page's script is sent: the status worded in `language`, the facts, and `call`,
    /// which names each call (and recall) once so that it is announced once.
    func json(_ view: TicketView, ticket: Ticket?, language: PageLanguage) -> [UInt8] {
        let words = TicketWords.of(language)
        let status = words.status(view)
        var json = JSONWriter()
        json.object { json in
            json.string("status", view.status.rawValue)
            json.string("number", view.number)
            json.string("title", "\(words.title(view.number)): \(status.headline)")
            json.string("headline", status.headline)
            json.string("detail", status.detail)
            json.bool("isCall", status.isCall)
            json.string("notification", status.notification)
            if status.isCall, let calledAt = ticket?.calledAt {
                json.string("call", "\(calledAt.secondsSinceEpoch)-\(ticket?.recalls ?? 0)")
            }
            json.string("ahead", words.ahead(view.ahead))
            json.string("wait", words.wait(view.estimatedWaitMinutes))
            json.string("asOf", TicketViewClock.text(view.nowMinute))
            json.bool("showFacts", view.status == .waiting || view.status == .awaitingArrival)
            json.bool(
                "final", [.done, .noShow, .passedOver, .expired].contains(view.status))
        }
        return json.bytes
    }

    /// The event a page is sent for ticket `id` now; nil when the ticket is unknown.
    func event(_ id: TicketID, office: Office, day: LocalDate, language: PageLanguage) -> [UInt8]? {
        guard let view = view(id, office: office, day: day) else { return nil }
        return json(view, ticket: directory.queue(office).ticket(id), language: language)
    }

    /// Opens a page's stream: its ticket's state now, then after every change of the office.
    func open(_ sink: any EventSink, ticket id: TicketID, office: Office, day: LocalDate, language: PageLanguage) {
        let payload = event(id, office: office, day: day, language: language) ?? []
        let key = ObjectIdentifier(sink)
        streams.withLock {
            $0[office.id, default: [:]][key] = Subscriber(
                sink: sink, ticket: id, day: day, language: language, last: payload)
        }
        sink.onClose { [self] in
            _ = self.streams.withLock { $0[office.id]?.removeValue(forKey: key) }
        }
        sink.send(ServerSentEvent(data: String(decoding: payload, as: UTF8.self), event: "ticket", retry: 3000))
    }

    /// Open page streams of `office`.
    package func count(office: OfficeID) -> Int {
        streams.withLock { $0[office]?.count ?? 0 }
    }

    /// Sends each open page of `office` its ticket's state, where it changed (called by the
    /// office's writer after each commit).
    package func broadcast(_ changes: [OfficeWriter.Change], office: Office) {
        let queueChanged = changes.contains { change in
            switch change.outcome {
            case .queue, .passedOver: true
            default: false
            }
        }
        guard queueChanged else { return }
        let subscribers = streams.withLock { Array(($0[office.id] ?? [:]).values) }
        guard !subscribers.isEmpty else { return }
        var sends: [(any EventSink, [UInt8])] = []
        var updated: [ObjectIdentifier: [UInt8]] = [:]
        for subscriber in subscribers where !subscriber.sink.isClosed {
            guard
                let payload = event(
                    subscriber.ticket, office: office, day: subscriber.day, language: subscriber.language),
                payload != subscriber.last
            else { continue }
            sends.append((subscriber.sink, payload))
            updated[ObjectIdentifier(subscriber.sink)] = payload
        }
        streams.withLock { streams in
            for (key, payload) in updated { streams[office.id]?[key]?.last = payload }
        }
        for (sink, payload) in sends {
            sink.send(ServerSentEvent(data: String(decoding: payload, as: UTF8.self), event: "ticket"))
        }
    }
}

/// `HH:MM` of a minute of the day, as the page words it.
enum TicketViewClock {
    static func text(_ minute: Int) -> String {
        Digits.padded(minute / 60 % 24, 2) + ":" + Digits.padded(minute % 60, 2)
    }
}
