import Synchronization

/// Availability answers as ready bytes with their ETags, so that a rush of identical questions
/// costs a dictionary lookup: no capacity search and no JSON encoding on a hit.
///
/// The key holds the office's capacity version (raised by every committed change), the minute of
/// the server's clock (the booking window moves with time) and the question; an entry also lives
/// at most `lifetime` seconds of real time, for holds that expire without a change. When
/// `maxEntries` is reached the cache is emptied and fills again.
package final class AvailabilityCache: Sendable {
    package struct Entry: Sendable {
        package var body: [UInt8]
        package var etag: String
        var born: Double
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let start = ContinuousClock.now
    package let lifetime: Double
    package let maxEntries: Int
    private let counters = Mutex((hits: 0, misses: 0))

    package init(lifetime: Double = 1, maxEntries: Int = 20_000) {
        self.lifetime = lifetime
        self.maxEntries = maxEntries
    }

    private var now: Double { (ContinuousClock.now - start).seconds }

    package func get(_ key: String) -> Entry? {
        let now = now
        let entry = entries.withLock { $0[key] }
        guard let entry, now - entry.born < lifetime else {
            counters.withLock { $0.misses += 1 }
            return nil
        }
        counters.withLock { $0.hits += 1 }
        return entry
    }

    package func put(_ key: String, body: [UInt8]) -> Entry {
        let entry = Entry(body: body, etag: ETag.of(body), born: now)
        entries.withLock { entries in
            if entries.count >= maxEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
        return entry
    }

    /// Hits and misses so far.
    package var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }
}
