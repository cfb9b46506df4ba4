import HTTPServer
import Scheduling
import Storage

extension OfficeRoutes {
    /// The checked question of an availability request.
    struct Question: Sendable {
        var services: [ServiceID]
        var persons: Int
        var from: LocalDate
        var to: LocalDate
    }

    /// `GET /v1/offices/{office}/availability?service=a&service=b&persons=2&from=DATE&to=DATE`:
    /// answered from the office's committed capacity, through a cache of ready answers kept under
    /// the query as sent (a hit reads nothing else of the request). The public gets no times of a
    /// drawn service, only where to register.
    func availability(_ context: RequestContext) throws -> Outcome {
        let writer = try directory.writer(named: context.parameter("office"))
        let caller = context.caller
        let channel = caller.channel(at: writer.officeID)
        // Read before the capacity: an answer is never kept under a newer version than its own.
        let version = writer.capacityVersion
        let now = directory.clock()
        let minute = now.secondsSinceEpoch / 60
        let key = AvailabilityCache.Key(
            office: writer.officeID, channel: channel, staff: caller.isStaff,
            query: context.request.rawQuery ?? "")
        if let hit = cache.get(key, version: version, minute: minute) {
            return .response(hit.response)
        }
        let office = try directory.office(named: context.parameter("office"))
        let question = try Self.question(context.query, today: office.timeZone.local(now).date)
        if !caller.isStaff, let drawn = question.services.first(where: { rush.draw(of: $0) != nil }) {
            var json = JSONWriter()
            json.object { json in
                json.string("office", office.id.rawValue)
                json.array("services") { json in for id in question.services { json.string(id.rawValue) } }
                json.int("persons", question.persons)
                json.string("channel", channel.rawValue)
                json.string("draw", "/v1/draws/\(drawn.rawValue)")
                json.array("days") { _ in }
            }
            return .json(json.bytes, headers: [("Cache-Control", "no-cache")])
        }
        let availability: Availability
        do throws(SchedulingError) {
            availability = try writer.capacity.availability(
                services: question.services, persons: question.persons, channel: channel, from: question.from,
                to: question.to, now: now)
        } catch {
            throw APIProblem(error, office: office)
        }
        let body = Representations.availability(
            availability, office: office, services: question.services, persons: question.persons,
            channel: channel, from: question.from, to: question.to)
        return .response(cache.put(key, body: body, version: version, minute: minute).response)
    }

    /// The checked query of an availability request; `from` defaults to `today`, `to` to 13 days
    /// later. Unknown and repeated parameters are refused before (the route's contract).
    static func question(_ query: QueryParameters, today: LocalDate) throws(APIProblem) -> Question {
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
        if errors.isEmpty, to < from || from.days(until: to) >= maxAvailabilityDays {
            errors.append(
                .init(field: "to", message: "must be on or after from, at most \(maxAvailabilityDays) days on"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return Question(services: services, persons: persons, from: from, to: to)
    }

    /// `GET /v1/availability/earliest?service=…&persons=…`: the soonest start per office that does
    /// the services, soonest first (the hotline's "anywhere in town"). As in `availability`, drawn
    /// times are not shown to the public: no offices, and where to register. With several
    /// instances, the others are asked at once (`scope=instance`) and their offices merged in; an
    /// instance that does not answer in time is named in `missing` and the answer is `partial`.
    func earliest(_ context: RequestContext) throws -> Outcome {
        let scope = context.query["scope"] ?? "all"
        guard scope == "all" || scope == "instance" else {
            throw APIProblem.validation([.init(field: "scope", message: "all or instance")])
        }
        let now = directory.clock()
        let question = try Self.question(
            context.query, today: directory.all.first.map { directory.today($0) } ?? now.utc.date)
        let channel = context.caller.channel
        let drawn = !context.caller.isStaff ? question.services.first { rush.draw(of: $0) != nil } : nil
        var found: [Found] = []
        var unknown: APIProblem?
        for office in directory.all where drawn == nil {
            guard let capacity = directory.capacity(office) else { continue }
            let today = office.timeZone.local(now).date
            do throws(SchedulingError) {
                let availability = try capacity.availability(
                    services: question.services, persons: question.persons,
                    channel: context.caller.channel(at: office.id), from: max(today, question.from),
                    to: today.adding(days: OfficeSchedule.maxQueryDays - 1), now: now)
                if let start = availability.days.first?.starts.first {
                    found.append(
                        Found(
                            office: office.id.rawValue, name: office.name, start: start,
                            text: Representations.time(start, in: office)))
                }
            } catch .unknownService(let id) {
                unknown = APIProblem(SchedulingError.unknownService(id), office: office)
            } catch {
                continue
            }
        }
        let answer = EarliestAnswer(
            services: question.services, persons: question.persons, channel: channel, drawn: drawn)
        guard let peers, scope == "all", drawn == nil else {
            if found.isEmpty, let unknown { throw unknown }
            return .json(answer.json(found, missing: nil), headers: [("Cache-Control", "no-cache")])
        }
        let target = "/v1/availability/earliest?" + (context.request.rawQuery.map { $0 + "&" } ?? "") + "scope=instance"
        let headers = context.request.headers["Authorization"].map { [("Authorization", $0)] } ?? []
        let local = found
        let localProblem = unknown
        return .later { finish in
            peers.ask(target, headers: headers) { answers in
                var all = local
                var missing: [String] = []
                for reply in answers {
                    guard case .array(let offices)? = reply.json?["offices"] else {
                        missing.append(reply.peer.name)
                        continue
                    }
                    all += offices.compactMap(Found.init)
                }
                if all.isEmpty, missing.isEmpty, let localProblem {
                    finish(.problem(localProblem))
                } else {
                    finish(.json(answer.json(all, missing: missing), headers: [("Cache-Control", "no-cache")]))
                }
            }
        }
    }

    /// One office's earliest start, found here or by a peer.
    struct Found: Sendable {
        var office: String
        var name: String
        var start: Instant
        /// `start` as the office writes it (its own UTC offset).
        var text: String

        init(office: String, name: String, start: Instant, text: String) {
            self.office = office
            self.name = name
            self.start = start
            self.text = text
        }

        /// An entry of a peer's `offices`.
        init?(_ json: JSONValue) {
            guard let office = json["office"]?.stringValue, let name = json["name"]?.stringValue,
                let text = json["start"]?.stringValue, let start = RFC3339.parse(text)?.instant
            else { return nil }
            self.init(office: office, name: name, start: start, text: text)
        }
    }

    /// The answer of the earliest search around its offices.
    struct EarliestAnswer: Sendable {
        var services: [ServiceID]
        var persons: Int
        var channel: Channel
        var drawn: ServiceID?

        /// Soonest first; `missing` names the instances that did not answer (nil: none asked).
        func json(_ found: [Found], missing: [String]?) -> [UInt8] {
            let sorted = found.sorted { ($0.start, $0.office) < ($1.start, $1.office) }
            var json = JSONWriter()
            json.object { json in
                json.array("services") { json in for id in services { json.string(id.rawValue) } }
                json.int("persons", persons)
                json.string("channel", channel.rawValue)
                if let drawn { json.string("draw", "/v1/draws/\(drawn.rawValue)") }
                json.array("offices") { json in
                    for entry in sorted {
                        json.object { json in
                            json.string("office", entry.office)
                            json.string("name", entry.name)
                            json.string("start", entry.text)
                        }
                    }
                }
                json.bool("partial", !(missing ?? []).isEmpty)
                if let missing, !missing.isEmpty {
                    json.array("missing") { json in for name in missing { json.string(name) } }
                }
            }
            return json.bytes
        }
    }
}
