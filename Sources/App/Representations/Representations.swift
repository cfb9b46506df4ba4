package import Scheduling

/// The JSON the API answers with, written by hand with `JSONWriter` (fixed member order, no
/// JSONEncoder on hot paths). Times are RFC 3339 with the office's UTC offset.
package enum Representations {
    /// `instant` in the office's local time with its offset (`2026-12-01T09:00:00+01:00`).
    package static func time(_ instant: Instant, in office: Office) -> String {
        RFC3339.format(instant, offsetSeconds: office.timeZone.offsetSeconds(at: instant))
    }

    /// A fee in euro cents as German text (`37,00 €`).
    package static func euros(_ cents: Int) -> String {
        let euros = cents / 100
        let rest = cents % 100
        return "\(euros),\(rest < 10 ? "0" : "")\(rest) €"
    }

    /// A fee from `lowest` to `highest` cents as German text (`45,60 € bis 74,00 €`), or one
    /// amount when they are the same.
    package static func euros(from lowest: Int, to highest: Int) -> String {
        lowest < highest ? "\(euros(lowest)) bis \(euros(highest))" : euros(highest)
    }

    // MARK: Offices and services

    package static func office(_ office: Office, into json: inout JSONWriter) {
        json.object { json in
            json.string("id", office.id.rawValue)
            json.string("name", office.name)
            json.array("address") { json in for line in office.address { json.string(line) } }
            json.string("mapURL", ifPresent: office.mapURL)
            json.string("timeZone", office.timeZone.identifier)
            json.string("state", office.state)
            json.array("services") { json in for id in office.offeredServices.sorted() { json.string(id.rawValue) } }
            json.array("openingHours") { json in
                for rule in office.openingHours { weeklyRule(rule, into: &json) }
            }
            json.array("breaks") { json in
                for rule in office.breaks { weeklyRule(rule, into: &json) }
            }
            json.array("counters") { json in
                for counter in office.counters {
                    json.object { json in
                        json.string("id", counter.id.rawValue)
                        json.string("name", counter.name)
                    }
                }
            }
            json.object("links") { json in
                let base = "/v1/offices/\(office.id.rawValue)"
                json.string("self", base)
                json.string("availability", base + "/availability")
                json.string("closures", base + "/closures.ics")
                json.string("queue", base + "/queue")
                json.string("display", "/display/\(office.id.rawValue)")
            }
        }
    }

    static func weeklyRule(_ rule: WeeklyRule, into json: inout JSONWriter) {
        json.object { json in
            json.array("days") { json in for day in rule.weekdays.sorted() { json.string(day.key) } }
            json.string("from", rule.from.hhmm)
            json.string("to", rule.to.hhmm)
            json.string("validFrom", ifPresent: rule.validFrom?.iso)
            json.string("validUntil", ifPresent: rule.validUntil?.iso)
            if rule.everyWeeks > 1 { json.int("everyWeeks", rule.everyWeeks) }
        }
    }

    package static func service(_ service: Service, offices: [OfficeID], into json: inout JSONWriter) {
        json.object { json in
            json.string("id", service.id.rawValue)
            json.string("name", service.name)
            json.int("durationMinutes", service.durationMinutes)
            json.int("maxPersons", service.maxPersons)
            json.bool("bookableOnline", service.bookableOnline)
            if service.feeCents != nil || service.feeNote != nil {
                json.object("fee") { json in
                    json.int("cents", ifPresent: service.feeCents)
                    json.int("lowestCents", ifPresent: service.lowestFeeCents)
                    json.string(
                        "text", ifPresent: service.feeCents.map { euros(from: service.lowestFeeCents ?? $0, to: $0) })
                    json.string("note", ifPresent: service.feeNote)
                }
            } else {
                json.null("fee")
            }
            if let leika = service.leika { json.string("leika", leika) } else { json.null("leika") }
            json.string("group", service.group)
            documents(service.documents, into: &json)
            json.array("offices") { json in for office in offices { json.string(office.rawValue) } }
        }
    }

    package static func documents(_ documents: [Document], into json: inout JSONWriter) {
        json.array("documents") { json in
            for document in documents { self.document(document, services: [], into: &json) }
        }
    }

    /// The merged checklist of several services: each item that only some of them ask for names
    /// those (`services`, their ids).
    static func checklist(_ services: [Service], into json: inout JSONWriter) {
        json.array("documents") { json in
            for item in DocumentChecklist.mergeNamingServices(services) {
                let partial = services.count > 1 && item.services.count < services.count
                document(item.document, services: partial ? item.services : [], into: &json)
            }
        }
    }

    private static func document(_ document: Document, services: [ServiceID], into json: inout JSONWriter) {
        json.object { json in
            json.string("name", document.name)
            json.string("note", ifPresent: document.note)
            json.string("condition", ifPresent: document.condition)
            if !services.isEmpty {
                json.array("services") { json in for id in services { json.string(id.rawValue) } }
            }
        }
    }

    // MARK: Availability

    /// The availability answer; `services` as asked, `channel` the caller's.
    package static func availability(
        _ availability: Availability, office: Office, services: [ServiceID], persons: Int, channel: Channel,
        from: LocalDate, to: LocalDate
    ) -> [UInt8] {
        var json = JSONWriter(capacity: 256 + availability.days.count * 400)
        json.object { json in
            json.string("office", office.id.rawValue)
            json.array("services") { json in for id in services { json.string(id.rawValue) } }
            json.int("persons", persons)
            json.int("durationMinutes", availability.durationMinutes)
            json.string("channel", channel.rawValue)
            json.string("from", from.iso)
            json.string("to", to.iso)
            if let release = availability.nextRelease {
                json.object("nextRelease") { json in
                    json.time("at", release.at, in: office)
                    json.string("through", release.through.iso)
                }
            }
            json.array("days") { json in
                var times = RFC3339.Run()
                for day in availability.days {
                    json.object { json in
                        json.string("date") { day.date.writeISO(into: &$0) }
                        json.array("slots") { json in
                            for minute in day.startMinutes {
                                json.string { day.frame.writeRFC3339(elapsed: minute, into: &$0, run: &times) }
                            }
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    // MARK: Holds and bookings

    package static func hold(_ hold: Hold, office: Office) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.string("id", hold.id.rawValue)
            json.time("expiresAt", hold.expiresAt, in: office)
            json.string("office", hold.office.rawValue)
            json.array("services") { json in for id in hold.services { json.string(id.rawValue) } }
            json.int("persons", hold.persons)
            json.time("start", hold.start, in: office)
            json.time("end", hold.end, in: office)
            json.string("channel", hold.channel.rawValue)
            json.int("extensions", hold.extensions)
            json.int("maxExtensions", office.booking.maxHoldExtensions)
            json.object("links") { json in
                json.string("self", "/v1/holds/\(hold.id.rawValue)")
                json.string("extend", "/v1/holds/\(hold.id.rawValue)/extend")
            }
        }
        return json.bytes
    }

    /// A booking. `token` is shown once, when it is made; `contact` only to whoever may see it
    /// (the citizen with the token, staff).
    /// A booking; in an office's list of a day (`listed`) with whether it is checked in and its
    /// ticket's number.
    package static func booking(
        _ booking: Booking, office: Office, services: [Service], token: String?, includeContact: Bool,
        listed: Bool = false, ticket: String? = nil
    ) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.string("id", booking.id.rawValue)
            json.string("reference", booking.reference)
            json.string("token", ifPresent: token)
            json.string("status", booking.status.rawValue)
            json.string("office", booking.office.rawValue)
            json.string("officeName", office.name)
            json.array("address") { json in for line in office.address { json.string(line) } }
            json.string("counter", booking.counter.rawValue)
            json.string(
                "counterName", office.counters.first { $0.id == booking.counter }?.name ?? booking.counter.rawValue)
            json.array("services") { json in
                for id in booking.services {
                    json.object { json in
                        json.string("id", id.rawValue)
                        json.string("name", services.first { $0.id == id }?.name ?? id.rawValue)
                    }
                }
            }
            json.int("persons", booking.persons)
            json.time("start", booking.start, in: office)
            json.time("end", booking.end, in: office)
            json.string("channel", booking.channel.rawValue)
            json.int("sequence", booking.sequence)
            json.string("language", booking.contact.language.rawValue)
            if booking.isUnconfirmed, let deadline = booking.confirmationDeadline {
                json.string("confirmBy", time(deadline, in: office))
            }
            if booking.wasReleased { json.bool("released", true) }
            let chosen = booking.services.compactMap { id in services.first { $0.id == id } }
            let fees = chosen.filter { $0.feeCents != nil }
            if !fees.isEmpty {
                let total = fees.reduce(0) { $0 + ($1.feeCents ?? 0) } * booking.persons
                let lowest = fees.reduce(0) { $0 + ($1.lowestFeeCents ?? $1.feeCents ?? 0) } * booking.persons
                json.object("fee") { json in
                    json.int("cents", total)
                    if lowest < total { json.int("lowestCents", lowest) }
                    json.string("text", euros(from: lowest, to: total))
                }
            }
            checklist(chosen, into: &json)
            if includeContact {
                json.object("contact") { json in
                    json.string("name", booking.contact.name)
                    json.string("email", ifPresent: booking.contact.email)
                    json.string("phone", ifPresent: booking.contact.phone)
                }
            }
            if listed {
                json.bool("checkedIn", ticket != nil)
                json.string("ticket", ifPresent: ticket)
            }
            json.object("links") { json in
                json.string("self", "/v1/bookings/\(booking.id.rawValue)")
                json.string("calendar", "/v1/bookings/\(booking.id.rawValue)/calendar.ics")
                if let token {
                    let page = (booking.contact.language == .english ? "/en" : "") + "/termin/\(booking.id.rawValue)"
                    json.string("manage", page + "?token=\(token)")
                    if booking.isUnconfirmed { json.string("confirm", "/v1/bookings/\(booking.id.rawValue)/confirm") }
                }
            }
        }
        return json.bytes
    }
}

extension JSONWriter {
    /// A member holding `instant` in RFC 3339 with the office's offset then (`time(_:in:)`),
    /// written without making a string.
    mutating func time(_ name: String, _ instant: Instant, in office: Office) {
        let offset = office.timeZone.offsetSeconds(at: instant)
        string(name) { RFC3339.write(instant, offsetSeconds: offset, into: &$0) }
    }
}
