import Scheduling
import Storage

extension ConfigurationRoutes {
    /// `{version, document}`.
    static func configuration(version: Int, document: ConfigurationDocument) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.int("version", version)
            json.raw("document", Array(document.root.text(pretty: false).utf8))
            json.array("calendars") { json in for name in document.calendars.keys.sorted() { json.string(name) } }
        }
        return json.bytes
    }

    /// A preview: the version it would replace, the changes, the affected bookings (staff see the
    /// contact, to call those without an e-mail address), and the week from `weekFrom` (default:
    /// this week's Monday) of each changed office as the new configuration opens it.
    static func preview(_ preview: ConfigurationDesk.Preview, weekFrom: LocalDate?, now: Instant) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.int("version", preview.version)
            json.array("changedOffices") { json in for id in preview.changedOffices { json.string(id.rawValue) } }
            json.array("changes") { json in
                for change in preview.changes {
                    json.object { json in
                        json.string("path", change.path)
                        json.string("kind", change.kind.rawValue)
                        json.string("before", ifPresent: change.before)
                        json.string("after", ifPresent: change.after)
                        json.string("text", change.line)
                    }
                }
            }
            json.array("affected") { json in
                for item in preview.affected {
                    json.object { json in
                        affectedMembers(item.booking, office: item.office, misfit: item.misfit, into: &json)
                        json.string(
                            "proposedStart",
                            ifPresent: item.proposedStart.map { Representations.time($0, in: item.office) })
                    }
                }
            }
            json.array("weeks") { json in
                for id in preview.changedOffices {
                    guard let office = preview.municipality.office(id) else { continue }
                    let from = weekFrom ?? monday(of: office.timeZone.local(now).date)
                    let plan = WeekPlan(office, services: preview.municipality.services, from: from)
                    weekMembers(plan, office: office, into: &json)
                }
            }
        }
        return json.bytes
    }

    static func affectedMembers(_ booking: Booking, office: Office, misfit: BookingMisfit, into json: inout JSONWriter)
    {
        json.string("id", booking.id.rawValue)
        json.string("reference", booking.reference)
        json.string("office", office.id.rawValue)
        json.string("counter", booking.counter.rawValue)
        json.string("start", Representations.time(booking.start, in: office))
        json.string("end", Representations.time(booking.end, in: office))
        json.array("services") { json in for service in booking.services { json.string(service.rawValue) } }
        json.string("reason", misfit.reason)
        json.object("contact") { json in
            json.string("name", booking.contact.name)
            json.string("email", ifPresent: booking.contact.email)
            json.string("phone", ifPresent: booking.contact.phone)
        }
    }

    /// What saving did, per office.
    static func saved(_ saved: ConfigurationDesk.Saved) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.int("version", saved.version)
            json.array("offices") { json in
                for (office, result) in saved.results {
                    json.object { json in
                        json.string("office", office.rawValue)
                        json.array("kept") { json in
                            for (booking, misfit) in result.kept {
                                json.object { json in
                                    json.string("id", booking.id.rawValue)
                                    json.string("reference", booking.reference)
                                    json.string("reason", misfit.reason)
                                }
                            }
                        }
                        json.array("moved") { json in
                            for (from, to) in result.moved {
                                json.object { json in
                                    json.string("id", to.id.rawValue)
                                    json.string("reference", to.reference)
                                    json.string("from", RFC3339.format(from.start, offsetSeconds: 0))
                                    json.string("to", RFC3339.format(to.start, offsetSeconds: 0))
                                    json.string("counter", to.counter.rawValue)
                                }
                            }
                        }
                        json.array("cancelled") { json in
                            for booking in result.cancelled {
                                json.object { json in
                                    json.string("id", booking.id.rawValue)
                                    json.string("reference", booking.reference)
                                    json.string("start", RFC3339.format(booking.start, offsetSeconds: 0))
                                    let notice = Notice(booking.contact)
                                    json.string("notice", notice.rawValue)
                                    if notice != .email {
                                        // For the hotline's list: whom to call (no e-mail address).
                                        json.object("contact") { json in
                                            json.string("name", booking.contact.name)
                                            json.string("phone", ifPresent: booking.contact.phone)
                                        }
                                    }
                                }
                            }
                        }
                        json.array("unmovable") { json in
                            for booking in result.unmovable { json.string(booking.reference) }
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    static func versionSummary(_ version: ConfigurationVersion, into json: inout JSONWriter) {
        json.object { json in versionMembers(version, into: &json) }
    }

    static func versionMembers(_ version: ConfigurationVersion, into json: inout JSONWriter) {
        json.int("version", version.number)
        json.string("at", RFC3339.format(version.at, offsetSeconds: 0))
        json.string("actor", version.actor)
        json.string("source", version.source.rawValue)
        json.string("summary", version.summary)
    }
}

extension ConfigurationRoutes {
    /// How a citizen whose booking a change cancels hears of it: by e-mail where the booking has
    /// an address (the notice goes out with the mail), else by a call from the hotline, else not
    /// at all (a booking made at the counter with a name only).
    enum Notice: String {
        case email
        case phone
        case none

        init(_ contact: Contact) {
            if let email = contact.email, !email.isEmpty {
                self = .email
            } else if let phone = contact.phone, !phone.isEmpty {
                self = .phone
            } else {
                self = .none
            }
        }
    }
}
