package import Scheduling

/// A new configuration for one office, with what to do about the bookings it no longer fits.
package struct Reconfiguration: Sendable {
    /// What becomes of a booking the new configuration no longer fits.
    package enum Decision: String, Sendable, CaseIterable {
        /// It stays where it is, flagged for staff.
        case keep
        /// It moves to the next free time the core finds on or after its start (kept and flagged
        /// if there is none).
        case move
        /// It is cancelled (the citizen is told).
        case cancel
    }

    package var office: Office
    package var services: [Service]
    package var groups: [ServiceGroup]
    /// Decisions by booking; a booking not named (one made after the change was previewed) is
    /// kept and flagged, never left unflagged in closed time.
    package var decisions: [BookingID: Decision]
    /// The configuration version this change makes: stored with the first office's change.
    package var version: ConfigurationVersion?
    /// The version flags name.
    package var versionNumber: Int?

    package init(
        office: Office, services: [Service], groups: [ServiceGroup], decisions: [BookingID: Decision] = [:],
        version: ConfigurationVersion? = nil, versionNumber: Int? = nil
    ) {
        self.office = office
        self.services = services
        self.groups = groups
        self.decisions = decisions
        self.version = version
        self.versionNumber = versionNumber ?? version?.number
    }
}

/// What a reconfiguration did to the bookings it no longer fits.
package struct ReconfigurationResult: Sendable {
    /// Bookings that stay and are flagged, with why they no longer fit.
    package var kept: [(booking: Booking, misfit: BookingMisfit)] = []
    /// Bookings moved: as they were and as they are now.
    package var moved: [(from: Booking, to: Booking)] = []
    /// Bookings cancelled.
    package var cancelled: [Booking] = []
    /// Bookings that were to move but found no free time: kept and flagged.
    package var unmovable: [Booking] = []
    /// Why each booking moved or cancelled no longer fitted (for the citizen's notice).
    package var reasons: [BookingID: BookingMisfit] = [:]

    package init() {}
}

extension BookingMisfit {
    /// The reason stored with a flag, in words for staff (German, as the staff pages are).
    package var reason: String {
        switch self {
        case .counterRemoved(let counter): "Schalter \(counter) gibt es nicht mehr"
        case .offGrid: "die Zeit liegt nicht mehr im Zeitraster"
        case .serviceNotDone(let service): "der Schalter bietet \(service) nicht mehr an"
        case .closed(let reasons): "geschlossen: " + reasons.joined(separator: "; ")
        case .outsideHours: "außerhalb der Öffnungszeiten"
        }
    }
}
