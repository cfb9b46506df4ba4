/// The capacity of one office on one local day: per counter, which units are open to which
/// contingent, which are booked, and the temporary blocks (holds, held-back cancellations).
package struct OfficeDay: Sendable {
    package let frame: DayFrame
    /// Units whose start falls on the office's booking step on the wall clock.
    package let alignedStarts: UnitSet
    /// Per counter, in the office's counter order.
    package var counters: [CounterDay]

    package var unitCount: Int { alignedStarts.count }
    package var date: LocalDate { frame.date }
}

/// One counter on one day.
package struct CounterDay: Sendable {
    /// `open[k]`: units open to contingent `k` or a more open one (`online` ⊆ `hotline` ⊆
    /// `counter`), indexed by `Contingent.rawValue` for the three bookable contingents.
    package let open: [UnitSet]
    /// Units during which the counter is attended at all, walk-in time included.
    package let attended: UnitSet
    /// Units taken by bookings.
    package var taken: UnitSet
    /// Holds and held-back cancelled time, each until an instant.
    package var blocks: [Block]

    /// Capacity kept from booking for a while.
    package struct Block: Hashable, Sendable {
        package enum Kind: Hashable, Sendable {
            /// A citizen's hold: closed to every channel.
            case hold(HoldID)
            /// Cancelled time held back: closed to the public channels only.
            case heldBack
        }

        package var units: Range<Int>
        package var until: Instant
        package var kind: Kind

        /// Whether the block still closes time to `channel` at `now`; an offer to a wish
        /// (`passingHoldBack`) may take held-back time, which is kept from the public for the wishes.
        package func blocks(_ channel: Channel?, at now: Instant, passingHoldBack: Bool = false) -> Bool {
            guard now < until else { return false }
            switch kind {
            case .hold: return true
            case .heldBack: return !passingHoldBack && (channel?.isPublic ?? false)
            }
        }
    }

    /// Word `index` of the units free to `channel` at `now` (every contingent and no public
    /// hold-back when `channel` is nil: the counter's own view, used to measure fragmentation).
    @inline(__always)
    func freeWord(_ index: Int, for channel: Channel?, at now: Instant, blocked: [UInt64]) -> UInt64 {
        let level = channel?.reach.rawValue ?? Contingent.counter.rawValue
        let blockedWord = blocked.isEmpty ? 0 : blocked[index]
        return open[level].words[index] & ~taken.words[index] & ~blockedWord
    }

    /// The units closed by active blocks for `channel` at `now`, as words; empty when none.
    func blockedWords(for channel: Channel?, at now: Instant, passingHoldBack: Bool = false) -> [UInt64] {
        var result: [UInt64] = []
        for block in blocks where block.blocks(channel, at: now, passingHoldBack: passingHoldBack) {
            if result.isEmpty { result = Array(repeating: 0, count: taken.words.count) }
            UnitSet.forEachWord(in: block.units.clamped(to: 0..<taken.count)) { index, mask in
                result[index] |= mask
            }
        }
        return result
    }

    /// Whether all of `units` are free to `channel` at `now`.
    func isFree(_ units: Range<Int>, for channel: Channel?, at now: Instant, passingHoldBack: Bool = false) -> Bool {
        let level = channel?.reach.rawValue ?? Contingent.counter.rawValue
        guard open[level].containsAll(units), !taken.intersects(units) else { return false }
        return !blocks.contains {
            $0.blocks(channel, at: now, passingHoldBack: passingHoldBack) && $0.units.overlaps(units)
        }
    }
}
