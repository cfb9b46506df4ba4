/// The capacity of one office, its holds and bookings: the single owner of that office's
/// counter time (Documentation/Architecture.md, "A booking, end to end").
///
/// A value type with no I/O and no clock: every operation takes `now`. Reads (`availability`)
/// and writes (`placeHold`, `book`, `cancel`, `reschedule`) see the same state, so what
/// availability shows is exactly what can be booked at that moment.
package struct OfficeSchedule: Sendable {
    package let office: Office
    /// Every service of the municipality, by id.
    package let services: [ServiceID: Service]
    /// The prepared days; a day that is not prepared is planned on the fly when read.
    package internal(set) var days = DayStore()
    /// The bookings of the planned days (and later ones), by id, reference and contact.
    package internal(set) var bookings: BookingTable
    package internal(set) var holds: [HoldID: Hold] = [:]
    /// The bookings that wait for their confirmation (double opt-in), with their deadlines, so
    /// that a sweep finds them without reading every booking.
    package internal(set) var unconfirmed: [BookingID: Instant] = [:]
    /// For each counter, the shortest booking it could take, in units (for fragmentation).
    let shortestUnits: [Int]
    /// For each service, the service and the counters of this office that can do it, as a bit mask
    /// by counter index.
    let serviceInfo: [ServiceID: (service: Service, counters: UInt64)]
    /// The zone's offset at the epoch, to guess the local date of an instant without a lookup.
    let guessOffset: Int

    /// The most counters one office may have (counter sets are 64-bit masks).
    package static let maxCounters = 64

    /// The longest date range one availability query may span.
    package static let maxQueryDays = 366

    package init(office: Office, services: [Service]) {
        self.office = office
        self.bookings = BookingTable(office: office)
        self.services = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = office.gridMinutes
        shortestUnits = office.counters.map { counter in
            let minutes = counter.skills.compactMap { id in services.first { $0.id == id }?.durationMinutes }
            return max(1, ((minutes.min() ?? grid) + grid - 1) / grid)
        }
        var masks: [ServiceID: UInt64] = [:]
        for (index, counter) in office.counters.prefix(OfficeSchedule.maxCounters).enumerated() {
            for skill in counter.skills { masks[skill, default: 0] |= 1 << UInt64(index) }
        }
        var info: [ServiceID: (service: Service, counters: UInt64)] = [:]
        for service in services where info[service.id] == nil {
            info[service.id] = (service, masks[service.id] ?? 0)
        }
        serviceInfo = info
        guessOffset = office.timeZone.offsetSeconds(at: Instant(secondsSinceEpoch: 0))
    }

    // MARK: Days

    /// Plans the days `from … through` that are not planned yet, so reads of them need no work.
    package mutating func prepare(from: LocalDate, through: LocalDate) {
        guard from <= through else { return }
        for number in from.dayNumber...through.dayNumber {
            let date = LocalDate(dayNumber: number)
            if days[date] == nil { days[date] = DayPlanner.plan(office, on: date) }
        }
    }

    /// Drops days before `date` and the bookings and holds on them (they live on in storage).
    package mutating func forget(before date: LocalDate) {
        days.removeAll(before: date)
        bookings.removeAll(before: date)
        holds = holds.filter { $0.value.placement.date >= date }
        unconfirmed = unconfirmed.filter { bookings.contains($0.key) }
    }

    /// The day's capacity, planned on the fly if it is not prepared.
    package func day(_ date: LocalDate) -> OfficeDay {
        days[date] ?? DayPlanner.plan(office, on: date)
    }

    /// The day's capacity, planned and kept if it was not prepared.
    mutating func preparedDay(_ date: LocalDate) -> OfficeDay {
        if let day = days[date] { return day }
        let day = DayPlanner.plan(office, on: date)
        days[date] = day
        return day
    }

    /// The frame of the local day containing `instant`.
    package func frame(containing instant: Instant) -> DayFrame {
        let guess = instant.adding(seconds: guessOffset).utc.date
        for offset in [0, -1, 1] {
            if let frame = days[guess.adding(days: offset)]?.frame, frame.start <= instant,
                frame.elapsedMinutes(to: instant) < Int64(frame.lengthMinutes)
            {
                return frame
            }
        }
        return office.timeZone.frame(of: office.timeZone.local(instant).date)
    }

    // MARK: Looking up

    package func booking(reference: String) -> Booking? {
        bookings.booking(reference: reference)
    }

    /// Bookings on `date`, by start.
    package func bookings(on date: LocalDate) -> [Booking] {
        bookings.bookings(on: date).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// The counters attended (open for bookings or walk-ins) at `now`.
    package func countersAttended(at now: Instant) -> [CounterID] {
        let frame = frame(containing: now)
        let unit = Int(frame.elapsedMinutes(to: now)) / office.gridMinutes
        let day = day(frame.date)
        return office.counters.indices.filter { day.counters[$0].attended.contains(unit) }.map {
            office.counters[$0].id
        }
    }

    /// The end of the last attended unit, on the day of `now`, of the counters that can do all of
    /// `services`; nil when none of them is attended after `now` that day.
    package func attendedUntil(after now: Instant, serving services: [ServiceID]) -> Instant? {
        let frame = frame(containing: now)
        let day = day(frame.date)
        let needed = Set(services)
        var last: Int?
        for (index, counter) in office.counters.enumerated() where needed.isSubset(of: counter.skills) {
            if let unit = day.counters[index].attended.runs.last?.upperBound { last = max(last ?? unit, unit) }
        }
        guard let last else { return nil }
        let end = frame.instant(elapsed: last * office.gridMinutes)
        return end > now ? end : nil
    }

    /// Bookable counter minutes per contingent over `days` days from `date` (for summaries):
    /// minutes open to online, to the hotline (online included) and to counter staff (all).
    package func bookableMinutes(from date: LocalDate, days count: Int) -> [Contingent: Int] {
        var result: [Contingent: Int] = [:]
        for offset in 0..<max(0, count) {
            let day = day(date.adding(days: offset))
            for counter in day.counters {
                for contingent in Contingent.bookable {
                    result[contingent, default: 0] += counter.open[contingent.rawValue].population * office.gridMinutes
                }
            }
        }
        return result
    }

    // MARK: Bookings by contact

    /// Active bookings (not cancelled, not over at `now`) of `contactKey` that include `service`.
    func activeBookings(of contactKey: String, service: ServiceID, at now: Instant, excluding: BookingID?) -> Int {
        bookings.activeCount(of: contactKey, service: service, at: now, excluding: excluding)
    }

    // MARK: Mutation of capacity

    mutating func setTaken(_ placement: Placement, _ taken: Bool) {
        if days[placement.date] == nil { days[placement.date] = DayPlanner.plan(office, on: placement.date) }
        if taken {
            days[placement.date]?.counters[placement.counterIndex].taken.insert(placement.units)
        } else {
            days[placement.date]?.counters[placement.counterIndex].taken.remove(placement.units)
        }
    }

    mutating func addBlock(_ block: CounterDay.Block, at placement: Placement) {
        _ = preparedDay(placement.date)
        days[placement.date]?.counters[placement.counterIndex].blocks.append(block)
    }

    mutating func removeBlock(hold id: HoldID, at placement: Placement) {
        days[placement.date]?.counters[placement.counterIndex].blocks.removeAll { $0.kind == .hold(id) }
    }

    /// Adds a booking whose id is not taken yet.
    mutating func insert(_ booking: Booking) {
        bookings.add(booking)
        if booking.isUnconfirmed { unconfirmed[booking.id] = booking.confirmationDeadline }
    }

    mutating func insert(_ hold: Hold) {
        holds[hold.id] = hold
    }

    mutating func removeHold(_ id: HoldID) -> Hold? {
        holds.removeValue(forKey: id)
    }

    mutating func replace(_ booking: Booking) {
        bookings.replace(booking)
        unconfirmed[booking.id] = booking.isUnconfirmed ? booking.confirmationDeadline : nil
    }
}
