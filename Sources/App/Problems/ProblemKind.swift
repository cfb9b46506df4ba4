/// One kind of error answer: the last segment of its type URI (`/problems/slot-unavailable`), its
/// status and title, and what it means. This table is the one source for the answers, for the
/// pages at `/problems/{kind}` and for the OpenAPI document (Documentation/API.md, "Problems").
package struct ProblemKind: Sendable, Hashable {
    /// The last segment of the type URI.
    package let name: String
    package let status: Int
    /// The same for every problem of the kind (RFC 9457 §3.1.3); the detail says what happened.
    package let title: String
    /// What the kind means and what to do, for `/problems/{kind}`.
    package let explanation: String

    init(_ name: String, _ status: Int, _ title: String, _ explanation: String) {
        self.name = name
        self.status = status
        self.title = title
        self.explanation = explanation
    }

    package static func == (lhs: ProblemKind, rhs: ProblemKind) -> Bool { lhs.name == rhs.name }
    package func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The type URI (relative to the server, RFC 9457 §3.1.1).
    package var type: String { "/problems/" + name }

    /// The kind named `name`.
    package static func named(_ name: String) -> ProblemKind? { all.first { $0.name == name } }

    // MARK: Requests

    static let validation = ProblemKind(
        "validation", 400, "The request is not valid",
        "A field, query parameter or the body itself is malformed, missing, of the wrong type or unknown. The `errors` member lists each bad field with its path."
    )
    static let unauthorized = ProblemKind(
        "unauthorized", 401, "Authentication required",
        "The route needs a token: a booking's token (from the confirmation) or a staff token, as `Authorization: Bearer …`; or the token given is unknown or revoked."
    )
    static let forbidden = ProblemKind(
        "forbidden", 403, "Not allowed",
        "The token is valid but does not allow this: another booking's token, a role that may not do it, or a token for another office."
    )
    static let notFound = ProblemKind(
        "not-found", 404, "Not found",
        "There is no such office, service, hold, booking, ticket or counter, or nothing at that path.")
    static let methodNotAllowed = ProblemKind(
        "method-not-allowed", 405, "Method not allowed",
        "The path exists, but not for this method; `Allow` lists the methods it takes.")
    static let preconditionFailed = ProblemKind(
        "precondition-failed", 412, "The booking has changed",
        "`If-Match` named an older version (ETag) of the booking, or a weak ETag; read it again and repeat the change if it still makes sense."
    )
    static let idempotencyInFlight = ProblemKind(
        "idempotency-in-flight", 409, "The first request is still running",
        "A request with the same Idempotency-Key is still being processed; retry after `Retry-After` seconds to get its answer."
    )
    static let idempotencyKeyReused = ProblemKind(
        "idempotency-key-reused", 422, "Idempotency-Key used for another request",
        "An Idempotency-Key identifies one request; use a new key for a different one.")
    static let rateLimited = ProblemKind(
        "rate-limited", 429, "Too many requests",
        "This client sent more requests than allowed; wait `Retry-After` seconds.")
    static let overloaded = ProblemKind(
        "overloaded", 503, "Too busy right now",
        "The server is at its limit of requests in flight; retry after `Retry-After` seconds.")
    static let internalError = ProblemKind(
        "internal", 500, "Internal error",
        "Something went wrong on our side and nothing was changed; `instance` identifies the occurrence for a report.")
    static let servedElsewhere = ProblemKind(
        "served-elsewhere", 421, "Served by another instance",
        "The office is served by another Rathaus instance and this request cannot be passed on to it (an event stream, or a request passed on once already); send it through the reverse proxy, which routes each office to its instance."
    )
    static let peerUnavailable = ProblemKind(
        "peer-unavailable", 502, "The office's instance does not answer",
        "The office is served by another Rathaus instance, which did not answer in time; nothing was changed here. Retry after `Retry-After` seconds."
    )

    // MARK: Booking

    static let slotUnavailable = ProblemKind(
        "slot-unavailable", 409, "This time is no longer free",
        "Someone else took the time between your look at the availability and your request, or it is not open to your channel. Ask the availability again and choose another time."
    )
    static let holdExpired = ProblemKind(
        "hold-expired", 410, "The hold has expired",
        "A hold keeps a time for a few minutes; it ran out. Choose a time again.")
    static let holdExtensionLimit = ProblemKind(
        "hold-extension-limit", 409, "The hold cannot be extended again",
        "A hold can be extended a limited number of times.")
    static let limitReached = ProblemKind(
        "limit-reached", 409, "Too many active bookings",
        "One contact (e-mail or phone) may hold only a few active bookings of a service, against hoarding. Cancel one first. `service` names the service, `limit` how many are allowed."
    )
    static let bookingCancelled = ProblemKind(
        "booking-cancelled", 409, "The booking is cancelled",
        "A cancelled booking cannot be changed or checked in.")
    static let bookingStarted = ProblemKind(
        "booking-started", 409, "The appointment has begun",
        "An appointment that has started or is over can no longer be moved or cancelled.")
    static let unknownService = ProblemKind(
        "unknown-service", 422, "Unknown service",
        "No service has this id (`service`); `GET /v1/services` lists them.")
    static let serviceNotOffered = ProblemKind(
        "service-not-offered", 422, "Service not offered here",
        "This office (`office`) does not offer the service (`service`); `GET /v1/availability/earliest` finds one that does."
    )
    static let servicesNotCombinable = ProblemKind(
        "services-not-combinable", 422, "Services cannot be done together",
        "No counter of the office does all these services in one appointment (or for one ticket); book them separately or draw one ticket per service."
    )
    static let serviceNotBookableOnline = ProblemKind(
        "service-not-bookable-online", 422, "Not bookable online",
        "The service can only be booked by the hotline or at the counter.")
    static let startNotOffered = ProblemKind(
        "start-not-offered", 422, "Not an offered start time",
        "The start is not on the office's grid of start times; take one from the availability.")
    static let outsideBookingWindow = ProblemKind(
        "outside-booking-window", 422, "Outside the booking window",
        "The start is too soon or too far ahead for this service; `earliest` and `latest` say what can be booked now.")

    static let confirmationExpired = ProblemKind(
        "confirmation-expired", 410, "The confirmation came too late",
        "A booking that waits for its confirmation by e-mail (double opt-in) must be confirmed by its deadline; this one was not, and its time was released. Book again."
    )

    // MARK: Mail

    static let nothingToSend = ProblemKind(
        "nothing-to-send", 409, "No message to send",
        "The booking gets no mail: it has no e-mail address, it is cancelled, or mail is switched off.")

    // MARK: Queue

    static let counterBusy = ProblemKind(
        "counter-busy", 409, "The counter still has a ticket",
        "Finish, park, transfer or mark the counter's current ticket before calling the next.")
    static let invalidTicketAction = ProblemKind(
        "invalid-ticket-action", 409, "Not possible in this state",
        "The ticket's state does not allow this action (for example a recall of a finished ticket).")
    static let recallLimit = ProblemKind(
        "recall-limit", 409, "Called often enough",
        "The ticket was recalled as often as the office allows; mark it as a no-show or park it.")
    static let dailyCapReached = ProblemKind(
        "daily-cap-reached", 409, "No more tickets today",
        "This group has given out all its walk-in tickets for today; please book an appointment.")
    static let wrongOffice = ProblemKind(
        "wrong-office", 409, "Booked at another office", "The appointment is at another office.")
    static let notToday = ProblemKind(
        "not-today", 409, "The appointment is not today",
        "Only today's appointments can be checked in; `date` is the appointment's day.")
    static let checkInTooEarly = ProblemKind(
        "check-in-too-early", 409, "Too early to check in",
        "Check-in opens a set time before the appointment; `opensAt` says when.")
    static let checkInTooLate = ProblemKind(
        "check-in-too-late", 409, "Too late for this appointment",
        "Check-in closed a set time after the appointment's start (`closedAt`); the office may give a walk-in ticket instead."
    )
    static let alreadyCheckedIn = ProblemKind(
        "already-checked-in", 409, "Already checked in", "This appointment already has a ticket; `ticket` names it.")
    static let remoteTicketsClosed = ProblemKind(
        "remote-tickets-closed", 409, "No tickets from home now",
        "The office hands out tickets from home only in its daily window (`from`, `until`) and while it is attended; draw one at the kiosk."
    )
    static let remoteCapReached = ProblemKind(
        "remote-cap-reached", 409, "No more tickets from home today",
        "This group has handed out all its tickets from home for today; draw one at the kiosk.")
    static let alreadyArrived = ProblemKind(
        "already-arrived", 409, "Arrival already confirmed",
        "This ticket's arrival was confirmed before; it is in line.")
    static let arrivalTooLate = ProblemKind(
        "arrival-too-late", 409, "Arrival confirmed too late",
        "A ticket from home must be confirmed at the office by its deadline (`deadline`); this one was passed over. Draw a new ticket."
    )

    // MARK: Rush

    static let byDraw = ProblemKind(
        "by-draw", 409, "Handed out by a draw",
        "The times of this service are drawn among those who register before a deadline; `draw` says where to register."
    )
    static let admissionRequired = ProblemKind(
        "admission-required", 403, "Please wait in the waiting room",
        "While a service's waiting room is open, its times are booked with the admission token the room gives; `waitingRoom` says where to join."
    )
    static let admissionInvalid = ProblemKind(
        "admission-invalid", 403, "The admission is not valid",
        "The Admission-Token is not this waiting room's, has run out, or has been used for too many attempts; join the room again."
    )
    static let waitingRoomNotOpen = ProblemKind(
        "waiting-room-not-open", 409, "The waiting room is not open yet",
        "A waiting room opens a set time before its release; `opensAt` says when.")
    static let waitingRoomClosed = ProblemKind(
        "waiting-room-closed", 409, "The waiting room is closed",
        "The waiting room has closed after its release; book as usual.")
    static let registrationClosed = ProblemKind(
        "registration-closed", 409, "Registration has closed",
        "The draw's registration deadline has passed; entries on the waiting list are offered cancelled times.")
    static let alreadyRegistered = ProblemKind(
        "already-registered", 409, "Already registered",
        "This e-mail address or phone number is already registered for the draw.")

    // MARK: Wishes

    static let noWishes = ProblemKind(
        "no-wishes", 409, "No wishes for this service",
        "The service is handed out by a draw or a waiting room, which keep their own order, or the town takes no wishes."
    )
    static let alreadyWishing = ProblemKind(
        "already-wishing", 409, "A wish is already waiting",
        "This e-mail address already has a wish waiting for the service; change nothing, or withdraw it by its link and leave a new one."
    )
    static let tooManyWishes = ProblemKind(
        "too-many-wishes", 409, "Too many wishes",
        "One e-mail address may have only a few wishes at once, against hoarding; withdraw one first.")
    static let wishClosed = ProblemKind(
        "wish-closed", 409, "The wish is over", "The wish was booked, withdrawn or has ended; leave a new one.")
    static let wishConfirmationExpired = ProblemKind(
        "wish-confirmation-expired", 410, "The wish was not confirmed in time",
        "A wish counts once the link in its e-mail is followed within a set time; this one was not. Leave it again.")
    static let offerExpired = ProblemKind(
        "offer-expired", 410, "The offer ran out",
        "An offered time is held for a set time; this one ran out and went on to the next wish. The wish still waits.")
    static let offerClosed = ProblemKind(
        "offer-closed", 409, "The offer is closed", "The offer was booked, declined, or its wish was withdrawn.")

    // MARK: Administration

    static let configurationUnavailable = ProblemKind(
        "configuration-unavailable", 409, "The configuration cannot be changed here",
        "This server was started without a configuration document, so it cannot change its configuration while it runs; change the file and restart."
    )

    /// Every kind, in the order `/openapi.json` lists them.
    package static let all: [ProblemKind] = [
        validation, unauthorized, forbidden, notFound, methodNotAllowed, preconditionFailed, idempotencyInFlight,
        idempotencyKeyReused, rateLimited, overloaded, internalError, servedElsewhere, peerUnavailable, slotUnavailable,
        holdExpired, holdExtensionLimit,
        limitReached, bookingCancelled, bookingStarted, unknownService, serviceNotOffered, servicesNotCombinable,
        serviceNotBookableOnline, startNotOffered, outsideBookingWindow, confirmationExpired, nothingToSend,
        counterBusy,
        invalidTicketAction, recallLimit,
        dailyCapReached, wrongOffice, notToday, checkInTooEarly, checkInTooLate, alreadyCheckedIn,
        remoteTicketsClosed, remoteCapReached, alreadyArrived, arrivalTooLate, byDraw,
        admissionRequired, admissionInvalid, waitingRoomNotOpen, waitingRoomClosed, registrationClosed,
        alreadyRegistered, noWishes, alreadyWishing, tooManyWishes, wishClosed, wishConfirmationExpired,
        offerExpired, offerClosed, configurationUnavailable,
    ]
}
