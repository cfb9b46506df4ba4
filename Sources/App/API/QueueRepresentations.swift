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

    /// One ticket, as the kiosk, the counter page and the API show it.
    package static func ticket(
        _ ticket: Ticket, office: Office, services: [Service], queue: OfficeQueue, now: Instant, attended: [CounterID],
        into json: inout JSONWriter
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
            json.string("issuedAt", Representations.time(ticket.issuedAt, in: office))
            if let start = ticket.appointmentStart { json.string("appointment", clock(start, in: office)) }
            json.bool("urgent", ticket.urgent)
            json.int("recalls", ticket.recalls)
            if let counter = ticket.counter {
                json.string("counter", counter.rawValue)
                json.string("counterName", office.counters.first { $0.id == counter }?.name ?? counter.rawValue)
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
                json.string("print", "/kiosk/\(office.id.rawValue)/tickets/\(ticket.id.rawValue)")
            }
        }
    }

    /// The board: current calls, recent calls, waiting counts and estimates per group. With
    /// `forStaff`, calls also carry services and times, and the waiting tickets are listed.
    package static func board(
        queue: OfficeQueue, office: Office, services: [Service], groups: [ServiceGroup], now: Instant,
        attended: [CounterID],
        forStaff: Bool
    ) -> [UInt8] {
        let counterName: (CounterID) -> String = { id in office.counters.first { $0.id == id }?.name ?? id.rawValue }
        let current = queue.tickets.filter(\.isAtCounter).sorted {
            ($0.calledAt ?? $0.issuedAt) > ($1.calledAt ?? $1.issuedAt)
        }
        var recent: [(TicketID, CounterID, Instant)] = []
        for event in queue.events.reversed() where recent.count < 6 {
            guard case .called(let id, let counter, let at) = event, !current.contains(where: { $0.id == id }),
                !recent.contains(where: { $0.0 == id })
            else { continue }
            recent.append((id, counter, at))
        }
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.string("office", office.id.rawValue)
            json.string("name", office.name)
            json.string("date", germanDate(office.timeZone.local(now).date))
            json.string("time", clock(now, in: office))
            json.int("sequence", queue.events.count)
            json.array("calls") { json in
                for ticket in current {
                    json.object { json in
                        json.string("ticket", ticket.id.rawValue)
                        json.string("number", ticket.number)
                        json.string("counter", ticket.counter?.rawValue ?? "")
                        json.string("counterName", ticket.counter.map(counterName) ?? "")
                        json.string("calledAt", ticket.calledAt.map { clock($0, in: office) } ?? "")
                        json.int("recalls", ticket.recalls)
                        json.string("state", ticket.state.rawValue)
                        if forStaff {
                            json.array("services") { json in for id in ticket.services { json.string(id.rawValue) } }
                            json.string("issuedAt", Representations.time(ticket.issuedAt, in: office))
                        }
                    }
                }
            }
            json.array("recent") { json in
                for (id, counter, at) in recent {
                    guard let ticket = queue.ticket(id) else { continue }
                    json.object { json in
                        json.string("ticket", id.rawValue)
                        json.string("number", ticket.number)
                        json.string("counter", counter.rawValue)
                        json.string("counterName", counterName(counter))
                        json.string("calledAt", clock(at, in: office))
                        json.int("recalls", ticket.recalls)
                        json.string("state", ticket.state.rawValue)
                    }
                }
            }
            let waits = queue.waits(now: now, attended: attended)
            json.array("groups") { json in
                for wait in waits where wait.waiting > 0 || groups.contains(where: { $0.letter == wait.group }) {
                    json.object { json in
                        json.string("letter", wait.group)
                        json.string("name", groups.first { $0.letter == wait.group }?.name ?? wait.group)
                        json.int("waiting", wait.waiting)
                        json.int("estimatedWaitMinutes", wait.estimatedMinutes)
                    }
                }
            }
            if forStaff {
                json.array("waiting") { json in
                    for ticket in queue.tickets where ticket.state == .waiting || ticket.state == .parked {
                        json.object { json in
                            json.string("ticket", ticket.id.rawValue)
                            json.string("number", ticket.number)
                            json.string("state", ticket.state.rawValue)
                            json.array("services") { json in for id in ticket.services { json.string(id.rawValue) } }
                            json.string("issuedAt", Representations.time(ticket.issuedAt, in: office))
                            if let start = ticket.appointmentStart {
                                json.string("appointment", clock(start, in: office))
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
