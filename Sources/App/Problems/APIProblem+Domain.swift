package import Scheduling
package import Storage

/// The one mapping from the domain's errors (scheduling, queue, writer, rush) to problems. Times
/// are given in the office's zone when the office is known.
extension APIProblem {
    /// `instant` in the office's local time, or UTC without an office.
    package static func time(_ instant: Instant, _ office: Office?) -> String {
        office.map { Representations.time(instant, in: $0) } ?? RFC3339.format(instant, offsetSeconds: 0)
    }

    /// The errors that scheduling and the queue share.
    private enum Shared {
        case noServices
        case unknownService(ServiceID)
        case duplicateService(ServiceID)
        case serviceNotOffered(ServiceID, OfficeID)
        case bookingCancelled(BookingID)

        var problem: APIProblem {
            switch self {
            case .noServices:
                validation([FieldError(field: "services", message: "name at least one service")])
            case .unknownService(let id):
                APIProblem(
                    .unknownService, detail: "There is no service \"\(id)\".", extensions: [("service", id.rawValue)])
            case .duplicateService(let id):
                validation([FieldError(field: "services", message: "service \"\(id)\" is named twice")])
            case .serviceNotOffered(let id, let office):
                APIProblem(
                    .serviceNotOffered, detail: "Office \(office) does not offer \"\(id)\".",
                    extensions: [("service", id.rawValue), ("office", office.rawValue)])
            case .bookingCancelled(let id):
                APIProblem(.bookingCancelled, detail: "Booking \(id) was cancelled and cannot be changed.")
            }
        }
    }

    /// The problem for a scheduling error.
    package init(_ error: SchedulingError, office: Office?) {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .noServices: self = Shared.noServices.problem
        case .unknownService(let id): self = Shared.unknownService(id).problem
        case .duplicateService(let id): self = Shared.duplicateService(id).problem
        case .serviceNotOffered(let id, let office): self = Shared.serviceNotOffered(id, office).problem
        case .bookingCancelled(let id): self = Shared.bookingCancelled(id).problem
        case .servicesNotCombinable(let office):
            self = APIProblem(
                .servicesNotCombinable,
                detail:
                    "No counter of office \(office) does all these services in one appointment; book them separately.")
        case .serviceNotBookable(let id, _):
            self = APIProblem(
                .serviceNotBookableOnline,
                detail: "\"\(id)\" cannot be booked online; please call the hotline or come by.")
        case .invalidPersons(let persons, let max):
            self = .validation([FieldError(field: "persons", message: "must be from 1 to \(max), got \(persons)")])
        case .invalidDateRange(let from, let to, let maxDays):
            self = .validation([
                FieldError(
                    field: "to",
                    message: "the range \(from.iso) to \(to.iso) must be forward and at most \(maxDays) days")
            ])
        case .startNotOffered(let start):
            self = APIProblem(
                .startNotOffered,
                detail: "\(time(start)) is not one of the office's start times; take one from the availability.")
        case .outsideBookingWindow(let start, let earliest, let latest):
            self = APIProblem(
                .outsideBookingWindow,
                detail: "\(time(start)) cannot be booked now: from \(time(earliest)) to the end of \(latest.iso).",
                extensions: [("earliest", time(earliest)), ("latest", latest.iso)])
        case .slotUnavailable(let office, let start):
            self = APIProblem(
                .slotUnavailable,
                detail: "Someone else took \(time(start)) at office \(office); please choose another time.")
        case .holdNotFound(let id):
            self = .notFound("There is no hold \(id).")
        case .holdExpired(let id):
            self = APIProblem(
                .holdExpired, detail: "Hold \(id) ran out; the time may have been taken. Please choose a time again.")
        case .holdExtensionLimitReached(let id, let max):
            self = APIProblem(.holdExtensionLimit, detail: "Hold \(id) was already extended \(max) times.")
        case .bookingNotFound(let id):
            self = .notFound("There is no booking \(id).")
        case .bookingAlreadyStarted(let id):
            self = APIProblem(
                .bookingStarted, detail: "Booking \(id) has started or is over and can no longer be changed.")
        case .limitReached(let service, let limit):
            self = APIProblem(
                .limitReached,
                detail: "This contact already holds \(limit) active booking\(limit == 1 ? "" : "s") of \"\(service)\".",
                extensions: [("service", service.rawValue), ("limit", String(limit))])
        case .duplicateID:
            self = .internalError()
        case .confirmationNeedsEmail:
            self = .validation([
                FieldError(
                    field: "contact.email",
                    message: "is required: this office confirms online bookings by a link sent by e-mail")
            ])
        case .confirmationExpired(let id):
            self = APIProblem(
                .confirmationExpired, detail: "Booking \(id) was not confirmed in time; its time was released.")
        }
    }

    /// The problem for a queue error.
    package init(_ error: QueueError, office: Office?) {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .noServices: self = Shared.noServices.problem
        case .unknownService(let id): self = Shared.unknownService(id).problem
        case .duplicateService(let id): self = Shared.duplicateService(id).problem
        case .serviceNotOffered(let id, let office): self = Shared.serviceNotOffered(id, office).problem
        case .bookingCancelled(let id): self = Shared.bookingCancelled(id).problem
        case .servicesNotCombinable(let office):
            self = APIProblem(
                .servicesNotCombinable,
                detail: "No counter of office \(office) does all these services; draw one ticket per service.")
        case .unknownCounter(let id):
            self = .notFound("There is no counter \(id).")
        case .ticketNotFound(let id):
            self = .notFound("There is no ticket \(id) today.")
        case .counterBusy(let counter, let ticket):
            self = APIProblem(
                .counterBusy,
                detail: "Counter \(counter) is serving \(ticket); finish, park, transfer or mark it first.",
                extensions: [("ticket", ticket.rawValue)])
        case .invalidTransition(let id, let state, let action):
            self = APIProblem(
                .invalidTicketAction,
                detail: "Ticket \(id) is \(state.rawValue); it cannot be given '\(action.rawValue)'.")
        case .recallLimitReached(let id, let max):
            self = APIProblem(
                .recallLimit, detail: "Ticket \(id) was recalled \(max) times; mark it as a no-show or park it.")
        case .dailyCapReached(let group, let cap):
            self = APIProblem(
                .dailyCapReached,
                detail: "Group \(group) has given out its \(cap) tickets for today; please book an appointment.")
        case .bookingAtOtherOffice(let id):
            self = APIProblem(.wrongOffice, detail: "Booking \(id) is for another office.")
        case .bookingNotToday(let id, let date):
            self = APIProblem(.notToday, detail: "Booking \(id) is on \(date.iso).", extensions: [("date", date.iso)])
        case .checkInTooEarly(_, let opensAt):
            self = APIProblem(
                .checkInTooEarly, detail: "Check-in opens at \(time(opensAt)).",
                extensions: [("opensAt", time(opensAt))])
        case .checkInTooLate(_, let closedAt):
            self = APIProblem(
                .checkInTooLate, detail: "Check-in closed at \(time(closedAt)).",
                extensions: [("closedAt", time(closedAt))])
        case .alreadyCheckedIn(_, let ticket):
            self = APIProblem(
                .alreadyCheckedIn, detail: "This appointment already has ticket \(ticket).",
                extensions: [("ticket", ticket.rawValue)])
        case .inconsistentEvent:
            self = .internalError()
        case .remoteTicketsOff(let office):
            self = .notFound("Office \(office) hands out no tickets from home.")
        case .remoteTicketsClosed(_, let from, let until):
            self = APIProblem(
                .remoteTicketsClosed,
                detail: "Tickets from home are handed out from \(from) to \(until) while attended.",
                extensions: [("from", from.hhmm), ("until", until.hhmm)])
        case .remoteTicketsNotOffered(let group):
            self = APIProblem(.remoteCapReached, detail: "Group \(group) hands out no tickets from home.")
        case .remoteCapReached(let group, let cap):
            self = APIProblem(
                .remoteCapReached, detail: "Group \(group) has handed out its \(cap) tickets from home for today.")
        case .alreadyArrived(let id):
            self = APIProblem(.alreadyArrived, detail: "The arrival of ticket \(id) was confirmed before.")
        case .arrivalTooLate(_, let deadline):
            self = APIProblem(
                .arrivalTooLate, detail: "The arrival had to be confirmed by \(time(deadline)).",
                extensions: [("deadline", time(deadline))])
        case .unknownArrivalCode:
            self = .notFound("There is no ticket from home with this code today.")
        }
    }

    /// The problem for a writer error.
    package init(_ error: WriterError, office: Office?) {
        switch error {
        case .scheduling(let error): self.init(error, office: office)
        case .queue(let error): self.init(error, office: office)
        case .stale(let id, let current):
            self = APIProblem(
                .preconditionFailed,
                detail: "Booking \(id) changed since you read it (now version \(current)); read it again.",
                extensions: [("etag", "\"\(current)\"")])
        case .storage: self = .internalError()
        case .nothingToSend(let id):
            self = APIProblem(
                .nothingToSend,
                detail: "Booking \(id) gets no mail: it has no e-mail address, it is cancelled, or mail is off.")
        }
    }

    /// The problem for a rush error.
    package init(_ error: RushError, office: Office?) {
        func time(_ instant: Instant) -> String { APIProblem.time(instant, office) }
        switch error {
        case .notOpenYet(let service, let opensAt):
            self = APIProblem(
                .waitingRoomNotOpen, detail: "The waiting room for \(service) opens at \(time(opensAt)).",
                extensions: [("opensAt", time(opensAt))])
        case .closed(let service):
            self = APIProblem(.waitingRoomClosed, detail: "The waiting room for \(service) has closed; book as usual.")
        case .admissionRequired(let service):
            self = APIProblem(.admissionRequired, detail: "\(service)")
        case .admissionInvalid(let service):
            self = APIProblem(.admissionInvalid, detail: "\(service)")
        case .registrationClosed(let service, let closedAt):
            self = APIProblem(
                .registrationClosed, detail: "Registration for the draw of \(service) closed at \(time(closedAt)).")
        case .alreadyRegistered(let service):
            self = APIProblem(
                .alreadyRegistered,
                detail: "This e-mail address or phone number is already registered for the draw of \(service).")
        case .unknownPriority(let id):
            self = .validation([FieldError(field: "priority", message: "unknown priority group \"\(id)\"")])
        }
    }

    /// The problem for a wish's error (Documentation/Wishes.md).
    package init(_ error: WishError, office: Office?) {
        switch error {
        case .disabled:
            self = APIProblem(.noWishes, detail: "This town takes no wishes.")
        case .serviceTakesNoWishes(let service):
            self = APIProblem(
                .noWishes, detail: "\"\(service)\" is handed out by a draw or a waiting room, which take no wishes.")
        case .scheduling(let error):
            self.init(error, office: office)
        case .noOffices:
            self = .validation([FieldError(field: "offices", message: "name at least one office")])
        case .unknownOffice(let id):
            self = .validation([FieldError(field: "offices", message: "there is no office \"\(id)\"")])
        case .noWeekdays:
            self = .validation([FieldError(field: "weekdays", message: "choose at least one weekday")])
        case .noTimes:
            self = .validation([FieldError(field: "times", message: "choose at least one time of day")])
        case .invalidDates(let earliest, let latest):
            self = .validation([
                FieldError(
                    field: "latest",
                    message: "the dates \(earliest.iso) to \(latest.iso) must run forward and not be over yet")
            ])
        case .tooFarAhead(let latest, let maxDays):
            self = .validation([
                FieldError(field: "latest", message: "\(latest.iso) is more than \(maxDays) days ahead")
            ])
        case .emailRequired:
            self = .validation([
                FieldError(field: "contact.email", message: "offers go out by e-mail: give an e-mail address")
            ])
        case .alreadyWishing(let service):
            self = APIProblem(
                .alreadyWishing, detail: "This e-mail address already has a wish waiting for \"\(service)\".")
        case .tooManyWishes(let limit):
            self = APIProblem(
                .tooManyWishes, detail: "This e-mail address already has \(limit) wishes; withdraw one first.")
        case .wishNotFound(let id):
            self = .notFound("There is no wish \(id).")
        case .wishClosed(let id, let status):
            self = APIProblem(.wishClosed, detail: "Wish \(id) is \(status.rawValue) and cannot be changed.")
        case .confirmationExpired(let id):
            self = APIProblem(
                .wishConfirmationExpired, detail: "Wish \(id) was not confirmed in time; please leave it again.")
        case .offerNotFound(let id):
            self = .notFound("There is no offer \(id).")
        case .offerClosed(let id, let status):
            self = APIProblem(.offerClosed, detail: "Offer \(id) is \(status.rawValue).")
        case .offerExpired(let id):
            self = APIProblem(
                .offerExpired, detail: "Offer \(id) ran out; the time went on to the next wish. Your wish still waits.")
        }
    }
}
