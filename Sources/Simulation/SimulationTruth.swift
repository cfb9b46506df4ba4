package import Scheduling

/// What the simulator did, as it did it: every ticket with the moments the simulator drew it,
/// was called, came and left, and every booking with its channel, cancellation and moves. The
/// statistics derived by the server must equal what follows from this.
package struct SimulationTruth: Sendable {
    package var visits: [Visit] = []
    package var bookings: [BookingRecord] = []

    package init() {}

    package struct Visit: Sendable {
        package var office: OfficeID
        package var day: LocalDate
        package var kind: VisitKind
        package var channel: Channel?
        package var group: String
        package var services: [ServiceID]
        package var persons: Int
        package var issuedAt: Instant
        package var appointmentStart: Instant?
        package var calledAt: Instant?
        package var counter: CounterID?
        package var startedAt: Instant?
        package var finishedAt: Instant?
        /// Called and not there.
        package var noShow = false
    }

    package struct BookingRecord: Sendable {
        package var office: OfficeID
        package var id: String
        package var channel: Channel
        package var services: [ServiceID]
        package var persons: Int
        package var createdAt: Instant
        package var start: Instant
        package var end: Instant
        package var cancelledAt: Instant?
        package var cancelledBy: Channel?
        package var moves: [Channel] = []
        /// Its ticket was served.
        package var attended = false
    }
}
