/// Why the scheduling core refused a request. Cases carry ids and values, not prose; the API
/// layer turns them into problem documents.
package enum SchedulingError: Error, Equatable, Sendable {
    /// The request names no service.
    case noServices
    case unknownService(ServiceID)
    case duplicateService(ServiceID)
    /// No counter of the office does this service.
    case serviceNotOffered(ServiceID, office: OfficeID)
    /// Each service is offered, but no single counter does them all.
    case servicesNotCombinable(office: OfficeID)
    /// Citizens may not book this service themselves.
    case serviceNotBookable(ServiceID, channel: Channel)
    /// Persons must be from 1 to `max`.
    case invalidPersons(Int, max: Int)
    /// A date range that is reversed or longer than `maxDays`.
    case invalidDateRange(from: LocalDate, to: LocalDate, maxDays: Int)
    /// The start is not one of the office's offered start times.
    case startNotOffered(Instant)
    /// The start lies before `earliest` or on a day after `latest`.
    case outsideBookingWindow(start: Instant, earliest: Instant, latest: LocalDate)
    /// No counter that can do the services is free at that time for the caller's channel.
    case slotUnavailable(office: OfficeID, start: Instant)
    case holdNotFound(HoldID)
    case holdExpired(HoldID)
    case holdExtensionLimitReached(HoldID, max: Int)
    case bookingNotFound(BookingID)
    case bookingCancelled(BookingID)
    /// The appointment has begun or is over; it can no longer be changed.
    case bookingAlreadyStarted(BookingID)
    /// The contact already holds `limit` active bookings of the service.
    case limitReached(ServiceID, limit: Int)
    /// An id given for a new hold or booking is already in use.
    case duplicateID(String)
    /// The office or a service confirms online bookings by e-mail (double opt-in), and the
    /// contact has no e-mail address.
    case confirmationNeedsEmail
    /// The booking was not confirmed by its deadline: it has been, or is about to be, released.
    case confirmationExpired(BookingID)
}
