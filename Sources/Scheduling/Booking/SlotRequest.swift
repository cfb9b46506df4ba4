/// What a caller asks for: these services for this many persons, starting then, on a channel.
package struct SlotRequest: Hashable, Sendable {
    package var services: [ServiceID]
    package var persons: Int
    package var start: Instant
    package var channel: Channel

    package init(services: [ServiceID], persons: Int, start: Instant, channel: Channel) {
        self.services = services
        self.persons = persons
        self.start = start
        self.channel = channel
    }
}

/// A checked demand: the services, the counter time they need and who may serve them.
package struct Demand: Sendable {
    package var services: [Service]
    package var persons: Int
    /// Minutes of counter time (durations × persons, before rounding to the grid).
    package var minutes: Int
    /// Grid units of counter time.
    package var units: Int
    /// The counters that can do all the services, as a bit mask by counter index.
    package var counterMask: UInt64
    package var window: BookingWindow
    package var channel: Channel
    /// Whether it may take time held back from the public after a cancellation: an offer to a
    /// wish (Documentation/Wishes.md), for which that time is kept.
    package var passesHoldBack = false

    /// Indexes of the counters that can do all the services, ascending.
    package var counters: CounterIndexes { CounterIndexes(mask: counterMask) }
}

/// The indexes of the set bits of a counter mask, ascending, without allocating.
package struct CounterIndexes: Sequence, Sendable {
    let mask: UInt64

    package struct Iterator: IteratorProtocol {
        var bits: UInt64
        package mutating func next() -> Int? {
            guard bits != 0 else { return nil }
            let index = bits.trailingZeroBitCount
            bits &= bits - 1
            return index
        }
    }

    package func makeIterator() -> Iterator { Iterator(bits: mask) }
}
