/// Every problem type the API answers with: what `/problems/{kind}` explains and the OpenAPI
/// document lists.
package enum ProblemCatalog {
    package struct Entry: Sendable {
        package var kind: String
        package var status: Int
        package var title: String
        package var explanation: String
    }

    package static let entries: [Entry] = [
        Entry(
            kind: "validation", status: 400, title: "The request is not valid",
            explanation:
                "A field, query parameter or the body itself is malformed, missing, of the wrong type or unknown. The `errors` member lists each bad field with its path."
        ),
        Entry(
            kind: "unauthorized", status: 401, title: "Authentication required",
            explanation:
                "The route needs a token: a booking's token (from the confirmation) or a staff token, as `Authorization: Bearer …`; or the token given is unknown or revoked."
        ),
        Entry(
            kind: "forbidden", status: 403, title: "Not allowed",
            explanation:
                "The token is valid but does not allow this: another booking's token, a role that may not do it, or a token for another office."
        ),
        Entry(
            kind: "not-found", status: 404, title: "Not found",
            explanation: "There is no such office, service, hold, booking, ticket or counter, or nothing at that path."),
        Entry(
            kind: "method-not-allowed", status: 405, title: "Method not allowed",
            explanation: "The path exists, but not for this method; `Allow` lists the methods it takes."),
        Entry(
            kind: "slot-unavailable", status: 409, title: "This time is no longer free",
            explanation:
                "Someone else took the time between your look at the availability and your request, or it is not open to your channel. Ask the availability again and choose another time."
        ),
        Entry(
            kind: "hold-expired", status: 410, title: "The hold has expired",
            explanation: "A hold keeps a time for a few minutes; it ran out. Choose a time again."),
        Entry(
            kind: "hold-extension-limit", status: 409, title: "The hold cannot be extended again",
            explanation: "A hold can be extended a limited number of times."),
        Entry(
            kind: "limit-reached", status: 409, title: "Too many active bookings",
            explanation:
                "One contact (e-mail or phone) may hold only a few active bookings of a service, against hoarding. Cancel one first."
        ),
        Entry(
            kind: "booking-cancelled", status: 409, title: "The booking is cancelled",
            explanation: "A cancelled booking cannot be changed or checked in."),
        Entry(
            kind: "booking-started", status: 409, title: "The appointment has begun",
            explanation: "An appointment that has started or is over can no longer be moved or cancelled."),
        Entry(
            kind: "precondition-failed", status: 412, title: "The booking has changed",
            explanation:
                "`If-Match` named an older version (ETag) of the booking; read it again and repeat the change if it still makes sense."
        ),
        Entry(
            kind: "idempotency-in-flight", status: 409, title: "The first request is still running",
            explanation:
                "A request with the same Idempotency-Key is still being processed; retry after `Retry-After` seconds to get its answer."
        ),
        Entry(
            kind: "idempotency-key-reused", status: 422, title: "Idempotency-Key used for another request",
            explanation: "An Idempotency-Key identifies one request; use a new key for a different one."),
        Entry(
            kind: "unknown-service", status: 422, title: "Unknown service",
            explanation: "No service has this id; `GET /v1/services` lists them."),
        Entry(
            kind: "service-not-offered", status: 422, title: "Service not offered here",
            explanation: "This office does not offer the service; `GET /v1/availability/earliest` finds one that does."),
        Entry(
            kind: "services-not-combinable", status: 422, title: "Services cannot be booked together",
            explanation: "No counter of the office does all these services in one appointment; book them separately."),
        Entry(
            kind: "service-not-bookable-online", status: 422, title: "Not bookable online",
            explanation: "The service can only be booked by the hotline or at the counter."),
        Entry(
            kind: "start-not-offered", status: 422, title: "Not an offered start time",
            explanation: "The start is not on the office's grid of start times; take one from the availability."),
        Entry(
            kind: "outside-booking-window", status: 422, title: "Outside the booking window",
            explanation:
                "The start is too soon or too far ahead for this service; `earliest` and `latest` say what can be booked now."
        ),
        Entry(
            kind: "counter-busy", status: 409, title: "The counter still has a ticket",
            explanation: "Finish, park, transfer or mark the counter's current ticket before calling the next."),
        Entry(
            kind: "invalid-ticket-action", status: 409, title: "Not possible in this state",
            explanation: "The ticket's state does not allow this action (for example a recall of a finished ticket)."),
        Entry(
            kind: "recall-limit", status: 409, title: "Called often enough",
            explanation: "The ticket was recalled as often as the office allows; mark it as a no-show or park it."),
        Entry(
            kind: "daily-cap-reached", status: 409, title: "No more tickets today",
            explanation: "This group has given out all its walk-in tickets for today; please book an appointment."),
        Entry(
            kind: "wrong-office", status: 409, title: "Booked at another office",
            explanation: "The appointment is at another office."),
        Entry(
            kind: "not-today", status: 409, title: "The appointment is not today",
            explanation: "Only today's appointments can be checked in."),
        Entry(
            kind: "check-in-too-early", status: 409, title: "Too early to check in",
            explanation: "Check-in opens a set time before the appointment; `opensAt` says when."),
        Entry(
            kind: "check-in-too-late", status: 409, title: "Too late for this appointment",
            explanation:
                "Check-in closed a set time after the appointment's start; the office may give a walk-in ticket instead."
        ),
        Entry(
            kind: "already-checked-in", status: 409, title: "Already checked in",
            explanation: "This appointment already has a ticket; `ticket` names it."),
        Entry(
            kind: "rate-limited", status: 429, title: "Too many requests",
            explanation: "This client sent more requests than allowed; wait `Retry-After` seconds."),
        Entry(
            kind: "overloaded", status: 503, title: "Too busy right now",
            explanation: "The server is at its limit of requests in flight; retry after `Retry-After` seconds."),
        Entry(
            kind: "internal", status: 500, title: "Internal error",
            explanation:
                "Something went wrong on our side and nothing was changed; `instance` identifies the occurrence for a report."
        ),
    ]

    package static func entry(_ kind: String) -> Entry? {
        entries.first { $0.kind == kind }
    }
}
