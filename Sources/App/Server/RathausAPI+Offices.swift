import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    func listOffices(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        reply(cached(officesBody, request: request, cacheControl: "public, max-age=60"))
    }

    func showOffice(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            reply(cached(officeBodies[office.id] ?? [], request: request, cacheControl: "public, max-age=60"))
        }
    }

    func listServices(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        reply(cached(servicesBody, request: request, cacheControl: "public, max-age=60"))
    }

    /// `GET /v1/offices/{office}/availability?service=a&service=b&persons=2&from=DATE&to=DATE`.
    func availability(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let parameters = try availabilityParameters(request, office: office)
            withCaller(request, reply) { caller throws(APIProblem) in
                guard let writer = self.database.writers[office.id] else { throw .notFound("no office") }
                let now = self.clock()
                if caller.staff == nil, let drawn = parameters.services.first(where: { self.rush.draw(of: $0) != nil })
                {
                    // Drawn times are not for taking: show none, and where to register.
                    var json = JSONWriter()
                    json.object { json in
                        json.string("office", office.id.rawValue)
                        json.array("services") { json in for id in parameters.services { json.string(id.rawValue) } }
                        json.int("persons", parameters.persons)
                        json.string("channel", caller.channel.rawValue)
                        json.string("draw", "/v1/draws/\(drawn.rawValue)")
                        json.array("days") { _ in }
                    }
                    reply(.json(json.bytes, headers: [("Cache-Control", "no-cache")]))
                    return
                }
                let key =
                    "\(office.id.rawValue)|\(writer.capacityVersion)|\(now.secondsSinceEpoch / 60)|\(caller.channel.rawValue)|"
                    + parameters.services.map(\.rawValue).joined(separator: ",")
                    + "|\(parameters.persons)|\(parameters.from.dayNumber)|\(parameters.to.dayNumber)"
                let entry: AvailabilityCache.Entry
                if let hit = self.availabilityCache.get(key) {
                    entry = hit
                } else {
                    let availability: Availability
                    do throws(SchedulingError) {
                        availability = try writer.capacity.availability(
                            services: parameters.services, persons: parameters.persons, channel: caller.channel,
                            from: parameters.from, to: parameters.to, now: now)
                    } catch {
                        throw APIProblem.from(error, office: office)
                    }
                    let body = Representations.availability(
                        availability, office: office, services: parameters.services, persons: parameters.persons,
                        channel: caller.channel, from: parameters.from, to: parameters.to)
                    entry = self.availabilityCache.put(key, body: body)
                }
                if ETag.matches(request.headers["If-None-Match"], entry.etag) {
                    reply(
                        .response(
                            HTTPResponse(
                                status: .notModified, headers: ["ETag": entry.etag, "Cache-Control": "no-cache"])))
                } else {
                    reply(.json(entry.body, headers: [("ETag", entry.etag), ("Cache-Control", "no-cache")]))
                }
            }
        }
    }

    /// The checked query of an availability request; `from` defaults to today, `to` to 13 days
    /// later. Unknown and repeated parameters are refused before (see the route's `query`).
    func availabilityParameters(_ request: HTTPRequest, office: Office?) throws(APIProblem) -> (
        services: [ServiceID], persons: Int, from: LocalDate, to: LocalDate
    ) {
        let query = request.query
        var errors: [APIProblem.FieldError] = []
        let services = query.values(for: "service").map { ServiceID($0) }
        if services.isEmpty { errors.append(.init(field: "service", message: "name at least one service: ?service=…")) }
        var persons = 1
        if let text = query["persons"] {
            if let value = Int(text), value >= 1, value <= 20 {
                persons = value
            } else {
                errors.append(.init(field: "persons", message: "a whole number from 1 to 20"))
            }
        }
        let today = office.map(today) ?? clock().utc.date
        var from = today
        if let text = query["from"] {
            if let date = LocalDate(iso: text) {
                from = date
            } else {
                errors.append(.init(field: "from", message: "a date YYYY-MM-DD"))
            }
        }
        var to = from.adding(days: 13)
        if let text = query["to"] {
            if let date = LocalDate(iso: text) {
                to = date
            } else {
                errors.append(.init(field: "to", message: "a date YYYY-MM-DD"))
            }
        }
        if errors.isEmpty, to < from || from.days(until: to) >= Self.maxAvailabilityDays {
            errors.append(
                .init(field: "to", message: "must be on or after from, at most \(Self.maxAvailabilityDays) days on"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return (services, persons, from, to)
    }

    /// `GET /v1/availability/earliest?service=…&persons=…`: the soonest start per office that
    /// does the services, soonest first (the hotline's "anywhere in town"). As in `availability`,
    /// drawn times are not shown to the public: no offices, and where to register.
    func earliest(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let parameters = try availabilityParameters(request, office: municipality.offices.first)
            withCaller(request, reply) { caller throws(APIProblem) in
                let now = self.clock()
                let drawn =
                    caller.staff == nil ? parameters.services.first { self.rush.draw(of: $0) != nil } : nil
                var found: [(office: Office, start: Instant)] = []
                var unknown: APIProblem?
                for office in self.municipality.offices where drawn == nil {
                    guard let capacity = self.database.writers[office.id]?.capacity else { continue }
                    let today = office.timeZone.local(now).date
                    do throws(SchedulingError) {
                        let availability = try capacity.availability(
                            services: parameters.services, persons: parameters.persons, channel: caller.channel,
                            from: max(today, parameters.from), to: today.adding(days: OfficeSchedule.maxQueryDays - 1),
                            now: now)
                        if let start = availability.days.first?.starts.first { found.append((office, start)) }
                    } catch .unknownService(let id) {
                        unknown = APIProblem.from(SchedulingError.unknownService(id), office: office)
                    } catch {
                        continue
                    }
                }
                if found.isEmpty, let unknown { throw unknown }
                found.sort { ($0.start, $0.office.id) < ($1.start, $1.office.id) }
                var json = JSONWriter()
                json.object { json in
                    json.array("services") { json in for id in parameters.services { json.string(id.rawValue) } }
                    json.int("persons", parameters.persons)
                    json.string("channel", caller.channel.rawValue)
                    if let drawn { json.string("draw", "/v1/draws/\(drawn.rawValue)") }
                    json.array("offices") { json in
                        for (office, start) in found {
                            json.object { json in
                                json.string("office", office.id.rawValue)
                                json.string("name", office.name)
                                json.string("start", Representations.time(start, in: office))
                            }
                        }
                    }
                }
                reply(.json(json.bytes, headers: [("Cache-Control", "no-cache")]))
            }
        }
    }

    /// `GET /v1/offices/{office}/closures.ics`: from 30 days ago to a year ahead.
    func closures(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let today = today(office)
            let text = BookingCalendar.closures(
                of: office, dates: today.adding(days: -30)...today.adding(days: 365),
                stamp: office.timeZone.frame(of: today).start)
            let body = Array(text.utf8)
            let tag = ETag.of(body)
            if ETag.matches(request.headers["If-None-Match"], tag) {
                reply(.response(HTTPResponse(status: .notModified, headers: ["ETag": tag])))
                return
            }
            reply(
                .response(
                    HTTPResponse(
                        status: .ok,
                        headers: [
                            "Content-Type": "text/calendar; charset=utf-8", "ETag": tag,
                            "Cache-Control": "public, max-age=3600",
                            "Content-Disposition": "inline; filename=\"schliesstage-\(office.id.rawValue).ics\"",
                        ], body: body)))
        }
    }
}
