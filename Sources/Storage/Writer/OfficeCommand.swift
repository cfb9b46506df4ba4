internal import Glibc
package import Scheduling
import Synchronization

/// Ids of holds and bookings begin with their office's id and a dot, so that a request for one
/// finds its office's writer without a lookup (office ids cannot contain dots).
///
/// The rest is 16 bytes, 6 of them a millisecond timestamp (rising strictly within the process)
/// and 10 random, in base64url letters put in ASCII order, so that ids sort by the moment they
/// were made: new rows then go to the end of the id indexes instead of a random page each,
/// which halves the pages a commit writes.
package enum RecordID {
    package static func make(office: OfficeID) -> String {
        office.rawValue + "." + Secrets.base64URL(orderedBytes(milliseconds: nextMilliseconds()), sortable: true)
    }

    /// The timestamp and random bytes of an id made at `milliseconds` since the epoch.
    static func orderedBytes(milliseconds: UInt64) -> [UInt8] {
        (0..<6).map { UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - $0))) } + Secrets.bytes(10)
    }

    private static let lastMilliseconds = Atomic<UInt64>(0)

    /// The wall clock in milliseconds, but always above the value it gave before.
    static func nextMilliseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        let now = UInt64(max(0, time.tv_sec)) * 1000 + UInt64(max(0, time.tv_nsec)) / 1_000_000
        var last = lastMilliseconds.load(ordering: .relaxed)
        while true {
            let next = max(now, last + 1)
            let (exchanged, current) = lastMilliseconds.compareExchange(
                expected: last, desired: next, ordering: .relaxed)
            if exchanged { return next }
            last = current
        }
    }

    /// The office of a hold or booking id, if it has the form.
    package static func office(of id: String) -> OfficeID? {
        guard let dot = id.firstIndex(of: "."), dot != id.startIndex else { return nil }
        return OfficeID(String(id[..<dot]))
    }
}

/// What a caller asks an office's writer to do.
package enum OfficeCommand: Sendable {
    case placeHold(SlotRequest)
    /// Holds a freed time for a wish until `until` (Documentation/Wishes.md), taking the time of
    /// the `replacing` holds (offers being closed) in the same decision, so that it goes from one
    /// wish to the next without falling free in between.
    case placeOffer(SlotRequest, until: Instant, replacing: [HoldID] = [])
    case extendHold(HoldID)
    case releaseHold(HoldID)
    case book(SlotRequest, contact: Contact)
    case bookHold(HoldID, channel: Channel, contact: Contact)
    /// Cancels; with `ifSequence`, only if the booking is still at that version (`If-Match`).
    case cancel(BookingID, channel: Channel, ifSequence: Int? = nil)
    /// Moves; with `ifSequence`, only if the booking is still at that version (`If-Match`).
    case reschedule(BookingID, start: Instant, channel: Channel, ifSequence: Int? = nil)
    case issueTicket(services: [ServiceID])
    /// A ticket taken from home (the citizen pages): it waits for its arrival to be confirmed.
    case issueRemoteTicket(services: [ServiceID])
    /// Confirms the arrival of the ticket from home with this code (kiosk or counter).
    case confirmArrival(code: String)
    /// Passes over the tickets from home whose deadline went by unconfirmed (a timer).
    case passOverLate
    case checkIn(BookingID)
    case callNext(CounterID)
    case ticket(TicketID, QueueAction, services: [ServiceID]? = nil, counter: CounterID? = nil)
    /// Takes a new configuration of the office: its capacity is rebuilt from it, and the bookings
    /// it no longer fits are kept and flagged, moved or cancelled as the change says.
    case reconfigure(Reconfiguration)
    /// Releases expired holds and unconfirmed bookings past their deadline, forgets past days and
    /// plans new ones.
    case sweep
    /// Confirms an unconfirmed booking (the link of double opt-in).
    case confirm(BookingID)
    /// Puts the booking's confirmation (or its request to confirm) in the outbox again (staff).
    case sendAgain(BookingID)

    /// A short name for logs, metrics and the audit log.
    package var name: String {
        switch self {
        case .placeHold: "hold"
        case .placeOffer: "offer"
        case .extendHold: "extend-hold"
        case .releaseHold: "release-hold"
        case .book, .bookHold: "book"
        case .cancel: "cancel"
        case .reschedule: "reschedule"
        case .issueTicket: "issue-ticket"
        case .issueRemoteTicket: "issue-remote-ticket"
        case .confirmArrival: "confirm-arrival"
        case .passOverLate: "pass-over-late"
        case .checkIn: "check-in"
        case .callNext: "call-next"
        case .ticket(_, let action, _, _): action.rawValue
        case .reconfigure: "reconfigure"
        case .sweep: "sweep"
        case .confirm: "confirm"
        case .sendAgain: "send-again"
        }
    }
}

/// Who did it, for the audit log: a staff token's id and role (never the token itself), or a
/// signed-in staff member's id with `person` as the role; `name` is the token's or the person's
/// name as it is at the time, kept with the entry.
package struct StaffActor: Hashable, Sendable {
    package var id: String
    package var role: String
    package var name: String?

    package init(id: String, role: String, name: String? = nil) {
        self.id = id
        self.role = role
        self.name = name
    }
}

/// What the writer decided and stored.
package enum OfficeOutcome: Sendable {
    case hold(Hold)
    case holdReleased(Hold)
    /// A booking; `token` is set only when it was just made (it is shown once).
    case booking(Booking, token: String?)
    /// A queue change and the ticket as it is now; a new ticket comes with the key of its page
    /// (`/t/{key}`), shown this once: only its hash is stored.
    case queue(QueueEvent, Ticket, pageKey: String? = nil)
    /// Tickets from home passed over (none, when nothing was due).
    case passedOver([QueueEvent])
    /// Call-next found nobody this counter can serve.
    case nobodyWaiting
    /// Expired holds and the unconfirmed bookings released at their deadline.
    case swept(releasedHolds: Int, releasedBookings: [Booking] = [])
    /// The office took a new configuration; what became of the bookings it no longer fits.
    case reconfigured(ReconfigurationResult)
}

/// Why the writer refused or failed.
package enum WriterError: Error, Sendable, CustomStringConvertible {
    case scheduling(SchedulingError)
    case queue(QueueError)
    /// The booking changed since the caller read it (its `If-Match` is stale).
    case stale(BookingID, current: Int)
    /// The change could not be stored; nothing of it was kept.
    case storage(String)
    /// There is no message to send for the booking: it has no e-mail address, is cancelled, or mail
    /// is switched off.
    case nothingToSend(BookingID)

    package var description: String {
        switch self {
        case .scheduling(let error): "\(error)"
        case .queue(let error): "\(error)"
        case .stale(let id, let current): "booking \(id) is at version \(current)"
        case .storage(let message): "storage failure: \(message)"
        case .nothingToSend(let id): "no message to send for booking \(id)"
        }
    }
}

/// A response stored under an idempotency key, so that a retried request (Idempotency-Key) gets
/// the first answer even after a restart. The body is stored as handed in (encrypted by the
/// caller).
package struct StoredResponse: Sendable, Equatable {
    package var status: Int
    package var headers: [(String, String)]
    package var body: [UInt8]

    package init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    package static func == (lhs: StoredResponse, rhs: StoredResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.map(\.0) == rhs.headers.map(\.0)
            && lhs.headers.map(\.1) == rhs.headers.map(\.1)
    }
}

/// A record that changes together with a command's change, in its transaction, when the command
/// succeeds.
package enum LinkedChange: Sendable, Equatable {
    /// The draw entry won the booking the command makes.
    case drawEntryWon(String)
    /// The draw entry is withdrawn with the cancellation the command makes.
    case drawEntryWithdrawn(String)
    /// Wishes and offers change with the hold, booking or release the command makes.
    case wish([WishChange])
}
