package import Display
package import Scheduling
import Storage

/// The JSON of the waiting room: tickets, the board (what the display shows), queue events.
/// Never a name, e-mail or phone number: tickets carry numbers, services and counters only.
package enum QueueRepresentations {
    static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    static let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]

    /// `Montag, 7. Dezember 2026`.
    package static func germanDate(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday.rawValue - 1]), \(date.day). \(months[date.month - 1]) \(date.year)"
    }

    /// The wall-clock `HH:MM` of `instant` in the office.
    package static func clock(_ instant: Instant, in office: Office) -> String {
        let second = office.timeZone.local(instant).secondOfDay
        return Digits.padded(second / 3600, 2) + ":" + Digits.padded(second / 60 % 60, 2)
    }

    /// One ticket, as the kiosk, the counter page and the API show it. A ticket just issued comes
    /// with its page's key: its links then name the page (`/t/{key}`) and the slip to print
    /// (`/kiosk/{office}/tickets/{key}`), which only the key reaches.
    package static func ticket(
        _ ticket: Ticket, office: Office, services: [Service], queue: OfficeQueue, now: Instant, attended: [CounterID],
        pageKey: String? = nil, into json: inout JSONWriter, extra: (inout JSONWriter) -> Void = { _ in }
    ) {
        json.object { json in
            json.string("id", ticket.id.rawValue)
            json.string("number", ticket.number)
            json.string("group", ticket.group)
            json.string("state", ticket.state.rawValue)
            json.array("services") { json in
                for id in ticket.services {
                    json.object { json in
                        json.string("id", id.rawValue)
                        json.string("name", services.first { $0.id == id }?.name ?? id.rawValue)
                    }
                }
            }
            json.time("issuedAt", ticket.issuedAt, in: office)
            if let start = ticket.appointmentStart { json.string("appointment", clock(start, in: office)) }
            json.bool("urgent", ticket.urgent)
            json.int("recalls", ticket.recalls)
            if let counter = ticket.counter {
                json.string("counter", counter.rawValue)
                json.string("counterName", office.counters.first { $0.id == counter }?.name ?? counter.rawValue)
            }
            if let remote = ticket.remote {
                json.bool("awaitsArrival", ticket.awaitsArrival)
                json.string("arriveBy", Representations.time(remote.deadline, in: office))
            }
            if ticket.state == .waiting {
                json.int("ahead", queue.ahead(of: ticket.id, now: now))
                json.int(
                    "estimatedWaitMinutes", queue.estimatedWaitMinutes(for: ticket.id, now: now, attended: attended))
            }
            let chosen = ticket.services.compactMap { id in services.first { $0.id == id } }
            Representations.documents(DocumentChecklist.merge(chosen), into: &json)
            json.object("links") { json in
                json.string("self", "/v1/tickets/\(ticket.id.rawValue)")
                if let pageKey {
                    json.string("page", "/t/\(pageKey)")
                    json.string("print", "/kiosk/\(office.id.rawValue)/tickets/\(pageKey)")
                }
            }
            extra(&json)
        }
    }

    /// What the board shows now: current calls (newest first), recent calls, waiting counts and
    /// estimates per group. Numbers and counters only.
    package static func snapshot(
        queue: OfficeQueue, office: Office, groups: [ServiceGroup], now: Instant, attended: [CounterID]
    ) -> BoardSnapshot {
        let counterName: (CounterID) -> String = { id in office.counters.first { $0.id == id }?.name ?? id.rawValue }
        let current = queue.tickets.filter(\.isAtCounter).sorted {
            ($0.calledAt ?? $0.issuedAt) > ($1.calledAt ?? $1.issuedAt)
        }
        var recent: [BoardCall] = []
        for event in queue.events.reversed() where recent.count < BoardSnapshot.maximumRecent {
            guard case .called(let id, let counter, let at) = event, !current.contains(where: { $0.id == id }),
                !recent.contains(where: { $0.ticket == id.rawValue }), let ticket = queue.ticket(id)
            else { continue }
            recent.append(
                BoardCall(
                    ticket: id.rawValue, number: ticket.number, counter: counter.rawValue,
                    counterName: counterName(counter),
                    calledAt: clock(at, in: office), recalls: ticket.recalls, state: ticket.state.rawValue))
        }
        let calls = current.map { ticket in
            BoardCall(
                ticket: ticket.id.rawValue, number: ticket.number, counter: ticket.counter?.rawValue ?? "",
                counterName: ticket.counter.map(counterName) ?? "",
                calledAt: ticket.calledAt.map { clock($0, in: office) } ?? "",
                recalls: ticket.recalls, state: ticket.state.rawValue)
        }
        let offered = Set(queue.services.values.filter { office.offeredServices.contains($0.id) }.map(\.group))
        let waits = queue.waits(now: now, attended: attended).filter { $0.waiting > 0 || offered.contains($0.group) }
        return BoardSnapshot(
            officeID: office.id.rawValue, officeName: office.name, date: germanDate(office.timeZone.local(now).date),
            time: clock(now, in: office), calls: calls, recent: recent,
            groups: waits.map { wait in
                BoardGroup(
                    letter: wait.group, name: groups.first { $0.letter == wait.group }?.name ?? wait.group,
                    waiting: wait.waiting,
                    estimatedWaitMinutes: wait.estimatedMinutes)
            }, sequence: queue.events.count, languages: office.display.languages, sound: office.display.sound,
            timeZone: office.timeZone.identifier, serverTime: now.secondsSinceEpoch * 1000)
    }

    /// The board as JSON. With `staff` (a staff token's view), calls also carry services and
    /// times, and the waiting tickets are listed.
    package static func board(_ snapshot: BoardSnapshot, staff: (queue: OfficeQueue, office: Office)? = nil) -> [UInt8]
    {
        func call(_ call: BoardCall, into json: inout JSONWriter) {
            json.object { json in
                json.string("ticket", call.ticket)
                json.string("number", call.number)
                json.string("counter", call.counter)
                json.string("counterName", call.counterName)
                json.string("calledAt", call.calledAt)
                json.int("recalls", call.recalls)
                json.string("state", call.state)
                if let staff, let ticket = staff.queue.ticket(TicketID(call.ticket)) {
                    json.array("services") { json in for id in ticket.services { json.string(id.rawValue) } }
                    json.string("issuedAt", Representations.time(ticket.issuedAt, in: staff.office))
                }
            }
        }
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.string("office", snapshot.officeID)
            json.string("name", snapshot.officeName)
            json.string("date", snapshot.date)
            json.string("time", snapshot.time)
            json.int("sequence", snapshot.sequence)
            json.array("calls") { json in for item in snapshot.calls { call(item, into: &json) } }
            json.array("recent") { json in for item in snapshot.recent { call(item, into: &json) } }
            json.array("groups") { json in
                for group in snapshot.groups {
                    json.object { json in
                        json.string("letter", group.letter)
                        json.string("name", group.name)
                        json.int("waiting", group.waiting)
                        json.int("estimatedWaitMinutes", group.estimatedWaitMinutes)
                    }
                }
            }
            if let staff {
                json.array("waiting") { json in
                    for ticket in staff.queue.tickets where ticket.state == .waiting || ticket.state == .parked {
                        json.object { json in
                            json.string("ticket", ticket.id.rawValue)
                            json.string("number", ticket.number)
                            json.string("state", ticket.state.rawValue)
                            json.array("services") { json in for id in ticket.services { json.string(id.rawValue) } }
                            json.string("issuedAt", Representations.time(ticket.issuedAt, in: staff.office))
                            if let start = ticket.appointmentStart {
                                json.string("appointment", clock(start, in: staff.office))
                            }
                            json.bool("urgent", ticket.urgent)
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    /// One queue event for the event stream: what changed, by ticket number and counter.
    package static func event(_ event: QueueEvent, queue: OfficeQueue, office: Office) -> [UInt8] {
        var json = JSONWriter()
        let ticket = queue.ticket(event.ticket)
        json.object { json in
            json.string("kind", event.kind)
            json.string("number", ticket?.number ?? "")
            json.string("group", ticket?.group ?? "")
            var counter: CounterID?
            switch event {
            case .called(_, let to, _): counter = to
            case .recalled: counter = ticket?.counter
            default: break
            }
            if let counter {
                json.string("counter", counter.rawValue)
                json.string("counterName", office.counters.first { $0.id == counter }?.name ?? counter.rawValue)
            }
        }
        return json.bytes
    }
}
