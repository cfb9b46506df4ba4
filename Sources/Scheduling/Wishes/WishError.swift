/// Why a wish or an offer was refused. Cases carry ids and values, not prose; the API layer turns
/// them into problem documents.
package enum WishError: Error, Equatable, Sendable {
    /// The town takes no wishes.
    case disabled
    /// The services are handed out by a draw or a waiting room, which keep their own order.
    case serviceTakesNoWishes(ServiceID)
    /// A service, office or the number of persons that cannot be booked together (as a booking
    /// would be refused).
    case scheduling(SchedulingError)
    /// The wish names no office.
    case noOffices
    case unknownOffice(OfficeID)
    /// No weekday or no time of day was chosen.
    case noWeekdays
    case noTimes
    /// The earliest date is after the latest, or the latest has passed.
    case invalidDates(earliest: LocalDate, latest: LocalDate)
    /// The latest date is further ahead than `WishPolicy.maxDays`.
    case tooFarAhead(latest: LocalDate, maxDays: Int)
    /// Offers go out by e-mail: the contact needs an address.
    case emailRequired
    /// The contact already has a wish waiting for this service.
    case alreadyWishing(ServiceID)
    /// The contact already has as many wishes waiting as allowed.
    case tooManyWishes(limit: Int)
    case wishNotFound(WishID)
    /// The wish is over (booked, withdrawn, ended) and cannot be changed.
    case wishClosed(WishID, status: Wish.Status)
    /// The wish was not confirmed in time.
    case confirmationExpired(WishID)
    case offerNotFound(String)
    /// The offer was booked, declined or withdrawn already.
    case offerClosed(String, status: WishOffer.Status)
    /// The offer ran out: the time went on to the next wish.
    case offerExpired(String)
}

extension Wish {
    /// Checks a new wish as the town would have to serve it (Documentation/Wishes.md): every
    /// service takes wishes (no draw, no waiting room) and can be booked by the wish's channel,
    /// every office named does all of them in one appointment for its persons, weekdays and times
    /// are chosen, the dates run forward from `today` at most `policy.maxDays` ahead, and there is
    /// an e-mail address to send offers to. `schedules` are the offices' capacities.
    package func check(
        schedules: [OfficeID: OfficeSchedule], services all: [Service], policy: WishPolicy, today: LocalDate
    ) throws(WishError) {
        guard policy.isEnabled else { throw .disabled }
        for id in services {
            if let service = all.first(where: { $0.id == id }), service.rush != nil {
                throw .serviceTakesNoWishes(id)
            }
        }
        guard !offices.isEmpty else { throw .noOffices }
        for office in offices {
            guard let schedule = schedules[office] else { throw .unknownOffice(office) }
            do throws(SchedulingError) {
                _ = try schedule.demand(services: services, persons: persons, channel: channel)
            } catch {
                throw .scheduling(error)
            }
        }
        guard !weekdays.isEmpty else { throw .noWeekdays }
        guard !times.isEmpty else { throw .noTimes }
        guard earliest <= latest, latest >= today else { throw .invalidDates(earliest: earliest, latest: latest) }
        guard today.days(until: latest) <= policy.maxDays else {
            throw .tooFarAhead(latest: latest, maxDays: policy.maxDays)
        }
        guard contact.email.map({ !$0.isEmpty }) ?? false else { throw .emailRequired }
    }
}
