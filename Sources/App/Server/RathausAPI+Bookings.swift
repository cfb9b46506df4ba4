import HTTPServer
import Scheduling
import Storage

extension RathausAPI {
    // MARK: Holds

    /// `POST /v1/holds` `{office, services, persons, start}`.
    func placeHold(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            var body = RequestBody(request)
            let officeID = body.field("office") { try OfficeID($0.string()) }
            let slot = slotFields(&body)
            try body.finish()
            guard let officeID, let office = offices[officeID], let slot else {
                throw .validation([.init(field: "office", message: "unknown office")])
            }
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                try self.refuseDrawServices(slot.services, caller: caller)
                try self.rush.checkAdmission(slot.services, token: request.headers["Admission-Token"], caller: caller)
                let wanted = SlotRequest(
                    services: slot.services, persons: slot.persons, start: slot.start, channel: caller.channel)
                self.submit(.placeHold(wanted), to: writer, caller: caller, request: request, reply: reply) { outcome in
                    self.holdResponse(outcome, office: office, status: 201)
                }
            }
        }
    }

    func extendHold(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let id = HoldID(request.parameters["hold"] ?? "")
            let office = try office(ofRecord: id.rawValue)
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                self.submit(.extendHold(id), to: writer, caller: caller, request: request, reply: reply) { outcome in
                    self.holdResponse(outcome, office: office, status: 200)
                }
            }
        }
    }

    func releaseHold(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let id = HoldID(request.parameters["hold"] ?? "")
            let office = try office(ofRecord: id.rawValue)
            let writer = try writer(office.id)
            withCaller(request, reply) { caller throws(APIProblem) in
                writer.submit(.releaseHold(id), actor: caller.actor) { outcome in
                    switch outcome {
                    case .success: reply(.response(HTTPResponse(status: .noContent)))
                    case .failure(let error): reply(.problem(.from(error, office: office)))
                    }
                }
            }
        }
    }

    func holdResponse(_ outcome: Result<OfficeOutcome, WriterError>, office: Office, status: Int) -> HTTPResponse {
        switch outcome {
        case .success(.hold(let hold)):
            return .json(
                Representations.hold(hold, office: office), status: status,
                headers: [("Location", "/v1/holds/\(hold.id.rawValue)"), ("Cache-Control", "no-store")])
        case .success:
            return .problem(.internalError())
        case .failure(let error):
            return .problem(.from(error, office: office))
        }
    }

    /// The slot fields of a hold or direct booking: `services`, `persons` (default 1), `start`.
    func slotFields(_ body: inout RequestBody) -> (services: [ServiceID], persons: Int, start: Instant)? {
        let services = body.field("services") { try $0.serviceIDs() }
        let persons = body.field("persons", required: false) { try $0.int(in: 1...20) } ?? 1
        let start = body.field("start") { try $0.instant() }
        guard let services, let start else { return nil }
        return (services, persons, start)
    }

    // MARK: Bookings

    /// `POST /v1/bookings` with `{hold, contact}` or `{office, services, persons, start, contact}`.
    func book(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withCaller(request, reply) { caller throws(APIProblem) in
            var body = RequestBody(request)
            let holdID = body.field("hold", required: false) { HoldID(try $0.string()) }
            let contact = body.field("contact") { try $0.contact(requireReachable: caller.channel.isPublic) }
            var command: OfficeCommand?
            var office: Office?
            if let holdID {
                for field in ["office", "services", "persons", "start"] where body.has(field) {
                    body.fail(field, "give either a hold or office, services, persons and start, not both")
                }
                try body.finish()
                office = try self.office(ofRecord: holdID.rawValue)
                if let contact { command = .bookHold(holdID, channel: caller.channel, contact: contact) }
            } else {
                let officeID = body.field("office") { try OfficeID($0.string()) }
                let slot = self.slotFields(&body)
                if let officeID, self.offices[officeID] == nil { body.fail("office", "unknown office \"\(officeID)\"") }
                try body.finish()
                office = officeID.flatMap { self.offices[$0] }
                if let slot {
                    try self.refuseDrawServices(slot.services, caller: caller)
                    try self.rush.checkAdmission(
                        slot.services, token: request.headers["Admission-Token"], caller: caller)
                }
                if let slot, let contact {
                    command = .book(
                        SlotRequest(
                            services: slot.services, persons: slot.persons, start: slot.start, channel: caller.channel),
                        contact: contact)
                }
            }
            guard let office, let command else { throw .validation([.init(field: "", message: "incomplete booking")]) }
            let writer = try self.writer(office.id)
            self.submit(command, to: writer, caller: caller, request: request, reply: reply) { outcome in
                self.bookingResponse(outcome, office: office, status: 201)
            }
        }
    }

    func bookingResponse(_ outcome: Result<OfficeOutcome, WriterError>, office: Office, status: Int) -> HTTPResponse {
        switch outcome {
        case .success(.booking(let booking, let token)):
            var headers = [("ETag", "\"\(booking.sequence)\""), ("Cache-Control", "no-store")]
            if status == 201 { headers.append(("Location", "/v1/bookings/\(booking.id.rawValue)")) }
            return .json(
                Representations.booking(
                    booking, office: office, services: municipality.services, token: token, includeContact: false),
                status: status, headers: headers)
        case .success:
            return .problem(.internalError())
        case .failure(let error):
            return .problem(.from(error, office: office))
        }
    }

    /// Reads the booking of the route and checks that the caller may see it: its own token,
    /// or a hotline, counter or admin token for its office.
    func withBooking(
        _ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void,
        _ body: @escaping @Sendable (Caller, Booking, Office) throws(APIProblem) -> Void
    ) {
        run(reply) { () throws(APIProblem) in
            let id = BookingID(request.parameters["booking"] ?? "")
            let office = try office(ofRecord: id.rawValue)
            withCaller(request, reply) { caller throws(APIProblem) in
                if case .citizen(nil) = caller {
                    throw .unauthorized(
                        "Show the booking's token (Authorization: Bearer …, or ?token= from the confirmation link).")
                }
                if let staff = caller.staff {
                    _ = try self.requireStaff(
                        caller, roles: [.hotline, .counter], office: staff.office == nil ? nil : office.id)
                }
                self.database.reader.async { connection in
                    let found: (booking: Booking, tokenHash: [UInt8])?
                    do {
                        found = try connection.booking(id: id)
                    } catch {
                        reply(.problem(.internalError()))
                        return
                    }
                    do throws(APIProblem) {
                        guard let found, found.booking.office == office.id else {
                            throw .notFound("There is no booking \(id).")
                        }
                        if let token = caller.bookingToken, !HMAC.equal(Secrets.hash(token: token), found.tokenHash) {
                            throw .forbidden("This token does not open booking \(id).")
                        }
                        try body(caller, found.booking, office)
                    } catch {
                        reply(.problem(error))
                    }
                }
            }
        }
    }

    func showBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withBooking(request, reply) { _, booking, office throws(APIProblem) in
            let tag = "\"\(booking.sequence)\""
            if ETag.matches(request.headers["If-None-Match"], tag) {
                reply(.response(HTTPResponse(status: .notModified, headers: ["ETag": tag])))
                return
            }
            reply(
                .json(
                    Representations.booking(
                        booking, office: office, services: self.municipality.services, token: nil, includeContact: true),
                    headers: [("ETag", tag), ("Cache-Control", "no-store")]))
        }
    }

    /// The version an `If-Match` asks for; nil without one. `*` matches any version. `If-Match`
    /// compares strongly (RFC 9110 §13.1.1): a weak tag (`W/"2"`) never matches.
    func expectedSequence(_ request: HTTPRequest) throws(APIProblem) -> Int? {
        guard let header = request.headers["If-Match"]?.trimmingWhitespace, header != "*" else { return nil }
        guard !header.hasPrefix("W/") else {
            throw APIProblem(
                status: 412, kind: "precondition-failed", title: "The booking has changed",
                detail:
                    "If-Match compares strongly: a weak ETag (W/…) never matches; send the booking's ETag, such as \"2\"."
            )
        }
        guard header.hasPrefix("\""), header.hasSuffix("\""), header.count >= 3,
            let sequence = Int(header.dropFirst().dropLast())
        else {
            throw APIProblem(
                status: 412, kind: "precondition-failed", title: "The booking has changed",
                detail: "If-Match must be the booking's ETag, such as \"2\".")
        }
        return sequence
    }

    func cancelBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withBooking(request, reply) { caller, booking, office throws(APIProblem) in
            let sequence = try self.expectedSequence(request)
            let writer = try self.writer(office.id)
            let channel: Channel = caller.staff == nil ? .online : caller.channel
            self.submit(
                .cancel(booking.id, channel: channel, ifSequence: sequence), to: writer, caller: caller,
                request: request, reply: reply
            ) {
                self.bookingResponse($0, office: office, status: 200)
            }
        }
    }

    /// `POST /v1/bookings/{booking}/reschedule` `{start}`: one step; the old time is kept when the
    /// new one is gone.
    func reschedule(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withBooking(request, reply) { caller, booking, office throws(APIProblem) in
            var body = RequestBody(request)
            let start = body.field("start") { try $0.instant() }
            try body.finish()
            guard let start else { throw .validation([.init(field: "start", message: "is required")]) }
            let sequence = try self.expectedSequence(request)
            let writer = try self.writer(office.id)
            let channel: Channel = caller.staff == nil ? .online : caller.channel
            self.submit(
                .reschedule(booking.id, start: start, channel: channel, ifSequence: sequence), to: writer,
                caller: caller,
                request: request, reply: reply
            ) { self.bookingResponse($0, office: office, status: 200) }
        }
    }

    func bookingCalendar(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        withBooking(request, reply) { _, booking, office throws(APIProblem) in
            let text = BookingCalendar.ics(booking, office: office, services: self.municipality.services)
            reply(
                .response(
                    HTTPResponse(
                        status: .ok,
                        headers: [
                            "Content-Type":
                                "text/calendar; charset=utf-8; method=\(booking.status == .cancelled ? "CANCEL" : "PUBLISH")",
                            "Content-Disposition": "attachment; filename=\"termin-\(booking.reference).ics\"",
                            "Cache-Control": "no-store",
                        ], body: Array(text.utf8))))
        }
    }

    // MARK: Staff lookups

    /// `GET /v1/offices/{office}/bookings?date=DATE` (hotline, counter, admin).
    func officeBookings(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            let office = try office(request)
            let query = request.query
            var day = today(office)
            if let text = query["date"] {
                guard let parsed = LocalDate(iso: text) else {
                    throw .validation([.init(field: "date", message: "a date YYYY-MM-DD")])
                }
                day = parsed
            }
            let date = day
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.hotline, .counter], office: office.id)
                self.database.reader.async { connection in
                    guard let bookings = try? connection.bookings(office: office.id, day: date) else {
                        reply(.problem(.internalError()))
                        return
                    }
                    var json = JSONWriter(capacity: 512 + bookings.count * 700)
                    json.object { json in
                        json.string("office", office.id.rawValue)
                        json.string("date", date.iso)
                        json.array("bookings") { json in
                            for booking in bookings {
                                json.raw(
                                    Representations.booking(
                                        booking, office: office, services: self.municipality.services, token: nil,
                                        includeContact: true))
                            }
                        }
                    }
                    reply(.json(json.bytes, headers: [("Cache-Control", "no-store")]))
                }
            }
        }
    }

    /// `GET /v1/bookings?reference=REF` (hotline, counter, admin).
    func findBooking(_ request: HTTPRequest, _ reply: @escaping @Sendable (Reply) -> Void) {
        run(reply) { () throws(APIProblem) in
            guard let reference = request.query["reference"], !reference.isEmpty else {
                throw .validation([.init(field: "reference", message: "is required: ?reference=K7M-4PQ")])
            }
            withCaller(request, reply) { caller throws(APIProblem) in
                _ = try self.requireStaff(caller, roles: [.hotline, .counter], office: nil)
                self.database.reader.async { connection in
                    do throws(APIProblem) {
                        guard let found = try? connection.booking(reference: reference),
                            let office = self.offices[found.booking.office]
                        else { throw .notFound("There is no booking with reference \(reference).") }
                        if let staff = caller.staff, !staff.covers(office.id) {
                            throw .forbidden("This token is for office \(staff.office?.rawValue ?? "")")
                        }
                        reply(
                            .json(
                                Representations.booking(
                                    found.booking, office: office, services: self.municipality.services, token: nil,
                                    includeContact: true),
                                headers: [("ETag", "\"\(found.booking.sequence)\""), ("Cache-Control", "no-store")]))
                    } catch {
                        reply(.problem(error))
                    }
                }
            }
        }
    }
}
