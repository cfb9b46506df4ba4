/// What a ticket's own page (`/t/{key}`) shows: numbers, counters and times, never a name. The
/// app fills it from the queue as it is now; the page, its live updates and the tests word it
/// from here (``TicketWords``).
package struct TicketView: Equatable, Sendable {
    /// Where the ticket stands, as its holder needs to know it.
    package enum Status: String, Equatable, Sendable {
        /// In line.
        case waiting
        /// Taken from home; its arrival must be confirmed at the office before it can be called.
        case awaitingArrival
        /// Called to a counter: go there now.
        case called
        /// Being served.
        case serving
        /// Set aside at the counter, to be called again.
        case parked
        case done
        /// Called and not there.
        case noShow
        /// Taken from home and not confirmed by its deadline.
        case passedOver
        /// A ticket of an earlier day.
        case expired
    }

    package var officeName: String
    /// "A017".
    package var number: String
    package var status: Status
    /// The names of its services.
    package var services: [String]
    /// When it was taken ("09:41").
    package var issuedAt: String
    /// Tickets that will be called before it.
    package var ahead: Int
    /// The estimated wait in minutes.
    package var estimatedWaitMinutes: Int
    /// The office's wall-clock minute of the day now (the page words times from it).
    package var nowMinute: Int
    /// The counter it is called to or served at ("Schalter 4").
    package var counterName: String?
    /// When it was called ("10:24").
    package var calledAt: String?
    /// How often it was called again.
    package var recalls: Int
    /// A checked-in booking's start ("10:30"); such tickets are called by their time.
    package var appointmentTime: String?
    /// A ticket from home: the code that confirms its arrival at the kiosk.
    package var arrivalCode: String?
    /// A ticket from home: the arrival must be confirmed by then ("10:40").
    package var arriveBy: String?
    /// The ticket's day ("07.12.2026").
    package var day: String

    /// A view; what does not apply to the status keeps its default.
    package init(
        officeName: String, number: String, status: Status, services: [String] = [], issuedAt: String,
        ahead: Int = 0, estimatedWaitMinutes: Int = 0, nowMinute: Int, counterName: String? = nil,
        calledAt: String? = nil, recalls: Int = 0, appointmentTime: String? = nil, arrivalCode: String? = nil,
        arriveBy: String? = nil, day: String
    ) {
        self.officeName = officeName
        self.number = number
        self.status = status
        self.services = services
        self.issuedAt = issuedAt
        self.ahead = ahead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.nowMinute = nowMinute
        self.counterName = counterName
        self.calledAt = calledAt
        self.recalls = recalls
        self.appointmentTime = appointmentTime
        self.arrivalCode = arrivalCode
        self.arriveBy = arriveBy
        self.day = day
    }

    /// Minutes before the expected call at which the holder should be back in the hall.
    package static let backMarginMinutes = 10

    /// Whether the holder should come to the waiting area now: called soon (two or fewer ahead,
    /// or an estimate within ``backMarginMinutes``).
    package var isSoon: Bool {
        ahead <= 2 || estimatedWaitMinutes <= Self.backMarginMinutes
    }

    /// The wall-clock time ("10:25") its call is expected at: now plus the estimate.
    package var expectedAt: String {
        Self.clock(nowMinute + max(0, estimatedWaitMinutes))
    }

    /// The time ("10:15") to be back in the hall by: ``backMarginMinutes`` before the expected call,
    /// rounded down to five minutes, never before now.
    package var backBy: String {
        let back = nowMinute + max(0, estimatedWaitMinutes) - Self.backMarginMinutes
        return Self.clock(max(nowMinute, back / 5 * 5))
    }

    /// `HH:MM` of a minute of the day (wrapping past midnight).
    static func clock(_ minute: Int) -> String {
        let wrapped = ((minute % 1440) + 1440) % 1440
        return twoDigits(wrapped / 60) + ":" + twoDigits(wrapped % 60)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
