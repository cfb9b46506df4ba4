/// How far ahead a service can be booked (Documentation/Scheduling.md, "Booking window").
package struct BookingWindow: Hashable, Sendable {
    /// The earliest bookable day, counted from today (1: from tomorrow).
    package var minNoticeDays: Int
    /// At least this many minutes between now and the start.
    package var minNoticeMinutes: Int
    /// The last bookable day, counted from today.
    package var maxAdvanceDays: Int
    /// The local time at which the next day becomes bookable; midnight when nil. Before it, the
    /// last bookable day is one day earlier.
    package var releaseTime: LocalTime?
    /// A weekly release of whole weeks (the next week's vaccination slots every Monday at 07:00);
    /// nil when days are released one by one.
    package var weeklyRelease: WeeklyRelease?

    package init(
        minNoticeDays: Int = 1, minNoticeMinutes: Int = 0, maxAdvanceDays: Int = 60, releaseTime: LocalTime? = nil,
        weeklyRelease: WeeklyRelease? = nil
    ) {
        self.minNoticeDays = minNoticeDays
        self.minNoticeMinutes = minNoticeMinutes
        self.maxAdvanceDays = maxAdvanceDays
        self.releaseTime = releaseTime
        self.weeklyRelease = weeklyRelease
    }

    /// The strictest of several windows (a booking of several services must satisfy each).
    package func intersected(with other: BookingWindow) -> BookingWindow {
        BookingWindow(
            minNoticeDays: max(minNoticeDays, other.minNoticeDays),
            minNoticeMinutes: max(minNoticeMinutes, other.minNoticeMinutes),
            maxAdvanceDays: min(maxAdvanceDays, other.maxAdvanceDays),
            releaseTime: [releaseTime, other.releaseTime].compactMap { $0 }.max(),
            weeklyRelease: weeklyRelease ?? other.weeklyRelease)
    }
}

/// Whole weeks released at once: every `weekday` at `time`, the days through the end (Sunday) of
/// the week `weeksAhead` weeks after the release become bookable (with `weeksAhead` 1, Monday's
/// release opens next week).
package struct WeeklyRelease: Hashable, Sendable {
    package var weekday: Weekday
    package var time: LocalTime
    package var weeksAhead: Int

    package init(weekday: Weekday, time: LocalTime, weeksAhead: Int = 1) {
        self.weekday = weekday
        self.time = time
        self.weeksAhead = max(0, weeksAhead)
    }

    /// The day of the latest release at or before `today` at wall-clock minute `minute`.
    package func lastReleaseDay(today: LocalDate, minute: Int) -> LocalDate {
        var back = (today.weekday.rawValue - weekday.rawValue + 7) % 7
        if back == 0, minute < time.minutes { back = 7 }
        return today.adding(days: -back)
    }

    /// The last day a release on `day` makes bookable.
    package func releasedThrough(releaseDay day: LocalDate) -> LocalDate {
        day.adding(days: 7 * weeksAhead + 7 - day.weekday.rawValue)
    }
}

/// An office's rules for holds and bookings.
package struct BookingPolicy: Hashable, Sendable {
    package var window: BookingWindow
    /// How long a hold keeps its capacity.
    package var holdMinutes: Int
    /// How often a hold may be extended by another `holdMinutes`.
    package var maxHoldExtensions: Int
    /// How long a cancelled time is kept from public channels before it is offered again.
    package var cancellationHoldBackMinutes: Int
    /// Active bookings one contact may hold per service (against hoarding).
    package var maxActivePerContact: Int
    /// Double opt-in: an online booking stays unconfirmed (its time taken) until the citizen
    /// follows the link in the e-mail, and is released when this many minutes pass without it;
    /// nil: online bookings are confirmed at once.
    package var confirmByEmailMinutes: Int?

    package init(
        window: BookingWindow = BookingWindow(), holdMinutes: Int = 10, maxHoldExtensions: Int = 2,
        cancellationHoldBackMinutes: Int = 0, maxActivePerContact: Int = 2, confirmByEmailMinutes: Int? = nil
    ) {
        self.window = window
        self.holdMinutes = holdMinutes
        self.maxHoldExtensions = maxHoldExtensions
        self.cancellationHoldBackMinutes = cancellationHoldBackMinutes
        self.maxActivePerContact = maxActivePerContact
        self.confirmByEmailMinutes = confirmByEmailMinutes
    }
}

/// An office's rules for the waiting-room queue (Documentation/Queue.md, "The queue").
package struct QueuePolicy: Hashable, Sendable {
    /// An appointment counts as due from this many minutes before its start.
    package var earlyMinutes: Int
    /// Check-in is refused this many minutes after the start.
    package var lateMinutes: Int
    /// Check-in opens this many minutes before the start.
    package var checkInOpensMinutes: Int
    /// A walk-in who has waited this long ranks with appointments that are due.
    package var agingMinutes: Int
    /// How often a called ticket may be called again.
    package var maxRecalls: Int
    /// Whether a late appointment may take a walk-in ticket instead.
    package var lateArrivalGetsWalkIn: Bool
    /// How many finished tickets per group the waiting-time estimate averages.
    package var estimateSampleSize: Int

    package init(
        earlyMinutes: Int = 10, lateMinutes: Int = 10, checkInOpensMinutes: Int = 60, agingMinutes: Int = 45,
        maxRecalls: Int = 2, lateArrivalGetsWalkIn: Bool = true, estimateSampleSize: Int = 10
    ) {
        self.earlyMinutes = earlyMinutes
        self.lateMinutes = lateMinutes
        self.checkInOpensMinutes = checkInOpensMinutes
        self.agingMinutes = agingMinutes
        self.maxRecalls = maxRecalls
        self.lateArrivalGetsWalkIn = lateArrivalGetsWalkIn
        self.estimateSampleSize = estimateSampleSize
    }
}
