/// Who makes a booking, which decides the contingent of counter time it may use.
package enum Channel: String, CaseIterable, Hashable, Sendable {
    /// A citizen on the web or in an app.
    case online
    /// Hotline staff (the 115 line, the switchboard) booking for a caller.
    case hotline
    /// Counter staff (Sachbearbeitung) booking at the desk.
    case counter
    /// The self-service terminal in the hall; books like `online`.
    case kiosk

    /// The most restrictive contingent this channel may still book: online may book only time
    /// opened to online; hotline may book online and hotline time; counter staff any bookable
    /// time (Documentation/Scheduling.md, "Capacity and contingents").
    package var reach: Contingent {
        switch self {
        case .online, .kiosk: .online
        case .hotline: .hotline
        case .counter: .counter
        }
    }

    /// Whether `contingent` time is open to this channel.
    package func mayBook(_ contingent: Contingent) -> Bool {
        contingent.rawValue <= reach.rawValue
    }

    /// Whether this channel counts as the public (citizen) side, to which held-back time and
    /// services not bookable online are closed.
    package var isPublic: Bool { self == .online || self == .kiosk }
}

/// To whom a period of counter time is opened. The order matters: each level includes the
/// channels of the levels before it (online ⊆ hotline ⊆ counter staff).
package enum Contingent: Int, CaseIterable, Hashable, Sendable, Comparable {
    /// Bookable online, by the hotline and at the counter.
    case online = 0
    /// Bookable by the hotline and at the counter.
    case hotline = 1
    /// Bookable by counter staff only.
    case counter = 2
    /// Open for walk-ins only: no bookings at all.
    case walkIn = 3

    package static func < (lhs: Contingent, rhs: Contingent) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The configuration key (`online`, `hotline`, `counter`, `walkIn`).
    package var key: String {
        switch self {
        case .online: "online"
        case .hotline: "hotline"
        case .counter: "counter"
        case .walkIn: "walkIn"
        }
    }

    package init?(key: String) {
        guard let value = Contingent.allCases.first(where: { $0.key == key }) else { return nil }
        self = value
    }

    /// The contingents that can be booked, in order.
    package static let bookable: [Contingent] = [.online, .hotline, .counter]
}
