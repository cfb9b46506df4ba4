package import Scheduling
package import Storage

/// An error answer of the API, rendered as RFC 9457 `application/problem+json`: a stable `type`
/// per kind (`/problems/slot-unavailable`, documented at that path), a title, the status, a
/// detail for humans (never personal data) and, for validation problems, each bad field.
package struct APIProblem: Error, Sendable, Equatable {
    /// One bad field of a request.
    package struct FieldError: Sendable, Equatable {
        package var field: String
        package var message: String

        package init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    package var status: Int
    /// The last segment of the type URI (`slot-unavailable`).
    package var kind: String
    package var title: String
    package var detail: String?
    package var errors: [FieldError]
    /// Extension members with string values (`opensAt`, `retryAfter` …).
    package var extensions: [(String, String)]
    /// Extra header fields (`Retry-After`, `WWW-Authenticate`, `Allow`).
    package var headers: [(String, String)]

    package init(
        status: Int, kind: String, title: String, detail: String? = nil, errors: [FieldError] = [],
        extensions: [(String, String)] = [], headers: [(String, String)] = []
    ) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.errors = errors
        self.extensions = extensions
        self.headers = headers
    }

    package static func == (lhs: APIProblem, rhs: APIProblem) -> Bool {
        lhs.status == rhs.status && lhs.kind == rhs.kind && lhs.title == rhs.title && lhs.detail == rhs.detail
            && lhs.errors == rhs.errors && lhs.extensions.map(\.0) == rhs.extensions.map(\.0)
            && lhs.extensions.map(\.1) == rhs.extensions.map(\.1)
    }

    /// The type URI (relative to the server, RFC 9457 §3.1.1).
    package var type: String { "/problems/\(kind)" }

    /// The problem document; `instance` names this occurrence (the request id).
    package func json(instance: String? = nil) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.string("type", type)
            json.string("title", title)
            json.int("status", status)
            json.string("detail", ifPresent: detail)
            json.string("instance", ifPresent: instance)
            for (name, value) in extensions { json.string(name, value) }
            if !errors.isEmpty {
                json.array("errors") { json in
                    for error in errors {
                        json.object { json in
                            json.string("field", error.field)
                            json.string("message", error.message)
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    // MARK: Common problems

    package static func validation(_ errors: [FieldError], detail: String? = nil) -> APIProblem {
        APIProblem(
            status: 400, kind: "validation", title: "The request is not valid",
            detail: detail
                ?? errors.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }.joined(separator: "; "),
            errors: errors)
    }

    package static func notFound(_ what: String) -> APIProblem {
        APIProblem(status: 404, kind: "not-found", title: "Not found", detail: what)
    }

    package static func unauthorized(_ detail: String) -> APIProblem {
        APIProblem(
            status: 401, kind: "unauthorized", title: "Authentication required", detail: detail,
            headers: [("WWW-Authenticate", "Bearer realm=\"rathaus\"")])
    }

    package static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(status: 403, kind: "forbidden", title: "Not allowed", detail: detail)
    }

    package static func internalError() -> APIProblem {
        APIProblem(
            status: 500, kind: "internal", title: "Internal error",
            detail: "Something went wrong on our side; nothing was changed. Quote the instance when you report it.")
    }

    // MARK: Domain errors

    /// `instant` in the office's local time, or UTC without an office.
    package static func time(_ instant: Instant, _ office: Office?) -> String {
        office.map { Representations.time(instant, in: $0) } ?? RFC3339.format(instant, offsetSeconds: 0)
    }

    static let noServices = validation([FieldError(field: "services", message: "name at least one service")])

    static func unknownService(_ id: ServiceID) -> APIProblem {
        APIProblem(
            status: 422, kind: "unknown-service", title: "Unknown service", detail: "There is no service \"\(id)\".")
    }

    /// A service list that names one service twice (holds, bookings, tickets, transfers).
    static func duplicateService(_ id: ServiceID) -> APIProblem {
        validation([FieldError(field: "services", message: "service \"\(id)\" is named twice")])
    }

    static func serviceNotOffered(_ id: ServiceID, office: OfficeID) -> APIProblem {
        APIProblem(
            status: 422, kind: "service-not-offered", title: "Service not offered here",
            detail: "Office \(office) does not offer \"\(id)\".")
    }

    /// The problem for a scheduling error; `office` formats times in the office's zone.
    package static func from(_ error: SchedulingError, office: Office?) -> APIProblem {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .noServices:
            return noServices
        case .unknownService(let id):
            return unknownService(id)
        case .duplicateService(let id):
            return duplicateService(id)
        case .serviceNotOffered(let id, let office):
            return serviceNotOffered(id, office: office)
        case .servicesNotCombinable(let office):
            return APIProblem(
                status: 422, kind: "services-not-combinable", title: "Services cannot be booked together",
                detail:
                    "No counter of office \(office) does all these services in one appointment; book them separately.")
        case .serviceNotBookable(let id, _):
            return APIProblem(
                status: 422, kind: "service-not-bookable-online", title: "Not bookable online",
                detail: "\"\(id)\" cannot be booked online; please call the hotline or come by.")
        case .invalidPersons(let persons, let max):
            return validation([FieldError(field: "persons", message: "must be from 1 to \(max), got \(persons)")])
        case .invalidDateRange(let from, let to, let maxDays):
            return validation(
                [
                    FieldError(
                        field: "to",
                        message: "the range \(from.iso) to \(to.iso) must be forward and at most \(maxDays) days")
                ])
        case .startNotOffered(let start):
            return APIProblem(
                status: 422, kind: "start-not-offered", title: "Not an offered start time",
                detail: "\(time(start)) is not one of the office's start times; take one from the availability.")
        case .outsideBookingWindow(let start, let earliest, let latest):
            return APIProblem(
                status: 422, kind: "outside-booking-window", title: "Outside the booking window",
                detail: "\(time(start)) cannot be booked now: from \(time(earliest)) to the end of \(latest.iso).",
                extensions: [("earliest", time(earliest)), ("latest", latest.iso)])
        case .slotUnavailable(let office, let start):
            return APIProblem(
                status: 409, kind: "slot-unavailable", title: "This time is no longer free",
                detail: "Someone else took \(time(start)) at office \(office); please choose another time.")
        case .holdNotFound(let id):
            return notFound("There is no hold \(id).")
        case .holdExpired(let id):
            return APIProblem(
                status: 410, kind: "hold-expired", title: "The hold has expired",
                detail: "Hold \(id) ran out; the time may have been taken. Please choose a time again.")
        case .holdExtensionLimitReached(let id, let max):
            return APIProblem(
                status: 409, kind: "hold-extension-limit", title: "The hold cannot be extended again",
                detail: "Hold \(id) was already extended \(max) times.")
        case .bookingNotFound(let id):
            return notFound("There is no booking \(id).")
        case .bookingCancelled(let id):
            return APIProblem(
                status: 409, kind: "booking-cancelled", title: "The booking is cancelled",
                detail: "Booking \(id) was cancelled and cannot be changed.")
        case .bookingAlreadyStarted(let id):
            return APIProblem(
                status: 409, kind: "booking-started", title: "The appointment has begun",
                detail: "Booking \(id) has started or is over and can no longer be changed.")
        case .limitReached(let service, let limit):
            return APIProblem(
                status: 409, kind: "limit-reached", title: "Too many active bookings",
                detail: "This contact already holds \(limit) active booking\(limit == 1 ? "" : "s") of \"\(service)\".")
        case .duplicateID:
            return internalError()
        }
    }

    /// The problem for a queue error.
    package static func from(_ error: QueueError, office: Office?) -> APIProblem {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .noServices:
            return noServices
        case .unknownService(let id):
            return unknownService(id)
        case .duplicateService(let id):
            return duplicateService(id)
        case .serviceNotOffered(let id, let office):
            return serviceNotOffered(id, office: office)
        case .servicesNotCombinable(let office):
            return APIProblem(
                status: 422, kind: "services-not-combinable", title: "Services cannot be handled together",
                detail: "No counter of office \(office) does all these services; draw one ticket per service.")
        case .unknownCounter(let id):
            return notFound("There is no counter \(id).")
        case .ticketNotFound(let id):
            return notFound("There is no ticket \(id) today.")
        case .counterBusy(let counter, let ticket):
            return APIProblem(
                status: 409, kind: "counter-busy", title: "The counter still has a ticket",
                detail: "Counter \(counter) is serving \(ticket); finish, park, transfer or mark it first.",
                extensions: [("ticket", ticket.rawValue)])
        case .invalidTransition(let id, let state, let action):
            return APIProblem(
                status: 409, kind: "invalid-ticket-action", title: "Not possible in this state",
                detail: "Ticket \(id) is \(state.rawValue); it cannot be given '\(action.rawValue)'.")
        case .recallLimitReached(let id, let max):
            return APIProblem(
                status: 409, kind: "recall-limit", title: "Called often enough",
                detail: "Ticket \(id) was recalled \(max) times; mark it as a no-show or park it.")
        case .dailyCapReached(let group, let cap):
            return APIProblem(
                status: 409, kind: "daily-cap-reached", title: "No more tickets today",
                detail: "Group \(group) has given out its \(cap) tickets for today; please book an appointment.")
        case .bookingAtOtherOffice(let id):
            return APIProblem(
                status: 409, kind: "wrong-office", title: "Booked at another office",
                detail: "Booking \(id) is for another office.")
        case .bookingNotToday(let id, let date):
            return APIProblem(
                status: 409, kind: "not-today", title: "The appointment is not today",
                detail: "Booking \(id) is on \(date.iso).", extensions: [("date", date.iso)])
        case .bookingCancelled(let id):
            return APIProblem(
                status: 409, kind: "booking-cancelled", title: "The booking is cancelled",
                detail: "Booking \(id) was cancelled.")
        case .checkInTooEarly(_, let opensAt):
            return APIProblem(
                status: 409, kind: "check-in-too-early", title: "Too early to check in",
                detail: "Check-in opens at \(time(opensAt)).", extensions: [("opensAt", time(opensAt))])
        case .checkInTooLate(_, let closedAt):
            return APIProblem(
                status: 409, kind: "check-in-too-late", title: "Too late for this appointment",
                detail: "Check-in closed at \(time(closedAt)).", extensions: [("closedAt", time(closedAt))])
        case .alreadyCheckedIn(_, let ticket):
            return APIProblem(
                status: 409, kind: "already-checked-in", title: "Already checked in",
                detail: "This appointment already has ticket \(ticket).", extensions: [("ticket", ticket.rawValue)])
        case .inconsistentEvent:
            return internalError()
        }
    }

    /// The problem for a writer error.
    package static func from(_ error: WriterError, office: Office?) -> APIProblem {
        switch error {
        case .scheduling(let error): from(error, office: office)
        case .queue(let error): from(error, office: office)
        case .stale(let id, let current):
            APIProblem(
                status: 412, kind: "precondition-failed", title: "The booking has changed",
                detail: "Booking \(id) changed since you read it (now version \(current)); read it again.",
                extensions: [("etag", "\"\(current)\"")])
        case .storage: internalError()
        }
    }
}
