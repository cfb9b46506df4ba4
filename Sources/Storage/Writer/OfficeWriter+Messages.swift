package import Scheduling

/// What an office writer needs to write messages: which ones each change causes, and the key that
/// seals a new booking's token for its messages' links (`LinkSecret`).
package struct OutboxSettings: Sendable {
    package var policy: MessagePolicy
    /// The link key made ready once for HMAC: sealing a booking's token costs two compressions
    /// fewer than with the key's bytes.
    let preparedLinkKey: HMAC.Key

    package init(policy: MessagePolicy = MessagePolicy(), linkKey: [UInt8] = Secrets.bytes(32)) {
        self.policy = policy
        self.preparedLinkKey = HMAC.Key(linkKey)
    }
}

extension OfficeWriter {
    /// Confirms an unconfirmed booking (double opt-in, on `queue`): its outcome, and the writes
    /// that store it and drop a request to confirm that still waits. One already confirmed is
    /// answered as it is, with nothing to write.
    func confirm(_ id: BookingID, now: Instant) throws(SchedulingError) -> (OfficeOutcome, Committer.WriteSet?) {
        let before = schedule.bookings[id]
        let booking = try schedule.confirm(id, now: now)
        guard before?.sequence != booking.sequence else { return (.booking(booking, token: nil), nil) }
        return (
            .booking(booking, token: nil),
            { connection in
                try connection.confirmBooking(booking)
                try connection.dropWaitingMessages(
                    booking: booking.id, kinds: [.confirmationRequest], reason: "the booking was confirmed", at: now)
            }
        )
    }

    /// The notices of a change of the configuration: one for each booking it moved or cancelled,
    /// with the reason.
    func messages(for result: ReconfigurationResult, now: Instant) -> [MessageIntent] {
        let moved = result.moved.flatMap { from, to in
            outbox.policy.messages(
                for: .moved(from: from, to: to, cause: .configuration, reason: result.reasons[from.id]), now: now)
        }
        let cancelled = result.cancelled.flatMap { booking in
            outbox.policy.messages(
                for: .cancelled(booking, cause: .configuration, reason: result.reasons[booking.id]), now: now)
        }
        return moved + cancelled
    }
}
