/// One release of a scarce service at an office (Documentation/Statistics.md, "Scarce
/// releases"): a waiting room's release of new days, or a draw when its registration closes.
package struct ScarceRelease: Hashable, Sendable {
    /// How the release hands its slots out.
    package enum Kind: String, Hashable, Sendable {
        case waitingRoom = "waiting-room"
        case draw
    }

    package var service: ServiceID
    package var kind: Kind
    /// The moment of the release (a draw: registration closes and the draw runs).
    package var at: Instant
    /// The days whose slots it releases.
    package var days: ClosedRange<LocalDate>

    package init(service: ServiceID, kind: Kind, at: Instant, days: ClosedRange<LocalDate>) {
        self.service = service
        self.kind = kind
        self.at = at
        self.days = days
    }

    /// The channel its slots are counted for: the public one for a waiting room, the one a draw
    /// books with.
    var channel: Channel { kind == .waitingRoom ? .online : .hotline }

    /// The releases at `office` whose moment lies on the days `from` through `through` (local)
    /// and not after `now`: each release of a service with a waiting room that the office
    /// offers, and the draw of each service drawn at this office.
    package static func releases(
        at office: Office, services: [Service], from: LocalDate, through: LocalDate, now: Instant
    ) -> [ScarceRelease] {
        let zone = office.timeZone
        var releases: [ScarceRelease] = []
        let offered = office.offeredServices
        for service in services {
            switch service.rush {
            case .waitingRoom where offered.contains(service.id):
                let window = service.window.map(office.booking.window.intersected) ?? office.booking.window
                var day = from
                while day <= through {
                    if let release = Self.release(of: window, on: day, in: zone) {
                        releases.append(
                            ScarceRelease(service: service.id, kind: .waitingRoom, at: release.at, days: release.days))
                    }
                    day = day.adding(days: 1)
                }
            case .draw(let policy) where policy.office == office.id && policy.slotsFrom <= policy.slotsTo:
                let closes = policy.closesAt(in: zone)
                guard (from...through).contains(zone.local(closes).date) else { continue }
                releases.append(
                    ScarceRelease(
                        service: service.id, kind: .draw, at: closes, days: policy.slotsFrom...policy.slotsTo))
            default:
                continue
            }
        }
        return releases.filter { $0.at <= now }.sorted { ($0.at, $0.service) < ($1.at, $1.service) }
    }

    /// The release under `window` on `day`, if days are released that day: its moment and the
    /// days it opens (those after the previous release's last day, through its own).
    static func release(of window: BookingWindow, on day: LocalDate, in zone: OfficeTimeZone) -> (
        at: Instant, days: ClosedRange<LocalDate>
    )? {
        if let weekly = window.weeklyRelease {
            guard day.weekday == weekly.weekday else { return nil }
            func through(_ release: LocalDate) -> LocalDate {
                min(weekly.releasedThrough(releaseDay: release), release.adding(days: window.maxAdvanceDays))
            }
            let first = through(day.adding(days: -7)).adding(days: 1)
            let last = through(day)
            guard first <= last else { return nil }
            let frame = zone.frame(of: day)
            return (frame.instant(elapsed: frame.elapsed(wall: weekly.time)), first...last)
        }
        guard let time = window.releaseTime else { return nil }
        let opened = day.adding(days: window.maxAdvanceDays)
        let frame = zone.frame(of: day)
        return (frame.instant(elapsed: frame.elapsed(wall: time)), opened...opened)
    }

    /// How many one-person bookings of each release's service fit on its days on the office's
    /// plan with nothing booked, counted the way the load generator counts them: booked in
    /// memory at every start availability offers, round after round, until none is left. The
    /// releases of one service open days of their own, so they share one schedule.
    package static func slots(of releases: [ScarceRelease], office: Office, services: [Service]) -> [Int] {
        var schedules: [String: OfficeSchedule] = [:]
        var attempts = 0
        return releases.map { release in
            let key = "\(release.service.rawValue) \(release.kind.rawValue)"
            var schedule = schedules[key] ?? OfficeSchedule(office: office, services: services)
            schedule.prepare(from: release.days.lowerBound, through: release.days.upperBound)
            defer { schedules[key] = schedule }
            let now = release.at.adding(seconds: 1)
            var booked = 0
            while true {
                guard
                    let offered = try? schedule.availability(
                        services: [release.service], persons: 1, channel: release.channel,
                        from: release.days.lowerBound, to: release.days.upperBound, now: now)
                else { return booked }
                let before = booked
                for start in offered.days.flatMap(\.starts) {
                    let request = SlotRequest(
                        services: [release.service], persons: 1, start: start, channel: release.channel)
                    attempts += 1
                    let id = BookingID("slot\(attempts)")
                    if (try? schedule.book(
                        request, id: id, reference: id.rawValue, contact: Contact(name: ""), now: now))
                        != nil
                    {
                        booked += 1
                    }
                }
                if booked == before { return booked }
            }
        }
    }

    /// The counter time one slot of `service` takes at `office`: its duration rounded up to the
    /// office's grid.
    package static func slotSeconds(of service: ServiceID, at office: Office, services: [Service]) -> Int {
        let minutes = services.first { $0.id == service }?.durationMinutes ?? office.gridMinutes
        let grid = max(1, office.gridMinutes)
        return max(1, (minutes + grid - 1) / grid) * grid * 60
    }

    /// The figures of this release, given its slots, its registrations (waiting-room entrants
    /// or draw entries) and the bookings of its service on its days.
    package func figures(slots: Int, registrations: Int, bookings: [ReleaseBooking], slotSeconds: Int)
        -> ReleaseFigures
    {
        // A booking for more persons takes as many slots as its length holds.
        func taken(_ booking: ReleaseBooking) -> Int { max(1, booking.seconds / max(1, slotSeconds)) }
        var changes: [(at: Instant, slots: Int)] = []
        for booking in bookings {
            changes.append((booking.createdAt, taken(booking)))
            if let cancelled = booking.cancelledAt { changes.append((cancelled, -taken(booking))) }
        }
        changes.sort { ($0.at, -$0.slots) < ($1.at, -$1.slots) }
        var active = 0
        var soldOut: Instant?
        for change in changes {
            active += change.slots
            if slots > 0, active >= slots {
                soldOut = max(at, change.at)
                break
            }
        }
        return ReleaseFigures(
            service: service, kind: kind, at: at, days: days, slots: slots, registrations: registrations,
            booked: bookings.filter { $0.cancelledAt == nil }.reduce(0) { $0 + taken($1) },
            soldOutSeconds: soldOut.map { Int(at.seconds(until: $0)) })
    }
}

/// A booking of a released service on a released day, as the release figures need it: when it
/// was made and cancelled, and its length.
package struct ReleaseBooking: Hashable, Sendable {
    package var createdAt: Instant
    package var cancelledAt: Instant?
    package var seconds: Int

    package init(createdAt: Instant, cancelledAt: Instant?, seconds: Int) {
        self.createdAt = createdAt
        self.cancelledAt = cancelledAt
        self.seconds = seconds
    }
}

/// What a scarce release brought: anonymous counts and times.
package struct ReleaseFigures: Hashable, Sendable {
    package var service: ServiceID
    package var kind: ScarceRelease.Kind
    package var at: Instant
    package var days: ClosedRange<LocalDate>
    /// One-person slots of the service on the released days, on the office's plan.
    package var slots: Int
    /// Waiting-room entrants of the release, or entries of the draw.
    package var registrations: Int
    /// Slots taken by the bookings still kept.
    package var booked: Int
    /// From the release to the booking that took its last free slot; nil when its slots were
    /// never all booked at once.
    package var soldOutSeconds: Int?

    package init(
        service: ServiceID, kind: ScarceRelease.Kind, at: Instant, days: ClosedRange<LocalDate>, slots: Int,
        registrations: Int, booked: Int, soldOutSeconds: Int?
    ) {
        self.service = service
        self.kind = kind
        self.at = at
        self.days = days
        self.slots = slots
        self.registrations = registrations
        self.booked = booked
        self.soldOutSeconds = soldOutSeconds
    }
}
